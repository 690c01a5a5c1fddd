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
from dataclasses import dataclass
from functools import cache

from ..model import Fact
from ..scripts import HAN_RE as _HAN_RE
from ._locale import Profile, babel_locale, current_currencies, fold_key, load_json, regional_locales
from .numbers import apply_scale, scale_table
from .qualifiers import qualifier_after, qualifier_before

# Tokens after a number: letters (any script) joined by hyphens/apostrophes/dots.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
_GAP_RE = re.compile(r"[ \u00a0\u202f]{0,2}")
_MAX_NAME_TOKENS = 4
_MAX_CJK_NAME = 8
_MAX_SYMBOL = 6
_LAST_TOKEN_RE = re.compile(r"([^\W\d_]+)$")


@dataclass
class CurrencyIndex:
    names: dict  # folded name -> code (None when ambiguous without preference)
    symbols: dict  # lower-cased symbol -> code
    codes: set  # ISO codes accepted upper case
    lower_codes: set  # ISO codes also accepted in lower case
    subunits: dict  # folded word -> (factor, code or None)
    arabic: bool
    cjk: bool
    sym_first: set = None  # first characters of symbols (cheap pre-checks)
    sym_last: set = None


def _head_position(names) -> int:
    """0 if the language puts the currency noun first (دولار أمريكي, dollar canadien),
    -1 if last (US dollar, Kanadischer Dollar): whichever position varies less."""
    first, last = Counter(), Counter()
    for n in names:
        toks = re.split(r"[\s\-]+", n.strip())
        if len(toks) >= 2:
            first[toks[0].lower()] += 1
            last[toks[-1].lower()] += 1
    top = lambda c: c.most_common(1)[0][1] if c else 0  # noqa: E731
    return 0 if top(first) > top(last) else -1


def _resolve(codes, prefer, local):
    codes = set(codes)
    if len(codes) == 1:
        return next(iter(codes))
    for c in prefer:
        if c in codes:
            return c
    if local in codes:
        return local
    return None


@cache
def currency_index(base: str, tag: str) -> CurrencyIndex:
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
    names = {}
    heads = defaultdict(set)
    for loc in locs:
        plural = loc._data["currency_names_plural"]
        all_names = []
        for code, name in loc.currencies.items():
            forms = [name] + list(dict(plural.get(code, {})).values())
            for f in forms:
                names.setdefault(fold_key(f, arabic), code)
            if code in current:
                all_names.extend((code, f) for f in forms)
        if not cjk:
            pos = _head_position([f for _c, f in all_names])
            for code, f in all_names:
                toks = [t for t in re.split(r"[\s\-]+", f.strip()) if t]
                if len(toks) >= 2:
                    heads[fold_key(toks[pos], arabic)].add(code)
    for head, codes in heads.items():
        if head in names:
            continue
        names[head] = _resolve(codes, prefer, local)
    for w, code in data["names"].get(base, {}).items():
        names[fold_key(w, arabic)] = local if code == "@local" else code
    # Symbols: the language's locales plus English (US$, HK$, ₩, ₭ …).
    symbols = {}
    en = babel_locale("en")
    for loc in list(locs) + [en]:
        for code, sym in loc.currency_symbols.items():
            if sym and sym != code and not sym.isalpha():
                symbols.setdefault(sym.lower(), code)
    for sym, code in load_json("cldr_currency_symbols.json")["symbols"].items():
        symbols.setdefault(sym, code)
    for sym, code in data["symbol_aliases"].items():
        symbols[sym.lower()] = code
    for sym, code in data["ambiguous_symbols"].items():
        symbols[sym] = code
    excluded = set(data["word_codes_excluded"])
    codes = {c for c in en.currencies if len(c) == 3 and c.isalpha() and c not in excluded}
    lower_codes = {c for c in prefer if c not in excluded} | {"RMB"}
    subunits = {fold_key(k, arabic): tuple(v) for k, v in data["subunits"].get(base, {}).items()}
    idx = CurrencyIndex(names, symbols, codes, lower_codes, subunits, arabic, cjk)
    idx.sym_first = {k[0] for k in symbols} | {k[0].upper() for k in symbols}
    idx.sym_last = {k[-1] for k in symbols} | {k[-1].upper() for k in symbols}
    return idx


@dataclass
class CurrencyMatch:
    start: int
    end: int
    code: str | None
    kind: str  # symbol | code | name | subunit
    factor: float = 1.0  # subunits (cents) and M-prefixed codes (MUSD)


def _code_of(tok: str, idx: CurrencyIndex):
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
    p = _GAP_RE.match(norm, pos).end() if allow_gap else pos
    n = len(norm)
    # symbols (€, $, US$, ₭ …)
    for L in range(min(_MAX_SYMBOL, n - p), 0, -1) if p < n and norm[p] in idx.sym_first else ():
        cand = norm[p:p + L].lower()
        code = idx.symbols.get(cand)
        if code is not None:
            if cand[-1].isalpha() and p + L < n and norm[p + L].isalpha():
                continue
            return CurrencyMatch(p, p + L, code, "symbol")
    if p >= n:
        return None
    if idx.cjk and "\u3400" <= norm[p] <= "\u9fff":
        for L in range(min(_MAX_CJK_NAME, n - p), 0, -1):
            key = norm[p:p + L]
            if key in idx.names:
                return CurrencyMatch(p, p + L, idx.names[key], "name")
            if key in idx.subunits:
                f, c = idx.subunits[key]
                return CurrencyMatch(p, p + L, c, "subunit", f)
        return None
    # words: up to four tokens, longest first
    toks = []
    q = p
    for _ in range(_MAX_NAME_TOKENS):
        m = _TOKEN_RE.match(norm, q)
        if not m:
            break
        toks.append(m)
        g = re.match(r"[ \u00a0]", norm[m.end():m.end() + 1])
        if not g:
            break
        q = m.end() + 1
    for k in range(len(toks), 0, -1):
        text = norm[p:toks[k - 1].end()]
        key = fold_key(text, idx.arabic)
        key_nodot = key.rstrip(".")
        end = toks[k - 1].end()
        if key not in idx.names and key_nodot in idx.names:
            key = key_nodot
            end -= len(text) - len(text.rstrip("."))
        if key in idx.names:
            return CurrencyMatch(p, end, idx.names[key], "name")
        if k == 1:
            tok = text.rstrip(".")
            code = _code_of(tok, idx)
            if code:
                return CurrencyMatch(p, p + len(tok), code, "code")
            # MUSD = million USD, kEUR = thousand EUR
            if len(tok) == 4 and tok[0] in "mMkK" and _code_of(tok[1:], idx):
                return CurrencyMatch(p, p + 4, _code_of(tok[1:], idx), "code",
                                     1e6 if tok[0] in "mM" else 1e3)
            if key_nodot in idx.subunits:
                f, c = idx.subunits[key_nodot]
                return CurrencyMatch(p, p + len(tok), c, "subunit", f)
    return None


def currency_before(norm: str, pos: int, idx: CurrencyIndex):
    """A currency symbol, code or CJK name ending right before ``pos`` (spaces allowed)."""
    q = pos
    while q > 0 and pos - q < 2 and norm[q - 1] in " \u00a0\u202f":
        q -= 1
    # symbols, possibly with letters before them ("hk $", "c $", "usd$", "Mex$")
    for L in range(min(_MAX_SYMBOL, q), 0, -1) if q > 0 and norm[q - 1] in idx.sym_last else ():
        cand = norm[q - L:q].lower()
        code = idx.symbols.get(cand)
        if code is None:
            continue
        s = q - L
        if cand[0].isalpha() and s > 0 and norm[s - 1].isalpha():
            continue
        # a country prefix separated by a space: "hk $", "c $", "us $"
        m = re.search(r"(?<![^\W\d_])([A-Za-z]{1,3}) $", norm[max(0, s - 5):s])
        if m and not cand[0].isalpha():
            joined = (m.group(1) + cand).lower()
            if joined in idx.symbols:
                return CurrencyMatch(s - len(m.group(1)) - 1, q, idx.symbols[joined], "symbol")
        return CurrencyMatch(s, q, code, "symbol")
    # ISO codes and names
    m = _LAST_TOKEN_RE.search(norm, max(0, q - 12), q)
    if not m:
        return None
    tok = m.group(1)
    s = q - len(tok)
    if idx.cjk and _HAN_RE.match(tok[-1]):
        for L in range(min(len(tok), _MAX_CJK_NAME), 1, -1):
            key = tok[-L:]
            if key in idx.names and key not in ("元", "块", "塊"):
                return CurrencyMatch(q - L, q, idx.names[key], "name")
        return None
    code = _code_of(tok, idx)
    if code and (s == 0 or not norm[s - 1].isalpha()):
        return CurrencyMatch(s, q, code, "code")
    return None


def _continuation(norm, end, nums_by_start, idx, base, main_is_int):
    """Subunits after an amount: 3 dollars 50 cents, 五元三毛, 15 dollars 50."""
    add = 0.0
    pos = end
    for _ in range(2):
        m = re.compile(r"(?:[ \u00a0]+(?:and|und|et|y)[ \u00a0]+|[ \u00a0]*)").match(norm, pos)
        p = m.end()
        num = nums_by_start.get(p)
        if num is None:
            break
        cur = currency_after(norm, num.end, idx)
        if cur is not None and cur.kind == "subunit":
            add += num.value * cur.factor
            pos = cur.end
            continue
        # "15 dollars 50": a bare number under 100 closing the phrase
        if (main_is_int and not idx.cjk and base == "en" and num.value == int(num.value)
                and 0 < num.value < 100 and add == 0.0 and cur is None):
            after = norm[num.end:num.end + 12]
            if not re.match(r"\s*(?:[^\W\d_]+\s+)?(?:is|are|was|were|of|per|%|[0-9])", after):
                add += num.value / 100
                pos = num.end
        break
    return add, pos


@cache
def _linker_re(base: str):
    words = load_json("currencies.json").get("linkers", {}).get(base)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:{alt})(?:[ \u00a0]+|(?<=['’]))", re.I)


def extract_money(norm: str, nums: list, profile: Profile) -> list:
    idx = currency_index(profile.base, profile.tag)
    table = scale_table(profile.base)
    facts = []
    nums_by_start = {x.start: x for x in nums}
    used_until = -1
    for num in nums:
        if num.start < used_until:
            continue
        value = num.value
        start, end = num.start, num.end
        before = currency_before(norm, num.start, idx)
        if before is not None and before.start < used_until:
            before = None  # already part of the previous amount ("10 rmb 20 usd")
        after = currency_after(norm, num.end, idx)
        if after is None and num.scaled:
            lk = _linker_re(profile.base)
            m = lk.match(norm, num.end) if lk is not None else None
            if m:
                after = currency_after(norm, m.end(), idx, allow_gap=False)
        if after is not None and after.kind in ("symbol", "code") and after.end < len(norm) \
                and (norm[after.end].isdigit() or before is not None
                     and re.match(r"[ \u00a0]?[0-9]", norm[after.end:after.end + 2])):
            after = None  # "1 $10", "rmb 10 usd 20": the symbol/code starts the next amount
        if after is not None and before is not None and after.kind == "symbol" \
                and before.kind in ("symbol", "code"):
            after = None  # "$ 20.00 $ 37.30": each symbol belongs to the number after it
        if num.weak and (after is None or after.kind != "name"):
            continue  # "a $ 1 billion": an article, not one dollar
        if after is not None and after.kind == "subunit" and before is None:
            # "50 cents": an amount in the subunit. Chinese 角/分 only follow 元 (十分 = "very").
            if idx.cjk:
                continue
            code = after.code
            value = value * after.factor
            end = after.end
        elif after is not None and after.kind != "subunit":
            code = after.code
            if before is not None and before.code and before.kind in ("code", "name", "symbol") \
                    and (after.code is None or after.kind == "name" and after.end - after.start == 1):
                code = before.code  # 人民币 50元: the prefix is more specific than 元
                start = before.start
            value *= after.factor
            end = after.end
            # "75 USD million": a scale word after the currency
            mult, e2 = apply_scale(norm, end, table, profile.arabic)
            if mult != 1.0 and not num.scaled:
                value *= mult
                end = e2
            # 8亿元人民币: a second currency name right after 元 names it
            if idx.cjk:
                again = currency_after(norm, end, idx, allow_gap=False)
                if again is not None and again.kind == "name":
                    code = again.code
                    end = again.end
        elif before is not None:
            if num.weak:
                continue
            code = before.code
            start = before.start
            if before.kind == "code" and before.end == num.start and num.kind != "digits":
                continue
        else:
            continue
        if num.weak and num.kind == "cjk":
            pass
        add, end2 = _continuation(norm, end, nums_by_start, idx, profile.base,
                                  value == int(value) and after is not None
                                  or before is not None and value == int(value))
        if add:
            value += add
            end = end2
        q, _ = qualifier_before(norm, start, profile.base)
        if q is None:
            q, _ = qualifier_after(norm, end, profile.base)
        facts.append(Fact(type="money", text="", start=start, end=end,
                          value=float(f"{value:.12g}"), currency=code, qualifier=q))
        used_until = end
    return facts
