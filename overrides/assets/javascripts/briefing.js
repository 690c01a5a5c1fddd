{#-
  Briefing: what Material writes into every page but only JavaScript uses, written once per
  language instead. A static template (theme.static_templates in mkdocs.yml), rendered by
  MkDocs into site/<lang>/assets/javascripts/briefing.js; partials/header.html loads it with a
  plain <script src> where Material's search dialog was, before Material's bundle runs.

  It defines, exactly as Material 9.8.1's templates do (base.html, partials/javascripts/base.html):
  * the __md_scope/__md_hash/__md_get/__md_set helpers;
  * the __config JSON (base URL, features, translations, search worker);
  * the search dialog (partials/search.html), inserted in the header in its place;
  * on pages outside the navigation, the drawer's links, copied from the tabs (partials/nav.html
    leaves the list empty there);
  * the language switcher's links, copied from the page's hreflang alternates (partials/alternate.html);
  * the table of contents' entries, from the headings it names (partials/toc.html);
  * on lean.html's pages (nearly all: the script has data-toc), the rest of base.html's frame:
    the drawer and search toggles, the skip link, the header (partials/header.html, with the
    page's title from <title>), both sidebars, the dialog;
  * the fact cards' tooltip, and translate.js with its labels where the page has foreign text.
  Page-relative URLs in Material's originals ("..", "../assets/…") are derived from this
  script's own URL (site/<lang>/assets/javascripts/), which works over http(s) and file://.
-#}
{%- import "partials/language.html" as lang with context -%}
{%- set features = config.theme.features or [] -%}
{%- set dialog -%}{% include "partials/search.html" %}{%- endset -%}
{#- The drawer's frame, as Material's base.html and partials/nav.html write it (empty list). -#}
{%- set drawer -%}
<div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--primary{{ ' md-nav--lifted' if 'navigation.tabs' in features }}{{ ' md-nav--integrated' if 'toc.integrate' in features }}" aria-label="{{ lang.t('nav') }}" data-md-level="0"><label class="md-nav__title" for="__drawer"><a href="" title="{{ config.site_name | e }}" class="md-nav__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo"></a>{{ config.site_name }}</label><ul class="md-nav__list" data-md-scrollfix></ul></nav></div></div>
{%- endset -%}
{#- lean.html's frame, as Material's base.html writes it: before the container, and before this
    script (both sidebars; the table of contents' title as partials/toc.html sets it). -#}
{%- set briefing_dialog = dialog -%}
{%- set before -%}
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"><input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off"><label class="md-overlay" for="__drawer"></label><div data-md-component="skip"></div><div data-md-component="announce"></div>{% include "partials/header.html" %}<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
{%- endset -%}
{%- set footer -%}{% include "partials/footer.html" %}{%- endset -%}
{#- lean.html's tabs, as Material's partials/tabs.html writes a flat navigation with none
    active; hrefs from the site root, made relative to the page by frame(). -#}
{%- set tabs -%}
<nav class="md-tabs" aria-label="{{ lang.t('tabs') }}" data-md-component="tabs"><div class="md-grid"><ul class="md-tabs__list">
{%- for nav_item in (nav.items if nav else []) -%}<li class="md-tabs__item"><a href="{{ nav_item.url }}" class="md-tabs__link">{{ nav_item.title }}</a></li>{%- endfor -%}
</ul></div></nav>
{%- endset -%}
{%- set toc_title = (config.mdx_configs.toc.title if config.mdx_configs.toc and config.mdx_configs.toc.title) or lang.t("toc") -%}
{%- set sidebars -%}
<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden></div><div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--secondary" aria-label="{{ toc_title | e }}"></nav></div></div></div>
{%- endset -%}
{%- set tocHead -%}
<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>{{ toc_title }}</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix></ul>
{%- endset -%}
{%- set _ = namespace() -%}
{%- set _.annotate = config.extra.annotate -%}
{%- set _.tags = config.extra.tags -%}
{%- if config.extra.version -%}
  {%- set mike = config.plugins.mike -%}
  {%- if not mike or mike.config.version_selector -%}
    {%- set _.version = config.extra.version -%}
  {%- endif -%}
{%- endif -%}
(function () {
  var script = document.currentScript;
  // lean.html's frame (the script sits in .md-main__inner, the tabs are parsed, the article
  // not yet): base.html's markup before the container and before this script, then what is
  // the page's own: the logo's link (the home page, from this page's depth below the language
  // root), the title in the header (<title> without " - site name"), the skip link and the
  // table of contents (data-toc: its headings' ids, entries written once they are parsed).
  function frame(script) {
    var container = script.closest(".md-container");
    var here = location.href.split("#")[0].split("?")[0];
    var depth = here.indexOf(base.href) === 0 ? here.slice(base.href.length).split("/").length - 1 : 0;
    var up = "../".repeat(depth);
    // The tabs (lean.html leaves them out), before <main>, links made relative to the page.
    if (!container.querySelector(".md-tabs")) {
      container.insertAdjacentHTML("afterbegin", {{ tabs | tojson }});
      container.querySelectorAll(".md-tabs__link").forEach(function (link) {
        link.setAttribute("href", up + link.getAttribute("href"));
      });
    }
    container.querySelectorAll(".md-tabs__list > li:not([class])").forEach(function (item) {
      item.className = "md-tabs__item";
      item.firstElementChild.className = "md-tabs__link";
    });
    container.insertAdjacentHTML("beforebegin", {{ before | tojson }});
    script.insertAdjacentHTML("beforebegin", {{ sidebars | tojson }});
    var logo = document.querySelector(".md-header .md-logo");
    logo.setAttribute("href", up + {{ (nav.homepage.url if nav and nav.homepage else "index.html") | tojson }});
    // The footer after <main> (still being parsed: its content stays inside it).
    container.insertAdjacentHTML("beforeend", {{ footer | tojson }});
    container.querySelectorAll(".md-footer a").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!/^[a-z][a-z0-9+.-]*:|^\//i.test(href)) link.setAttribute("href", up + href);
    });
    var site = {{ (" - " ~ config.site_name) | tojson }}, title = document.title;
    var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
    topic.textContent = title.slice(-site.length) === site ? title.slice(0, -site.length) : title;
    var ids = script.getAttribute("data-toc").split(" ").filter(Boolean);
    if (ids.length) {
      var skip = document.createElement("a");
      skip.className = "md-skip";
      skip.setAttribute("href", "#" + ids[0]);
      skip.textContent = {{ lang.t("action.skip") | tojson }};
      document.querySelector('[data-md-component="skip"]').appendChild(skip);
      var toc = document.querySelector(".md-sidebar--secondary .md-nav--secondary");
      toc.innerHTML = {{ tocHead | tojson }};
      toc.lastChild.setAttribute("data-toc", ids.join(" "));
    }
    if ((script.getAttribute("data-hide") || "").split(" ").indexOf("toc") >= 0)
      document.querySelector(".md-sidebar--secondary").hidden = true;
  }
  var base = new URL("../..", script.src);
  // Material's helpers verbatim, with the scope computed here instead of written per page.
  __md_scope=base,__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
  var config = document.createElement("script");
  config.id = "__config";
  config.type = "application/json";
  config.textContent = JSON.stringify({
    "base": base.href,
    "features": {{ features | list | tojson }},
    "translations": {{ {
      "clipboard.copy": lang.t("clipboard.copy"),
      "clipboard.copied": lang.t("clipboard.copied"),
      "search.result.placeholder": lang.t("search.result.placeholder"),
      "search.result.none": lang.t("search.result.none"),
      "search.result.one": lang.t("search.result.one"),
      "search.result.other": lang.t("search.result.other"),
      "search.result.more.one": lang.t("search.result.more.one"),
      "search.result.more.other": lang.t("search.result.more.other"),
      "search.result.term.missing": lang.t("search.result.term.missing"),
      "select.version": lang.t("select.version")
    } | tojson }},
    // The worker's name is Material's (base.html of the pinned version).
    "search": new URL("workers/search.a7633da7.min.js", script.src).href,
    "annotate": {{ (_.annotate or none) | tojson }},
    "tags": {{ (_.tags or none) | tojson }},
    "version": {{ (_.version or none) | tojson }}
  });
  // The language switcher's links (partials/alternate.html leaves its list empty), in the
  // site's language order, with each language's name, as Material's partials/alternate.html
  // writes them: the page's own <link rel="alternate" hreflang> in <head> where it has them
  // (the pages of the navigation), else the same path in each language's folder (every page
  // exists at the same path in every language; lean pages' alternates are in the sitemaps).
  if (script.hasAttribute("data-toc")) frame(script);
  var names = {{ (config.extra.alternate or []) | map(attribute="name") | list | tojson }};
  var codes = {{ (config.extra.alternate or []) | map(attribute="lang") | list | tojson }};
  var select = document.querySelector(".md-header .md-select__list:empty");
  var page = location.href.split("#")[0].split("?")[0];
  var path = page.indexOf(base.href) === 0 ? page.slice(base.href.length) : "";
  var root = "../".repeat(path.split("/").length);
  codes.forEach(function (code, i) {
    var alt = select && document.head.querySelector('link[rel="alternate"][hreflang="' + code + '"]');
    var href = alt ? alt.getAttribute("href") : path && root + code + "/" + path;
    if (!select || !href) return;
    var item = document.createElement("li"), link = document.createElement("a");
    item.className = "md-select__item";
    link.className = "md-select__link";
    link.setAttribute("href", href);
    link.setAttribute("hreflang", code);
    link.setAttribute("lang", code);
    link.textContent = names[i];
    item.appendChild(link);
    select.appendChild(item);
  });
  if (!script.hasAttribute("data-toc")) script.insertAdjacentHTML("beforebegin", {{ dialog | tojson }});
  script.parentNode.insertBefore(config, script);
  // What the renderer leaves out of every page (generator/render/pages.py script_labels): the
  // fact cards' tooltip, and where the page has foreign text ([data-tr]), translate.js with
  // its labels (#tr-labels). Before Material's listener, so its tooltips see the titles.
  var labels = {{ (config.extra.briefing_script or {}) | tojson }};
  document.addEventListener("DOMContentLoaded", function () {
    if (labels.fact_source) document.querySelectorAll("a.fact-card:not([title])").forEach(function (card) {
      card.setAttribute("title", labels.fact_source);
    });
    // translate.js sees the page's foreign text once: after the article's text is in place.
    originalText().then(translator);
  });
  // An article's text is on its page in its own language's site only (render/pages.py
  // original_link): elsewhere its block holds a link to that page (data-src), replaced here
  // by the text fetched from there. Links to that page's sentences (the fact cards) then
  // point at this page's, and a sentence this page was opened at (#s-N) is scrolled to and
  // highlighted (:target). Should the fetch fail (file://, offline), the link stays, and so
  // do the cards' links to the sentences there; the block is then no text to translate.
  function originalText() {
    var box = document.querySelector("div.original[data-src]");
    if (!box || !window.fetch) return Promise.resolve();
    var src = new URL(box.getAttribute("data-src"), location.href).href;
    return fetch(src).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      var text = new DOMParser().parseFromString(html, "text/html").querySelector("div.original:not([data-src])");
      if (!text) throw new Error("no text at " + src);
      box.innerHTML = text.innerHTML;
      box.removeAttribute("data-src");
      document.querySelectorAll('a[href*="#s-"]').forEach(function (link) {
        var parts = link.href.split("#");
        if (parts[0] === src && box.querySelector('[id="' + parts[1] + '"]')) link.setAttribute("href", "#" + parts[1]);
      });
      var id = decodeURIComponent(location.hash.slice(1));
      if (id && box.querySelector('[id="' + id.replace(/["\\]/g, "") + '"]')) location.replace("#" + id);
    }).catch(function () {
      box.removeAttribute("data-tr");
    });
  }
  function translator() {
    if (!labels.target || !document.querySelector("[data-tr], [data-tr-lang]") || document.getElementById("tr-labels")) return;
    var tr = document.createElement("div");
    tr.id = "tr-labels";
    tr.hidden = true;
    ["target", "dir", "translate", "original", "working", "progress", "failed"].forEach(function (key) {
      tr.setAttribute("data-" + key, labels[key]);
    });
    document.body.appendChild(tr);
    var code = document.createElement("script");
    code.src = new URL("translate.js", script.src).href;
    document.body.appendChild(code);
  }
  // Material's bundle starts its components on DOMContentLoaded, listening after this script:
  // the drawer is complete before Material sees it. Markup as Material's partials/nav-item.html.
  document.addEventListener("DOMContentLoaded", function () {
    // Table of contents (partials/toc.html wrote only the headings' ids): Material's entries,
    // as its partials/toc-item.html writes them, each titled with its heading's text.
    var toc = document.querySelector(".md-nav--secondary > .md-nav__list[data-toc]:empty");
    if (toc) toc.getAttribute("data-toc").split(" ").forEach(function (id) {
      var heading = document.getElementById(id);
      if (!heading) return;
      var item = document.createElement("li"), link = document.createElement("a"), title = document.createElement("span");
      item.className = "md-nav__item";
      link.className = "md-nav__link";
      link.setAttribute("href", "#" + id);
      title.className = "md-ellipsis";
      title.textContent = heading.textContent.trim();
      link.appendChild(title);
      item.appendChild(link);
      toc.appendChild(item);
    });
    // The drawer of a page outside the navigation (overrides/main.html left it empty):
    // Material's partials/nav.html markup, its logo (link and image) the header's.
    var side = document.querySelector(".md-sidebar--primary:empty");
    var logo = document.querySelector(".md-header .md-logo");
    if (side && logo) {
      side.innerHTML = {{ drawer | tojson }};
      var mine = side.querySelector(".md-logo");
      mine.setAttribute("href", logo.getAttribute("href"));
      mine.innerHTML = logo.innerHTML;  // theme.logo's <img>, if any (else CSS draws the icon)
    }
    var list = document.querySelector(".md-nav--primary > .md-nav__list:empty");
    if (!list) return;
    document.querySelectorAll(".md-tabs__link").forEach(function (tab) {
      var item = document.createElement("li"), link = document.createElement("a"), title = document.createElement("span");
      item.className = "md-nav__item";
      link.className = "md-nav__link";
      link.setAttribute("href", tab.getAttribute("href"));
      title.className = "md-ellipsis";
      title.textContent = tab.textContent.trim();
      link.appendChild(title);
      item.appendChild(link);
      list.appendChild(item);
    });
  });
})();
