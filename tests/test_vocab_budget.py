"""The vocabulary budget: batches keep their new lexemes until the vocab is full, then are
parsed in memory zones that free them (transforms/annotate.py VOCAB_BUDGET)."""

from __future__ import annotations

import pytest

from transforms import annotate
from transforms.nlp_model import DEFAULT_MODEL, load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DEFAULT_MODEL)


def _parse_and_list_lexemes(nlp, text: str) -> set[str]:
    """Parses ``text`` as AnnotateBatch does; the vocab's lexemes afterwards (listed, not
    ``len(vocab)``: spaCy 3.8 does not decrement that when a zone frees lexemes)."""
    with annotate._vocab_zone(nlp):
        names = [ent.text for ent in nlp(text).ents]
    assert isinstance(names, list)
    return {lexeme.orth_ for lexeme in nlp.vocab}


def test_below_the_budget_a_batch_keeps_its_new_words(nlp, monkeypatch):
    monkeypatch.setattr(annotate, "VOCAB_BUDGET", len(nlp.vocab) + 10_000)
    lexemes = _parse_and_list_lexemes(
        nlp, "Zorbulak Frennitz told the Quastleton Herald that grinfolds rose.")
    # kept: the next batch finds them made instead of making them again
    assert {"Zorbulak", "Quastleton", "grinfolds"} <= lexemes


def test_at_the_budget_a_batch_frees_its_new_words(nlp, monkeypatch):
    monkeypatch.setattr(annotate, "VOCAB_BUDGET", 0)
    lexemes = _parse_and_list_lexemes(
        nlp, "Vemblitoc Praxendorf told the Ulvarine Gazette that snorbles fell.")
    assert not {"Vemblitoc", "Praxendorf", "Ulvarine", "snorbles"} & lexemes
