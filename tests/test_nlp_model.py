"""Parsing long articles in parts: where the cuts fall."""

from __future__ import annotations

from transforms.nlp_model import split_for_nlp


def test_parts_concatenate_back_and_respect_the_bound():
    text = ("A sentence of some words. " * 50 + "\n") * 40
    parts = split_for_nlp(text, 5_000)
    assert "".join(parts) == text
    assert all(len(p) <= 5_000 for p in parts)
    assert all(p.endswith("\n") for p in parts[:-1])


def test_without_newlines_cuts_fall_after_a_sentence_end():
    text = "Word word word word, word word word. " * 1_000  # one 37,000-character paragraph
    parts = split_for_nlp(text, 5_000)
    assert "".join(parts) == text
    assert all(p.endswith(". ") for p in parts[:-1])


def test_a_line_without_spaces_is_cut_anywhere():
    parts = split_for_nlp("x" * 12_000, 5_000)
    assert [len(p) for p in parts] == [5_000, 5_000, 2_000]
