"""Quoted stretches of text: where double quote marks open and close.

Works on characters, not tokens: spaCy splits ````` `` `````, ``''`` and straight ``"`` unevenly,
and a quotation's extent is a matter of marks, not of parse. Single quotes (``‘ ’``) are left out:
the closing one is also the apostrophe, and in news they mark quotes inside quotes or headlines.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# "``" and "''" are the marks of LaTeX-style and Penn Treebank newswire; "„" is German-style.
_MARK = re.compile(r"``|''|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_OPENING = {"``", "\u201c", "\u201e", "\u00ab"}
_CLOSING = {"''", "\u201d", "\u00bb"}


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
    for n, (p_start, p_end) in enumerate(paragraphs):
        for m in _MARK.finditer(text, p_start, p_end):
            mark, pos = m.group(), m.start()
            if open_at is None:
                if mark in _CLOSING:
                    continue  # a stray closing mark (or a reopened paragraph's leftover)
                open_at, open_len = pos, len(mark)
            elif open_at + open_len == pos:
                continue  # a doubled mark right after the opening one
            elif mark in _OPENING and pos == p_start:
                continue  # the reopening mark of a continued paragraph
            elif mark in _OPENING and mark != '"':
                # a new opening mark while a quotation is open: the earlier one never closed
                regions.append(_region(text, open_at, open_len, pos, 0, closed=False))
                open_at, open_len = pos, len(mark)
            else:
                regions.append(_region(text, open_at, open_len, pos, len(mark), closed=True))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            reopens = nxt is not None and text.startswith(
                ("``", "\u201c", "\u201e", "\u00ab", '"'), nxt[0]
            )
            if not reopens:
                regions.append(_region(text, open_at, open_len, p_end, 0, closed=False))
                open_at = None
    return [r for r in regions if r.start < r.end]


def _region(
    text: str, open_at: int, open_len: int, close_at: int, close_len: int, closed: bool
) -> QuotedRegion:
    start, end = open_at + open_len, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedRegion(start, end, open_at, close_at + close_len, closed)
