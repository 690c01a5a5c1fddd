"""The raw HTML blocks of a generated page, stashed without an HTML parser, as Python-Markdown would.

Python-Markdown finds raw HTML blocks by running `html.parser` over the whole page
(`markdown.htmlparser.HTMLExtractor`): on the generator's pages, nearly all HTML, that is
~1.7 ms of MkDocs' ~11 ms per page, 70,000 pages a full build at 10,000 articles.
`stash_blocks` does the same work with one regular expression per tag, for pages written the
way the generator writes them, and gives up (None: the page goes to Python-Markdown's parser,
as before) on anything else. Where it does not give up, the text it returns and the blocks it
stores are the ones HTMLExtractor would return and store, so the page's HTML is the same
(tests/render/test_html_blocks.py compares both on every kind of page).

What it accepts: no comments, declarations, processing instructions, <script>/<style> or
<hr> anywhere; every "&" an entity or character reference ending in ";"; every "<" the
start of a tag of the strict form below; each line that starts (after up to three spaces)
with a block-level tag opens a block that closes (as HTMLExtractor counts: an end tag closes
its nearest open namesake and what was opened after it) at the end of a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A start tag with quoted or bare attributes, or an end tag: nothing html.parser reads otherwise.
_TAG = re.compile(
    r"""<(?:(?P<name>[a-zA-Z][a-zA-Z0-9-]*)"""
    r"""(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*\s*(?P<slash>/?)>"""
    r"""|/(?P<end>[a-zA-Z][a-zA-Z0-9-]*)\s*>)"""
)
# html.parser reads the content of some elements as text (script, style, and in newer Pythons
# textarea, title…): refused, with <hr> (an empty block), "&" that is not a full reference and
# md_in_html's markdown="1" (a block whose content is Markdown).
_REFUSED = re.compile(
    r"<[!?]|\smarkdown\s*=|</?(?:script|style|hr|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b"
    r"|&(?!(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)",
    re.I,
)
_LINE_TAG = re.compile(r"^ {0,3}<([a-zA-Z][a-zA-Z0-9-]*)", re.M)
_BLANK_AFTER = re.compile(r"([ ]*\n){2}")  # HTMLExtractor's blank_line_re


def stash_blocks(source: str, store: Callable[[str], str], is_block: Callable[[str], bool]) -> str | None:
    """``source`` with each raw HTML block replaced by ``store(block)``'s placeholder, laid
    out as HTMLExtractor lays it out, or None (nothing stored) if the page is not of the
    accepted form (module docstring)."""
    if _REFUSED.search(source):
        return None
    blocks = _find_blocks(source, is_block)
    if blocks is None:
        return None
    out, last = [], 0
    for start, end in blocks:
        # HTMLExtractor: a newline before the block, the block (with the newline that ends
        # its line if a blank line follows), then a blank line; the text after it unchanged.
        block = source[start:end] + ("\n" if _BLANK_AFTER.match(source, end) else "")
        out += [source[last:start], "\n", store(block), "\n\n"]
        last = end
    out.append(source[last:])
    return "".join(out)


def _find_blocks(source: str, is_block: Callable[[str], bool]) -> list[tuple[int, int]] | None:
    """The (start, end) of every raw HTML block, or None where one is not of the accepted form."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE_TAG.finditer(source):
        if m.start() < pos or not is_block(m.group(1).lower()):
            continue
        start = m.end() - len(m.group(1)) - 1  # at "<": the indentation stays outside the block
        end = _block_end(source, start)
        # Text right after the end tag on its line would be read in "tail" mode: not accepted.
        if end is None or not source.startswith("\n", end):
            return None
        blocks.append((start, end))
        pos = end
    # Tags outside the blocks (inline HTML in Markdown text) must be of the strict form too.
    last = 0
    for start, end in [*blocks, (len(source), len(source))]:
        if not _only_strict_tags(source, last, start):
            return None
        last = end
    return blocks


def _block_end(source: str, start: int) -> int | None:
    """Where the block opened at ``start`` closes: just after the end tag that empties the
    stack of open tags, counted as HTMLExtractor counts; None if a "<" is not a strict tag."""
    first = _TAG.match(source, start)
    if first is None or not first.group("name") or first.group("slash"):
        return None  # <div/> at a line's start is a block of its own kind
    stack: list[str] = [first.group("name").lower()]
    pos = first.end()
    while True:
        lt = source.find("<", pos)
        if lt < 0:
            return None
        m = _TAG.match(source, lt)
        if m is None:
            return None
        pos = m.end()
        if m.group("name"):
            if not m.group("slash"):  # <x/>: an empty tag, kept in the block
                stack.append(m.group("name").lower())
            continue
        tag = m.group("end").lower()
        if tag in stack:
            while stack.pop() != tag:
                pass
        if not stack:
            return pos


def _only_strict_tags(source: str, start: int, end: int) -> bool:
    """Whether every "<" in ``source[start:end]`` opens a strict tag."""
    lt = source.find("<", start, end)
    while lt >= 0:
        m = _TAG.match(source, lt, end)
        if m is None:
            return False
        lt = source.find("<", m.end(), end)
    return True
