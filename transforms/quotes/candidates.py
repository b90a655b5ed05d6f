"""What a strategy proposes: a content span, or a quotation, with the cue and speaker behind it.

Every candidate carries an explicit ``priority`` (lower wins) and an ``order`` among candidates of
that priority. Selection reads nothing else to decide between them.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from spacy.tokens import Token


class Priority(IntEnum):
    # Spans of text, competing with each other for characters:
    LABEL = 0  # "NAME: words" paragraphs: layout says who speaks
    CLAUSE = 1  # a reporting clause ("X said that ..."); the wider of two nested ones first
    HEDGE = 2  # "X seems to ...", "X is expected to ...": no one's words, after any clause
    NOUN_CLAUSE = 3  # "the claim that ...", "confident that ...": a clause no report took
    # Cues for one quotation, competing for that quotation:
    QUOTED_CLAUSE = 4  # a reporting clause whose content is all inside the quotation marks
    NEXT_FRAGMENT = 5  # inherited: "“A,” he said. “B”" continues A's quote
    CUE = 6  # the nearest speech verb with a subject, or a "― Name" trailer
    INTRODUCTION = 7  # a colon right before it: "X went further: “...”"
    NAMED_NEXT = 8  # opening a paragraph, its speaker the subject of the next sentence
    PREVIOUS = 9  # inherited: the last attribution in this or the previous paragraph
    FLOATING = 10  # no cue at all, kept only when it reads as speech


class Candidate(NamedTuple):
    """A content span (``region`` None) or a cue for quotation ``region``.

    Offsets are characters of the text. ``speaker`` is the head of a parsed mention;
    ``speaker_span`` a mention that is no parse subtree ("WALLACE:", "― Sonya Herridge").
    """

    priority: Priority
    order: tuple[int, ...]
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Token | None
    regions: tuple[int, ...] = ()  # the quotations the content holds
    speaker_span: tuple[int, int] | None = None
    kind: str | None = None  # set when the quotations alone don't tell
    region: int | None = None

    @property
    def has_speaker(self) -> bool:
        return self.speaker is not None or self.speaker_span is not None


# Edge tokens trimmed off a content span: punctuation, and a dangling conjunction or full stop.
_CONTENT_TRIM = {",", ":", ";", "-", "\u2014", "\u2013", "(", ")"}
_TRAILING_WORDS = {".", "and", "but", "or"}


def trimmed_span(tokens: list[Token]) -> tuple[int | None, int]:
    """Character span from the first to the last token, without edge punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    # indices, not repeated slicing: a long run of edge punctuation cost a copy per token
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].text in _CONTENT_TRIM or tokens[lo].is_space):
        lo += 1
    while hi > lo and (
        tokens[hi - 1].text in _CONTENT_TRIM
        or tokens[hi - 1].lower_ in _TRAILING_WORDS
        or tokens[hi - 1].is_space
    ):
        hi -= 1
    tokens = tokens[lo:hi]
    if not any(t.is_alpha for t in tokens):
        return None, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def cue_span(verb: Token) -> tuple[int, int]:
    """The verb with a particle right after it ("pointed out", "blurted out")."""
    # the tokens after the verb, not its right children: a verb can head thousands of tokens
    # (a paragraph of unclosed quotations), and this runs once per quotation
    doc, end = verb.doc, verb.i
    while end + 1 < len(doc) and doc[end + 1].dep_ == "prt" and doc[end + 1].head.i == verb.i:
        end += 1
    return verb.idx, doc[end].idx + len(doc[end])
