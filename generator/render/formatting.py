"""Facts shown in the reader's locale with Babel (CLDR): compact currency, percent, dates."""
from __future__ import annotations

from datetime import date

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names
from babel.numbers import format_compact_currency, format_compact_decimal, format_decimal, format_percent

from ..model import Fact
from .i18n import N_

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


def format_fact(fact: Fact, locale: Locale, gettext) -> str:
    text = format_value(fact, locale)
    if fact.qualifier in QUALIFIER_TEMPLATES and fact.type in ("money", "percent", "quantity"):
        text = gettext(QUALIFIER_TEMPLATES[fact.qualifier]).format(value=text)
    return text


def format_iso_date(value: str, locale: Locale) -> str:
    """ISO 8601, possibly partial ("2023", "2023-04", "--04-11", "--10"), in the locale."""
    if value.startswith("--"):
        parts = value[2:].split("-")
        month = int(parts[0])
        if len(parts) == 1 or not parts[1]:
            return get_month_names("wide", "stand-alone", locale=locale)[month]
        return format_skeleton("MMMMd", date(2000, month, int(parts[1])), locale=locale)
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return format_skeleton("y", date(year, 1, 1), locale=locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", date(year, int(parts[1]), 1), locale=locale)
    return format_date(date(year, int(parts[1]), int(parts[2][:2])), "long", locale=locale)


def format_day(d: date | None, locale: Locale) -> str | None:
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
