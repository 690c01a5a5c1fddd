"""Qualifiers ("about", "more than", 近, fast, حوالي …) attached to a figure.

Cue words come from ``data/qualifiers.json``; a cue counts when it ends right before
the figure (spaces allowed) or starts right after it (多, تقريبًا, or more).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ._locale import fold_key, fuzzy_ar, lang_data

# How far before a figure a cue may start (longest cue + spaces).
LOOKBEHIND = 24


@dataclass
class QualifierRules:
    """The cue words before and after a figure (about, more than…) of one language."""

    before: re.Pattern | None
    after: re.Pattern | None
    before_map: dict
    after_map: dict
    arabic: bool
    before_last: frozenset | None = None  # characters a cue before may end with (None: any)


def _alt(words, arabic):
    ws = sorted(words, key=len, reverse=True)
    if arabic:
        return "|".join(fuzzy_ar(fold_key(w, True)) + "[\u064b-\u0652]*" for w in ws)
    return "|".join(re.escape(w) for w in ws)


@cache
def rules(base: str) -> QualifierRules:
    """Return the qualifier rules of a language from qualifiers.json."""
    data = lang_data("qualifiers.json", base)
    arabic = base == "ar"
    cjk = base in ("zh", "ja", "yue")
    before = data.get("before", {})
    after = data.get("after", {})
    # Latin/Arabic cues must be whole words; CJK has no spaces to mark words.
    lb = "" if cjk else r"(?<![^\W\d_])"
    la = "" if cjk else r"(?![^\W\d_])"
    b_re = re.compile(rf"{lb}(?:{_alt(before, arabic)})[\s\u00a0]*$", re.I) if before else None
    a_re = re.compile(rf"[\s\u00a0]*(?:{_alt(after, arabic)}){la}", re.I) if after else None
    return QualifierRules(
        b_re,
        a_re,
        {fold_key(k, arabic): v for k, v in before.items()},
        {fold_key(k, arabic): v for k, v in after.items()},
        arabic,
        None
        if arabic
        else frozenset(c for w in before for c in (w.rstrip()[-1:].lower(), w.rstrip()[-1:].upper()) if c),
    )


_DIACRITICS = re.compile("[\u064b-\u0652]")


def _lookup(mapping, text, arabic):
    key = fold_key(_DIACRITICS.sub("", text.strip()), arabic)
    return mapping.get(key)


def qualifier_before(norm: str, start: int, base: str):
    """(qualifier, cue start) for a cue ending at ``start``, else (None, start)."""
    r = rules(base)
    if r.before is None:
        return None, start
    if r.before_last is not None:  # cheap test: the last character before the spaces
        j = start - 1
        while j >= 0 and start - j <= LOOKBEHIND and norm[j].isspace():
            j -= 1
        if j < 0 or norm[j] not in r.before_last:
            return None, start
    window = norm[max(0, start - LOOKBEHIND) : start]
    m = r.before.search(window)
    if not m:
        return None, start
    q = _lookup(r.before_map, m.group(), r.arabic)
    if q is None:
        return None, start
    return q, start - (len(window) - m.start())


def qualifier_after(norm: str, end: int, base: str):
    """(qualifier, cue end) for a cue starting at ``end``, else (None, end)."""
    r = rules(base)
    if r.after is None:
        return None, end
    m = r.after.match(norm, end)
    if not m:
        return None, end
    q = _lookup(r.after_map, m.group(), r.arabic)
    return (q, m.end()) if q else (None, end)
