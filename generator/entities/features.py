"""Token features for the statistical recognizer, shared by training and tagging.

One function computes the features of a sequence from its token strings and from the
BIO tags the rule recognizers (registry, gazetteers, cue words, HanTa's lexicon, LAC)
gave it, so a model trained by ``training/train_ner.py`` sees at run time exactly what it
saw in training. Word-level for alphabetic scripts, character-level for Chinese.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from . import lexicon as L
from .cand import AR_RE, HAN_RE, Cand


def _mark_class() -> str:
    """A regex character class body of every combining mark (Unicode Mn, Mc, Me): Python's
    ``\\w`` leaves them out, which would cut تركيّا or नमस्ते after a vowel sign."""
    # every mark lies in U+0300..U+1EFFF but the variation selectors U+E0100..U+E01EF
    # (scanning only there keeps the import at ~30 ms instead of ~280 ms)
    cps = [c for c in range(0x300, 0x1F000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    cps += range(0xE0100, 0xE01F0)
    ranges: list[list[int]] = []
    for c in cps:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


_W = rf"[^\W_](?:[^\W_]|[{_mark_class()}])*"
# As the public NER corpora are tokenized: one token per word, combining marks included
# (inner hyphens, apostrophes, dots, slashes and & kept: Expo-Halle, U.S., AT&T, CDU/CSU);
# an initial or a Roman numeral keeps its dot before the next word (George W. Bush,
# Joseph II.); every other visible character on its own
_DOTTED = r"(?:[^\W\d_]\.){2,}(?![^\W_])|(?:[^\W\d_]|[IVX]+)\.(?=\s+[^\W_])"
_WORD = re.compile(rf"{_DOTTED}|{_W}(?:[-'’&./]{_W})*|\S", re.UNICODE)
# languages that write ordinals with a dot (1. FC, am 15. Mai) also keep a number's dot
_ORDINAL_WORD = re.compile(rf"\d{{1,3}}\.(?=[ \t]+[^\W_])|{_WORD.pattern}", re.UNICODE)
_SENT_END = frozenset(".!?。！？;；:")
_SHAPE_MAP = str.maketrans({c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÀÁÂÉÈÊÍÓÔÚÇÑ"})


def word_spans(text: str, lang: str = "") -> list[tuple[int, int]]:
    """(start, end) of each word token of ``text`` (in ``lang``: see ordinal_dot)."""
    pattern = _ORDINAL_WORD if ordinal_dot(lang) else _WORD
    return [m.span() for m in pattern.finditer(text)]


@lru_cache(maxsize=64)
def ordinal_dot(lang: str) -> bool:
    """Whether ``lang`` writes ordinal numbers with a trailing dot (1. = first): CLDR's
    RBNF rules give the language no digits-ordinal rule of its own, so it inherits the
    root rule "=#,##0=." (German, Danish, Finnish, Czech, …)."""
    if not lang:
        return False
    try:
        import unicode_rbnf
    except ImportError:  # pragma: no cover - a pinned dependency
        return False
    path = os.path.join(os.path.dirname(unicode_rbnf.__file__), "rbnf", f"{lang}.xml")
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as fh:
        return 'type="digits-ordinal"' not in fh.read()


def char_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each visible character of ``text`` (Chinese is tagged per character)."""
    return [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]


def rule_tags(spans: list[tuple[int, int]], cands: list[Cand]) -> list[str]:
    """BIO tags per token from rule candidates (B-person, I-place, …; O outside)."""
    tags = ["O"] * len(spans)
    starts = {s: k for k, (s, _) in enumerate(spans)}
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if c.type == "other":
            continue
        k = starts.get(c.start)
        if k is None:
            k = next((i for i, (s, e) in enumerate(spans) if s <= c.start < e), None)
        if k is None or tags[k] != "O":
            continue
        tags[k] = "B-" + c.type
        k += 1
        while k < len(spans) and spans[k][0] < c.end:
            tags[k] = "I-" + c.type
            k += 1
    return tags


def _shape(w: str) -> str:
    """Collapsed word shape: Xx, X, x, d, with punctuation kept (X.X., Xx-Xx)."""
    s: list[str] = []
    for ch in w:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not s or s[-1] != c:
            s.append(c)
    return "".join(s)[:6]


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Territory names of every CLDR locale (single words and first words of names)."""
    out: set[str] = set()
    for names in L.territory_names().values():
        for n in names:
            out.add(n.lower())
            out.add(n.split()[0].lower())
    return frozenset(out)


@lru_cache(maxsize=200000)
def _word_feats(w: str, fam: str) -> tuple[str, ...]:
    """Features of the word itself (cached: words repeat)."""
    low = w.lower()
    f = [
        "w=" + low,
        "sh=" + _shape(w),
        "p2=" + low[:2],
        "p3=" + low[:3],
        "s1=" + low[-1:],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "len=" + str(min(len(w), 8)),
    ]
    if low in _territories():
        f.append("terr")
    if fam == "de" and w[:1].isupper():
        from .latin import word_class

        f.append("wc=" + word_class(w, "de"))
    if fam == "ar" and AR_RE.search(w):
        f += _arabic_feats(w)
    if low in L.LATIN_FIRST_NAMES or w in L.LATIN_FIRST_NAMES:
        f.append("first")
    return tuple(f)


def _arabic_feats(w: str) -> list[str]:
    """Prefix-stripped readings of an Arabic word and their gazetteer classes."""
    from .ar import known_name_class, strip_variants

    f = []
    for v in strip_variants(w)[1:3]:
        f.append("st=" + v)
    cls = known_name_class(w)
    if cls:
        f.append("argaz=" + cls)
    if w.startswith(("ال", "وال", "بال", "لل", "فال")):
        f.append("al")
    return f


@lru_cache(maxsize=200000)
def _neighbour_feats(w: str, known: frozenset[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """Features a word gives its neighbours, per offset -2, -1, +1, +2 (cached: built once
    per word type, not once per token and neighbour; with ``known``, only those)."""
    if known is not None:
        return tuple(tuple(x for x in fs if x in known) for fs in _neighbour_feats(w))
    low = w.lower()
    sh, s3 = _shape(w), low[-3:]
    return (
        ("w-2=" + low,),
        ("w-1=" + low, "sh-1=" + sh, "s3-1=" + s3),
        ("w+1=" + low, "sh+1=" + sh, "s3+1=" + s3),
        ("w+2=" + low,),
    )


@lru_cache(maxsize=200000)
def _known_word_feats(w: str, fam: str, known: frozenset[str]) -> tuple[str, ...]:
    """The features of the word itself that ``known`` holds."""
    return tuple(x for x in _word_feats(w, fam) if x in known)


_PADS = (("w-2=<pad>",), ("w-1=<pad>",), ("w+1=<pad>",), ("w+2=<pad>",))


@lru_cache(maxsize=16)
def _pads(known: frozenset[str] | None) -> tuple[tuple[str, ...], ...]:
    """The features of a missing neighbour, per offset (with ``known``, only those)."""
    return _PADS if known is None else tuple(tuple(x for x in p if x in known) for p in _PADS)


def _tails(words: list[str], rules: list[str], lows: list[str]) -> list[list[str]]:
    """Per word: the bigrams with its neighbours, sentence start, and the rule
    recognizers' tags at and around it."""
    n = len(words)
    pairs = [lows[i] + "|" + lows[i + 1] for i in range(n - 1)]
    out = []
    for i in range(n):
        f = ["bi-1=" + pairs[i - 1]] if i > 0 else []
        if i + 1 < n:
            f.append("bi+1=" + pairs[i])
        if i == 0 or words[i - 1] in _SENT_END:
            f.append("start")
        f.append("r=" + rules[i])
        f.append("r-1=" + (rules[i - 1] if i > 0 else "<pad>"))
        f.append("r+1=" + (rules[i + 1] if i + 1 < n else "<pad>"))
        out.append(f)
    return out


def word_features(
    words: list[str], rules: list[str], fam: str, known: frozenset[str] | None = None
) -> list[list[str]]:
    """CRF features of each word: the word, its shape and affixes, gazetteers, neighbours
    (-2, -1, +1, +2, bigrams), sentence start, and the rule recognizers' tags around it.
    With ``known`` (the attributes a model has weights for), only those, in the same
    order: the tagger skips the others anyway, and handing them over cost a third of its
    time. Per-word parts are cached per word type; only bigrams are built per token."""
    n = len(words)
    lows = [w.lower() for w in words]
    if known is None:
        own = [_word_feats(w, fam) for w in words]
    else:
        own = [_known_word_feats(w, fam, known) for w in words]
    nb = [_neighbour_feats(w, known) for w in words]
    pads = _pads(known)
    head = ("b",) if known is None or "b" in known else ()
    out = []
    for i, tail in enumerate(_tails(words, rules, lows)):
        f = [*head, *own[i]]
        f += nb[i - 2][0] if i >= 2 else pads[0]
        f += nb[i - 1][1] if i >= 1 else pads[1]
        f += nb[i + 1][2] if i + 1 < n else pads[2]
        f += nb[i + 2][3] if i + 2 < n else pads[3]
        f += tail if known is None else [x for x in tail if x in known]
        out.append(f)
    return out


def _char_class(ch: str) -> str:
    """h (Han), l (Latin letter), d (digit), p (other)."""
    if HAN_RE.match(ch):
        return "h"
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "l"
    return "p"


def char_features(chars: list[str], rules: list[str], lac: list[str]) -> list[list[str]]:
    """CRF features of each character: the character and its neighbours (unigrams,
    bigrams), its class, LAC's word tag, and the rule recognizers' tags."""
    n = len(chars)

    def c(j: int) -> str:
        return chars[j] if 0 <= j < n else "<pad>"

    out = []
    for i in range(n):
        f = [
            "b",
            "c=" + c(i),
            "c-1=" + c(i - 1),
            "c+1=" + c(i + 1),
            "c-2=" + c(i - 2),
            "c+2=" + c(i + 2),
            "b-1=" + c(i - 1) + c(i),
            "b+1=" + c(i) + c(i + 1),
            "b-2=" + c(i - 2) + c(i - 1),
            "b+2=" + c(i + 1) + c(i + 2),
            "t=" + _char_class(chars[i]),
            "lac=" + lac[i],
            "lac-1=" + (lac[i - 1] if i else "<pad>"),
            "lac+1=" + (lac[i + 1] if i + 1 < n else "<pad>"),
            "r=" + rules[i],
            "r-1=" + (rules[i - 1] if i else "<pad>"),
            "r+1=" + (rules[i + 1] if i + 1 < n else "<pad>"),
        ]
        out.append(f)
    return out
