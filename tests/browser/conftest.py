"""Browser tests: the seed site built once per session, served on 127.0.0.1, read by headless Chromium.

Chromium is Debian's (``/usr/bin/chromium``; ``BRIEFING_CHROMIUM`` overrides), driven through
Playwright for Python without ``playwright install``. When it (or Playwright) is missing the
tests skip on a developer machine and fail when ``CI=true``: CI must really run them.

``BRIEFING_TEST_SITE=<built site/>`` serves an existing site instead of building (for quick
iteration); the default serves the session's seed-site build (``seed_site`` in
tests/conftest.py), made in a temporary project so the repository's content/ and site/ are
never touched.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
LANGS = ("en", "de", "ar", "zh-Hant")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    """Every browser test reads the built seed site, a whole-site build: mark them slow too."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)


def _unavailable(reason: str):
    """Skip locally; fail under CI, where the browser suite must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    explicit = os.environ.get("BRIEFING_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for cand in (shutil.which("chromium"), "/usr/bin/chromium"):
        if cand and os.access(cand, os.X_OK):
            return cand
    return None


# ----------------------------------------------------------------------------- the site


@dataclass
class BuiltSite:
    root: Path  # the built site/ (index.html, <lang>/, briefing.json)
    build_log: str = ""
    export: dict = field(default_factory=dict)

    def article_ids(self) -> list[str]:
        return sorted(a["id"] for a in self.export["articles"])

    def article(self, prefix: str) -> dict:
        """The exported article whose id starts with ``prefix`` ("003")."""
        found = [a for a in self.export["articles"] if a["id"].startswith(prefix)]
        assert len(found) == 1, f"expected one article {prefix}*, found {[a['id'] for a in found]}"
        return found[0]

    def article_url(self, lang: str, prefix: str) -> str:
        return f"/{lang}/articles/{self.article(prefix)['id']}.html"


@pytest.fixture(scope="session")
def built_site(request) -> BuiltSite:
    existing = os.environ.get("BRIEFING_TEST_SITE")
    if existing:
        root, log = Path(existing).resolve(), ""
    else:
        # The same session build the end-to-end tests read (tests/conftest.py).
        project = request.getfixturevalue("seed_site")
        root, log = project.site, project.build_log
    export = json.loads((root / "briefing.json").read_text(encoding="utf-8"))
    return BuiltSite(root=root, build_log=log, export=export)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class' name
        pass


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# ----------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    exe = chromium_path()
    if exe is None:
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        # launch() gives Chromium a fresh temporary profile (user-data-dir) of its own;
        # each test then gets a new context (cookies, storage, viewport).
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Recorder:
    """Every request, console error and uncaught exception of a browser context."""

    def __init__(self):
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def attach(self, context):
        context.on("request", lambda r: self.requests.append(r.url))
        context.on(
            "console",
            lambda m: (
                m.type == "error"
                and self.console_errors.append(
                    f"{m.text} ({m.location.get('url', '')}:{m.location.get('lineNumber', '')})"
                )
            ),
        )
        context.on("weberror", lambda e: self.page_errors.append(str(e.error)))

    def off_host(self) -> list[str]:
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out

    def clear(self):
        self.requests.clear()
        self.console_errors.clear()
        self.page_errors.clear()


def _new_context(browser, base_url, viewport, phone=False):
    context = browser.new_context(
        base_url=base_url,
        viewport=viewport,
        locale="en-US",
        device_scale_factor=1,
        is_mobile=phone,
        has_touch=phone,
        service_workers="block",
    )
    rec = Recorder()
    rec.attach(context)
    context.recorder = rec
    return context


@pytest.fixture
def context(browser, base_url):
    context = _new_context(browser, base_url, DESKTOP)
    yield context
    context.close()
    # Whatever a test did, nothing may have left the machine.
    assert not context.recorder.off_host(), f"requests left localhost: {context.recorder.off_host()}"


@pytest.fixture
def phone_context(browser, base_url):
    context = _new_context(browser, base_url, PHONE, phone=True)
    yield context
    context.close()
    assert not context.recorder.off_host(), f"requests left localhost: {context.recorder.off_host()}"


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.recorder = context.recorder
    return page


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
