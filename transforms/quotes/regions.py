"""Quoted stretches of text: where double quote marks open and close.

Works on characters, not tokens: spaCy splits ````` `` `````, ``''`` and straight ``"`` unevenly,
and a quotation's extent is a matter of marks, not of parse. Single quotes (``‘ ’``) are left out:
the closing one is also the apostrophe, and in news they mark quotes inside quotes or headlines.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.quotes.typography import MARK_FAMILY, OPENING, REOPENING, TOGGLES

# two-character marks first, so "``" is one mark and not two
_MARK = re.compile("|".join(re.escape(m) for m in sorted(MARK_FAMILY, key=len, reverse=True)))


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
    regions: list[QuotedRegion] = []
    open_at: int | None = None  # offset of the opening mark of the current quotation
    open_len = 0
    family = ""
    nested = 0  # same-style quotations open inside the current one
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = list(_MARK.finditer(text, p_start, p_end))
        balance: dict[str, list[int]] = {}  # family -> ``_closing_balance``, built when needed
        for j, m in enumerate(marks):
            mark, pos = m.group(), m.start()
            if open_at is None:
                if _opens(text, mark, pos, p_start, p_end):
                    open_at, open_len, family = pos, len(mark), MARK_FAMILY[mark]
            elif open_at + open_len == pos:
                continue  # a doubled mark
            elif pos == p_start and open_at < p_start:
                continue  # the reopening mark of a continued paragraph
            elif mark in OPENING:
                if MARK_FAMILY[mark] != family:
                    continue  # a nested quotation in another style
                if family not in balance:
                    balance[family] = _closing_balance(marks, family)
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
            elif nested and MARK_FAMILY[mark] == family:
                nested -= 1
            elif _closes(family, mark):
                regions.append(_region(text, open_at, open_len, pos, len(mark), closed=True))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            m = _MARK.match(text, nxt[0]) if nxt is not None else None
            reopens = m is not None and MARK_FAMILY[m.group()] == family and m.group() in REOPENING
            if not reopens:
                regions.append(_region(text, open_at, open_len, p_end, 0, closed=False))
                open_at = None
        nested = 0
    return [r for r in regions if r.start < r.end]


def _closing_balance(marks: list[re.Match[str]], family: str) -> list[int]:
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
        if MARK_FAMILY[mark] == family:
            running += -1 if mark in OPENING else 1
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


def _opens(text: str, mark: str, pos: int, start: int, end: int) -> bool:
    after = pos + len(mark)
    if mark == '"' and pos > start and (text[pos - 1] == "=" or text[pos - 1].isalnum()):
        # markup pasted with the text (<tweet author="@x">): a value, not speech; a straight
        # mark right after a word closes something, it opens nothing
        return False
    if mark in TOGGLES or (mark == "\u201d" and pos == start):
        # a closing curly mark opening a paragraph is a common typo for the opening one
        return after < end and not text[after].isspace()
    return mark in OPENING


def _closes(family: str, mark: str) -> bool:
    """Whether ``mark`` may close a quotation opened by a mark of ``family``.

    Straight and curly marks are mixed up often enough ("...,” or “...,") to count as one family
    for closing; other styles only close their own.
    """
    other = MARK_FAMILY[mark]
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
