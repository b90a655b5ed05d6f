"""Quoted stretches of text: where double quote marks open and close.

Works on characters, not tokens: spaCy splits ````` `` `````, ``''`` and straight ``"`` unevenly,
and a quotation's extent is a matter of marks, not of parse. Single quotes (``‘ ’``) count only in
an article that quotes with them (British style, ``single_marks_lead``): elsewhere they mark
quotes inside quotes or headlines, and the closing one is also the apostrophe.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.quotes.typography import (
    MARK_FAMILY,
    OPENING,
    REOPENING,
    SINGLE_CLOSING,
    SINGLE_OPENING,
    TOGGLES,
)

# two-character marks first, so "``" is one mark and not two
_MARK = re.compile("|".join(re.escape(m) for m in sorted(MARK_FAMILY, key=len, reverse=True)))
_MARK_OR_SINGLE = re.compile(f"{_MARK.pattern}|{SINGLE_OPENING}|{SINGLE_CLOSING}")
# A single opening mark where a quotation starts: at a word's start, before a word. ("‘90s",
# the opening mark typed for an elided year, opens nothing in a double-marked article and is
# rare beside real quotations in a single-marked one.)
_SINGLE_OPENER = re.compile(rf"(?:^|(?<=[\s(\[\u2014\u2013-])){SINGLE_OPENING}(?=\S)")


_WORD = re.compile(r"[^\W\d_]+")
# Words that follow a closed quotation rather than a possessive: conjunctions, prepositions,
# relative words and the verbs that report it ("‘... for nurses’ said Ms Lowe").
_JOINING_WORDS = frozenset(
    "and or but nor so yet as at by for from in into of on to with without than that which who "
    "when while after before because if since until though although whereas "
    "said says say added adds told tells asked replied wrote writes insisted warned "
    "is was are were has had have".split()
)


class _Style(NamedTuple):
    """The marks an article quotes with: which characters are marks, their families, which open
    and which may reopen a continued paragraph."""

    marks: re.Pattern[str]
    family: dict[str, str]
    opening: frozenset[str]
    reopening: frozenset[str]


_DOUBLE = _Style(_MARK, MARK_FAMILY, OPENING, REOPENING)
_SINGLE = _Style(
    _MARK_OR_SINGLE,
    {**MARK_FAMILY, SINGLE_OPENING: "single", SINGLE_CLOSING: "single"},
    OPENING | {SINGLE_OPENING},
    REOPENING | {SINGLE_OPENING},
)


def single_marks_lead(text: str) -> bool:
    """Whether ``text`` quotes with single marks (‘...’), the British style, rather than double.

    More single marks than double ones open quotations: in an article quoting with double marks
    the single ones are quotations inside quotations and headlines' quotes, fewer than the double
    ones that hold them. A double mark in a single-marked article is a quotation inside one.
    """
    singles = len(_SINGLE_OPENER.findall(text))
    if not singles:
        return False
    doubles = toggles = 0
    for m in _MARK.finditer(text):
        if m.group() in OPENING:
            doubles += 1
        elif m.group() in TOGGLES:
            toggles += 1
    return singles > doubles + toggles // 2


class QuotedRegion(NamedTuple):
    """One quotation: ``start``/``end`` inside the marks, ``outer_start``/``outer_end`` with them.

    ``closed`` is False when the paragraph (or the run of reopened paragraphs) ended first.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool


def find_quoted_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedRegion]:
    """Quotations in ``text``, in order, never overlapping.

    A quotation that runs over several paragraphs reopens at each paragraph without closing
    (the convention CoreNLP's QuoteAnnotator follows): an open quotation at a paragraph's end
    continues when the next paragraph starts with an opening mark.
    """
    style = _SINGLE if single_marks_lead(text) else _DOUBLE
    regions: list[QuotedRegion] = []
    open_at: int | None = None  # offset of the opening mark of the current quotation
    open_len = 0
    family = ""
    nested = 0  # same-style quotations open inside the current one
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, style, p_start, p_end)
        balance: dict[str, list[int]] = {}  # family -> ``_closing_balance``, built when needed
        for j, m in enumerate(marks):
            mark, pos = m.group(), m.start()
            if open_at is None:
                if _opens(text, mark, pos, p_start, p_end, style):
                    open_at, open_len, family = pos, len(mark), style.family[mark]
            elif open_at + open_len == pos:
                continue  # a doubled mark
            elif pos == p_start and open_at < p_start:
                continue  # the reopening mark of a continued paragraph
            elif mark in style.opening:
                if style.family[mark] != family:
                    continue  # a nested quotation in another style
                if family not in balance:
                    balance[family] = _closing_balance(marks, family, style)
                if balance[family][j] > 0:
                    nested += 1  # “... what he calls “hell” than ...”
                elif _closes_by_typo(text, pos, len(mark), p_end):
                    # “It's unusual,“ said X: an opening mark after the words' last comma
                    regions.append(_region(text, open_at, open_len, pos, len(mark), closed=True))
                    open_at = None
                else:
                    # a new opening mark while a quotation is open: the earlier one never closed
                    regions.append(_region(text, open_at, open_len, pos, 0, closed=False))
                    open_at, open_len = pos, len(mark)
            elif nested and style.family[mark] == family:
                nested -= 1
            elif _closes(family, style.family[mark]):
                regions.append(_region(text, open_at, open_len, pos, len(mark), closed=True))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            m = style.marks.match(text, nxt[0]) if nxt is not None else None
            reopens = (
                m is not None and style.family[m.group()] == family
                and m.group() in style.reopening
            )
            if not reopens:
                regions.append(_region(text, open_at, open_len, p_end, 0, closed=False))
                open_at = None
        nested = 0
    return [r for r in regions if r.start < r.end]


def _marks(text: str, style: _Style, start: int, end: int) -> list[re.Match[str]]:
    """A paragraph's quote marks; of the single closing marks only those that can close."""
    marks = list(style.marks.finditer(text, start, end))
    if style is _DOUBLE:
        return marks
    return [
        m for m in marks
        if m.group() != SINGLE_CLOSING
        or (_may_close(text, m.start(), end) and not _plural_possessive(text, m.start()))
    ]


def _may_close(text: str, pos: int, end: int) -> bool:
    """A ’ that can close a quotation: not inside a word ("town’s", "don’t") and not opening one
    ("’em", "’90s")."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < end else " "
    return not before.isspace() and not (before.isalnum() and after.isalnum())


def _plural_possessive(text: str, pos: int) -> bool:
    """"s’" before a lower-case word that is not a joining word: a plural's possessive ("the
    workers’ pay"), where "‘a slap in the face for nurses’ and walked out" closes."""
    if text[pos - 1 : pos] not in ("s", "S") or text[pos + 1 : pos + 2] != " ":
        return False
    word = _WORD.match(text, pos + 2)
    return word is not None and word.group().islower() and word.group() not in _JOINING_WORDS


def _closing_balance(marks: list[re.Match[str]], family: str, style: _Style) -> list[int]:
    """For each of a paragraph's marks, how many more marks of ``family`` close than open from
    it to the paragraph's end.

    An opening mark starts a quotation inside the open one when that is positive: the inner one
    and the outer one both close after it. Counted once per paragraph from the end; counting
    the rest of the paragraph at each mark was quadratic in the marks of a paragraph.
    """
    out = [0] * len(marks)
    running = 0
    for j in range(len(marks) - 1, -1, -1):
        mark = marks[j].group()
        if style.family[mark] == family:
            running += -1 if mark in style.opening else 1
        out[j] = running
    return out


def _closes_by_typo(text: str, pos: int, length: int, end: int) -> bool:
    """An opening mark typed for the closing one: right after sentence punctuation, before a
    space and a lower-case word ("unusual,“ said")."""
    after = pos + length
    return (
        pos > 0
        and text[pos - 1] in ",.?!"
        and after + 1 < end
        and text[after] == " "
        and text[after + 1].islower()
    )


def _opens(text: str, mark: str, pos: int, start: int, end: int, style: _Style) -> bool:
    after = pos + len(mark)
    if mark == '"' and pos > start and (text[pos - 1] == "=" or text[pos - 1].isalnum()):
        # markup pasted with the text (<tweet author="@x">): a value, not speech; a straight
        # mark right after a word closes something, it opens nothing
        return False
    if mark in TOGGLES or (mark == "\u201d" and pos == start):
        # a closing curly mark opening a paragraph is a common typo for the opening one
        return after < end and not text[after].isspace()
    if mark == SINGLE_OPENING:
        return _SINGLE_OPENER.match(text, pos) is not None
    return mark in style.opening


def _closes(family: str, other: str) -> bool:
    """Whether a mark of family ``other`` may close a quotation opened by a mark of ``family``.

    Straight and curly marks are mixed up often enough ("...,” or “...,") to count as one family
    for closing; other styles only close their own.
    """
    return other == family or {other, family} == {"curly", "straight"}


def _region(
    text: str, open_at: int, open_len: int, close_at: int, close_len: int, closed: bool
) -> QuotedRegion:
    start, end = open_at + open_len, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedRegion(start, end, open_at, close_at + close_len, closed)
