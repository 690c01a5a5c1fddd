"""The root 404 page and the per-language 404 base."""

import dataclasses
import re
from pathlib import Path

from generator.config import load_config
from generator.render.notfound import not_found_labels, on_template_context, root_not_found

CFG = load_config(Path(__file__).resolve().parents[2] / "mkdocs.yml")


def test_root_404_speaks_every_site_language_and_links_their_homes():
    page = root_not_found(CFG)
    assert re.findall(r'<section lang="([^"]+)"', page) == [lang.code for lang in CFG.languages]
    assert re.findall(r'<a href="([^"]+)"', page) == [f"{lang.code}/index.html" for lang in CFG.languages]
    assert 'dir="rtl"' in page and "找不到網頁" in page and "Seite nicht gefunden" in page
    assert '<link rel="stylesheet"' not in page and "src=" not in page  # nothing to load
    assert "<script>" in page  # without site_url the base is worked out from the address


def test_root_404_with_site_url_has_an_absolute_base():
    page = root_not_found(dataclasses.replace(CFG, site_url="https://example.org/b"))
    assert '<base href="https://example.org/b/">' in page and "<script>" not in page


def test_labels_are_translated():
    assert not_found_labels("ar")["not_found"] == "الصفحة غير موجودة"
    assert not_found_labels("en")["go_home"] == "Go to the home page"


def test_language_404_links_from_its_own_folder_without_site_url():
    config = {"site_url": None, "extra_css": ["assets/briefing.css"], "extra_javascript": []}
    ctx = on_template_context({"base_url": "/", "extra_css": ["/assets/briefing.css"]}, "404.html", config)
    assert ctx["base_url"] == "." and ctx["extra_css"] == ["./assets/briefing.css"]
    other = on_template_context({"base_url": ".."}, "sitemap.xml", config)
    assert other["base_url"] == ".."
    hosted = on_template_context({"base_url": "/b/en/"}, "404.html", dict(config, site_url="https://x/b/en/"))
    assert hosted["base_url"] == "/b/en/"
