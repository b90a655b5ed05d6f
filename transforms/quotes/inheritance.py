"""The one inheritance step: quotations with no cue of their own take an earlier attribution's.

Walks the quotations in text order. A quotation right after an attributed one whose cue sits
between the two continues it ("“...,” he said. “...”"; ``NEXT_FRAGMENT``), ahead of a cue of
its own; a quotation with no cue standing as a sentence right after an attribution in the same or
the previous paragraph takes that attribution's speaker (the Gender Gap Tracker's rule;
``PREVIOUS``). Each quotation then gets the best-priority attribution on offer.
"""

from __future__ import annotations

from transforms.quotes.candidates import Candidate, Priority
from transforms.quotes.context import QuoteContext
from transforms.quotes.quotations import is_title, long_enough_for_speech
from transforms.quotes.selection import Selection


def attribute_quotations(ctx: QuoteContext, selection: Selection) -> list[Candidate]:
    """One direct-quote candidate per quotation that no content span took in, in text order."""
    text, regions, in_paragraph = ctx.text, ctx.regions, ctx.region_paragraph
    # Attributions a following cue-less quotation may inherit its speaker from, in the order
    # their speakers were named (see ``_said_at``).
    anchors = sorted((a for a in selection.spans if a.has_speaker), key=_said_at)
    attributed = dict(selection.holder)  # quotation -> the attribution it went into
    previous: Candidate | None = None
    previous_paragraph = -2
    k = 0
    out: list[Candidate] = []
    for i, region in enumerate(regions):
        while k < len(anchors) and _said_at(anchors[k]) < region.start:
            previous, previous_paragraph = anchors[k], ctx.paragraph_of(anchors[k].end - 1)
            k += 1
        if i in selection.holder or (is_title(text, region) and not ctx.starts_sentence(region)):
            continue
        own = selection.best_cue.get(i)
        offers = [own, _next_fragment_of(ctx, i, attributed, own)]
        if previous is not None and in_paragraph[i] - previous_paragraph <= 1:
            # only a quotation standing as a sentence of its own inherits: a quoted phrase inside
            # the writer's sentence ("has “not yielded” to") is the writer's, not a quote
            inherits = in_paragraph[i] == previous_paragraph or ctx.starts_paragraph(region)
            if inherits and (
                ctx.starts_sentence(region)
                or long_enough_for_speech(text, region)
            ):
                offers.append(previous._replace(priority=Priority.PREVIOUS))
        chosen = min((o for o in offers if o is not None), key=lambda o: o.priority, default=None)
        if chosen is None or selection.taken.overlaps(region.start, region.end):
            continue
        out.append(
            chosen._replace(start=region.start, end=region.end, regions=(i,), kind=None, region=i)
        )
        attributed[i] = chosen
        if chosen.cue is not None or chosen.speaker is not None:
            # a quotation over several paragraphs: what follows it follows its last paragraph
            previous, previous_paragraph = chosen, ctx.region_end_paragraph[i]
    return out


def _said_at(a: Candidate) -> int:
    """Where an attribution was made: its cue, or its content's start when the cue comes first.
    In "Her friends mocked the plan, calling it “a fiasco,” Moreau said." the clause of "said"
    starts before the one of "calling", but Moreau is the last one named: the quotation that
    follows is hers."""
    return max(a.start, a.cue[0]) if a.cue is not None else a.start


def _next_fragment_of(
    ctx: QuoteContext, i: int, attributed: dict[int, Candidate], own: Candidate | None = None
) -> Candidate | None:
    """The attribution of the quotation before ``i`` when its cue sits between the two:
    "“...,” he said. “...”" and "“...,” said X, a ... . “...”" continue one quote; not when
    the quotation's own cue comes after that cue ("“...,” Moreno said. Halvorsen shot back,
    “...”": a reply)."""
    before = attributed.get(i - 1)
    if before is None or before.cue is None:
        return None
    if (
        own is not None
        and own.cue is not None
        and own.has_speaker
        and before.cue[1] <= own.cue[0]
        and (
            own.cue[0] < ctx.regions[i].outer_start
            or _right_after(ctx, ctx.regions[i].outer_end, own.cue[0])
        )
    ):
        return None
    if ctx.region_end_paragraph[i - 1] != ctx.region_paragraph[i]:
        return None
    if ctx.regions[i - 1].outer_end <= before.cue[0] < ctx.regions[i].outer_start:
        return before._replace(priority=Priority.NEXT_FRAGMENT)
    return None


def _right_after(ctx: QuoteContext, end: int, cue: int) -> bool:
    """A cue a few words after a quotation that closes on a comma, in its sentence ("“...,” she
    went on."): the quotation's own attribution, not the next sentence's."""
    between = ctx.text[end:cue]
    if len(between.split()) > 3 or any(c in between for c in ".!?\n"):
        return False
    closes_on_comma = ctx.text[max(0, end - 2) : end].lstrip()[:1] == ","
    return closes_on_comma and ctx.sentences.at(cue).start < end
