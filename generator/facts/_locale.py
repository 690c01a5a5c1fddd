"""Per-language data: CLDR (Babel) symbols and names plus the small hand-written tables
in ``data/``. Everything here is computed once per language tag and cached.

A *profile* is keyed by the base language ("zh", "ar", "de" …) plus the script/region
Babel resolves the tag to; regional locales of the same language are merged where
CLDR spreads vocabulary over them (Maghrebi Arabic month names, for example).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global

DATA_DIR = Path(__file__).parent / "data"

# Babel's fallback when a tag is unknown: numbers then follow generic Latin conventions.
FALLBACK_LOCALE = "en"

# Text is normalised character-by-character (same length, so offsets stay valid):
# full-width ASCII (Chinese ３．５％), the digits of every decimal numbering system
# (CLDR's numeric systems are exactly Unicode's Nd runs: Arabic-Indic ٠-٩, Persian ۰-۹,
# Devanagari ०-९, Bengali ০-৯, Thai ๐-๙ …), the Arabic percent sign, ideographic space
# and bidi marks (Arabic puts U+061C/U+200E around %).
_NORM = {}
for _cp in range(0xFF01, 0xFF5F):
    _NORM[_cp] = _cp - 0xFEE0
# Nd stops below U+1FC00 (segmented digits); scanning there costs ~15 ms once.
for _cp in range(0x80, 0x1FC00):
    _ch = chr(_cp)
    if _cp not in _NORM and unicodedata.category(_ch) == "Nd":
        _NORM[_cp] = 0x30 + unicodedata.decimal(_ch)
del _NORM[0xFF0C]  # ， is a clause comma in Chinese; see FULLWIDTH_GROUP_RE
_NORM.update(
    {
        0x066A: ord("%"),
        0xFE6A: ord("%"),
        0x3000: ord(" "),
        0x200E: ord(" "),
        0x200F: ord(" "),
        0x061C: ord(" "),
        0x200B: ord(" "),
        0xFF0E: ord("."),
    }
)
NORM_TABLE = _NORM


# A full-width comma groups digits only between full-width digits (１１１，１１１);
# after ASCII digits it separates clauses ("$20，300美圆" is two prices).
FULLWIDTH_GROUP_RE = re.compile("(?<=[\uff10-\uff19])\uff0c(?=[\uff10-\uff19]{3})")


def class_body(codepoints) -> str:
    """A regex class body of ascending code points, consecutive ones as ranges.

    >>> class_body([0x61, 0x62, 0x63, 0x78])
    'a-cx'
    """
    spans: list[list[int]] = []
    for cp in codepoints:
        if spans and cp == spans[-1][1] + 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in spans)


def _mark_ranges() -> str:
    """A regex class body of every combining mark (Mn, Mc, Me) in the BMP.

    Python's ``[^\\W\\d_]`` has no marks: Devanagari matras, Thai vowel signs and Hebrew
    points would split a word (रुपए, เอ็ด) without them.
    """
    return class_body(cp for cp in range(0x300, 0x10000) if unicodedata.category(chr(cp)).startswith("M"))


MARKS = _mark_ranges()
# A letter of any script, combining marks included; and "no letter before/after here".
# One or more letters of any script (combining marks included), matched as runs.
LETTERS = rf"[^\W\d_]+(?:[{MARKS}]+[^\W\d_]*)*"
NO_LETTER_BEFORE = rf"(?<![^\W\d_])(?<![{MARKS}])"
NO_LETTER_AFTER = rf"(?![^\W\d_])(?![{MARKS}])"


def is_letter(ch: str) -> bool:
    """Is ``ch`` a letter or a combining mark (part of a word in any script)?"""
    if not ch:
        return False
    if ch < "\u0300" or ch.isalpha():  # no combining mark lies below U+0300
        return ch.isalpha()
    return unicodedata.category(ch).startswith("M")


# Runs of characters the table changes: translating only those is ~4x faster on CJK text.
# (The class twice, not "[…]+": re skips ahead only by a class that leads the pattern.)
# re tests a class of BMP characters with one bitmap, but a class holding any astral
# character range by range, ~10x slower on every character. So the BMP entries make the
# class, and astral digits (Brahmi, Chakma, mathematical 𝟓) are translated in runs of
# astral characters (one range test; emoji are the usual ones).
_BMP_CLASS = "[" + class_body(sorted(c for c in NORM_TABLE if c <= 0xFFFF)) + "]"
_NORM_RUN_RE = re.compile(_BMP_CLASS + _BMP_CLASS + "*")
_ASTRAL_RUN_RE = re.compile("[\U00010000-\U0010ffff]+")


def _translate_run(m: re.Match) -> str:
    """One run of table characters, normalised."""
    return m.group().translate(NORM_TABLE)


def normalize(text: str) -> str:
    """Same-length normalisation used for matching; offsets map 1:1 to ``text``."""
    if "\uff0c" in text:
        text = FULLWIDTH_GROUP_RE.sub(",", text)
    text = _NORM_RUN_RE.sub(_translate_run, text)
    return _ASTRAL_RUN_RE.sub(_translate_run, text)  # ~6 ms a MB without astral characters


@cache
def load_json(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def lang_data(name: str, base: str) -> dict:
    """The section of a data file for a base language ({} when absent)."""
    return load_json(name).get(base, {})


@cache
def babel_locale(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        try:
            return Locale.parse(tag.split("-")[0].split("_")[0])
        except (UnknownLocaleError, ValueError, TypeError):
            return None


@cache
def regional_locales(base: str) -> tuple:
    """All CLDR locales of one language (ar, ar_DZ, ar_TN, …)."""
    out = []
    for ident in localedata.locale_identifiers():
        if ident == base or ident.startswith(base + "_"):
            try:
                out.append(Locale.parse(ident))
            except (UnknownLocaleError, ValueError):
                continue
    return tuple(out)


@cache
def current_currencies() -> frozenset:
    """ISO codes still legal tender somewhere (historic ones keep only their full names)."""
    out = set()
    for entries in get_global("territory_currencies").values():
        for code, _start, end, tender in entries:
            if end is None and tender:
                out.add(code)
    return frozenset(out)


@dataclass
class Profile:
    tag: str
    base: str
    locale: Locale | None
    decimal: str
    group: str
    territory: str | None
    local_currency: str | None
    cjk: bool
    arabic: bool
    extra: dict = field(default_factory=dict)


def _likely_territory(loc: Locale | None) -> str | None:
    if loc is None:
        return None
    if loc.territory:
        return loc.territory
    likely = get_global("likely_subtags")
    key = str(loc)
    full = likely.get(key) or likely.get(loc.language)
    if full:
        parts = full.split("_")
        for p in parts[1:]:
            if len(p) == 2 and p.isupper():
                return p
    return None


@cache
def get_profile(tag: str) -> Profile:
    tag = (tag or "").strip() or "und"
    loc = babel_locale(tag)
    base = loc.language if loc is not None else tag.split("-")[0].lower()
    src = loc or babel_locale(FALLBACK_LOCALE)
    syms = src.number_symbols.get("latn", {}) if src else {}
    decimal = syms.get("decimal", ".") if loc else "."
    group = syms.get("group", ",") if loc else ","
    terr = _likely_territory(loc)
    local_cur = None
    if terr:
        for code, _s, end, tender in get_global("territory_currencies").get(terr, []):
            if end is None and tender:
                local_cur = code
                break
    return Profile(
        tag=tag,
        base=base,
        locale=loc,
        decimal=decimal,
        group=group,
        territory=terr,
        local_currency=local_cur,
        cjk=base in ("zh", "ja", "ko", "yue"),
        arabic=base in ("ar", "fa", "ur"),
    )


def words_alternation(words, flags_word_boundary=True) -> str:
    """A regex alternation, longest first (Python's re takes the first branch that fits)."""
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)


# Arabic spelling varies in hamza/alef and ta marbuta/ha, and final ya/alef maqsura.
AR_VARIANTS = {
    "ا": "[اأإآ]",
    "أ": "[اأإآ]",
    "إ": "[اأإآ]",
    "آ": "[اأإآ]",
    "ى": "[ىي]",
    "ي": "[ىي]",
    "ة": "[ةه]",
    "ه": "[ةه]",
}


def fuzzy_ar(word: str) -> str:
    """Regex for an Arabic word tolerant to alef/hamza and ya spelling variants and to
    optional short-vowel marks and tatweel between letters (تقريبًا = تقريبا)."""
    return "[\u064b-\u0652\u0640]*".join(AR_VARIANTS.get(ch, re.escape(ch)) for ch in word)


def fold_ar(word: str) -> str:
    """Canonical spelling key for Arabic dictionary look-ups (same variants as fuzzy_ar)."""
    return (
        word.replace("أ", "ا")
        .replace("إ", "ا")
        .replace("آ", "ا")
        .replace("ى", "ي")
        .replace("ة", "ه")
        .replace("\u0640", "")
    )


_AR_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")


# Devanagari spellings news uses beside the standard (CLDR) ones: the nukta of a loan
# consonant dropped (हज़ार/हजार, फ़ीसदी/फीसदी; ड़ and ढ़ keep theirs, they are letters of
# their own), chandrabindu written as anusvara (पाँच/पांच).
_DEVA_LOAN = {
    "\u0958": "\u0915",
    "\u0959": "\u0916",
    "\u095a": "\u0917",
    "\u095b": "\u091c",
    "\u095e": "\u092b",
}
_DEVA_VARIANT_RE = re.compile("([\u0915\u0916\u0917\u091c\u092b])\u093c|[\u0958-\u095b\u095e\u0901]")


def _deva_plain(m: re.Match) -> str:
    if m.group(1):
        return m.group(1)
    ch = m.group()
    return "\u0902" if ch == "\u0901" else _DEVA_LOAN[ch]


def spelling_variants(word: str) -> tuple[str, ...]:
    """Other spellings of a word that texts write for the same word: () for most words.

    >>> spelling_variants("पाँच")
    ('पांच',)
    >>> spelling_variants("करोड़"), spelling_variants("dollar")
    ((), ())
    """
    plain = _DEVA_VARIANT_RE.sub(_deva_plain, word)
    return (plain,) if plain != word else ()


def add_spelling_variants(table: dict) -> None:
    """Add each key's spelling variants to ``table`` with the key's value (in place; a
    variant that is a key of its own keeps its value)."""
    for word, value in list(table.items()):
        for variant in spelling_variants(word):
            table.setdefault(variant, value)


def case_suffix_max(base: str) -> int:
    """How many letters a case ending glued to a figure's words has in the language
    (currencies.json "case_suffixes": tr dolara, hu százalékkal); 0 where none is glued."""
    return int(load_json("currencies.json").get("case_suffixes", {}).get(base, 0))


def unsuffixed(key: str, known, suffix_max: int) -> str | None:
    """``key`` without a case ending of up to ``suffix_max`` letters when what is left
    (three letters or more) is in ``known``: "dolara" -> "dolar", "dollárért" ->
    "dollár"; the longest stem first; None when no stem is known.

    >>> unsuffixed("dolardan", {"dolar"}, 5)
    'dolar'
    >>> unsuffixed("dolarizasyon", {"dolar"}, 5) is None
    True
    """
    for n in range(1, min(suffix_max, len(key) - 3) + 1):
        if key[-n:].isalpha() and key[:-n] in known:
            return key[:-n]
    return None


def fold_key(word: str, arabic: bool) -> str:
    w = word.lower()  # not casefold: it turns ß into ss
    if arabic:
        w = fold_ar(_AR_DIACRITICS.sub("", w))
    return w
