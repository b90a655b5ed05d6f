"""Speakers named by layout rather than by a verb: "NAME: words" paragraphs and "“...” ― Name".

Headlines ("Poll: Clinton and Trump in dead heat"), interview transcripts ("WALLACE: Let's start")
and vox-pop lists ("“...” ― Sonya Herridge") attribute speech with punctuation alone, so the
parse has no reporting verb to find. Both patterns are matched on characters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.quotes.typography import LABEL_OPENING_CHARS, QUOTATION_OPENING_CHARS

_NAME_WORD = r"[A-Z][\w.\u2019'\-]*"
# An optional opening quote mark (a transcript turn inside a long quotation), one to four
# capitalised words, a colon, then the content.
_LABEL = re.compile(
    rf"[{LABEL_OPENING_CHARS}]?\s*({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}}):[ \t\u00a0]+(?=\S)"
)
# A roundup of reactions: "Sarah Lee, The Guardian: “...”". The outlet or role after the comma
# is not the speaker; only a quotation may follow, so a headline "On Trade, Voters Have a Point:
# It ..." is no label.
_ROUNDUP = re.compile(
    rf"({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{1,3}}),[ \u00a0]"
    rf"(?:{_NAME_WORD}|of|the|and|for)(?:[ \u00a0](?:{_NAME_WORD}|of|the|and|for)){{0,5}}"
    rf":[ \t\u00a0]+(?=[{QUOTATION_OPENING_CHARS}])"
)
_DASH_NAME = re.compile(
    rf"[ \t\u00a0]*[\u2015\u2014\u2013-]+[ \t\u00a0]*({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,5}})"
    r"[ \t\u00a0.,]*"
)
# Capitalised words that label a paragraph without naming anyone.
_NOT_SPEAKERS = frozenset(
    """
    update updated note editor editors photo photos video watch read related abstract
    correction breaking exclusive advertisement image credit caption question answer q a
    subscribe follow share tags topics contact email phone warning summary background context
    disclosure more also see listen location date time part chapter step tip source sources
    transcript analysis opinion commentary review essay editorial live first second third
    """.split()
)
_MIN_CONTENT_WORDS = 3


class LabelledSpeech(NamedTuple):
    start: int
    end: int
    speaker_start: int
    speaker_end: int
    cue_start: int
    cue_end: int


def find_labelled_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> list[LabelledSpeech]:
    """Paragraphs of the form "NAME: what they said" (or "NAME, OUTLET: “...”"), content after
    the colon."""
    out: list[LabelledSpeech] = []
    for p_start, p_end in paragraphs:
        m = _LABEL.match(text, p_start, p_end) or _ROUNDUP.match(text, p_start, p_end)
        if m is None:
            continue
        words = m.group(1).split()
        if any(w.strip(".").lower() in _NOT_SPEAKERS for w in words):
            continue
        if len(text[m.end() : p_end].split()) < _MIN_CONTENT_WORDS:
            continue
        colon = text.index(":", m.end(1), m.end())
        out.append(LabelledSpeech(m.end(), p_end, m.start(1), m.end(1), colon, colon + 1))
    return out


def trailing_dash_speaker(
    text: str, pos: int, limit: int, own_paragraph: bool = False
) -> tuple[int, int, int, int] | None:
    """``(speaker_start, speaker_end, cue_start, cue_end)`` of "― Name" right at ``pos``.

    The name must run to ``limit`` (the paragraph end): a dash inside a sentence is an aside.
    A trailer that is a paragraph of its own (``own_paragraph``) may go on after a comma
    ("- Mara Ellison, Portland.", "- Governor Ellison, speaking on Tuesday.").
    """
    m = _DASH_NAME.match(text, pos, limit)
    if m is None:
        return None
    # stop at the first non-space: copying the rest of the paragraph per quotation was
    # quadratic in a long paragraph of quotations
    i, stop = m.end(), min(limit, len(text))
    while i < stop and text[i].isspace():
        i += 1
    if i < stop and not (own_paragraph and "," in text[m.end(1) : m.end()]):
        return None
    dash = text.find(m.group().strip()[0], pos)
    name_end = m.end(1)
    if text[name_end - 1] == "." and name_end - text.rfind(" ", m.start(1), name_end) > 4:
        name_end -= 1  # the sentence's full stop ("- Mara Ellison."), not an initial or "Jr."
    return m.start(1), name_end, dash, dash + 1
