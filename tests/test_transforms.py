"""Each Beam transform on its own, in a TestPipeline: good output and error output both."""

from __future__ import annotations

import json

import apache_beam as beam
import fastavro
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.annotate import Annotate
from transforms.metrics import NAMESPACE
from transforms.read_articles import ParseFiles, ReadArticles
from transforms.readers import article_input
from transforms.write_tables import WriteTables

pytestmark = pytest.mark.slow


@pytest.fixture
def input_dir(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nThe mayor said the plan would work.\n")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "1", "text": "First."})
        + "\n{bad\n"
        + json.dumps({"id": "3", "text": "Third."})
    )
    (tmp_path / "c.txt").write_bytes(b"")
    return tmp_path


def test_parse_files_good_and_errors(input_dir):
    paths = [str(input_dir / n) for n in ("a.txt", "b.jsonl", "c.txt", "missing.txt")]
    with TestPipeline() as p:
        result = p | beam.Create(paths) | ParseFiles()
        assert_that(
            result.articles | "Ids" >> beam.Map(lambda a: (a["source_uri"].rsplit("/", 1)[-1],
                                                        a["line"], a["external_id"])),
            equal_to([("a.txt", None, None), ("b.jsonl", 1, "1"), ("b.jsonl", 3, "3")]),
            label="Articles",
        )
        assert_that(
            result.errors | "Reasons" >> beam.Map(lambda e: (e["source_uri"].rsplit("/", 1)[-1],
                                                          e["line"], e["error_type"])),
            equal_to([("b.jsonl", 2, "invalid_json"), ("c.txt", None, "empty_input"),
                      ("missing.txt", None, "unreadable")]),
            label="Errors",
        )


def test_read_articles_matches_globs_once(input_dir):
    # two overlapping patterns: every file is still read once
    patterns = [str(input_dir / "*.txt"), str(input_dir / "**")]
    with TestPipeline() as p:
        result = p | ReadArticles(patterns)
        assert_that(result.articles | "CountArticles" >> beam.combiners.Count.Globally(),
                    equal_to([3]), label="Articles")
        assert_that(result.errors | "CountErrors" >> beam.combiners.Count.Globally(),
                    equal_to([2]), label="Errors")


def _article(text: str, uri: str = "/in/x.txt") -> dict:
    return article_input(uri, "txt", "utf-8", text)


def test_annotate_emits_every_table():
    texts = [
        "Jane Okafor, the mayor, said the barrier would protect 4,000 homes.",
        "\u201cWe are ready,\u201d said Tom Reyes. Work starts in May.",
    ]
    with TestPipeline() as p:
        tables = p | beam.Create([_article(t, f"/in/{i}.txt") for i, t in enumerate(texts)]) | (
            Annotate()
        )
        assert_that(tables.articles | "N" >> beam.Map(lambda a: a["n_sentences"]),
                    equal_to([1, 2]), label="Articles")
        assert_that(tables.sentences | "S" >> beam.Map(lambda s: s["text"]),
                    equal_to([texts[0], "\u201cWe are ready,\u201d said Tom Reyes.",
                              "Work starts in May."]), label="Sentences")
        assert_that(tables.entities | "E" >> beam.Filter(lambda e: e["label"] == "PERSON")
                    | "ET" >> beam.Map(lambda e: e["text"]),
                    equal_to(["Jane Okafor", "Tom Reyes"]), label="Entities")
        assert_that(tables.quotes | "Q" >> beam.Map(lambda q: (q["text"], q["speaker_name"])),
                    equal_to([("the barrier would protect 4,000 homes", "Jane Okafor"),
                              ("We are ready,", "Tom Reyes")]), label="Quotes")
        assert_that(tables.errors, equal_to([]), label="Errors")


def test_counters_are_reported():
    p = beam.Pipeline()
    _ = p | beam.Create([_article("The minister said prices would fall.")]) | Annotate()
    result = p.run()
    result.wait_until_finish()
    counters = result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))["counters"]
    by_name = {c.key.metric.name: c.committed for c in counters}
    assert by_name["articles"] == 1
    assert by_name["sentences"] == 1
    assert by_name["quotes"] == 1


def test_write_tables_round_trip(tmp_path):
    from transforms.annotate import Tables

    article_row = {
        "article_id": "a1", "source_uri": "/in/x.txt", "line": None, "external_id": None,
        "url": None, "title": None, "published_at": None, "published_at_raw": None,
        "language": "en", "format": "txt", "encoding": "utf-8", "text": "Hi.",
        "content_sha256": "0" * 64, "n_paragraphs": 1, "n_sentences": 1, "n_entities": 0,
        "n_quotes": 0, "model": "m", "pipeline_version": "0", "ingested_at": 1_700_000_000_000_000,
    }
    sentence = {"article_id": "a1", "index": 0, "paragraph": 0, "start": 0, "end": 3, "text": "Hi."}
    with TestPipeline() as p:
        tables = Tables(
            p | "A" >> beam.Create([article_row]), p | "S" >> beam.Create([sentence]),
            p | "E" >> beam.Create([]), p | "Q" >> beam.Create([]), p | "R" >> beam.Create([]),
        )
        _ = tables | WriteTables(str(tmp_path), codec="snappy")
    [path] = (tmp_path / "sentences").glob("*.avro")
    with open(path, "rb") as f:
        reader = fastavro.reader(f)
        assert reader.metadata["avro.codec"] == "snappy"
        assert list(reader) == [sentence]
    assert list((tmp_path / "errors").glob("*.avro")), "empty tables still get a file"
