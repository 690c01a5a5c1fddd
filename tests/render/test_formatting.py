from babel import Locale

from generator.model import Fact
from generator.render.formatting import format_fact, format_iso_date, language_name
from generator.render.i18n import translations

EN, DE, AR, ZH = (Locale.parse(x) for x in ("en", "de", "ar", "zh_Hant"))


def fmt(fact, loc):
    return format_fact(fact, loc, translations(str(loc)).gettext)


def test_money_is_compact_in_each_locale():
    f = Fact("money", "440億美元", 0, 7, value=44e9, currency="USD")
    assert fmt(f, EN) == "$44B"
    assert fmt(f, DE) == "44\xa0Mrd.\xa0$"
    assert fmt(f, ZH) == "US$440億"
    assert "مليار" in fmt(f, AR)


def test_small_money_is_not_compact():
    assert fmt(Fact("money", "8美元", 0, 3, value=8.0, currency="USD"), EN) == "$8.00"


def test_percent_and_qualifier_are_localized():
    f = Fact("percent", "fast 60 %", 0, 9, value=60.0, qualifier="approx")
    assert fmt(f, EN) == "about 60%"
    assert fmt(f, DE) == "etwa 60\xa0%"
    assert fmt(f, ZH) == "約60%"
    assert fmt(Fact("percent", "x", 0, 1, value=1e-6), DE) == "0,000001\xa0%"


def test_partial_dates_never_invent_a_year():
    assert format_iso_date("--04-11", EN) == "April 11"
    assert format_iso_date("--10", DE) == "Oktober"
    assert format_iso_date("2023-04", ZH) == "2023年4月"
    assert format_iso_date("2021", EN) == "2021"
    assert format_iso_date("2023-04-11", DE) == "11. April 2023"


def test_unparseable_values_fall_back_to_the_source_text():
    assert fmt(Fact("date", "someday", 0, 7, value="not-a-date"), EN) == "someday"


def test_language_names_come_from_cldr():
    assert language_name("ar", DE) == "Arabisch"
    assert language_name("zh-Hant", EN) == "Chinese (Traditional)"
    assert language_name("xx-unknown", EN)  # never raises


# ----------------------------------------------------------------------------- locale-correct text

from generator.render.formatting import (  # noqa: E402
    closeness,
    counted_unit,
    fact_html,
    isolate,
    label_text,
    list_html,
    list_text,
    plural_count,
)


def test_plural_count_keeps_the_cldr_category_of_fractions():
    assert plural_count(8000, AR) == 8000
    assert AR.plural_form(plural_count(248.2, AR)) == AR.plural_form(248.2) == "other"
    assert EN.plural_form(plural_count(1.5, EN)) == "other"
    assert plural_count(-3, DE) == 3


def test_arabic_counted_nouns_take_the_form_of_their_number():
    t = translations("ar")
    forms = {n: counted_unit("people", n, AR, t.ngettext) for n in (1, 2, 3, 11, 100, 8000, 4000, 248.2)}
    assert forms[8000] == forms[4000] == forms[100] == forms[248.2] == "شخص"  # CLDR "other"
    assert forms[3] == "أشخاص"  # few
    assert forms[11] == "شخصًا"  # many
    assert forms[2] == "شخصان"  # two


def test_english_and_german_counted_nouns_are_singular_for_one():
    assert counted_unit("people", 1, EN, translations("en").ngettext) == "person"
    assert counted_unit("people", 300, EN, translations("en").ngettext) == "people"
    assert counted_unit("employees", 1, DE, translations("de").ngettext) == "Beschäftigter"
    assert counted_unit("employees", 1.5, DE, translations("de").ngettext) == "Beschäftigte"


def test_every_arabic_plural_entry_has_six_filled_forms():
    from babel.messages.pofile import read_po

    from generator.render.i18n import LOCALES_DIR

    with open(LOCALES_DIR / "ar" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh, locale="ar")
    plural = [m for m in catalog if m.id and isinstance(m.id, tuple)]
    assert len(plural) > 30
    for m in plural:
        assert len(m.string) == 6 and all(m.string), m.id


def test_lists_follow_cldr_patterns():
    assert list_text(["A", "B", "C"], EN) == "A, B, and C"
    assert list_text(["A", "B", "C"], ZH) == "A、B和C"
    assert list_text(["A", "B"], AR) == "A وB"
    assert list_text(["A"], DE) == "A"
    assert list_html(['<a href="x">A&amp;B</a>', "<b>C</b>"], DE) == '<a href="x">A&amp;B</a> und <b>C</b>'


def test_figures_are_isolated_in_right_to_left_text():
    money = Fact("money", "44 مليار دولار", 0, 5, value=44e9, currency="USD")
    html = fact_html(money, AR, translations("ar").gettext)
    assert '<bdi dir="ltr">US$</bdi>' in html and '<bdi dir="ltr">44</bdi>' in html
    pct = fact_html(
        Fact("percent", "60%", 0, 3, value=60.0, qualifier="approx"), AR, translations("ar").gettext
    )
    assert pct == 'حوالي <bdi dir="ltr">60%</bdi>'
    assert isolate("a < b", EN) == "a &lt; b"  # left-to-right locales: escaped only


def test_chinese_labels_use_full_width_colon():
    assert label_text("來源", translations("zh_Hant").gettext) == "來源："
    assert label_text("Outlet", translations("en").gettext) == "Outlet:"


def test_closeness_is_said_in_words():
    assert closeness(0.97) == "very close match"
    assert closeness(0.41) == "partly related"
    assert closeness(0.0) == "loosely related"
    assert translations("ar").gettext(closeness(0.97)) != "very close match"


def test_counted_facts_carry_their_noun_in_the_languages_order():
    from generator.render.formatting import counted_fact_html

    f = Fact("quantity", "4,000 people", 0, 12, value=4000.0, unit="people", qualifier="approx")
    ar = counted_fact_html(f, AR, translations("ar").gettext, translations("ar").ngettext)
    assert ar.endswith('<span class="fact-unit" data-unit="people" data-n="4000">شخص</span>')
    zh = counted_fact_html(f, ZH, translations("zh_Hant").gettext, translations("zh_Hant").ngettext)
    assert zh == '約4,000<span class="fact-unit" data-unit="people" data-n="4000">人</span>'
    money = Fact("money", "$8", 0, 2, value=8.0, currency="USD")
    assert counted_fact_html(money, EN, str, translations("en").ngettext) == "$8.00"


def test_a_month_alone_does_not_depend_on_locales_loaded_before():
    """Babel resolves zh_Hant's stand-alone months by what was loaded first; pages must not."""
    import subprocess
    import sys

    code = (
        "import sys; from babel import Locale; from babel.dates import get_month_names;"
        "from generator.render.formatting import format_iso_date;"
        "[get_month_names('wide', 'stand-alone', locale=Locale.parse(x)) for x in sys.argv[1:]];"
        "print(format_iso_date('--12', Locale.parse('zh_Hant')))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, *before], capture_output=True, text=True, check=True
        ).stdout
        for before in ([], ["zh"], ["zh_Hans", "ar"])
    }
    assert len(runs) == 1


def test_percentage_points_are_shown_as_points_not_percent():
    from generator.render.formatting import counted_fact_html

    f = Fact("percent", "2.4 percentage points", 0, 21, value=2.4, unit="points")
    en, de, ar, zh = (translations(x) for x in ("en", "de", "ar", "zh_Hant"))
    assert format_fact(f, EN, en.gettext, en.ngettext) == "2.4 percentage points"
    assert format_fact(f, DE, de.gettext, de.ngettext) == "2,4 Prozentpunkte"
    assert "%" not in format_fact(f, ZH, zh.gettext, zh.ngettext)
    one = Fact("percent", "1 Prozentpunkt", 0, 14, value=1.0, unit="points")
    assert format_fact(one, DE, de.gettext, de.ngettext) == "1 Prozentpunkt"
    html = counted_fact_html(f, AR, ar.gettext, ar.ngettext)
    assert "%" not in html and "٪" not in html and "نقطة مئوية" in html
    # a plain percentage keeps its sign
    assert fmt(Fact("percent", "2.4 %", 0, 5, value=2.4), EN) == "2.4%"
