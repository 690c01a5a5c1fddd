"""Language identification → BCP 47 tags (zh-Hant / zh-Hans told apart)."""

from __future__ import annotations

import re

import pycld2

# CLD2 names Chinese scripts with its own codes; everything else is already BCP 47.
CLD2_TO_BCP47 = {"zh": "zh-Hans", "zh-Hant": "zh-Hant", "iw": "he", "un": "und", "xx-Qaai": "und"}

_CLD2_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def detect_language(text: str) -> tuple[str, float]:
    """Return (BCP 47 tag, share of the text in it 0..1); ("und", 0) when unsure."""
    sample = _CLD2_ILLEGAL.sub(" ", text[:100_000])
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:
        return "und", 0.0
    name, code, percent, _ = details[0]
    tag = CLD2_TO_BCP47.get(code, code)
    if tag == "und":
        return tag, 0.0
    return tag, percent / 100 if reliable else percent / 200


def detect_mix(text: str) -> list[tuple[str, float]]:
    """Languages making up at least 10 % of the text, largest first."""
    sample = _CLD2_ILLEGAL.sub(" ", text[:100_000])
    try:
        _, _, details = pycld2.detect(sample)
    except pycld2.error:
        return []
    out = []
    for _, code, percent, _ in details:
        tag = CLD2_TO_BCP47.get(code, code)
        if tag != "und" and percent >= 10:
            out.append((tag, percent / 100))
    return out


def normalize_tag(tag: str) -> str:
    """Canonical casing of a BCP 47 tag given by a user: zh-hant → zh-Hant, EN → en."""
    parts = re.split(r"[-_]", tag.strip())
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 4 and p.isalpha():
            out.append(p.title())
        elif len(p) in (2, 3) and (p.isalpha() or p.isdigit()):
            out.append(p.upper())
        else:
            out.append(p)
    return "-".join(out)


def script_direction(tag: str) -> str:
    """'rtl' or 'ltr', from CLDR (Babel) so new languages need no code."""
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        try:
            loc = Locale.parse(tag.split("-")[0])
        except (ValueError, UnknownLocaleError):
            return "ltr"
    return "rtl" if loc.character_order == "right-to-left" else "ltr"
