"""Building the batch graph. ``build`` constructs the pipeline and never runs it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import apache_beam as beam

from pipeline.run_config import RunConfig
from pipeline.run_config import worker_processes as worker_processes  # re-exported
from pipeline.runners import inspect_dofns_once
from transforms.annotate import Annotate, Tables
from transforms.metrics import counter
from transforms.progress import ReportProgress, expected_articles
from transforms.read_articles import ReadArticles
from transforms.write_tables import WriteTables

# The launcher and every worker process import this module (the DoFns below are unpickled from
# it) before Beam inspects the graph's DoFns: see pipeline/runners.py.
inspect_dofns_once()

#: Counter name prefix: articles annotated by the worker process with that pid (one counter per
#: process), so a run can say how many workers took part and how evenly the articles spread.
WORKER_COUNTER_PREFIX = "articles_in_worker_pid_"


class CountWorkerArticles(beam.DoFn):
    """Articles -> the same articles, counted per worker process."""

    def setup(self) -> None:
        self._articles = counter(f"{WORKER_COUNTER_PREFIX}{os.getpid()}")

    def process(self, article: Any) -> Iterator[Any]:
        self._articles.inc()
        yield article


def articles_per_worker(result: beam.runners.runner.PipelineResult) -> list[int] | None:
    """Articles each worker process annotated, largest first; None when the runner reports no
    metrics (Beam's DaskRunner)."""
    from apache_beam.metrics.metric import MetricsFilter

    try:
        counters = result.metrics().query(MetricsFilter())["counters"]
    except NotImplementedError:
        return None
    per_pid: dict[str, int] = {}
    for c in counters:
        if c.key.metric.name.startswith(WORKER_COUNTER_PREFIX):
            per_pid[c.key.metric.name] = per_pid.get(c.key.metric.name, 0) + c.committed
    return sorted(per_pid.values(), reverse=True)


def annotate_articles(inputs, config: RunConfig, expected_total: int | None = None) -> Tables:
    """Article inputs and read errors -> the five tables (all errors in one PCollection).

    ``expected_total`` (input units, when known) gives the progress lines an ETA; a stream has
    none.
    """
    articles, read_errors = inputs
    tables = articles | "Annotate" >> Annotate(
        config.spacy_model, config.batch_size, languages=config.languages)
    tables = tables._replace(articles=tables.articles | "ReportProgress" >> ReportProgress(
        expected_total, workers=config.worker_processes)
        | "CountPerWorker" >> beam.ParDo(CountWorkerArticles()))
    errors = (read_errors, tables.errors) | "MergeErrors" >> beam.Flatten()
    return tables._replace(errors=errors)


def build(pipeline: beam.Pipeline, config: RunConfig) -> Tables:
    inputs = pipeline | "ReadArticles" >> ReadArticles(
        list(config.input), config.format, config.max_article_bytes
    )
    # Counting lists (and reads JSON) inputs; a dry run touches no storage.
    expected = None if config.dry_run else expected_articles(config.input, config.format)
    tables = annotate_articles(inputs, config, expected)
    tables | "WriteTables" >> WriteTables(config.output, config.avro_codec)
    return tables
