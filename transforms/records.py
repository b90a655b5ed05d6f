"""The rows of the five tables, built from an article input and its analysis.

Rows are plain dicts with exactly the fields of ``schemas/*.avsc`` (the contract); every text
field is sliced from the article text with the row's own offsets.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from transforms.analysis import Analysis

PIPELINE_VERSION = "0.1.0"


def now_micros() -> int:
    return time.time_ns() // 1000


def error_record(
    source_uri: str, stage: str, error_type: str, message: str, *, line: int | None = None
) -> dict[str, Any]:
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


def table_rows(
    article: dict[str, Any], analysis: Analysis, *, model: str, language: str | None
) -> dict[str, list[dict[str, Any]]]:
    """All rows of one annotated article, by table name."""
    text = article["text"]
    sha = content_sha256(text)
    aid = article_id(article["source_uri"], article["line"], sha)
    ingested = now_micros()

    def piece(start: int | None, end: int | None) -> str | None:
        return None if start is None or end is None else text[start:end]

    sentences = [
        {"article_id": aid, "index": s.index, "paragraph": s.paragraph, "start": s.start,
         "end": s.end, "text": text[s.start : s.end]}
        for s in analysis.sentences
    ]
    entities = [
        {"article_id": aid, "start": e.start, "end": e.end, "text": text[e.start : e.end],
         "label": e.label, "sentence_index": e.sentence_index, "canonical": e.canonical}
        for e in analysis.entities
    ]
    quotes = [
        {"quote_id": quote_id(aid, q.start, q.end), "article_id": aid, "kind": q.kind,
         "start": q.start, "end": q.end, "text": text[q.start : q.end],
         "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
         "speaker_text": piece(q.speaker_start, q.speaker_end), "speaker_name": q.speaker_name,
         "cue_start": q.cue_start, "cue_end": q.cue_end, "cue_text": piece(q.cue_start, q.cue_end),
         "sentence_start_index": q.sentence_start_index,
         "sentence_end_index": q.sentence_end_index}
        for q in analysis.quotes
    ]
    row = {
        "article_id": aid, "source_uri": article["source_uri"], "line": article["line"],
        "external_id": article["external_id"], "url": article["url"], "title": article["title"],
        "published_at": article["published_at"], "published_at_raw": article["published_at_raw"],
        "language": language, "format": article["format"], "encoding": article["encoding"],
        "text": text, "content_sha256": sha, "n_paragraphs": len(analysis.paragraphs),
        "n_sentences": len(sentences), "n_entities": len(entities), "n_quotes": len(quotes),
        "model": model, "pipeline_version": PIPELINE_VERSION, "ingested_at": ingested,
    }
    return {"articles": [row], "sentences": sentences, "entities": entities, "quotes": quotes}
