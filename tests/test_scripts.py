"""generator/scripts.py: the script ranges every stage uses."""

import unicodedata

from generator.scripts import ARABIC_RE, HAN_RE, is_han


def test_han_range_agrees_with_unicode_names():
    for ch in "馬斯克推特億㐀丽":
        assert is_han(ch) and HAN_RE.match(ch), ch
    for ch in "Aاあ한1。":
        assert not is_han(ch) and not HAN_RE.match(ch), ch
    # what the range takes is named a CJK ideograph by Unicode, but for the Yijing hexagram
    # symbols that sit between Extension A and the main block (U+4DC0-4DFF; not news text)
    named = {unicodedata.name(chr(c), "") for c in range(0x3400, 0xA000) if is_han(chr(c))}
    assert {n.split(" ")[0] for n in named if n} == {"CJK", "HEXAGRAM"}


def test_arabic_range_takes_arabic_letters_and_forms_only():
    assert all(ARABIC_RE.match(ch) for ch in "ماسكﻻ٪")
    assert not any(ARABIC_RE.match(ch) for ch in "M馬a1")
