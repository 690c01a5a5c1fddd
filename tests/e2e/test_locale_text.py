"""Locale-correct text on the built seed site: every Arabic counted noun is in the form of
its number's CLDR plural category (Babel's Locale('ar').plural_form), the catalog's plural
expression agrees with CLDR, and lists and labels follow the reader's language."""

from __future__ import annotations

import gettext
import html
import re

from babel import Locale
from babel.messages.pofile import read_po

from generator.render.i18n import LOCALES_DIR

UNIT = re.compile(r'<span class="fact-unit" data-unit="([^"]+)" data-n="([^"]+)">([^<]*)</span>')
AR = Locale("ar")


def _catalog(locale: str):
    with open(LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=locale)


def _form_categories(catalog, locale: Locale) -> dict[int, str]:
    """gettext form index → the one CLDR category of the integers the catalog sends there."""
    pick = gettext.c2py(catalog.plural_expr)
    seen: dict[int, set] = {}
    for n in range(0, 1000):
        seen.setdefault(pick(n), set()).add(locale.plural_form(n))
    assert all(len(c) == 1 for c in seen.values()), f"plural expression mixes CLDR categories: {seen}"
    return {i: c.pop() for i, c in seen.items()}


def test_arabic_plural_expression_agrees_with_cldr():
    categories = _form_categories(_catalog("ar"), AR)
    assert sorted(categories.values()) == sorted(["zero", "one", "two", "few", "many", "other"])


def test_every_arabic_counted_unit_uses_the_cldr_category_of_its_number(seed_site):
    catalog = _catalog("ar")
    by_category = {c: i for i, c in _form_categories(catalog, AR).items()}
    forms = {m.id[0]: m.string for m in catalog if m.id and isinstance(m.id, tuple)}
    seen = []
    for path in sorted((seed_site.site / "ar").rglob("*.html")):
        for unit, n, shown in UNIT.findall(path.read_text(encoding="utf-8")):
            category = AR.plural_form(float(n) if "." in n or "e" in n else int(n))
            expected = forms[html.unescape(unit)][by_category[category]]
            assert html.unescape(shown) == expected, (
                f"{path.name}: {n} {shown!r}, CLDR {category}: {expected!r}"
            )
            seen.append((n, shown))
    assert seen, "no counted unit on the Arabic site"
    # 003's "4,000 people" is CLDR "other" in Arabic: the singular شخص, not the plural أشخاص.
    assert ("4000", "شخص") in seen


def test_chinese_labels_have_full_width_colons(seed_site):
    text = next((seed_site.site / "zh-Hant" / "articles").glob("004_*.html")).read_text(encoding="utf-8")
    labels = re.findall(r'<span class="meta-label">([^<]*)</span>', text)
    assert labels and all(lab.endswith("：") for lab in labels), labels
