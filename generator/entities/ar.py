"""Arabic: gazetteers, cue words and attached prefixes; Latin-script runs typed by context.

Spans keep attached prefixes (و ف ب ل ك: وإسرائيل, بكابول) and exclude company cue
words (شركة تيسلا → تيسلا), following ANERcorp conventions; institutional heads are part
of the name (حزب الله, مجلس الأمن).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as L
from .cand import Cand
from .registry import fold

_TOKEN = re.compile(r"[^\W_]+(?:[.'’\-][^\W_]+)*")
_AR = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN_RUN = re.compile(
    r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&'’.\-]*(?:[ ]+(?:[A-Z0-9][A-Za-z0-9&'’.\-]*|of|de|du|la|von|van))*(?<![ .\-])"
)
_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")

STOP = set(
    fold(w)
    for w in """
في من على إلى الى عن مع أن إن ان لن لم قد لا ما هذا هذه ذلك تلك هؤلاء كان كانت يكون تكون وكان
وكانت يوم بعد قبل خلال حيث أو او ثم كما التي الذي الذين اللذين وهو وهي هو هي هم هما نحن أنا
انه أنه إنه انها أنها إنها عند عندما منذ حتى بين ضد حول لدى لدي غير بعض كل أي أية جميع عدة
أكثر اكثر أقل اقل أول اول آخر اخر الى عليه عليها فيه فيها منه منها له لها لهم به بها وفي ومن
وعلى وإلى وعن ومع وأن وقد ولا وما كذلك أيضا أيضًا ايضا فقط إذا اذا لكن لكنه ولكن بل سوف سيكون
قال وقال يقول تقول أضاف وأضاف أكد وأكد أعلن وأعلن ذكر وذكر أشار وأشار أوضح وأوضح صرح وتابع
العام عام اليوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي المقبل الحالي
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين ألف مليون مليار دولار
رئيس الرئيس وزير الوزير السيد الشيخ الملك الأمير شركة الشركة
""".split()
)
_AMBIGUOUS_FIRST = set(
    fold(w)
    for w in "علي باسم جابر منح سعيد جميل كريم عادل نور هدى منى أمل سلمى حامد رشيد شريف زكي سيد نبيل أمين منير بدر نصر فارس حسن عمار ماجد صالح سلطان جمال كمال".split()
)
_CONNECT = set(fold(w) for w in "بن ابن أبو ابو عبد ولد آل".split())
_SAY = set(
    fold(w)
    for w in "قال وقال يقول وأضاف أضاف وأكد أكد أعلن وأعلن صرح وصرح أوضح وأوضح ذكر وذكر اتهم واتهم دعا ودعا".split()
)


def _key(parts) -> str:
    return "_".join(parts)


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    gaz: dict[str, str] = {}
    locs = set(L.AR_CITIES) | set(L.AR_REGIONS) | set(L.EXTRA_LOC.get("ar", ()))
    locs |= {n.replace(" ", "_") for n in L.territory_names().get("ar", ())}
    for n in locs:
        gaz[fold(n)] = "place"
    for n in L.AR_ORGS:
        gaz[fold(n)] = "organization"
    return gaz


@lru_cache(maxsize=1)
def _first_names() -> frozenset:
    return frozenset(fold(n) for n in L.AR_FIRST_NAMES)


@lru_cache(maxsize=1)
def _cues():
    return (
        frozenset(fold(w) for w in L.AR_PER_CUES),
        frozenset(fold(w) for w in L.AR_ORG_HEADS),
        frozenset(fold(w) for w in L.AR_ORG_CUES),
        frozenset(fold(w) for w in L.AR_LOC_CUES),
    )


@lru_cache(maxsize=100000)
def _strip_variants(tok: str) -> tuple:
    return tuple(_strip_variants_uncached(tok))


def strip_variants(tok: str) -> list[str]:
    """The token and its readings without an attached prefix (والعراق → العراق, للعراق → العراق)."""
    return list(_strip_variants(tok))


def _strip_variants_uncached(tok: str) -> list[str]:
    """The token and its readings without an attached prefix (والعراق → العراق, للعراق → العراق)."""
    out = [tok]
    for p in ("ولل", "فلل", "لل"):
        if tok.startswith(p) and len(tok) > len(p) + 1:
            out.append("ال" + tok[len(p) :])
    for p in _PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.append(tok[len(p) :])
    return out


def strip_prefix(s: str) -> str:
    """Drop one attached prefix if what remains is a known name form (for propagation)."""
    gaz = _gazetteer()
    fn = _first_names()
    for v in strip_variants(fold(s))[1:]:
        first = v.split()[0] if v.split() else v
        if fold(v).replace(" ", "_") in gaz or first in fn:
            return s[len(s) - len(v) :] if not v.startswith("ال") or s.endswith(v) else s
    return s


@lru_cache(maxsize=100000)
def known_name_class(tok: str) -> str | None:
    """'place', 'organization' or 'first' when the word (or it without a prefix) is known."""
    gaz = _gazetteer()
    fn = _first_names()
    for v in strip_variants(fold(tok)):
        if v in gaz:
            return gaz[v]
        if v in fn:
            return "first"
    return None


def _is_nameish(tok: str) -> bool:
    return bool(_AR.search(tok)) and tok not in STOP and len(tok) >= 2 and not tok.isdigit()


@dataclass
class _Ctx:
    """One text being read: its folded tokens, where punctuation separates them, the
    gazetteers, and which tokens a gazetteer match already covers."""

    raw: str
    toks: list
    seps: list
    gaz: dict
    fn: frozenset
    per_cues: frozenset
    org_heads: frozenset
    org_cues: frozenset
    loc_cues: frozenset
    covered: list

    def sep_between(self, i: int, j: int) -> bool:
        """True when punctuation (other than spaces) separates token i and j (j > i)."""
        return self.seps[i] if j == i + 1 else any(self.seps[i:j])


def ar_cands(text: str, folded: str) -> list[Cand]:
    """Rule candidates of an Arabic text. Steps: gazetteer n-grams; per token, first
    names, persons after cue words, organization heads, names after cue words; Latin runs."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
    n = len(toks)
    seps = [bool(folded[toks[k][1] : toks[k + 1][0]].strip()) for k in range(n - 1)] + [True]
    per_cues, org_heads, org_cues, loc_cues = _cues()
    ctx = _Ctx(
        text, toks, seps, _gazetteer(), _first_names(), per_cues, org_heads, org_cues, loc_cues, [False] * n
    )
    out = _gazetteer_cands(ctx)
    for i, (s, e, tok) in enumerate(toks):
        forms = strip_variants(tok)
        if text[s:e].endswith("ى") and tok.endswith("ي"):
            forms = []  # على (on) folds to علي (Ali): not a name
        if any(f in ctx.fn for f in forms) and not ctx.covered[i]:
            out += _first_name_cands(ctx, i, forms)
            continue
        out += _after_person_cue(ctx, i)
        out += _org_head_cands(ctx, i, forms)
        out += _after_cue_word(ctx, i)
    return out + _latin_runs(text)


@lru_cache(maxsize=1)
def _gazetteer_firsts() -> dict[str, int]:
    """The first token of every gazetteer key and the most tokens a key starting with it
    has: an n-gram is looked up only where one could match."""
    out: dict[str, int] = {}
    for key in _gazetteer():
        parts = key.split("_")
        out[parts[0]] = max(out.get(parts[0], 1), len(parts))
    return out


def _gazetteer_hit(ctx: _Ctx, i: int, firsts: dict[str, int]) -> tuple[int, str] | None:
    """(tokens, type) of the longest gazetteer n-gram at token i (up to 4 tokens, none
    across punctuation; the first may carry a prefix), or None."""
    toks, seps = ctx.toks, ctx.seps
    variants = _strip_variants(toks[i][2])
    longest = min(4, len(toks) - i, max(firsts.get(v, 0) for v in variants))
    for size in range(longest, 0, -1):
        if size > 1 and any(seps[i : i + size - 1]):
            continue
        rest = [toks[k][2] for k in range(i + 1, i + size)]
        for v in variants:
            if firsts.get(v, 0) < size:
                continue
            typ = ctx.gaz.get(_key([v, *rest]))
            if typ:
                return size, typ
    return None


def _gazetteer_cands(ctx: _Ctx) -> list[Cand]:
    """Gazetteer n-grams (longest first, up to 4 tokens); the first may carry a prefix."""
    toks, n = ctx.toks, len(ctx.toks)
    firsts = _gazetteer_firsts()
    out = []
    i = 0
    while i < n:
        hit = _gazetteer_hit(ctx, i, firsts)
        if hit:
            size, typ = hit
            out.append(Cand(toks[i][0], toks[i + size - 1][1], typ, 40))
            for k in range(i, i + size):
                ctx.covered[k] = True
            i += size
        else:
            i += 1
    return out


def _first_name_cands(ctx: _Ctx, i: int, forms: list) -> list[Cand]:
    """A person from a first name (+ connectors and further name tokens); an ambiguous
    first name (علي, سعيد) only after a cue word or with a second name."""
    toks, n = ctx.toks, len(ctx.toks)
    ambiguous = all(f in _AMBIGUOUS_FIRST for f in forms if f in ctx.fn)
    prev = toks[i - 1][2] if i > 0 else ""
    if ambiguous and not (prev in ctx.per_cues or prev in _SAY):
        return []
    j = i
    limit = min(n, i + 4)
    while j + 1 < limit and not ctx.sep_between(j, j + 1):
        nxt = toks[j + 1][2]
        if not _is_nameish(nxt) or ctx.gaz.get(nxt) or (nxt in ctx.per_cues):
            break
        if toks[j][2] in _CONNECT or nxt in ctx.fn or nxt in _CONNECT or j == i:
            j += 1
            if j > i and toks[j][2] not in ctx.fn and toks[j][2] not in _CONNECT:
                break
            continue
        break
    if j > i or not ambiguous:
        return [Cand(toks[i][0], toks[j][1], "person", 35 if j > i else 25)]
    return []


def _cue_target_ok(ctx: _Ctx, i: int, j: int) -> bool:
    """Whether token j, after the cue word at i, can start a person's name."""
    toks, raw = ctx.toks, ctx.raw
    t = toks[j][2]
    forms = strip_variants(t)
    return (
        not ctx.covered[j]
        and _is_nameish(t)
        and not t.startswith("ال")
        and not any(f in ctx.gaz for f in forms)
        and t not in ctx.org_cues
        and t not in ctx.org_heads
        and not (j > 0 and ctx.sep_between(j - 1, j) and j - 1 > i)
        and not any(f in ctx.org_cues or f in ctx.per_cues or f in ctx.org_heads or f in STOP for f in forms)
        and not (t[:1] in "بلك" and t not in ctx.fn)
        and not raw[toks[j][0] : toks[j][1]].endswith("ى")
    )


def _after_person_cue(ctx: _Ctx, i: int) -> list[Cand]:
    """A person after a cue word (الرئيس X) or a verb of saying (قال X)."""
    toks, n = ctx.toks, len(ctx.toks)
    tok = toks[i][2]
    if not (tok in ctx.per_cues and i + 1 < n and not ctx.sep_between(i, i + 1)):
        return []
    j = i + 1
    # skip nisba adjectives and other cue words: الرئيس الأمريكي, الرئيس التنفيذي
    while (
        j < n
        and j - i <= 3
        and (
            toks[j][2] in ctx.per_cues
            or (toks[j][2].startswith("ال") and (toks[j][2].endswith("ي") or toks[j][2].endswith("يه")))
        )
    ):
        j += 1
    if not (j < n and _cue_target_ok(ctx, i, j)):
        return []
    if tok in _SAY and (toks[j][2][:1] in "يتنأ" and len(toks[j][2]) > 3):
        return []  # قال يجب … : a verb, not a name
    k = j
    if (
        k + 1 < n
        and not ctx.sep_between(k, k + 1)
        and _is_nameish(toks[k + 1][2])
        and (
            toks[k + 1][2] in ctx.fn
            or toks[k][2] in _CONNECT
            or toks[k + 1][2].startswith("ال")
            and tok in ctx.per_cues
            and toks[k][2] in ctx.fn
        )
    ):
        k += 1
    return [Cand(toks[j][0], toks[k][1], "person", 30 if tok in ctx.per_cues else 20)]


def _org_head_cands(ctx: _Ctx, i: int, forms: list) -> list[Cand]:
    """Organization heads kept in the span: حزب الله, مجلس الأمن الدولي."""
    toks, n = ctx.toks, len(ctx.toks)
    if not (any(f in ctx.org_heads for f in forms) and not ctx.covered[i]):
        return []
    j = i
    while (
        j + 1 < n
        and j - i < 3
        and not ctx.sep_between(j, j + 1)
        and toks[j + 1][2].startswith("ال")
        and toks[j + 1][2] not in STOP
    ):
        j += 1
    return [Cand(toks[i][0], toks[j][1], "organization", 30)] if j > i else []


def _after_cue_word(ctx: _Ctx, i: int) -> list[Cand]:
    """Cue words outside the span: شركة تيسلا → تيسلا ; مدينة X → X."""
    toks = ctx.toks
    tok = toks[i][2]
    if not (tok in ctx.org_cues or tok in ctx.loc_cues):
        return []
    j = i + 1
    if j >= len(toks) or ctx.sep_between(i, j):
        return []
    nxt = toks[j][2]
    if _is_nameish(nxt) and (not nxt.startswith("ال") or tok in ctx.loc_cues) and nxt not in ctx.org_cues:
        return [Cand(toks[j][0], toks[j][1], "organization" if tok in ctx.org_cues else "place", 30)]
    return []


def _latin_runs(text: str) -> list[Cand]:
    """Latin-script runs in Arabic text (VivaTech, Publicis, Elon Musk)."""
    out = []
    for m in _LATIN_RUN.finditer(text):
        words = m.group(0).split()
        if not words or all(w in L.LATIN_STOP_ACRONYMS for w in words):
            continue
        if len(words) >= 2 and words[0] in L.LATIN_FIRST_NAMES and words[1][:1].isupper():
            out.append(Cand(m.start(), m.end(), "person", 30))
        elif words[0] in ("The", "A", "An") or (len(words) == 1 and words[0] in L.LATIN_FIRST_NAMES):
            continue
        else:
            out.append(Cand(m.start(), m.end(), "organization", 15))
    return out
