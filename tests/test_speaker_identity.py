"""One identity per speaker across a run: the merge rules, and the Beam aggregation."""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.speaker_identity import (
    PERSON,
    NameKey,
    add_mention,
    id_for,
    merge_variants,
    name_key,
    resolve_group,
    speaker_id,
)
from transforms.speakers_table import BuildSpeakers


@pytest.mark.parametrize(("name", "key"), [
    ("Donald Trump", NameKey(PERSON, "donald", "trump")),
    ("Donald J. Trump", NameKey(PERSON, "donald", "trump")),
    ("Mr. Donald Trump's", NameKey(PERSON, "donald", "trump")),
    ("Trump", NameKey(PERSON, "", "trump")),
    ("Donald Trump Jr.", NameKey(PERSON, "donald", "trump", "jr")),
    ("H. Clinton", NameKey(PERSON, "h", "clinton")),
    ("Ursula von der Leyen", NameKey(PERSON, "ursula", "von der leyen")),
    ("Sen. Tim Kaine", NameKey(PERSON, "tim", "kaine")),
    ("Jean-Claude Juncker", NameKey(PERSON, "jean-claude", "juncker")),
])
def test_person_keys(name, key):
    assert name_key(name, PERSON) == key


def test_other_names_key_on_all_their_words():
    assert name_key("The Clinton campaign", "ORG") == name_key("Clinton campaign's", "ORG")
    assert name_key("Clinton campaign", "ORG") != name_key("Clinton Foundation", "ORG")
    assert name_key("", PERSON) is None and name_key(None, "ORG") is None


def test_a_joint_source_keys_on_all_its_words():
    # "Trump and Ryan" reads as a person by its last word: it must never become a "Ryan" given
    # the name "Trump", nor take a bare "Ryan" from the one Paul Ryan of the run
    key = name_key("Donald Trump and Paul Ryan", PERSON)
    assert key == NameKey(PERSON, "", "donald trump and paul ryan")
    assert key.group != name_key("Paul Ryan", PERSON).group
    assert _ids([("Paul Ryan", "a1"), ("Ryan", "a2"), ("Trump and Ryan", "a3")])[:2] == [
        speaker_id(name_key("Paul Ryan", PERSON))
    ] * 2


def _resolve(mentions):
    """mentions: (name, article) of one type -> {group: resolution}."""
    groups = {}
    for name, article in mentions:
        key = name_key(name, PERSON)
        groups.setdefault(key.group, {})
        add_mention(groups[key.group], key, name, article)
    return {g: resolve_group(acc) for g, acc in groups.items()}


def _ids(mentions):
    resolved = _resolve(mentions)
    return [id_for(resolved[name_key(n, PERSON).group], name_key(n, PERSON), a)
            for n, a in mentions]


def test_variants_of_one_person_merge():
    ids = _ids([("Donald Trump", "a1"), ("Donald J. Trump", "a2"), ("Trump", "a3"),
                ("Mr. Trump's", "a3"), ("D. Trump", "a4")])
    assert len(set(ids)) == 1
    (identity,) = _resolve([("Donald Trump", "a1"), ("Donald J. Trump", "a2"),
                            ("Trump", "a3")])["PERSON|trump|"].identities
    assert identity.name == "Donald J. Trump"  # the fullest form
    assert identity.n_quotes == 3 and identity.n_articles == 3
    assert identity.variants == ["Donald J. Trump", "Donald Trump", "Trump"]


def test_a_shared_surname_is_never_merged_blindly():
    mentions = [("Hillary Clinton", "a1"), ("Bill Clinton", "a2"), ("Clinton", "a3"),
                ("Clinton", "a4"), ("H. Clinton", "a5")]
    hillary, bill, bare3, bare4, initial = _ids(mentions)
    assert hillary != bill
    assert initial == hillary  # one full name in the run starts with H
    assert bare3 not in (hillary, bill) and bare4 not in (hillary, bill)
    assert bare3 != bare4  # resolved per article: two articles, two identities
    resolution = _resolve(mentions)["PERSON|clinton|"]
    assert {i.n_articles for i in resolution.identities if i.name == "Clinton"} == {1}
    assert {tuple(i.could_be) for i in resolution.identities if i.name == "Clinton"} == {
        ("Bill Clinton", "Hillary Clinton")}
    assert all(not i.could_be for i in resolution.identities if i.name != "Clinton")


def test_a_son_is_not_his_father():
    father, son, bare = _ids([("Donald Trump", "a1"), ("Donald Trump Jr.", "a2"),
                              ("Trump Jr.", "a3")])
    assert father != son and bare == son


def test_ids_depend_on_the_key_alone():
    # a stream's later window adds a variant and a namesake: the id written earlier holds
    early = _ids([("Donald Trump", "a1")])[0]
    later = _ids([("Donald Trump", "a7"), ("Donald J. Trump", "a8"), ("Melania Trump", "a9")])
    assert later[0] == later[1] == early
    assert later[2] != early
    assert early == speaker_id(NameKey(PERSON, "donald", "trump"))


def test_merging_accumulators_in_any_order_gives_the_same_result():
    key = name_key("Jane Doe", PERSON)
    parts = [add_mention({}, key, "Jane Doe", f"a{i}") for i in range(4)]
    forward = resolve_group(merge_variants(parts))
    backward = resolve_group(merge_variants(parts[::-1]))
    assert forward == backward and forward.identities[0].n_articles == 4


def _quote(article, name, type_="PERSON", n=0):
    return {"quote_id": f"{article}-{n}", "article_id": article, "speaker_name": name,
            "speaker_type": type_}


def test_build_speakers_in_a_pipeline():
    quotes = [_quote("a1", "Donald Trump"), _quote("a1", "Donald Trump", n=1),
              _quote("a2", "Trump"), _quote("a3", "Bill Clinton"), _quote("a4", "Hillary Clinton"),
              _quote("a5", "Clinton"), _quote("a5", "The Clinton campaign", "ORG", n=1),
              _quote("a6", None)]
    trump = speaker_id(NameKey(PERSON, "donald", "trump"))
    with BeamTestPipeline(runner="BundleBasedDirectRunner") as p:
        out = p | beam.Create(quotes) | BuildSpeakers()
        assert_that(
            out.speakers | beam.Map(lambda r: (r["name"], r["type"], r["n_quotes"],
                                               r["n_articles"])),
            equal_to([("Donald Trump", PERSON, 3, 2), ("Bill Clinton", PERSON, 1, 1),
                      ("Hillary Clinton", PERSON, 1, 1), ("Clinton", PERSON, 1, 1),
                      ("The Clinton campaign", "ORG", 1, 1)]),
            label="speakers")
        assert_that(
            out.quotes | beam.Map(lambda q: (q["quote_id"], q["speaker_id"] == trump,
                                             q["speaker_id"] is None)),
            equal_to([("a1-0", True, False), ("a1-1", True, False), ("a2-0", True, False),
                      ("a3-0", False, False), ("a4-0", False, False), ("a5-0", False, False),
                      ("a5-1", False, False), ("a6-0", False, True)]),
            label="quotes")


def test_streaming_windows_keep_an_identity_s_id():
    """Per window, and a later window that adds a variant and a namesake keeps the id."""
    from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
    from apache_beam.testing.test_stream import TestStream
    from apache_beam.transforms import window
    from apache_beam.transforms.window import TimestampedValue

    stream = (
        TestStream()
        .add_elements([TimestampedValue(_quote("a1", "Donald Trump"), 1),
                       TimestampedValue(_quote("a2", "Trump"), 2)])
        .advance_watermark_to(10)
        .add_elements([TimestampedValue(_quote("a3", "Donald J. Trump"), 11),
                       TimestampedValue(_quote("a4", "Melania Trump"), 12),
                       TimestampedValue(_quote("a5", "Trump"), 13)])
        .advance_watermark_to_infinity()
    )
    options = PipelineOptions()
    options.view_as(StandardOptions).streaming = True
    options.view_as(StandardOptions).runner = "BundleBasedDirectRunner"  # what TestStream needs
    donald = speaker_id(NameKey(PERSON, "donald", "trump"))
    with BeamTestPipeline(options=options) as p:
        quotes = p | stream | beam.WindowInto(window.FixedWindows(10))
        out = quotes | BuildSpeakers()
        assert_that(
            out.speakers | beam.Map(lambda r: (r["speaker_id"] == donald, r["name"],
                                               r["n_quotes"])),
            equal_to([(True, "Donald Trump", 2),  # window 1: "Trump" is the one Trump
                      (True, "Donald J. Trump", 1),  # window 2: a new variant, the same id
                      (False, "Melania Trump", 1),
                      (False, "Trump", 1)]),  # window 2: two Trumps, the bare one stays apart
            label="speakers")
        assert_that(
            out.quotes | beam.Map(lambda q: (q["quote_id"], q["speaker_id"] == donald)),
            equal_to([("a1-0", True), ("a2-0", True), ("a3-0", True), ("a4-0", False),
                      ("a5-0", False)]),
            label="quotes")


def test_speaker_types_come_from_the_article_s_entities():
    from collections import namedtuple

    from transforms.tables import SpeakerTypes

    mention = namedtuple("mention", "start end label sentence_index canonical")
    text = "Crooked Hillary Clinton met Universe Alicia Machado at Acme Corp."
    types = SpeakerTypes([mention(0, 23, "PERSON", 0, "Crooked Hillary Clinton"),
                          mention(27, 50, "PERSON", 0, "Universe Alicia Machado"),
                          mention(54, 63, "ORG", 0, "Acme Corp")], text)
    # the resolver's cleaned-up names are still the people the model labelled
    assert types("Hillary Clinton") == types("Alicia Machado") == "PERSON"
    assert types("Acme Corp") == "ORG" and types("Clinton campaign") == "ORG"
    assert types("Mediazone") == "UNKNOWN" and types(None) is None


def test_a_person_is_shown_without_a_leading_title():
    (identity,) = _resolve([("Mayor Ana Ruiz", "a1"), ("Ruiz", "a2")])["PERSON|ruiz|"].identities
    assert identity.name == "Ana Ruiz"
    assert identity.variants == ["Mayor Ana Ruiz", "Ruiz"]  # the written forms stay
    (mr,) = _resolve([("Mr. Smith", "a1")])["PERSON|smith|"].identities
    assert mr.name == "Mr. Smith"  # a title before a lone surname is kept


def test_an_untagged_given_name_and_surname_is_a_person():
    """The small model left "Mayor Ana Ruiz" untagged: UNKNOWN speakers never merged by
    surname, so one mayor was three identities in a journalist's run."""
    from transforms.tables import SpeakerTypes

    types = SpeakerTypes([], "", ["Mayor Ana Ruiz", "Ruiz", "Metrovia", None])
    assert types("Mayor Ana Ruiz") == types("Ruiz") == PERSON
    assert types("Metrovia") == "UNKNOWN"
    assert SpeakerTypes([], "", ["Metrovia"])("Ruiz") == "UNKNOWN"
