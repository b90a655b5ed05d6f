"""``extract_quotes``: the strategies' candidates, one selection, one inheritance, then offsets."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Token

# the module, not its names: speakers may import this package's label sets, and a name import
# here would then fail half-way through whichever of the two is imported first
from transforms import speakers
from transforms.entities import EntityMention
from transforms.entity_labels import PERSON_LABELS, SPEAKER_LABELS
from transforms.quotes.candidates import Candidate
from transforms.quotes.clauses import clause_candidates
from transforms.quotes.context import QuoteContext, build_context
from transforms.quotes.hedges import hedge_candidates
from transforms.quotes.inheritance import attribute_quotations
from transforms.quotes.introductions import introduction_candidates
from transforms.quotes.labelled import labelled_candidates
from transforms.quotes.nominal import noun_clause_candidates
from transforms.quotes.quotations import (
    cue_candidates,
    floating_candidates,
    headline_colon_candidates,
    introduced_quotation,
    named_next_candidates,
    quotation_after_introduction,
    split_at_cue,
    with_speaker_read_off,
)
from transforms.quotes.selection import select
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


Strategy = Callable[[Doc, QuoteContext], list[Candidate]]

# Order here is irrelevant: each candidate carries its priority.
STRATEGIES: tuple[Strategy, ...] = (
    labelled_candidates,
    clause_candidates,
    hedge_candidates,
    noun_clause_candidates,
    cue_candidates,
    introduction_candidates,
    named_next_candidates,
    headline_colon_candidates,
    floating_candidates,
)


def extract_quotes(
    doc: Doc, sentences: list[SentenceSpan], entities: list[EntityMention],
    text: str | None = None,
) -> list[QuoteSpan]:
    """Quotes of a parsed article; offsets are characters of ``doc.text`` (``text``, when the
    caller has it), DIRECT content excludes the quote marks."""
    ctx = build_context(doc, sentences, text)
    candidates = [
        with_speaker_read_off(introduced_quotation(c, ctx), doc, ctx)
        for strategy in STRATEGIES
        for c in strategy(doc, ctx)
    ]
    selection = select(candidates)
    chosen = [
        *(
            q
            for c in selection.spans
            for q in split_at_cue(quotation_after_introduction(c, ctx), ctx)
        ),
        *attribute_quotations(ctx, selection),
    ]
    resolver = speakers.SpeakerResolver(
        doc, entities, [(r.outer_start, r.outer_end) for r in ctx.regions], text=ctx.text
    )
    out = [_to_span(c, ctx, resolver) for c in chosen]
    return sorted(out, key=lambda q: (q.start, q.end))


def _to_span(c: Candidate, ctx: QuoteContext, resolver: speakers.SpeakerResolver) -> QuoteSpan:
    regions = ctx.regions
    if c.regions and all(
        regions[r].start <= c.start and c.end <= regions[r].end for r in c.regions
    ):
        kind = "DIRECT"
    elif c.regions:
        kind = "MIXED"
    else:
        kind = "INDIRECT"
    kind = c.kind or kind
    speaker_start = speaker_end = None
    name = None
    if c.speaker_span is not None:
        speaker_start, speaker_end = c.speaker_span
        name = resolver.resolve_written(speaker_start, speaker_end)
    elif c.speaker is not None and ctx.quoted[c.speaker.i] < 0:
        speaker = _named_in_apposition(c.speaker)
        speaker_start, speaker_end = speakers.mention_span(speaker)
        if c.cue is not None and speaker_start < c.cue[1] <= speaker.idx:
            # "“...,” tweeted Ortiz spokesman Alex Brand": the parse can hang the verb on the
            # name it follows; the mention starts after its cue
            speaker_start = _next_word(speaker.doc, c.cue[1], len(ctx.text))
        closing = [r.outer_end for r in ctx.regions if speaker_start < r.outer_end <= speaker.idx]
        if closing:
            # "“...,” a voice-over in the ad states": nor does it start inside a quotation the
            # parse hung on it
            speaker_start = _next_word(speaker.doc, max(closing), len(ctx.text))
        if c.cue is not None and speaker.idx < c.cue[0] < speaker_end:
            # nor does a mention before its cue run into it ("... in the ad states")
            speaker_end = len(ctx.text[: c.cue[0]].rstrip())
        name = resolver.resolve(speaker, speaker_start, speaker_end)
        if name is not None and " and " in name:
            # a joint source ("Priya Nandakumar and Felix Okonkwo said"): the mention as written
            # runs to its last name, as the name does
            later = [t for t in speaker.conjuncts if t.i > speaker.i]
            if later:
                speaker_end = max(speaker_end, speakers.mention_span(max(later))[1])
    cue_start, cue_end = c.cue if c.cue is not None else (None, None)
    return QuoteSpan(
        kind,
        c.start,
        c.end,
        speaker_start,
        speaker_end,
        name,
        cue_start,
        cue_end,
        ctx.sentences.index_at(c.start),
        ctx.sentences.index_at(max(c.start, c.end - 1)),
    )


def _next_word(doc, offset: int, end: int) -> int:
    """Offset of the first word at or after ``offset``, before ``end`` (the text's length)."""
    span = doc.char_span(offset, end, alignment_mode="expand")
    word = next((t for t in span if not (t.is_space or t.is_punct)), None) if span else None
    return word.idx if word is not None else offset


def _named_in_apposition(head: Token) -> Token:
    """The name a title is given in apposition ("The health minister, Robert Castellano,",
    "the museum's director, Dr Helen Achterberg"): the speaker is the person, not the title."""
    if head.ent_type_ in SPEAKER_LABELS:
        return head
    for child in head.rights:
        if child.dep_ == "appos" and child.ent_type_ in PERSON_LABELS:
            return child
    return head
