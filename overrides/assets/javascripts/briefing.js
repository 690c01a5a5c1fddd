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
    leaves the list empty there).
  Page-relative URLs in Material's originals ("..", "../assets/…") are derived from this
  script's own URL (site/<lang>/assets/javascripts/), which works over http(s) and file://.
-#}
{%- import "partials/language.html" as lang with context -%}
{%- set features = config.theme.features or [] -%}
{%- set dialog -%}{% include "partials/search.html" %}{%- endset -%}
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
  script.insertAdjacentHTML("beforebegin", {{ dialog | tojson }});
  script.parentNode.insertBefore(config, script);
  // Material's bundle starts its components on DOMContentLoaded, listening after this script:
  // the drawer is complete before Material sees it. Markup as Material's partials/nav-item.html.
  document.addEventListener("DOMContentLoaded", function () {
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
