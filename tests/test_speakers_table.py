"""The speakers table from a real run: one identity per person across articles, joined by id."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.pipeline_runs import read_tables, run_cli

pytestmark = pytest.mark.slow

ARTICLES = {
    "a1.txt": "Daniel Osei held a rally in Ohio on Monday.\n\n"
              "\u201cWe will win this state,\u201d Daniel Osei said.",
    "a2.txt": "The candidate spoke to reporters in Iowa.\n\n"
              "\u201cThe polls are wrong,\u201d Osei said on Tuesday.",
    "a3.txt": "Hillary Clinton visited a school in Denver.\n\n"
              "\u201cTeachers deserve more,\u201d Hillary Clinton said.",
    "a4.txt": "Bill Clinton spoke at a dinner in Little Rock.\n\n"
              "\u201cI miss this city,\u201d Bill Clinton said.",
    "a5.txt": "The statement came late on Friday.\n\n"
              "\u201cThat is not true,\u201d Clinton said.",
}


@pytest.fixture(scope="module")
def speaker_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("speakers")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "out"
    assert run_cli([str(folder / "*.txt")], out, "--runner", "DirectRunner") == 0
    return read_tables(out)


def test_variants_of_one_person_are_one_identity(speaker_run):
    speakers = {s["name"]: s for s in speaker_run["speakers"]}
    # (a surname no shipped list knows: "Trump" alone is now Donald Trump inside its article)
    osei = speakers["Daniel Osei"]
    assert osei["type"] == "PERSON"
    assert osei["variants"] == ["Daniel Osei", "Osei"]
    assert (osei["n_quotes"], osei["n_articles"]) == (2, 2)
    assert "Osei" not in speakers


def test_a_shared_surname_stays_apart(speaker_run):
    speakers = speaker_run["speakers"]
    names = Counter(s["name"] for s in speakers)
    assert names["Hillary Clinton"] == 1 and names["Bill Clinton"] == 1
    bare = [s for s in speakers if s["name"] == "Clinton"]
    assert len(bare) == 1 and bare[0]["n_articles"] == 1  # a5's Clinton, merged with no one
    assert bare[0]["could_be"] == ["Bill Clinton", "Hillary Clinton"]


def test_quotes_join_their_speaker_and_counts_add_up(speaker_run):
    ids = {s["speaker_id"]: s for s in speaker_run["speakers"]}
    quotes = speaker_run["quotes"]
    named = [q for q in quotes if q["speaker_name"]]
    assert named and all(q["speaker_id"] in ids for q in named)
    assert all(q["speaker_id"] is None for q in quotes if not q["speaker_name"])
    per_id = Counter(q["speaker_id"] for q in named)
    assert per_id == Counter({sid: s["n_quotes"] for sid, s in ids.items()})
    for sid, s in ids.items():
        assert s["n_articles"] == len({q["article_id"] for q in named if q["speaker_id"] == sid})


def test_quotes_are_written_in_parts_not_through_a_flatten(tmp_path):
    """Built, not run: the in-process runner holds a Flatten of two stages' outputs in memory
    until both are done, which held every quote row of a run (Reuters, 19k articles: +50 MB);
    each part of `quotes` must go to its own writer."""
    import apache_beam as beam

    from pipeline.graph import build
    from pipeline.run_config import RunConfig

    config = RunConfig.with_defaults(input=[str(tmp_path / "*.txt")], output=str(tmp_path / "o"),
                                     dry_run=True)
    pipeline = beam.Pipeline()
    build(pipeline, config)
    labels: list[str] = []

    class Visitor(beam.pipeline.PipelineVisitor):
        def visit_transform(self, node):
            labels.append(node.full_label)

    pipeline.visit(Visitor())
    writes = {label.split("/")[1] for label in labels if label.startswith("WriteTables/Write")}
    assert {"WriteQuotes", "WriteQuotes1", "WriteSpeakers"} <= writes
    # (CoGroupByKey's own Flatten feeds its shuffle, which holds those rows anyway)
    assert not [label for label in labels if "BuildSpeakers" in label and "Flatten" in label
                and "CoGroupByKey" not in label]
