"""Language-neutral features of an article: fact keys, canonical entities, Latin names, numbers.

A signature is a sorted tuple of feature strings; ``kind_of`` tells how much a feature of
that kind weighs before IDF. Facts (from generator.facts / generator.entities) give the
normalised keys (``percent:60``, ``money:44000000000:USD``, ``person:Q317521``); the raw text
adds what survives translation without any model: Latin-script names (VivaTech, PayPal in
an Arabic article) and plain numbers (4.000 / 4,000 / ٤٠٠٠ → ``num:4000``).
"""

from __future__ import annotations

import re

from generator.model import ENTITY_TYPES, NUMERIC_TYPES

# Weight of one feature of each kind, before IDF.
KIND_WEIGHT = {
    "person": 1.0,
    "organization": 1.0,
    "place": 0.6,
    "money": 1.0,
    "percent": 0.8,
    "quantity": 0.8,
    "date": 0.6,
    "name": 0.6,
    "num": 0.4,
}
MAX_NAMES = 400  # Latin names kept per article (the most frequent in it first)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_NUM = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])"
)
_LATIN_WORD = re.compile(r"(?<![\w])[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9]*")
_SENT_START = re.compile(r"(?:^|[.!?:;»\"“”]\s+|\n)\s*$")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-zÀ-ÖØ-öø-ÿ]")


def latin_script(text: str) -> bool:
    """Mostly Latin letters (then capitalised words are not all names)."""
    return len(_NON_LATIN_LETTER.findall(text)) < 0.2 * max(1, len(re.findall(r"[^\W\d_]", text)))


def kind_of(feature: str) -> str:
    """The kind of a feature ('person:Q1' → 'person')."""
    return feature.split(":", 1)[0]


def parse_number(tok: str) -> str | None:
    """'4.000' / '4,000' / '4 000' → '4000'; '16,9' → '16.9'; under 10 → None.

    >>> [parse_number(t) for t in ("4.000", "4,000", "16,9", "2023", "7", "1.5")]
    ['4000', '4000', '16.9', '2023', None, None]
    """
    t = tok.replace(" ", "").replace(" ", "")
    m = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+)([.,]\d+)?", t)
    if m and (m.group(2) is None or m.group(2)[0] != m.group(1)[-4]):
        whole = re.sub(r"[.,]", "", m.group(1))
        frac = (m.group(2) or "")[1:]
        t = whole + ("." + frac if frac else "")
    else:
        t = t.replace(",", ".")
        if t.count(".") > 1:
            return None
    try:
        v = float(t)
    except ValueError:
        return None
    if v < 10:
        return None
    return str(int(v)) if v.is_integer() else str(round(v, 3))


def number_features(text: str) -> set[str]:
    """The ``num:`` features of a text (its numbers of 10 or more, in any digits): the
    numbers part of text_features, for callers that need no names (reports.py's paragraph
    anchors: the names part is most of text_features' time)."""
    return _numbers(text.translate(_DIGITS))


def _numbers(text: str) -> set[str]:
    """number_features of a text whose digits are already ASCII."""
    feats: set[str] = set()
    for m in _NUM.finditer(text):
        n = parse_number(m.group(0))
        if n is not None:
            feats.add("num:" + n)
    return feats


def text_features(title: str, body: str) -> set[str]:
    """Latin names and numbers found in the raw text."""
    text = (title + "\n" + body).translate(_DIGITS)
    feats = _numbers(text)
    latin_doc = latin_script(text[:3000])
    names: dict[str, int] = {}
    for m in _LATIN_WORD.finditer(text):
        w = m.group(0)
        if len(w) < 3 and not (len(w) == 2 and w.isupper()):
            continue
        if not (w[0].isupper() or (not latin_doc and len(w) >= 4)):
            continue
        if latin_doc and _SENT_START.search(text[max(0, m.start() - 4) : m.start()]) and not w.isupper():
            continue  # a capitalised word at the start of a sentence says little
        w = w.casefold()
        names[w] = names.get(w, 0) + 1
    for w in sorted(names, key=lambda x: (-names[x], x))[:MAX_NAMES]:
        feats.add("name:" + w)
    return feats


def fact_features(facts) -> set[str]:
    """The link features of facts: their keys, without unresolved entities or dates."""
    out = set()
    for f in facts:
        if f.type in ENTITY_TYPES and not f.id:
            continue
        if f.value is None and f.type in NUMERIC_TYPES:
            # a relative date without a publication date to resolve it ("this month"): its
            # key would be "date:None", shared by every such article and shown as a reason
            continue
        try:
            out.add(f.key)
        except Exception:
            continue
    return out


def latin_article(title: str, body: str) -> bool:
    """Whether an article is written in Latin script (its title and first 3,000 characters)."""
    return latin_script(title + " " + body[:3000])


def text_signature(title: str, body: str) -> tuple[tuple[str, ...], bool]:
    """What linking needs of the text alone: its features, and whether it is in Latin script."""
    return tuple(sorted(text_features(title, body))), latin_article(title, body)


def signature(doc) -> tuple[str, ...]:
    """All features of a LinkDoc, sorted."""
    text = doc.text_sig[0] if doc.text_sig else text_features(doc.title, doc.body)
    return tuple(sorted(fact_features(doc.facts).union(text)))
