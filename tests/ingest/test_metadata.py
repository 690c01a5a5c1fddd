from datetime import date

import pytest

from generator.ingest.article import Sidecar, build_article
from generator.ingest.metadata import (
    date_line,
    find_date,
    load_cues,
    name_list,
    outlet_from_dateline,
    published_from_lines,
    read_metadata,
    split_glued_names,
)

CUES = load_cues()


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("2023-06-14", "en", date(2023, 6, 14)),
        ("2023.06.14 |", "zh-Hant", date(2023, 6, 14)),
        ("2023年6月14日", "zh-Hant", date(2023, 6, 14)),
        ("２０２３年６月１４日", "zh-Hant", date(2023, 6, 14)),  # full-width digits
        ("14.06.2023", "de", date(2023, 6, 14)),  # CLDR de: day first
        ("6/14/2023", "en", date(2023, 6, 14)),  # CLDR en: month first
        ("14. Juni 2023", "de", date(2023, 6, 14)),
        ("June 14, 2023", "de", date(2023, 6, 14)),  # English month names in any language
        ("14 يونيو 2023", "ar", date(2023, 6, 14)),
        ("١٤ يونيو ٢٠٢٣", "ar", date(2023, 6, 14)),  # Arabic-Indic digits
        ("14 أوت 2023", "ar", date(2023, 8, 14)),  # Maghrebi month name (CLDR ar_DZ / ar_TN)
        ("14 حزيران 2023", "ar", date(2023, 6, 14)),  # Levantine month name (CLDR ar_SY / ar_LB)
        ("14 de junio de 2023", "es", date(2023, 6, 14)),
        ("le 14 juin 2023", "fr", date(2023, 6, 14)),  # a language without a sample seed
    ],
)
def test_full_dates_in_many_languages(text, lang, expected):
    found = find_date(text, lang)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", ["4月11日", "June 14", "im Oktober", "2023", "31.02.2023"])
def test_no_publication_date_without_year_month_and_day(text):
    assert find_date(text, "de") is None


@pytest.mark.parametrize(
    "line, lang, kind",
    [
        ("Published: 14 June 2023 10:30 BST", "en", "published"),
        ("Veröffentlicht am 14.06.2023 um 10:30 Uhr", "de", "published"),
        ("發布時間：2023-06-14 10:30", "zh-Hant", "published"),
        ("تاريخ النشر: 14 يونيو 2023", "ar", "published"),
        ("Updated June 15, 2023", "en", "updated"),
        ("By Jane Doe | June 14, 2023", "en", "byline"),
        ("Wednesday, 14 June 2023", "en", "plain"),
        ("Mittwoch, 14. Juni 2023", "de", "plain"),
    ],
)
def test_date_lines(line, lang, kind):
    hit = date_line(line, lang, CUES)
    assert hit is not None and hit[0] == kind and hit[1].year == 2023


@pytest.mark.parametrize(
    "line",
    [
        "Am 14. Juni 2023 kaufte Musk den Konzern für 44 Milliarden Dollar.",  # prose with a date
        "Published by the board",
        "Das Treffen fand am 14.06.2023 in Paris statt und dauerte bis in den Abend.",
    ],
)
def test_prose_is_not_a_date_line(line):
    assert date_line(line, "de", CUES) is None


def test_published_beats_updated_and_plain():
    lines = ["Updated: 2023-06-15", "Wednesday, 14 June 2023", "Published: 2023-06-13"]
    published, only = published_from_lines(lines, "en")
    assert published == date(2023, 6, 13)
    assert only == frozenset(lines)


@pytest.mark.parametrize(
    "paragraph, outlet",
    [
        ("PARIS, June 14 (Reuters) - Elon Musk said on Wednesday …", "Reuters"),
        ("BERLIN (dpa) – Die Bundesregierung hat …", "dpa"),
        ("WASHINGTON (AP) — The Senate voted …", "AP"),
        ("باريس (رويترز) - قال إيلون ماسك …", "رويترز"),
        ("（中央社記者王小明台北14日電）行政院今天 …", "中央社"),
        ("【新華社北京6月14日電】國務院 …", "新華社"),
    ],
)
def test_datelines_name_the_agency(paragraph, outlet):
    assert outlet_from_dateline(paragraph) == outlet


@pytest.mark.parametrize(
    "paragraph",
    [
        "Musk (52) sagte am Mittwoch – nicht zum ersten Mal – …",
        "The company (which declined to comment on the deal, as it usually does) - said …",
        "推特(Twitter)執行長馬斯克(Elon Musk)於美東時間4月11日接受採訪",
    ],
)
def test_brackets_in_prose_are_not_datelines(paragraph):
    assert outlet_from_dateline(paragraph) is None


def test_glued_names_split_on_known_names():
    known = ["BBC", "CNBC", "TechCrunch", "Bloomberg", "CNN", "The New York Times"]
    assert split_glued_names("BBCCNBCTechCrunchBloombergCNN", known) == [
        "BBC",
        "CNBC",
        "TechCrunch",
        "Bloomberg",
        "CNN",
    ]
    assert split_glued_names("ReutersTheNewYorkTimes", known) == ["Reuters", "The New York Times"]
    # Separated already, unknown, or mostly unknown: kept as written.
    assert split_glued_names("BBC, CNN", known) == ["BBC, CNN"]
    assert split_glued_names("McDonald", known) == ["McDonald"]
    assert split_glued_names("網易科技", known) == ["網易科技"]


def test_name_lists_use_the_texts_language():
    assert name_list(["BBC", "CNN", "CNBC"], "zh-Hant") == "BBC、CNN和CNBC"
    assert name_list(["BBC", "CNN"], "de") == "BBC und CNN"
    assert name_list(["BBC"], "ar") == "BBC"


def test_appended_articles_and_footers_do_not_date_the_article():
    lines = [
        "Title of the story",
        "First paragraph of the story, long enough to be text.",
        "Second paragraph of the story, also long enough.",
        "Source: Example Wire",
        "Read next",
        "2025.11.14 |",
        "Another article's text appended by the scraper.",
    ]
    meta = read_metadata(lines, lines[1:3], lambda ln: ln == "Source: Example Wire", "en")
    assert meta.published is None


def test_published_line_under_the_title_dates_the_article_and_leaves_the_body():
    lines = [
        "Musk übernimmt Twitter",
        "Veröffentlicht am 14.06.2023, 10:30 Uhr",
        "BERLIN (dpa) – Elon Musk hat Twitter für 44 Milliarden Dollar übernommen, teilte er mit.",
        "Der Unternehmer sagte, die Plattform werde sich ändern.",
    ]
    a = build_article("x", "x", "x.txt", lines, "\n".join(lines).encode(), Sidecar(lang="de"))
    assert a.published == date(2023, 6, 14)
    assert a.outlet == "dpa"
    assert "Veröffentlicht" not in a.body
    assert a.body.startswith("BERLIN (dpa)")


def test_the_sidecar_always_wins():
    lines = ["Title", "Published: 2023-06-14", "PARIS (Reuters) - The text of the story goes on here."]
    side = Sidecar(outlet="Example News", published=date(2020, 1, 2), lang="en")
    a = build_article("x", "x", "x.txt", lines, b"x", side)
    assert a.outlet == "Example News" and a.published == date(2020, 1, 2)


def test_glued_sources_credit_is_split_in_the_texts_language():
    lines = [
        "馬斯克接受BBC採訪,談到收購推特的心路歷程。",
        "馬斯克接受BBC記者的直播採訪,共計吸引約300萬名聽眾。",
        "資料來源:BBCCNBCTechCrunchBloombergCNN",
    ]
    a = build_article("x", "x", "x.txt", lines, b"x", Sidecar(lang="zh-Hant"))
    assert a.credits["sources"] == "BBC、CNBC、TechCrunch、Bloomberg和CNN"
