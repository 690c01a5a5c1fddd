"""Dates, absolute and relative, as ISO 8601 strings (partial allowed).

* CJK: 2021年, 4月11日, 6月份, 去年10月, 去年9月至10月, 上個月;
* month names from CLDR, merged over all regional locales of the language (ar_DZ and
  ar_TN give أوت for August, ar_LB كانون), with day and/or year: 11. April 2023,
  April 11, 2023, 31 أوت, 11 de abril de 2023, October 2022;
* relative: last October / letzten Oktober / أكتوبر الماضي / octobre dernier, last year,
  vor zwei Wochen / two weeks ago / قبل أسبوعين;
* bare years after a cue word (in 2008, seit 2019, عام 2021).

Relative dates are resolved against ``published`` when it is known; otherwise they stay
partial ("--10" for 去年10月) or, when nothing absolute is left (vor zwei Wochen), the
fact is kept with ``value=None``. A year is never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ._locale import LETTERS, Profile, fold_key, fuzzy_ar, is_letter, lang_data, regional_locales
from .candidate import Candidate
from .cldr import past_patterns
from .numbers import parse_cjk, trigger_positions
from .reach import char_class, char_positions, reach_back, token_starts_ends

_CJK_D = "〇零一二三四五六七八九"
_CJK_REL_YEAR = {"去年": -1, "今年": 0, "明年": 1, "前年": -2, "後年": 2, "后年": 2, "本年": 0}
_CJK_REL = "去年|今年|明年|前年|後年|后年|本年"
_CJK_YEAR = rf"(?<![0-9])(?P<y>[0-9]{{4}}|[{_CJK_D}]{{4}})[ ]*年(?![度代])"
_CJK_MD = (
    r"(?<![0-9])(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])[ ]*月(?:份)?"
    r"(?:(?P<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[ ]*[日號号])?"
)
# The lookahead keeps the all-optional pattern from trying every position of a text.
CJK_DATE_RE = re.compile(
    rf"(?=[0-9{_CJK_D}十去今明前後后本])(?:(?P<rel>{_CJK_REL})[ ]*)?(?:{_CJK_YEAR})?(?:{_CJK_MD})?"
)
CJK_MONTH_OFFSET_RE = re.compile(r"上個月|上个月|上月|本月|這個月|这个月|下個月|下个月|下月")
_CJK_MONTH_OFFSETS = {
    "上個月": -1,
    "上个月": -1,
    "上月": -1,
    "本月": 0,
    "這個月": 0,
    "这个月": 0,
    "下個月": 1,
    "下个月": 1,
    "下月": 1,
}
# Between two month expressions of one range: 9月至10月, 9月到10月, 9–10月.
RANGE_JOINERS = ("至", "到", "-", "–", "~", "～", "、", "和", "與", "与")
# Numeric dates: 2025.11.14, 2023-04-11, 11.04.2023 (day first outside the US).
# The "no digit or dot before" test stands after the first digit, not before it: a
# pattern that begins with a character class is scanned for in C, not tried at every
# position of the text.
ISO_DATE_RE = re.compile(
    r"(?P<y>(?:1(?<![0-9.]1)[89]|2(?<![0-9.]2)0)[0-9]{2})[./-](?P<m>[0-9]{1,2})[./-](?P<d>[0-9]{1,2})(?![0-9])"
)
DMY_DATE_RE = re.compile(
    r"(?P<d>[0-9](?<![0-9.][0-9])[0-9]?)\.(?P<m>[0-9]{1,2})\.(?P<y>(?:1[89]|20)[0-9]{2})(?![0-9])"
)
# Both regexes begin with a digit, so finditer would try them at every digit of a text
# (a text of figures: most of it). Each of their matches holds two separators with one
# or two digits between (the month's): the first stands 4 characters after an ISO
# date's start, 1 or 2 after a DMY date's. They are tried only there (numeric_dates).
_ISO_SEPS_RE = re.compile(r"[./-](?=[0-9]{1,2}[./-])")
_DMY_SEPS_RE = re.compile(r"\.(?=[0-9]{1,2}\.)")
_NUMERIC_DATES = ((ISO_DATE_RE, _ISO_SEPS_RE, (4,)), (DMY_DATE_RE, _DMY_SEPS_RE, (1, 2)))


def numeric_dates(norm: str, rx: re.Pattern, seps: re.Pattern, offsets: tuple[int, ...]) -> list[re.Match]:
    """The matches of ``rx.finditer(norm)``, found from ``seps``: ``rx`` is tried at each
    separator's position less each of ``offsets`` (where its match must start), the
    matches taken left to right without overlap as finditer takes them."""
    starts = {p for m in seps.finditer(norm) for off in offsets if (p := m.start() - off) >= 0}
    out = []
    pos = 0
    for p in sorted(starts):
        if p < pos:
            continue
        m = rx.match(norm, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _iso(y=None, m=None, d=None):
    if y is not None and not 1000 <= y <= 2999:
        return None
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None:
        if not 1 <= d <= 31 or m is None:
            return None
        if y is not None:
            try:
                dt.date(y, m, d)
            except ValueError:
                return None
            return f"{y:04d}-{m:02d}-{d:02d}"
        return f"--{m:02d}-{d:02d}"
    if m is not None:
        return f"{y:04d}-{m:02d}" if y is not None else f"--{m:02d}"
    return f"{y:04d}" if y is not None else None


def _cjk_int(s):
    if s is None:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    r = parse_cjk(s)
    return int(r[0]) if r else None


def _shift_month(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _last_month_year(mon, pub, rel):
    if pub is None:
        return None
    if rel == "last":
        return pub.year if mon < pub.month else pub.year - 1
    if rel == "next":
        return pub.year if mon > pub.month else pub.year + 1
    return pub.year


def _cjk_date_matches(norm):
    """CJK_DATE_RE matches, searched only around 年 and 月 (found with str.find)."""
    pos = []
    for ch in "年月":
        i = norm.find(ch)
        while i != -1:
            pos.append(i)
            i = norm.find(ch, i + 1)
    if not pos:
        return
    pos.sort()
    wins = []
    for p in pos:
        a, b = max(0, p - 10), min(len(norm), p + 12)
        if wins and a <= wins[-1][1]:
            wins[-1][1] = b
        else:
            wins.append([a, b])
    for a, b in wins:
        # extend the window end over a run of digits/numerals so nothing is cut
        while b < len(norm) and (norm[b].isdigit() or norm[b] in "日號号份"):
            b += 1
        yield from CJK_DATE_RE.finditer(norm, a, b)


def _cjk_dates(norm, pub):
    out = []
    prev_end, prev_year = -10, None
    for m in _cjk_date_matches(norm):
        if m.end() == m.start():
            continue
        if not (m.group("y") or m.group("m")):
            if m.group("rel"):
                off = _CJK_REL_YEAR[m.group("rel")]
                val = _iso(pub.year + off) if pub else None
                out.append((m.start(), m.end(), val))
            continue
        y = _cjk_int(m.group("y")) if m.group("y") else None
        mo = _cjk_int(m.group("m"))
        d = _cjk_int(m.group("d"))
        rel = m.group("rel")
        if rel is not None and y is None:
            off = _CJK_REL_YEAR[rel]
            y = pub.year + off if pub else None
            year_known = True
        else:
            year_known = y is not None
        if not year_known and mo is not None and prev_end >= 0:
            between = norm[prev_end : m.start()].strip()
            if between in RANGE_JOINERS and m.start() - prev_end <= 2:
                y = prev_year  # 去年9月至10月: the year carries over
        val = _iso(y, mo, d)
        if val is None and (y is None and mo is None):
            continue
        if val is None and not (mo and 1 <= mo <= 12):
            continue
        out.append((m.start(), m.end(), val))
        prev_end, prev_year = m.end(), y
    for m in CJK_MONTH_OFFSET_RE.finditer(norm):
        k = _CJK_MONTH_OFFSETS[m.group()]
        val = None
        if pub is not None:
            y, mo = _shift_month(pub.year, pub.month, k)
            val = _iso(y, mo)
        out.append((m.start(), m.end(), val))
    return out


@cache
def _month_index(base: str):
    """folded month name -> month number, over all regional locales; and the regexes."""
    arabic = base == "ar"
    wide: dict[str, int] = {}
    abbr: dict[str, int] = {}
    for loc in regional_locales(base)[:60]:
        for ctx in ("format", "stand-alone"):
            for width, target in (("wide", wide), ("abbreviated", abbr)):
                try:
                    names = loc.months[ctx][width]
                except KeyError:
                    continue
                for num, name in names.items():
                    if any(ch.isdigit() for ch in name):
                        continue
                    target.setdefault(fold_key(name.replace("\u00a0", " "), arabic), num)
                    target.setdefault(fold_key(name.rstrip("."), arabic), num)
    abbr = {k: v for k, v in abbr.items() if len(k) >= 3}
    return wide, {**abbr, **wide}


def _alt(words, arabic):
    ws = sorted(words, key=len, reverse=True)
    if arabic:
        return "|".join(fuzzy_ar(w) for w in ws)
    return "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]") for w in ws)


@cache
def _patterns(base: str):
    """The date patterns of a language (day-month-year orders, relative months, year and month
    words, "N units ago") and the word tables they use, or None without CLDR month names."""
    data = lang_data("dates.json", base)
    arabic = base == "ar"
    wide, allm = _month_index(base)
    if not wide:
        return None
    MON = f"(?P<mon>{_alt(allm, arabic)})(?![^\\W\\d_])"
    MONW = f"(?P<mon>{_alt(wide, arabic)})(?![^\\W\\d_])"
    NB = r"(?<![^\W\d_])"
    S = r"[ \u00a0]+"
    pats = []
    pats.append(
        (
            "dmy",
            re.compile(
                rf"(?<![0-9.,])(?P<d>[0-9]{{1,2}})(?:\.|º|er)?{S}(?:de{S})?{MON}\.?"
                rf"(?:,?{S}(?:de{S})?(?P<y>(?:1[89]|20)[0-9]{{2}})(?![0-9]))?",
                re.I,
            ),
        )
    )
    pats.append(
        (
            "mdy",
            re.compile(
                rf"{NB}{MON}\.?{S}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9.,]?[0-9])"
                rf"(?:,?{S}(?P<y>(?:1[89]|20)[0-9]{{2}})(?![0-9]))?",
                re.I,
            ),
        )
    )
    pats.append(
        ("my", re.compile(rf"{NB}{MON}\.?{S}(?:de{S}|of{S})?(?P<y>(?:1[89]|20)[0-9]{{2}})(?![0-9])", re.I))
    )
    rels = {}
    for key in ("last", "next", "this"):
        for w in data.get(key, []):
            rels[fold_key(w, arabic)] = key
    if rels:
        REL = f"(?P<rel>{_alt(rels, arabic)})"
        pats.append(("rel", re.compile(rf"{NB}{REL}{S}{MONW}", re.I)))
        pats.append(("rel", re.compile(rf"{NB}{MONW}{S}{REL}(?![^\W\d_])", re.I)))
    cues = data.get("year_cues", [])
    if cues:
        CUE = f"(?:{_alt([fold_key(c, arabic) for c in cues], arabic)})"
        pats.append(("month", re.compile(rf"{NB}{CUE}{S}{MONW}", re.I)))
        pats.append(
            ("year", re.compile(rf"{NB}{CUE}{S}(?P<y>(?:1[89]|20)[0-9]{{2}})(?![0-9]|[.,][0-9])", re.I))
        )
    yw = {fold_key(k, arabic): v for k, v in data.get("year_words", {}).items()}
    mw = {fold_key(k, arabic): v for k, v in data.get("month_words", {}).items()}
    if yw:
        pats.append(("yw", re.compile(rf"{NB}(?P<w>{_alt(yw, arabic)})(?![^\W\d_])", re.I)))
    if mw:
        pats.append(("mw", re.compile(rf"{NB}(?P<w>{_alt(mw, arabic)})(?![^\W\d_])", re.I)))
    units, ago_re, ago_words = _ago_pattern(data.get("ago", {}), arabic, NB, S)
    return {
        "pats": pats,
        "wide": wide,
        "all": allm,
        "rels": rels,
        "yw": yw,
        "mw": mw,
        "units": units,
        "ago": ago_re,
        "arabic": arabic,
        "ago_words": ago_words,
        "cues": [fold_key(c, arabic) for c in cues],
    }


def _ago_pattern(ago: dict, arabic: bool, NB: str, S: str):
    """(unit words, ("before" | "after", pattern) or None, words that start such a phrase)
    for "N units ago" in the language (dates.json "ago", from CLDR relative patterns)."""
    units = {fold_key(k, arabic): v for k, v in ago.get("units", {}).items()}
    ago_re = None
    if units:
        U = f"(?P<u>{_alt(units, arabic)})(?![^\\W\\d_])"
        if ago.get("before"):
            B = _alt([fold_key(w, arabic) for w in ago["before"]], arabic)
            ago_re = ("before", re.compile(rf"{NB}(?:{B}){S}(?:(?P<n>[^\s]+(?:{S}[^\s]+)?){S})??{U}", re.I))
        else:
            A = _alt(ago["after"], arabic)
            ago_re = (
                "after",
                re.compile(rf"{NB}(?:(?P<n>[^\s]+(?:{S}[^\s]+)?){S}){U}{S}(?:{A})(?![^\W\d_])", re.I),
            )
    ago_words = [fold_key(w, arabic) for w in ago.get("before", []) + ago.get("after", [])]
    ago_words = [w.split(" ")[0] for w in ago_words] + list(units)
    return units, ago_re, ago_words


def _ago_value(n, unit, pub):
    if pub is None:
        return None
    if unit == "days":
        return (pub - dt.timedelta(days=n)).isoformat()
    if unit == "weeks":
        return (pub - dt.timedelta(days=7 * n)).isoformat()
    if unit == "months":
        y, m = _shift_month(pub.year, pub.month, -n)
        return _iso(y, m)
    if unit == "years":
        return _iso(pub.year - n)
    return None


# Dates are only looked for around trigger words (month names, cue words, relative
# words): running a dozen long alternations over every position of a 1 MB text is slow.
_TOKEN_RE = re.compile(r"[^\W\d_]+")
_YEAR_NEXT_RE = re.compile(r"[ \u00a0]+(?:1[89]|20)[0-9]{2}(?![0-9])")
WINDOW_BEFORE, WINDOW_AFTER = 16, 32


def _triggers(P):
    if "triggers" not in P:
        first = lambda keys: {k.split(" ")[0] for k in keys}  # noqa: E731
        P["triggers"] = (
            first(P["all"]) | first(P["rels"]) | first(P["yw"]) | first(P["mw"]) | set(P["ago_words"]),
            set(P["cues"]),
            {},
        )
    return P["triggers"]


def _windows(norm, P):
    strong, cues, cache = _triggers(P)
    arabic = P["arabic"]
    n = len(norm)

    def is_trigger(tok):
        key = fold_key(tok, arabic)
        return (
            key in strong or key in cues or arabic and len(key) > 2 and key[0] in "وبلف" and key[1:] in strong
        )

    wins = []
    for s, e in trigger_positions(norm, is_trigger, cache):
        key = fold_key(norm[s:e], arabic)
        if key not in strong and not (arabic and key[1:] in strong) and not _YEAR_NEXT_RE.match(norm, e):
            continue  # a cue word ("in", "seit") only matters before a year
        a = max(0, s - WINDOW_BEFORE)
        b = min(n, e + WINDOW_AFTER)
        while b < n and norm[b].isalnum():
            b += 1
        if wins and a <= wins[-1][1]:
            wins[-1] = (wins[-1][0], max(b, wins[-1][1]))
        else:
            wins.append((a, b))
    return wins


def _latin_dates(norm, pub, profile, nums):
    P = _patterns(profile.base)
    if P is None:
        return []
    arabic = P["arabic"]
    out = []
    wins = _windows(norm, P)
    for kind, rx in P["pats"]:
        for wa, wb in wins:
            for m in rx.finditer(norm, wa, wb):
                gd = m.groupdict()
                mon = P["all"].get(fold_key(gd["mon"], arabic)) if gd.get("mon") else None
                y = int(gd["y"]) if gd.get("y") else None
                d = int(gd["d"]) if gd.get("d") else None
                s, e = m.start(), m.end()
                if kind in ("dmy", "mdy", "my"):
                    val = _iso(y, mon, d)
                elif kind == "rel":
                    rel = P["rels"].get(fold_key(gd["rel"], arabic))
                    yy = _last_month_year(mon, pub, rel)
                    val = _iso(yy, mon)
                elif kind == "month":
                    s = m.start("mon")
                    val = _iso(None, mon)
                elif kind == "year":
                    s = m.start("y")
                    val = _iso(y)
                elif kind in ("yw", "mw"):
                    off = (P["yw"] if kind == "yw" else P["mw"]).get(fold_key(gd["w"], arabic))
                    if off is None:
                        continue
                    if pub is None:
                        val = None
                    elif kind == "yw":
                        val = _iso(pub.year + off)
                    else:
                        yy, mm = _shift_month(pub.year, pub.month, off)
                        val = _iso(yy, mm)
                else:
                    continue
                if val is None and kind not in ("yw", "mw"):
                    continue
                out.append((s, e, val))
    if P["ago"] is not None:
        where, rx = P["ago"]
        from .numbers import parse_words, word_lexicon

        lex = word_lexicon(profile.base)
        for m in (x for wa, wb in wins for x in rx.finditer(norm, wa, wb)):
            unit = P["units"].get(fold_key(m.group("u"), arabic))
            if unit is None:
                continue
            n = None
            if ":" in unit:
                unit, n = unit.split(":")[0], int(unit.split(":")[1])
            elif m.group("n"):
                raw = m.group("n")
                if raw.isdigit():
                    n = int(raw)
                elif lex.run_re is not None and lex.run_re.fullmatch(raw):
                    r = parse_words(raw, lex)
                    if r is None:
                        continue
                    n = int(r[0])
                else:
                    continue
            if n is None:
                continue  # منذ سنوات: "years ago" without a count
            out.append((m.start(), m.end(), _ago_value(n, unit, pub)))
    return out


def _gap_then(norm: str, pos: int, word: str) -> int:
    """End of ``word`` written at ``pos`` after at most one space (case-insensitive), or -1."""
    if not word:
        return pos
    if pos < len(norm) and norm[pos] in " \u00a0":
        pos += 1
    end = pos + len(word)
    return end if norm[pos:end].lower() == word else -1


def _before_gap(norm: str, pos: int, word: str) -> int:
    """Start of ``word`` ending at ``pos`` before at most one space (case-insensitive), or -1."""
    if not word:
        return pos
    if pos > 0 and norm[pos - 1] in " \u00a0":
        pos -= 1
    start = pos - len(word)
    return start if start >= 0 and norm[start:pos].lower() == word else -1


@cache
def _ago_after_re(base: str, cjk: bool) -> re.Pattern | None:
    """A regex matching, after a number, any past pattern's word after it (a space
    allowed; then no letter, except after a CJK word), or None when some pattern has
    no word after the number."""
    pats = past_patterns(base)
    words = sorted({a for _b, a, _u in pats}, key=len, reverse=True)
    if not words or "" in words:
        return None
    alts = [re.escape(w) + ("" if cjk and not w[-1].isascii() else r"(?![^\W\d_])") for w in words]
    return re.compile(rf"[ \u00a0]?(?:{'|'.join(alts)})", re.I)


_LEAD_RE = re.compile(LETTERS)
_AGO_CACHE: dict = {}  # token -> begins a pattern's word after the number


@cache
def _ago_leads(base: str) -> frozenset:
    """The lower-cased first letter runs of the words after the number ("months" of
    "months ago"), and their first characters (for scripts written without spaces)."""
    out = set()
    for _b, a, _u in past_patterns(base):
        m = _LEAD_RE.match(a)
        out.add(m.group().lower() if m else a[:1])
    return frozenset(out)


def _ago_starts(norm: str, base: str, cjk: bool) -> list[int]:
    """Where a word that follows the number in a past pattern may begin: a whole word
    that begins one, or the first character of one in CJK (written without spaces)."""
    leads = _ago_leads(base)
    chars = char_class(w[:1] for w in leads if not w[:1].isalpha() or cjk and not w[:1].isascii())
    cache = _AGO_CACHE.setdefault(base, {})
    starts, _ = token_starts_ends(norm, lambda t: t.lower() in leads, cache)
    return starts + char_positions(norm, chars)


def _cldr_ago(norm: str, nums: list, base: str, pub: dt.date | None, cjk: bool) -> list:
    """ "3 years ago" in any language, from CLDR's relative past patterns (cldr.past_patterns).

    A pattern needs its words on both sides of a whole number; the date is worked out from
    the publication date (None without one: a year is never invented).
    """
    pats = past_patterns(base)
    after_re = _ago_after_re(base, cjk)
    out = []
    looked_at = nums if pats else []
    if pats and after_re is not None:  # where a pattern's word after the number may begin
        reach = reach_back(norm, _ago_starts(norm, base, cjk), " \u00a0", 1)
        # the cheap test, in one comprehension: only numbers a pattern's word follows
        looked_at = [x for x in nums if x.end in reach] if reach else []
    for num in looked_at:
        if num.value != int(num.value) or not 0 < num.value <= 1000 or num.scaled:
            continue
        if after_re is not None and not after_re.match(norm, num.end):
            continue
        for before, after, unit in pats:
            e = _gap_then(norm, num.end, after)
            if e < 0 or (after and (not cjk or after[-1].isascii()) and e < len(norm) and is_letter(norm[e])):
                continue  # words end at a word boundary, except in scripts without spaces (年前)
            s = _before_gap(norm, num.start, before)
            if s < 0 or (not cjk and before and s > 0 and is_letter(norm[s - 1])):
                continue
            if s == num.start and e == num.end:
                continue
            out.append((s, e, _ago_value(int(num.value), unit, pub)))
            break
    return out


def extract_dates(norm: str, nums: list, profile: Profile, published=None) -> list:
    """Return date candidates of ``norm``; a year is taken from the text or ``published``, never invented."""
    pub = published if isinstance(published, dt.date) else None
    if isinstance(pub, dt.datetime):
        pub = pub.date()
    cands = []
    for rx, seps, offsets in _NUMERIC_DATES:
        for m in numeric_dates(norm, rx, seps, offsets):
            v = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if v:
                cands.append((m.start(), m.end(), v))
    if profile.cjk:
        cands.extend(_cjk_dates(norm, pub))
    if not profile.cjk:
        cands.extend(_latin_dates(norm, pub, profile, nums))
    cands.extend(_cldr_ago(norm, nums, profile.base, pub, profile.cjk))
    # Longest first, no overlaps.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    occupied = bytearray(len(norm) + 1)
    facts = []
    for s, e, v in cands:
        if occupied.find(1, s, e) != -1:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        facts.append(Candidate(type="date", start=s, end=e, value=v))
    return facts
