"""The furniture rule: lines other bodies repeat are chrome only at the edges of a text, short,
and held by a different body; copies of one body (another title or outlet) keep every line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest import ingest_corpus
from generator.ingest.boilerplate import clean, is_short_unpunctuated, norm_line, width
from generator.ingest.corpus import body_keys
from generator.ingest.furniture import (
    FURNITURE_MAX,
    MANY_BODIES,
    copy_groups,
    furniture_indices,
    shared_lines,
)

from ..conftest import ROOT
from .texts import ARABIC, BIG5_ZH_HANT, ENGLISH, GB18030_ZH_HANS, GERMAN

SEED_004 = ROOT / "seeds" / "004_2af2013fb0c89e17.txt"
HEADER = ["Home", "Nachrichten aus aller Welt – jeden Tag neu"]
FOOTER = ["Impressum und Datenschutz", "© 2024 Beispiel Medien GmbH", "Newsroom: +49 30 1234567."]


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _pages(folder: Path) -> dict[str, list[str]]:
    articles, errors = ingest_corpus(folder)
    assert not errors, errors
    return {a.source: a.paragraphs for a in articles}


def _retitled(text: str, title: str) -> str:
    return title + "\n" + text.split("\n", 1)[1]


def test_004_and_a_retitled_copy_both_keep_every_paragraph(tmp_path):
    seed = SEED_004.read_text(encoding="utf-8")
    alone = _pages(_write(tmp_path / "alone", {"004.txt": seed}))["004.txt"]
    assert any("PayPal" in p and "eBay" in p for p in alone)
    both = _pages(
        _write(
            tmp_path / "both",
            {"004.txt": seed, "copy.txt": _retitled(seed, "Elon Musk umwirbt in Paris die Werbebranche")},
        )
    )
    assert both["004.txt"] == alone
    _assert_whole_body(both["copy.txt"], alone, seed)


def _assert_whole_body(page: list[str], alone: list[str], seed: str) -> None:
    """Every paragraph of the original, in order; the only extra line may be the original's
    own title repeat (under another title it is no longer a copy of the title)."""
    assert _is_subsequence(alone, page)
    assert set(page) - set(alone) <= {seed.split("\n")[2]}


def test_copies_at_outlets_with_their_own_chrome_keep_the_body(tmp_path):
    """The same body at a second outlet, inside that outlet's header and footer, next to two
    other stories of that outlet: the outlet's chrome goes from all three, the body stays."""
    seed = SEED_004.read_text(encoding="utf-8")
    alone = _pages(_write(tmp_path / "alone", {"004.txt": seed}))["004.txt"]
    title, body = seed.split("\n", 1)

    def outlet_page(title_: str, text: str) -> str:
        return "\n".join([title_, *HEADER, text, *FOOTER]) + "\n"

    files = {
        "004.txt": seed,
        "wire.txt": outlet_page("Musk in Paris: Werbung soll Twitter retten", body),
        "other-1.txt": outlet_page(GERMAN[0], "\n".join(GERMAN[1])),
        "other-2.txt": outlet_page(
            "Neue Brücke in Köln eröffnet",
            "Die neue Rheinbrücke wurde am Samstag nach vier Jahren Bauzeit eröffnet. "
            "Tausende Menschen kamen zur Feier.\nDer Verkehr soll sich in der Innenstadt "
            "damit deutlich entspannen, sagte die Oberbürgermeisterin bei der Eröffnung.",
        ),
    }
    pages = _pages(_write(tmp_path / "corpus", files))
    assert pages["004.txt"] == alone
    _assert_whole_body(pages["wire.txt"], alone, seed)
    assert pages["other-1.txt"] == GERMAN[1]
    for name in ("wire.txt", "other-1.txt", "other-2.txt"):
        assert not set(pages[name]) & set(HEADER + FOOTER), name


def test_a_shared_sentence_inside_two_different_articles_stays():
    quote = "„Wir brauchen schnellere Verfahren“, sagte ein Sprecher."
    a = [GERMAN[0], GERMAN[1][0], quote, GERMAN[1][1], GERMAN[1][2]]
    b = [
        "Handwerk warnt vor Fachkräftemangel",
        "Die Betriebe suchen dringend Personal für das kommende Jahr.",
        quote,
        "Viele Stellen bleiben seit Monaten unbesetzt, sagte der Verband.",
    ]
    ev = shared_lines({"a": body_keys(a), "b": body_keys(b)})
    assert ev["a"] == {norm_line(quote): 2}
    assert quote in clean(a, ev["a"]).paragraphs and quote in clean(b, ev["b"]).paragraphs


def test_shared_lines_at_the_edges_are_furniture_and_labels_of_many_bodies_anywhere():
    lines = [
        "Home",
        "Dateline Berlin",
        "Latest news",
        "A long sentence of reporting that nobody else has.",
        "Advertisement",
        "Another paragraph of reporting, also unique to this text.",
        "Subscribe to our newsletter today.",
        "Imprint",
    ]
    shared = {
        norm_line("Home"): 2,
        norm_line("Latest news"): 2,
        norm_line("Advertisement"): MANY_BODIES,
        norm_line("Subscribe to our newsletter today."): 2,
    }
    # Home … Latest news: the leading block up to its last shared line; Advertisement: a label
    # many bodies hold; the trailing block from its first shared line to the end.
    assert furniture_indices(lines, shared) == {0, 1, 2, 4, 6, 7}
    # …but never most of a text: then the text is what the corpus shares.
    assert furniture_indices(lines[:3] + lines[4:5], shared) == set()
    assert furniture_indices(lines, {norm_line("Advertisement"): 2}) == set()  # two bodies: not many


def test_a_label_above_the_first_shared_line_stays():
    lines = ["Analyse", "Home", "A long sentence of reporting that nobody else has in this corpus."]
    assert furniture_indices(lines, {norm_line("Home"): 2}) == {1}


def test_long_lines_are_never_furniture():
    long_line = "Wire copy " * 20
    assert width(long_line) > FURNITURE_MAX
    assert furniture_indices([long_line, "Body sentence."], {norm_line(long_line): MANY_BODIES}) == set()


def test_copy_groups_join_copies_and_chains_but_not_an_outlets_pages():
    body = [
        f"Paragraph {i} of the story, long enough to weigh something in the comparison." for i in range(6)
    ]
    chrome = ["Home", "Contact", "© Example"]
    texts = {
        "a": body,
        "b": body[:4] + chrome,
        "c": body[2:] + ["An added paragraph at the end of c."],
        "d": ["A different story about the harbour and its ferries."] + chrome,
        "e": ["Yet another story, on the city budget and what it pays for."] + chrome,
    }
    groups = copy_groups({k: frozenset(map(norm_line, v)) for k, v in texts.items()})
    assert groups["a"] == groups["b"] == groups["c"] == "a"
    assert len({groups["a"], groups["d"], groups["e"]}) == 3


def test_an_edited_copy_is_a_copy():
    """004 with every long paragraph edited (a name changed, a word added) shares few whole
    lines with it, but most of its shingles: still one body, so the short lines both keep
    are not furniture."""
    lines = SEED_004.read_text(encoding="utf-8").split("\n")

    def edit(ln: str) -> str:
        first, rest = ln.replace("Musk", "der Tesla-Chef").split(" ", 1)
        return f"{first} offenbar {rest}"

    edited = [lines[0]] + [edit(ln) if width(ln) > FURNITURE_MAX else ln for ln in lines[1:]]
    bodies = {"004": body_keys(lines), "edited": body_keys(edited)}
    shared = bodies["004"] & bodies["edited"]
    assert sum(map(len, shared)) < 0.3 * sum(map(len, bodies["004"]))  # whole lines alone: no copy
    assert copy_groups(bodies) == {"004": "004", "edited": "004"}
    assert shared_lines(bodies) == {"004": {}, "edited": {}}


def test_a_short_text_is_compared_on_whole_lines():
    """Few shingles are mostly one chrome line: a short text is no copy of another page of its outlet."""
    chrome = "Readers can reach the newsroom by telephone every weekday."
    a = [
        "A council vote on the new bridge passed on Monday after a long debate.",
        "A council vote on the new bridge passed on Friday after a long debate.",
        chrome,
    ]
    b = ["The budget for next year was approved today.", "It takes effect in May.", chrome]
    groups = copy_groups({"a": frozenset(map(norm_line, a)), "b": frozenset(map(norm_line, b))})
    assert groups == {"a": "a", "b": "b"}


def test_identical_texts_and_the_seeds_lose_nothing_to_each_other(tmp_path):
    """The five seeds (000 and 002 share their outlet's chrome) clean as they did alone or together."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    together = _pages(_write(tmp_path / "all", {p.name: p.read_text(encoding="utf-8") for p in seeds}))
    for p in seeds:
        alone = _pages(_write(tmp_path / p.stem, {p.name: p.read_text(encoding="utf-8")}))[p.name]
        assert together[p.name] == alone, p.name


# ----------------------------------------------------------------------------- property

WORDS = (
    "the council budget vote bridge harbour ferry police court Musk Twitter Paris "
    "Bundesregierung Förderprogramm Wärmepumpen 市政府 捷運 وزارة المالية 60 % 4.000 2023"
).split()
CHROME = [
    "Home",
    "Follow our live blog",
    "Newsletter",
    "© 2024 Example Media",
    "Contact the newsroom.",
    "All stories by our reporters",
    "Imprint | Privacy",
]
SAMPLES = [ENGLISH, GERMAN, ARABIC, BIG5_ZH_HANT, GB18030_ZH_HANS]

sentence = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    st.sampled_from(["", ".", "?", ","]),
)
pool_line = st.one_of(
    sentence, st.sampled_from(CHROME), st.sampled_from([p for _, ps in SAMPLES for p in ps])
)
text_lines = st.builds(
    lambda title, top, body, bottom: [title, *top, *body, *bottom],
    st.sampled_from([t for t, _ in SAMPLES] + ["A headline", "Eine Überschrift"]),
    st.lists(st.sampled_from(CHROME), max_size=3),
    st.lists(pool_line, min_size=1, max_size=8),
    st.lists(st.sampled_from(CHROME), max_size=3),
)


def _clean_corpus(texts: dict[str, list[str]]) -> dict[str, list[str]]:
    """What ingest_corpus does with the texts' lines, without files: evidence, then clean."""
    evidence = shared_lines({k: body_keys(v) for k, v in texts.items()})
    out = {k: clean(v, evidence[k]).paragraphs for k, v in texts.items()}
    # A text left with no paragraph shows its title as its text: compare it as empty.
    return {k: [] if ps == [texts[k][0]] else ps for k, ps in out.items()}


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(any(x == y for y in it) for x in short)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(text_lines, min_size=1, max_size=4),
    st.one_of(
        text_lines.map(lambda t: ("new", t)),
        st.tuples(st.integers(0, 3), st.sampled_from(["Retitled headline", "Another outlet's title"])).map(
            lambda it: ("copy", it)
        ),
    ),
)
def test_adding_an_article_removes_only_furniture_from_the_others(corpus, extra):
    """Adding any other article never removes a paragraph from an article whose own text did
    not change, unless that paragraph is furniture by the rule: short, held by a body that is
    not a copy of this one (or a label of the block such lines end), never a long paragraph.
    A retitled copy of an article removes nothing from it and gets its whole body."""
    texts = {f"a{i}": lines for i, lines in enumerate(corpus)}
    kind, value = extra
    if kind == "copy":
        i, title = value
        source = f"a{i % len(corpus)}"
        added = [title, *texts[source][1:]]
    else:
        source, added = None, value
    before = _clean_corpus(texts)
    after = _clean_corpus({**texts, "x": added})
    keys = {k: body_keys(v) for k, v in {**texts, "x": added}.items()}
    groups = copy_groups(keys)
    for k in texts:
        # (a line may also come back: a new copy can join two bodies and weaken evidence)
        removed = list((Counter(before[k]) - Counter(after[k])).elements())
        if source is not None and groups[k] == groups["x"]:
            assert not removed, (k, removed)
        for p in removed:
            assert width(p) <= FURNITURE_MAX, p
            held_elsewhere = any(norm_line(p) in keys[o] for o in keys if groups[o] != groups[k])
            assert held_elsewhere or is_short_unpunctuated(p), (k, p)
    if (
        source is not None
        and before[source]
        and all(norm_line(ln) not in (norm_line(added[0]), norm_line(texts[source][0])) for ln in added[1:])
    ):
        assert after["x"] == after[source]  # (not when a line repeats either title)
