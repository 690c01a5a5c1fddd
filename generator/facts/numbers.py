"""Finding and parsing numbers, per locale.

Three kinds of number are recognised in the (normalised, same-length) text:

* digit numbers – ``1,234.5``, ``4.000``, ``0,000001``, ``12 500``, ``١٦٫٩`` – read with
  the locale's CLDR decimal and group symbols, tolerant to the other convention when
  the text leaves no doubt (a separator followed by exactly three digits groups);
* CJK numerals – ``三百萬``, ``拾萬零五十六點叁叁``, ``二〇二一`` – Traditional and
  Simplified forms, financial forms, 兩/两;
* spelled-out numbers – ``twenty``, ``siebenunddreißig``, ``ستة``, ``ملياري`` (dual) – from
  the small per-language tables in ``data/number_words.json``.

A digit number may carry a scale word after it: CLDR compact patterns give 萬/億,
Mrd./Milliarden, مليار/آلاف, million, K/M/B …; CJK scales chain (千萬 = 10^7).

Every candidate is reported; whether it is money, a percentage, a quantity or a date is
decided by the modules that look at its neighbours.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ._locale import (
    LETTERS,
    MARKS,
    NO_LETTER_AFTER,
    NO_LETTER_BEFORE,
    Profile,
    current_currencies,
    fold_key,
    fuzzy_ar,
    get_profile,
    is_letter,
    lang_data,
    load_json,
    normalize,
    regional_locales,
    words_alternation,
)
from .spellout import rbnf_words


@dataclass(slots=True)
class Number:
    """A number read from the text: span, value and how it was written."""

    start: int
    end: int
    value: float
    kind: str  # "digits" | "cjk" | "words"
    plain: bool = False  # digits only: no separator, no scale (years, phone parts)
    scaled: bool = False  # a scale word (萬, million, مليار) was applied
    scale: float = 1.0  # the multiplier of that scale word
    weak: bool = False  # only an article-like word ("a", "ein", "واحد")
    positional: bool = False  # CJK digits read positionally (三八 = 38, 二〇二一)
    ndigits: int = 0  # digits before the decimal separator (plain numbers)

    def is_year(self) -> bool:
        """Is this number written as a plain year could be: four digits alone, no separator
        or scale, 1800-2100 ("in 2021", "2010-2020 dollars")?"""
        return self.plain and self.ndigits == 4 and YEARS[0] <= self.value <= YEARS[1]


YEARS = (1800, 2100)  # the plain four-digit numbers that may be years (Number.is_year)


# --- digits -------------------------------------------------------------------------

# A run of ASCII digits (after normalisation) joined by separators. A space only joins
# groups: at most three digits before it and exactly three after ("12 500", "1 234 567"),
# so "in 2021 300 people" is a year and a count, not one run cut back to the year.
# The regex begins with one [0-9] (not [0-9]+) so that re finds a character class to skip
# ahead by: a pattern led by a repeat is tried at every position of the text.
DIGIT_RUN_RE = re.compile(
    r"[0-9][0-9]*(?:(?:[.,\u066b\u066c'\u2019]|(?<![0-9]{4})[ \u00a0\u202f](?=[0-9]{3}(?![0-9])))[0-9]+)*"
)
_SEP_SPLIT_RE = re.compile(r"([.,\u066b\u066c'\u2019 \u00a0\u202f])")
_SPACES = " \u00a0\u202f"
_ARABIC_DECIMAL = "\u066b"  # ٫ is always a decimal separator
_ARABIC_GROUP = "\u066c"  # ٬ always groups

# Things that look like numbers but are not figures: URLs, e-mail, phone numbers,
# times of day. Their spans are masked before scanning.
# Each branch is kept with a character it cannot match without ("+", "-", "(", ":"): a
# text is searched only with the branches whose character it holds (a text of figures
# alone has none, and trying every branch at every digit is most of a scan).
_NOT_A_FIGURE_BRANCHES = (
    ("+", r"\+[0-9][0-9 \-]{7,}[0-9]"),  # +886 2 2345 6789
    ("-", r"[0-9](?<![0-9][0-9])[0-9]{1,3}-[0-9]{3,4}-[0-9]{3,5}(?![0-9])"),  # 02-2345-6789
    ("(", r"\([0-9]{2,4}\) ?[0-9]{3,4}[ -][0-9]{3,4}"),
    (":", r"[0-9](?<![0-9][0-9])[0-9]?:[0-9]{2}(?::[0-9]{2})?(?![0-9])"),  # 10:30, 9:05:12
)
NOT_A_FIGURE_RE = re.compile("|".join(b for _c, b in _NOT_A_FIGURE_BRANCHES))


@cache
def _not_a_figure_re(present: tuple[str, ...]) -> re.Pattern | None:
    """NOT_A_FIGURE_RE with only the branches whose character is in ``present``."""
    branches = [b for c, b in _NOT_A_FIGURE_BRANCHES if c in present]
    return re.compile("|".join(branches)) if branches else None


# Web addresses and e-mail: only searched when the text has "@", "://" or "www.".
WEB_RE = re.compile(
    r"https?://\S+|www\.\S+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,}"
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _valid_groups(groups, seps) -> bool:
    """Groups joined by grouping separators: 1-3 digits, then 3-digit groups (Indian
    2-digit groups allowed before the last one), one kind of separator throughout."""
    if not seps:
        return True
    kinds = {(" " if s in _SPACES else s) for s in seps}
    if len(kinds) != 1:
        return False
    if not 1 <= len(groups[0]) <= 3:
        return False
    if len(groups[-1]) != 3:
        return False
    return all(len(g) in (2, 3) for g in groups[1:-1])


def interpret_digits(run: str, decimal: str, group: str):
    """(value, length used) for a digit run, or None. ``decimal``/``group`` are the
    locale's symbols; the text may still use the other convention."""
    if run.isdigit():  # the common case: no separator
        if len(run) > 2 and run.startswith("00"):
            return None
        return float(run), len(run)
    parts = _SEP_SPLIT_RE.split(run)
    groups, seps = parts[0::2], parts[1::2]
    while True:
        res = _interpret_parts(groups, seps, decimal)
        if res is not None:
            return res, len("".join(p for pair in zip(groups, seps + [""]) for p in pair))
        # Cut at the last space separator and retry ("2021 300" is two numbers).
        cut = max((i for i, s in enumerate(seps) if s in _SPACES), default=None)
        if cut is None:
            return None
        groups, seps = groups[: cut + 1], seps[:cut]


def _interpret_parts(groups, seps, decimal):
    if not seps:
        # "000001" is a figure that lost its "0." (or a zero-padded code), not one: no reading.
        if len(groups[0]) > 2 and groups[0].startswith("00"):
            return None
        return float(groups[0])
    last = seps[-1]
    puncts = [s for s in seps if s not in _SPACES]
    dec_idx = None
    if last == _ARABIC_DECIMAL:
        dec_idx = len(seps) - 1
    elif last in ".," and any(s != last for s in puncts[:-1]):
        dec_idx = len(seps) - 1  # 1,234.5 / 1.234,5: the last one is the decimal mark
    elif last in ".," and len(puncts) == 1:
        if last == decimal or len(groups[-1]) != 3:
            dec_idx = len(seps) - 1  # 0,000001 (de) / 16.9 / 4,5
        # else: 4.000 in de, 7,100 in zh: a grouping separator
    elif last == "'" or last == "\u2019" or last == _ARABIC_GROUP or last in _SPACES:
        pass
    if dec_idx is None:
        if not _valid_groups(groups, seps):
            return None
        return float("".join(groups))
    int_groups, int_seps = groups[: dec_idx + 1], seps[:dec_idx]
    if not _valid_groups(int_groups, int_seps):
        return None
    return float("".join(int_groups) + "." + groups[dec_idx + 1])


# --- CJK numerals -----------------------------------------------------------------

CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "叄": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CJK_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
CJK_POINT = "点點"
CJK_NUM_CHARS = "".join(CJK_DIGITS) + "".join(CJK_UNITS) + "".join(CJK_BIG)
_CJK_DIGIT_CHARS = "".join(CJK_DIGITS)
# Chinese sometimes spaces numerals out (一 百 五 十); allow single-line spaces inside.
CJK_RUN_RE = re.compile(
    f"[{CJK_NUM_CHARS}](?:[ ]?[{CJK_NUM_CHARS}])*"
    f"(?:[ ]?[{CJK_POINT}][ ]?[{_CJK_DIGIT_CHARS}0-9](?:[ ]?[{_CJK_DIGIT_CHARS}0-9])*)?"
)


MAX_CJK_CHARS = 40  # longer than any written CJK figure (九千九百九十九兆… is ~30)


def parse_cjk(s: str):
    """Value of a CJK numeral (may contain ASCII digits after 点). Returns
    (value, positional) or None."""
    s = s.replace(" ", "")
    if not s or len(s) > MAX_CJK_CHARS:
        return None  # 三三三… ten thousand times is no figure (and would overflow a float)
    frac = ""
    for p in CJK_POINT:
        if p in s:
            s, frac = s.split(p, 1)
            break
    total = 0.0
    section = 0.0
    current = None
    prev = ""
    positional = False
    last_unit = 1e9
    for ch in s:
        if ch in CJK_DIGITS:
            d = CJK_DIGITS[ch]
            if d == 0 and prev not in CJK_DIGITS:
                current = None  # 零 after a unit only marks a gap: 一百零五
                prev = ""
                continue
            if current is not None and prev in CJK_DIGITS:
                current = current * 10 + d  # 二〇二一, 三八 (digits read positionally)
                positional = True
            else:
                current = d
        elif ch in CJK_UNITS:
            if positional:
                return None  # 二三十 is "twenty or thirty", not a figure
            if CJK_UNITS[ch] >= last_unit and current is None:
                return None  # 七十百: units only decrease inside a section
            last_unit = CJK_UNITS[ch]
            section += (current if current is not None else 1) * CJK_UNITS[ch]
            current = None
        elif ch in CJK_BIG:
            big = CJK_BIG[ch]
            seg = section + (current or 0)
            if prev == ch or (prev in "万萬" and ch in "万萬"):
                total = (total or 1) * big  # 万万 = 10^8
            elif big >= 1e8:
                total = (total + seg if (total + seg) else 1) * big
            else:
                total += (seg if seg else 1) * big
            section, current = 0.0, None
            last_unit = 1e9
        else:
            return None
        prev = ch
    total += section + (current or 0)
    if frac:
        digits = []
        for ch in frac.replace(" ", ""):
            if ch in CJK_DIGITS:
                digits.append(str(CJK_DIGITS[ch]))
            elif ch.isdigit():
                digits.append(ch)
            else:
                return None
        if digits:
            total = float(f"{int(total)}.{''.join(digits)}")
    return float(total), positional


# --- spelled-out numbers ------------------------------------------------------------


@dataclass
class WordLexicon:
    """The number words of one language, compiled: what each word is worth and the regexes
    that find runs of them."""

    values: dict  # folded word (separators as one space) -> (role, value)
    run_re: re.Pattern | None
    morph_re: re.Pattern | None
    prefixes: tuple
    arabic: bool
    word_re: re.Pattern | None = None  # one number word (a token), for fast triggering
    span_re: re.Pattern | None = None  # the characters a run may hold (see run_at)
    runs: dict = field(default_factory=dict)  # (character before, span) -> run length
    cache: dict = field(default_factory=dict)  # token -> is a number word
    parsed: dict = field(default_factory=dict)  # run text -> parse_words result


_WORD_SEP_RE = re.compile(r"[ \u00a0-]+")
_ROLES = ("units", "multipliers", "scales", "fractions", "dual_scales")


def word_key(word: str, arabic: bool) -> str:
    """The look-up key of a number word: folded, separators (space, hyphen) as one space."""
    return _WORD_SEP_RE.sub(" ", fold_key(word, arabic)).strip() or word


def merged_number_words(base: str) -> dict:
    """CLDR RBNF words (spellout.rbnf_words) with data/number_words.json on top.

    The hand data holds only what RBNF lacks (a/an, dozen, half, connectors, Arabic
    duals and prefixes); Chinese and Japanese numerals are parsed by value instead.
    """
    hand = lang_data("number_words.json", base)
    rbnf_all = rbnf_words(base)
    rbnf = {"negative": rbnf_all.get("negative", [])} if base in ("zh", "ja", "yue") else rbnf_all
    out: dict = {role: dict(rbnf.get(role, {})) for role in _ROLES}
    for role in _ROLES:
        out[role].update(hand.get(role, {}))
    for key in ("connectors", "prefixes", "negative", "weak", "standalone_scales", "decimal"):
        out[key] = sorted(set(rbnf.get(key, [])) | set(hand.get(key, [])))
    out["compound"] = bool(hand.get("compound") or rbnf.get("compound"))
    return out


def _flex(word: str, arabic: bool) -> str:
    """Regex for a number word whose inner spaces/hyphens may vary (twenty-one, twenty one)."""
    parts = [p for p in _WORD_SEP_RE.split(word) if p]
    esc = [fuzzy_ar(p) if arabic else re.escape(p) for p in parts]
    return r"(?:[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)".join(esc) if esc else re.escape(word)


@cache
def word_lexicon(base: str) -> WordLexicon:
    """The compiled number words of ``base`` (empty lexicon when it has none)."""
    data = merged_number_words(base)
    arabic = base == "ar"
    values = {}
    for role in _ROLES:
        for w, v in data.get(role, {}).items():
            values[word_key(w, arabic)] = (role, float(v))
    for w in data.get("connectors", []):
        if w != "-":
            values.setdefault(word_key(w, arabic), ("connector", 0.0))
    for w in data.get("decimal", []):
        values.setdefault(word_key(w, arabic), ("decimal", 0.0))
    for w in (word_key(x, arabic) for x in data.get("weak", [])):
        if w in values:
            values[w] = ("weak", values[w][1])
    words = [w for w, (r, _) in values.items() if r != "connector"]
    if not words:
        return WordLexicon({}, None, None, (), arabic)
    morph = "|".join(_flex(w, arabic) for w in sorted(words, key=len, reverse=True))
    conn_words = [w for w, (r, _) in values.items() if r == "connector"]
    conn = "|".join(_flex(w, arabic) for w in sorted(conn_words, key=len, reverse=True))
    prefixes = tuple(data.get("prefixes", []))
    pre = f"(?:{words_alternation(prefixes)})?" if prefixes else ""
    if data.get("compound"):
        word = f"(?:{morph}|{conn})*(?:{morph})" if conn else f"(?:{morph})+"  # siebenunddreißig
    else:
        word = f"{pre}(?:{morph})"
    sep = r"(?:[ \u00a0]+|-|[ \u00a0]*-[ \u00a0]*)"
    joiner = f"(?:{sep}(?:(?:{conn}){sep})?)" if conn else sep
    run = rf"{NO_LETTER_BEFORE}(?:{word})(?:{joiner}(?:{word}))*{NO_LETTER_AFTER}"
    morph_all = f"{morph}|{conn}" if conn else morph
    return WordLexicon(
        values,
        re.compile(run, re.I),
        re.compile(morph_all, re.I),
        prefixes,
        arabic,
        re.compile(word, re.I),
        _span_re(list(values) + list(prefixes)),
    )


def _span_re(words: list[str]) -> re.Pattern:
    """Any run of the characters a run of ``words`` can hold: letters and marks (every
    case form of a letter is a letter), the separators, and the other characters of
    the words themselves (a dot, an apostrophe)."""
    other = {c for w in words for c in w if not is_letter(c)} | set(" \u00a0-")
    return re.compile(rf"(?:[^\W\d_]|[{MARKS}{''.join(re.escape(c) for c in sorted(other))}])*")


# Letter tokens; number-word runs are only tried where a token is a number word, which
# keeps the long alternations off most positions of a large text.
# LETTERS with its first letter apart: re skips ahead by a class that leads the pattern.
WORD_TOKEN_RE = re.compile(rf"[^\W\d_][^\W\d_]*(?:[{MARKS}]+[^\W\d_]*)*")
assert LETTERS == rf"[^\W\d_]+(?:[{MARKS}]+[^\W\d_]*)*", "WORD_TOKEN_RE must match what LETTERS does"


_TOKENS_CACHE: list[Any] = [None, set()]  # (text, distinct tokens) of the last text seen


# Runs of characters that are not ASCII digits, spaces or punctuation: every letter token
# lies inside one (no ASCII character but a letter is a letter or a mark), and a run of
# ASCII alone is a token. A class of ranges is scanned several times faster than the
# Unicode categories of WORD_TOKEN_RE, which then reads only the distinct other runs.
_TOKEN_CHUNK_RE = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f][^\x00-\x40\x5b-\x60\x7b-\x7f]*")


def distinct_tokens(norm: str) -> set[str]:
    """The distinct letter tokens of a text, set(WORD_TOKEN_RE.findall(norm)) (computed
    once per text, shared by modules)."""
    if _TOKENS_CACHE[0] is not norm:
        chunks = set(_TOKEN_CHUNK_RE.findall(norm))
        tokens = {c for c in chunks if c.isascii()}
        other = [c for c in chunks if not c.isascii()]
        if other:
            tokens.update(WORD_TOKEN_RE.findall(" ".join(other)))
        _TOKENS_CACHE[0], _TOKENS_CACHE[1] = norm, tokens
    got: set[str] = _TOKENS_CACHE[1]
    return got


def trigger_positions(norm: str, is_trigger, cache: dict):
    """Sorted (start, end) of the letter tokens for which ``is_trigger(token)`` holds.

    The distinct tokens are collected in C (findall + set), tested once each (cached),
    and only the few triggering ones are located again with str.find: far cheaper on a
    large text than a Python loop over every token or a long alternation tried at every
    position.
    """
    hits = []
    for tok in distinct_tokens(norm):
        ok = cache.get(tok)
        if ok is None:
            ok = bool(is_trigger(tok))
            if len(cache) < 200_000:
                cache[tok] = ok
        if ok:
            hits.append(tok)
    out = []
    n = len(norm)
    for tok in hits:
        L = len(tok)
        i = norm.find(tok)
        while i != -1:
            # is_letter inlined for the common case (a space, digit or ASCII mark next)
            b = norm[i - 1] if i else " "
            a = norm[i + L] if i + L < n else " "
            if not (b.isalpha() or b >= "\u0300" and is_letter(b)) and not (
                a.isalpha() or a >= "\u0300" and is_letter(a)
            ):
                out.append((i, i + L))
            i = norm.find(tok, i + L)
    out.sort()
    return out


def _word_runs(norm: str, lex: WordLexicon):
    """(start, text) of the runs of number words in ``norm``, left to right, not
    overlapping. A number word with no letter after the spaces or hyphens that follow
    it is a run of its own (the run regex is tried only where another word may join)."""
    if lex.word_re is None or lex.run_re is None:
        return
    word_re = lex.word_re
    n = len(norm)
    pos = 0
    for s, e in trigger_positions(norm, lambda t: len(t) <= 40 and word_re.fullmatch(t.lower()), lex.cache):
        if s < pos:
            continue
        q = e
        while q < n and norm[q] in " \u00a0-":
            q += 1
        if q >= n or not (norm[q].isalpha() or norm[q] >= "\u0300" and is_letter(norm[q])):
            pos = e
            yield s, norm[s:e]
            continue
        length = run_at(norm, s, lex)
        if length is None:
            continue
        pos = s + length
        yield s, norm[s:pos]


def run_at(norm: str, s: int, lex: WordLexicon) -> int | None:
    """The length of lex.run_re's match at ``s`` (None when it does not match),
    remembered per text around it: the match depends only on the character before
    ``s`` and on the span of characters a run may hold from ``s`` on (lex.span_re),
    since the character that ends the span is no letter, mark or separator and so
    passes the run's closing test whatever it is. The long alternations of number
    words are tried once per such span, not at every occurrence."""
    assert lex.span_re is not None and lex.run_re is not None
    span = lex.span_re.match(norm, s)
    end = span.end() if span is not None else s
    key = (norm[s - 1 : s], norm[s:end]) if end - s <= _MAX_RUN_KEY else None
    got = lex.runs.get(key, _MISS) if key is not None else _MISS
    if got is _MISS:
        r = lex.run_re.match(norm, s)
        got = None if r is None else r.end() - s
        if key is not None and len(lex.runs) < 100_000:
            lex.runs[key] = got
    return got if isinstance(got, int) else None


_MAX_RUN_KEY = 80  # longer spans (prose without punctuation) are matched, not remembered


@dataclass
class _Reading:
    """The running state of parse_words: closed sections, the open one, the units."""

    total: float = 0.0
    section: float = 0.0  # the part under construction, multiplied by later bigger scales
    section_scale: float = 0.0
    current: float | None = None  # units (and hundreds) since the last scale
    last_unit: float = float("inf")
    seen: bool = False
    only_weak: bool = True

    def value(self) -> float:
        """The value read so far."""
        return self.total + self.section + (self.current or 0)


def _entry(tok: str, lex: WordLexicon):
    """(role, value) of one matched number word, or None (prefixes such as Arabic wa- off)."""
    key = word_key(tok, lex.arabic)
    entry = lex.values.get(key)
    if entry is None and lex.prefixes:
        for p in lex.prefixes:
            if key.startswith(p) and key[len(p) :] in lex.values:
                return lex.values[key[len(p) :]]
    return entry


def _step(r: _Reading, role: str, v: float) -> bool:
    """Apply one word to the reading; False when it starts another number instead."""
    if role in ("units", "weak"):
        if r.current is not None and v >= r.last_unit:
            return False  # "un veinticinco", "twenty thirty": units only decrease
        r.current = (r.current or 0) + v
        r.last_unit = v
    elif role in ("multipliers", "fractions"):
        r.current = (r.current if r.current else 1) * v
        r.last_unit = v if role == "multipliers" else r.last_unit
    elif role in ("scales", "dual_scales"):
        val = r.current if r.current else (1.0 if not r.section or role == "dual_scales" else 0.0)
        if r.section and v > r.section_scale:
            r.section = (r.section + val) * v  # 三千万, thousand million: the section grows
        else:
            r.total += r.section
            r.section = val * v
        r.section_scale = v
        r.current = None
        r.last_unit = float("inf")
    return True


def parse_words(s: str, lex: WordLexicon):
    """(value, weak, start, end) for the first number in a run of number words, or None.

    ``start``/``end`` are offsets into ``s``: a run that holds two numbers ("un
    veinticinco") is cut where the second begins; a weak word (an article) before it is
    dropped. Scales close sections, and a bigger scale multiplies the open one (千万).
    """
    r = _Reading()
    start = end = None
    frac: str | None = None  # digits after a decimal word (cuarenta y siete coma veintiocho)
    if lex.morph_re is None:
        return None
    for m in lex.morph_re.finditer(s):
        entry = _entry(m.group(), lex)
        if entry is None:
            continue
        role, v = entry
        if role == "connector":
            continue
        if role == "decimal" or frac is not None:
            if role == "decimal" and frac is None and r.seen:
                frac = ""
                continue
            if role in ("units", "weak") and v == int(v) and frac is not None:
                frac += str(int(v))
                end = m.end()
                continue
            break
        if not _step(r, role, v):
            if r.only_weak:  # the article before a number: start again at this word
                r, start = _Reading(), m.start()
                _step(r, role, v)
            else:
                break
        if start is None:
            start = m.start()
        end = m.end()
        r.seen = True
        if role != "weak":
            r.only_weak = False
    if not r.seen or start is None or end is None:
        return None
    value = r.value() + (float("0." + frac) if frac else 0.0)
    return value, r.only_weak and not frac, start, end


def parsed_run(s: str, lex: WordLexicon):
    """parse_words(s, lex), remembered per run text: number words come from a small
    vocabulary, so the same runs recur ("two", "zwei Millionen") all through a text."""
    got = lex.parsed.get(s, lex)
    if got is lex:
        got = parse_words(s, lex)
        if len(lex.parsed) < 100_000:
            lex.parsed[s] = got
    return got


# --- scales after digits -------------------------------------------------------------


@dataclass
class ScaleTable:
    """The scale words (million, Millionen, 万…) of one language and the regex that finds them."""

    words: dict  # folded word -> multiplier (spaced or glued)
    glued_only: dict  # single letters (K, M, B, k, m, bn) only right after the digits
    cjk: dict
    regex: re.Pattern


_PATTERN_QUOTES = re.compile(r"'")


@cache
def scale_table(base: str) -> ScaleTable:
    """Return the scale words of a language from CLDR compact decimal patterns."""
    words: dict[str, Any] = {}
    glued: dict[str, Any] = {}
    arabic = base == "ar"
    locs = regional_locales(base) if base else ()
    for loc in locs[:40]:
        for _length, forms in loc.compact_decimal_formats.items():
            for _plural, pats in forms.items():
                for mag, pat in pats.items():
                    text = pat.pattern if hasattr(pat, "pattern") else str(pat)
                    zeros = text.count("0")
                    word = _PATTERN_QUOTES.sub("", text.replace("0", "")).strip(" \u00a0\u200e\u200f\u061c")
                    if not word or zeros == 0:
                        continue
                    mult = float(mag) / (10 ** (zeros - 1))
                    key = fold_key(word, arabic)
                    if len(word) == 1 and word.isascii():
                        glued[word] = mult
                        glued[word.lower()] = mult
                    else:
                        words.setdefault(key, mult)
                        if key.endswith("."):
                            words.setdefault(key[:-1], mult)
    nw = lang_data("number_words.json", base)
    for w, v in nw.get("scales", {}).items():
        words.setdefault(fold_key(w, arabic), float(v))
    for w, v in load_json("currencies.json")["multiplier_prefixes"].items():
        if len(w) == 1:
            glued.setdefault(w, v)
            glued.setdefault(w.upper(), v)
        else:
            glued.setdefault(w, v)
    cjk = {}
    if base in ("zh", "ja", "yue", "ko"):
        # One-character scales chain by value, glued: 千萬 = 10^7, 5천만 = 5 × 10^7.
        for k, v in list(words.items()):
            if len(k) == 1 and not k.isascii():
                cjk[k] = v
        cjk.update({k: float(v) for k, v in nw.get("glued_scales", {}).items()})
        for k in cjk:
            words.pop(k, None)
    if arabic:
        alt = "|".join(fuzzy_ar(w) for w in sorted(words, key=len, reverse=True))
    else:
        alt = words_alternation(words)
    glued_alt = words_alternation(glued)
    rx = re.compile(
        rf"(?:(?P<glued>{glued_alt})(?![A-Za-z])"
        + (rf"|[ \u00a0\u202f]?(?P<word>{alt}){NO_LETTER_AFTER}" if alt else "")
        + (f"|[ ]*(?P<cjk>[{''.join(cjk)}]+)" if cjk else "")
        + ")",
        re.I,
    )
    # Abbreviations ending in "." ("Mrd.") are matched before the dot-less form.
    return ScaleTable(words, glued, cjk, rx)


_SCALE_MAY_START_RE = re.compile(r"[ \u00a0\u202f]*(?:[^\W\d_]|[-'])")


def _no_scale_at(norm: str, pos: int) -> bool:
    """Cheap test: no scale word can start at ``pos`` (end of text, or a digit or
    punctuation next, after spaces)."""
    return _SCALE_MAY_START_RE.match(norm, pos) is None


def apply_scale(norm: str, pos: int, table: ScaleTable, arabic: bool) -> tuple[float, int]:
    """(multiplier, new end) for a scale word at ``pos``, or (1, pos)."""
    if _no_scale_at(norm, pos):
        return 1.0, pos
    m = table.regex.match(norm, pos)
    if not m:
        return 1.0, pos
    return _scale_of_match(m, table, arabic, pos)


def _scale_of_match(m: re.Match, table: ScaleTable, arabic: bool, pos: int) -> tuple[float, int]:
    """(multiplier, end) for a match holding ScaleTable.regex's groups glued/word/cjk
    (the scale word at ``pos``), or (1, pos)."""
    gd = m.groupdict()
    if gd.get("glued"):
        gl = gd["glued"]
        return table.glued_only.get(gl, table.glued_only.get(gl.lower(), 1.0)), m.end("glued")
    if gd.get("word"):
        mult = table.words.get(fold_key(gd["word"], arabic))
        if mult is None:
            return 1.0, pos
        return mult, m.end("word")
    if gd.get("cjk"):
        mult = 1.0
        last = 0.0
        end = c = m.start("cjk")
        for ch in m.group("cjk"):
            v = table.cjk.get(ch)
            if v is None or (last and v <= last and v < 1e4):
                break
            # 千萬 = 10^7 (a bigger unit multiplies), 萬億 = 10^12
            mult *= v
            last = v
            end += 1
        if end == c:
            return 1.0, pos
        return mult, end
    return 1.0, pos


def _clean(v: float) -> float:
    """16.9 * 1e9 is 16899999999.999998 in binary floating point; keep 12 digits."""
    return float(f"{v:.12g}")


# No figure in news is this large; longer digit runs (or their float, inf) are not figures.
MAX_VALUE = 1e21

# --- the scanner -----------------------------------------------------------------------


@cache
def _lex_for(base: str) -> WordLexicon:
    return word_lexicon(base)


def mask_spans(norm: str) -> list:
    """Return the sorted spans that hold no figure (identifiers, URLs, e-mail addresses)."""
    rx = _not_a_figure_re(tuple(c for c, _b in _NOT_A_FIGURE_BRANCHES if c in norm))
    spans = [(m.start(), m.end()) for m in rx.finditer(norm)] if rx is not None else []
    if "@" in norm or "://" in norm or "www." in norm:
        spans += [(m.start(), m.end()) for m in WEB_RE.finditer(norm)]
        spans.sort()
    return spans


def _in_spans(pos: int, spans) -> bool:
    """Is ``pos`` inside one of the (sorted) spans?"""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    for j in (i, i - 1):
        if j >= 0 and spans[j][0] <= pos < spans[j][1]:
            return True
    return False


# Letters glued before a number: only a possible ISO code ("USD115") is kept; B2B,
# MP3, COVID19 are names.
_GLUED_CODE_RE = re.compile(r"(?:^|[^A-Za-z])(?:[A-Z]{3}|[a-z]{3})$")
# Characters before or after a digit run that call for a closer look (the cheap test).
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SPECIAL_BEFORE = frozenset("+#-/.," + _ASCII_LETTERS)
_SPECIAL_AFTER = frozenset("." + _ASCII_LETTERS)


def _digit_numbers(norm: str, profile: Profile, masked: list) -> list:
    """The digit-run numbers of ``norm`` (with a scale word after them applied).

    One regex finds a run and the scale word after it (digit_scale_re); what a match
    reads as is remembered per match text (_match_reading: a text repeats its figures),
    so a repeated figure costs one dict look-up before the tests of its neighbours.
    """
    table = scale_table(profile.base)
    rx = digit_scale_re(profile.base)
    memo = _MATCH_MEMOS.setdefault((profile.base, profile.decimal, profile.group), {})
    out: list = []
    append = out.append
    n = len(norm)
    special_before, special_after = _SPECIAL_BEFORE, _SPECIAL_AFTER
    memo_get, arabic = memo.get, profile.arabic
    for m in rx.finditer(norm):
        s = m.start()
        if masked and _in_spans(s, masked):
            continue
        key = m.group()
        got = memo_get(key, _MISS)
        if got is _MISS or (got is not None and got[0] != m.lastindex):
            got = memo[key] = _match_reading(m, profile, table)
            if len(memo) > 50_000:
                memo.clear()
        if got is None:
            continue
        _li, run, value, length, plain, mult, scale_len, scaled = got
        if s and norm[s - 1] in special_before:
            mark = _after_mark(norm, s, run, value, profile.base)
            if mark is None:
                continue
            if mark[0] != s:
                plain = False  # ".5": the mark is its decimal point
                value = mark[2]
                scaled = _clean(value * mult)
            e = s + length
            s = mark[0]
        else:
            e = s + length
        if scale_len < 0:
            mult, e2 = apply_scale(norm, e, table, arabic)  # a cut run: "2021 300"
            scaled = _clean(value * mult)
        else:
            e2 = e + scale_len
        if e2 < n and norm[e2] in special_after:
            nxt = norm[e2]
            if nxt != "." and not _glued_code(norm, e2):
                continue  # 91APP, 3D, 2nd, 10am (but 115USD is an amount)
            if nxt == "." and e2 + 1 < n and norm[e2 + 1].isdigit():
                continue  # 2025.11.14-like leftovers
        if mult != 1.0:
            append(Number(s, e2, scaled, "digits", False, True, mult))
        elif plain:
            append(Number(s, e2, value, "digits", True, False, 1.0, False, False, length))
        else:
            append(Number(s, e2, value, "digits"))
    return out


def _match_reading(m: re.Match, profile: Profile, table: ScaleTable) -> tuple | None:
    """What a digit_scale_re match reads as, wherever its text stands: (lastindex, run,
    value, length of the run used, digits only, scale multiplier, length of the scale
    word after the run used, -1 when the run was cut and the scale is read in place,
    the value times the multiplier), or None when the run is no figure
    (interpret_digits)."""
    run = m.group(1)
    res = interpret_digits(run, profile.decimal, profile.group)
    if res is None:
        return None
    value, length = res
    plain = run[:length].isdigit()
    if length != len(run):
        return m.lastindex, run, value, length, plain, 1.0, -1, value
    if m.lastindex == 1:
        return m.lastindex, run, value, length, plain, 1.0, 0, value
    mult, e2 = _scale_of_match(m, table, profile.arabic, m.end(1))
    return m.lastindex, run, value, length, plain, mult, e2 - m.end(1), _clean(value * mult)


_MISS = object()
_MATCH_MEMOS: dict = {}  # (language, decimal, group) -> match text -> _match_reading


@cache
def digit_scale_re(base: str) -> re.Pattern:
    """A digit run (group 1) and, when a letter may follow, the scale word after it
    (groups glued, word, cjk of ScaleTable.regex)."""
    inner = scale_table(base).regex.pattern
    # Case-insensitive only where case can matter (the run's characters have none), and
    # "(?:X|)", not "(?:X)?": re tries an alternative far faster than an optional group.
    ahead = r"(?=[ \u00a0\u202f]*(?:[^\W\d_]|[-']))"
    return re.compile(rf"({DIGIT_RUN_RE.pattern})(?:(?i:{ahead}{inner})|)")


def _after_mark(norm: str, s: int, run: str, value: float, base: str) -> tuple[int, str, float] | None:
    """(start, run, value) of a digit run after +, #, -, /, a mark or a letter, or None
    when that character makes it no figure."""
    prev = norm[s - 1]
    if prev in "+#" or (prev == "-" and s >= 2 and _ASCII_LETTER.match(norm[s - 2])):
        return None  # +49…, #3, COVID-19
    if prev == "/" and s >= 2 and norm[s - 2].isdigit():
        return None  # 2/3, 24/7: a denominator, not a figure
    if prev in ".," and run.isdigit() and (s < 2 or norm[s - 2] in " \n\t(") and len(run) <= 6:
        return s - 1, "0." + run, float("0." + run)  # ",08 por ciento", ".5%": begins with its mark
    if (
        prev.isalpha()
        and not _GLUED_CODE_RE.search(norm, max(0, s - 4), s)
        and not _glued_symbol(norm, s, base)
    ):
        return None
    return s, run, value


_LETTERS_BEFORE_RE = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,4}\.?$")


def _glued_symbol(norm: str, s: int, base: str) -> bool:
    """Is a letter currency symbol of the language's CLDR locales (Rp, RM, Rs, kr) glued
    before the digits at ``s`` (Rp5.000, RM20)? Other letters glued before digits (MP3,
    B2B, G7) make a name, not a figure."""
    m = _LETTERS_BEFORE_RE.search(norm, max(0, s - 5), s)
    return m is not None and m.group().lower() in letter_symbols(base)


@cache
def letter_symbols(base: str) -> frozenset:
    """The lower-cased currency symbols written in Latin letters (Rp, RM, kr; two letters or more) of
    the language's CLDR locales, for current currencies."""
    current = current_currencies()
    return frozenset(
        sym.lower()
        for loc in regional_locales(base)
        for code, sym in loc.currency_symbols.items()
        if code in current and _LATIN_SYMBOL_RE.fullmatch(sym) and sym.upper() != code
    )


_LATIN_SYMBOL_RE = re.compile(r"[A-Za-z]{2,4}\.?")  # one letter (R, K, P) is too often a name


def scan_numbers(norm: str, profile: Profile) -> list:
    """All number candidates in normalised text, sorted by start.

    Steps: digit runs (_digit_numbers), CJK numerals (_cjk_numbers), spelled-out runs
    (_word_numbers); then nested candidates are dropped (_outermost) and (CJK) scaled
    numbers chained.
    """
    masked = mask_spans(norm)
    out = _digit_numbers(norm, profile, masked)
    if profile.base in ("zh", "ja", "yue") or profile.cjk:
        _cjk_numbers(norm, out)
    _word_numbers(norm, _lex_for(profile.base), masked, out)
    res = _outermost(out)
    return chain_scaled(norm, res) if profile.cjk else res


_CJK_MEMO: dict = {}  # numeral text -> parse_cjk result (a text repeats its numerals)


def _cjk_numbers(norm: str, out: list) -> None:
    """Append the CJK numerals of ``norm`` to ``out`` (not those overlapping the last
    numbers appended)."""
    memo = _CJK_MEMO
    for m in CJK_RUN_RE.finditer(norm):
        s = m.start()
        # Trailing spaces are not part of the numeral.
        txt = m.group().rstrip(" ")
        e = s + len(txt)
        overlaps = False
        for x in out[-3:]:  # a loop, not any(genexpr): a generator costs a frame per run
            if x.start < e and s < x.end:
                overlaps = True
                break
        if overlaps:
            continue
        parsed = memo.get(txt, _MISS)
        if parsed is _MISS:
            parsed = memo[txt] = parse_cjk(txt)
            if len(memo) > 50_000:
                memo.clear()
        if parsed is None:
            continue
        value, positional = parsed
        out.append(Number(s, e, value, "cjk", False, False, 1.0, txt == "一", positional))


def _word_numbers(norm: str, lex: WordLexicon, masked: list, out: list) -> None:
    """Append the spelled-out numbers of ``norm`` to ``out``."""
    if lex.run_re is None:
        return
    for start, run in _word_runs(norm, lex):
        if masked and _in_spans(start, masked):
            continue
        parsed = parsed_run(run, lex)
        if parsed is None:
            continue
        value, weak, ws, we = parsed
        out.append(Number(start + ws, start + we, value, "words", weak=weak, scaled=value >= 1000))


_BY_START = operator.attrgetter("start")


def _outermost(out: list) -> list:
    """The numbers sorted by start, longest first on one start, without those nested in
    an earlier, longer one (a CJK run inside "7,100萬") or too large to be figures."""
    out.sort(key=_BY_START)  # stable: on a tie the longer one is put first below
    res: list = []
    last_end = -1
    for x in out:
        if not abs(x.value) < MAX_VALUE:
            continue  # a digit run too long to be a figure (10,000 digits: inf)
        if x.start < last_end:
            if res and x.start == res[-1].start and x.end > res[-1].end:
                res[-1] = x  # the same start, longer: it comes first
                last_end = x.end
            continue  # nested
        res.append(x)
        last_end = x.end
    return res


_GLUED_CODE_AFTER_RE = re.compile(r"[A-Z]{3}(?![A-Za-z])")


def _glued_code(norm: str, pos: int) -> bool:
    """Is an ISO 4217 code of a current currency glued at ``pos`` (115USD)?"""
    m = _GLUED_CODE_AFTER_RE.match(norm, pos)
    return m is not None and m.group() in current_currencies()


def _continues(norm: str, prev: Number, x: Number) -> bool:
    """Does ``x`` add to the scaled number ``prev``: a smaller scaled one at most a space
    after it (1억 2000만, 3億5000万), or unscaled digits below its scale glued to it
    (2万5000円)?"""
    if not (prev.scaled and x.kind == "digits" and x.value < prev.scale):
        return False
    gap = norm[prev.end : x.start]
    if x.scaled:
        return x.scale < prev.scale and gap in ("", " ", "\u00a0")
    return gap == "" and x.value >= 1 and prev.scale >= 1e4


def chain_scaled(norm: str, nums: list) -> list:
    """Join "1억 2000만", "3億5000万", "1조 2000억", "2万5000" (a scaled number, then a
    smaller one below its scale: see _continues) into one number."""
    out: list = []
    for x in nums:
        prev = out[-1] if out else None
        if prev is not None and prev.scaled and x.kind == "digits" and _continues(norm, prev, x):
            scale = x.scale if x.scaled else 1.0
            out[-1] = Number(
                prev.start, x.end, _clean(prev.value + x.value), prev.kind, scaled=True, scale=scale
            )
            continue
        out.append(x)
    return out


def parse_number(text: str, lang: str = "en"):
    """Value of a number written on its own (digits, CJK or words) or None."""
    profile = get_profile(lang)
    norm = normalize(text)
    nums = scan_numbers(norm, profile)
    if len(nums) == 1 and nums[0].start == 0 and nums[0].end == len(norm.rstrip()):
        return nums[0].value
    return None
