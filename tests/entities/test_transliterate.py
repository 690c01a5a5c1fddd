from generator.entities.transliterate import skeleton, skeleton_similarity, transliterate


def test_transliterate_scripts():
    assert transliterate("馬斯克").lower() == "masike"
    assert transliterate("薩蒂亞·納德拉") == "Sadiya Nadela"
    assert transliterate("ماسك") == "msk"
    assert transliterate("Elon Musk") == "Elon Musk"
    assert transliterate("") == ""


def test_skeletons_meet_across_scripts():
    assert skeleton("馬斯克") == skeleton("ماسك") == skeleton("Musk")
    assert skeleton("納德拉") == skeleton("Nadella")
    assert skeleton("斯皮羅") == skeleton("Spiro")
    assert skeleton("ليندا ياكارينو") == skeleton("Linda Yaccarino")
    assert skeleton("إيلون ماسك") == skeleton("伊隆·馬斯克") == skeleton("Elon Musk")
    assert skeleton_similarity("LNTKLN", "LNTKLN") == 1.0
    assert skeleton_similarity("MSK", "") == 0.0
