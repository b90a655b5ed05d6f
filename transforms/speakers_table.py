"""BuildSpeakers: quotes rows -> the corpus-level ``speakers`` table and ``quotes.speaker_id``.

A combine per name group (type + surname, see ``speaker_identity``), never a pass over the whole
corpus in one worker: each group's accumulator holds its written forms and a quote count per
article, so memory follows the number of distinct speakers, not of articles. The quotes are then
joined back to their group's resolution by key to get their ``speaker_id``. Windowed input
(streaming) is combined and joined per window; ids depend only on the name key, so they are the
same in every window.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import apache_beam as beam

from transforms.speaker_identity import (
    GroupResolution,
    NameKey,
    Variants,
    add_mention,
    id_for,
    identity_row,
    merge_variants,
    name_key,
    resolve_group,
)
from transforms.tables import UNKNOWN_SPEAKER_TYPE


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


def _keyed_mention(quote: dict[str, Any]) -> Iterator[tuple[str, tuple]]:
    key = quote_key(quote)
    if key is not None:
        yield key.group, (tuple(key), quote["speaker_name"], quote["article_id"])


def _keyed_quote(quote: dict[str, Any]) -> Iterator[Any]:
    key = quote_key(quote)
    if key is None:
        yield beam.pvalue.TaggedOutput("unnamed", {**quote, "speaker_id": None})
    else:
        yield key.group, quote


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
    quotes: beam.PCollection


class BuildSpeakers(beam.PTransform):
    """Quotes rows -> SpeakerTables(speakers rows, the quotes rows with ``speaker_id`` set)."""

    def expand(self, quotes: beam.PCollection) -> SpeakerTables:
        groups = (
            quotes
            | "KeyMentions" >> beam.FlatMap(_keyed_mention)
            | "CombineGroups" >> beam.CombinePerKey(SpeakerVariants())
        )
        speakers = groups | "Identities" >> beam.FlatMap(
            lambda kv: [identity_row(i) for i in kv[1].identities])
        keyed = quotes | "KeyQuotes" >> beam.FlatMap(_keyed_quote).with_outputs(
            "unnamed", main="named")
        named = (
            {"quotes": keyed.named, "groups": groups}
            | "JoinGroups" >> beam.CoGroupByKey()
            | "SetIds" >> beam.FlatMap(_with_ids)
        )
        out = (named, keyed.unnamed) | "AllQuotes" >> beam.Flatten()
        return SpeakerTables(speakers, out)
