"""Building the batch graph. ``build`` constructs the pipeline and never runs it."""

from __future__ import annotations

import apache_beam as beam
from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, StandardOptions

from pipeline.options import NewsbeamOptions
from transforms.annotate import Annotate, Tables
from transforms.progress import ReportProgress, expected_articles
from transforms.read_articles import ReadArticles
from transforms.write_tables import WriteTables


def worker_processes(options: PipelineOptions) -> int:
    """Worker processes a local run spreads the articles over (1 when unknown or remote)."""
    runner = str(options.view_as(StandardOptions).runner or "")
    if "Dask" in runner or runner == "dask":
        from apache_beam.runners.dask.dask_runner import DaskOptions

        if options.view_as(DaskOptions).address:
            return 1  # a remote scheduler: its worker count is not known here
        return getattr(options.view_as(NewsbeamOptions), "dask_workers", 1) or 1
    direct = options.view_as(DirectOptions)
    if direct.direct_running_mode == "multi_processing":
        return max(1, direct.direct_num_workers or 1)
    return 1


def annotate_articles(
    inputs, options: NewsbeamOptions, expected_total: int | None = None
) -> Tables:
    """Article inputs and read errors -> the five tables (all errors in one PCollection).

    ``expected_total`` (input units, when known) gives the progress lines an ETA; a stream has
    none.
    """
    articles, read_errors = inputs
    tables = articles | "Annotate" >> Annotate(options.spacy_model, options.batch_size)
    tables = tables._replace(articles=tables.articles | "ReportProgress" >> ReportProgress(
        expected_total, workers=worker_processes(options)))
    errors = (read_errors, tables.errors) | "MergeErrors" >> beam.Flatten()
    return tables._replace(errors=errors)


def build(pipeline: beam.Pipeline, options: NewsbeamOptions) -> Tables:
    inputs = pipeline | "ReadArticles" >> ReadArticles(
        options.input, options.format, options.max_article_bytes
    )
    tables = annotate_articles(
        inputs, options, expected_articles(options.input, options.format)
    )
    tables | "WriteTables" >> WriteTables(options.output, options.avro_codec)
    return tables
