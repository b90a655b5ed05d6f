"""Building the streaming graph. ``build_streaming`` constructs the pipeline and never runs it.

Two sources of new files, one graph after them:

- ``--input_subscription``: Cloud Storage notifications from Pub/Sub (the way to keep up with a
  bucket: seconds from upload to rows, no listing).
- ``--input GLOB --watch_interval S``: ``fileio.MatchContinuously`` polls the glob. Only for
  runners that run it properly (Dataflow, Flink, Prism); the local DirectRunner does not.

Paths are windowed into ``--window_seconds`` fixed windows, read and annotated exactly as in batch
(``ParseFiles`` and ``annotate_articles``), and each window's rows are written to the five tables.
Step labels are stable so that a running Dataflow job can be replaced with ``--update``.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.runner import PipelineState
from apache_beam.transforms import window

from pipeline.graph import annotate_articles
from pipeline.run_config import RunConfig, beam_pipeline
from pipeline.runners import RunnerKind
from transforms.annotate import Tables
from transforms.avro_sink import WriteWindowedTables
from transforms.gcs_notifications import NotifiedObjects
from transforms.read_articles import ParseFiles

LOG = logging.getLogger(__name__)

#: How long a cancelled local job may take to stop before the process leaves without it.
CANCEL_SECONDS = 10


class WatchFiles(beam.PTransform):
    """Glob patterns -> paths of files as they appear, polling every ``interval`` seconds."""

    def __init__(self, patterns: list[str], interval: float):
        super().__init__()
        self._patterns = list(patterns)
        self._interval = interval

    def expand(self, pbegin: beam.pvalue.PBegin) -> beam.PCollection:
        matched = [
            pbegin | f"Match{i}" >> fileio.MatchContinuously(
                pattern, interval=self._interval, has_deduplication=True)
            for i, pattern in enumerate(self._patterns)
        ]
        return (
            matched | "Flatten" >> beam.Flatten()
            | "Paths" >> beam.Map(lambda metadata: metadata.path)
        )


def windowed_tables(paths, read_errors, config: RunConfig) -> Tables:
    """New object paths (+ errors from before reading) -> the five tables, windowed."""
    fixed = window.FixedWindows(config.window_seconds)
    paths = paths | "Window" >> beam.WindowInto(fixed)
    articles, parse_errors = paths | "ParseFiles" >> ParseFiles(
        config.format, config.max_article_bytes)
    if read_errors is not None:
        read_errors = read_errors | "WindowErrors" >> beam.WindowInto(fixed)
        parse_errors = (parse_errors, read_errors) | "MergeReadErrors" >> beam.Flatten()
    return annotate_articles((articles, parse_errors), config)


def build_streaming(pipeline: beam.Pipeline, config: RunConfig) -> Tables:
    if config.input_subscription:
        messages = pipeline | "ReadNotifications" >> beam.io.ReadFromPubSub(
            subscription=config.input_subscription, with_attributes=True)
        notified = messages | "NotifiedObjects" >> NotifiedObjects(config.format)
        tables = windowed_tables(notified.paths, notified.errors, config)
    else:
        paths = pipeline | "WatchInput" >> WatchFiles(list(config.input), config.watch_interval)
        tables = windowed_tables(paths, None, config)
    tables | "WriteTables" >> WriteWindowedTables(config.output, config.avro_codec)
    return tables


def run_streaming(config: RunConfig, options: PipelineOptions) -> int:
    """Run until the job ends, or until SIGTERM / Ctrl-C, which cancel it cleanly (exit 0).

    Locally the runner is Beam's BundleBasedDirectRunner, the local runner that runs
    ReadFromPubSub (and honours PUBSUB_EMULATOR_HOST), and this process *is* the job. On
    Dataflow the launcher returns once the job is submitted; drain or update it with gcloud
    (docs/streaming.md).
    """
    pipeline = beam_pipeline(config, options)
    build_streaming(pipeline, config)
    result = pipeline.run()
    if config.runner.kind is RunnerKind.DATAFLOW:
        if config.runs_here:
            LOG.warning("submitted streaming job; it runs until drained or cancelled")
        return 0
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    waiter = threading.Thread(target=_wait, args=(result, stop), daemon=True)
    waiter.start()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    if PipelineState.is_terminal(result.state):
        return 0 if result.state == PipelineState.DONE else 1
    LOG.warning("stopping the streaming job (rows of the window in progress are not written)")
    # The DirectRunner's cancel waits for its Pub/Sub pull, a blocking call of up to a minute or
    # more on the emulator: bound the wait, then leave without the runner's worker threads.
    canceller = threading.Thread(target=result.cancel, daemon=True)
    canceller.start()
    canceller.join(CANCEL_SECONDS)
    if canceller.is_alive() or any(
        t.is_alive() and not t.daemon for t in threading.enumerate()
        if t is not threading.main_thread()
    ):
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    return 0


def _wait(result, stop: threading.Event) -> None:
    # wait_until_finish blocks the main thread against signals; waiting here keeps SIGTERM live.
    try:
        result.wait_until_finish()
    except Exception:  # noqa: BLE001 - the job failed: its state says so, the caller reports it
        LOG.exception("the streaming job failed")
    finally:
        stop.set()
