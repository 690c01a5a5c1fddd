"""decode_bytes: bytes of any seed file → text, or a DecodeError whose message is the report."""

from __future__ import annotations

import codecs
import random

import pytest

from generator.ingest.decode import DecodeError, decode_bytes

from .texts import ENGLISH, GERMAN, LEGACY_CASES, article_text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n\t\r\n  \n", "only whitespace"),
        ("\u3000\u00a0\n\u2003\n".encode("utf-8"), "only whitespace"),
        (codecs.BOM_UTF8 + b" \n", "only whitespace"),
        (codecs.BOM_UTF16_LE + " \n\t".encode("utf-16-le"), "only whitespace"),
    ],
)
def test_empty_and_whitespace_files_are_rejected_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_binary_file_is_rejected():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(png)


@pytest.mark.parametrize("seed", range(4))
def test_random_high_bytes_are_not_passed_off_as_a_legacy_code_page(seed):
    # No NUL, no control bytes: only the plausibility of each decoding can reject it.
    rng = random.Random(seed)
    junk = bytes(rng.randrange(0x80, 0x100) for _ in range(rng.choice([40, 400, 4000])))
    with pytest.raises(DecodeError, match="not valid UTF-8"):
        decode_bytes(junk)


@pytest.mark.parametrize(
    "codec, bom",
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-8", codecs.BOM_UTF8),
    ],
)
def test_unicode_with_byte_order_mark(codec, bom):
    text = article_text(GERMAN)
    decoded, encoding, _ = decode_bytes(bom + text.encode(codec))
    assert decoded == text
    assert encoding == codec
    assert "\ufeff" not in decoded


def test_utf16_without_bom_gets_a_clear_reason():
    with pytest.raises(DecodeError, match="UTF-16.*byte-order mark"):
        decode_bytes(article_text(ENGLISH).encode("utf-16-le"))


def test_damaged_utf8_keeps_the_text_and_says_where():
    text = article_text(GERMAN)
    data = text.encode("utf-8")
    at = data.index(b" hat am")
    broken = data[:at] + b"\xff" + data[at:]
    decoded, encoding, warnings = decode_bytes(broken)
    assert encoding == "utf-8"
    # Every other umlaut survives; only the bad byte is replaced (not read as cp1252 mojibake).
    assert decoded.replace("\ufffd", "") == text
    assert decoded.count("\ufffd") == 1
    assert any("invalid UTF-8" in w and f"byte {at}" in w for w in warnings)


def test_truncated_multibyte_character_at_the_end():
    data = article_text(
        BIG5_ZH_HANT_UTF8 := ("台北捷運環狀線", ["台北市政府今天宣布，捷運環狀線第二階段工程將於明年動工。"])
    ).encode()
    decoded, encoding, warnings = decode_bytes(data.rstrip(b"\n")[:-1])
    assert encoding == "utf-8"
    assert decoded.startswith(BIG5_ZH_HANT_UTF8[0])
    assert warnings


@pytest.mark.parametrize("case, sample, codec", LEGACY_CASES, ids=[c[0] for c in LEGACY_CASES])
def test_legacy_code_pages_decode_to_the_original_text(case, sample, codec):
    text = article_text(sample)
    decoded, encoding, warnings = decode_bytes(text.encode(codec))
    assert decoded == text
    assert f"decoded as {encoding}" in warnings


@pytest.mark.parametrize("case, sample, codec", LEGACY_CASES, ids=[c[0] for c in LEGACY_CASES])
def test_legacy_code_pages_decode_short_texts(case, sample, codec):
    """One line is the hard case: little text for the language identifier to go on."""
    title, paragraphs = sample
    for text in [title, paragraphs[0], title + "\n" + paragraphs[-1]]:
        decoded, _, _ = decode_bytes(text.encode(codec))
        assert decoded == text


def test_big5_and_gb18030_are_told_apart_both_ways():
    # Each code page decodes much of the other's bytes without error; the decoding of
    # frequently used characters must win.
    for sample, right in ((LEGACY_CASES[0][1], "big5"), (LEGACY_CASES[1][1], "gb18030")):
        for paragraph in sample[1]:
            assert decode_bytes(paragraph.encode(right))[1] == right


def test_cp1256_and_iso8859_6_are_told_apart():
    text = article_text(LEGACY_CASES[3][1])
    assert decode_bytes(text.encode("cp1256"))[0] == text
    assert decode_bytes(text.encode("iso8859-6"))[0] == text


def test_newlines_controls_and_separators_are_normalized():
    decoded, _, _ = decode_bytes("Title\r\nLine one\rLine two\u2028Line three\x07\x1bx\ufffe".encode("utf-8"))
    assert decoded == "Title\nLine one\nLine two\nLine three" + "x"


def test_bidi_overrides_are_removed_and_reported():
    text = "Invoice total\nThe amount is \u202e0001\u202c dollars.\n"
    decoded, _, warnings = decode_bytes(text.encode("utf-8"))
    assert "\u202e" not in decoded and "\u202c" not in decoded
    assert "The amount is 0001 dollars." in decoded
    assert any("bidirectional" in w for w in warnings)


def test_emoji_and_astral_characters_survive():
    text = (
        "Launch day 🚀\nThe rocket 🚀 lifted off at dawn; crowds cheered 👏🏽. 𠀋 is a rare Han character.\n"
    )
    assert decode_bytes(text.encode("utf-8"))[0] == text


def test_text_is_nfc_normalized():
    assert decode_bytes("Cafe\u0301 ouvert".encode("utf-8"))[0] == "Café ouvert"
