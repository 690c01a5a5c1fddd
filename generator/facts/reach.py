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


# The characters of each char_class regex of a few characters: re tests every position
# of a text against a class (~10 ns a character for a handful of CJK characters), while
# str.find runs through it in C at memchr speed.
_CLASS_CHARS: dict[re.Pattern, str] = {}
_FIND_MAX = 10  # classes of more characters are scanned by the regex


def char_class(chars: Iterable[str]) -> re.Pattern | None:
    """A regex matching any one of ``chars`` (None when there are none)."""
    chars = {c for c in chars if c}
    body = "".join(sorted({re.escape(c) for c in chars}))
    if not body:
        return None
    rx = re.compile(f"[{body}]")
    if len(chars) <= _FIND_MAX and all(len(c) == 1 for c in chars) and rx not in _CLASS_CHARS:
        _CLASS_CHARS[rx] = "".join(sorted(chars))
    return rx


def char_positions(norm: str, rx: re.Pattern | None) -> list[int]:
    """The positions of the characters ``rx`` (a char_class) matches in ``norm``, in
    text order: found with str.find when the class has few characters."""
    if rx is None:
        return []
    chars = _CLASS_CHARS.get(rx)
    if chars is None:
        return [m.start() for m in rx.finditer(norm)]
    out: list[int] = []
    append, find = out.append, norm.find
    for c in chars:
        i = find(c)
        while i != -1:
            append(i)
            i = find(c, i + 1)
    out.sort()
    return out


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
    if not 0 < pos < len(norm):
        return False
    b, a = norm[pos - 1], norm[pos]  # is_letter inlined for the common case (no letter)
    return (b.isalpha() or b >= "\u0300" and is_letter(b)) and (a.isalpha() or a >= "\u0300" and is_letter(a))


def glued_word(norm: str, pos: int, outside: int) -> bool:
    """inside_word at ``pos``, where the character at ``outside`` (the one away from the
    number) is not CJK: CJK markers are found by their characters, not as words."""
    return inside_word(norm, pos) and _CJK_RE.match(norm[outside]) is None


class _MayGlueMemo(dict):
    """Character -> is it a letter or mark that is not CJK: may a word be glued across a
    number's edge with it the character outside? (glued_word is False when not.) Computed
    on the first look-up; after that the subscript is a C-level dict read (it is tested
    at every number of a text, and a text has few distinct characters)."""

    def __missing__(self, ch: str) -> bool:
        got = bool(ch) and (ch.isalpha() or ch >= "\u0300" and is_letter(ch)) and _CJK_RE.match(ch) is None
        if len(self) < 100_000:
            self[ch] = got
        return got


MAY_GLUE = _MayGlueMemo()


def glued_edges(norm: str, start: int, end: int) -> bool:
    """glued_word at either edge of the number ``norm[start:end]``: at its end (outside
    character ``norm[end]``) or at its start (outside character ``norm[start - 1]``).
    The outside character is tested first, through MAY_GLUE."""
    n = len(norm)
    if end < n and MAY_GLUE[norm[end]] and glued_word(norm, end, end):
        return True
    return start > 0 and MAY_GLUE[norm[start - 1]] and glued_word(norm, start, start - 1)


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


def chars_ahead(norm: str, chars: Iterable[str], spaces: str = SPACES) -> set[int]:
    """The positions ``p`` with ``char_after(norm, p, spaces)`` in ``chars``: each of
    ``chars`` found by a C-level scan, with the run of ``spaces`` before it. (A regex
    for spaces-then-a-character would be tried at every position of the text.)"""
    out: set[int] = set()
    add = out.add
    for p in char_positions(norm, char_class(frozenset(chars) - frozenset(spaces))):
        add(p)
        while p > 0 and norm[p - 1] in spaces:
            p -= 1
            add(p)
    return out


def chars_behind(norm: str, chars: Iterable[str], spaces: str = SPACES) -> set[int]:
    """The positions ``p`` with ``char_before(norm, p, spaces)`` in ``chars`` (see
    chars_ahead)."""
    rx = _run_class(frozenset(chars) - frozenset(spaces), spaces)
    out: set[int] = set()
    if rx is not None:
        for m in rx.finditer(norm):
            out.update(range(m.start() + 1, m.end() + 1))
    return out


def starts_behind(norm: str, chars: Iterable[str], spaces: str = SPACES) -> set[int]:
    """The positions of chars_behind at which none of ``spaces`` stands: where
    something that never begins with a space (a number) may start right after one of
    ``chars`` and its spaces. One position per match, not one per space."""
    one = char_class(frozenset(chars) - frozenset(spaces))
    if one is not None and one in _CLASS_CHARS:  # few characters: found with str.find
        # each of them begins a run of its own (the runs hold no other one of them)
        out: set[int] = set()
        n = len(norm)
        for p in char_positions(norm, one):
            q = p + 1
            while q < n and norm[q] in spaces:
                q += 1
            out.add(q)
        return out
    rx = _run_class(frozenset(chars) - frozenset(spaces), spaces)
    return {m.end() for m in rx.finditer(norm)} if rx is not None else set()


_RUN_CLASSES: dict = {}


def _run_class(chars: frozenset, spaces: str) -> re.Pattern | None:
    """One of ``chars``, then any run of ``spaces``; None when ``chars`` is empty. The
    sets have no character in common, so a greedy match covers exactly the positions
    that reach its character."""
    key = (chars, spaces)
    if key not in _RUN_CLASSES:
        one, gap = char_class(chars), char_class(spaces)
        if one is None:
            _RUN_CLASSES[key] = None
        else:
            _RUN_CLASSES[key] = re.compile(one.pattern + (f"{gap.pattern}*" if gap is not None else ""))
    rx: re.Pattern | None = _RUN_CLASSES[key]
    return rx
