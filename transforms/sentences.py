"""Sentences of a parsed article, as spans that never cross a paragraph break."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from spacy.tokens import Doc

from transforms.text_layout import Paragraph


class SentenceSpan(NamedTuple):
    index: int
    paragraph: int
    start: int
    end: int


def extract_sentences(
    doc: Doc, paragraphs: list[Paragraph], *, text: str | None = None
) -> list[SentenceSpan]:
    """Sentence spans with surrounding whitespace trimmed; whitespace-only sentences dropped.

    spaCy's sentence starts already include every paragraph start (the
    ``newsbeam_paragraph_breaks`` component); cutting again at paragraph ends here is a guard
    for models that ignore preset boundaries. ``text`` is ``doc.text`` when the caller has it
    (rebuilding it joins every token again).
    """
    text = doc.text if text is None else text
    para_starts = [p.start for p in paragraphs]
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # indices, not a slice: slicing copied every later paragraph once per sentence
        for k in range(max(0, bisect.bisect_right(para_starts, start) - 1), len(paragraphs)):
            p = paragraphs[k]
            if p.start >= end:
                break
            s, e = max(start, p.start), min(end, p.end)
            s, e = _trim(text, s, e)
            if s < e:
                spans.append((s, e))
    out: list[SentenceSpan] = []
    for index, (s, e) in enumerate(spans):
        paragraph = max(0, bisect.bisect_right(para_starts, s) - 1)
        out.append(SentenceSpan(index, paragraph, s, e))
    return out


def sentence_index_at(sentences: list[SentenceSpan], offset: int) -> int:
    """Index of the sentence holding ``offset`` (or the last one starting before it).

    Builds the list of starts on every call: for more than a lookup or two per article use a
    ``SentenceIndex``.
    """
    return SentenceIndex(sentences).index_at(offset)


class SentenceIndex:
    """Sentence lookups by character offset over one article's sentences, starts listed once."""

    def __init__(self, sentences: list[SentenceSpan]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the last one starting before it)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def at(self, offset: int) -> SentenceSpan:
        """The sentence holding ``offset`` (or the last one starting before it)."""
        return self.sentences[self.index_at(offset)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
