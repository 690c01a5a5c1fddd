"""Percentages: 89%, 60 ٪, 60 %, fünf Prozent, 0,000001-Prozent, بنسبة 55%, ٥٥ في المئة,
百分之八十九, 三成 (×10), 八五折 (a discount to 85 %), 千分之二 (per mille), 个百分点.

``value`` is in percent: 55 means 55 %. Percentage points are reported as percent.
"""
from __future__ import annotations

import re
from functools import cache

from ..model import Fact
from ._locale import Profile, fuzzy_ar, lang_data
from .numbers import CJK_RUN_RE, interpret_digits, parse_cjk
from .qualifiers import qualifier_after, qualifier_before

# The sign itself, for every language (٪ and ％ are normalised to %).
SIGN_RE = re.compile(r"[ \u00a0\u202f]{0,2}%")
# A minus attached to the number, or a word for "negative" before it.
NEGATIVE_BEFORE_RE = re.compile(r"(?:(?<![\w.])[-\u2212]|(?:负|負)[ ]*|(?<![^\W\d_])(?:minus|negative|سالب|ناقص)[ \u00a0]+)$",
                                re.I)

# Chinese: X分之Y with X = 百/千/万/萬/万万 gives percent, per mille, per ten thousand.
_SP = "[ ]*"
CJK_FRACTION_RE = re.compile(
    f"(?P<den>[百佰千仟万萬]|万万|萬萬){_SP}分{_SP}之{_SP}"
    rf"(?P<num>[0-9][0-9,.]*|{CJK_RUN_RE.pattern})(?P<k>{_SP}[kK](?![A-Za-z]))?")
_DEN = {"百": 1.0, "佰": 1.0, "千": 10.0, "仟": 10.0, "万": 100.0, "萬": 100.0,
        "万万": 1e6, "萬萬": 1e6}
# 成 = tenths (三成 = 30 %); 折 = a price paid, in tenths (八折 = 80 %, 八五折 = 85 %).
# Words beginning with 成 after a numeral that are not "tenths" (一成不變 …).
CJK_CHENG_RE = re.compile(r"[ ]*成(?![不为為员員立功长長])")
CJK_ZHE_RE = re.compile(r"[ ]*折")
CJK_HALF_PRICE_RE = re.compile(r"打(对折|對折)")
CJK_POINTS_RE = re.compile(r"[ ]*[个個][ ]*[百佰][ ]*分[ ]*[点點]")


@cache
def _word_rules(base: str):
    data = lang_data("percent.json", base)
    arabic = base == "ar"

    def alt(ws):
        ws = sorted(ws, key=len, reverse=True)
        if arabic:
            return "|".join(fuzzy_ar(w) for w in ws)
        return "|".join(r"[ \u00a0]*".join(re.escape(p) for p in w.split(" ")) for w in ws)

    after = [w for w in data.get("after", []) if w != "%"]
    before = data.get("before", [])
    cjk = base in ("zh", "ja", "yue")
    if cjk:
        a = re.compile(r"(?:" + "|".join(_SP.join(re.escape(c) for c in w) for w in after) + ")") \
            if after else None
        return a, None
    a = re.compile(rf"[ \u00a0]*(?:{alt(after)})(?![^\W\d_])", re.I) if after else None
    b = re.compile(rf"(?<![^\W\d_])(?:{alt(before)})(?:[ \u00a0]+(?:of[ \u00a0]+)?)$", re.I) \
        if before else None
    return a, b


def _num_value(s: str, profile: Profile):
    s2 = s.replace(" ", "")
    if s2 and s2[0].isdigit():
        r = interpret_digits(s2, profile.decimal, profile.group)
        return None if r is None else r[0]
    r = parse_cjk(s2)
    return None if r is None else r[0]


def extract_percent(norm: str, nums: list, profile: Profile) -> list:
    base = profile.base
    after_re, before_re = _word_rules(base)
    facts = []
    for num in nums:
        if num.weak and num.kind == "words" and base != "de":
            pass
        start, end, value = num.start, num.end, num.value
        m = SIGN_RE.match(norm, end)
        kind = None
        if m:
            end, kind = m.end(), "sign"
        elif after_re is not None:
            m = after_re.match(norm, end)
            if m:
                end, kind = m.end(), "word"
        if kind is None and before_re is not None:
            m = before_re.search(norm[max(0, start - 24):start])
            if m:
                start, kind = start - (min(start, 24) - m.start()), "before"
                s2 = SIGN_RE.match(norm, end)
                if s2:
                    end = s2.end()
        if kind is None and profile.cjk:
            m = CJK_CHENG_RE.match(norm, end)
            if m and num.kind in ("digits", "cjk") and 0 < value <= 10 and not num.positional:
                facts.append(_fact(norm, start, m.end(), value * 10, base))
                continue
            m = CJK_ZHE_RE.match(norm, end)
            if m:
                v = None
                if num.positional and 10 <= value < 100:
                    v = value  # 八五折, 九九折
                elif 0 < value < 10:
                    v = value * 10  # 九折, 八點五折
                if v is not None:
                    facts.append(_fact(norm, start, m.end(), v, base))
                continue
            m = CJK_POINTS_RE.match(norm, end)
            if m:
                facts.append(_fact(norm, start, m.end(), value, base))
                continue
        if kind is None:
            continue
        neg = NEGATIVE_BEFORE_RE.search(norm[max(0, start - 12):start])
        if neg:
            value = -value
            start -= min(start, 12) - neg.start()
        facts.append(_fact(norm, start, end, value, base))
    if profile.cjk:
        for m in CJK_FRACTION_RE.finditer(norm):
            num_s, end = m.group("num"), m.end("num")
            v = _num_value(num_s, profile)
            while v is None and len(num_s) > 1:  # 百分之七十百分位: keep the valid prefix
                num_s = num_s[:-1]
                end -= 1
                v = _num_value(num_s, profile)
            if v is None:
                continue
            if num_s != m.group("num"):
                m_end = end
            else:
                m_end = m.end()
            if m.group("k"):
                v *= 1000
            s = m.start()
            if s > 0 and norm[s - 1] in "0123456789一二三四五六七八九十百千万萬两兩":
                continue  # 五百分之2.2 is a fraction with denominator 500, not percent
            facts.append(_fact(norm, s, m_end, v / _DEN[m.group("den")], base))
        for m in CJK_HALF_PRICE_RE.finditer(norm):
            facts.append(_fact(norm, m.start(1), m.end(1), 50.0, base))
    return facts


def _fact(norm, start, end, value, base):
    q, _ = qualifier_before(norm, start, base)
    if q is None:
        q, _ = qualifier_after(norm, end, base)
    return Fact(type="percent", text="", start=start, end=end,
                value=float(f"{value:.12g}"), qualifier=q)
