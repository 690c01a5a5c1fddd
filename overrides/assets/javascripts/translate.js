/* Translate on the device: a "Translate into <site language>" control on foreign-language
 * text, shown only where the browser's own Translator API (desktop Chrome 138+) can
 * translate that language pair. Nothing leaves the machine; without the API the page is
 * left exactly as it is (Firefox translates pages itself from their lang attributes).
 *
 * Markup (generator/render/pages.py):
 *   [data-tr]                  something to translate; its language is its lang attribute;
 *   .sentence, [data-tr-unit]  the pieces translated one by one (else the element's own text);
 *   data-tr-at="before|after|end"  where the control goes (default: after the element);
 *   [data-tr-lang]             a block (a list item) that also holds site-language text: its
 *                              pieces in data-tr-lang are its elements with a lang attribute,
 *                              the control goes at its end;
 *   #tr-labels                 the site language and the UI strings, from the gettext catalog
 *                              (written by briefing.js, which loads this script after it).
 * The choice of translating a language pair is kept for the session (sessionStorage): later
 * pages translate that pair at once when its model is already on the device.
 */
(function () {
  "use strict";
  var api = window.Translator;
  var labels = document.getElementById("tr-labels");
  if (!api || typeof api.availability !== "function" || !labels) return;

  var target = labels.getAttribute("data-target");
  var targetDir = labels.getAttribute("data-dir") || "ltr";
  var KEY = "briefing-translate:";
  var availability = {};  // source language -> Promise of the API's answer
  var translators = {};   // source language -> Promise of a Translator
  var originals = new WeakMap();  // unit -> its original text

  function base(tag) { return (tag || "").toLowerCase().split("-")[0]; }
  function label(name) { return labels.getAttribute("data-" + name) || ""; }

  function remembered(source) {
    try { return sessionStorage.getItem(KEY + source + ":" + target) === "1"; } catch (e) { return false; }
  }
  function remember(source, on) {
    try {
      if (on) sessionStorage.setItem(KEY + source + ":" + target, "1");
      else sessionStorage.removeItem(KEY + source + ":" + target);
    } catch (e) { /* storage disabled: the choice lasts for this page */ }
  }

  function check(source) {
    if (!availability[source]) {
      availability[source] = Promise.resolve()
        .then(function () { return api.availability({sourceLanguage: source, targetLanguage: target}); })
        .catch(function () { return "unavailable"; });
    }
    return availability[source];
  }

  function percent(fraction) {
    try {
      return new Intl.NumberFormat(target, {style: "percent"}).format(fraction);
    } catch (e) { return Math.round(fraction * 100) + "%"; }
  }

  // create() must run inside the click (user activation) while a model is downloadable:
  // it is called synchronously from the handler, before any await.
  function translatorFor(source, onProgress) {
    if (!translators[source]) {
      translators[source] = api.create({
        sourceLanguage: source, targetLanguage: target,
        monitor: function (m) {
          m.addEventListener("downloadprogress", function (e) { onProgress(e.loaded); });
        }
      });
      translators[source].catch(function () { delete translators[source]; });
    }
    return translators[source];
  }

  function unitsOf(el) {
    var block = !el.hasAttribute("data-tr") && el.hasAttribute("data-tr-lang");
    var units = el.querySelectorAll(block ? "[lang]:not(.tr-control)" : ".sentence, [data-tr-unit]");
    return units.length ? Array.prototype.slice.call(units) : [el];
  }

  // Chunks are read as deltas; a chunk that repeats everything so far replaces it.
  function streamInto(translator, unit, text) {
    if (typeof translator.translateStreaming !== "function") {
      return translator.translate(text).then(function (out) { unit.textContent = out; });
    }
    var reader = translator.translateStreaming(text).getReader();
    var acc = "";
    function step() {
      return reader.read().then(function (r) {
        if (r.done) return;
        var chunk = String(r.value);
        acc = (acc && chunk.indexOf(acc) === 0) ? chunk : acc + chunk;
        unit.textContent = acc;
        return step();
      });
    }
    return step();
  }

  // The element and its pieces say which language they are in: the site's once translated.
  function relabel(node) {
    if (!node.hasAttribute("lang") || node.hasAttribute("data-tr-orig-lang")) return;
    node.setAttribute("data-tr-orig-lang", node.getAttribute("lang"));
    node.setAttribute("data-tr-orig-dir", node.getAttribute("dir") || "ltr");
    node.setAttribute("lang", target);
    node.setAttribute("dir", targetDir);
  }
  function unlabel(node) {
    var lang = node.getAttribute("data-tr-orig-lang");
    if (lang === null) return;
    node.setAttribute("lang", lang);
    node.setAttribute("dir", node.getAttribute("data-tr-orig-dir") || "ltr");
    node.removeAttribute("data-tr-orig-lang");
    node.removeAttribute("data-tr-orig-dir");
  }

  function restore(el) {
    unitsOf(el).forEach(function (unit) {
      if (originals.has(unit)) unit.textContent = originals.get(unit);
      unlabel(unit);
    });
    unlabel(el);
    el.removeAttribute("data-tr-state");
  }

  function translate(el, source, control, fromClick) {
    var button = control.button, status = control.status;
    button.disabled = true;
    status.textContent = label("working");
    var pending = translatorFor(source, function (loaded) {
      status.textContent = label("progress").replace("{percent}", percent(loaded || 0));
    });
    pending.then(function (translator) {
      var units = unitsOf(el);
      units.forEach(function (u) { if (!originals.has(u)) originals.set(u, u.textContent); });
      var chain = Promise.resolve();
      units.forEach(function (u) {
        chain = chain.then(function () { return streamInto(translator, u, originals.get(u)); });
      });
      return chain;
    }).then(function () {
      relabel(el);
      unitsOf(el).forEach(relabel);
      el.setAttribute("data-tr-state", "translated");
      status.textContent = "";
      button.textContent = label("original");
      button.disabled = false;
      if (fromClick) remember(source, true);
    }).catch(function () {
      restore(el);
      status.textContent = label("failed");
      button.textContent = label("translate");
      button.disabled = false;
    });
  }

  function addControl(el, source, state) {
    var box = document.createElement("span");
    box.className = "tr-control";
    box.setAttribute("lang", labels.getAttribute("data-target"));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tr-button";
    button.textContent = label("translate");
    var status = document.createElement("span");
    status.className = "tr-status";
    status.setAttribute("role", "status");
    box.appendChild(button);
    box.appendChild(status);
    var control = {button: button, status: status};
    button.addEventListener("click", function (e) {
      e.preventDefault();
      e.stopPropagation();
      if (el.getAttribute("data-tr-state") === "translated") {
        restore(el);
        button.textContent = label("translate");
        status.textContent = "";
        remember(source, false);
      } else {
        translate(el, source, control, true);
      }
    });
    var at = el.getAttribute("data-tr-at") || (el.hasAttribute("data-tr") ? "after" : "end");
    if (at === "before") el.parentNode.insertBefore(box, el);
    else if (at === "end") el.appendChild(box);
    else el.parentNode.insertBefore(box, el.nextSibling);
    if (state === "available" && remembered(source)) translate(el, source, control, false);
  }

  function scan() {
    var els = document.querySelectorAll("[data-tr], [data-tr-lang]");
    Array.prototype.forEach.call(els, function (el) {
      var source = el.getAttribute("data-tr-lang") || el.getAttribute("lang");
      if (!source || base(source) === base(target)) return;
      check(source).then(function (state) {
        if (state && state !== "unavailable") addControl(el, source, state);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
