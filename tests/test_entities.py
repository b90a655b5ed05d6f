"""Entity mentions: spaCy's NER, trimmed to the name and labelled consistently per article."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.entities import canonical_names, consistent_labels, person_surnames
from transforms.entity_spans import dateline_mentions

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_27cef5e8aa7cc37f.txt"


def mentions(analyse, text):
    _, analysis = analyse(text)
    return [(text[e.start : e.end], e.label, e.canonical) for e in analysis.entities]


def test_seed_article_places_people_and_canonical_names(analyse):
    text = SEED.read_text("utf-8")
    found = mentions(analyse, text)
    labels = {(t, label) for t, label, _ in found}
    for place in ("France", "Ukraine", "Kazakhstan", "Pokrovsk"):
        assert (place, "GPE") in labels
    for person in ("Volodymyr Zelensky", "Serhii Leshchenko"):
        assert (person, "PERSON") in labels
    canon = {c for t, label, c in found if t == "Zelensky"}
    assert canon == {"Volodymyr Zelensky"}


def test_leading_article_and_possessive_are_not_part_of_the_name(analyse):
    text = "The United Nations sent aid. Kofi Annan's report praised the United States."
    got = {t for t, _, _ in mentions(analyse, text)}
    assert {"United Nations", "Kofi Annan", "United States"} <= got
    assert not any(t.lower().startswith("the ") or t.endswith("'s") for t in got)


def test_agency_dateline_in_wrapped_wire_text(analyse):
    text = (
        "Storm closes port\n\n"
        "\t   OSLO, Norway (AP) _ A winter storm closed the port of Oslo on\n"
        "Saturday, the harbor authority said.\n"
    )
    got = {(t, label) for t, label, _ in mentions(analyse, text)}
    assert {("OSLO", "GPE"), ("Norway", "GPE"), ("AP", "ORG")} <= got


def test_a_surname_takes_the_type_of_the_full_name(analyse):
    text = (
        "Italian police arrested Aldo Bertolucci on Monday. Bertolucci was taken to Rome. "
        "Prosecutors said Bertolucci had fled in 1998."
    )
    got = [(t, label) for t, label, _ in mentions(analyse, text) if "Bertolucci" in t]
    assert got == [
        ("Aldo Bertolucci", "PERSON"),
        ("Bertolucci", "PERSON"),
        ("Bertolucci", "PERSON"),
    ]


def test_capitalised_sentence_start_is_not_a_name_when_used_in_lower_case(analyse):
    text = "Rebels attacked the town. Guerrillas fired rockets, and the guerrillas then fled."
    assert "Guerrillas" not in {t for t, _, _ in mentions(analyse, text)}


def test_offsets_point_into_the_original_text(analyse):
    text = (
        "Talks resumed\n\n"
        "\t   GENEVA (AP) _ Officials of the World Health\n"
        "Organization met on Friday with doctors from three countries\n"
        "to plan a vaccination campaign, a spokeswoman said.\n"
        "\t   The campaign starts in May.\n"
    )
    for t, _, _ in mentions(analyse, text):
        assert t == t.strip() and t
    assert "World Health\nOrganization" in {t for t, _, _ in mentions(analyse, text)}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "\t   NAIROBI, Kenya (AP) _ Thousands",
            [("NAIROBI", "GPE"), ("Kenya", "GPE"), ("AP", "ORG")],
        ),
        ("Title\n\n\t   VATICAN CITY (AP) - The", [("VATICAN CITY", "GPE"), ("AP", "ORG")]),
        ("LOS ANGELES (Reuters) \u2014 A", [("LOS ANGELES", "GPE"), ("Reuters", "ORG")]),
        ("He flew to PARIS (AP) _ later", []),  # not at a paragraph start
        ("No dateline here.", []),
    ],
)
def test_dateline_mentions(text, expected):
    assert [(text[m.start : m.end], m.label) for m in dateline_mentions(text)] == expected


def test_consistent_labels_follow_the_majority_of_the_same_name():
    labels = consistent_labels(
        [
            ("Afula", "PERSON"),
            ("Afula", "GPE"),
            ("AFULA", "GPE"),
            ("Tito", "ORG"),
            ("Tito", "PERSON"),
        ]
    )
    assert labels == ["GPE", "GPE", "GPE", "ORG", "PERSON"]  # a tie keeps the model's label


def test_person_surnames_come_from_full_names_only():
    assert person_surnames(
        [("Aldo Moro", "PERSON"), ("Moro", "ORG"), ("Li", "PERSON"), ("Red Cross", "ORG")]
    ) == {"moro"}


def test_canonical_names_pick_the_fullest_unambiguous_form():
    got = canonical_names(
        [("Volodymyr Zelensky", "PERSON"), ("Zelensky", "PERSON"), ("Smith", "PERSON"),
         ("Anna Smith", "PERSON"), ("John Smith", "PERSON")]
    )  # fmt: skip
    assert got[1] == "Volodymyr Zelensky"
    assert got[2] == "Smith"  # two Smiths: left as written


def test_a_given_name_the_model_left_out_is_part_of_the_name(analyse):
    # the small model tags only "Holm"; every later "Holm" and "he" was then "Holm"
    text = ("The board's chairman, Anders Holm, said the reversal was right. "
            "Congressman Holm said the vote was close.")
    found = [(written, label) for written, label, _canonical in mentions(analyse, text)]
    assert ("Anders Holm", "PERSON") in found
    assert ("Congressman Holm", "PERSON") not in found  # a role word is no given name


def test_post_nominal_letters_end_no_name(analyse):
    """British court and politics copy: the small model reads "Jane Holt QC" as an ORG and
    "Recorder Alistair Mbeki KC" as a PERSON "Recorder Alistair" plus an ORG "KC". The person
    is the name without the letters, and a later surname alone is that person."""
    text = ("Sentencing him at Leeds Crown Court, Recorder Alistair Mbeki KC said the offences "
            "were cruel. Defence barrister Jane Holt QC said her client was sorry. "
            "Holt told the court that he had been drinking. The Labour MP said nothing.")
    found = [(written, label) for written, label, _canonical in mentions(analyse, text)]
    assert ("Alistair Mbeki", "PERSON") in found and ("Jane Holt", "PERSON") in found
    assert not [w for w, _ in found if w.endswith(("KC", "QC", "MP"))]
    assert not [w for w, label in found if label == "PERSON" and "Labour" in w]
    _doc, analysis = analyse(text)
    named = {text[q.start : q.end]: q.speaker_name for q in analysis.quotes}
    assert named["that he had been drinking"] == "Jane Holt"


def test_a_full_name_read_as_an_organisation_is_the_person_the_article_titles(analyse):
    """The small model read "Rachel Thornbury" as an ORG; the article also writes "Ms
    Thornbury", so the minister is a person, and her later quotes and "she" are hers, not
    those of the single-word PERSON "Wealdbridge" (a constituency) named in between."""
    text = ("Speaking in the House of Commons on Monday, Rachel Thornbury said the government "
            "would not \"move the goalposts\". She told MPs that new rules would unlock sites.\n\n"
            "Sir Geoffrey Lane, the MP for Wealdbridge, said that his constituents were fed up.\n\n"
            "Ms Thornbury dismissed the letter. Asked whether she would meet the rebels, she said "
            "her door was \"always open\" but the target would stay.")
    found = [(written, label) for written, label, _canonical in mentions(analyse, text)]
    assert ("Rachel Thornbury", "PERSON") in found
    _doc, analysis = analyse(text)
    named = {text[q.start : q.end]: q.speaker_name for q in analysis.quotes}
    assert named['her door was "always open"'] == "Rachel Thornbury"
    # a title alone names no one: no given name before "Pepper" anywhere
    text = "Dr Pepper said sales rose in May. Dr Pepper shares fell."
    found = [(written, label) for written, label, _canonical in mentions(analyse, text)]
    assert not [w for w, label in found if label == "PERSON"]


def test_a_known_given_name_that_opens_the_sentence_is_part_of_the_name(analyse):
    text = ("Housing charities said both parties were failing families. Polly Nakamura, chief "
            "executive of the charity Shelter Ground, said: \"The target is a distraction.\"")
    found = [written for written, label, _canonical in mentions(analyse, text)
             if label == "PERSON"]
    assert "Polly Nakamura" in found
    _doc, analysis = analyse(text)
    assert [q.speaker_name for q in analysis.quotes if q.kind == "DIRECT"] == ["Polly Nakamura"]
