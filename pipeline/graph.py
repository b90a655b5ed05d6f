"""Building the batch graph. ``build`` constructs the pipeline and never runs it."""

from __future__ import annotations

import apache_beam as beam
from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions

from pipeline.options import NewsbeamOptions
from pipeline.run_config import RunConfig
from pipeline.runners import RunnerKind, recognise
from transforms.annotate import Annotate, Tables
from transforms.progress import ReportProgress, expected_articles
from transforms.read_articles import ReadArticles
from transforms.write_tables import WriteTables


def worker_processes(options: PipelineOptions) -> int:
    """Worker processes a local run spreads the articles over (1 when unknown or remote)."""
    kind = recognise(options).kind
    if kind is RunnerKind.DASK:
        from apache_beam.runners.dask.dask_runner import DaskOptions

        if options.view_as(DaskOptions).address:
            return 1  # a remote scheduler: its worker count is not known here
        return options.view_as(NewsbeamOptions).dask_workers or 1
    if kind is RunnerKind.LOCAL_MULTIPROCESS:
        return max(1, options.view_as(DirectOptions).direct_num_workers or 1)
    return 1


def annotate_articles(inputs, config: RunConfig, expected_total: int | None = None) -> Tables:
    """Article inputs and read errors -> the five tables (all errors in one PCollection).

    ``expected_total`` (input units, when known) gives the progress lines an ETA; a stream has
    none.
    """
    articles, read_errors = inputs
    tables = articles | "Annotate" >> Annotate(
        config.spacy_model, config.batch_size, languages=config.languages)
    tables = tables._replace(articles=tables.articles | "ReportProgress" >> ReportProgress(
        expected_total, workers=config.worker_processes))
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
