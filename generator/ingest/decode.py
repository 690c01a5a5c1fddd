"""Bytes → text: BOMs, UTF-8, legacy code pages, binary detection, newline and bidi hygiene."""
from __future__ import annotations

import codecs
import re
import unicodedata

import pycld2


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
# C0/C1 controls other than tab and newline carry no text.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings). Raises DecodeError for empty or binary input."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file contains only whitespace")
    text = encoding = None
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after byte-order mark: {exc.reason}") from None
            break
    if text is None:
        if _looks_binary(data):
            raise DecodeError("binary file, not text")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
    warnings = []
    if encoding not in ("utf-8",):
        warnings.append(f"decoded as {encoding}")
    text = normalize_text(text, warnings)
    if not text.strip():
        raise DecodeError("file contains only whitespace")
    return text, encoding, warnings


def normalize_text(text: str, warnings: list[str] | None = None) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if BIDI_CONTROLS.search(text):
        text = BIDI_CONTROLS.sub("", text)
        if warnings is not None:
            warnings.append("removed bidirectional override characters")
    text = CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text)


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
    if best is None or best_score <= 0:
        raise DecodeError("not valid UTF-8 and not readable in any supported legacy encoding")
    return best


def _plausibility(text: str) -> float:
    """How much a decoding reads like language: letters share × language-ID confidence."""
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha() or ch.isspace())
    share = letters / max(1, len(sample))
    # Mojibake is full of symbols and rare letters; CLD2's reliability flag rejects it.
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:
        return share * 0.1
    if not details:
        return share * 0.1
    _, _, percent, score = details[0]
    # CLD2's normalized score is lower for text made of rare characters (GB bytes read as Big5).
    return share * (percent / 100) * min(1.0, score / 1000) * (1.0 if reliable else 0.5)
