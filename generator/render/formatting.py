"""Facts shown in the reader's locale with Babel (CLDR): compact currency, percent, dates,
counted nouns in the CLDR plural category of their number, list patterns, bidi isolation."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names
from babel.lists import format_list
from babel.numbers import format_compact_currency, format_compact_decimal, format_decimal, format_percent

from ..model import Fact
from .i18n import N_

# A percent fact in percentage points (facts/percent.py: unit "points"): shown as a number and
# the catalog's counted noun ("2.4 percentage points", "2,4 Prozentpunkte"), never as "2.4 %".
POINTS = "points"
POINTS_NOUN = "percentage points"

# babel.lists.format_list styles
ListStyle = Literal["standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"]

# Qualifier templates, translated per site language ({value} is the formatted figure).
QUALIFIER_TEMPLATES = {
    "approx": N_("about {value}"),
    "over": N_("more than {value}"),
    "under": N_("less than {value}"),
    "at_least": N_("at least {value}"),
    "at_most": N_("up to {value}"),
}

TYPE_LABELS = {
    "money": N_("Money"),
    "percent": N_("Percentage"),
    "quantity": N_("Count"),
    "date": N_("Date"),
    "person": N_("Person"),
    "organization": N_("Organization"),
    "place": N_("Place"),
}
TYPE_PLURALS = {
    "money": N_("Money"),
    "percent": N_("Percentages"),
    "quantity": N_("Counts"),
    "date": N_("Dates"),
    "person": N_("People"),
    "organization": N_("Organizations"),
    "place": N_("Places"),
}


# From a million on, compact forms (3 Mio., 300萬, 3M) read better than digits; below it some
# locales have no compact form for thousands (German), so digits with grouping are clearer.
COMPACT_FROM = 1_000_000


def format_number(value: float, locale: Locale) -> str:
    """The number in the locale: digits with grouping, compact from a million on."""
    if abs(value) >= COMPACT_FROM:
        return format_compact_decimal(value, locale=locale, fraction_digits=2)
    return format_decimal(value, locale=locale)


def format_value(fact: Fact, locale: Locale) -> str:
    """The fact's normalized value in the locale, without qualifier."""
    v = fact.value
    try:
        if fact.type == "money" and isinstance(v, (int, float)):
            if abs(v) >= COMPACT_FROM:
                return format_compact_currency(v, fact.currency or "XXX", locale=locale, fraction_digits=2)
            from babel.numbers import format_currency

            return format_currency(v, fact.currency or "XXX", locale=locale)
        if fact.type == "percent" and isinstance(v, (int, float)):
            if fact.unit == POINTS:  # the counted noun follows (unit_html), not a % sign
                return format_decimal(v, locale=locale)
            return format_percent(v / 100, locale=locale, decimal_quantization=False)
        if fact.type == "quantity" and isinstance(v, (int, float)):
            if 0 < abs(v) < 1:
                # A share of what is counted (三分之一, a third): shown as a percentage.
                return format_percent(v, locale=locale, format="#,##0.#%")
            return format_number(v, locale)
        if fact.type == "date" and isinstance(v, str):
            return format_iso_date(v, locale)
    except (ValueError, KeyError, TypeError, ArithmeticError):
        pass
    if fact.name:
        return fact.name
    return fact.text


def format_fact(
    fact: Fact,
    locale: Locale,
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str] | None = None,
) -> str:
    """The fact's value in the locale with its qualifier ("about 60 %"), as plain text; with
    ``ngettext``, percentage points carry their noun ("2.4 percentage points")."""
    text = format_value(fact, locale)
    noun = counted_noun(fact)
    if ngettext is not None and noun == POINTS_NOUN:
        word = counted_unit(noun, fact.value, locale, ngettext)
        text = gettext("{value} {unit}").format(value=text, unit=word)
    if fact.qualifier in QUALIFIER_TEMPLATES and fact.type in ("money", "percent", "quantity"):
        text = gettext(QUALIFIER_TEMPLATES[fact.qualifier]).format(value=text)
    return text


def format_iso_date(value: str, locale: Locale) -> str:
    """ISO 8601, possibly partial ("2023", "2023-04", "--04-11", "--10"), in the locale."""
    if value.startswith("--"):
        parts = value[2:].split("-")
        month = int(parts[0])
        if len(parts) == 1 or not parts[1]:
            # The format context, not stand-alone: Babel 2.18 resolves zh_Hant's stand-alone
            # months differently once zh or zh_Hans has been loaded in the process (十二月 vs
            # 12月), which made a page depend on what was rendered before it.
            return get_month_names("wide", "format", locale=locale)[month]
        return format_skeleton("MMMMd", date(2000, month, int(parts[1])), locale=locale)
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return format_skeleton("y", date(year, 1, 1), locale=locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", date(year, int(parts[1]), 1), locale=locale)
    return format_date(date(year, int(parts[1]), int(parts[2][:2])), "long", locale=locale)


def format_day(d: date | None, locale: Locale) -> str | None:
    """A publication day in the locale's medium date format, or None."""
    return format_date(d, "medium", locale=locale) if d else None


def language_name(tag: str, locale: Locale) -> str:
    """'Arabic' / 'Arabisch' / 'العربية' / '阿拉伯文' for a BCP 47 tag, from CLDR."""
    try:
        return Locale.parse(tag, sep="-").get_display_name(locale) or tag
    except (ValueError, TypeError, UnknownLocaleError):
        try:
            return Locale.parse(tag.split("-")[0]).get_display_name(locale) or tag
        except (ValueError, TypeError, UnknownLocaleError):
            return tag


# ----------------------------------------------------------------------------- counted nouns


@cache
def _category_integers(locale: Locale) -> dict[str, int]:
    """CLDR plural category → the smallest integer of that category in the locale."""
    out: dict[str, int] = {}
    for n in range(0, 1000):
        out.setdefault(locale.plural_form(n), n)
    return out


def plural_count(value: float, locale: Locale) -> int:
    """An integer whose CLDR plural category in the locale is that of ``value``.

    gettext's plural expressions take integers only; CLDR also ranks fractions (248.2 is
    "other" in Arabic, as is 8,000), so a fraction is mapped to an integer of its category.
    """
    if float(value).is_integer():
        return abs(int(value))
    category = locale.plural_form(abs(value))
    return _category_integers(locale).get(category, abs(int(value)))


def counted_unit(unit: str, value: float, locale: Locale, ngettext: Callable[[str, str, int], str]) -> str:
    """The counted noun (a units.json unit, the catalog's msgid) in the form its number takes."""
    return ngettext(unit, unit, plural_count(value, locale))


# ----------------------------------------------------------------------------- lists


def list_text(items: Sequence[str], locale: Locale, style: ListStyle = "standard") -> str:
    """Items joined by the locale's CLDR list pattern ("A, B and C", "A、B和C", "A وB وC")."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    try:
        return format_list(items, style=style, locale=locale)
    except (KeyError, ValueError):  # a style the locale's data lacks
        return format_list(items, locale=locale)


def list_html(pieces: Sequence[str], locale: Locale, style: ListStyle = "standard") -> str:
    """HTML pieces (already escaped) joined by the locale's CLDR list pattern, escaped."""
    marks = [f"\ue000{i}\ue001" for i in range(len(pieces))]
    joined = html.escape(list_text(marks, locale, style), quote=False)
    return re.sub("\ue000(\\d+)\ue001", lambda m: pieces[int(m.group(1))], joined)


# ----------------------------------------------------------------------------- direction


def is_rtl(locale: Locale) -> bool:
    """True when the locale is written right to left (CLDR character order)."""
    return locale.character_order == "right-to-left"


# A run of text that is not right-to-left script: digits, Latin letters, currency and
# percent signs with the spaces and punctuation between them.
_RTL_CHAR = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_LTR_RUN = re.compile(f"[^{_RTL_CHAR}\\s]+(?:[^\\S\\n]+[^{_RTL_CHAR}\\s]+)*")


def isolate(text: str, locale: Locale) -> str:
    """Escaped HTML of a formatted figure; in a right-to-left locale every run of digits,
    Latin letters and signs is isolated left to right (<bdi dir="ltr">), so "US$" and
    "60%" keep their order beside Arabic words instead of turning into "$US" and "%60"."""
    if not is_rtl(locale):
        return html.escape(text, quote=False)
    out, pos = [], 0
    for m in _LTR_RUN.finditer(text):
        if not re.search(r"[\w$€£¥%‰]", m.group(0)):
            continue  # punctuation alone takes the direction around it
        out.append(html.escape(text[pos : m.start()], quote=False))
        out.append(f'<bdi dir="ltr">{html.escape(m.group(0), quote=False)}</bdi>')
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def name_html(name: str) -> str:
    """A name from another language or script, isolated (<bdi>) so it cannot reorder the
    sentence around it (a Latin "Publicis" in Arabic text, an Arabic name in English)."""
    return f"<bdi>{html.escape(name, quote=False)}</bdi>"


def fact_html(fact: Fact, locale: Locale, gettext: Callable[[str], str]) -> str:
    """The fact as format_fact gives it, escaped, with its figures isolated in RTL locales."""
    if fact.qualifier in QUALIFIER_TEMPLATES and fact.type in ("money", "percent", "quantity"):
        template = gettext(QUALIFIER_TEMPLATES[fact.qualifier])
        before, _sep, after = template.partition("{value}")
        return (
            html.escape(before, quote=False)
            + isolate(format_value(fact, locale), locale)
            + html.escape(after, quote=False)
        )
    return isolate(format_value(fact, locale), locale)


# ----------------------------------------------------------------------------- labels


def label_text(label: str, gettext: Callable[[str], str]) -> str:
    """A label with the colon of the UI language ("Outlet:", "來源：")."""
    return gettext("{label}:").format(label=label)


# How close two linked articles are, in words rather than a score (lowest bound first wins).
CLOSENESS = (
    (0.8, N_("very close match")),
    (0.6, N_("close match")),
    (0.4, N_("partly related")),
    (0.0, N_("loosely related")),
)


def closeness(score: float) -> str:
    """The msgid saying in plain words how close a link's score is (translate it)."""
    for bound, words in CLOSENESS:
        if score >= bound:
            return words
    return CLOSENESS[-1][1]


def counted_noun(fact: Fact) -> str | None:
    """The catalog noun a fact's number counts: a quantity's unit, "percentage points" for a
    percent fact in points, else None."""
    if not fact.unit or not isinstance(fact.value, (int, float)):
        return None
    if fact.type == "percent" and fact.unit == POINTS:
        return POINTS_NOUN
    return fact.unit if fact.type == "quantity" else None


def unit_html(fact: Fact, locale: Locale, ngettext: Callable[[str, str, int], str]) -> str:
    """The counted noun of a quantity (or "percentage points" of a percent fact in points) in
    the form of its number, as a span naming both."""
    noun, unit = counted_noun(fact), fact.unit
    if noun is None or unit is None:
        return ""
    word = html.escape(counted_unit(noun, fact.value, locale, ngettext), quote=False)
    return f'<span class="fact-unit" data-unit="{html.escape(unit)}" data-n="{fact.value:g}">{word}</span>'


def counted_fact_html(
    fact: Fact, locale: Locale, gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str]
) -> str:
    """fact_html with a quantity's counted noun, in the language's order ("{value} {unit}")."""
    value = fact_html(fact, locale, gettext)
    unit = unit_html(fact, locale, ngettext)
    if not unit:
        return value
    pattern = gettext("{value} {unit}")
    marks = pattern.replace("{value}", "\ue000").replace("{unit}", "\ue001")
    return html.escape(marks, quote=False).replace("\ue000", value).replace("\ue001", unit)
