"""Arbitrary Unicode through ingest and every extractor: nothing raises but the documented
IngestError/DecodeError, and what comes out keeps its invariants (offsets, hygiene).

Bounded for CI (max_examples ≤ 100, no deadline: the first calls load models and tables).
The extractors promise never to raise and log internal errors instead, so a logged error
counts as a failure here too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest.article import IngestError, Sidecar, build_article
from generator.ingest.boilerplate import clean
from generator.ingest.decode import BIDI_CONTROLS, CONTROL_CHARS, DecodeError, decode_bytes, normalize_text

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LANGS = ["en", "de", "ar", "zh-Hant", "zh-Hans", "fr", "ja", "und", "xx-Invalid", ""]

# Characters the extractors react to: digits of several scripts, number words' scripts,
# currency and percent signs, separators, quotes, markup, bidi controls, emoji.
INTERESTING = (
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳٤٥٦٧٨٩０１２３４５６７８９〇一二三四五六七八九十百千萬万億亿兆"
    ".,،٫٬'’ %٪％‰$€£¥₩₹元美圓円دولارمليونمليارألفYuanMillionBillionMioMrdProzentpercent"
    '年月日時号點点 ~-–—/:：()（）「」"<>&{}#*_[]!\n\t\u00a0\u202f\u3000\u202e\u200f\u061c🚀👏🏽'
    "JanuarMärzAprilMayJuneJuliDezember周五星期الأحديناير马斯克馬斯克ماسكElonMuskTeslaBerlin台北القاهرة"
)
texts = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=INTERESTING, max_size=400),
    st.lists(
        st.one_of(
            st.text(alphabet=INTERESTING, min_size=1, max_size=12),
            st.integers(-(10**15), 10**15).map(str),
            st.floats(allow_nan=False, allow_infinity=False).map(str),
            st.sampled_from([" ", "\n", "，", "。", ". ", "% ", "億美元", " Mrd. Euro", " مليار دولار"]),
        ),
        max_size=60,
    ).map("".join),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextlib.contextmanager
def logged_errors():
    handler = _Errors()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)


def _optional(module: str):
    """The extractor packages are optional here: skip while one is missing or being rebuilt."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


facts_mod = _optional("generator.facts")
entities_mod = _optional("generator.entities")


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_bytes_returns_clean_text_or_decode_error(data):
    try:
        text, encoding, warnings = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert text.strip()
    assert not CONTROL_CHARS.search(text) and not BIDI_CONTROLS.search(text)
    assert "\r" not in text and "\ufeff" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert isinstance(encoding, str) and all(isinstance(w, str) for w in warnings)


@SETTINGS
@given(st.text(max_size=1000))
def test_decode_bytes_round_trips_utf8(text):
    try:
        decoded, encoding, _ = decode_bytes(text.encode("utf-8"))
    except DecodeError:
        assert (
            not normalize_text(text).strip()
            or "\x00" in text
            or sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r") > 0
        )
        return
    assert encoding == "utf-8"
    assert decoded == normalize_text(text)


@SETTINGS
@given(st.lists(texts, max_size=20), st.frozensets(st.text(max_size=20), max_size=5))
def test_clean_never_raises(lines, repeated):
    lines = [ln for chunk in lines for ln in chunk.split("\n")]
    c = clean(lines, repeated)
    assert len(c.kinds) == len(c.paragraphs)
    assert all(p.strip() == p and p for p in c.paragraphs)
    assert not c.paragraphs or c.title


@SETTINGS
@given(texts, st.sampled_from([None, "en", "ar", "zh-Hant"]), dates)
def test_build_article_returns_an_article_or_ingest_error(text, lang, published):
    text = normalize_text(text)
    try:
        a = build_article(
            "x", "x", "x.txt", text.split("\n"), text.encode(), Sidecar(lang=lang, published=published)
        )
    except IngestError as exc:
        assert str(exc)
        return
    assert a.paragraphs and a.title and a.lang
    assert len(a.kinds) == len(a.paragraphs)


@pytest.mark.skipif(facts_mod is None, reason="generator.facts not importable")
@SETTINGS
@given(texts, st.sampled_from(LANGS), dates)
def test_extract_facts_never_raises_and_anchors_its_facts(text, lang, published):
    body = normalize_text(text)
    with logged_errors() as errors:
        facts = facts_mod.extract_facts(body, lang, published)
    assert not errors, [(r.getMessage(), r.exc_text) for r in errors]
    last_end = -1
    for f in facts:
        assert 0 <= f.start < f.end <= len(body)
        assert body[f.start : f.end] == f.text
        assert f.start >= last_end, "facts overlap"
        last_end = f.end
        f.to_json()


@pytest.mark.skipif(entities_mod is None, reason="generator.entities not importable")
@SETTINGS
@given(texts, st.sampled_from(LANGS))
def test_recognize_never_raises_and_anchors_its_mentions(text, lang):
    body = normalize_text(text)
    with logged_errors() as errors:
        mentions = entities_mod.recognize(body, lang)
    assert not errors, [(r.getMessage(), r.exc_text) for r in errors]
    for m in mentions:
        assert 0 <= m.start < m.end <= len(body)
        assert body[m.start : m.end] == m.text
