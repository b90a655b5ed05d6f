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

from spacy.language import Language
from spacy.tokens import Doc, Token

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
    ``newsbeam_paragraph_breaks``) are kept as they are.
    """
    n = len(doc)
    if n < 2:
        return doc
    forced, in_marker = _list_item_starts(doc)
    inside = _inside_brackets(doc)
    prev: Token | None = None
    for token in doc:
        if token.is_space:
            continue
        if prev is None or token.is_sent_start:
            prev = token
            continue
        i = token.i
        if i in forced:
            token.is_sent_start = True
        elif i in in_marker or _cannot_start(token, prev, i in inside):
            token.is_sent_start = False
        elif _must_start(token, prev):
            token.is_sent_start = True
        prev = token
    return doc


@Language.component("newsbeam_sentence_rules")
def sentence_rules_component(doc: Doc) -> Doc:
    return sentence_start_rules(doc)


def _cannot_start(token: Token, prev: Token, in_brackets: bool) -> bool:
    text = token.text
    prev_text = prev.text
    prev_lower = prev.lower_
    if in_brackets:
        return True
    if text[:1].islower():
        # "Jane and co. at the party", ". . . and nobody blinks", "Yahoo! in the ..."
        return True
    if _is_closing(token, prev):
        # a closing quote or bracket belongs to the sentence it closes
        return True
    if text in _DASHES or (token.is_punct and text not in _OPENING and text not in "\"'"):
        return True
    if prev_lower in _PREPOSITIVE or _is_list_marker(prev):
        return True
    if not _can_end(prev):
        # a sentence ends in . ! ? : or an ellipsis, possibly followed by closing marks
        return prev_text not in _DASHES
    if _is_initial(prev_text) and token.is_title and prev_text != "I.":
        return True
    if text[:1].isdigit() and prev_text.endswith(".") and _is_abbreviation(prev_text):
        # "Nov. 29", "p. 55": a number after an abbreviation continues the sentence
        return True
    return False


def _must_start(token: Token, prev: Token) -> bool:
    # "I live in the E.U. How about you?": an abbreviation ends the sentence when a clear
    # sentence opener follows
    prev_text = prev.text
    if token.text not in _SENTENCE_STARTERS or not prev_text.endswith("."):
        return False
    return prev.lower_ in _POSTPOSITIVE or prev_text.count(".") >= 2


def _can_end(token: Token) -> bool:
    """True when a sentence may end with ``token`` (looking through closing quotes/brackets)."""
    doc = token.doc
    i = token.i
    while i >= 0 and (doc[i].is_space or _is_closing_mark(doc[i])):
        i -= 1
    if i < 0:
        return False
    return doc[i].text[-1:] in _FINAL_CHARS


def _is_closing_mark(token: Token) -> bool:
    text = token.text
    if text in _CLOSING_BRACKETS or text in _CLOSING_QUOTES:
        return True
    return text in _AMBIGUOUS_QUOTES and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _is_closing(token: Token, prev: Token) -> bool:
    text = token.text
    if text in _CLOSING_BRACKETS or text in _CLOSING_QUOTES:
        return True
    # a straight quote glued to the word before it closes a quotation
    return text in _AMBIGUOUS_QUOTES and not prev.whitespace_ and prev.i == token.i - 1


def _is_initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _is_abbreviation(text: str) -> bool:
    core = text.rstrip(".")
    return 0 < len(core) <= 4 and core.replace(".", "").isalpha()


def _is_list_marker(token: Token) -> bool:
    """ "1." or "a)" as the first word of its sentence (a numbered paragraph)."""
    text = token.text
    if not (token.is_sent_start or token.i == 0):
        return False
    core = text.rstrip(".)")
    return 0 < len(core) <= 2 and len(text) > len(core) and (core.isdigit() or core.islower())


def _list_item_starts(doc: Doc) -> tuple[set[int], set[int]]:
    """Run-in list items ("1.) The first item 2.) The second item"): the token indices where
    each item starts, and those of the rest of each marker plus the item's first word.

    Markers count only as a sequence: two or more in a row whose numbers or letters go up by
    one, so "at 5. Then" or "the letter a. It" stay with the parser.
    """
    text = doc.text
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


def _inside_brackets(doc: Doc, max_tokens: int = 60) -> set[int]:
    """Tokens strictly inside a closed pair of round/square/curly brackets on one paragraph.

    An unclosed bracket (or one closed more than ``max_tokens`` later) says nothing.
    """
    out: set[int] = set()
    stack: list[tuple[str, int]] = []
    for token in doc:
        text = token.text
        if token.is_space and "\n" in text:
            stack.clear()
        elif text in _BRACKET_PAIRS:
            stack.append((_BRACKET_PAIRS[text], token.i))
        elif stack and text == stack[-1][0]:
            _, open_i = stack.pop()
            if token.i - open_i <= max_tokens:
                out.update(range(open_i + 1, token.i + 1))
    return out
