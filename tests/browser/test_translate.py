"""On-device translation (overrides/assets/javascripts/translate.js) with a scripted stand-in
for the browser's Translator API, injected before the page's scripts: the real on-device model
cannot be downloaded here, and Chromium's own API (present in some builds) is replaced."""

from __future__ import annotations

import json

import pytest

from .test_pages import assert_clean, load

pytestmark = pytest.mark.browser

# The stand-in: availability per source language, a download reported through monitor()'s
# "downloadprogress" events (optionally held at 50 % until the test releases it), streaming
# output in two chunks, and failures on request. It records whether create() ran inside a
# user gesture, as Chrome requires while a model is "downloadable".
STAND_IN = """
(() => {
  const cfg = %s;
  const log = window.__translator = {created: 0, activation: [], release: null};
  const held = new Promise(r => { log.release = r; });
  const tick = () => new Promise(r => setTimeout(r, 10));
  window.Translator = {
    availability: async ({sourceLanguage, targetLanguage}) =>
      (cfg.availability || {})[sourceLanguage.split("-")[0]] || cfg.otherwise || "unavailable",
    create: async (opts) => {
      log.created += 1;
      log.activation.push(navigator.userActivation.isActive);
      const m = new EventTarget();
      if (opts.monitor) opts.monitor(m);
      for (const loaded of [0, 0.5, 1]) {
        const e = new Event("downloadprogress"); e.loaded = loaded; m.dispatchEvent(e);
        if (loaded === 0.5 && cfg.hold) await held;
        await tick();
      }
      if (cfg.fail === "create") throw new DOMException("model download failed", "NetworkError");
      const out = t => "[" + opts.targetLanguage + "] " + t;
      return {
        translate: async t => out(t),
        translateStreaming: t => new ReadableStream({
          async start(c) {
            if (cfg.fail === "stream") { c.error(new DOMException("translation failed", "OperationError")); return; }
            c.enqueue("[" + opts.targetLanguage + "] "); await tick(); c.enqueue(t); c.close();
          }
        })
      };
    }
  };
})();
"""
NO_API = "delete window.Translator; Object.defineProperty(window, 'Translator', {value: undefined});"


def with_stand_in(context, **cfg):
    context.add_init_script(STAND_IN % json.dumps(cfg))


def german_article(built_site, lang="en"):
    return built_site.article_url(lang, "004")


def test_no_control_without_the_api(context, built_site):
    context.add_init_script(NO_API)
    page = context.new_page()
    page.recorder = context.recorder
    url = german_article(built_site)
    load(page, url, idle=True)
    assert page.locator(".tr-control").count() == 0
    assert page.locator("[data-tr-state]").count() == 0
    assert page.locator("h1.article-title").inner_text() == built_site.article("004")["title"]
    assert_clean(page, url)


def test_no_control_where_the_pair_is_unavailable(context, built_site):
    with_stand_in(context, availability={"ar": "downloadable"})  # German: unavailable
    page = context.new_page()
    page.recorder = context.recorder
    load(page, german_article(built_site), idle=True)
    page.wait_for_timeout(200)
    assert page.locator(".tr-control").count() == 0


def test_translate_in_place_and_restore(context, built_site):
    with_stand_in(context, availability={"de": "downloadable"})
    page = context.new_page()
    page.recorder = context.recorder
    url = german_article(built_site)
    load(page, url, idle=True)
    title = page.locator("h1.article-title")
    original = title.inner_text()
    button = page.locator("h1.article-title + .tr-control .tr-button")
    button.wait_for()
    assert button.inner_text() == "Translate into English"
    # every foreign text of the page gets one: title, summary, body
    assert page.locator(".tr-control").count() >= 3
    button.click()
    page.wait_for_function("document.querySelector('h1.article-title').dataset.trState === 'translated'")
    assert title.inner_text() == "[en] " + original
    assert title.get_attribute("lang") == "en"
    assert button.inner_text() == "Show original"
    assert page.evaluate("window.__translator.activation") == [True]  # create() came from the click
    button.click()
    assert title.inner_text() == original and title.get_attribute("lang") == "de"
    assert button.inner_text() == "Translate into English"
    assert_clean(page, url)


def test_body_translates_sentence_by_sentence_keeping_anchors(context, built_site):
    with_stand_in(context, availability={"de": "available"})
    page = context.new_page()
    page.recorder = context.recorder
    load(page, german_article(built_site), idle=True)
    sentences = page.locator(".original .sentence")
    before = sentences.evaluate_all("ss => ss.map(s => [s.id, s.textContent])")
    page.locator(".tr-control:has(+ .original) .tr-button").click()
    page.wait_for_function("document.querySelector('.original').dataset.trState === 'translated'")
    after = sentences.evaluate_all("ss => ss.map(s => [s.id, s.textContent])")
    assert [i for i, _t in after] == [i for i, _t in before]  # fact cards still find their sentences
    assert all(t == "[en] " + o for (_i, t), (_j, o) in zip(after, before, strict=True))


def test_download_progress_is_shown(context, built_site):
    with_stand_in(context, availability={"de": "downloadable"}, hold=True)
    page = context.new_page()
    page.recorder = context.recorder
    load(page, german_article(built_site), idle=True)
    control = page.locator("h1.article-title + .tr-control")
    control.locator(".tr-button").click()
    status = control.locator(".tr-status")
    page.wait_for_function("s => s.textContent.includes('50')", arg=status.element_handle())
    assert status.inner_text().startswith("Downloading the translation model")
    assert control.locator(".tr-button").is_disabled()
    page.evaluate("window.__translator.release()")
    page.wait_for_function("document.querySelector('h1.article-title').dataset.trState === 'translated'")
    assert status.inner_text() == ""


@pytest.mark.parametrize("failure", ["create", "stream"])
def test_failure_shows_a_message_and_keeps_the_original(context, built_site, failure):
    with_stand_in(context, availability={"de": "downloadable"}, fail=failure)
    page = context.new_page()
    page.recorder = context.recorder
    load(page, german_article(built_site), idle=True)
    title = page.locator("h1.article-title")
    original = title.inner_text()
    control = page.locator("h1.article-title + .tr-control")
    control.locator(".tr-button").click()
    page.wait_for_function(
        "s => s.textContent.includes('failed')", arg=control.locator(".tr-status").element_handle()
    )
    assert title.inner_text() == original and title.get_attribute("lang") == "de"
    assert control.locator(".tr-button").inner_text() == "Translate into English"


def test_the_choice_is_remembered_for_the_session(context, built_site):
    with_stand_in(context, availability={"de": "available"})
    page = context.new_page()
    page.recorder = context.recorder
    url = german_article(built_site)
    load(page, url, idle=True)
    page.locator("h1.article-title + .tr-control .tr-button").click()
    page.wait_for_function("document.querySelector('h1.article-title').dataset.trState === 'translated'")
    # the next page translates German at once (the model is on the device: no click needed)
    load(page, "/en/index.html", idle=True)
    page.wait_for_function(
        "document.querySelectorAll('[data-tr-lang=\"de\"][data-tr-state=translated]').length > 0"
    )
    assert page.locator('[data-tr-lang="ar"][data-tr-state="translated"]').count() == 0  # only that pair
    # handles, not locators: a locator by data-tr-state would move on to the next item
    item = page.locator('[data-tr-lang="de"][data-tr-state="translated"]').first.element_handle()
    unit = item.query_selector("[lang]:not(.tr-control)")
    assert unit.get_attribute("lang") == "en" and unit.inner_text().startswith("[en] ")
    # "Show original" restores the piece's own language, and forgets the choice
    item.query_selector(".tr-button").click()
    assert unit.get_attribute("lang") == "de" and not unit.inner_text().startswith("[en] ")
    load(page, url, idle=True)
    page.wait_for_timeout(200)
    assert page.locator("[data-tr-state]").count() == 0


def test_labels_are_in_the_site_language(context, built_site):
    with_stand_in(context, availability={"de": "downloadable"})
    page = context.new_page()
    page.recorder = context.recorder
    load(page, german_article(built_site, "ar"), idle=True)
    button = page.locator("h1.article-title + .tr-control .tr-button")
    button.wait_for()
    assert button.inner_text() == "ترجمة إلى العربية"


def test_no_control_on_text_in_the_site_language(context, built_site):
    with_stand_in(context, availability={"de": "downloadable"})
    page = context.new_page()
    page.recorder = context.recorder
    load(page, german_article(built_site, "de"), idle=True)
    page.wait_for_timeout(200)
    assert page.locator(".tr-control").count() == 0
