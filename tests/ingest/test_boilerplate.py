"""clean(): raw lines → title and paragraphs; markup in the text is kept as text."""

from __future__ import annotations

from generator.ingest.boilerplate import clean

from .texts import ENGLISH


def test_one_line_article_is_title_and_text():
    line = "Oil prices rose 3% on Monday after producers announced output cuts."
    c = clean([line])
    assert c.title == line
    assert c.paragraphs == [line]


def test_no_lines_no_article():
    assert clean([]).paragraphs == []
    assert clean(["", "   "]).paragraphs == []


def test_leading_rules_are_not_the_title():
    title, paragraphs = ENGLISH
    c = clean(["---", "***", "", title, *paragraphs])
    assert c.title == title
    assert c.paragraphs == paragraphs


def test_text_without_letters_or_digits_has_no_article():
    assert clean(["---", "***", "• • •"]).paragraphs == []


def test_front_matter_block_is_kept_as_text():
    c = clean(
        [
            "---",
            "title: <b>pwned</b>",
            "template: evil.html",
            "---",
            "The council approved the budget on Tuesday after a long debate.",
        ]
    )
    assert c.title == "title: <b>pwned</b>"
    assert "template: evil.html" in c.paragraphs
    assert c.paragraphs[-1].startswith("The council")


def test_markup_is_left_alone():
    payload = [
        'Click <script>alert("x")</script> and <img src=x onerror=alert(1)> now.',
        "Template {{ config.site_name }} and {% include 'x.html' %} stay as typed.",
        "# Not a heading, **not bold**, [not a link](javascript:alert(1)).",
        "Emoji 🚀 and arrows → stay.",
    ]
    c = clean(["Markup test headline", *payload])
    assert c.paragraphs == payload
