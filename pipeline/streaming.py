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
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.runners.runner import PipelineState
from apache_beam.transforms import window

from pipeline.graph import annotate_articles
from pipeline.options import NewsbeamOptions
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


def windowed_tables(paths, read_errors, options: NewsbeamOptions) -> Tables:
    """New object paths (+ errors from before reading) -> the five tables, windowed."""
    fixed = window.FixedWindows(options.window_seconds)
    paths = paths | "Window" >> beam.WindowInto(fixed)
    articles, parse_errors = paths | "ParseFiles" >> ParseFiles(
        options.format, options.max_article_bytes)
    if read_errors is not None:
        read_errors = read_errors | "WindowErrors" >> beam.WindowInto(fixed)
        parse_errors = (parse_errors, read_errors) | "MergeReadErrors" >> beam.Flatten()
    return annotate_articles((articles, parse_errors), options)


def build_streaming(pipeline: beam.Pipeline, options: NewsbeamOptions) -> Tables:
    if options.input_subscription:
        messages = pipeline | "ReadNotifications" >> beam.io.ReadFromPubSub(
            subscription=options.input_subscription, with_attributes=True)
        notified = messages | "NotifiedObjects" >> NotifiedObjects(options.format)
        tables = windowed_tables(notified.paths, notified.errors, options)
    else:
        paths = pipeline | "WatchInput" >> WatchFiles(options.input, options.watch_interval)
        tables = windowed_tables(paths, None, options)
    tables | "WriteTables" >> WriteWindowedTables(options.output, options.avro_codec)
    return tables


_OPTION_KEYS = ("input", "output", "spacy_model", "format", "avro_codec", "batch_size",
                "max_article_bytes", "input_subscription", "window_seconds", "watch_interval")


def streaming_options(args, beam_args: list[str]) -> PipelineOptions:
    """Beam options of a streaming run: Beam's flags, --streaming on, newsbeam's flags copied."""
    options = PipelineOptions(beam_args)
    standard = options.view_as(StandardOptions)
    standard.streaming = True  # --watch_interval implies it
    if not standard.runner:
        # DirectRunner in streaming mode is Beam's BundleBasedDirectRunner: the local runner
        # that runs ReadFromPubSub (and honours PUBSUB_EMULATOR_HOST).
        standard.runner = "DirectRunner"
    nb = options.view_as(NewsbeamOptions)
    for key in _OPTION_KEYS:
        setattr(nb, key, getattr(args, key))
    return options


def run_streaming(args, beam_args: list[str]) -> int:
    """Run until the job ends, or until SIGTERM / Ctrl-C, which cancel it cleanly (exit 0).

    On Dataflow the launcher returns once the job is submitted; drain or update it with gcloud
    (docs/streaming.md). Locally this process *is* the job.
    """
    from transforms.gcs_access import use_anonymous_gcs

    use_anonymous_gcs()
    options = streaming_options(args, beam_args)
    pipeline = beam.Pipeline(options=options)
    build_streaming(pipeline, options.view_as(NewsbeamOptions))
    result = pipeline.run()
    if options.view_as(StandardOptions).runner in ("DataflowRunner",):
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
