"""Strategy: a quotation introduced by a colon, with no speech verb to say who speaks.

"Trump went even further: “...”", "The timing doesn't surprise pollster Daron Shaw: “...”",
"President Clinton released the following statement:" closing the paragraph before a quoted
one. The speaker is a name written right before the colon, else the subject of the clause the
colon ends. A sentence whose speech verb reports nothing of its own introduces the quotation
opening the next sentence the same way ("Lindqvist agreed. “...”").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from transforms import speakers  # the module: see extract.py
from transforms.entity_labels import SPEAKER_LABELS
from transforms.quotes.candidates import Candidate, Priority, cue_span
from transforms.quotes.context import QuoteContext
from transforms.quotes.regions import QuotedRegion
from transforms.quotes.reporting_verbs import is_speech_verb

# One to five capitalised words between a dash and the colon, the colon ending the search.
_WORD = r"[A-Z][\w.\u2019'\-]*"
_DASHED_NAME = re.compile(
    rf"[\u2014\u2013-][ \u00a0]+({_WORD}(?:[ \u00a0]{_WORD}){{0,4}})[ \u00a0]*$"
)


def introduction_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    out = []
    # head index -> its subject: many colons can hang on one long sentence's verb, and finding
    # a subject reads all of that verb's children
    subjects: dict[int, Token | None] = {}
    for i, region in enumerate(ctx.regions):

        def introduced(cue, speaker=None, speaker_span=None, i=i, region=region) -> Candidate:
            return Candidate(Priority.INTRODUCTION, (i,), region.start, region.end, cue, speaker,
                             speaker_span=speaker_span, region=i)

        colon = _introducing_colon(ctx, region.outer_start)
        if colon is None:
            # "Lindqvist agreed. “...”": a report of nothing, closing the sentence before
            reported = _report_before(doc, ctx, region)
            if reported is not None:
                verb, speaker = reported
                out.append(introduced(cue_span(verb), speaker))
            continue
        cue = (colon, colon + 1)
        named = _DASHED_NAME.search(ctx.text, max(0, colon - 80), colon)
        if named is not None:
            # "Pollsters agree - Carl Bialik: “...”": a roundup's name after a dash
            out.append(introduced(cue, speaker_span=named.span(1)))
            continue
        span = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None or span[0].i == 0:
            continue
        speaker = _introducer(span[0], subjects, ctx.quoted)
        if (speaker is None or ctx.quoted[speaker.i] >= 0) and ctx.quoted[span[0].head.i] >= 0:
            speaker = _subject_before(span[0], ctx.quoted)
        if speaker is None or ctx.quoted[speaker.i] >= 0:
            continue
        out.append(introduced(cue, speaker))
    return out


def _report_before(doc: Doc, ctx: QuoteContext, region: QuotedRegion) -> tuple[Token, Token] | None:
    """The speech verb and its subject of a sentence that reports nothing of its own, right
    before a quotation opening the next sentence of its paragraph: "Lindqvist agreed. “...”",
    "The ministry said in a statement. “...”" (no colon, but the words are theirs)."""
    sentences = ctx.sentences
    first = sentences.at(region.outer_start)
    if first.start != region.outer_start or first.index == 0:
        return None
    prev = sentences.sentences[first.index - 1]
    closing = ctx.text[prev.start : prev.end].rstrip()
    if prev.paragraph != first.paragraph or not closing.endswith("."):
        return None
    span = doc.char_span(prev.start, prev.end, alignment_mode="expand")
    if span is None or any(ctx.quoted[t.i] >= 0 for t in span):
        return None
    verb = span.root
    if not is_speech_verb(verb.text) or any(
        c.dep_ in _CONTENT_DEPS for c in ctx.tree.children(verb)
    ):
        return None
    speaker = speakers.speaker_token(verb)
    return None if speaker is None else (verb, speaker)


# What a verb reports when it has content of its own ("said that ...", "said so", "added: ...").
_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "parataxis", "advcl", "conj", "acomp", "oprd"}


def _introducing_colon(ctx: QuoteContext, opening: int) -> int | None:
    """Offset of the colon right before ``opening``, in the same paragraph or ending the one
    before (a block quotation)."""
    text = ctx.text
    k = opening - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k >= 0 and text[k] == ":":
        return k
    if k >= 0 and text[k] == "\n":
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] == ":":
            return k
    return None


def _introducer(
    colon: Token, subjects: dict[int, Token | None], quoted: list[int]
) -> Token | None:
    before = colon.doc[colon.i - 1]
    named = before if before.ent_type_ in SPEAKER_LABELS and before.ent_iob_ in {"B", "I"} else None
    if named is not None and not _after_preposition(named):
        # "pollster Daron Shaw:": the name the colon follows; its last word heads it
        return named
    # the colon hangs on the verb or on its object ("released the following statement:"); a
    # name after a preposition ("a blunt message to Trump:") speaks only when nobody else does
    subject = _clause_subject(colon, subjects)
    if named is not None and (subject is None or quoted[subject.i] >= 0):
        return named
    return subject


def _clause_subject(colon: Token, subjects: dict[int, Token | None]) -> Token | None:
    head = colon.head
    for _ in range(3):
        if head is colon:
            return None
        if head.i not in subjects:
            subjects[head.i] = speakers.speaker_token(head)
        speaker = subjects[head.i]
        if speaker is not None:
            return speaker
        if head.head is head:
            return None
        head = head.head
    return None


def _after_preposition(name: Token) -> bool:
    """A name the colon follows as the object of a preposition: "a blunt message to Trump:",
    "later that month on CNN:", "on Twitter:" name the addressee or the medium, not the
    speaker (the subject of the clause is)."""
    head = name
    while head.dep_ in {"compound", "flat"} and head.head is not head:
        head = head.head
    return head.dep_ == "pobj"


def _subject_before(colon: Token, quoted: list[int]) -> Token | None:
    """The subject of the clause the colon ends when the parse hung the colon on the quoted
    words ("Its finance chief, Omar Castell, was blunt: “We spent ...”": "was" a clause of the
    quotation's "spent"): from the word before the colon up to the last head outside the
    quotation, before the colon."""
    doc = colon.doc
    top = doc[colon.i - 1]
    if quoted[top.i] >= 0 or top.is_punct:
        return None
    while top.head.i != top.i and quoted[top.head.i] < 0 and top.head.i < colon.i:
        top = top.head
    return speakers.speaker_token(top)
