"""Where a currency can start or end in a text: the cheap pass before money.py reads the
numbers (see reach.py).

A currency after a number starts with a symbol's first character, a CJK name's first
character, or a word that can begin a name, an ISO code or a subunit; one before a number
ends with a symbol's last character, a CJK name's last character or a code. These
tables are built once per currency index; the positions once per text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ._locale import LETTERS, fold_key, unsuffixed
from .reach import (
    char_class,
    char_positions,
    reach_back,
    reach_forward,
    token_starts_ends,
)

_LEAD_RE = re.compile(LETTERS)
_TAIL_RE = re.compile(rf"(?:{LETTERS})$")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass
class ReachTables:
    """Per currency index: what a currency may begin or end with."""

    start_chars: re.Pattern | None  # non-letter, non-CJK first characters (symbols)
    end_chars: re.Pattern | None  # non-letter last characters (symbols; CJK names)
    end_dots: re.Pattern | None  # a character before a symbol's final dot (the / of b/.)
    heads: frozenset  # folded words a name, subunit or letter symbol may begin with
    tails: frozenset  # lower-cased letter endings of letter symbols (kr, zł, Rs)
    tail_lens: tuple  # their lengths
    arabic: bool
    code_of: Callable[[str], str | None]
    cjk_first: re.Pattern | None = None  # CJK first characters of symbols and names
    cjk_whole: frozenset = frozenset()  # CJK characters that are a whole symbol or name
    cjk_pairs: frozenset = frozenset()  # the first two characters of the longer ones
    suffix_max: int = 0  # letters of a case ending a word may carry (_locale.unsuffixed)
    start_cache: dict = field(default_factory=dict)
    end_cache: dict = field(default_factory=dict)

    def starts_with_word(self, tok: str) -> bool:
        """Can a currency begin with this letter token?"""
        key = fold_key(tok, self.arabic)
        if key in self.heads or tok.lower() in self.heads:
            return True
        if self.suffix_max and unsuffixed(key, self.heads, self.suffix_max) is not None:
            return True
        if self.code_of(tok):
            return True
        return len(tok) == 4 and tok[0] in "mMkK" and self.code_of(tok[1:]) is not None

    def ends_with_word(self, tok: str) -> bool:
        """Can a currency end with this letter token (a code, a letter symbol)?"""
        if len(tok) == 3 and tok.isalpha() and self.code_of(tok):
            return True
        low = tok.lower()
        if low in self.tails:
            return True
        # a letter symbol is a word of its own, except after CJK (美kr): tokens run on there
        return any(
            low[-k:] in self.tails and _CJK_RE.match(low[-k - 1]) for k in self.tail_lens if k < len(low)
        )


def reach_tables(
    symbols: dict,
    names: dict,
    subunits: dict,
    first_words: frozenset,
    cjk: bool,
    arabic: bool,
    code_of: Callable[[str], str | None],
) -> ReachTables:
    """The tables of one currency index (its symbols, names, subunits and code test)."""
    starts, ends, heads, tails = set(), set(), set(), set()
    cjk_keys: set[str] = set()  # symbols (lower-cased, as looked up) and names that begin in CJK
    dot_tails: set[str] = set()  # letter endings of symbols that end with a dot
    dot_after: set[str] = set()  # other characters before a symbol's final dot (b/.)
    for sym in symbols:
        for s in (sym, sym.upper()):
            lead, tail = _LEAD_RE.match(s), _TAIL_RE.search(s)
            if lead:
                heads.add(lead.group().lower())
            if _CJK_RE.match(s[0]):  # CJK runs on with the next word: 円の
                cjk_keys.update((s, s.lower()))
            elif not lead:
                starts.add(s[0])
            if tail:
                tails.add(tail.group().lower())
            if s.endswith(".") and len(s) > 1:
                # "kr.", "Rs.": the word before the dot (a dot ends too many things)
                dot = _TAIL_RE.search(s[:-1])
                if dot:
                    dot_tails.add(dot.group().lower())
                else:
                    dot_after.add(s[-2])
            elif not tail or _CJK_RE.match(s[-1]):
                ends.add(s[-1])
    for w in first_words:
        lead = _LEAD_RE.match(w)
        if lead:
            heads.add(lead.group())
    if cjk:
        for key in list(names) + list(subunits):
            if key and _CJK_RE.match(key[0]):
                cjk_keys.add(key)
            if len(key) >= 2 and _CJK_RE.match(key[-1]) and key in names:
                ends.add(key[-1])
    # Two scans, each led by a character class: one regex with both branches would be
    # tried at every position of the text (no class to skip ahead by).
    dot_class = char_class(dot_after)
    tails |= dot_tails
    return ReachTables(
        char_class(starts),
        char_class(ends),
        re.compile(rf"{dot_class.pattern}(?=\.)") if dot_class else None,
        frozenset(heads),
        frozenset(tails),
        tuple(sorted({len(t) for t in tails}, reverse=True)),
        arabic,
        code_of,
        char_class(k[0] for k in cjk_keys),
        frozenset(k for k in cjk_keys if len(k) == 1),
        frozenset(k[:2] for k in cjk_keys if len(k) > 1),
    )


def _cjk_starts(norm: str, tables: ReachTables) -> list[int]:
    """Where a CJK symbol or name may start: a character that is one, or the first two
    of a longer one. The answer depends on those two characters alone, so it is worked
    out once per distinct pair in the text (a text of CJK figures repeats 百, 萬 …)."""
    whole, pairs = tables.cjk_whole, tables.cjk_pairs
    seen: dict[str, bool] = {}
    out = []
    for p in char_positions(norm, tables.cjk_first):
        pair = norm[p : p + 2]
        ok = seen.get(pair)
        if ok is None:
            ok = seen[pair] = pair[0] in whole or pair in pairs or pair.lower() in pairs
        if ok:
            out.append(p)
    return out


def currency_reach(norm: str, tables: ReachTables) -> tuple[set[int], set[int], set[int]]:
    """(after, before, starts): the positions from which a currency may start within two
    spaces, the positions a currency may end before within two spaces, and the
    positions a currency may start at."""
    tok_starts, _ = token_starts_ends(norm, tables.starts_with_word, tables.start_cache)
    _, tok_ends = token_starts_ends(norm, tables.ends_with_word, tables.end_cache)
    starts = set(char_positions(norm, tables.start_chars))
    starts.update(tok_starts)
    # a CJK character starts a currency only as a whole one or with its second character
    # (百 begins 百慕達元, but 三百萬 holds no currency): most CJK numerals are no start
    starts.update(_cjk_starts(norm, tables))
    ends = [p + 1 for p in char_positions(norm, tables.end_chars)]
    ends += [p + 2 for p in char_positions(norm, tables.end_dots)]  # the dot of b/.
    ends += tok_ends
    ends += [e + 1 for e in tok_ends if norm.startswith(".", e)]  # kr.
    return reach_back(norm, starts), reach_forward(norm, ends), starts
