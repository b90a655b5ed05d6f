"""Strategy: "NAME: words" paragraphs (headlines, transcripts), attributed by layout alone."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from transforms.quotes.candidates import Candidate, Priority
from transforms.quotes.context import QuoteContext
from transforms.quotes.typography import CLOSING_CHARS, OPENING_CHARS


def labelled_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    text = ctx.text
    outer_starts = [r.outer_start for r in ctx.regions]
    out = []
    for n, label in enumerate(ctx.labels):
        start, end = label.start, label.end
        while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSING_CHARS):
            end -= 1
        # a transcript turn opens with a quote mark: the words are the speaker's own
        para_start = label.speaker_start
        while para_start > 0 and text[para_start - 1] not in "\n":
            para_start -= 1
        kind = "DIRECT" if text[para_start] in OPENING_CHARS else "INDIRECT"
        regions: tuple[int, ...] = ()
        r = bisect.bisect_left(outer_starts, start)
        if r < len(ctx.regions) and ctx.regions[r].outer_start == start:
            # "Sarah Lee, The Guardian: “...”": the words in the marks are the quote
            start, end, regions, kind = ctx.regions[r].start, ctx.regions[r].end, (r,), "DIRECT"
        out.append(
            Candidate(
                Priority.LABEL,
                (n,),
                start,
                end,
                (label.cue_start, label.cue_end),
                None,
                regions=regions,
                speaker_span=(label.speaker_start, label.speaker_end),
                kind=kind,
            )
        )
    return out
