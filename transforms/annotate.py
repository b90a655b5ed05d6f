"""Annotate: article inputs -> rows of the five tables, one spaCy pass per article."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import apache_beam as beam
from apache_beam.utils.shared import Shared

from transforms.analysis import analyse_texts
from transforms.language import guess_language
from transforms.metrics import counter
from transforms.nlp_model import DEFAULT_MODEL, load_nlp, model_label
from transforms.records import error_record, table_rows

LOG = logging.getLogger(__name__)

ROW_TABLES = ("sentences", "entities", "quotes")

BATCH_CHARS_PER_ARTICLE = 1_000


def _batch_weight(article: dict[str, Any]) -> int:
    return max(len(article["text"]), BATCH_CHARS_PER_ARTICLE)


def failure_message(exc: BaseException) -> str:
    """Where annotation failed, without the exception's text.

    An extractor's exception message can quote the tokens it choked on, and error rows and
    logs must never carry article text: the type and the innermost frame locate the bug.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if (
        frames) else ""
    return f"{type(exc).__name__}{where}"


class _ModelHolder:
    # Shared.acquire needs a weak-referenceable object; a spaCy Language is one, but wrapping
    # keeps the label next to it.
    def __init__(self, name: str):
        self.nlp = load_nlp(name)
        self.label = model_label(self.nlp)
        # One model per process, shared by every DoFn instance: runners with several bundle
        # threads per process (multi_threading, Dataflow) would otherwise overlap memory zones,
        # and one thread's zone exit would free strings another thread's Doc still uses.
        self.lock = threading.Lock()


class AnnotateBatch(beam.DoFn):
    """A batch of article inputs -> articles (main) and sentences/entities/quotes/errors rows.

    The model loads once per worker process (``Shared``) in ``setup``, so the DoFn pickles to a
    few hundred bytes. A batch is parsed with one ``nlp.pipe``; if anything in it fails, each
    article is retried alone and only the one that still fails becomes an error row.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32):
        self._model = model
        self._batch_size = batch_size
        self._shared = Shared()

    def setup(self) -> None:
        self._holder = self._shared.acquire(lambda: _ModelHolder(self._model), tag=self._model)
        self._counters = {name: counter(name) for name in ("articles", *ROW_TABLES)}
        self._failures = counter("nlp_failures")

    def process(self, batch: list[dict[str, Any]]) -> Iterator[Any]:
        try:
            results = self._annotate(batch)
        except Exception:  # noqa: BLE001 - retried one by one below to find the culprit
            results = None
        if results is None:
            for article in batch:
                yield from self._annotate_one(article)
            return
        for tables in results:
            yield from self._emit(tables)

    def _annotate(self, batch: list[dict[str, Any]]) -> list[dict[str, list[dict[str, Any]]]]:
        texts = [a["text"] for a in batch]
        out = []
        nlp = self._holder.nlp
        # Strings and lexemes that spaCy adds for a batch's new words are freed when the zone
        # ends; without it the vocab grows with every unseen word, i.e. with the input size.
        # Safe because nothing spaCy-owned leaves this block: the rows are plain Python data.
        with self._holder.lock, nlp.memory_zone():
            for article, (_doc, analysis) in zip(
                batch, analyse_texts(nlp, texts, batch_size=self._batch_size), strict=True
            ):
                out.append(table_rows(article, analysis, model=self._holder.label,
                                      language=guess_language(article["text"])))
        return out

    def _annotate_one(self, article: dict[str, Any]) -> Iterator[Any]:
        try:
            tables = self._annotate([article])[0]
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
            self._failures.inc()
            LOG.warning("annotation failed for %s (line %s): %s", article["source_uri"],
                        article["line"], type(exc).__name__)
            yield beam.pvalue.TaggedOutput("errors", error_record(
                article["source_uri"], "annotate", "nlp_failure", failure_message(exc),
                line=article["line"]))
            return
        yield from self._emit(tables)

    def _emit(self, tables: dict[str, list[dict[str, Any]]]) -> Iterator[Any]:
        self._counters["articles"].inc()
        yield from tables["articles"]
        for table in ROW_TABLES:
            self._counters[table].inc(len(tables[table]))
            for row in tables[table]:
                yield beam.pvalue.TaggedOutput(table, row)


class Tables(NamedTuple):
    """The five output tables as PCollections of rows (dicts shaped like schemas/*.avsc)."""

    articles: beam.PCollection
    sentences: beam.PCollection
    entities: beam.PCollection
    quotes: beam.PCollection
    errors: beam.PCollection


class Annotate(beam.PTransform):
    """Article inputs -> Tables (``errors`` holds only annotation failures)."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32):
        super().__init__()
        self._model = model
        self._batch_size = batch_size

    def expand(self, articles: beam.PCollection) -> Tables:
        out = (
            articles
            # Fixed budgets, not BatchElements' adaptive sizing (from 1 up), which made batches of
            # 1-14 BBC articles; spaCy parses batches of 1 ~10% slower than of 32. A batch is
            # `batch_size` articles of up to BATCH_CHARS_PER_ARTICLE characters, fewer when they
            # are longer: a worker's peak memory follows the text in a batch (BBC, 32 articles:
            # 570-600 MB; 8 articles: 380 MB). A bundle's last batch is flushed at its end.
            | "Batch" >> beam.BatchElements(
                min_batch_size=self._batch_size * BATCH_CHARS_PER_ARTICLE,
                max_batch_size=self._batch_size * BATCH_CHARS_PER_ARTICLE,
                element_size_fn=_batch_weight,
            )
            | "Parse" >> beam.ParDo(AnnotateBatch(self._model, self._batch_size)).with_outputs(
                *ROW_TABLES, "errors", main="articles"
            )
        )
        return Tables(out.articles, out.sentences, out.entities, out.quotes, out.errors)
