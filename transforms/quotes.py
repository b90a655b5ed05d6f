"""Quotes of a parsed article: direct, indirect and mixed, with speaker and reporting cue.

(First stub: replaced by the real extractor.)
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from transforms.entities import EntityMention
from transforms.sentences import SentenceSpan


class QuoteSpan(NamedTuple):
    kind: str  # DIRECT | INDIRECT | MIXED
    start: int
    end: int
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    cue_start: int | None
    cue_end: int | None
    sentence_start_index: int
    sentence_end_index: int


def extract_quotes(
    doc: Doc, sentences: list[SentenceSpan], entities: list[EntityMention]
) -> list[QuoteSpan]:
    return []
