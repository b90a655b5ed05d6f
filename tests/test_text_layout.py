"""Paragraphs of the three raw layouts, and the same-length text handed to spaCy."""

from __future__ import annotations

from transforms.text_layout import is_hard_wrapped, split_paragraphs, text_for_nlp

# AP newswire as delivered (IE-ER): headline, blank line, hard-wrapped lines at ~70 columns,
# each paragraph opening with a tab and three spaces. Written for this test.
WIRE = (
    "Lawmakers approve new budget\n"
    "\n"
    "\t   SPRINGFIELD, Illinois (AP) _ State lawmakers on Saturday approved a\n"
    "budget that raises fees on drivers and cuts money for the National\n"
    "Guard, after a debate that ran late into the night.\n"
    "\t   ``We did what we had to do,'' said Governor Mary Ellen Carter, who\n"
    "had threatened a veto over the spending plan.\n"
    "\t   The vote was 71-45.\n"
)


def texts(text, paragraphs):
    return [text[p.start : p.end] for p in paragraphs]


def test_wire_layout_is_hard_wrapped_and_split_at_indented_lines():
    assert is_hard_wrapped(WIRE)
    got = texts(WIRE, split_paragraphs(WIRE))
    assert len(got) == 4
    assert got[0] == "Lawmakers approve new budget"
    assert got[1].startswith("SPRINGFIELD, Illinois (AP)") and got[1].endswith("into the night.")
    assert got[3] == "The vote was 71-45."


def test_soft_wraps_become_spaces_for_the_parser_and_offsets_stay_valid():
    paragraphs = split_paragraphs(WIRE)
    nlp_text = text_for_nlp(WIRE, paragraphs)
    assert len(nlp_text) == len(WIRE)
    for p in paragraphs:
        assert "\n" not in nlp_text[p.start : p.end]
        # only whitespace changed
        assert nlp_text[p.start : p.end].split() == WIRE[p.start : p.end].split()
    # "National\nGuard" reads as one name to the model
    assert "National Guard" in nlp_text
    # between paragraphs the newline stays: it is what marks the break for spaCy
    assert nlp_text[paragraphs[1].end : paragraphs[2].start].count("\n") == 1


def test_one_paragraph_per_line():
    text = (
        "The first paragraph is a long line that ends with a full stop, as web text does.\n"
        "The second one says more.\n"
        "A third.\n"
        "And a fourth, to be sure.\n"
    )
    assert not is_hard_wrapped(text)
    assert len(split_paragraphs(text)) == 4


def test_blank_line_paragraphs_trimmed():
    text = "Headline\n\n  First para.  \n\nSecond para.\n\n\n"
    assert texts(text, split_paragraphs(text)) == ["Headline", "First para.", "Second para."]


def test_empty_and_blank_text():
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\t\n ") == []
    assert text_for_nlp("", []) == ""
