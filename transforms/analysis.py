"""One article's analysis: paragraphs, one spaCy parse, then the pure extractors over it."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from transforms.entities import EntityMention, extract_entities
from transforms.nlp_model import parse_texts
from transforms.quotes import QuoteSpan, extract_quotes
from transforms.sentences import SentenceSpan, extract_sentences
from transforms.text_layout import Paragraph, split_paragraphs, text_for_nlp


class Analysis(NamedTuple):
    """Everything extracted from one article: offsets into its text, no spaCy objects."""

    paragraphs: list[Paragraph]
    sentences: list[SentenceSpan]
    entities: list[EntityMention]
    quotes: list[QuoteSpan]


@cache
def _takes_text(extractor: Callable[..., Any]) -> bool:
    return "text" in inspect.signature(extractor).parameters


def _text_kwarg(extractor: Callable[..., Any], text: str) -> dict[str, str]:
    # ``doc.text`` joins every token's text on each access: it is read once per article and
    # passed to the extractors that take it (a ``text=`` keyword).
    return {"text": text} if _takes_text(extractor) else {}


def extract_all(doc: Doc, paragraphs: list[Paragraph], text: str | None = None) -> Analysis:
    """Every extractor over one parse. ``text`` is the string that was parsed, when the caller
    has it: it equals ``doc.text``, which would join every token again to rebuild it."""
    text = doc.text if text is None else text
    sentences = extract_sentences(doc, paragraphs, text=text)
    entities = extract_entities(doc, sentences, **_text_kwarg(extract_entities, text))
    quotes = extract_quotes(doc, sentences, entities, **_text_kwarg(extract_quotes, text))
    return Analysis(paragraphs, sentences, entities, quotes)


def analyse_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 32
) -> Iterator[tuple[Doc, Analysis]]:
    """Parse ``texts`` in one ``nlp.pipe`` pass and run every extractor on each parse."""
    texts = list(texts)
    layouts = [split_paragraphs(t) for t in texts]
    nlp_texts = [text_for_nlp(t, ps) for t, ps in zip(texts, layouts, strict=True)]
    parsed = parse_texts(nlp, nlp_texts, batch_size=batch_size)
    # spaCy's tokenizer keeps every character, and parse_texts joins parts without adding any,
    # so each Doc's text is its nlp text
    for doc, paragraphs, nlp_text in zip(parsed, layouts, nlp_texts, strict=True):
        yield doc, extract_all(doc, paragraphs, nlp_text)


def analyse_text(nlp: Language, text: str) -> tuple[Doc, Analysis]:
    """One article; for tests and exploration (the pipeline batches with ``analyse_texts``)."""
    return next(analyse_texts(nlp, [text]))
