"""The contract at the bottom: input, error and row types, ids, and the ordered table registry.

Reading (readers, read_articles, progress, gcs_notifications) and writing (write_tables,
avro_sink) need the shape of the rows, not the NLP that fills them; NLP (analysis, annotate)
needs the same shapes. So both import this module, and it imports nothing of ours: importing
the readers never loads spaCy.

A table is registered once (:func:`register_table`): its schema (a ``schemas/*.avsc`` file or
a schema dict), how one article's rows are built, and which ``articles`` field counts them.
Annotate's outputs, the writers, the ``n_*`` counts, ``newsbeam inspect``, ``report`` and the
run summary all iterate :data:`REGISTRY` in order, so a new table is one ``register_table``
call plus its schema.
"""

from __future__ import annotations

import hashlib
import json
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, TypedDict

import fastavro

#: One row of any table: a dict with exactly the fields of the table's schema.
Row = dict[str, Any]


def _pipeline_version() -> str:
    # The installed distribution's version is pyproject's `version`; a source tree run without
    # `pip install` (PYTHONPATH=.) has no metadata, so it reads pyproject.toml beside it.
    try:
        return metadata.version("newsbeam")
    except metadata.PackageNotFoundError:
        pass
    try:
        with open(Path(__file__).parent.parent / "pyproject.toml", "rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"


PIPELINE_VERSION = _pipeline_version()


class ArticleInput(TypedDict):
    """One input unit that became an article, before annotation (transforms/readers.py)."""

    source_uri: str
    line: int | None
    format: str
    encoding: str
    text: str
    external_id: str | None
    url: str | None
    title: str | None
    published_at_raw: str | None
    published_at: int | None


class ErrorRow(TypedDict):
    """One input unit that did not become an article (schemas/error.avsc)."""

    source_uri: str
    line: int | None
    stage: str
    error_type: str
    message: str
    ingested_at: int


def now_micros() -> int:
    return time.time_ns() // 1000


def error_record(
    source_uri: str, stage: str, error_type: str, message: str, *, line: int | None = None
) -> ErrorRow:
    # Messages describe the problem, never the content: article text stays out of logs and errors.
    return {
        "source_uri": source_uri, "line": line, "stage": stage, "error_type": error_type,
        "message": message[:2000], "ingested_at": now_micros(),
    }


def is_error(record: dict[str, Any]) -> bool:
    return "error_type" in record


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(source_uri: str, line: int | None, text_sha256: str) -> str:
    """Deterministic id: the same input unit with the same content gets the same id everywhere."""
    key = f"{source_uri}\n{line or 0}\n{text_sha256}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def quote_id(article: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article}:{start}:{end}".encode()).hexdigest()[:24]


@dataclass(frozen=True)
class ArticleContext:
    """What a row builder sees of one article: its input, id, text and the NLP results.

    ``doc`` (a spaCy Doc, only inside Annotate's batch) and ``analysis``
    (transforms/analysis.py ``Analysis``) are None for an article that was not annotated
    (``skipped`` says why); builders are not called for those.
    """

    article: ArticleInput
    article_id: str
    text: str
    content_sha256: str
    analysis: Any = None
    doc: Any = None
    model: str = ""
    language: str | None = None
    n_paragraphs: int = 0
    skipped: str | None = None


RowBuilder = Callable[[ArticleContext], list[Row]]


@dataclass(frozen=True)
class TableSpec:
    """One output table.

    ``rows`` builds one annotated article's rows (per-article tables); ``count_field`` names the
    ``articles`` field that counts them (``n_quotes``). A table with neither ``rows`` nor
    ``derive`` is filled elsewhere (``articles``, ``errors``). ``derive`` is for corpus-level
    tables: after annotation, Annotate calls it with the tables so far (name -> PCollection) and
    it returns this table's PCollection by name, plus any table it enriches (a Beam
    aggregation over the quotes returns ``{"speakers": ..., "quotes": quotes with ids}``).
    ``columns`` are the fields ``newsbeam inspect`` shows in its table view (default: derived
    from the schema).
    """

    name: str
    schema: str | Mapping[str, Any]
    rows: RowBuilder | None = None
    count_field: str | None = None
    derive: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None
    columns: tuple[str, ...] = ()
    has_article_id: bool = field(default=True)


#: Every table, in output order (also the order of Annotate's outputs, the summary and inspect).
REGISTRY: dict[str, TableSpec] = {}


def register_table(spec: TableSpec) -> TableSpec:
    """Add ``spec`` (before ``errors``, which stays last); its schema is checked now."""
    if spec.name in REGISTRY:
        raise ValueError(f"table {spec.name!r} is already registered")
    if spec.count_field and spec.count_field not in field_names("articles"):
        raise ValueError(f"{spec.count_field!r} (the count of {spec.name}) is not a field of "
                         "schemas/article.avsc; add it there, with a default")
    _parse(spec)  # a broken schema fails here, not in a writer on a worker
    errors = REGISTRY.pop("errors", None)
    REGISTRY[spec.name] = spec
    if errors is not None and spec.name != "errors":
        REGISTRY["errors"] = errors
    return spec


def unregister_table(name: str) -> None:
    """Remove a registered table (tests register toy tables and clean up after themselves)."""
    REGISTRY.pop(name, None)


def table_names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def article_tables() -> tuple[TableSpec, ...]:
    """Tables built per annotated article (Annotate's tagged outputs besides ``articles``)."""
    return tuple(table for table in REGISTRY.values() if table.rows is not None)


def spec(table: str) -> TableSpec:
    try:
        return REGISTRY[table]
    except KeyError:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(REGISTRY)}") from None


def load_schema(table: str) -> dict[str, Any]:
    """The raw JSON schema of ``table``."""
    return _raw_schema(spec(table))


def parsed_schema(table: str) -> dict[str, Any]:
    """``load_schema`` parsed by fastavro, ready for writers and validation."""
    return _parse(spec(table))


def field_names(table: str) -> list[str]:
    return [f["name"] for f in load_schema(table)["fields"]]


@cache
def _schema_file(filename: str) -> dict[str, Any]:
    # The .avsc files ship as package data of ``schemas``; read as data, not imported as code.
    return json.loads(resources.files("schemas").joinpath(filename).read_text("utf-8"))


def _raw_schema(table: TableSpec) -> dict[str, Any]:
    return _schema_file(table.schema) if isinstance(table.schema, str) else dict(table.schema)


_PARSED: dict[str, tuple[TableSpec, dict[str, Any]]] = {}


def _parse(table: TableSpec) -> dict[str, Any]:
    # Cached per spec object: a name registered again with another schema is parsed again.
    hit = _PARSED.get(table.name)
    if hit is None or hit[0] is not table:
        hit = _PARSED[table.name] = (table, fastavro.parse_schema(_raw_schema(table)))
    return hit[1]


def inspect_columns(table: str, max_columns: int = 7) -> tuple[str, ...]:
    """The columns ``newsbeam inspect`` shows: the spec's own, else the schema's short fields
    (ids, numbers, labels) and then ``text`` if there is one."""
    chosen = spec(table).columns
    if chosen:
        return chosen
    fields = load_schema(table)["fields"]
    short = [f["name"] for f in fields if f["name"] != "text"][: max_columns - 1]
    return tuple(short + ["text"]) if any(f["name"] == "text" for f in fields) else tuple(short)


# ---------------------------------------------------------------------------------------------
# The built-in tables. Rows slice every text field from the article text with the row's own
# offsets, so ``text[start:end]`` is the span by construction.


def _piece(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else text[start:end]


def sentence_rows(ctx: ArticleContext) -> list[Row]:
    aid, text = ctx.article_id, ctx.text
    return [
        {"article_id": aid, "index": s.index, "paragraph": s.paragraph, "start": s.start,
         "end": s.end, "text": text[s.start : s.end]}
        for s in ctx.analysis.sentences
    ]


def entity_rows(ctx: ArticleContext) -> list[Row]:
    aid, text = ctx.article_id, ctx.text
    return [
        {"article_id": aid, "start": e.start, "end": e.end, "text": text[e.start : e.end],
         "label": e.label, "sentence_index": e.sentence_index, "canonical": e.canonical}
        for e in ctx.analysis.entities
    ]


#: Entity labels -> the speaker types of ``quotes.speaker_type`` and ``speakers.type``.
SPEAKER_TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "NORP": "GROUP", "GPE": "PLACE", "LOC": "PLACE",
    "FAC": "PLACE", "WORK_OF_ART": "WORK", "PRODUCT": "OTHER", "EVENT": "OTHER",
}
UNKNOWN_SPEAKER_TYPE = "UNKNOWN"
# When one name carries several labels in an article, the likelier speaker wins.
_SPEAKER_LABEL_ORDER = ("PERSON", "ORG", "NORP", "GPE")


_ORGANISATION_ENDINGS = {"campaign", "committee", "administration", "foundation", "party"}


class SpeakerTypes:
    """What a speaker_name is, from one article's entities.

    A resolved name is not always an entity's text or canonical form (the resolver drops an
    epithet the model took in: "Crooked Hillary Clinton" -> "Hillary Clinton"), so after the
    canonical names and the mention texts, a name whose last word ends a PERSON mention is a
    person ("Alicia Machado" when the model read "Universe Alicia Machado").
    """

    def __init__(self, entities: Any, text: str, names: Sequence[str | None] = ()):
        labels: dict[str, set[str]] = {}
        person_last: set[str] = set()
        for e in entities:
            labels.setdefault(e.canonical, set()).add(e.label)
            labels.setdefault(text[e.start : e.end], set()).add(e.label)
            if e.label == "PERSON":
                person_last.add(_last_word(e.canonical))
        # The small model misses names ("Mayor Ana Ruiz" untagged, a city tagged PERSON): a
        # speaker name of a known given name and a surname is a person, and so is its bare
        # surname in the same article. Without this, "Mayor Ana Ruiz" and "Ruiz" were UNKNOWN,
        # which the speakers table never merges by surname.
        self._given_and_surname = {n for n in names if n and _looks_like_person(n)}
        person_last.update(_last_word(n) for n in self._given_and_surname)
        self._labels = labels
        self._person_last = person_last - {""}

    def __call__(self, name: str | None) -> str | None:
        if not name:
            return None
        found = self._labels.get(name)
        if found:
            best = next((lab for lab in _SPEAKER_LABEL_ORDER if lab in found), min(found))
            return SPEAKER_TYPES.get(best, "OTHER")
        last = _last_word(name)
        if last in _ORGANISATION_ENDINGS:
            return "ORG"  # "Clinton campaign": the resolver's name for "her campaign"
        parts = [p.strip() for p in name.split("/")]
        if len(parts) > 1 and any("ORG" in self._labels.get(p, ()) for p in parts):
            return "ORG"  # "CNN/ORC": the resolver's name for a poll's joint publishers
        if name in self._given_and_surname:
            return "PERSON"
        if len(name.split()) <= 4 and last in self._person_last:
            return "PERSON"
        return UNKNOWN_SPEAKER_TYPE


def _looks_like_person(name: str) -> bool:
    """A title or none, a known given name, and one to three more capitalised words."""
    # Imported here: this module stays free of spaCy (entity_spans imports it).
    from transforms.entity_spans import PERSON_TITLES
    from transforms.first_names import first_name_gender

    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    return (2 <= len(words) <= 4 and first_name_gender(words[0]) is not None
            and all(w[:1].isupper() for w in words[1:]))


def _last_word(name: str) -> str:
    words = [w.strip(".,;:'\u2019\"") for w in name.split()]
    words = [w for w in words if w]
    return words[-1].lower() if words else ""


def quote_rows(ctx: ArticleContext) -> list[Row]:
    aid, text = ctx.article_id, ctx.text
    speaker_type = SpeakerTypes(ctx.analysis.entities, text,
                                [q.speaker_name for q in ctx.analysis.quotes])
    return [
        {"quote_id": quote_id(aid, q.start, q.end), "article_id": aid, "kind": q.kind,
         "start": q.start, "end": q.end, "text": text[q.start : q.end],
         "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
         "speaker_text": _piece(text, q.speaker_start, q.speaker_end),
         "speaker_name": q.speaker_name,
         "speaker_type": speaker_type(q.speaker_name),
         "speaker_id": None,  # set across articles by the speakers table's aggregation
         "cue_start": q.cue_start, "cue_end": q.cue_end,
         "cue_text": _piece(text, q.cue_start, q.cue_end),
         "sentence_start_index": q.sentence_start_index,
         "sentence_end_index": q.sentence_end_index}
        for q in ctx.analysis.quotes
    ]


def _derive_speakers(tables: Mapping[str, Any]) -> Mapping[str, Any]:
    # Imported here: this module stays free of Beam and of the NLP modules.
    from transforms.speakers_table import BuildSpeakers

    built = tables["quotes"] | "BuildSpeakers" >> BuildSpeakers()
    return {"speakers": built.speakers, "quotes": built.quotes}


for _spec in (
    TableSpec("articles", "article.avsc", columns=(
        "article_id", "title", "source_uri", "language", "annotation_skipped", "n_sentences",
        "n_entities", "n_quotes")),
    TableSpec("sentences", "sentence.avsc", sentence_rows, "n_sentences",
              columns=("article_id", "index", "paragraph", "start", "end", "text")),
    TableSpec("entities", "entity.avsc", entity_rows, "n_entities",
              columns=("article_id", "start", "end", "label", "text", "canonical")),
    TableSpec("quotes", "quote.avsc", quote_rows, "n_quotes",
              columns=("article_id", "kind", "speaker_name", "speaker_text", "cue_text", "text")),
    TableSpec("speakers", "speaker.avsc", derive=_derive_speakers, has_article_id=False,
              columns=("speaker_id", "name", "type", "n_quotes", "n_articles", "variants")),
    TableSpec("errors", "error.avsc", has_article_id=False,
              columns=("source_uri", "line", "stage", "error_type", "message")),
):
    register_table(_spec)
del _spec


def table_rows(
    ctx: ArticleContext, tables: Sequence[TableSpec] | None = None
) -> dict[str, list[Row]]:
    """All rows of one article by table name: its ``articles`` row and, when it was annotated,
    the rows of every per-article table (``tables``, default: the registry's), each counted in
    the ``articles`` row's ``count_field``.

    Annotate passes the specs it was built with: a worker process then builds the same tables
    as the launcher, whatever was registered in it.
    """
    tables = [t for t in REGISTRY.values() if t.rows is not None] if tables is None else tables
    rows: dict[str, list[Row]] = {}
    if ctx.analysis is not None:
        for table in tables:
            rows[table.name] = table.rows(ctx)
    counts = {t.count_field: len(rows.get(t.name, ())) for t in tables if t.count_field}
    rows["articles"] = [article_row(ctx, counts)]
    return rows


def article_row(ctx: ArticleContext, counts: Mapping[str, int]) -> Row:
    article = ctx.article
    row = {
        "article_id": ctx.article_id, "source_uri": article["source_uri"], "line": article["line"],
        "external_id": article["external_id"], "url": article["url"], "title": article["title"],
        "published_at": article["published_at"], "published_at_raw": article["published_at_raw"],
        "language": ctx.language, "format": article["format"], "encoding": article["encoding"],
        "text": ctx.text, "content_sha256": ctx.content_sha256,
        "n_paragraphs": ctx.n_paragraphs, **counts, "model": ctx.model,
        "pipeline_version": PIPELINE_VERSION, "ingested_at": now_micros(),
        "annotation_skipped": ctx.skipped,
    }
    return row


def article_context(article: ArticleInput, **fields: Any) -> ArticleContext:
    """An ArticleContext for ``article``, its id computed from its source and content."""
    text = article["text"]
    sha = content_sha256(text)
    return ArticleContext(article, article_id(article["source_uri"], article["line"], sha), text,
                          sha, **fields)
