"""Articles that quote with single marks (‘...’), the British style: their quotations are direct
quotes as double-marked ones are, and an apostrophe closes none of them. In an article quoting
with double marks the single ones stay what they are there: quotations inside quotations and
headlines' quotes."""

from __future__ import annotations

import pytest

from tests.quote_views import holding, quoted_regions, quotes_of
from transforms.quotes.regions import single_marks_lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\u2018We will not back down,\u2019 she said. \u2018Not now.\u2019",
            ["We will not back down,", "Not now."],
            id="single-marked-article",
        ),
        pytest.param(
            "\u2018It\u2019s the town\u2019s money,\u2019 he said. "
            "\u2018Don\u2019t waste it.\u2019",
            ["It\u2019s the town\u2019s money,", "Don\u2019t waste it."],
            id="apostrophes-inside-words-close-nothing",
        ),
        pytest.param(
            "\u2018The workers\u2019 pay is frozen,\u2019 she said. \u2018Enough.\u2019",
            ["The workers\u2019 pay is frozen,", "Enough."],
            id="a-plurals-possessive-closes-nothing",
        ),
        pytest.param(
            "She called it \u2018a slap in the face for nurses\u2019 and left. "
            "\u2018We are done,\u2019 she said.",
            ["a slap in the face for nurses", "We are done,"],
            id="closing-after-s-before-a-joining-word",
        ),
        pytest.param(
            "\u2018He told me \u201cnever again\u201d, and I believed him,\u2019 she said. "
            "\u2018I still do.\u2019",
            ["He told me \u201cnever again\u201d, and I believed him,", "I still do."],
            id="double-marks-nest-inside",
        ),
        pytest.param(
            "\u2018First paragraph.\n\u2018Second paragraph,\u2019 she said.",
            ["First paragraph.\n\u2018Second paragraph,"],
            id="reopened-paragraph",
        ),
        pytest.param(
            "\u201cIt is the \u2018last chance\u2019 for talks,\u201d he said. "
            "\u201cWe know that.\u201d",
            ["It is the \u2018last chance\u2019 for talks,", "We know that."],
            id="double-marked-article-keeps-singles-nested",
        ),
    ],
)
def test_single_marked_quotations(text, expected):
    assert quoted_regions(text) == expected


def test_which_marks_an_article_quotes_with():
    assert single_marks_lead("\u2018No,\u2019 she said.")
    # a headline's single-marked quote over a double-marked article
    assert not single_marks_lead(
        "\u2018We will not back down,\u2019 says minister\n\n\u201cWe will not,\u201d she said. "
        "\u201cNever.\u201d"
    )
    # apostrophes alone quote nothing
    assert not single_marks_lead("It\u2019s the nurses\u2019 pay, and the town\u2019s.")


def test_a_british_council_story_has_its_direct_quotes(analyse):
    text = (
        "The council leader, Margaret Hughes, said the decision was final.\n\n"
        "\u2018We have listened to residents and we will not change course,\u2019 she said. "
        "\u2018The money is simply not there.\u2019\n\n"
        "\u2018It\u2019s a disgrace,\u2019 said Tom Reid, who represents Eastfield. "
        "\u2018The workers\u2019 pay has been frozen for years.\u2019"
    )
    quotes = quotes_of(analyse, text)
    listened = holding(quotes, "We have listened")
    assert listened["kind"] == "DIRECT"
    assert listened["content"] == "We have listened to residents and we will not change course,"
    assert listened["speaker"] == "she"
    assert holding(quotes, "simply not there")["kind"] == "DIRECT"
    disgrace = holding(quotes, "disgrace")
    assert (disgrace["kind"], disgrace["speaker"]) == ("DIRECT", "Tom Reid")
    frozen = holding(quotes, "frozen")
    assert frozen["content"] == "The workers\u2019 pay has been frozen for years."
    assert frozen["kind"] == "DIRECT"


def test_a_headline_over_a_single_marked_article_keeps_its_speaker(analyse):
    text = (
        "\u2018We will not back down,\u2019 says housing minister\n\n"
        "The housing minister defended the policy on Monday."
    )
    q = holding(quotes_of(analyse, text), "We will not back down")
    assert (q["kind"], q["content"], q["speaker"]) == (
        "DIRECT", "We will not back down,", "housing minister"
    )


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "\u2018We were never asked\u2019: Ashworth residents turn on council\u2019s parking "
            "plan\n\nResidents packed the town hall on Tuesday night.",
            "We were never asked", "Ashworth residents", id="single-marks",
        ),
        pytest.param(
            "\u201cWe will not back down\u201d: Housing minister Rachel Thornbury defends "
            "target\n\nThe minister spoke on Monday. \u201cWe are building,\u201d she said.",
            "We will not back down", "Housing minister Rachel Thornbury", id="double-marks",
        ),
    ],
)
def test_a_headline_quotation_before_a_colon_is_its_subjects(analyse, text, words, speaker):
    """British headlines quote first: "‘...’: Who does what"; the colon is the cue where the
    rest has no speech verb nearer ("defends" is one)."""
    q = holding(quotes_of(analyse, text), words)
    assert (q["kind"], q["content"], q["speaker"]) == ("DIRECT", words, speaker)
