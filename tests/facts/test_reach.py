from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts.reach import (
    char_after,
    char_before,
    char_class,
    char_positions,
    inside_word,
    reach_back,
    reach_forward,
    token_starts_ends,
)


def test_char_positions_of_a_class():
    rx = char_class("$€")
    assert char_positions("5 $ and 3€", rx) == [2, 9]
    assert char_class("") is None and char_positions("abc", None) == []


def test_reach_back_crosses_at_most_the_limit_of_spaces():
    text = "12   $"
    assert reach_back(text, [5], limit=2) == {3, 4, 5}
    assert reach_back(text, [5], limit=10) == {2, 3, 4, 5}
    assert reach_back("12x$", [3]) == {3}


def test_reach_forward_crosses_spaces_after_an_end():
    text = "US$  12"
    assert reach_forward(text, [3], limit=2) == {3, 4, 5}
    assert reach_forward(text, [3], limit=1) == {3, 4}


def test_char_after_and_before_skip_the_given_spaces():
    assert char_after("12 \u00a0%", 2) == "%"
    assert char_after("12  ", 2) == ""
    assert char_before("USD  12", 5) == "D"
    assert char_before("  12", 2) == ""
    assert char_after("12-%", 2, " -") == "%"


def test_inside_word_only_between_letters():
    assert inside_word("5mkr", 2)  # a scale letter glued to a symbol
    assert not inside_word("5 kr", 2)
    assert not inside_word("kr", 0) and not inside_word("kr", 2)


def test_token_triggers_are_whole_words():
    text = "the USD and USDX, USD."
    starts, ends = token_starts_ends(text, lambda t: t == "USD", {})
    assert starts == [4, 18] and ends == [7, 21]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("fF of5 \u00a0\u202fx%")), max_size=30))
def test_starts_behind_is_chars_behind_off_the_spaces(text):
    """starts_behind holds exactly the positions of chars_behind where no space stands."""
    from generator.facts.reach import chars_behind, starts_behind

    spaces = " \u00a0"
    want = {p for p in chars_behind(text, "fF", spaces) if p == len(text) or text[p] not in spaces}
    assert starts_behind(text, "fF", spaces) == want


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab个個年 %‰oO\u00a0x1")), max_size=40),
    st.sets(st.sampled_from(list("ab个個年%‰oOxyz1")), max_size=14),
)
def test_char_positions_are_the_class_matches(text, chars):
    """char_positions gives the positions a plain scan of the class gives, in text order,
    whether it finds them with str.find (few characters) or with the regex."""
    import re

    rx = char_class(chars)
    want = [] if rx is None else [m.start() for m in re.finditer(rx.pattern, text)]
    assert char_positions(text, rx) == want
