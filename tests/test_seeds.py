"""What the pipeline must find in each seed file (tests/seed_expectations.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

EXPECTATIONS = json.loads((Path(__file__).parent / "seed_expectations.json").read_text("utf-8"))
FILES = sorted(k for k in EXPECTATIONS if not k.startswith("_"))


def test_every_seed_file_has_expectations():
    on_disk = sorted(p.name for p in SEEDS.iterdir() if p.is_file())
    assert on_disk == FILES


def _rows_of(tables, name):
    articles = [a for a in tables["articles"] if a["source_uri"].endswith("/" + name)]
    ids = {a["article_id"] for a in articles}
    pick = {t: [r for r in tables[t] if r["article_id"] in ids] for t in ("entities", "quotes")}
    return articles, pick["entities"], pick["quotes"]


@pytest.mark.parametrize("name", FILES)
def test_seed_articles(seed_output, name):
    expected = EXPECTATIONS[name]
    articles, _, _ = _rows_of(seed_output[1], name)
    assert len(articles) == expected["articles"]
    for field in ("title", "external_id", "encoding"):
        if field in expected:
            assert articles[0][field] == expected[field]
    for absent in expected.get("not_in_text", []):
        assert all(absent not in a["text"] for a in articles)


@pytest.mark.parametrize("name", FILES)
def test_seed_entities(seed_output, name):
    expected = EXPECTATIONS[name]
    _, entities, _ = _rows_of(seed_output[1], name)
    found = {(e["text"], e["label"]) for e in entities}
    missing = [tuple(e) for e in expected["entities"] if tuple(e) not in found]
    assert not missing, f"missing entities {missing}; found {sorted(found)}"
    canon = {(e["text"], e["canonical"]) for e in entities}
    for pair in expected.get("canonical", []):
        assert tuple(pair) in canon, f"{pair} not among {sorted(canon)}"


def _describe(quotes):
    return "\n".join(
        f"  {q['kind']:<8} {q['text'][:60]!r} speaker={q['speaker_text']!r}->{q['speaker_name']!r}"
        f" cue={q['cue_text']!r}"
        for q in quotes
    )


@pytest.mark.parametrize("name", FILES)
def test_seed_quotes(seed_output, name):
    expected = EXPECTATIONS[name]
    _, _, quotes = _rows_of(seed_output[1], name)
    problems = []
    for want in expected["quotes"]:
        matches = [q for q in quotes if want["contains"] in q["text"]]
        if not matches:
            problems.append(f"no quote containing {want['contains']!r}")
            continue
        q = matches[0]
        for field in ("kind", "speaker_name", "speaker_text", "cue_text"):
            if field in want and q[field] != want[field]:
                problems.append(
                    f"{want['contains'][:40]!r}: {field} {q[field]!r} != {want[field]!r}"
                )
    for text in expected.get("not_quotes", []):
        # words a reader would not call anyone's quote (a participle saying who people are)
        problems += [f"{text!r} came out as a quote" for q in quotes if q["text"] == text]
    multi = expected.get("multi_paragraph_quote")
    if multi and not any(
        multi["contains"] in q["text"] and multi["also_contains"] in q["text"] for q in quotes
    ):
        problems.append(f"no single quote spanning paragraphs from {multi['contains']!r}")
    assert not problems, "\n".join(problems) + "\nquotes found:\n" + _describe(quotes)
