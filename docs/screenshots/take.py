"""Screenshots of the built site for the README: home, an event and an article in every site
language, at desktop (1280 px) and phone (390 px) width, first screen only (small PNGs).

    .venv/bin/briefing build && (cd site && python3 -m http.server 8000 --bind 127.0.0.1 &)
    .venv/bin/python docs/screenshots/take.py http://127.0.0.1:8000 docs/screenshots

Uses Debian's chromium through Playwright (as tests/browser do); nothing leaves localhost.
"""
from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

LANGS = ("en", "de", "ar", "zh-Hant")
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def pages(base: str) -> dict[str, str]:
    """Name → path of the pages shown: the home page, the seeds' first event, article 000."""
    export = json.load(urllib.request.urlopen(f"{base}/briefing.json"))
    event = next(e["id"] for e in export["events"] if len(e["articles"]) > 1)
    article = sorted(a["id"] for a in export["articles"])[0]
    return {"home": "index.html", "event": f"events/{event}.html", "article": f"articles/{article}.html"}


def main(base: str, out: Path) -> None:
    """Writes <page>-<lang>-<size>.png into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1,
                                          is_mobile=size == "phone", has_touch=size == "phone")
            page = context.new_page()
            for lang in LANGS:
                for name, path in pages(base).items():
                    page.goto(f"{base}/{lang}/{path}", wait_until="networkidle")
                    page.screenshot(path=str(out / f"{name}-{lang}-{size}.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
