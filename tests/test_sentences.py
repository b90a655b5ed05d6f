"""Sentence spans through the pipeline's own analysis: the rule layer over spaCy's parser."""

from __future__ import annotations

import pytest

from transforms.sentences import SentenceSpan, sentence_index_at

CASES = [
    # closing quote after the stop stays with its sentence
    ('He said, "We will win." She nodded.', ['He said, "We will win."', "She nodded."]),
    ("\u201cIt is over.\u201d Then he left.", ["\u201cIt is over.\u201d", "Then he left."]),
    # abbreviations before a lower-case word or a number, titles, initials
    ("We met Bob and co. at the club.", ["We met Bob and co. at the club."]),
    ("See the table on p. 12 for details.", ["See the table on p. 12 for details."]),
    (
        "Dr. Ortiz and Mr. Kahn spoke to Gov. Reyes.",
        ["Dr. Ortiz and Mr. Kahn spoke to Gov. Reyes."],
    ),
    ("The author is Anna K. Berg from Oslo.", ["The author is Anna K. Berg from Oslo."]),
    ("I moved to the U.K. How about you?", ["I moved to the U.K.", "How about you?"]),
    # an aside in brackets is not cut out of its sentence
    (
        "She sold the farm (It had been in the family since 1901.) to a neighbour.",
        ["She sold the farm (It had been in the family since 1901.) to a neighbour."],
    ),
    ("Prices rose . . . and then fell back.", ["Prices rose . . . and then fell back."]),
    ("Search on Yahoo! for the answer.", ["Search on Yahoo! for the answer."]),
    # run-in lists
    ("1) Book the hall 2) Print the tickets", ["1) Book the hall", "2) Print the tickets"]),
    ("a. Red b. Green c. Blue", ["a. Red", "b. Green", "c. Blue"]),
    # ordinary boundaries still split
    ("It rained. We stayed in! Did you?", ["It rained.", "We stayed in!", "Did you?"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sentence_texts(analyse, text, expected):
    _, analysis = analyse(text)
    assert [text[s.start : s.end] for s in analysis.sentences] == expected


def test_a_numbered_paragraph_is_one_sentence(analyse):
    text = "Three things to do:\n\n1. Buy a new car.\n\n2. Sell the old one."
    _, analysis = analyse(text)
    assert [text[s.start : s.end] for s in analysis.sentences] == [
        "Three things to do:",
        "1. Buy a new car.",
        "2. Sell the old one.",
    ]


def test_sentences_never_cross_a_paragraph_and_carry_its_index(analyse):
    text = (
        "Quake hits coast\n\n"
        "\t   LIMA, Peru (AP) _ A strong earthquake shook the coast of\n"
        "Peru on Sunday, officials said. No one was hurt\n"
        "\t   Schools were closed.\n"
        "\t   Aid arrived from Chile and\n"
        "Ecuador on Monday, and more was promised by the\n"
        "United Nations for the rest of the week.\n"
    )
    _, analysis = analyse(text)
    got = [(s.paragraph, text[s.start : s.end]) for s in analysis.sentences]
    assert got[0] == (0, "Quake hits coast")
    assert (1, "No one was hurt") in got
    assert (2, "Schools were closed.") in got
    assert got[-1][0] == 3 and got[-1][1].startswith("Aid arrived from Chile and\nEcuador")
    for s in analysis.sentences:
        p = analysis.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    assert [s.index for s in analysis.sentences] == list(range(len(analysis.sentences)))


def test_sentence_index_at():
    sentences = [SentenceSpan(0, 0, 0, 10), SentenceSpan(1, 0, 11, 20), SentenceSpan(2, 1, 22, 30)]
    assert sentence_index_at(sentences, 0) == 0
    assert sentence_index_at(sentences, 15) == 1
    assert sentence_index_at(sentences, 21) == 1  # between sentences: the one before
    assert sentence_index_at(sentences, 99) == 2


def test_rules_keep_every_preset_start_and_non_start(nlp):
    # The rules read SENT_START through an unsigned array: a preset "must not start" (-1) has
    # to come back as -1, not as a huge number, and a preset start has to stay a start.
    from transforms.sentence_rules import sentence_start_rules

    doc = nlp.make_doc('He left. "Then what?" she asked. Prices rose . . . and fell.')
    doc[3].is_sent_start = False  # '"' would otherwise be left to the parser
    doc[8].is_sent_start = True  # "she": a start the rules must not undo
    sentence_start_rules(doc)
    assert doc[3].is_sent_start is False
    assert doc[8].is_sent_start is True
    # the rules' own decisions: a lower-case word after "..." never starts a sentence
    assert doc[[t.text for t in doc].index("and")].is_sent_start is False
