"""BuildSpeakers: quotes rows -> the corpus-level ``speakers`` table and ``quotes.speaker_id``.

A combine per name group (type + surname, see ``speaker_identity``), never a pass over the whole
corpus in one worker: each group's accumulator holds its written forms and a quote count per
article, so memory follows the number of distinct speakers, not of articles. A quote whose name
is full ("Donald Trump") gets its ``speaker_id`` from its key at once; only a bare surname or an
initial ("Trump", "D. Trump") is joined back to its group's resolution. Windowed input
(streaming) is combined and joined per window; ids depend only on the name key, so they are the
same in every window.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import apache_beam as beam

from transforms.speaker_identity import (
    PERSON,
    GroupResolution,
    NameKey,
    Variants,
    add_mention,
    id_for,
    identity_row,
    key_of,
    merge_variants,
    name_key,
    resolve_group,
    speaker_id,
)
from transforms.tables import UNKNOWN_SPEAKER_TYPE
from transforms.write_tables import TableParts


def quote_key(quote: dict[str, Any]) -> NameKey | None:
    return name_key(quote.get("speaker_name"), quote.get("speaker_type") or UNKNOWN_SPEAKER_TYPE)


class SpeakerVariants(beam.CombineFn):
    """(key text, written form, article_id) of one group -> its ``Variants``."""

    def create_accumulator(self) -> Variants:
        return {}

    def add_input(self, acc: Variants, mention: tuple[NameKey, str, str]) -> Variants:
        key, form, article = mention
        return add_mention(acc, NameKey(*key), form, article)

    def merge_accumulators(self, accs: Iterable[Variants]) -> Variants:
        return merge_variants(list(accs))

    def extract_output(self, acc: Variants) -> GroupResolution:
        return resolve_group(acc)


def needs_group(key: NameKey) -> bool:
    """Only a bare surname or an initial needs its group's resolution for an id; a full name's
    id is its key's, whatever else the run holds."""
    return key.type == PERSON and len(key.given) <= 1


def _route_quote(quote: dict[str, Any]) -> Iterator[Any]:
    """One name key per quote: its mention for the group's combine ("mentions"), and the quote,
    with its id when a full name gives it ("done") or keyed for the join (main).

    Most quotes get their id here and go straight on: only the few whose id depends on the run
    (a bare "Trump") wait for the join, so a runner that holds a shuffle in memory (the
    in-process one does) holds those, not every quote of the run.
    """
    key = quote_key(quote)
    if key is None:
        yield beam.pvalue.TaggedOutput("done", {**quote, "speaker_id": None})
        return
    yield beam.pvalue.TaggedOutput(
        "mentions", (key.group, (tuple(key), quote["speaker_name"], quote["article_id"])))
    if needs_group(key):
        yield key.group, quote
    else:
        yield beam.pvalue.TaggedOutput("done", {**quote, "speaker_id": speaker_id(key)})


def _has_partial_names(group: tuple[str, GroupResolution]) -> bool:
    resolution = group[1]
    return bool(resolution.per_article) or any(
        needs_group(key_of(text)) for text in resolution.ids)


def _with_ids(element: tuple[str, dict[str, list]]) -> Iterator[dict[str, Any]]:
    _, joined = element
    resolutions = joined["groups"]
    for quote in joined["quotes"]:
        sid = None
        for resolution in resolutions:  # one per group (and window)
            sid = id_for(resolution, quote_key(quote), quote["article_id"])
        yield {**quote, "speaker_id": sid}


class SpeakerTables(NamedTuple):
    speakers: beam.PCollection
    #: The quotes whose id their name gave, then the ones joined to their group: two parts, not
    #: one Flatten (which the in-process runner would hold whole in memory; see TableParts).
    quotes: TableParts


class BuildSpeakers(beam.PTransform):
    """Quotes rows -> SpeakerTables(speakers rows, the quotes rows with ``speaker_id`` set)."""

    def expand(self, quotes: beam.PCollection) -> SpeakerTables:
        routed = quotes | "KeyQuotes" >> beam.FlatMap(_route_quote).with_outputs(
            "mentions", "done", main="partial")
        groups = routed.mentions | "CombineGroups" >> beam.CombinePerKey(SpeakerVariants())
        speakers = groups | "Identities" >> beam.FlatMap(
            lambda kv: [identity_row(i) for i in kv[1].identities])
        partial = (
            {"quotes": routed.partial,
             "groups": groups | "PartialGroups" >> beam.Filter(_has_partial_names)}
            | "JoinGroups" >> beam.CoGroupByKey()
            | "SetIds" >> beam.FlatMap(_with_ids)
        )
        return SpeakerTables(speakers, TableParts((routed.done, partial), label="Quotes"))
