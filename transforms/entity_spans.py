"""Span repairs for spaCy's entity mentions: the name itself, without the words around it.

en_core_web_sm (OntoNotes) often takes in a leading "the" ("the United Nations"), a possessive
ending ("Annan's"), a capitalised sentence-initial verb ("Following Ali's total"), a weekday
after a place ("in Holmenkollen Saturday"), or the whitespace of a paragraph break. A name table
(and the MUC/ACE convention) wants the bare name, so each mention is trimmed to it. Agency
datelines ("OSLO, Norway (AP) _") get their own rule: the model reads an upper-case city as an
organisation about half the time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from transforms.entity_labels import NAME_LABELS

DETERMINERS = {"the", "a", "an"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tomorrow",
}  # fmt: skip
# Job titles and honorifics the small model folds into a PERSON ("Librarian Grace Adeyemi",
# "Mayor Jane Okafor"). A person's name is the name alone; the title stays in the text.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "mayor", "president", "vice", "governor", "gov", "senator", "sen", "rep", "representative",
    "minister", "secretary", "chancellor", "premier", "judge", "justice", "chief", "general",
    "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "officer",
    "detective", "inspector", "superintendent", "commissioner", "director", "chairman",
    "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "librarian", "principal",
    "headteacher", "coach", "manager", "bishop", "archbishop", "pope", "father", "rev",
    "reverend", "rabbi", "imam", "king", "queen", "prince", "princess", "ambassador", "sheriff",
    "councillor", "councilman", "councilwoman", "councilmember", "alderman", "senior", "deputy",
    "acting", "former", "prime", "foreign", "finance", "defense", "defence", "interior", "health",
    "attorney", "lawyer", "astronomer", "doctor", "nurse", "farmer", "owner",
    "chef", "author", "writer", "economist", "analyst", "researcher", "scientist", "activist",
    "striker", "midfielder", "defender", "goalkeeper", "winger", "quarterback", "pitcher",
}  # fmt: skip

# "CITY, Region (AP) _" at the start of a paragraph near the top. The region is an ordinary
# place name; the city is upper case (with spaces, dots, apostrophes, backticks or hyphens).
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Z.'`\-]*(?: [A-Z][A-Z.'`\-]*)*)"
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*))?"
    r" \((?P<agency>AP|Reuters|AFP|UPI|dpa|DPA)\) *[_\u2014\u2013-]"
)
# How far into an article a dateline may start (after a headline and a byline or two).
_DATELINE_WINDOW = 400


class TokenSpan(NamedTuple):
    """An entity as token offsets ``[start, end)`` into a Doc, with its OntoNotes label."""

    start: int
    end: int
    label: str


class TokenOffsets(NamedTuple):
    """Where each token of one Doc starts and ends in its text, as plain lists of ints.

    Read with one ``doc.to_array``: the span repairs look at the words around each of an
    article's ~40 mentions, and a spaCy ``Token`` built per look cost more than the repairs
    themselves. A token's text is ``text[starts[i]:ends[i]]``.
    """

    starts: list[int]
    ends: list[int]


def token_offsets(doc: Doc) -> TokenOffsets:
    attrs = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
    return TokenOffsets(attrs[:, 0].tolist(), (attrs[:, 0] + attrs[:, 1]).tolist())


def trim_mention(doc: Doc, text: str, tokens: TokenOffsets, span: TokenSpan) -> TokenSpan | None:
    """``span`` without surrounding space tokens, a leading article, a leading sentence-initial
    verb, a possessive ending or a trailing weekday; ``None`` when nothing name-like is left.

    ``text`` is the Doc's text and ``tokens`` its ``token_offsets``. Words are compared lower-cased
    as spaCy's ``lower_`` is (``str.lower``); a space token is one of whitespace only.
    """
    start, end, label = span
    starts, ends = tokens.starts, tokens.ends
    while start < end and text[starts[start] : ends[start]].isspace():
        start += 1
    while end > start and text[starts[end - 1] : ends[end - 1]].isspace():
        end -= 1
    if label in NAME_LABELS:
        first = text[starts[start] : ends[start]] if start < end else ""
        # "Echoing Annan's comments": a capitalised -ing word that starts the sentence
        if end - start > 1 and _is_gerund(first) and doc[start].is_sent_start:
            start += 1
            first = text[starts[start] : ends[start]]
        if end - start > 1 and first.lower() in DETERMINERS:
            start += 1
            first = text[starts[start] : ends[start]]
        if label == "PERSON":
            while end - start > 1 and first.lower().rstrip(".") in PERSON_TITLES:
                start += 1
                first = text[starts[start] : ends[start]]
            if end - start > 1 and first == ".":  # "Dr ." split by the tokenizer
                start += 1
        while end - start > 1 and (
            text[starts[end - 1] : ends[end - 1]].lower() in _POSSESSIVE
            or text[starts[end - 1] : ends[end - 1]].lower() in _WEEKDAYS
        ):
            end -= 1
        # a name has a capital letter somewhere: "greenery", "wayang kulit" are not names
        if not any(text[starts[i] : starts[i] + 1].isupper() for i in range(start, end)):
            return None
    return TokenSpan(start, end, label) if start < end else None


def _is_gerund(word: str) -> bool:
    return len(word) > 5 and word[:1].isupper() and word[1:].islower() and word.endswith("ing")


class CharMention(NamedTuple):
    start: int
    end: int
    label: str


def dateline_mentions(text: str) -> list[CharMention]:
    """Place and agency of an agency dateline near the top of ``text``, if it has one.

    The city is a GPE (the label may be corrected later by another mention of the same name in
    the article, as for "UNITED NATIONS (AP)"); the region is a GPE; the agency an ORG.
    """
    m = _DATELINE.search(text, 0, _DATELINE_WINDOW + 80)
    if m is None or m.start("city") > _DATELINE_WINDOW:
        return []
    out = [CharMention(m.start("city"), m.end("city"), "GPE")]
    if m.group("region"):
        out.append(CharMention(m.start("region"), m.end("region"), "GPE"))
    out.append(CharMention(m.start("agency"), m.end("agency"), "ORG"))
    return out
