"""Money: a number next to a currency name, symbol or ISO code.

The currency index is built per language from CLDR (Babel): display names, plural
unit names, symbols (of the language's locales and of English, which carries most
international symbols) and ISO codes. Bare nouns that several currencies share
("dollar", "Dollar", "دولار", "pound") are derived from the CLDR names of current
currencies and resolved by a preference list (USD before AUD …) or the language's
territory currency. ``data/currencies.json`` adds colloquial forms (台幣, 美金, bucks).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from babel.numbers import get_currency_precision

from ._locale import (
    LETTERS,
    MARKS,
    Profile,
    add_spelling_variants,
    babel_locale,
    case_suffix_max,
    current_currencies,
    fold_key,
    is_letter,
    load_json,
    regional_locales,
    unsuffixed,
)
from .candidate import Candidate
from .cldr import and_words
from .currency_reach import ReachTables, currency_reach, reach_tables
from .money_ranges import range_ends
from .numbers import Number, apply_scale, merged_number_words, scale_table
from .qualifiers import qualifier_after, qualifier_before
from .ranges import range_words
from .reach import MAY_GLUE, glued_edges

# Tokens after a number: letters (any script) joined by hyphens/apostrophes/dots.
_TOKEN_RE = re.compile(rf"{LETTERS}(?:[-'’.]{LETTERS})*\.?")
_GAP_RE = re.compile(r"[ \u00a0\u202f]{0,2}")
_MAX_NAME_TOKENS = 4
_MAX_CJK_NAME = 8
_MAX_SYMBOL = 6
_LAST_TOKEN_RE = re.compile(rf"({LETTERS})$")
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Scripts written without spaces before a currency name: kana, Han, Hangul (2ドル, 100달러).
_HAN_KANA_RE = re.compile(r"(?<=[\u3400-\u9fff])(?=[\u30a0-\u30ff])")
_CJK_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
AMBIGUOUS = "?"  # the code of a symbol that several currencies write ($, ¥, kr)
# "u.s $", "hk $", "c $": a territory prefix before a symbol
_PREFIX_RE = re.compile(r"(?<![^\W\d_])([A-Za-z](?:\.?[A-Za-z]){0,2}\.?) ?$")
_PREFIX_LAST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


@dataclass
class CurrencyIndex:
    """The currency names, symbols, codes and subunit words one language reads."""

    names: dict  # folded name -> code (None when ambiguous without preference)
    symbols: dict  # lower-cased symbol -> code
    codes: set  # ISO codes accepted upper case
    lower_codes: set  # ISO codes also accepted in lower case
    subunits: dict  # folded word -> (factor, code or None)
    arabic: bool
    cjk: bool
    sym_first: set = field(default_factory=set)  # first characters of symbols (cheap pre-checks)
    sym_last: set = field(default_factory=set)
    symbols_of: dict = field(default_factory=dict)  # code -> lower-cased symbols it writes
    no_subunits: frozenset = frozenset()  # currencies without minor units (JPY, KRW)
    minor_of: dict = field(default_factory=dict)  # subunit word -> currencies it is the minor unit of
    own_symbols: dict = field(default_factory=dict)  # symbol -> codes, in the article's locale
    first_words: frozenset = frozenset()  # first words of names and subunits (a cheap filter)
    lens_from: dict = field(default_factory=dict)  # first character -> symbol lengths, longest first
    lens_to: dict = field(default_factory=dict)  # last character -> symbol lengths, longest first
    # CJK names and subunits: first character -> their lengths (names and subunits),
    # last character -> lengths of names (2 characters or more), longest first
    cjk_lens_from: dict = field(default_factory=dict)
    cjk_lens_to: dict = field(default_factory=dict)
    may_start: dict = field(default_factory=dict)  # token -> _may_start_name (a cache)
    symbols_before: dict = field(default_factory=dict)  # characters -> _symbols_ending (a cache)
    after_gap_re: re.Pattern = re.compile("(?!)")  # where a currency may start after a number
    after_re: re.Pattern = re.compile("(?!)")  # the same without spaces before it
    reach: ReachTables | None = None  # where a currency may start or end (currency_reach)
    articles: frozenset = frozenset()  # the language's article-like number words (a, an)
    suffix_max: int = 0  # letters of a case ending a name may carry (tr dolara, hu dollárért)


def _name_words(name: str, cjk: bool) -> list[str]:
    """The words of a currency name: split at spaces and hyphens, and in CJK also where
    Han meets kana (韓国ウォン = 韓国 + ウォン, スイス・フラン)."""
    if cjk:
        name = _HAN_KANA_RE.sub(" ", name.replace("・", " "))
    return [t for t in re.split(r"[\s\-]+", name.strip()) if t]


def _heads(names: list[tuple[str, str]], arabic: bool, cjk: bool) -> dict[str, set[str]]:
    """Head noun (folded) -> the currencies whose multi-word names it heads.

    The head of a name is whichever of its first and last words occurs in the names of
    more currencies: "dollar" in "канадский доллар" and in "доллар США" alike, "dollar"
    and not "new" in "New Zealand dollar" (a language may put the noun on either side);
    on a tie, the side where the language's names vary less.
    """
    toks_of = [(code, _name_words(f, cjk)) for code, f in names]
    codes_of: dict[str, set[str]] = defaultdict(set)  # word -> currencies whose names hold it
    for code, toks in toks_of:
        for t in toks:
            codes_of[t.lower()].add(code)
    count = {t: len(c) for t, c in codes_of.items()}
    first = Counter(toks[0].lower() for _c, toks in toks_of if len(toks) >= 2)
    last = Counter(toks[-1].lower() for _c, toks in toks_of if len(toks) >= 2)
    top = lambda c: c.most_common(1)[0][1] if c else 0  # noqa: E731
    usual = 0 if top(first) > top(last) else -1  # the side the language's noun is on
    heads: dict[str, set[str]] = defaultdict(set)
    for code, toks in toks_of:
        if len(toks) >= 2:
            a, b = count[toks[0].lower()], count[toks[-1].lower()]
            head = toks[usual] if a == b else toks[0] if a > b else toks[-1]
            heads[fold_key(head, arabic)].add(code)
    if cjk:  # a two-kana word of one currency is more often something else (ドン, タラ)
        heads = defaultdict(set, {h: c for h, c in heads.items() if len(h) > 2 or len(c) > 1})
    return heads


def _resolve(codes, prefer, local):
    """The currency a bare head noun names: its only one; else the local currency of the
    text's language when the noun names it (Bengali টাকা is BDT, though CLDR also calls
    INR ভারতীয় টাকা), as an ambiguous symbol takes the article's territory; else the
    first of ``prefer``; else None."""
    codes = set(codes)
    if len(codes) == 1:
        return next(iter(codes))
    if local in codes:
        return local
    for c in prefer:
        if c in codes:
            return c
    return None


@cache
def currency_index(base: str, tag: str) -> CurrencyIndex:
    """Return the currency index of a language (``base``) and locale tag, from CLDR and currencies.json."""
    from ._locale import get_profile

    profile = get_profile(tag)
    data = load_json("currencies.json")
    prefer = data["prefer"]
    arabic, cjk = profile.arabic, profile.cjk
    local = profile.local_currency
    current = current_currencies()
    # Locales of the language without a region (zh, zh_Hans, zh_Hant) give the names.
    locs = [l for l in regional_locales(base) if l.territory is None] if base else []
    if profile.locale is not None and profile.locale not in locs:
        locs.append(profile.locale)
    names: dict[str, Any] = {}
    heads: dict[str, set[str]] = defaultdict(set)
    for loc in locs:
        plural = loc._data["currency_names_plural"]
        all_names: list[tuple[str, str]] = []
        for code, name in loc.currencies.items():
            forms = [name] + list(dict(plural.get(code, {})).values())
            if cjk:  # スイス フラン is also written スイスフラン and スイス・フラン
                forms += [f.replace(" ", v) for f in forms if " " in f for v in ("", "・")]
            for f in forms:
                names.setdefault(fold_key(f, arabic), code)
            if code in current:
                all_names.extend((code, f) for f in forms)
        # CJK names without spaces (美元) have no head noun of their own
        for head, codes in _heads(all_names, arabic, cjk).items():
            heads[head] |= codes
    for head, codes in heads.items():
        if head in names:
            continue
        names[head] = _resolve(codes, prefer, local)
    for w, code in data["names"].get(base, {}).items():
        names[fold_key(w, arabic)] = local if code == "@local" else code
    add_spelling_variants(names)
    en = babel_locale("en")
    symbols, symbols_of = _symbol_tables(locs, en, profile, current, data, base)
    for sym in data["ambiguous_symbols"]:
        symbols[sym.lower()] = AMBIGUOUS
    excluded = set(data["word_codes_excluded"])
    assert en is not None, "Babel always has English"
    codes = {str(c) for c in en.currencies if len(str(c)) == 3 and str(c).isalpha() and c not in excluded}
    lower_codes = {c for c in prefer if c not in excluded} | {"RMB"}
    subunits = {fold_key(k, arabic): tuple(v) for k, v in data["subunits"].get(base, {}).items()}
    idx = CurrencyIndex(names, symbols, codes, lower_codes, subunits, arabic, cjk)
    idx.symbols_of = dict(symbols_of)
    idx.no_subunits = frozenset(c for c in codes if get_currency_precision(c) == 0)
    minor = data.get("minor_unit_of", {}).get(base, {})
    idx.minor_of = {fold_key(k, arabic): frozenset(v) for k, v in minor.items()}
    own: dict = defaultdict(set)
    for code, sym in profile.locale.currency_symbols.items() if profile.locale is not None else ():
        if code in current:
            own[sym.lower().rstrip(".")].add(code)
    idx.own_symbols = dict(own)
    idx.first_words = frozenset(k.split(" ")[0].rstrip(".") for k in list(names) + list(subunits))
    idx.articles = frozenset(w.lower() for w in merged_number_words(base).get("weak", ()))
    idx.suffix_max = case_suffix_max(base)
    _add_cheap_tests(idx)
    return idx


def _symbol_tables(
    locs: list, en: Any, profile: Any, current: frozenset, data: dict, base: str
) -> tuple[dict, dict]:
    """Return (symbol → code, code → every symbol it is written with) for one language.

    Steps: the symbols of the language's locales and English; letter symbols of the
    article's own locale; CLDR's table of all symbols; the hand aliases and local symbols.
    """
    # Symbols: the language's locales plus English (US$, HK$, ₩, ₭ …).
    symbols: dict[str, Any] = {}
    for loc in list(locs) + [en]:
        for code, sym in loc.currency_symbols.items():
            if sym and sym != code and not sym.isalpha():
                symbols.setdefault(sym.lower(), code)
    # Letter symbols (Rp, zł, Kč, ریال) only from the article's own locale, for its current
    # currencies: elsewhere they are words.
    for code, sym in profile.locale.currency_symbols.items() if profile.locale is not None else ():
        if code in current and sym and sym != code and sym.isalpha() and len(sym) >= 2:
            symbols.setdefault(sym.lower(), code)
    for sym, code in load_json("cldr_currency_symbols.json")["symbols"].items():
        symbols.setdefault(sym, code)
    for sym, code in data["symbol_aliases"].items():
        symbols[sym.lower()] = code
    for sym, code in data["local_symbols"].get(base, {}).items():
        symbols[sym] = code  # \100 in Japanese text converted from JIS X 0201
    symbols_of: dict = defaultdict(set)  # every symbol, letters too (kr, Kč), for resolving
    for sym, code in symbols.items():
        symbols_of[code].add(sym)
    for loc in list(locs) + [en]:
        for code, sym in loc.currency_symbols.items():
            if sym and sym != code:
                symbols_of[code].add(sym.lower())
    return symbols, symbols_of


def _add_cheap_tests(idx: CurrencyIndex) -> None:
    """Fill the index's tables for cheap tests: first/last characters of symbols, the
    symbol lengths per character, where a currency may start after a number, and the
    reach tables (currency_reach)."""
    idx.sym_first = {k[0] for k in idx.symbols} | {k[0].upper() for k in idx.symbols}
    idx.sym_last = {k[-1] for k in idx.symbols} | {k[-1].upper() for k in idx.symbols}
    by_first: dict = defaultdict(set)
    by_last: dict = defaultdict(set)
    for k in (k for k in idx.symbols if len(k) <= _MAX_SYMBOL):
        for c in {k[0], k[0].upper()}:
            by_first[c].add(len(k))
        for c in {k[-1], k[-1].upper()}:
            by_last[c].add(len(k))
    idx.lens_from = {c: sorted(v, reverse=True) for c, v in by_first.items()}
    # What may follow a number for a currency to start there: a symbol or a letter.
    starts = "".join(sorted(re.escape(c) for c in idx.sym_first if not c.isdigit()))
    ahead = rf"(?=[{starts}]|[^\W\d_]|[{MARKS}])"
    idx.after_gap_re = re.compile(rf"[ \u00a0\u202f]{{0,2}}{ahead}")
    idx.after_re = re.compile(ahead)
    idx.lens_to = {c: sorted(v, reverse=True) for c, v in by_last.items()}
    name_first: dict = defaultdict(set)
    name_last: dict = defaultdict(set)
    for k in list(idx.names) + list(idx.subunits):
        if 0 < len(k) <= _MAX_CJK_NAME:
            name_first[k[0]].add(len(k))
    for k in idx.names:
        if 2 <= len(k) <= _MAX_CJK_NAME:
            name_last[k[-1]].add(len(k))
    idx.cjk_lens_from = {c: sorted(v, reverse=True) for c, v in name_first.items()}
    idx.cjk_lens_to = {c: sorted(v, reverse=True) for c, v in name_last.items()}
    idx.reach = reach_tables(
        idx.symbols, idx.names, idx.subunits, idx.first_words, idx.cjk, idx.arabic, lambda t: code_of(t, idx)
    )
    idx.reach.suffix_max = idx.suffix_max


@dataclass
class CurrencyMatch:
    """A currency marker found in the text: its span, currency (if known) and kind."""

    start: int
    end: int
    code: str | None
    kind: str  # symbol | code | name | subunit
    factor: float = 1.0  # subunits (cents) and M-prefixed codes (MUSD)
    ambiguous: str | None = None  # the symbol when several currencies write it
    minor_of: frozenset | None = None  # subunits: the currencies whose minor unit it names


def _symbol_match(start: int, end: int, code: str, sym: str) -> CurrencyMatch:
    """A symbol match; an ambiguous symbol ($, ¥, kr) gets no code, only its symbol."""
    if code == AMBIGUOUS:
        return CurrencyMatch(start, end, None, "symbol", ambiguous=sym.replace("￥", "¥"))
    return CurrencyMatch(start, end, code, "symbol")


def code_of(tok: str, idx: CurrencyIndex) -> str | None:
    """The ISO code ``tok`` writes (USD, usd for the usual ones, RMB = CNY), or None."""
    up = tok.upper()
    if tok.isupper() and up in idx.codes:
        return up
    if tok.islower() and up in idx.lower_codes:
        return "CNY" if up == "RMB" else up
    if up == "RMB":
        return "CNY"
    return None


def currency_after(norm: str, pos: int, idx: CurrencyIndex, allow_gap=True):
    """A currency starting at ``pos`` (after up to two spaces)."""
    n = len(norm)
    gap = (idx.after_gap_re if allow_gap else idx.after_re).match(norm, pos)
    if gap is None:
        return None  # cheap exit: a digit, punctuation or the end follows
    p = gap.end()
    # symbols (€, $, US$, ₭ …)
    for L in idx.lens_from.get(norm[p], ()):
        if L > n - p:
            continue
        cand = norm[p : p + L].lower()
        code = idx.symbols.get(cand)
        if code is not None:
            if is_letter(cand[-1]) and p + L < n and is_letter(norm[p + L]):
                continue
            return _symbol_match(p, p + L, code, cand)
    if p >= n:
        return None
    if idx.cjk and _CJK_CHAR_RE.match(norm[p]):
        for L in idx.cjk_lens_from.get(norm[p], ()):  # only the lengths of keys that begin so
            if L > n - p:
                continue
            key = norm[p : p + L]
            if key in idx.names:
                return CurrencyMatch(p, p + L, idx.names[key], "name")
            if key in idx.subunits:
                f, c = idx.subunits[key]
                return CurrencyMatch(p, p + L, c, "subunit", f, minor_of=idx.minor_of.get(key))
        return None
    # words: up to four tokens, longest first
    first = _TOKEN_RE.match(norm, p)
    if first is None or not _may_start_name(first.group(), idx):
        return None
    toks = [first]
    q = first.end() + 1
    while len(toks) < _MAX_NAME_TOKENS and q - 1 < n and norm[q - 1] in " \u00a0":
        m = _TOKEN_RE.match(norm, q)
        if not m:
            break
        toks.append(m)
        q = m.end() + 1
    for k in range(len(toks), 0, -1):
        text = norm[p : toks[k - 1].end()]
        key = fold_key(text, idx.arabic)
        key_nodot = key.rstrip(".")
        end = toks[k - 1].end()
        if key not in idx.names and key_nodot in idx.names:
            key = key_nodot
            end -= len(text) - len(text.rstrip("."))
        if key in idx.names:
            return CurrencyMatch(p, end, idx.names[key], "name")
        if idx.suffix_max:
            stem = unsuffixed(key_nodot, idx.names, idx.suffix_max)
            if stem is not None:  # the fact's text keeps the ending: "44 milyar dolara"
                return CurrencyMatch(
                    p, toks[k - 1].end() - (len(key) - len(key_nodot)), idx.names[stem], "name"
                )
        if k == 1:
            tok = text.rstrip(".")
            code = code_of(tok, idx)
            if code:
                return CurrencyMatch(p, p + len(tok), code, "code")
            # MUSD = million USD, kEUR = thousand EUR
            if len(tok) == 4 and tok[0] in "mMkK" and code_of(tok[1:], idx):
                return CurrencyMatch(p, p + 4, code_of(tok[1:], idx), "code", 1e6 if tok[0] in "mM" else 1e3)
            if key_nodot in idx.subunits:
                f, c = idx.subunits[key_nodot]
                return CurrencyMatch(p, p + len(tok), c, "subunit", f, minor_of=idx.minor_of.get(key_nodot))
    return None


def _may_start_name(tok: str, idx: CurrencyIndex) -> bool:
    """Can a currency name, code or subunit begin with this token (a cheap filter)?
    Remembered per token: a text repeats its words."""
    ok = idx.may_start.get(tok)
    if ok is None:
        bare = tok.rstrip(".")
        key = fold_key(bare, idx.arabic)
        ok = key in idx.first_words or len(bare) in (3, 4) and bare.isalpha()
        if not ok and idx.suffix_max:
            ok = unsuffixed(key, idx.first_words, idx.suffix_max) is not None
        if len(idx.may_start) < 200_000:
            idx.may_start[tok] = ok
    return ok


def currency_before(norm: str, pos: int, idx: CurrencyIndex):
    """A currency symbol, code or CJK name ending right before ``pos`` (spaces allowed)."""
    q = pos
    while q > 0 and pos - q < 2 and norm[q - 1] in " \u00a0\u202f":
        q -= 1
    c = norm[q - 1] if q else ""
    if q == 0 or (c not in idx.sym_last and not (c.isalpha() or c >= "\u0300" and is_letter(c))):
        return None  # cheap exit: a digit, punctuation or the start precedes
    # symbols, possibly with letters before them ("hk $", "c $", "usd$", "Mex$")
    for L, cand, sym_code in _symbols_ending(norm, q, idx):
        s = q - L
        if is_letter(cand[0]) and s > 0 and is_letter(norm[s - 1]) and not _CJK_CHAR_RE.match(norm[s - 1]):
            continue
        if not cand[0].isalpha():
            qualified = _qualified_symbol(norm, s, q, cand, idx)
            if qualified is not None:
                return qualified
        return _symbol_match(s, q, sym_code, cand)
    # CJK names (美元 50) and ISO codes (USD 50): a code is a whole three-letter word
    if idx.cjk and _HAN_RE.match(norm[q - 1]):
        lens = idx.cjk_lens_to.get(norm[q - 1])
        if lens is None:
            return None  # no name ends with this character (三百萬 50): no token to find
        m = _LAST_TOKEN_RE.search(norm, max(0, q - 12), q)
        tok = m.group(1) if m else ""
        for L in lens:  # only the lengths of names that end so
            if L > len(tok):
                continue
            key = tok[-L:]
            if key in idx.names and key not in ("元", "块", "塊"):
                return CurrencyMatch(q - L, q, idx.names[key], "name")
        return None
    s = q - 3
    if s < 0 or (s > 0 and is_letter(norm[s - 1])) or not norm[s:q].isalpha():
        return None
    code = code_of(norm[s:q], idx)
    return CurrencyMatch(s, q, code, "code") if code else None


def _symbols_ending(norm: str, q: int, idx: CurrencyIndex) -> list[tuple[int, str, str]]:
    """(length, lower-cased text, code) of the symbols that end at ``q``, longest first.
    They depend only on the few characters before ``q`` (no symbol is longer than
    _MAX_SYMBOL), so they are remembered per those characters: a text repeats its
    symbols."""
    key = norm[max(0, q - _MAX_SYMBOL) : q]
    got = idx.symbols_before.get(key)
    if got is None:
        got = []
        for L in idx.lens_to.get(norm[q - 1], ()):
            if L > q:
                continue
            cand = norm[q - L : q].lower()
            code = idx.symbols.get(cand)
            if code is not None:
                got.append((L, cand, code))
        if len(idx.symbols_before) < 100_000:
            idx.symbols_before[key] = got
    return got


def _qualified_symbol(norm: str, s: int, q: int, cand: str, idx: CurrencyIndex) -> CurrencyMatch | None:
    """A territory or ISO prefix before a symbol: "hk $", "u.s $", "c $", "MXN$" (or None)."""
    # cheap test: _PREFIX_RE ends in an ASCII letter or a dot, then at most one space
    j = s - 2 if s >= 2 and norm[s - 1] == " " else s - 1
    if j < 0 or norm[j] not in _PREFIX_LAST:
        return None
    m = _PREFIX_RE.search(norm, max(0, s - 7), s)
    if not m:
        return None
    letters = m.group(1).replace(".", "")
    if m.end(1) < s and letters.lower() in idx.articles:
        return None  # "a $48 million": the article, not A$ (AUD)
    joined = (letters + cand).lower()
    if joined in idx.symbols and idx.symbols[joined] != AMBIGUOUS:
        return CurrencyMatch(m.start(1), q, idx.symbols[joined], "symbol")
    if len(letters) == 3 and letters.isupper() and letters in idx.codes and m.end(1) == s:
        return CurrencyMatch(m.start(1), q, letters, "code")  # MXN$, USD$
    return None


# What after "15 dollars 50" makes the 50 no cents: a verb or "of"/"per" ("50 of them").
_NOT_CENTS_RE = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:is|are|was|were|of|per|%|[0-9])")


def _continuation(norm, end, nums, i, idx, base, main_is_int):
    """Subunits after an amount: 3 dollars 50 cents, 五元三毛, 15 dollars 50. The amount
    ends at ``end`` and its number is ``nums[i]``; the numbers after it are looked up
    from there (scan_numbers gives them sorted by start, no two with one start)."""
    add = 0.0
    pos = end
    j, count = i + 1, len(nums)
    for _ in range(2):
        m = _and_re(base).match(norm, pos)
        p = m.end()
        while j < count and nums[j].start < p:
            j += 1
        num = nums[j] if j < count and nums[j].start == p else None
        if num is None or num.weak:
            break  # "$ 98 a share": an article, not 98.01
        cur = currency_after(norm, num.end, idx)
        if cur is not None and cur.kind == "subunit":
            add += num.value * cur.factor
            pos = cur.end
            continue
        # "15 dollars 50": a bare number under 100 closing the phrase
        if (
            main_is_int
            and not idx.cjk
            and base == "en"
            and num.value == int(num.value)
            and 0 < num.value < 100
            and add == 0.0
            and cur is None
        ):
            after = norm[num.end : num.end + 12]
            if not _NOT_CENTS_RE.match(after):
                add += num.value / 100
                pos = num.end
        break
    return add, pos


@cache
def _and_re(base: str) -> re.Pattern:
    """Spaces, or the language's "and" (CLDR list patterns) between an amount and its
    subunits: "3 dollars and 50 cents", "15 dólares y 50 centavos"."""
    words = "|".join(re.escape(w) for w in and_words(base))
    return re.compile(rf"(?:[ \u00a0]+(?:{words})[ \u00a0]+|[ \u00a0]*)" if words else r"[ \u00a0]*", re.I)


@cache
def _linker_re(base: str):
    words = load_json("currencies.json").get("linkers", {}).get(base)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:{alt})(?:[ \u00a0]+|(?<=['’]))", re.I)


@dataclass
class _Amount:
    """One amount being read: where it lies, its value and its currency."""

    start: int
    end: int
    value: float
    code: str | None
    ambiguous: str | None = None  # the symbol ($, ¥, kr) when it names several currencies
    minor_of: frozenset | None = None  # a bare subunit: whose minor unit it names


def _currencies_around(
    norm: str, num: Number, idx: CurrencyIndex, profile: Profile, used_until: int
) -> tuple[CurrencyMatch | None, CurrencyMatch | None]:
    """(currency before, currency after) the number, each None when it belongs elsewhere.

    Steps: look before and after (after a linker such as "de" for scaled numbers); drop
    a symbol/code after that starts the next amount, and a symbol after when one stands
    before ("$ 20.00 $ 37.30").
    """
    before = currency_before(norm, num.start, idx)
    if before is not None and before.start < used_until:
        before = None  # already part of the previous amount ("10 rmb 20 usd")
    after = currency_after(norm, num.end, idx)
    if after is None and num.scaled:
        lk = _linker_re(profile.base)
        m = lk.match(norm, num.end) if lk is not None else None
        if m:
            after = currency_after(norm, m.end(), idx, allow_gap=False)
    if (
        after is not None
        and after.kind in ("symbol", "code")
        and after.end < len(norm)
        and (
            norm[after.end].isdigit()
            or before is not None
            and re.match(r"[ \u00a0]?[0-9]", norm[after.end : after.end + 2])
        )
    ):
        after = None  # "1 $10", "rmb 10 usd 20": the symbol/code starts the next amount
    if (
        after is not None
        and before is not None
        and after.kind == "symbol"
        and before.kind in ("symbol", "code")
    ):
        after = None  # each symbol belongs to the number after it
    return before, after


def _with_after(
    norm: str,
    num: Number,
    before: CurrencyMatch | None,
    after: CurrencyMatch,
    idx: CurrencyIndex,
    profile: Profile,
) -> _Amount:
    """The amount of a number followed by a currency (and maybe preceded by another)."""
    a = _Amount(num.start, after.end, num.value * after.factor, after.code, after.ambiguous)
    if (
        before is not None
        and before.kind in ("code", "name", "symbol")
        and (before.code or before.ambiguous)
        and (
            after.code is None
            and after.ambiguous is None
            or after.kind == "name"
            and after.end - after.start == 1
        )
    ):
        a.code, a.ambiguous, a.start = before.code, before.ambiguous, before.start  # 人民币 50元
    # "75 USD million": a scale word after the currency
    mult, e2 = apply_scale(norm, a.end, scale_table(profile.base), profile.arabic)
    if mult != 1.0 and not num.scaled:
        a.value *= mult
        a.end = e2
    if idx.cjk:  # 8亿元人民币: a second currency name right after 元 names it
        again = currency_after(norm, a.end, idx, allow_gap=False)
        if again is not None and again.kind == "name":
            a.code, a.ambiguous, a.end = again.code, again.ambiguous, again.end
    return a


def _read_amount(
    norm: str,
    num: Number,
    before: CurrencyMatch | None,
    after: CurrencyMatch | None,
    idx: CurrencyIndex,
    profile: Profile,
) -> _Amount | None:
    """The amount a number and its currencies make, or None when they make none."""
    if num.weak and (after is None or after.kind != "name"):
        return None  # "a $ 1 billion": an article, not one dollar
    if after is not None and after.kind == "subunit" and before is None:
        # "50 cents": an amount in the subunit. Chinese 角/分 only follow 元 (十分 = "very"),
        # but a subunit in kana or Hangul (50セント, 50센트) stands alone.
        if _HAN_RE.match(norm[after.start]):
            return None
        return _Amount(
            num.start,
            after.end,
            num.value * after.factor,
            after.code,
            after.ambiguous or (None if after.code else "subunit"),
            after.minor_of,
        )
    if after is not None and after.kind != "subunit":
        return _with_after(norm, num, before, after, idx, profile)
    if before is not None:
        if before.kind == "code" and before.end == num.start and num.kind != "digits":
            return None
        return _Amount(before.start, num.end, num.value, before.code, before.ambiguous)
    return None


def _amounts(norm: str, nums: list, idx: CurrencyIndex, profile: Profile) -> list[tuple[_Amount, int, bool]]:
    """(amount, index of its number, subunits added) of the numbers next to a currency,
    in text order. Steps per number: the cheap test (a currency within reach), the
    currencies before/after it, the amount they make, subunits that continue it."""
    out: list[tuple[_Amount, int, bool]] = []
    used_until = -1
    assert idx.reach is not None
    after_ok, before_ok, starts = currency_reach(norm, idx.reach)
    linker = _linker_re(profile.base)
    for i in _within_reach(norm, nums, after_ok, before_ok, linker is not None):
        num = nums[i]
        if num.start < used_until:
            continue
        if (
            num.end not in after_ok
            and num.start not in before_ok
            and (  # a digit at both edges: no word glued to the number
                num.kind == "digits" and not num.scaled or not glued_edges(norm, num.start, num.end)
            )
        ):
            if not num.scaled or linker is None:
                continue  # no currency within reach on either side (the cheap test)
            m = linker.match(norm, num.end)  # 44 milliards de dollars
            if m is None or m.end() not in starts:
                continue
        before, after = _currencies_around(norm, num, idx, profile, used_until)
        a = _read_amount(norm, num, before, after, idx, profile)
        if a is None:
            continue
        main_is_int = a.value == int(a.value) and (after is not None or before is not None)
        add, end2 = _continuation(norm, a.end, nums, i, idx, profile.base, main_is_int)
        if add:
            a.value += add
            a.end = end2
        out.append((a, i, bool(add)))
        used_until = a.end
    return out


def _within_reach(norm: str, nums: list, after_ok: set[int], before_ok: set[int], linker: bool) -> list[int]:
    """The indices of the numbers that pass _amounts' cheap test: those ending where a
    currency may follow or starting where one may precede, and the numbers other than
    plain unscaled digits that have a word glued to an edge, or (scaled) may have a
    linker after them (``linker``: the language has one). One comprehension finds
    them, not the reading loop; a glued word needs a letter outside an edge (MAY_GLUE,
    a dict read) before glued_edges is asked."""
    n = len(norm)
    glue = MAY_GLUE
    return [
        i
        for i, x in enumerate(nums)
        if x.end in after_ok
        or x.start in before_ok
        or (x.scaled or x.kind != "digits")
        and (
            x.scaled
            and linker
            or (x.end < n and glue[norm[x.end]] or x.start > 0 and glue[norm[x.start - 1]])
            and glued_edges(norm, x.start, x.end)
        )
    ]


def _qualifier(norm: str, a: _Amount, base: str) -> str | None:
    """The qualifier written before the amount, else after it (or None)."""
    q, _ = qualifier_before(norm, a.start, base)
    if q is None:
        q, _ = qualifier_after(norm, a.end, base)
    return q


def extract_money(norm: str, nums: list, profile: Profile) -> list:
    """Money facts (text left empty) in normalised text, from the number candidates.

    Steps: the amounts next to a currency (_amounts), the other ends of ranges of
    amounts (money_ranges.range_ends: "$20-30 million"), each one's qualifier; then
    ambiguous symbols and bare subunits get their currency from the text or the
    territory (resolve_ambiguous).
    """
    idx = currency_index(profile.base, profile.tag)
    read = _amounts(norm, nums, idx, profile)
    ends = range_ends(norm, nums, read, range_words(profile.base, profile.tag))
    amounts: list[tuple[_Amount, str | None]] = [(a, _qualifier(norm, a, profile.base)) for a, _i, _c in read]
    amounts += [(a, _qualifier(norm, a, profile.base)) for a, _i in ends]
    codes = resolve_ambiguous([a for a, _ in amounts], profile, idx)
    return [
        # positional: keyword arguments cost ~2.5x as much to pass (thousands a text)
        Candidate("money", a.start, a.end, float(f"{a.value:.12g}"), code, None, q)
        for (a, q), code in zip(amounts, codes)
    ]


def resolve_ambiguous(amounts: list, profile: Profile, idx: CurrencyIndex) -> list:
    """The ISO code of each amount: its own, else for an ambiguous symbol ($, ¥, kr) or a
    bare subunit (cents) the one currency of the text that writes it so, else the
    territory's currency when that is how it writes it (a bare subunit: when it names
    that currency's minor unit, data minor_unit_of), else the one current currency
    the article's CLDR locale writes with exactly that symbol ($ is USD in de and ru,
    AUD in en-AU), else None (marked ambiguous: never silently another currency)."""
    explicit = sorted({a.code for a in amounts if a.code and a.ambiguous is None})
    out = []
    # per symbol: (the text's currencies that write it so, does the territory's): a
    # text of figures repeats its few symbols thousands of times
    seen: dict[str, tuple[list, bool]] = {}
    local = profile.local_currency
    for a in amounts:
        if a.ambiguous is None:
            out.append(a.code)
            continue
        got = seen.get(a.ambiguous)
        if got is None:
            got = seen[a.ambiguous] = (
                [c for c in explicit if _writes(idx, c, a.ambiguous)],
                local is not None and bool(local) and _writes(idx, local, a.ambiguous),
            )
        fits, local_writes = got
        if len(fits) == 1:
            out.append(fits[0])
        elif local_writes and (a.minor_of is None or local in a.minor_of):
            out.append(profile.local_currency)
        elif len(idx.own_symbols.get(a.ambiguous.rstrip("."), ())) == 1:
            out.append(next(iter(idx.own_symbols[a.ambiguous.rstrip(".")])))
        else:
            out.append(None)
    return out


def _writes(idx: CurrencyIndex, code: str, symbol: str) -> bool:
    """Does ``code`` write itself with ``symbol`` (CA$ and $ for CAD; any currency with
    subunits for "subunit")?"""
    if symbol == "subunit":
        return code not in idx.no_subunits
    symbol = symbol.rstrip(".")  # kr. (da) and kr (sv) are one symbol
    return any(s.rstrip(".").endswith(symbol) for s in idx.symbols_of.get(code, ()))
