"""Spelled-out number words per language, derived from the CLDR RBNF spellout rules.

unicode-rbnf (MIT) carries CLDR's rule-based number formatting for ~90 languages; it
only formats, so the rules are inverted by enumeration: every cardinal rule set (all
genders and cases: двух, двадцати, eine, una …) spells 0–99 and the hundreds, and the
spelling of m × 10^k for m = 1, 2, 5 shows each scale word and its plural forms
(тысяча/тысячи/тысяч, Million/Millionen, 만/억/조, हज़ार/लाख/करोड़). From those:

* ``units``: every spelling of 0–99 and of 100–900 (whole phrases: quatre-vingt-dix);
* ``multipliers``: the word of "hundred" left after the spelling of the digit (cent,
  hundert, yüz, 백, 百);
* ``scales``: the words of 10^k (k ≥ 3) not made of known words;
* ``weak``: spellings of 1 (un, ein, bir, один are articles too);
* ``negative``: what RBNF writes before a negative number (minus, マイナス);
* ``decimal``: the word of a spelled decimal (point, coma, Komma: 47 coma 28).

The result has the shape of a ``data/number_words.json`` section and is merged with it
(hand data only where CLDR has nothing: a/an, dozen, half, Arabic duals). Built lazily
per language (≈ 0.05–0.3 s) and cached.
"""

from __future__ import annotations

import logging
import re
from functools import cache

log = logging.getLogger(__name__)

_SEP_RE = re.compile(r"[ \u00a0\u200b-]+")
# Rule sets that spell cardinals (not ordinals, years or internal helpers).
_SKIP = ("ordinal", "year", "fraction")


def _rulesets(engine) -> list[str]:
    """The cardinal spellout rule sets of an RBNF engine."""
    return [
        r
        for r in engine.rulesets
        if r.startswith(("spellout-numbering", "spellout-cardinal")) and not any(s in r for s in _SKIP)
    ]


def _spell_all(engine, rulesets: list[str], n: float) -> set[str]:
    """Every lower-cased spelling of ``n`` over the rule sets (empty on an RBNF error)."""
    try:
        res = engine.format_number(n, ruleset_names=rulesets)
    except Exception:  # noqa: BLE001 - a rule set that cannot spell n
        return set()
    out = {t.lower().replace("\u200b", "").strip() for t in res.text_by_ruleset.values() if t}
    return {t for t in out if t and "error" not in t and not any(c.isdigit() for c in t)}


def _strip_prefix(text: str, prefixes: list[str], glued: bool = True) -> str | None:
    """``text`` without the longest of ``prefixes`` (and a separator after it), or None.

    Unless ``glued``, a separator must follow the prefix (двести is not две + сти).
    """
    for p in sorted(prefixes, key=len, reverse=True):
        if len(p) < 2 and p.isascii():
            continue  # a one-letter spelling is a rule-set artefact, not a numeral
        if p and text.startswith(p) and len(text) > len(p):
            if not glued and not _SEP_RE.match(text, len(p)):
                continue
            return _SEP_RE.sub(" ", text[len(p) :]).strip() or None
    return None


def _composed(word: str, scales: dict) -> bool:
    """Does ``word`` end with a smaller scale word already known (십만, zehntausend,
    ร้อยล้าน)? Then it is a multiple of that scale, not a scale of its own."""
    return any(word.endswith(sc) and len(word) > len(sc) for sc in scales)


def _units(engine, rulesets: list[str]) -> tuple[dict, dict]:
    """(spelling -> value for 0–99 and the hundreds, value -> spellings)."""
    units: dict = {}
    by_value: dict = {}
    for n in list(range(100)) + list(range(100, 1000, 100)):
        for s in _spell_all(engine, rulesets, n):
            units.setdefault(s, float(n))
            by_value.setdefault(n, set()).add(s)
    for h in range(100, 1000, 100):  # deux cent (un): the hundreds as they begin a number
        for s in _spell_all(engine, rulesets, h + 1):
            for one in sorted(by_value.get(1, ()), key=len, reverse=True):
                if s.endswith(one) and len(s) > len(one):
                    head = _SEP_RE.sub(" ", s[: -len(one)]).strip()
                    if head:
                        units.setdefault(head, float(h))
                    break
    return units, by_value


def _hundred_words(by_value: dict, units: dict, glued: bool) -> dict:
    """The "hundred" word(s) left after the digit in 200–900 (deux cents → cents)."""
    out: dict = {}
    for h in range(2, 10):
        for s in by_value.get(h * 100, ()):
            rest = _strip_prefix(s, list(by_value.get(h, ())), glued)
            if rest and rest not in units and " " not in rest:
                out[rest] = 100.0
    for s in by_value.get(100, ()):  # "hundred" of "one hundred", "hundert" of "einhundert"
        rest = _strip_prefix(s, list(by_value.get(1, ())), glued)
        if rest and rest not in units and " " not in rest:
            out.setdefault(rest, 100.0)
    return out


def _scale_words(engine, rulesets: list[str], by_value: dict, units: dict, known: set, glued: bool) -> dict:
    """Scale words of 10^3 … 10^15 with their plural forms (k ascending: a word already
    known for a smaller power, 10 thousand, is not taken again)."""
    scales: dict = {}
    for k in range(3, 16):
        of_k: list = []
        for m in (2, 5, 1):  # 1 last: ettusen is ett + tusen with one t elided, not "usen"
            for s in _spell_all(engine, rulesets, m * 10**k):
                rest = _strip_prefix(s, list(by_value.get(m, ())), glued)
                if rest is None and m == 1:
                    rest = s  # mille, тысяча, 만: the scale word alone means one of it
                if not rest or " " in rest or rest in known or rest in scales or _composed(rest, scales):
                    continue
                if m == 1 and any(w.endswith(rest) for w in of_k):
                    continue
                scales[rest] = float(10**k)
                of_k.append(rest)
        known |= set(scales)
    return scales


def _negative(engine, rulesets: list[str], by_value: dict) -> list[str]:
    """What RBNF writes before a negative number (minus, moins, マイナス)."""
    out = set()
    for s in _spell_all(engine, rulesets, -5):
        rest = None
        for five in by_value.get(5, ()):
            if s.endswith(five) and len(s) > len(five):
                rest = s[: -len(five)].strip()
        if rest:
            out.add(rest)
    return sorted(out)


def _decimal_words(engine, rulesets: list[str], by_value: dict) -> list[str]:
    """The word between the parts of a spelled decimal (point, coma, Komma, virgule, 점)."""
    out = set()
    for s in _spell_all(engine, rulesets, 1.5):
        for one in by_value.get(1, ()):
            if not s.startswith(one):
                continue
            for five in by_value.get(5, ()):
                mid = s[len(one) : -len(five)].strip() if s.endswith(five) else ""
                if mid and " " not in mid and len(s) > len(one) + len(five):
                    out.add(mid)
    return sorted(out)


@cache
def rbnf_words(base: str) -> dict:
    """A number_words.json-shaped section for ``base`` from CLDR RBNF ({} without rules).

    Steps: units (0–99, hundreds), hundred words, scale words, weak words (1),
    negative words, decimal words; "compound" is set where spellings glue words
    (siebenunddreißig).
    """
    try:
        from unicode_rbnf import RbnfEngine

        engine = RbnfEngine.for_language(base)
    except Exception:  # noqa: BLE001 - no RBNF rules for this language
        return {}
    rulesets = _rulesets(engine)
    if not rulesets:
        return {}
    units, by_value = _units(engine, rulesets)
    glued = any(" " not in s and "-" not in s for n in (21, 32, 45) for s in by_value.get(n, ()))
    multipliers = _hundred_words(by_value, units, glued)
    scales = _scale_words(engine, rulesets, by_value, units, set(units) | set(multipliers), glued)
    return {
        "units": units,
        "multipliers": multipliers,
        "scales": scales,
        "decimal": _decimal_words(engine, rulesets, by_value),
        "weak": sorted(by_value.get(1, ())),
        "negative": _negative(engine, rulesets, by_value),
        "compound": glued,
    }
