"""signature.number_features is text_features' numbers part, computed without the names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.link.signature import number_features, text_features

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    "text",
    [
        "4.000 Menschen, 4,000 people, 4 000 personnes, 16,9 Prozent, 1.5 and 7",
        "٤٠٠٠ شخص و ١٦٫٩ بالمئة، ۱۲۳۴ تومان",
        "2.300.000,50 € — 12.5.2024 — 1,234,567.891 — 3.14159 — 00123",
        "",
        "no numbers, only Names like PayPal and VivaTech",
    ],
)
def test_number_features_are_the_numbers_of_text_features(text):
    nums = {f for f in text_features("", text) if f.startswith("num:")}
    assert number_features(text) == nums
    assert all(f.startswith("num:") for f in number_features(text))


def test_number_features_agree_on_every_seed_paragraph():
    assert SEEDS, "the project's seeds/ folder"
    checked = 0
    for path in SEEDS:
        for para in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            assert number_features(para) == {f for f in text_features("", para) if f.startswith("num:")}
            checked += 1
    assert checked > len(SEEDS)
