"""Where in a text a marker (a currency, a percent word, a unit) can stand: position sets
found in one pass over the text, so that the per-number readers only look closely at
the numbers next to one.

A text made only of figures holds ~100,000 numbers per megabyte; testing each of them
with a regex per kind costs more than everything else together. Here the markers'
first (or last) characters and the text's distinct words are found by C-level scans
(``re.finditer`` over a character class, ``str.find`` for the few trigger words), and a
number is looked at only when such a position lies within its reach: right at its end
or start, or across the spaces a reader allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ._locale import is_letter
from .numbers import trigger_positions

SPACES = " \u00a0\u202f"


def char_class(chars: Iterable[str]) -> re.Pattern | None:
    """A regex matching any one of ``chars`` (None when there are none)."""
    body = "".join(sorted({re.escape(c) for c in chars if c}))
    return re.compile(f"[{body}]") if body else None


def char_positions(norm: str, rx: re.Pattern | None) -> list[int]:
    """The positions of the characters ``rx`` (a char_class) matches in ``norm``."""
    if rx is None:
        return []
    return [m.start() for m in rx.finditer(norm)]


def token_starts_ends(
    norm: str, is_trigger: Callable[[str], bool], cache: dict
) -> tuple[list[int], list[int]]:
    """(starts, ends) of the whole letter tokens for which ``is_trigger(token)`` holds."""
    spans = trigger_positions(norm, is_trigger, cache)
    return [s for s, _e in spans], [e for _s, e in spans]


def reach_back(norm: str, positions: Iterable[int], spaces: str = SPACES, limit: int = 2) -> set[int]:
    """Every position from which one of ``positions`` is reached over at most ``limit``
    of ``spaces`` (the positions themselves included)."""
    out: set[int] = set()
    add = out.add
    for p in positions:
        add(p)
        q = p
        while q > 0 and p - q < limit and norm[q - 1] in spaces:
            q -= 1
            add(q)
    return out


def reach_forward(norm: str, positions: Iterable[int], spaces: str = SPACES, limit: int = 2) -> set[int]:
    """Every position reached from one of ``positions`` over at most ``limit`` of
    ``spaces`` (the positions themselves included)."""
    out: set[int] = set()
    add = out.add
    n = len(norm)
    for p in positions:
        add(p)
        q = p
        while q < n and q - p < limit and norm[q] in spaces:
            q += 1
            add(q)
    return out


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def inside_word(norm: str, pos: int) -> bool:
    """Do letters stand on both sides of ``pos`` (a marker glued inside a word there is
    not a token of its own, so the token triggers do not see it)?"""
    return 0 < pos < len(norm) and is_letter(norm[pos - 1]) and is_letter(norm[pos])


def glued_word(norm: str, pos: int, outside: int) -> bool:
    """inside_word at ``pos``, where the character at ``outside`` (the one away from the
    number) is not CJK: CJK markers are found by their characters, not as words."""
    return inside_word(norm, pos) and _CJK_RE.match(norm[outside]) is None


def char_after(norm: str, pos: int, spaces: str = SPACES) -> str:
    """The first character at or after ``pos`` that is not one of ``spaces`` ("" at
    the end of the text)."""
    n = len(norm)
    while pos < n and norm[pos] in spaces:
        pos += 1
    return norm[pos] if pos < n else ""


def char_before(norm: str, pos: int, spaces: str = SPACES) -> str:
    """The last character before ``pos`` that is not one of ``spaces`` ("" at the
    start of the text)."""
    while pos > 0 and norm[pos - 1] in spaces:
        pos -= 1
    return norm[pos - 1] if pos > 0 else ""
