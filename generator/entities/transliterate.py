"""Romanization for display and phonetic skeletons for cross-script name matching.

``transliterate`` gives a readable Latin form of a name (pypinyin for Chinese, anyascii
otherwise). ``skeleton`` reduces a name in any script to consonant classes so that
馬斯克 (ma si ke), ماسك (msk) and Musk all become ``MSK``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from ..scripts import ARABIC_RE as _ARABIC
from ..scripts import HAN_RE as _HAN


@lru_cache(maxsize=1)
def _pinyin():
    try:
        from pypinyin import Style, lazy_pinyin

        return lambda s: lazy_pinyin(s, style=Style.NORMAL, errors="default")
    except Exception:  # pragma: no cover - pypinyin is a dependency
        return None


def has_han(s: str) -> bool:
    """Return whether ``s`` holds a Han character."""
    return bool(_HAN.search(s or ""))


def has_arabic(s: str) -> bool:
    """Return whether ``s`` holds an Arabic-script letter."""
    return bool(_ARABIC.search(s or ""))


@lru_cache(maxsize=65536)
def transliterate(name: str) -> str:
    """A Latin-script reading of ``name``: "馬斯克" → "Ma Sike", "إيلون ماسك" → "ylwn msk".

    Chinese uses pypinyin (syllables of one word run together, words of a name split
    on ·); everything else goes through anyascii. Latin input comes back unchanged.
    """
    try:
        if not name:
            return ""
        if has_han(name):
            py = _pinyin()
            parts = re.split(r"[·・•‧\s]+", name)
            out = []
            for part in parts:
                if not part:
                    continue
                if py is not None and has_han(part):
                    syl = [s for s in py(part) if s.strip()]
                    word = "".join(syl)
                else:
                    word = anyascii(part)
                out.append(word[:1].upper() + word[1:])
            return " ".join(out).strip()
        if name.isascii():
            return name
        return re.sub(r"\s+", " ", anyascii(name)).strip()
    except Exception:
        return name or ""


# ---------------------------------------------------------------- skeletons
# Consonant classes: P (p b), F (f v ph), T (t d th), K (k g c q j ch-before-consonant),
# S (s z x sh ch zh ts), L (l r), M, N; vowels, h, w, y dropped.
_AR_MAP = {
    "ب": "P",
    "پ": "P",
    "ت": "T",
    "ث": "S",
    "ج": "K",
    "چ": "S",
    "ح": "",
    "خ": "K",
    "د": "T",
    "ذ": "S",
    "ر": "L",
    "ز": "S",
    "ژ": "S",
    "س": "S",
    "ش": "S",
    "ص": "S",
    "ض": "T",
    "ط": "T",
    "ظ": "S",
    "ع": "",
    "غ": "K",
    "ف": "F",
    "ڤ": "F",
    "ق": "K",
    "ك": "K",
    "ک": "K",
    "گ": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "",
    "ة": "",
    "و": "",
    "ي": "",
    "ى": "",
    "ی": "",
    "ا": "",
    "أ": "",
    "إ": "",
    "آ": "",
    "ء": "",
    "ؤ": "",
    "ئ": "",
    "ٱ": "",
}

_LAT_RULES = [
    (re.compile(r"sch"), "S"),
    (re.compile(r"tsch"), "S"),
    (re.compile(r"ch(?=[rlnmtbdkpsfgv])"), "K"),
    (re.compile(r"^ch(?=[aeiou])"), "S"),
    (re.compile(r"ch"), "S"),
    (re.compile(r"sh|zh|ts|tz"), "S"),
    (re.compile(r"ph"), "F"),
    (re.compile(r"th"), "T"),
    (re.compile(r"ck|qu|kh|gh"), "K"),
    (re.compile(r"c(?=[eiy])"), "S"),
    (re.compile(r"x"), "KS"),
    (re.compile(r"ng$"), "N"),
]
_LAT_CLASS = {
    "p": "P",
    "b": "P",
    "f": "F",
    "v": "F",
    "t": "T",
    "d": "T",
    "k": "K",
    "g": "K",
    "c": "K",
    "q": "K",
    "j": "K",
    "s": "S",
    "z": "S",
    "l": "L",
    "r": "L",
    "m": "M",
    "n": "N",
}
# pinyin initials: x, q, j are palatals used for s/ch/j/g sounds in transliteration
_PY_RULES = [
    (re.compile(r"^zh|^ch|^sh"), "S"),
    (re.compile(r"^x"), "S"),
    (re.compile(r"^q"), "K"),
    (re.compile(r"^j"), "K"),
    (re.compile(r"^c"), "S"),
    (re.compile(r"^z"), "S"),
    (re.compile(r"^r"), "L"),
    (re.compile(r"ng$"), "N"),
]


def _collapse(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _latin_word_skeleton(word: str) -> str:
    w = anyascii(word).lower()
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return ""
    for rx, rep in _LAT_RULES:
        w = rx.sub(rep, w)
    out = "".join(ch if ch.isupper() else _LAT_CLASS.get(ch, "") for ch in w)
    return _collapse(out)


def _pinyin_syllable_skeleton(syl: str) -> str:
    s = syl.lower()
    for rx, rep in _PY_RULES:
        s = rx.sub(rep, s)
    return "".join(ch if ch.isupper() else _LAT_CLASS.get(ch, "") for ch in s)


@lru_cache(maxsize=65536)
def skeleton_tokens(name: str) -> tuple[str, ...]:
    """Per-word consonant skeletons of a name in any script."""
    try:
        name = unicodedata.normalize("NFKC", name or "")
        words = [w for w in re.split(r"[\s·・•‧\-‐_.]+", name) if w]
        out = []
        for w in words:
            if has_han(w):
                py = _pinyin()
                syls = py(w) if py else [anyascii(w)]
                sk = "".join(_pinyin_syllable_skeleton(s) for s in syls)
            elif has_arabic(w):
                sk = "".join(
                    _AR_MAP.get(ch, "" if _ARABIC.match(ch) else _LAT_CLASS.get(ch.lower(), "")) for ch in w
                )
            else:
                sk = _latin_word_skeleton(w)
            sk = _collapse(sk)
            if sk:
                out.append(sk)
        return tuple(out)
    except Exception:
        return ()


@lru_cache(maxsize=1 << 18)
def skeleton(name: str) -> str:
    """Consonant-class skeleton of the whole name: "Elon Musk" / "إيلون ماسك" → "LNMSK"."""
    return _collapse("".join(skeleton_tokens(name)))


def skeleton_similarity(a: str, b: str) -> float:
    """1.0 for equal skeletons, less with edit distance; 0 when either is empty."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if abs(la - lb) > 2:
        return 0.0
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
        prev = cur
    d = prev[lb]
    return max(0.0, 1.0 - d / max(la, lb))
