"""Quotes as a reader sees them (the text of content, speaker and cue), for the quote-style tests
that run sentences through the real model and the whole analysis."""

from __future__ import annotations

from transforms.quotes.regions import find_quoted_regions


def quotes_of(analyse, text: str) -> list[dict]:
    _doc, analysis = analyse(text)

    def cut(start, end):
        return None if start is None else text[start:end]

    return [
        {
            "kind": q.kind,
            "content": text[q.start : q.end],
            "speaker": cut(q.speaker_start, q.speaker_end),
            "cue": cut(q.cue_start, q.cue_end),
        }
        for q in analysis.quotes
    ]


def holding(quotes: list[dict], words: str) -> dict:
    """The one quote whose content holds ``words``."""
    found = [q for q in quotes if words in q["content"]]
    assert len(found) == 1, (words, quotes)
    return found[0]


def quoted_regions(text: str) -> list[str]:
    """The quotations the region finder sees in ``text``, one paragraph a line."""
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [text[r.start : r.end] for r in find_quoted_regions(text, paragraphs)]
