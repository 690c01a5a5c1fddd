"""German, English and other Latin-script languages: capitalisation + lexicons + cue words.

German capitalises every noun, so a capitalised word is a name candidate only when it is
not a known common noun: HanTa's lexicon (when the package is installed) tells nouns from
proper nouns, and compounds of known nouns (Werbegiganten = Werbe + giganten) count as
nouns. Types come from suffixes (GmbH, AG, Verlag → organization), cue words (Herr,
Minister, CEO → person; in/nach + name → place), first names and gazetteers (Babel/CLDR
territories, cities).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as L
from .recognize import Cand

_TOKEN = re.compile(r"[^\W_](?:[\w’'&]|[.\-/](?=\w))*", re.UNICODE)
_SENT_END = re.compile(r"[.!?:;…„“\"»«(\[–—]\s*$|^\s*$|\n\s*$")
_CONNECT = {"von", "van", "de", "der", "den", "zu", "da", "di", "del", "della", "la", "le", "du", "dos",
            "das", "ter", "bin", "al", "el", "y", "of", "und", "&", "für", "for"}
_ORG_INNER = {"of", "für", "for", "und", "&", "de", "der", "des"}
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&\-/]{1,7}$")


@lru_cache(maxsize=2)
def _tagger(lang: str):
    try:
        from HanTa import HanoverTagger as ht
        return ht.HanoverTagger("morphmodel_ger.pgz" if lang == "de" else "morphmodel_en.pgz")
    except Exception:
        return None


@lru_cache(maxsize=1)
def _loc_gaz() -> dict[str, frozenset]:
    t = L.territory_names()
    out = {}
    for lang in ("de", "en", "latin"):
        names = set(L.CITIES_LATIN) | set(L.EXTRA_LOC.get(lang, ()))
        for g in (("de", "en", "fr") if lang != "en" else ("en", "de")):
            names |= set(t.get(g, ()))
        out[lang] = frozenset(names)
    return out


_PROPER_TAGS_DE = {"NE"}
_PROPER_TAGS_EN = {"NP0", "NP0-NN1", "NN1-NP0"}


@lru_cache(maxsize=200000)
def _word_class(word: str, lang: str) -> str:
    """'proper', 'common' (a known common noun or other word class) or 'unknown'."""
    tagger = _tagger("de" if lang == "de" else "en") if lang in ("de", "en") else None
    if tagger is None:
        return "unknown"
    low = word.lower()
    tags = tagger.cache.get(low)
    proper = _PROPER_TAGS_DE if lang == "de" else _PROPER_TAGS_EN
    if tags:
        best = max(tags, key=lambda tp: tp[1])
        name = tagger.int2tag.get(best[0], "")
        if name in proper:
            return "proper"
        # a proper reading close to the best one
        for t, p in tags:
            if tagger.int2tag.get(t, "") in proper and p > best[1] - 1.5:
                return "proper"
        return "common"
    if lang == "de":
        # compound of known common nouns: Werbegiganten, Tagesordnungspunkt
        for i in range(3, len(low) - 3):
            head = low[i:]
            ht = tagger.cache.get(head)
            if ht and len(head) >= 4:
                best = max(ht, key=lambda tp: tp[1])
                if tagger.int2tag.get(best[0], "").startswith("NN"):
                    return "common"
        if re.search(r"(ung|ungen|heit|keit|schaft|tion|tät|ismus|isten|ist|chen|lein|ment|ium|nis|tum)$", low):
            return "common"
    return "unknown"


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def latin_cands(text: str, fam: str) -> list[Cand]:
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    n = len(toks)
    gaz = _loc_gaz()["de" if fam == "de" else ("en" if fam == "en" else "latin")]
    out: list[Cand] = []

    def sent_start(i: int) -> bool:
        before = text[toks[i - 1][1]:toks[i][0]] if i > 0 else ""
        return i == 0 or bool(_SENT_END.search(before)) or (i > 0 and toks[i - 1][2] in ("„", "“"))

    def gap(i: int) -> str:
        return text[toks[i][1]:toks[i + 1][0]] if i + 1 < n else ""

    def in_gaz(tok: str) -> bool:
        if tok in gaz:
            return True
        if fam == "de" and tok.endswith("s") and tok[:-1] in gaz:
            return True
        return False

    def nameish(i: int) -> bool:
        tok = toks[i][2]
        if not _is_cap(tok) or tok in L.DE_NON_NAMES or tok in L.PER_CUES_LATIN:
            return False
        if tok.isdigit():
            return False
        if _ACRONYM.match(tok):
            return tok not in L.LATIN_STOP_ACRONYMS
        if in_gaz(tok) or tok in L.LATIN_FIRST_NAMES or tok in L.ORG_SUFFIXES_LATIN or tok in L.ORG_PREFIXES_LATIN:
            return True
        base = tok.split("-")[0] if fam == "de" and "-" in tok else tok
        cls = _word_class(base.rstrip("s") if fam == "de" and base.endswith("s") and _word_class(base, fam) == "unknown" else base, fam)
        if cls == "common":
            # genitive of a name: Europas, Frankreichs
            return False
        if cls == "proper":
            return True
        # unknown word
        if fam in ("de", "en"):
            return True
        return not sent_start(i)

    i = 0
    while i < n:
        if not nameish(i):
            i += 1
            continue
        j = i
        while j + 1 < n:
            g = gap(j)
            if g.strip() not in ("", "-") or "\n" in g:
                break
            if nameish(j + 1):
                j += 1
                continue
            nxt = toks[j + 1][2]
            if nxt in _CONNECT and j + 2 < n and nameish(j + 2) and gap(j + 1).strip() == "" \
                    and (toks[i][2] in L.LATIN_FIRST_NAMES or nxt in _ORG_INNER):
                j += 2
                continue
            break
        span = [toks[k][2] for k in range(i, j + 1)]
        s, e = toks[i][0], toks[j][1]
        typ, prio = _classify(span, i, j, toks, text, fam, gaz, in_gaz, sent_start(i))
        if typ:
            out.append(Cand(s, e, typ, prio))
        i = j + 1
    return out


def _classify(span, i, j, toks, text, fam, gaz, in_gaz, at_start):
    prev = toks[i - 1][2] if i > 0 else ""
    prev2 = toks[i - 2][2] if i > 1 else ""
    nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
    full = " ".join(span)
    if any(w in L.ORG_SUFFIXES_LATIN for w in span[1:]) or span[0] in L.ORG_PREFIXES_LATIN and len(span) > 1 \
            or any(w in ("GmbH", "AG", "Inc", "Inc.", "Ltd", "LLC", "e.V.", "SE") for w in span):
        return "organization", 35
    if len(span) == 1 and in_gaz(span[0]):
        return "place", 35
    if in_gaz(full):
        return "place", 35
    if span[0] in L.LATIN_FIRST_NAMES and len(span) >= 2 and not in_gaz(span[-1]):
        return "person", 35
    if prev in L.PER_CUES_LATIN or prev.rstrip(".") + "." in L.PER_CUES_LATIN:
        return "person", 30
    if nxt in L.PER_POST_CUES_LATIN and len(span) <= 3:
        return "person", 25
    if len(span) == 1 and _ACRONYM.match(span[0]):
        return "organization", 25
    if prev in L.LOC_CUES_LATIN or prev.lower() in ("in", "nach", "aus", "im", "bei"):
        if len(span) == 1 and fam == "de" and span[0].lower().endswith(L.LOC_SUFFIXES_DE):
            return "place", 25
        if prev in ("in", "nach", "aus", "Stadt", "Gemeinde", "Dorf", "Region", "Provinz"):
            return "place", 20
    if len(span) == 1 and fam == "de" and span[0].lower().endswith(L.LOC_SUFFIXES_DE[:12]):
        return "place", 15
    if len(span) >= 2:
        if all(w[:1].isupper() for w in span) and len(span) <= 3:
            return "person", 15
        return "organization", 10
    # single unknown proper word without cue
    if at_start:
        return None, 0
    return "person", 8
