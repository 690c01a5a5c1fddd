"""Quantities: a number and what it counts (300萬名聽眾, 6 آلاف موظف, fast 4.000 Personen).

``unit`` is an English lower-case noun from ``data/units.json`` where the counted noun
is listed there, otherwise the noun as written. A number only becomes a quantity when
grammar marks what it counts: a CJK classifier (名, 個, 次 …) or a listed noun, an
Arabic noun after a scale word (tamyiz: ستة آلاف موظف), a capitalised German noun.
Bare years, ordinals (第三, 3.), times and ranks (前10) are not quantities.
"""

from __future__ import annotations

import re
from functools import cache

from ..scripts import HAN as _HAN
from ._locale import Profile, fold_key, lang_data, load_json
from .candidate import Candidate
from .numbers import CJK_NUM_CHARS, CJK_RUN_RE, parse_cjk
from .qualifiers import qualifier_after, qualifier_before

# Characters a CJK noun phrase may contain between the classifier and the head noun.
CJK_NP_RE = re.compile(rf"[{_HAN}「」『』“”\"A-Za-z]{{1,10}}")
# Ordinal / rank markers before a CJK number: 第三, 前10名.
CJK_ORDINAL_BEFORE = "第前"
# 上萬, 數百, 幾十: vague magnitudes, not figures.
CJK_VAGUE_BEFORE = "上數数幾几"
# CJK nouns of time: "4個月", "兩年" are durations, not counts of things.
CJK_TIME_NOUNS = (
    "年",
    "月",
    "天",
    "日",
    "周",
    "週",
    "星期",
    "小時",
    "小时",
    "分鐘",
    "分钟",
    "秒",
    "季",
    "歲",
    "岁",
    "世紀",
    "世纪",
    "倍",
)
CJK_TIME_RE = re.compile("|".join(CJK_TIME_NOUNS))
CJK_OVER_AFTER = "多餘余"
# The denominator starts where its run starts (lookbehinds): tried at every position of a
# 10,000-digit run, it would be quadratic.
# Its first character is matched by one class, then the branch it belongs to checks
# the character before it: led by a class, the regex is not tried at every position.
_CJK_LEAD = f"[{CJK_NUM_CHARS}]"
assert CJK_RUN_RE.pattern.startswith(_CJK_LEAD)
CJK_FRACTION_RE = re.compile(
    rf"(?P<den>[{CJK_NUM_CHARS}0-9](?:(?<={_CJK_LEAD})(?<!{_CJK_LEAD}{_CJK_LEAD}){CJK_RUN_RE.pattern[len(_CJK_LEAD) :]}"
    rf"|(?<=[0-9])(?<![0-9][0-9])[0-9]*))[ ]*分之[ ]*"
    rf"(?P<num>{CJK_RUN_RE.pattern}|[0-9]+)"
)
# What may stand between the start of a fraction and its 分之: the characters of a CJK
# numeral (with 點 and the digits after it), ASCII digits and spaces (not 分 nor 之).
_FRACTION_RUN = frozenset(CJK_NUM_CHARS + "点點0123456789 ")
assert "分" not in _FRACTION_RUN and "之" not in _FRACTION_RUN


def fraction_matches(norm: str):
    """CJK_FRACTION_RE.finditer(norm), found from the 分之 each match holds.

    The regex is led by a class of every digit and numeral, so finditer enters it at each
    one of a text of figures; a match's characters before its 分之 are all numeral
    characters (_FRACTION_RUN), so the leftmost match after ``pos`` starts no earlier
    than the run of them before the next 分之, and it is searched for from there."""
    pos = 0
    search = CJK_FRACTION_RE.search
    while True:
        k = norm.find("分之", pos)
        if k < 0:
            return
        lo = k
        while lo > pos and norm[lo - 1] in _FRACTION_RUN:
            lo -= 1
        m = search(norm, lo)
        if m is None:
            return
        yield m
        pos = m.end()


# Words after a number that mean it is not a count (German ordinal dot, units of time).
_WORD_RE = re.compile(r"[ \u00a0]([^\W\d_]+(?:-[^\W\d_]+)*)")
DE_NOT_COUNTED = {
    "jahr",
    "jahre",
    "jahren",
    "jahres",
    "monat",
    "monate",
    "monaten",
    "woche",
    "wochen",
    "tag",
    "tage",
    "tagen",
    "stunde",
    "stunden",
    "minute",
    "minuten",
    "sekunden",
    "prozent",
    "prozentpunkte",
    "euro",
    "dollar",
    "cent",
    "uhr",
    "mal",
    "grad",
    "seiten",
}


@cache
def _units(base: str):
    data = lang_data("units.json", base)
    arabic = base == "ar"
    nouns = {fold_key(k, arabic): v for k, v in data.items() if isinstance(v, str)}
    return nouns


@cache
def _zh():
    full = load_json("units.json")
    nouns = {k: v for k, v in full.get("zh", {}).items() if isinstance(v, str)}
    return (nouns, set(full.get("zh_classifiers", "")), full.get("zh_classifier_units", {}))


def _cjk_head(np: str, nouns: dict):
    """The last listed noun in a CJK noun phrase (the head comes last in Chinese)."""
    best = None
    for i in range(len(np)):
        for L in (4, 3, 2, 1):
            w = np[i : i + L]
            if len(w) == L and w in nouns:
                best = (i + L, nouns[w])
                break
    return best


@cache
def _zh_noun_starts() -> frozenset:
    """First characters of the listed Chinese nouns (a cheap test before matching)."""
    return frozenset(k[0] for k in _zh()[0] if k)


@cache
def _cjk_first() -> frozenset:
    """What may stand right after a number counting things: 多/余, a classifier, the
    first character of a listed noun."""
    return frozenset(CJK_OVER_AFTER) | _zh()[1] | _zh_noun_starts()


def _cjk_quantity(norm, num, profile):
    if num.weak or num.positional and num.value >= 1000:
        return None
    if num.start > 0 and (
        norm[num.start - 1] in CJK_ORDINAL_BEFORE or norm[num.start - 1] in CJK_VAGUE_BEFORE
    ):
        return None
    if num.kind == "cjk" and norm[num.start] in "萬万億亿兆":
        return None  # 萬人 / 上萬顆: "tens of thousands", not a figure
    nouns, classifiers, cl_units = _zh()
    p = num.end
    q_after = None
    if p < len(norm) and norm[p] in CJK_OVER_AFTER:
        q_after = "over"
        p += 1
    cl = None
    if p < len(norm) and norm[p] in classifiers:
        cl = norm[p]
        p += 1
    elif p >= len(norm) or norm[p] not in _zh_noun_starts():
        return None  # without a classifier a listed noun must follow directly
    if CJK_TIME_RE.match(norm, p):
        return None
    m = CJK_NP_RE.match(norm, p)
    np = m.group() if m else ""
    # Stop at 的 and at a following number: 「…」 quotes belong to the phrase.
    np = re.split(r"[的和與与及或]", np)[0]
    if cl is not None:
        head = _cjk_head(np, nouns)
        if head is not None:
            end, unit = p + head[0], head[1]
        elif cl in cl_units:
            end, unit = p, cl_units[cl]
        else:
            raw = re.match(rf"[{_HAN}]{{1,4}}", np)
            if not raw:
                return None
            unit = raw.group()
            end = p + len(unit)
    else:
        # Without a classifier a listed noun must follow directly: 300萬人.
        for L in (4, 3, 2, 1):
            if np[:L] in nouns and len(np) >= L:
                end, unit = p + L, nouns[np[:L]]
                break
        else:
            return None
    if num.value == 1 and num.kind == "cjk":
        return None
    return end, unit, q_after


def _latin_quantity(norm, text, num, profile):
    base = profile.base
    if num.weak:
        return None
    strict = num.is_year()  # a year unless a listed noun follows: "2000 people"
    if (
        num.end < len(norm)
        and norm[num.end] == "."
        and base in ("de",)
        and num.kind == "digits"
        and not num.scaled
    ):
        return None  # German ordinal: "3. Platz", "11. April"
    m = _WORD_RE.match(norm, num.end)
    if not m:
        return None
    word = m.group(1)
    nouns = _units(base)
    key = fold_key(word, profile.arabic)
    if key in nouns:
        return m.end(), nouns[key], None
    if strict:
        return None
    if profile.arabic and num.scaled and len(word) > 2 and not word.startswith("ال"):
        return m.end(), word, None  # tamyiz after a scale: ستة آلاف موظف
    if (
        base == "de"
        and word[:1].isupper()
        and key not in DE_NOT_COUNTED
        and len(word) > 2
        and num.kind == "digits"
        and text[m.start(1) : m.end(1)][:1].isupper()
    ):
        return m.end(), word, None
    return None


def extract_quantity(norm: str, text: str, nums: list, profile: Profile) -> list:
    """Counted things (quantity candidates) after the numbers of ``norm``."""
    facts = []
    n = len(norm)
    cjk_first = _cjk_first() if profile.cjk else frozenset()
    for num in nums:
        e = num.end
        if profile.cjk:
            # cheap test: a classifier, a listed noun or 多/余 must follow
            if num.kind == "words" or e >= n or norm[e] not in cjk_first:
                continue
            r = _cjk_quantity(norm, num, profile)
        else:
            # cheap test: _WORD_RE needs a space, then [^\W\d_] (alphanumeric, not a digit)
            if e + 1 >= n or norm[e] not in " \u00a0" or not norm[e + 1].isalnum() or norm[e + 1].isdecimal():
                continue
            r = _latin_quantity(norm, text, num, profile)
        if r is None:
            continue
        end, unit, q = r
        q0, _ = qualifier_before(norm, num.start, profile.base)
        q = q0 or q
        if q is None:
            q, _ = qualifier_after(norm, num.end, profile.base)
        facts.append(
            Candidate(
                type="quantity",
                start=num.start,
                end=end,
                value=float(f"{num.value:.12g}"),
                unit=unit,
                qualifier=q,
            )
        )
    if profile.cjk:
        nouns, _c, _u = _zh()
        for m in fraction_matches(norm):
            den_s, num_s = m.group("den").replace(" ", ""), m.group("num").replace(" ", "")
            if den_s in ("百", "佰", "千", "仟", "万", "萬", "万万", "萬萬"):
                continue  # percent, per mille … (percent.py)
            den = parse_cjk(den_s) if not den_s.isdigit() else (float(den_s), False)
            nu = parse_cjk(num_s) if not num_s.isdigit() else (float(num_s), False)
            if not den or not nu or not den[0]:
                continue
            unit = None
            tail = CJK_NP_RE.match(norm, m.end() + 1) if norm[m.end() : m.end() + 1] == "的" else None
            if tail:
                head = _cjk_head(tail.group(), nouns)
                if head:
                    unit = head[1]
            q, _ = qualifier_before(norm, m.start(), profile.base)
            facts.append(
                Candidate(
                    type="quantity",
                    start=m.start(),
                    end=m.end(),
                    value=float(f"{nu[0] / den[0]:.12g}"),
                    unit=unit,
                    qualifier=q,
                )
            )
    return facts
