"""Annotate: article inputs -> rows of the registered tables, one spaCy pass per article.

Which tables come out, and how one article's rows are built, is the registry's
(transforms/tables.py); this module only batches, parses once and routes the rows.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections import namedtuple
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import apache_beam as beam
from apache_beam.utils.shared import Shared

from transforms.analysis import analyse_texts
from transforms.language import (
    annotated_languages,
    identify_language,
    skip_reason,
)
from transforms.metrics import counter
from transforms.nlp_model import DEFAULT_MODEL, load_nlp, model_label, take_prewarmed
from transforms.tables import (
    REGISTRY,
    TableSpec,
    article_context,
    article_tables,
    error_record,
    table_rows,
)
from transforms.text_layout import split_paragraphs

LOG = logging.getLogger(__name__)

#: Counter of articles kept (articles row) but not annotated because of their language.
SKIPPED_COUNTER = "articles_not_annotated_language"

BATCH_CHARS_PER_ARTICLE = 1_000

#: A batch is parsed outside a spaCy memory zone while the model's vocab holds fewer lexemes than
#: this, inside one after. A zone frees the lexemes and tokenizer-cache entries a batch adds, so
#: the next batch makes them again: for "the" and "said" as much as for rare names. Tokenizing
#: 300 BBC articles in zones of 10 took 2.2-2.6 s of CPU, without 0.9-1.05 s. Below the budget
#: the words a run meets first (the frequent ones) stay; above it the vocab stops growing, so a
#: worker's memory still does not grow with the input. Reuters, tokenizer alone, no zone: 2,000
#: articles make 20,255 lexemes (+6 MB), 10,000 make 48,182 (+15 MB), all 19,043 70,656 (+24 MB);
#: so the budget holds the growth to ~17 MB, reached at about 10,000 news articles.
VOCAB_BUDGET = 50_000


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


def _vocab_zone(nlp):
    """A memory zone once the vocab has reached VOCAB_BUDGET lexemes, before it none.

    ``len(vocab)`` counts every lexeme ever made, those a zone has freed too (spaCy 3.8 does not
    decrement it): it is exact until the first zone, and after that it only stays above the
    budget, so the switch happens once and never back."""
    return nlp.memory_zone() if len(nlp.vocab) >= VOCAB_BUDGET else contextlib.nullcontext()


class _ModelHolder:
    # Shared.acquire needs a weak-referenceable object; a spaCy Language is one, but wrapping
    # keeps the label next to it.
    def __init__(self, name: str):
        # a Dask worker may have started loading it already (pipeline/dask_runner/cluster.py)
        self.nlp = take_prewarmed(name) or load_nlp(name)
        self.label = model_label(self.nlp)
        # One model per process, shared by every DoFn instance: runners with several bundle
        # threads per process (multi_threading, Dataflow) would otherwise overlap memory zones,
        # and one thread's zone exit would free strings another thread's Doc still uses.
        self.lock = threading.Lock()


class AnnotateBatch(beam.DoFn):
    """A batch of article inputs -> articles (main) and a tagged output per per-article table
    of the registry, plus ``errors``.

    The model loads once per worker process (``Shared``) in ``setup``, so the DoFn pickles to a
    few hundred bytes. A batch is parsed with one ``nlp.pipe``; if anything in it fails, each
    article is retried alone and only the one that still fails becomes an error row. Articles
    in a language the run does not annotate (``languages``) skip the parse: their articles row
    says why (``annotation_skipped``).
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32,
                 languages: Sequence[str] | None = None,
                 tables: Sequence[TableSpec] | None = None):
        self._model = model
        self._batch_size = batch_size
        self._languages = None if languages is None else tuple(languages)
        # The per-article tables travel with the DoFn, so workers build what the graph declared.
        self._tables = tuple(article_tables() if tables is None else tables)
        self._shared = Shared()

    def setup(self) -> None:
        self._holder = self._shared.acquire(lambda: _ModelHolder(self._model), tag=self._model)
        self._annotated = annotated_languages(self._languages, self._holder.nlp.lang)
        self._counters = {name: counter(name)
                          for name in ("articles", *(t.name for t in self._tables))}
        self._failures = counter("nlp_failures")
        self._skipped = counter(SKIPPED_COUNTER)

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
        languages = [identify_language(a["text"]) for a in batch]
        reasons = [skip_reason(lang, self._annotated) for lang in languages]
        todo = [i for i, reason in enumerate(reasons) if reason is None]
        out: list[dict[str, list[dict[str, Any]]]] = [{} for _ in batch]
        nlp = self._holder.nlp
        label = self._holder.label
        # Strings and lexemes that spaCy adds for a batch's new words are freed when the zone
        # ends; without it the vocab grows with every unseen word, i.e. with the input size.
        # Safe because nothing spaCy-owned leaves this block: the rows are plain Python data.
        # Until the vocab holds VOCAB_BUDGET lexemes, no zone: what a batch adds is kept.
        with self._holder.lock, _vocab_zone(nlp):
            parsed = analyse_texts(nlp, [batch[i]["text"] for i in todo],
                                   batch_size=self._batch_size) if todo else ()
            for i, (doc, analysis) in zip(todo, parsed, strict=True):
                out[i] = table_rows(article_context(
                    batch[i], analysis=analysis, doc=doc, model=label, language=languages[i],
                    n_paragraphs=len(analysis.paragraphs)), self._tables)
        for i, reason in enumerate(reasons):
            if reason is not None:
                out[i] = table_rows(article_context(
                    batch[i], model=label, language=languages[i], skipped=reason,
                    n_paragraphs=len(split_paragraphs(batch[i]["text"]))), self._tables)
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
        for row in tables["articles"]:
            if row.get("annotation_skipped"):
                self._skipped.inc()
            yield row
        for table in self._tables:
            rows = tables.get(table.name, ())
            self._counters[table.name].inc(len(rows))
            for row in rows:
                yield beam.pvalue.TaggedOutput(table.name, row)


class Tables(NamedTuple):
    """The five built-in tables as PCollections of rows (dicts shaped like schemas/*.avsc).

    When more tables are registered (transforms/tables.py), Annotate returns a NamedTuple
    of the same kind with a field per registered table (:func:`tables_type`).
    """

    articles: beam.PCollection
    sentences: beam.PCollection
    entities: beam.PCollection
    quotes: beam.PCollection
    errors: beam.PCollection


_TABLE_TYPES: dict[tuple[str, ...], type] = {Tables._fields: Tables}


def tables_type(names: Sequence[str] | None = None) -> type:
    """The NamedTuple class with one field per table in ``names`` (default: the registry)."""
    names = tuple(REGISTRY) if names is None else tuple(names)
    if names not in _TABLE_TYPES:
        _TABLE_TYPES[names] = namedtuple("Tables", names)  # noqa: PYI024 - fields from data
    return _TABLE_TYPES[names]


class Annotate(beam.PTransform):
    """Article inputs -> a Tables NamedTuple, one field per registered table (``errors`` holds
    only annotation failures).

    ``languages``: the ISO 639-1 codes of the articles to annotate; ``None`` means the model's
    own language (``nlp.lang``: "en" for the default model), ``["all"]`` every article. An
    article identified as another language keeps its ``articles`` row (``language`` set,
    ``n_sentences``/``n_entities``/``n_quotes`` 0, ``annotation_skipped`` = "language:de")
    and gets no sentence, entity or quote rows; one too short to identify is annotated.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32,
                 languages: Sequence[str] | None = None):
        super().__init__()
        self._model = model
        self._batch_size = batch_size
        self._languages = None if languages is None else tuple(languages)

    def expand(self, articles: beam.PCollection):
        row_tables = article_tables()
        names = [t.name for t in row_tables]
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
            | "Parse" >> beam.ParDo(
                AnnotateBatch(self._model, self._batch_size, self._languages, row_tables)
            ).with_outputs(*names, "errors", main="articles")
        )
        tables = {"articles": out.articles, "errors": out.errors}
        tables.update({name: out[name] for name in names})
        # Corpus-level tables are built from the per-article ones, in registry order.
        for table in REGISTRY.values():
            if table.derive is not None:
                tables.update(table.derive(dict(tables)))
        return tables_type()(**{name: tables[name] for name in REGISTRY})
