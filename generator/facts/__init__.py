"""Key-fact extraction: money, percentages, quantities and dates in article text.

    from generator.facts import extract_facts
    facts = extract_facts(body, "zh-Hant", published=datetime.date(2023, 4, 15))

One module per kind (numbers, money, percent, quantity, dates), all driven by CLDR
locale data through Babel plus small tables in ``data/``. Pure functions; per-language
tables are built once and cached.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import gc
import logging
import operator

from ..model import Fact
from ._locale import get_profile, normalize
from .candidate import Candidate
from .dates import extract_dates
from .money import extract_money
from .numbers import scan_numbers
from .percent import extract_percent
from .quantity import extract_quantity

__all__ = ["extract_facts"]

log = logging.getLogger(__name__)

# When spans overlap, the more specific reading wins: "440億美元" is money, not a
# quantity; "2021年" is a date, not a count.
PRIORITY = {"money": 0, "percent": 1, "date": 2, "quantity": 3}
GC_PAUSE_CHARS = 50_000  # texts longer than this are read with the cyclic collector paused


def extract_facts(text: str, lang: str, published: _dt.date | None = None) -> list[Fact]:
    """Money, percent, quantity and date facts in ``text``, sorted by (start, end).

    ``text[f.start:f.end] == f.text`` for every fact; spans do not overlap. Never raises:
    an internal error is logged and yields no facts rather than breaking a build.
    """
    if not isinstance(text, str) or not text:
        return []
    # A large text makes ~100,000 short-lived candidates and no reference cycles: the
    # cyclic collector would rescan them over and over (a quarter of the time spent).
    pause_gc = len(text) > GC_PAUSE_CHARS and gc.isenabled()
    if pause_gc:
        gc.disable()
    try:
        return _extract(text, lang if isinstance(lang, str) else "und", published)
    except Exception:  # noqa: BLE001 - a bad sentence must not stop the site build
        log.exception("fact extraction failed (lang=%s, %d chars)", lang, len(text))
        return []
    finally:
        if pause_gc:
            gc.enable()


def _extract(text: str, lang: str, published) -> list[Fact]:
    """The facts of ``text``. Steps: normalise, scan numbers, read each kind's
    candidates, keep the most specific of overlapping ones (_choose), make Facts."""
    profile = get_profile(lang)
    norm = normalize(text)
    nums = scan_numbers(norm, profile)
    cands: list[Candidate] = []
    cands += extract_money(norm, nums, profile)
    cands += extract_percent(norm, nums, profile)
    cands += extract_dates(norm, nums, profile, published)
    cands += extract_quantity(norm, text, nums, profile)
    chosen = _choose(cands, len(text))
    if not _FAST_FACT:
        return [
            Fact(c.type, text[c.start : c.end], c.start, c.end, c.value, c.currency, c.unit, c.qualifier)
            for c in chosen
        ]
    # Built inline (no helper call per Fact) with the instance dict set at once
    new, set_dict = object.__new__, object.__setattr__
    facts = []
    for c in chosen:
        f = new(Fact)
        set_dict(
            f,
            "__dict__",
            {
                "type": c.type,
                "text": text[c.start : c.end],
                "start": c.start,
                "end": c.end,
                "value": c.value,
                "currency": c.currency,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "name": None,
                "id": None,
            },
        )
        facts.append(f)
    return facts


# A frozen dataclass sets each field through object.__setattr__: building a Fact so costs
# ~3x writing its fields into its dict at once (a text of figures alone makes 30,000).
# That is done when Fact is a plain frozen dataclass with an instance dict, no
# __post_init__ and exactly these fields (what __init__ would leave there); else __init__.
_FAST_FACT = (
    not hasattr(Fact, "__slots__")
    and not hasattr(Fact, "__post_init__")
    and tuple(f.name for f in dataclasses.fields(Fact))
    == ("type", "text", "start", "end", "value", "currency", "unit", "qualifier", "name", "id")
)


_BY_SPAN = operator.attrgetter("start", "end")


def _priority(c: Candidate) -> tuple:
    """The order in which overlapping candidates are chosen: more specific kind, then
    longer, then earlier."""
    return (PRIORITY[c.type], c.start - c.end, c.start)


# Up to this many overlapping candidates are settled pairwise (quadratic, but clusters of
# real text hold 2-3); a longer chain, which only a crafted text makes, by an occupancy map.
_SMALL_CLUSTER = 16


def _choose(cands: list[Candidate], n: int) -> list[Candidate]:
    """The candidates that do not overlap a more specific (then longer, earlier) one,
    sorted by (start, end).

    Candidates that overlap no other are all chosen; only the runs of overlapping ones
    (clusters) are settled by priority. That is what settling all of them at once gives
    (a choice inside a cluster never meets a candidate outside it), without sorting
    and marking the many that overlap nothing (a text of figures has 25,000)."""
    valid = [c for c in cands if 0 <= c.start < c.end <= n]
    valid.sort(key=_BY_SPAN)  # stable: candidates of one span keep their order
    chosen: list[Candidate] = []
    cluster: list[Candidate] = []
    reach = -1  # the end of the current cluster
    for c in valid:
        if c.start >= reach:  # overlaps nothing before it: the cluster is closed
            if len(cluster) == 1:
                chosen.append(cluster[0])
            elif cluster:
                chosen += _settle(cluster)
            cluster = [c]
            reach = c.end
        else:
            cluster.append(c)
            if c.end > reach:
                reach = c.end
    if len(cluster) == 1:
        chosen.append(cluster[0])
    elif cluster:
        chosen += _settle(cluster)
    return chosen


def _settle(cluster: list[Candidate]) -> list[Candidate]:
    """The candidates of one cluster of overlapping ones chosen by priority, each when
    it overlaps none chosen before it; sorted by (start, end)."""
    cluster.sort(key=_priority)  # stable: ties keep the order the readers gave
    chosen: list[Candidate] = []
    if len(cluster) <= _SMALL_CLUSTER:
        for c in cluster:
            if all(c.end <= k.start or k.end <= c.start for k in chosen):
                chosen.append(c)
    else:  # a long chain of overlaps (none seen in real text): linear in its width
        lo = min(c.start for c in cluster)
        occupied = bytearray(max(c.end for c in cluster) - lo)  # 1 where a chosen one lies
        for c in cluster:
            if occupied.find(1, c.start - lo, c.end - lo) == -1:
                occupied[c.start - lo : c.end - lo] = b"\x01" * (c.end - c.start)
                chosen.append(c)
    chosen.sort(key=_BY_SPAN)
    return chosen
