"""An article's language, identified with py3langid, and which languages get annotated.

The pipeline annotates with one spaCy model; an article in another language would get that
model's entities and "quotes" anyway, which are noise. So the language is identified first
(docs/language.md: why py3langid, measured against lingua), and an article whose language is
not one the run annotates keeps its ``articles`` row and gets no NLP rows.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

#: Identify from at most this many characters: the first 20k of a page say which language it is
#: in, and the cost grows with the length.
SAMPLE_CHARS = 20_000

#: Fewer letters than this is too little to tell a language by (a headline, a stub): such an
#: article gets language null and is annotated, so that no short English text is lost.
MIN_LETTERS = 40

#: Below this (normalised) probability the identification is a guess: null, and annotated.
MIN_CONFIDENCE = 0.5

#: ``--languages all``: annotate every article, whatever its language.
ALL_LANGUAGES = "all"

_IDENTIFIER = None
_LOCK = threading.Lock()


def load_identifier():
    """The py3langid identifier, loaded once per process when the first article with enough
    letters to identify arrives: readers, and a run of only short texts, never pay for it.
    From a decompressed copy of the model (transforms/langid_model.py): 0.04 s, not 0.5-0.85 s
    of CPU."""
    global _IDENTIFIER
    with _LOCK:
        if _IDENTIFIER is None:
            from transforms.langid_model import load_identifier as load_cached

            _IDENTIFIER = load_cached(norm_probs=True)
        return _IDENTIFIER


def identify_language(text: str, sample_chars: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language; None when the text is too short or the
    identifier unsure."""
    sample = text[:sample_chars]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, probability = load_identifier().classify(sample)
    return language if probability >= MIN_CONFIDENCE else None


def guess_language(text: str, sample_chars: int = SAMPLE_CHARS) -> str | None:
    """The old name of :func:`identify_language`."""
    return identify_language(text, sample_chars)


def annotated_languages(
    languages: Sequence[str] | None, model_language: str
) -> frozenset[str] | None:
    """The languages a run annotates: ``None`` (the model's own language), a list of ISO 639-1
    codes, or ``["all"]`` (every language: returns None, meaning no filter)."""
    if languages is None:
        # "xx" is spaCy's multi-language pipeline: its own language is every language.
        return None if model_language == "xx" else frozenset({model_language})
    codes = {code.strip().lower() for code in languages if code.strip()}
    if ALL_LANGUAGES in codes:
        return None
    return frozenset(codes)


def skip_reason(language: str | None, annotated: frozenset[str] | None) -> str | None:
    """Why an article in ``language`` is not annotated (``"language:de"``), or None.

    An article whose language could not be identified is annotated: too little text to tell is
    far more often a short English stub than anything else in an English corpus.
    """
    if annotated is None or language is None or language in annotated:
        return None
    return f"language:{language}"
