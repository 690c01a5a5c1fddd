"""Working edges: every page of every language loads without a failed request, the 404 pages
(per language and the root one, served for any missing address as a static host does) are
styled and link to pages that exist, and the footer links to the feed, export and About."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import LANGS, LOCAL_HOSTS

pytestmark = pytest.mark.browser


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves site/ like GitHub Pages: a missing file gets site/404.html with status 404."""

    def log_message(self, format, *args):  # noqa: A002 - the base class' name
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host_url(built_site):
    handler = functools.partial(_StaticHost, directory=str(built_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="static-host", daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _watch(page) -> list[str]:
    """Record every failed or 4xx/5xx request of the page's assets and fetches. Documents
    are checked apart (status of each page, every local link): a navigation the page makes
    itself (the root chooser's location.replace) aborts the request it replaces."""
    failed: list[str] = []
    page.on(
        "requestfailed", lambda r: r.resource_type != "document" and failed.append(f"{r.url}: {r.failure}")
    )
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and r.request.resource_type != "document"
            and failed.append(f"{r.url}: HTTP {r.status}")
        ),
    )
    return failed


def _every_page(root: Path) -> list[str]:
    return sorted("/" + p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def _local_links(page) -> list[str]:
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    return sorted(
        {
            h.split("#")[0]
            for h in hrefs
            if urlsplit(h).scheme in ("http", "https") and urlsplit(h).hostname in LOCAL_HOSTS
        }
    )


def test_no_page_has_a_failed_request_or_a_dead_link(context, built_site, host_url):
    pages = _every_page(built_site.root)
    assert len(pages) > 4 * len(LANGS)
    assert {f"/{lang}/404.html" for lang in LANGS} | {"/404.html"} <= set(pages)
    failed: list[str] = []
    links: set[str] = set()
    for path in pages:
        # A tab per page, its requests counted until the network is idle: closing it may
        # cancel what it would fetch later, which is no failure of the site.
        page = context.new_page()
        mine = _watch(page)
        response = page.goto(host_url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
        links.update(_local_links(page))
        failed += [f"{path}: {f}" for f in list(mine)]
        page.close()
    assert not failed, f"failed requests: {failed[:10]}"
    # Every link the pages make to this site answers (the feed, the export, other pages).
    dead = []
    for url in sorted(links):
        r = context.request.get(url)
        if r.status != 200:
            dead.append(f"{url}: {r.status}")
    assert not dead, dead[:10]


@pytest.mark.parametrize("lang", LANGS)
def test_language_404_is_styled_and_in_the_language(context, host_url, lang):
    page = context.new_page()
    failed = _watch(page)
    page.goto(f"{host_url}/{lang}/404.html", wait_until="networkidle")
    assert not failed, failed
    # Material's stylesheet applied: the header bar is a fixed, coloured block.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    assert page.locator("html").get_attribute("lang") == lang
    home = page.locator("article a, .md-content a").first.evaluate("e => e.href")
    assert urlsplit(home).path == f"/{lang}/index.html"


def test_root_404_is_served_for_any_missing_address(context, host_url):
    page = context.new_page()
    failed = _watch(page)
    for missing in ("/nothing-here.html", "/de/articles/gone/deeper/x.html"):
        response = page.goto(host_url + missing, wait_until="networkidle")
        assert response is not None and response.status == 404
        assert not failed, failed
        homes = page.locator("section a").evaluate_all("els => els.map(e => [e.hreflang, e.href])")
        assert [h for h, _ in homes] == list(LANGS)
        for lang, href in homes:
            assert urlsplit(href).path == f"/{lang}/index.html", (missing, href)
            assert context.request.get(href).status == 200


@pytest.mark.parametrize("lang", LANGS)
def test_footer_links_to_feed_export_and_about(context, host_url, lang):
    page = context.new_page()
    page.goto(f"{host_url}/{lang}/index.html", wait_until="load")
    links = page.locator("footer .briefing-footer a").evaluate_all("els => els.map(e => e.href)")
    paths = [urlsplit(h).path for h in links]
    assert paths == [f"/{lang}/feed.xml", "/briefing.json", f"/{lang}/about.html"]
    for href in links:
        assert context.request.get(href).status == 200
    assert urljoin(links[0], ".") == f"{host_url}/{lang}/"
