"""Cheap orthographic rules that constrain where the parser may start a sentence.

en_core_web_sm finds sentence starts as a side effect of parsing, and it errs in predictable
places: a closing quote after a period becomes a sentence of its own (``blank. || "``), an
abbreviation or an ellipsis before a lower-case word ends a sentence ("Jane and co. || at",
". . . || and nobody"), a parenthesis is cut in two, a list written on one line stays one
sentence. The rules below run before the parser, which respects a preset
``token.is_sent_start`` (True: must start; False: must not), and they only speak where the text
itself is unambiguous: everything else is left to the parser.

Measured on the WSJ sample (boundary F1) and the 48 Golden Rules; see
``pipeline/evaluation/sentences.py``.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

_FINAL_CHARS = ".!?\u2026:"
_OPENING = {"(", "[", "{", "``", "`", "\u201c", "\u2018", "\u00ab"}
_CLOSING_BRACKETS = {")", "]", "}"}
_CLOSING_QUOTES = {"''", "\u201d", "\u2019", "\u00bb"}
_AMBIGUOUS_QUOTES = {'"', "'"}
_DASHES = {"-", "--", "\u2013", "\u2014", "_"}
_BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}"}

# Abbreviations that always precede a name or a number, never end a sentence.
_PREPOSITIVE = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "mt.", "st.", "gen.", "gov.", "lt.", "sen.", "rep.",
    "rev.", "sgt.", "col.", "capt.", "maj.", "adm.", "cmdr.", "pres.", "supt.", "insp.",
    "messrs.", "no.", "nos.", "vol.", "fig.", "vs.", "v.", "sr.", "jr.", "hon.",
}  # fmt: skip
# Words that start sentences far more often than they follow an abbreviation mid-sentence
# ("I live in the E.U. How about you?"): the pragmatic_segmenter list, minus ambiguous ones.
_SENTENCE_STARTERS = {
    "How", "I", "It", "He", "She", "They", "We", "What", "When", "Where", "Who", "Why",
    "However", "There", "This", "You",
}  # fmt: skip
# Corporate and other suffix abbreviations, which often do end a sentence.
_POSTPOSITIVE = {"co.", "corp.", "inc.", "ltd.", "bros.", "plc.", "llc.", "etc."}

# One list item marker: "1.)", "2)", "3.", "a.", "b)", with an optional bullet before it.
_LIST_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?:[\u2022\u2043\u25e6\u2023*\-]\s*)?(?P<n>\d{1,2}|[a-z])(?:\.\)|\)|\.)(?=\s)"
)


def sentence_start_rules(doc: Doc) -> Doc:
    """Preset ``is_sent_start`` where the orthography decides; leave the rest to the parser.

    Tokens already marked as sentence starts (paragraph starts, from
    ``newsbeam_paragraph_breaks``) are kept as they are. The rules read plain lists of strings
    and ints and write back with one ``from_array``: per-token attribute access through the
    Cython objects cost more than the rules themselves. The words come from one ``to_array``
    and the string store, and the text is joined from them, not from ``doc.text`` (each builds
    a Token per token): measured on 300 BBC articles, 0.24-0.27 s -> 0.16-0.18 s CPU.
    """
    n = len(doc)
    if n < 2:
        return doc
    strings = doc.vocab.strings
    attrs = doc.to_array([ORTH, SPACY, SENT_START])
    words = [strings[orth] for orth in attrs[:, 0].tolist()]
    spaces = [" " if space else "" for space in attrs[:, 1].tolist()]
    # the array is unsigned: "must not start" (-1) comes back through int64
    starts = attrs[:, 2].astype(numpy.int64).tolist()
    forced, in_marker = _list_item_starts(doc, words, spaces)
    inside = _inside_brackets(words)
    prev = -1
    for i, word in enumerate(words):
        if word.isspace():
            continue
        if prev < 0 or starts[i] == 1:
            prev = i
            continue
        if i in forced:
            starts[i] = 1
        elif i in in_marker or i in inside or _cannot_start(words, spaces, i, prev, starts):
            starts[i] = -1
        elif _must_start(words, i, prev):
            starts[i] = 1
        prev = i
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64))
    return doc


@Language.component("newsbeam_sentence_rules")
def sentence_rules_component(doc: Doc) -> Doc:
    return sentence_start_rules(doc)


def _cannot_start(
    words: list[str], spaces: list[str], i: int, prev: int, starts: list[int]
) -> bool:
    text = words[i]
    first = text[:1]
    if first.islower():
        # "Jane and co. at the party", ". . . and nobody blinks", "Yahoo! in the ..."
        return True
    if first.isalpha() or first.isdigit():
        prev_text = words[prev]
        prev_lower = prev_text.lower()
        if prev_lower in _PREPOSITIVE or _is_list_marker(prev_text, starts[prev] == 1):
            return True
        if not _can_end(words, spaces, prev):
            # a sentence ends in . ! ? : or an ellipsis, possibly followed by closing marks
            return prev_text not in _DASHES
        if _is_initial(prev_text) and text.istitle() and prev_text != "I.":
            return True
        # "Nov. 29", "p. 55": a number after an abbreviation continues the sentence
        return first.isdigit() and _is_abbreviation(prev_text)
    # punctuation: a closing quote or bracket belongs to the sentence it closes, and so do
    # dashes, commas and stops; opening quotes and brackets may start one
    if text in _OPENING:
        return not _can_end(words, spaces, prev)
    if text in _AMBIGUOUS_QUOTES:
        return not spaces[i - 1] or not _can_end(words, spaces, prev)
    return True


def _must_start(words: list[str], i: int, prev: int) -> bool:
    # "I live in the E.U. How about you?": an abbreviation ends the sentence when a clear
    # sentence opener follows
    prev_text = words[prev]
    if words[i] not in _SENTENCE_STARTERS or not prev_text.endswith("."):
        return False
    return prev_text.lower() in _POSTPOSITIVE or prev_text.count(".") >= 2


def _can_end(words: list[str], spaces: list[str], i: int) -> bool:
    """True when a sentence may end with token ``i`` (looking through closing quotes/brackets)."""
    while i >= 0:
        word = words[i]
        if word.isspace() or word in _CLOSING_BRACKETS or word in _CLOSING_QUOTES:
            i -= 1
        elif word in _AMBIGUOUS_QUOTES and i > 0 and not spaces[i - 1]:
            i -= 1
        else:
            return word[-1:] in _FINAL_CHARS
    return False


def _is_initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _is_abbreviation(text: str) -> bool:
    if not text.endswith("."):
        return False
    core = text.rstrip(".")
    return 0 < len(core) <= 4 and core.replace(".", "").isalpha()


def _is_list_marker(text: str, starts_sentence: bool) -> bool:
    """ "1." or "a)" as the first word of its sentence (a numbered paragraph)."""
    if not starts_sentence:
        return False
    core = text.rstrip(".)")
    return 0 < len(core) <= 2 and len(text) > len(core) and (core.isdigit() or core.islower())


def _list_item_starts(doc: Doc, words: list[str], spaces: list[str]) -> tuple[set[int], set[int]]:
    """Run-in list items ("1.) The first item 2.) The second item"): the token indices where
    each item starts, and those of the rest of each marker plus the item's first word.

    Markers count only as a sequence: two or more in a row whose numbers or letters go up by
    one, so "at 5. Then" or "the letter a. It" stay with the parser. ``words`` and ``spaces``
    are the tokens' texts and trailing whitespace.
    """
    text = "".join([w + s for w, s in zip(words, spaces, strict=True)])
    if not _LIST_MARKER.search(text):
        return set(), set()
    runs: list[list[tuple[int, int]]] = []
    last_value: int | None = None
    for m in _LIST_MARKER.finditer(text):
        label = m.group("n")
        value = int(label) if label.isdigit() else ord(label) - ord("a") + 1
        if last_value is not None and value == last_value + 1:
            runs[-1].append(m.span())
        else:
            runs.append([m.span()])
        last_value = value
    starts: set[int] = set()
    inner: set[int] = set()
    for run in runs:
        if len(run) < 2:
            continue
        for char_start, char_end in run:
            first = _token_at(doc, char_start)
            if first < 0:
                continue
            starts.add(first)
            i = first + 1
            # the marker's own tokens, then the first word of the item
            while i < len(doc) and (doc[i].idx < char_end or doc[i].is_space):
                inner.add(i)
                i += 1
            if i < len(doc):
                inner.add(i)
    return starts, inner


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and doc[span.start].idx == char else -1


def _inside_brackets(words: list[str], max_tokens: int = 60) -> set[int]:
    """Tokens strictly inside a closed pair of round/square/curly brackets on one paragraph.

    An unclosed bracket (or one closed more than ``max_tokens`` later) says nothing.
    """
    out: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, word in enumerate(words):
        if word in _BRACKET_PAIRS:
            stack.append((_BRACKET_PAIRS[word], i))
        elif stack:
            if word == stack[-1][0]:
                _, open_i = stack.pop()
                if i - open_i <= max_tokens:
                    out.update(range(open_i + 1, i + 1))
            elif "\n" in word and word.isspace():
                stack.clear()
    return out
