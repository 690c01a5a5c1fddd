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
from .cand import Cand

_TOKEN = re.compile(r"[^\W_](?:[\w’'&]|[.\-/](?=\w))*", re.UNICODE)
_SENT_END = re.compile(r"[.!?:;…„“\"»«(\[–—]\s*$|\n\s*$")
_CONNECT = {
    "von",
    "van",
    "de",
    "der",
    "den",
    "zu",
    "da",
    "di",
    "del",
    "della",
    "la",
    "le",
    "du",
    "dos",
    "das",
    "ter",
    "bin",
    "al",
    "el",
    "y",
    "of",
    "&",
    "für",
    "for",
    "an",
}
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
_ORG_INNER = {"of", "für", "for", "und", "&", "de", "der", "des"}
_LEGAL_FORMS = {
    "GmbH",
    "AG",
    "SE",
    "KG",
    "KGaA",
    "OHG",
    "e.V.",
    "eV",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
    "Corp",
    "Corp.",
    "plc",
    "S.A.",
    "SA",
    "SpA",
    "S.p.A.",
    "B.V.",
    "N.V.",
    "GbR",
    "UG",
}
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
        names = set(L.CITIES_LATIN) | set(L.EXTRA_LOC.get(lang, ())) | L.zone_cities()["en"]
        names |= L.zone_cities()["de" if lang != "en" else "en"]
        for g in ("de", "en", "fr") if lang != "en" else ("en", "de"):
            names |= set(t.get(g, ()))
        out[lang] = frozenset(names)
    return out


_PROPER_TAGS_DE = {"NE"}
_PROPER_TAGS_EN = {"NP0", "NP0-NN1", "NN1-NP0"}


@lru_cache(maxsize=200000)
def _word_class(word: str, lang: str) -> str:
    """'proper', 'common' or 'unknown', from HanTa's lexicon and morphology."""
    tagger = _tagger("de" if lang == "de" else "en") if lang in ("de", "en") else None
    if tagger is None or not word:
        return "unknown"
    try:
        tags = tagger.tag_word(word)
    except Exception:
        return "unknown"
    if not tags:
        return "unknown"
    proper = _PROPER_TAGS_DE if lang == "de" else _PROPER_TAGS_EN
    best_p = float(tags[0][1])
    known = best_p > -20.0
    ne_p = max((float(p) for t, p in tags if t in proper), default=None)
    other_p = max((float(p) for t, p in tags if t not in proper), default=None)
    if not known:
        if ne_p is not None and (other_p is None or ne_p > other_p - 2.0):
            return "common" if lang == "de" and _looks_common_de(word) else "unknown"
        return "common"
    if ne_p is None:
        return "common"
    if other_p is None or ne_p > other_p + 1.5:
        return "proper"
    return "common"  # Hebel, Baum, Halle: a name reading exists, the noun reading wins


_NOUN_SUFFIXES_DE = (
    "ung",
    "ungen",
    "heit",
    "keit",
    "schaft",
    "tion",
    "ismus",
    "ität",
    "tum",
    "chen",
    "lein",
    "nisse",
    "ierung",
    "logie",
    "grafie",
    "graphie",
    "ik",
    "ei",
)
_LINKS = ("s", "es", "n", "en", "e", "")


@lru_cache(maxsize=50000)
def _known_de(word: str, noun: bool) -> bool:
    """HanTa knows the word (as a noun when ``noun``): a compound part."""
    tagger = _tagger("de")
    if tagger is None or len(word) < 3:
        return False
    try:
        tags = tagger.tag_word(word)
    except Exception:
        return False
    if not tags or float(tags[0][1]) <= -20.0:
        return False
    return not noun or tags[0][0] in ("NN", "NNA")


@lru_cache(maxsize=100000)
def _compound_de(word: str, depth: int = 0) -> bool:
    """word = known word(s) + known noun, with a linking s/es/n/en/e: Frauen|fußball|welt."""
    if depth > 2 or len(word) < 6:
        return False
    for k in range(3, len(word) - 3):
        tail = word[k:]
        if not _known_de(tail[0].upper() + tail[1:], True):
            continue
        head = word[:k]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            h = head[: -len(link)] if link else head
            if len(h) < 3:
                continue
            hc = h[0].upper() + h[1:].lower()
            if (
                _known_de(h, False)
                or _known_de(h.lower(), False)
                or _known_de(hc, False)
                or _compound_de(hc, depth + 1)
            ):
                return True
    return False


@lru_cache(maxsize=100000)
def _looks_common_de(word: str) -> bool:
    """An out-of-lexicon capitalised word that is still a common noun: a compound of known
    words (Frauenfußballwelt = Frauen + fußball + welt), a noun suffix (-ung, -heit, -schaft),
    or an English common word (Tournament, Award, Software)."""
    if word.islower() or "-" in word or not word[:1].isupper():
        return False
    low = word.lower()
    if low.endswith(_NOUN_SUFFIXES_DE) and len(word) >= 7 and low[-1] != "i":
        return True
    if _compound_de(word):
        return True
    # agent nouns of known verbs: Vernehmer (vernehmen), Betrachter (betrachten)
    if low.endswith("er") and len(low) >= 6:
        for verb in (low[:-2] + "en", low[:-2] + "n", low[:-3] + "en"):
            if _known_de(verb, False):
                return True
    en = _tagger("en")
    if en is not None:
        for w in (low, low[:-1]) if low.endswith("s") and len(low) > 4 else (low,):
            try:
                tags = en.tag_word(w)
                if tags and float(tags[0][1]) > -16.0 and tags[0][0] not in _PROPER_TAGS_EN:
                    return True
            except Exception:
                pass
    return False


def word_class(word: str, lang: str) -> str:
    """'proper', 'common' or 'unknown' for a word, from HanTa's lexicon (de, en)."""
    return _word_class(word, lang)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


class _Reader:
    """One text being read: its tokens, the family's gazetteer and the tests on tokens."""

    def __init__(self, text: str, fam: str):
        self.text = text
        self.fam = fam
        self.toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        self.gaz = _loc_gaz()["de" if fam == "de" else ("en" if fam == "en" else "latin")]

    def sent_start(self, i: int) -> bool:
        """Whether token i starts a sentence (or a quotation)."""
        toks = self.toks
        before = self.text[toks[i - 1][1] : toks[i][0]] if i > 0 else ""
        return i == 0 or bool(_SENT_END.search(before)) or (i > 0 and toks[i - 1][2] in ("„", "“"))

    def gap(self, i: int) -> str:
        """The text between token i and the next."""
        return self.text[self.toks[i][1] : self.toks[i + 1][0]] if i + 1 < len(self.toks) else ""

    def in_gaz(self, tok: str) -> bool:
        """Whether a token is a place of the gazetteer (German genitive s read through)."""
        if tok in self.gaz:
            return True
        return self.fam == "de" and tok.endswith("s") and tok[:-1] in self.gaz

    def nameish(self, i: int) -> bool:
        """Whether token i can be (part of) a name: capitalised and not a known common word."""
        tok, fam = self.toks[i][2], self.fam
        if not _is_cap(tok) or tok in L.DE_NON_NAMES or tok in L.PER_CUES_LATIN or tok.isdigit():
            return False
        if _ACRONYM.match(tok):
            return tok not in L.LATIN_STOP_ACRONYMS
        if (
            self.in_gaz(tok)
            or tok in L.LATIN_FIRST_NAMES
            or tok in L.ORG_SUFFIXES_LATIN
            or tok in L.ORG_PREFIXES_LATIN
        ):
            return True
        base = tok
        if "-" in tok:
            head = tok.rsplit("-", 1)[1]
            if head in L.ORG_SUFFIXES_LATIN:  # Siemens-Konzern yes, Philosophie-Verein no
                first = tok.split("-")[0]
                return (
                    bool(_ACRONYM.match(first))
                    and first not in L.LATIN_STOP_ACRONYMS
                    or _word_class(first, fam) != "common"
                )
            if head[:1].isupper() and _word_class(head, fam) == "common" and not self.in_gaz(head):
                return False
            base = tok.split("-")[0]
        cls = _word_class(base, fam)
        if cls == "unknown" and fam == "de" and base.endswith("s") and len(base) > 4:
            cls2 = _word_class(base[:-1], fam)
            cls = cls2 if cls2 != "unknown" else cls
        if cls == "common":
            return False
        if cls == "proper":
            return True
        # unknown word: at a sentence start only with more evidence
        return not self.sent_start(i)


def latin_cands(text: str, fam: str) -> list[Cand]:
    """Rule candidates of a Latin-script text. Steps: names before legal forms (GmbH, AG);
    runs of name-like tokens, extended over first names, Roman numerals and connectors,
    typed by :func:`_classify`."""
    r = _Reader(text, fam)
    out = _legal_form_cands(r)
    toks, n = r.toks, len(r.toks)
    i = 0
    while i < n:
        if not r.nameish(i):
            i += 1
            continue
        j = _name_end(r, i)
        span = [toks[k][2] for k in range(i, j + 1)]
        typ, prio = _classify(span, i, j, toks, text, fam, r.gaz, r.in_gaz, r.sent_start(i))
        # a lone out-of-lexicon capitalised word inside a sentence stays a (weak, prio 8) person:
        # compounds, noun suffixes and English common words were already ruled out
        if typ:
            out.append(Cand(toks[i][0], toks[j][1], typ, prio))
        i = j + 1
    return out


def _legal_form_cands(r: _Reader) -> list[Cand]:
    """Every capitalised word before GmbH/AG/e.V. belongs to the name (MAN TAKRAF
    Fördertechnik GmbH, Sinalco AG), common nouns included."""
    toks, text, out = r.toks, r.text, []
    for k in range(1, len(toks)):
        if toks[k][2] not in _LEGAL_FORMS or "\n" in r.gap(k - 1):
            continue
        a = k
        while (
            a - 1 >= 0
            and k - a < 4
            and r.gap(a - 1).strip() in ("", "-", "&")
            and "\n" not in r.gap(a - 1)
            and (_is_cap(toks[a - 1][2]) or toks[a - 1][2] in ("&", "und"))
            and toks[a - 1][2] not in L.DE_NON_NAMES
            and toks[a - 1][2] not in L.PER_CUES_LATIN
            and toks[a - 1][2] not in _LEGAL_FORMS
        ):
            a -= 1
        while a < k and not _is_cap(toks[a][2]):
            a += 1
        if a < k:
            e = toks[k][1]
            if text[e : e + 1] == "." and toks[k][2] in ("Inc", "Ltd", "Co", "Corp"):
                e += 1
            out.append(Cand(toks[a][0], e, "organization", 40))
    return out


def _name_end(r: _Reader, i: int) -> int:
    """The last token of the name starting at token i: further name-like tokens, a
    surname after a first name, a Roman numeral (its dot kept), von/de + name."""
    toks, text, n = r.toks, r.text, len(r.toks)
    j = i
    while j + 1 < n:
        g = r.gap(j)
        if g.strip() not in ("", "-") or "\n" in g:
            break
        if r.nameish(j + 1):
            j += 1
            continue
        nt = toks[j + 1][2]
        if (
            _is_cap(nt)
            and toks[j][2] in L.LATIN_FIRST_NAMES
            and nt not in L.DE_NON_NAMES
            and nt not in L.PER_CUES_LATIN
            and not nt.isupper()
        ):
            j += 1  # Oliver Herber: after a first name, a capitalised word is a surname
            continue
        if _ROMAN.match(nt) and toks[i][2] not in L.ORG_PREFIXES_LATIN:
            j += 1
            if text[toks[j][1] : toks[j][1] + 1] == ".":
                toks[j] = (toks[j][0], toks[j][1] + 1, toks[j][2] + ".")
            break
        if (
            nt in _CONNECT
            and j + 2 < n
            and r.nameish(j + 2)
            and r.gap(j + 1).strip() == ""
            and (toks[i][2] in L.LATIN_FIRST_NAMES or nt in _ORG_INNER)
        ):
            j += 2
            continue
        break
    return j


def _classify(span, i, j, toks, text, fam, gaz, in_gaz, at_start):
    prev = toks[i - 1][2] if i > 0 else ""
    nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
    full = " ".join(span)
    if all(w in L.ORG_SUFFIXES_LATIN and not _ACRONYM.match(w) for w in span):
        return None, 0  # Partei, Kirche, Bank, Gesellschaft alone: common nouns
    if (
        any(w in L.ORG_SUFFIXES_LATIN for w in span[1:])
        or span[0] in L.ORG_PREFIXES_LATIN
        and len(span) > 1
        or any(w in ("GmbH", "AG", "Inc", "Inc.", "Ltd", "LLC", "e.V.", "SE") for w in span)
    ):
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
    if prev in L.LOC_CUES_LATIN or prev.lower() in (
        "in",
        "nach",
        "aus",
        "bei",
        "zwischen",
        "nahe",
        "from",
        "to",
    ):
        if len(span) == 1 and fam == "de" and span[0].lower().endswith(L.LOC_SUFFIXES_DE):
            return "place", 25
        if (
            prev
            in ("in", "nach", "aus", "Stadt", "Gemeinde", "Dorf", "Region", "Provinz", "nahe", "zwischen")
            and len(span) <= 2
        ):
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
