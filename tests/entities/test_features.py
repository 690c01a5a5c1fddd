from generator.entities.features import ordinal_dot, word_spans


def words(text: str, lang: str = "") -> list[str]:
    return [text[s:e] for s, e in word_spans(text, lang)]


def test_initials_and_roman_numerals_keep_their_dot_as_in_the_corpora():
    assert words("George W. Bush sagte.") == ["George", "W.", "Bush", "sagte", "."]
    assert words("Joseph II. wurde Kaiser") == ["Joseph", "II.", "wurde", "Kaiser"]
    assert words("Ludwig XIV. von Frankreich") == ["Ludwig", "XIV.", "von", "Frankreich"]
    # a word that merely ends like one, or a dot that ends the text, stays apart
    assert words("Er sah VIVA. Dann LIVE.") == ["Er", "sah", "VIVA", ".", "Dann", "LIVE", "."]
    assert words("Plan B.") == ["Plan", "B", "."]
    assert words("die U.S. Army, z.B. hier") == ["die", "U.S.", "Army", ",", "z.B.", "hier"]


def test_ordinal_numbers_keep_their_dot_only_where_cldr_writes_them_so():
    assert ordinal_dot("de") and ordinal_dot("da")
    assert not ordinal_dot("en") and not ordinal_dot("ar") and not ordinal_dot("")
    assert not ordinal_dot("latin")  # a model family, not a language: no guess
    assert words("Der 1. FC Köln", "de") == ["Der", "1.", "FC", "Köln"]
    assert words("Der 1. FC Köln", "en") == ["Der", "1", ".", "FC", "Köln"]
    # a year at a sentence end is not an ordinal (four digits)
    assert words("im Jahr 1990. Der", "de") == ["im", "Jahr", "1990", ".", "Der"]


def test_combining_marks_stay_inside_their_word():
    assert words("تركيّا والمدينة المنوّرة") == ["تركيّا", "والمدينة", "المنوّرة"]
    assert words("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]
    assert words("Cre\u0300me") == ["Cre\u0300me"]
