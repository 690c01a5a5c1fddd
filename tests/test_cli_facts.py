"""`briefing facts`: figures and entity facts in the briefing.json shape."""

import io
import json
import sys
import types

from generator import cli


def run_facts(monkeypatch, text: str, *argv: str) -> str:
    """Standard output of `briefing facts ARGV` fed ``text`` on standard input."""
    stdin = types.SimpleNamespace(buffer=io.BytesIO(text.encode("utf-8")))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["facts", *argv]) == 0
    return out.getvalue()


def test_lines_print_figures_and_entities(monkeypatch):
    text = "馬斯克以440億美元收購推特,裁掉約80%的員工\n\nElon Musk paid $44 billion.\n"
    rows = [
        json.loads(line) for line in run_facts(monkeypatch, text, "--lang", "zh-Hant", "--lines").splitlines()
    ]
    assert len(rows) == 3 and rows[1] == {"facts": []}
    types_ = [f["type"] for f in rows[0]["facts"]]
    assert "money" in types_ and "percent" in types_ and "person" in types_
    person = next(f for f in rows[0]["facts"] if f["type"] == "person")
    assert person["text"] == "馬斯克" and person["start"] == 0 and person["end"] == 3
    assert person["name"] and person["id"]
    starts = [f["start"] for f in rows[0]["facts"]]
    assert starts == sorted(starts)


def test_whole_text_offsets_point_at_text(monkeypatch):
    text = "Elon Musk paid $44 billion for Twitter; 80 percent of staff left."
    facts = json.loads(run_facts(monkeypatch, text, "--lang", "en"))["facts"]
    assert {"person", "money", "percent"} <= {f["type"] for f in facts}
    for f in facts:
        assert text[f["start"] : f["end"]] == f["text"]
