"""Percentages: 89%, %12 (tr), 60 ٪, fünf Prozent, двадцать процентов, yüzde 12, 3 промилле,
بنسبة 55%, 百分之八十九, 50パーセント, 三成 / 三割 (×10), 八五折 (a price paid), 8割引 (a
discount), 千分之二 (per mille), 个百分点.

``value`` is in percent: 55 means 55 %. Percentage points (percentage points,
Prozentpunkte, 个百分点, ポイント) are percent facts with ``unit`` "points": a reader must
not see "+2.4 %" where the text says "+2.4 points".

The words come from CLDR first (:func:`generator.facts.cldr.unit_words`: the unit
patterns for percent and per mille of every locale of the language, each length and
plural form, with the side of the number they are written on); ``data/percent.json``
adds what CLDR has no unit for (percentage points, 百分之, tenths such as 成/割/折).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ._locale import (
    AR_VARIANTS,
    MARKS,
    NO_LETTER_AFTER,
    NO_LETTER_BEFORE,
    Profile,
    add_spelling_variants,
    case_suffix_max,
    fold_key,
    fuzzy_ar,
    lang_data,
)
from .candidate import Candidate
from .cldr import unit_words
from .numbers import CJK_RUN_RE, Number, interpret_digits, merged_number_words, parse_cjk
from .qualifiers import qualifier_after, qualifier_before
from .ranges import is_range, range_words
from .reach import char_after, char_before, chars_ahead, starts_behind

# The signs themselves, for every language (٪ and ％ are normalised to %).
SIGN_RE = re.compile(r"[ \u00a0\u202f]{0,2}(?P<sign>[%‰])")
SIGN_FACTOR = {"%": 1.0, "‰": 0.1}
# A minus attached to the number (not after a digit or a letter of any script: 5-10 %,
# COVID-19, Hebrew ב-50% "by 50 %"; Han and kana excepted: 同比-5% is minus five), or the
# language's word for "negative" before it (RBNF's: minus, moins, マイナス, eksi).
_MINUS = rf"(?<![0-9.])(?<![^\W\d_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])(?<![{MARKS}])[-\u2212]"
_WINDOW = 24  # characters before a number searched for a word written before it
_AFTER_GAP = " \u00a0\u202f-"  # what may stand between a number and a sign or word after it

# Chinese/Japanese: X分之Y / X分のY with X = 百/千/万/萬/万万: percent, per mille, per 10^4.
_SP = "[ ]*"
CJK_FRACTION_RE = re.compile(
    # 万万 after 万: one class leads (re skips ahead by it); the two forms never both fit
    f"(?P<den>[百佰千仟万萬](?:(?<=万)万|(?<=萬)萬|)){_SP}分{_SP}[之の]{_SP}"
    rf"(?P<num>[0-9][0-9,.]*|{CJK_RUN_RE.pattern})(?P<k>{_SP}[kK](?![A-Za-z]))?"
)
POINTS = "points"  # the unit of a percentage-point fact
_DEN = {"百": 1.0, "佰": 1.0, "千": 10.0, "仟": 10.0, "万": 100.0, "萬": 100.0, "万万": 1e6, "萬萬": 1e6}


@dataclass(frozen=True)
class PercentWords:
    """Per language: regexes for the words of percent/per mille and their factors."""

    after: re.Pattern | None  # right after the number; group "w" is the word
    before: re.Pattern | None  # ending right before the number; group "w"
    factors: dict  # folded word -> factor (1 percent, 0.1 per mille)
    tenths: re.Pattern | None  # 成/割 after a numeral; groups "kind", "parts"
    tenth_kinds: dict  # word -> "tenths" | "paid" | "discount"
    parts: dict  # 分/厘/半 after tenths -> value in percent
    half_price: re.Pattern | None
    negative: re.Pattern  # a minus sign or word ending right before the figure
    before_last: frozenset | None = None  # last characters a word before may end with
    after_first: frozenset = frozenset()  # first characters of signs and words after
    before_end: frozenset = frozenset()  # last characters of words and signs before
    tenths_first: frozenset = frozenset()  # first characters of 成/割/折
    negative_last: frozenset | None = None  # last characters of minus signs and words
    points: frozenset = frozenset()  # folded words of percentage points (data "points")


def _alt(words: list[str], arabic: bool, cjk: bool) -> str:
    """A regex alternation, longest first; spaces inside words (and between CJK characters)
    may vary."""
    ws = sorted(set(words), key=len, reverse=True)
    if arabic:
        return "|".join(fuzzy_ar(w) for w in ws)
    if cjk:
        return "|".join(_SP.join(re.escape(c) for c in w if c != " ") for w in ws)
    return "|".join(r"[ \u00a0-]*".join(re.escape(p) for p in re.split(r"[ \u00a0-]", w)) for w in ws)


def _collect(base: str, data: dict) -> tuple[dict, dict]:
    """(after-word -> factor, before-word -> factor) from CLDR units and the hand data."""
    after: dict = {}
    before: dict = {}
    for unit, factor in (("concentr-percent", 1.0), ("concentr-permille", 0.1)):
        b, a = unit_words(base, unit)
        for w in a:
            after.setdefault(w, factor)
        for w in b:
            before.setdefault(w, factor)
    for w in data.get("after", []) + data.get("points", []):
        after.setdefault(w.lower(), 1.0)
    for w in data.get("before", []):
        before.setdefault(w.lower(), 1.0)
    for s in SIGN_FACTOR:
        after.pop(s, None)  # a sign after the number has its own rule (SIGN_RE)
    add_spelling_variants(after)
    add_spelling_variants(before)
    return after, before


@cache
def percent_words(base: str, cjk: bool) -> PercentWords:
    """The compiled percent rules of one language (CLDR units plus data/percent.json)."""
    data = lang_data("percent.json", base)
    arabic = base == "ar"
    after, before = _collect(base, data)
    factors = {_word_key(w, arabic): f for w, f in {**before, **after}.items()}
    tail = "" if cjk else NO_LETTER_AFTER
    # A case ending glued to the word after the number (hu 50 százalékkal, fi prosentilla).
    suffix_max = case_suffix_max(base)
    ending = rf"[^\W\d_]{{0,{suffix_max}}}" if suffix_max and not cjk else ""
    a_re = (
        re.compile(rf"[ \u00a0]*(?:of[ \u00a0]+)?(?P<w>{_alt(list(after), arabic, cjk)}){ending}{tail}", re.I)
        if after
        else None
    )
    word_before = [w for w in before if w[-1:].isalpha()]
    sign_before = [w for w in before if not w[-1:].isalpha()]
    parts = []
    if word_before:
        head = "" if cjk else NO_LETTER_BEFORE
        parts.append(
            rf"{head}(?P<w>{_alt(word_before, arabic, cjk)})(?:[ \u00a0]+(?:of[ \u00a0]+)?|{_SP if cjk else '(?!)'})$"
        )
    if sign_before:
        parts.append(rf"(?P<s>{_alt(sign_before, arabic, cjk)})$")
    b_re = re.compile("|".join(parts), re.I) if parts else None
    kinds = {w: "tenths" for w in data.get("tenths", [])}
    kinds.update({w: "paid" for w in data.get("paid_tenths", [])})
    kinds.update({w: "discount" for w in data.get("discount_tenths", [])})
    not_after = "".join(data.get("not_after_tenths", []))
    parts_map = {k: float(v) for k, v in data.get("tenth_parts", {}).items()}
    t_re = None
    if kinds:
        neg = f"(?![{re.escape(not_after)}])" if not_after else ""
        part_num = (
            f"|[0-9一二三四五六七八九]{_SP}(?:{'|'.join(map(re.escape, parts_map))})" if parts_map else ""
        )
        t_re = re.compile(
            rf"{_SP}(?P<kind>{'|'.join(map(re.escape, sorted(kinds, key=len, reverse=True)))}){neg}"
            rf"(?P<parts>(?:{_SP}半{part_num})*)"
        )
    halves = data.get("half_price", [])
    h_re = re.compile("|".join(map(re.escape, halves))) if halves else None
    # Arabic words are matched with letter variants (fuzzy_ar): no last-character test.
    last = None if arabic else frozenset(w[-1] for w in before if w) | frozenset("f")  # "of"
    return PercentWords(
        a_re,
        b_re,
        factors,
        t_re,
        kinds,
        parts_map,
        h_re,
        _negative_re(base, arabic, cjk),
        last,
        frozenset(_edge_chars(list(after) + ["of", *SIGN_FACTOR], arabic, 0)),
        frozenset(_edge_chars(list(before) + ["of"], arabic, -1)),
        frozenset(w[0] for w in kinds),
        None
        if arabic
        else frozenset(
            _edge_chars(merged_number_words(base).get("negative", []), False, -1) | {"-", "\u2212"}
        ),
        frozenset(_word_key(w, arabic) for w in data.get("points", [])),
    )


def _edge_chars(words: list[str], arabic: bool, i: int) -> set[str]:
    """The first (``i`` = 0) or last (-1) characters of ``words`` in both cases and, for
    Arabic, in every spelling fuzzy_ar accepts."""
    out: set[str] = set()
    for w in words:
        w = w.strip(" \u00a0-")
        if not w:
            continue
        c = w[i]
        out |= {c, c.lower(), c.upper()}
        if arabic:
            out |= set(AR_VARIANTS.get(c, c).strip("[]"))
    return out


def _may_follow_word(norm: str, start: int, words: PercentWords) -> bool:
    """Cheap test: can a percent word before the number end here (its last character
    is the last one before ``start`` and its spaces)?"""
    if words.before_last is None:
        return True
    j = start - 1
    while j >= 0 and norm[j] in " \u00a0":
        j -= 1
    return j >= 0 and norm[j].lower() in words.before_last


def _negative_re(base: str, arabic: bool, cjk: bool) -> re.Pattern:
    """A minus sign, or a negative word of the language (RBNF plus number_words.json)."""
    words = merged_number_words(base).get("negative", [])
    if not words:
        return re.compile(f"(?:{_MINUS})$")
    if cjk:
        return re.compile(f"(?:{_MINUS}|(?:{_alt(words, arabic, True)}){_SP})$")
    return re.compile(rf"(?:{_MINUS}|{NO_LETTER_BEFORE}(?:{_alt(words, arabic, False)})[ \u00a0]+)$", re.I)


_NUM_VALUES: dict = {}  # (numeral, decimal, group) -> _num_value (a text repeats them)


def _num_value(s: str, profile: Profile) -> float | None:
    """Value of a digit or CJK numeral string, or None (remembered per string and
    separators)."""
    if len(s) > 40:
        return _read_num_value(s, profile)  # no figure is this long: not worth keeping
    key = (s, profile.decimal, profile.group)
    got = _NUM_VALUES.get(key, _NUM_VALUES)
    if got is _NUM_VALUES:
        got = _NUM_VALUES[key] = _read_num_value(s, profile)
        if len(_NUM_VALUES) > 50_000:
            _NUM_VALUES.clear()
    return got


def _read_num_value(s: str, profile: Profile) -> float | None:
    """Value of a digit or CJK numeral string, or None."""
    s2 = s.replace(" ", "")
    if s2 and s2[0].isdigit():
        r = interpret_digits(s2, profile.decimal, profile.group)
        return None if r is None else r[0]
    c = parse_cjk(s2)
    return None if c is None else c[0]


def _word_key(word: str, arabic: bool) -> str:
    """The look-up key of a percent word: folded, without spaces."""
    return fold_key(word, arabic).replace(" ", "").replace("\u00a0", "")


def _factor(words: PercentWords, word: str | None, arabic: bool) -> float:
    """The factor of a matched percent word (1 when unknown)."""
    if not word:
        return 1.0
    return words.factors.get(_word_key(word, arabic), 1.0)


def _unit(words: PercentWords, word: str | None, arabic: bool) -> str | None:
    """POINTS for a word of percentage points, else None."""
    return POINTS if word and words.points and _word_key(word, arabic) in words.points else None


def _sign_or_word(norm: str, num: Number, words: PercentWords, profile: Profile):
    """(start, end, factor, unit) of a percentage around ``num`` by sign or word (unit
    POINTS for percentage points, else None), or None."""
    start, end = num.start, num.end
    m = SIGN_RE.match(norm, end)
    if m:
        pm = words.after.match(norm, end) if words.points and words.after is not None else None
        if pm and pm.end() > m.end() and _unit(words, pm.group("w"), profile.arabic):
            return start, pm.end(), 1.0, POINTS  # 1.5%p, 3%포인트: points written with the sign
        return start, m.end(), SIGN_FACTOR[m.group("sign")], None
    if words.after is not None:
        m = words.after.match(norm, end)
        if m:
            w = m.group("w")
            return start, m.end(), _factor(words, w, profile.arabic), _unit(words, w, profile.arabic)
    if words.before is not None and _may_follow_word(norm, start, words):
        lo = max(0, start - _WINDOW)
        m = words.before.search(norm, lo, start)
        if m:
            s2 = SIGN_RE.match(norm, end)
            word = m.group("w") if "w" in m.groupdict() and m.group("w") else m.groupdict().get("s")
            return m.start(), s2.end() if s2 else end, _factor(words, word, profile.arabic), None
    return None


def _tenths(norm: str, num: Number, words: PercentWords) -> tuple[int, float] | None:
    """(end, value) for 三成, 3割8分7厘, 七割半, 八五折, 8割引 after ``num``, or None."""
    if words.tenths is None or num.kind not in ("digits", "cjk"):
        return None
    m = words.tenths.match(norm, num.end)
    if not m:
        return None
    kind = words.tenth_kinds[m.group("kind").replace(" ", "")]
    v = num.value
    if kind == "paid":
        if num.positional and 10 <= v < 100:
            return m.end("kind"), v  # 八五折, 九九折: the two digits are the percent
        return (m.end("kind"), v * 10) if 0 < v < 10 else None
    if num.positional or not 0 < v <= 10:
        return None
    value = v * 10
    parts = m.groupdict().get("parts") or ""
    for pm in re.finditer(r"([0-9一二三四五六七八九]?)[ ]*(\S)", parts):
        digit, unit = pm.group(1), pm.group(2)
        if unit == "半":
            value += 5
        elif digit:
            d = float(digit) if digit.isdigit() else parse_cjk(digit)[0]
            value += d * words.parts.get(unit, 0.0)
    return m.end(), (100 - value if kind == "discount" else value)


def _negate(
    norm: str, start: int, value: float, negative: re.Pattern, last: frozenset | None
) -> tuple[int, float]:
    """(start, value) with a minus sign or word just before the figure applied."""
    if last is not None:  # cheap test: the last character before the spaces
        j = start - 1
        while j >= 0 and norm[j] in " \u00a0":
            j -= 1
        if j < 0 or norm[j] not in last:
            return start, value
    neg = negative.search(norm, max(0, start - 16), start)
    if neg:
        return neg.start(), -value
    return start, value


def _fractions(norm: str, nums: list, profile: Profile) -> list[Candidate]:
    """百分之八十九, 千分之二, 百分の9,999: percent, per mille, per ten thousand; the
    upper end of a range after one (百分之二十到三十: _fraction_upper)."""
    facts = []
    starts: list[int] | None = None  # of nums, made at the first fraction
    for m in CJK_FRACTION_RE.finditer(norm):
        s = m.start()
        if s > 0 and norm[s - 1] in "0123456789一二三四五六七八九十百千万萬两兩":
            continue  # 五百分之2.2 is a fraction with denominator 500, not percent
        num_s, end = m.group("num"), m.end("num")
        v = _num_value(num_s, profile)
        while v is None and len(num_s) > 1:  # 百分之七十百分位: keep the valid prefix
            num_s = num_s[:-1]
            end -= 1
            v = _num_value(num_s, profile)
        if v is None:
            continue
        m_end = m.end() if num_s == m.group("num") else end
        if m.group("k"):
            v *= 1000
        facts.append(_fact(norm, s, m_end, v / _DEN[m.group("den")], profile.base))
        if starts is None:
            starts = [x.start for x in nums]
        up = _fraction_upper(norm, m_end, v, nums, starts, profile)
        if up is not None:
            facts.append(_fact(norm, up.start, up.end, up.value / _DEN[m.group("den")], profile.base))
    return facts


def _fraction_upper(norm: str, end: int, lower: float, nums: list, starts: list, profile: Profile):
    """The number after a range sign or word that closes a range opened by a fraction
    ending at ``end`` (百分之二十到三十, 百分之五至八), or None: it ascends and no
    sign or fraction of its own marks it."""
    gap = range_words(profile.base, profile.tag).gap.match(norm, end)
    if gap is None or gap.end() == end or CJK_FRACTION_RE.match(norm, gap.end()):
        return None  # no range sign, or 百分之二十至百分之三十 (a fraction of its own)
    i = bisect.bisect_left(starts, gap.end())
    if i == len(nums) or starts[i] != gap.end():
        return None
    up = nums[i]
    if up.weak or not lower < up.value or SIGN_RE.match(norm, up.end) or norm.startswith("分", up.end):
        return None
    return up


def extract_percent(norm: str, nums: list, profile: Profile) -> list:
    """Percent facts (text left empty) in normalised text, from the number candidates.

    Steps: a sign or a CLDR/hand word after or before each number (with a minus before
    it); else CJK tenths (成/割/折); then CJK X分之Y fractions and half-price words.
    """
    words = percent_words(profile.base, profile.cjk)
    facts = []
    uppers: list[tuple[int, float, str | None]] = []  # (index in nums, factor, unit): a sign or word after
    for i, by_sign_or_word in _within_reach(norm, nums, words):
        num = nums[i]
        found = _sign_or_word(norm, num, words, profile) if by_sign_or_word else None
        if found is not None:
            start, end, factor, unit = found
            if start == num.start and i:
                uppers.append((i, factor, unit))
            start, value = _negate(norm, start, num.value * factor, words.negative, words.negative_last)
            facts.append(_fact(norm, start, end, value, profile.base, unit))
            continue
        tenths = _tenths(norm, num, words)
        if tenths is not None:
            facts.append(_fact(norm, num.start, tenths[0], tenths[1], profile.base))
    if uppers:
        facts += _range_lower_ends(norm, nums, uppers, facts, profile)
    if profile.cjk:
        facts += _fractions(norm, nums, profile)
    if words.half_price is not None:
        for m in words.half_price.finditer(norm):
            facts.append(_fact(norm, m.start(), m.end(), 50.0, profile.base))
    return facts


# Numbers denser than one per this many characters are tested against position sets
# of the whole text; sparser ones (prose) each look at their two neighbours.
_DENSE = 64


def _within_reach(norm: str, nums: list, words: PercentWords) -> list[tuple[int, bool]]:
    """(index, True) of the numbers that a sign or word may begin after or end before
    (across the spaces), (index, False) of those a tenth (成, 割) may follow: the cheap
    test, as position sets found in C-level scans for a text dense with numbers, else
    by each number's neighbours (a text of prose has more marker letters than numbers)."""
    after, before, tenth_chars = words.after_first, words.before_end, words.tenths_first
    if len(nums) * _DENSE < len(norm):
        out = []
        for i, x in enumerate(nums):
            if (
                char_after(norm, x.end, _AFTER_GAP) in after
                or char_before(norm, x.start, " \u00a0") in before
            ):
                out.append((i, True))
            elif tenth_chars and char_after(norm, x.end, " ") in tenth_chars:
                out.append((i, False))
        return out
    # numbers never begin with a space: of the positions after a word's last character
    # and its spaces, only the one after the spaces can be a number's start
    ends, starts = chars_ahead(norm, after, _AFTER_GAP), starts_behind(norm, before, " \u00a0")
    tenth_ends = chars_ahead(norm, tenth_chars, " ") if tenth_chars else ()
    ends_any = ends.union(tenth_ends)
    if not ends_any and not starts:
        return []  # no sign, word or tenth anywhere: no number to look at
    return [
        (i, x.end in ends or x.start in starts)
        for i, x in enumerate(nums)
        if x.end in ends_any or x.start in starts
    ]


def _range_lower_ends(
    norm: str, nums: list, uppers: list[tuple[int, float, str | None]], facts: list, profile: Profile
) -> list[Candidate]:
    """The lower ends of ranges whose upper end is a percentage ("20–30 %", "entre 20 et
    30 %", 二十~三十パーセント): a percent fact each, with the upper end's factor."""
    rw = range_words(profile.base, profile.tag)
    words = percent_words(profile.base, profile.cjk)
    taken = {f.start for f in facts}
    out = []
    for i, factor, unit in uppers:
        lower = nums[i - 1]
        if lower.start in taken or not is_range(norm, lower, nums[i], rw):
            continue
        start, value = _negate(norm, lower.start, lower.value * factor, words.negative, words.negative_last)
        out.append(_fact(norm, start, lower.end, value, profile.base, unit))
    return out


def _fact(norm: str, start: int, end: int, value: float, base: str, unit: str | None = None) -> Candidate:
    """A percent fact with the qualifier written before or after it."""
    q, _ = qualifier_before(norm, start, base)
    if q is None:
        q, _ = qualifier_after(norm, end, base)
    # positional: keyword arguments cost ~2.5x as much to pass (thousands a text)
    return Candidate("percent", start, end, float(f"{value:.12g}"), None, unit, q)
