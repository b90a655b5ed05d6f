"""Windowed Avro writing (the sink behind --streaming and --watch_interval) and the CLI's checks."""

from __future__ import annotations

import re
from pathlib import Path

import apache_beam as beam
import fastavro
import pytest
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.testing.test_stream import TestStream
from apache_beam.transforms import window
from apache_beam.transforms.window import TimestampedValue

from pipeline import cli
from schemas import TABLES
from transforms.annotate import Tables
from transforms.avro_sink import WriteWindowedTables
from transforms.records import error_record

SAFE_NAME = re.compile(r"^[a-z]+-\d{8}T\d{6}Z-\d{8}T\d{6}Z-[0-9a-f]{8}-p\d+-\d{5}-of-\d{5}\.avro$")


def sentence(article: str, index: int) -> dict:
    return {"article_id": article, "index": index, "paragraph": 0, "start": 0, "end": 1,
            "text": "x"}


def test_windowed_tables_land_one_file_set_per_window(tmp_path: Path):
    """Rows arriving across 10 s windows come out as per-window Avro files, all read back."""
    err = error_record("gs://n/x.txt", "read", "empty_input", "e")
    # One TestStream with two tags: the DirectRunner drives one watermark per TestStream.
    stream = (
        TestStream(output_tags={"sentences", "errors"})
        .add_elements([TimestampedValue(sentence("a", 0), 1),
                       TimestampedValue(sentence("a", 1), 2)], tag="sentences")
        .advance_watermark_to(10, tag="sentences")
        .advance_watermark_to(10, tag="errors")
        .add_elements([TimestampedValue(sentence("b", 0), 12)], tag="sentences")
        .add_elements([TimestampedValue(err, 13)], tag="errors")
        .advance_watermark_to(25, tag="sentences")
        .advance_watermark_to(25, tag="errors")
        .add_elements([TimestampedValue(sentence("c", 0), 21)], tag="sentences")
        .advance_watermark_to_infinity(tag="sentences")
        .advance_watermark_to_infinity(tag="errors")
    )
    options = PipelineOptions()
    options.view_as(StandardOptions).streaming = True
    options.view_as(StandardOptions).runner = "BundleBasedDirectRunner"  # what TestStream needs
    with beam.Pipeline(options=options) as pipeline:
        fixed = window.FixedWindows(10)
        streams = pipeline | "Rows" >> stream
        sentences = streams["sentences"] | "WindowS" >> beam.WindowInto(fixed)
        errs = streams["errors"] | "WindowE" >> beam.WindowInto(fixed)
        empty = {t: pipeline | f"No{t}" >> beam.Create([]) | f"Win{t}" >> beam.WindowInto(fixed)
                 for t in ("articles", "entities", "quotes")}
        tables = Tables(empty["articles"], sentences, empty["entities"], empty["quotes"], errs)
        tables | WriteWindowedTables(str(tmp_path), codec="deflate")

    files = sorted(tmp_path.glob("*/*.avro"))
    assert {f.parent.name for f in files} == {"sentences", "errors"}
    assert all(SAFE_NAME.match(f.name) for f in files), [f.name for f in files]
    by_window: dict[str, list[tuple]] = {}
    for f in tmp_path.glob("sentences/*.avro"):
        with f.open("rb") as fh:
            rows = [(r["article_id"], r["index"]) for r in fastavro.reader(fh)]
        by_window.setdefault(f.name.split("-")[1], []).extend(rows)
    assert {k: sorted(v) for k, v in by_window.items()} == {
        "19700101T000000Z": [("a", 0), ("a", 1)],
        "19700101T000010Z": [("b", 0)],
        "19700101T000020Z": [("c", 0)],
    }
    (error_file,) = tmp_path.glob("errors/*.avro")
    assert "19700101T000010Z-19700101T000020Z" in error_file.name
    with error_file.open("rb") as fh:
        assert [r["error_type"] for r in fastavro.reader(fh)] == ["empty_input"]
    assert set(TABLES) >= {f.parent.name for f in files}


@pytest.mark.parametrize("argv, message", [
    (["--input_subscription", "projects/p/subscriptions/s"], "needs --streaming"),
    (["--streaming", "--input_subscription", "p/s"], "must look like projects/PROJECT"),
    (["--streaming", "--input", "seeds/*", "--input_subscription", "projects/p/subscriptions/s"],
     "not both"),
    (["--streaming", "--input", "seeds/*"], "--streaming needs a source"),
    (["--watch_interval", "0", "--input", "seeds/*"], "must be positive"),
    (["--watch_interval", "5"], "needs --input GLOB"),
    (["--watch_interval", "5", "--input", "seeds/*"], "needs a runner that runs"),
    (["--streaming", "--input_subscription", "projects/p/subscriptions/s", "--window_seconds",
      "0"], "at least 1"),
    (["--streaming", "--input_subscription", "projects/p/subscriptions/s", "--overwrite"],
     "appends windows"),
])
def test_streaming_flag_combinations_are_refused_with_a_fix(argv, message, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["run", "--output", str(tmp_path), *argv])
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def _labels(pipeline: beam.Pipeline) -> set[str]:
    labels: set[str] = set()

    class Visitor(beam.pipeline.PipelineVisitor):
        def enter_composite_transform(self, node):
            labels.add(node.full_label)

        def visit_transform(self, node):
            labels.add(node.full_label)

    pipeline.visit(Visitor())
    return labels


@pytest.mark.parametrize("source, source_label", [
    ({"input_subscription": "projects/news-project/subscriptions/s"}, "ReadNotifications"),
    # local: a gs:// glob would make MatchContinuously look up credentials at construction
    ({"input": ("/tmp/newsbeam-watch/*.txt",), "watch_interval": 30.0}, "WatchInput"),
])
def test_streaming_graph_has_stable_step_labels(source, source_label):
    """Built, not run: `--update` on Dataflow matches steps by these labels, keep them stable."""
    from pipeline.run_config import RunConfig
    from pipeline.streaming import build_streaming

    config = RunConfig.with_defaults(output="/tmp/newsbeam-out", streaming=True, **source)
    options = PipelineOptions(["--streaming"])
    pipeline = beam.Pipeline(options=options)
    build_streaming(pipeline, config)
    labels = _labels(pipeline)
    assert {source_label, "Window", "ParseFiles", "Annotate", "MergeErrors", "WriteTables",
            *(f"WriteTables/Write{t.capitalize()}" for t in TABLES)} <= labels
