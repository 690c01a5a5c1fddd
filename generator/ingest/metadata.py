"""Outlet and publication date stated by the text itself, for articles whose sidecar does not
give them (the sidecar always wins; see README "Outlet and date from the text").

Where a text states them, in the order they are looked for:

* a **published line** near the top or among the credits: a short line that is a full date
  (year, month, day) with at most a label ("Published", "Veröffentlicht am", "發布時間",
  "تاريخ النشر": data/metadata.yml), a time, a weekday and separators; a line labelled
  "updated" counts only when no line says "published"; a byline with a full date too;
* a **dateline** opening the first paragraphs: "PARIS, June 14 (Reuters) -", "Berlin (dpa) –",
  "باريس (رويترز) -" give the agency in brackets as the outlet; Chinese datelines name it
  inside the bracket: （中央社記者王小明台北14日電） → 中央社.

Dates are read in any language Babel knows: month and weekday names from CLDR for the
article's language (every regional variant: أوت, كانون الثاني) and English; numeric dates
year first (2023-06-14, 2023.06.14, 2023年6月14日) or in the order of the language's CLDR
short date pattern (14.06.2023 in German, 6/14/2023 in English). A date without a year is
never a publication date. Also here: names glued together by a scraper
("BBCCNBCTechCrunchBloombergCNN") split on the names we know.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import get_date_format, get_day_names, get_month_names
from babel.localedata import locale_identifiers

DATA_FILE = Path(__file__).parent / "data" / "metadata.yml"
# A metadata line is short (characters); a dateline opens a paragraph within this many.
MAX_LINE = 90
DATELINE_SPAN = 60
# Lines after the title searched for a published line when it is not among the credits.
HEAD_LINES = 8
# Paragraphs whose start may hold a dateline.
DATELINE_PARAGRAPHS = 3


@dataclass(frozen=True)
class TextMetadata:
    """What the text says about itself; ``lines`` are lines that say only that."""

    outlet: str | None = None
    published: date | None = None
    lines: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cues:
    """The words of one language that introduce a publication date, an update, a byline."""

    published: tuple[str, ...]
    updated: tuple[str, ...]
    byline: tuple[str, ...]
    agency_suffix: tuple[str, ...]
    dateline_end: tuple[str, ...]


@cache
def load_cues(path: str = str(DATA_FILE)) -> Cues:
    """The label words of data/metadata.yml, every language together, longest first."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))

    def flat(section: str) -> tuple[str, ...]:
        words = {w.lower() for ws in data[section].values() for w in ws}
        return tuple(sorted(words, key=lambda w: (-len(w), w)))

    return Cues(
        flat("published"),
        flat("updated"),
        flat("byline"),
        tuple(data["agency_suffix"]),
        tuple(data["dateline_end"]),
    )


# ----------------------------------------------------------------------------- dates


def _fold(text: str) -> str:
    """NFKC (full-width digits and colons), every decimal digit as ASCII, lower case."""
    text = unicodedata.normalize("NFKC", text)
    return (
        "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)
        .lower()
        .replace("\u200f", "")
        .replace("\u200e", "")
    )


def _locales(lang: str) -> list[Locale]:
    """Babel locales of the language (every region) and English."""
    base = (lang or "en").replace("-", "_").split("_")[0].lower()
    out = []
    for ident in sorted(locale_identifiers()):
        if ident == base or ident.startswith(base + "_") or ident == "en":
            try:
                out.append(Locale.parse(ident))
            except (ValueError, UnknownLocaleError):
                continue
    return out


@cache
def month_names(lang: str) -> dict[str, int]:
    """Folded month name or abbreviation → month number, from CLDR (regional variants too)."""
    names: dict[str, int] = {}
    for loc in _locales(lang):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, loc).items():
                    key = _fold(name).rstrip(".")
                    if len(key) >= 3 or not key.isascii():
                        names.setdefault(key, number)
    return names


@cache
def weekday_names(lang: str) -> tuple[str, ...]:
    """Folded weekday names and abbreviations from CLDR, longest first."""
    names = {
        _fold(n).rstrip(".")
        for loc in _locales(lang)
        for width in ("wide", "abbreviated")
        for n in get_day_names(width, "format", loc).values()
    }
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


@cache
def day_first(lang: str) -> bool:
    """Whether numeric dates put the day before the month (the CLDR short date pattern)."""
    try:
        pattern = get_date_format("short", locale=Locale.parse((lang or "en").replace("-", "_"))).pattern
    except (ValueError, UnknownLocaleError):
        return True
    return pattern.find("d") < pattern.find("M")


@cache
def _month_pattern(lang: str) -> re.Pattern:
    names = sorted(month_names(lang), key=lambda n: (-len(n), n))
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?<!\w)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?(?P<m1>{alt})\.?,?\s*(?:de\s+)?(?P<y1>\d{{4}})"
        rf"|(?P<m2>{alt})\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>\d{{4}}))(?!\w)"
    )


_YMD = re.compile(r"(?<!\d)(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})(?!\d)\s*日?")
_XYZ = re.compile(r"(?<!\d)(?P<a>\d{1,2})\s*[./-]\s*(?P<b>\d{1,2})\s*[./-]\s*(?P<y>\d{4})(?!\d)")


def find_date(text: str, lang: str) -> tuple[date, int, int] | None:
    """The first full date (year, month, day) in the text, with its span in the folded text."""
    folded = _fold(text)
    found = []
    for m in _YMD.finditer(folded):
        found.append((m.start(), m.end(), int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _XYZ.finditer(folded):
        a, b = int(m["a"]), int(m["b"])
        d, mo = (a, b) if day_first(lang) else (b, a)
        found.append((m.start(), m.end(), int(m["y"]), mo, d))
    for m in _month_pattern(lang).finditer(folded):
        name = (m["m1"] or m["m2"]).rstrip(".")
        found.append(
            (m.start(), m.end(), int(m["y1"] or m["y2"]), month_names(lang)[name], int(m["d1"] or m["d2"]))
        )
    for start, end, y, mo, d in sorted(found):
        try:
            return date(y, mo, d), start, end
        except ValueError:
            continue
    return None


# ----------------------------------------------------------------------------- lines

_TIME = re.compile(
    r"\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:am|pm|uhr|utc|gmt|cet|cest|est|edt|pst|pdt|[+-]\d{2}:?\d{2})?"
)


def _strip_label(folded: str, labels: tuple[str, ...]) -> tuple[str, bool]:
    """The line without a leading label from ``labels``, and whether one was there."""
    s = folded.strip(" \t*-–—|>#•·")
    for label in labels:
        if s.startswith(label):
            rest = s[len(label) :]
            if not rest or not (rest[0].isalnum() and label[-1].isalnum() and label.isascii()):
                return rest, True
    return s, False


def _only_date(rest: str, span: tuple[int, int], lang: str) -> bool:
    """True when nothing but a time, weekdays, separators and little words surround the date."""
    left = rest[: span[0]] + " " + rest[span[1] :]
    left = _TIME.sub(" ", left)
    for name in weekday_names(lang):
        left = left.replace(name, " ")
    # What remains: punctuation, and at most one short word ("am", "le", "at", "في", "於").
    words = re.findall(r"\w+", left)
    return len(words) <= 1 and all(len(w) <= 3 for w in words)


def date_line(line: str, lang: str, cues: Cues) -> tuple[str, date] | None:
    """("published" | "updated" | "byline" | "plain", date) when the line states a date only."""
    if len(line.strip()) > MAX_LINE:
        return None
    folded = _fold(line)
    for kind, labels in (("published", cues.published), ("updated", cues.updated), ("byline", cues.byline)):
        rest, labelled = _strip_label(folded, labels)
        if not labelled:
            continue
        found = find_date(rest, lang)
        if found and (kind == "byline" or _only_date(rest, found[1:], lang)):
            return kind, found[0]
        if kind != "byline":
            return None
    found = find_date(folded, lang)
    if found and _only_date(folded, found[1:], lang):
        return "plain", found[0]
    return None


RANK = {"published": 0, "byline": 1, "plain": 2, "updated": 3}


def published_from_lines(
    lines: Iterable[str], lang: str, cues: Cues | None = None
) -> tuple[date | None, frozenset[str]]:
    """The publication date the lines state (published, then byline, plain, updated lines)
    and the lines that say nothing but a date (to keep out of the body)."""
    cues = cues or load_cues()
    best: tuple[int, int, date] | None = None
    only: set[str] = set()
    for i, line in enumerate(lines):
        hit = date_line(line, lang, cues)
        if hit is None:
            continue
        kind, d = hit
        if kind != "byline":
            only.add(line.strip())
        if best is None or (RANK[kind], i) < best[:2]:
            best = (RANK[kind], i, d)
    return (best[2] if best else None), frozenset(only)


# ----------------------------------------------------------------------------- datelines

# A place (words without digits or sentence punctuation, "Frankfurt / Main", "باريس"), an
# optional date after a comma ("PARIS, June 14"), the agency in brackets, a dash or colon.
_DATELINE = re.compile(
    rf"^(?P<place>[^\W\d][^()（）\n\d:：.!?;؟]{{0,{DATELINE_SPAN}}}?)(?:[,،]\s*[^()（）\n:：]{{1,25}}?)?\s*"
    r"[(（]\s*(?P<agency>[^()（）\d]{2,40}?)\s*[)）]\s*[-–—:]"
)
_CJK_DATELINE = re.compile(r"^[（(【〔\[]\s*(?P<inner>[^）)】〕\]]{2,40})[）)】〕\]]")


def outlet_from_dateline(paragraph: str, cues: Cues | None = None) -> str | None:
    """The news agency a dateline names: "PARIS (Reuters) -" → Reuters, （中央社…電） → 中央社."""
    cues = cues or load_cues()
    m = _CJK_DATELINE.match(paragraph)
    if m and m["inner"].endswith(cues.dateline_end):
        inner = m["inner"]
        for suffix in cues.agency_suffix:
            cut = inner.find(suffix)
            if 0 < cut <= 12:
                return inner[: cut + len(suffix)]
        return None
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    agency = m["agency"].strip()
    # A name, not a remark: few words, each starting with a letter; and not the initials of
    # the words before it ("Bayerischer Rundfunk (BR):" names, it is no dateline).
    words = agency.split()
    if len(words) > 4 or not all(w[0].isalpha() for w in words):
        return None
    place = m["place"].split()
    if len(place) > 4 or "".join(w[0] for w in place[-len(agency) :]).lower() == agency.lower():
        return None
    return agency


# ----------------------------------------------------------------------------- glued names

_ATOM = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")


def split_glued_names(text: str, known: Iterable[str]) -> list[str]:
    """Names a scraper glued together ("BBCCNBCTechCrunchBloombergCNN") split on the known
    names (with their spaces: "NewYorkTimes" → "New York Times"); the text as it is when it
    has separators already or when known names do not cover most of it."""
    text = text.strip()
    if not text or re.search(r"[\s,，、;；/|·]", text) or not text.isascii():
        return [text] if text else []
    names = {re.sub(r"\s+", "", n): n for n in known if n and n.isascii()}
    n = len(text)
    # best[i]: (characters not covered by known names, pieces, pieces list) for text[:i]
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for i in range(n):
        if best[i] is None:
            continue
        unknown, count, pieces = best[i]  # type: ignore[misc]
        options = [(text[i:j], names[text[i:j]], 0) for j in range(i + 1, n + 1) if text[i:j] in names]
        atom = _ATOM.match(text, i)
        if atom:
            options.append((atom.group(0), atom.group(0), len(atom.group(0))))
        for raw, shown, cost in options:
            j = i + len(raw)
            cand = (unknown + cost, count + 1, pieces + [shown])
            if best[j] is None or cand[:2] < best[j][:2]:  # type: ignore[index]
                best[j] = cand
    result = best[n]
    if result is None or len(result[2]) < 2 or result[0] * 2 > n:
        return [text]
    return result[2]


# ----------------------------------------------------------------------------- the article


def read_metadata(
    lines: list[str],
    paragraphs: list[str],
    is_credit: Callable[[str], bool],
    lang: str,
    cues: Cues | None = None,
) -> TextMetadata:
    """Outlet and date a text states, from its raw lines (title first), the paragraphs kept
    as its body and a test for credit lines. Steps: the article's own region (up to its last kept
    paragraph and the credit lines right after it, so appended articles and page footers
    do not count); its published lines (the head and those credit lines); datelines."""
    cues = cues or load_cues()
    kept = {p.strip() for p in paragraphs}
    stripped = [ln.strip() for ln in lines[1:]]
    last_paragraph = max((i for i, ln in enumerate(stripped) if ln and ln in kept), default=-1)
    end = last_paragraph + 1
    while end < len(stripped) and (
        not stripped[end] or is_credit(stripped[end]) or date_line(stripped[end], lang, cues)
    ):
        end += 1
    region = [ln for ln in stripped[:end] if ln]
    head = [ln for ln in stripped[:end] if ln][:HEAD_LINES]
    tail = [ln for ln in stripped[last_paragraph + 1 : end] if ln]
    published, only = published_from_lines(head + [ln for ln in tail if ln not in head], lang, cues)
    outlet = None
    for p in paragraphs[:DATELINE_PARAGRAPHS]:
        outlet = outlet_from_dateline(p, cues)
        if outlet:
            break
    return TextMetadata(
        outlet=outlet, published=published, lines=frozenset(ln for ln in only if ln in region)
    )


def name_list(names: list[str], lang: str) -> str:
    """Names joined by the CLDR list pattern of the text's language ("A、B和C", "A, B und C")."""
    from babel.lists import format_list

    if len(names) < 2:
        return "".join(names)
    try:
        return format_list(names, locale=Locale.parse((lang or "en").replace("-", "_")))
    except (ValueError, KeyError, UnknownLocaleError):
        return format_list(names, locale="en")
