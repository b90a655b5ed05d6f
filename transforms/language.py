"""A cheap guess of an article's language from its most common function words.

The pipeline annotates with one (English) model; the language is recorded so that users can
filter out articles the model was not made for, not used to pick a model.
"""

from __future__ import annotations

import re

_STOPWORDS = {
    "en": "the and of to in that is was for on with as by at from said it he has have are",
    "de": "der die und das ist nicht mit den von zu sich des auf für ein eine dem im auch",
    "fr": "le la les et des est une pour dans que qui sur pas par au avec du il sont",
    "es": "el la los las y del que en un una por con para es se su al lo como más",
    "it": "il di che la per una sono del della gli le non con nel alla anche da",
    "pt": "o os da do que em um uma para com não dos das ao se é na no pelo",
    "nl": "de het een van en dat is op te zijn voor met die niet aan er ook",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")


def guess_language(text: str, sample_chars: int = 20_000) -> str | None:
    """ISO 639-1 code of the best-matching profile, None when too few function words match."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:sample_chars])]
    if len(tokens) < 5:
        return None
    scores = {lang: sum(t in words for t in tokens) for lang, words in _WORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    if best / len(tokens) < 0.08:
        return None
    return lang
