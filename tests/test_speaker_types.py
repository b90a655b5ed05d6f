"""speaker_type of the names the resolver builds rather than copies, with the real model."""

from __future__ import annotations

from transforms.tables import SpeakerTypes


def test_a_poll_s_joint_publishers_are_an_organisation(analyse):
    text = "Voters are split. A new CNN/ORC poll shows Clinton with a lead of five points."
    _doc, analysis = analyse(text)
    names = [q.speaker_name for q in analysis.quotes]
    assert "CNN/ORC" in names
    types = SpeakerTypes(analysis.entities, text)
    assert types("CNN/ORC") == "ORG"
    assert types("Clinton") == "PERSON"


def test_a_well_known_full_name_is_a_person_where_the_article_has_only_the_surname(analyse):
    text = "Obama spoke in Laos on Tuesday. \u201cThe trip is overdue,\u201d he said."
    _doc, analysis = analyse(text)
    assert [q.speaker_name for q in analysis.quotes] == ["Barack Obama"]
    assert SpeakerTypes(analysis.entities, text)("Barack Obama") == "PERSON"
