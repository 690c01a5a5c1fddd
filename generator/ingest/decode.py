"""Bytes → text: BOMs, UTF-8, legacy code pages, binary detection, newline and bidi hygiene."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

import pycld2

from ..scripts import is_han

# A decoding scoring below this (0..1, see _plausibility) is not text: real articles score
# above 0.5 in every supported code page, random bytes below 0.05.
MIN_PLAUSIBILITY = 0.15
# Warning prefix for damaged UTF-8; ingest reports it in the build report.
INVALID_UTF8 = "invalid UTF-8"


class DecodeError(ValueError):
    """The file is not text we can read; the message says why, for the build report."""


# Tried in order when a file is not UTF-8. Each is a common legacy code page for news text;
# the winner is the decoding whose result reads most like language (see _plausibility).
LEGACY_ENCODINGS = ("big5", "gb18030", "cp1256", "iso8859-6", "cp1252", "shift_jis", "euc-kr", "koi8-r")

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bidi embedding/override/isolate controls reorder what a reader sees (U+202E "Trojan source"):
# an article must be displayed in logical order, so they are removed and reported.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# C0/C1 controls other than tab and newline carry no text; U+FFFE/U+FFFF are not characters
# (and are illegal in the XML feeds and sitemaps).
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Unicode's own line and paragraph separators are line breaks: left inside a line they would
# break YAML front matter and JSON-in-HTML consumers further down.
LINE_SEPARATORS = re.compile("[\u2028\u2029]")


def decode_bytes(data: bytes) -> tuple[str, str | None, list[str]]:
    """Return (text, encoding, warnings). Raises DecodeError for empty or binary input."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file contains only whitespace")
    text: str | None = None
    encoding = ""
    warnings: list[str] = []
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after byte-order mark: {exc.reason}") from None
            break
    if text is None:
        if _looks_binary(data):
            if _looks_utf16(data):
                raise DecodeError("UTF-16 text without a byte-order mark; save it as UTF-8")
            raise DecodeError("binary file, not text")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            first_bad = exc.start
            if _damaged_utf8(data):
                # UTF-8 with a few broken bytes (a truncated download, one bad byte): reading
                # it in a legacy code page would garble every other non-ASCII letter.
                text, encoding = data.decode("utf-8", "replace"), "utf-8"
                bad = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
                warnings.append(
                    f"{INVALID_UTF8}: {bad} byte sequence(s) shown as \ufffd, the first at byte {first_bad}"
                )
            else:
                text, encoding = _decode_legacy(data)
    if encoding not in ("utf-8",):
        warnings.append(f"decoded as {encoding}")
    text = normalize_text(text, warnings)
    if not text.strip():
        raise DecodeError("file contains only whitespace")
    return text, encoding, warnings


def normalize_text(text: str, warnings: list[str] | None = None) -> str:
    """The text with newlines unified, BOM, bidi overrides and control characters out, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = LINE_SEPARATORS.sub("\n", text)
    if BIDI_CONTROLS.search(text):
        text = BIDI_CONTROLS.sub("", text)
        if warnings is not None:
            warnings.append("removed bidirectional override characters")
    text = CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text)


# Valid multi-byte UTF-8 sequences. Legacy-encoded text almost never forms them by chance,
# so a file with many of them and few invalid bytes is damaged UTF-8, not a legacy code page.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _damaged_utf8(data: bytes) -> bool:
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = len(data.decode("utf-8", "replace")) - len(data.decode("utf-8", "ignore"))
    # Few broken bytes (at most 1 % of the file) among many valid multi-byte characters.
    return valid >= 3 * invalid and invalid <= max(1, len(data) // 100)


def _looks_utf16(data: bytes) -> bool:
    """ASCII-range text in UTF-16: every other byte is NUL, and nowhere else."""
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (
        max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.6
        and min(even.count(0), odd.count(0)) == 0
    )


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _decode_legacy(data: bytes) -> tuple[str, str]:
    best, best_score = None, -1.0
    for enc in LEGACY_ENCODINGS:
        try:
            candidate = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(candidate)
        if score > best_score:
            best, best_score = (candidate, enc), score
    if best is None or best_score < MIN_PLAUSIBILITY:
        raise DecodeError("not valid UTF-8 and not readable in any supported legacy encoding")
    return best


def _plausibility(text: str) -> float:
    """How much a decoding reads like language, 0..1.

    The product of four signals, each near 1 for the right decoding:
    - the share of letters and spaces (mojibake is full of symbols);
    - CLD2's confidence and reliability (it rejects most mojibake);
    - the share of words written in one script: a wrong single-byte code page puts letters
      of another script inside words ("groكer" is German cp1252 read as cp1256);
    - the share of Han characters among the frequently used ones: Big5 bytes read as GB18030,
      or GB bytes read as Big5, are valid but rare characters, and both code pages decode
      much of the other's text without error, so CLD2 alone cannot tell them apart.
    """
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha() or ch.isspace())
    share = letters / max(1, len(sample))
    penalty = (1.0 - _mixed_script_share(sample)) ** 2 * _frequent_han_share(sample) ** 2
    # Mojibake is full of symbols and rare letters; CLD2's reliability flag rejects it.
    # bestEffort: short texts (a one-line article) get a guess with a low score instead of
    # "unknown", so a short true decoding still beats mojibake.
    try:
        reliable, _, details = pycld2.detect(sample, bestEffort=True)
    except pycld2.error:
        return share * 0.1 * penalty
    if not details:
        return share * 0.1 * penalty
    _, _, percent, score = details[0]
    # CLD2's normalized score is lower for text made of rare characters (GB bytes read as Big5).
    return share * (percent / 100) * min(1.0, score / 1000) * (1.0 if reliable else 0.5) * penalty


# Scripts whose letters legitimately share a word: Japanese mixes kanji and kana, and CJK
# text runs Latin acronyms into Han without spaces ("AI晶片"). Any other pair in one word
# is a sign of a wrong code page.
_COMPATIBLE_SCRIPTS = ({"HAN", "KANA"}, {"HAN", "LATIN"}, {"KANA", "LATIN"}, {"HANGUL", "LATIN"})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "IDEOGRAPHIC"):
        return "HAN"
    if first in ("HIRAGANA", "KATAKANA", "HALFWIDTH") or name.startswith("KATAKANA"):
        return "KANA"
    if first in (
        "LATIN",
        "ARABIC",
        "CYRILLIC",
        "GREEK",
        "HEBREW",
        "HANGUL",
        "BOPOMOFO",
        "THAI",
        "ARMENIAN",
        "GEORGIAN",
        "DEVANAGARI",
    ):
        return first
    return None  # marks, ordinal indicators, … belong to no script here


def _mixed_script_share(text: str) -> float:
    words = mixed = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            words += 1
            continue
        scripts = {s for s in map(_script, word) if s}
        words += 1
        if len(scripts) > 1 and scripts not in _COMPATIBLE_SCRIPTS:
            mixed += 1
    return mixed / words if words else 0.0


@lru_cache(maxsize=65536)
def _frequent_han(ch: str) -> bool:
    """One of the ~3,755 level-1 characters of GB 2312 or the ~5,400 frequent ones of Big5."""
    try:
        b = ch.encode("gb2312")
        if len(b) == 2 and 0xB0 <= b[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        return len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E
    except UnicodeEncodeError:
        return False


def _frequent_han_share(text: str) -> float:
    han = [ch for ch in text if is_han(ch)]
    if not han:
        return 1.0
    return sum(map(_frequent_han, han)) / len(han)
