"""Named entities of a parsed article, each with the article's fullest form of its name."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import NamedTuple

from spacy.tokens import Doc, Span

from transforms.sentences import SentenceSpan, sentence_index_at

# Labels whose mentions are names that can be shortened ("Zelensky", "the Ministry"): these get a
# canonical form looked up among the longer mentions of the article. Other labels (DATE, MONEY,
# ...) are their own canonical form.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}

_DETERMINERS = {"the", "a", "an"}


class EntityMention(NamedTuple):
    start: int
    end: int
    label: str
    sentence_index: int
    canonical: str


def name_tokens(text: str) -> tuple[str, ...]:
    """Lower-cased words of a name without a leading article or possessive ending."""
    words = [w.strip(".,;:") for w in text.replace("\u2019", "'").split()]
    words = [w for w in words if w]
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if words and words[-1].lower().endswith("'s"):
        words[-1] = words[-1][:-2]
    return tuple(w.lower() for w in words if w)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def canonical_names(ents: list[tuple[str, str]]) -> list[str]:
    """For each ``(text, label)`` mention, the fullest mention of the same name in the article.

    A PERSON's fullest form is the longest PERSON mention that ends with the same surname or
    contains the mention's words ("Zelensky" -> "Volodymyr Zelensky"); other names look for a
    longer mention of the same label containing their words ("Ministry" -> "the Russian Defense
    Ministry" only when unambiguous). Ties go to the earliest mention, as a reader would.
    """
    by_label: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for text, label in ents:
        by_label[label].append((name_tokens(text), text))
    out: list[str] = []
    for text, label in ents:
        tokens = name_tokens(text)
        if label not in NAME_LABELS or not tokens:
            out.append(text)
            continue
        best_tokens, best_text = tokens, _strip_determiner(text)
        candidates = []
        for cand_tokens, cand_text in by_label[label]:
            if len(cand_tokens) <= len(best_tokens):
                continue
            if _contains(cand_tokens, tokens) or (
                label == "PERSON" and cand_tokens[-1] == tokens[-1]
            ):
                candidates.append((cand_tokens, cand_text))
        if candidates:
            longest = max(len(c[0]) for c in candidates)
            fullest = [c for c in candidates if len(c[0]) == longest]
            # a shortened name that could belong to two different people stays as written
            if len({c[0] for c in fullest}) == 1:
                best_text = _strip_determiner(fullest[0][1])
        out.append(best_text)
    return out


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    text = rest if first.lower() in _DETERMINERS and rest else text
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def consistent_labels(ents: list[Span]) -> list[str]:
    """One label per name across the article: the most frequent label of the same words."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[name_tokens(ent.text)][ent.label_] += 1
    labels = []
    for ent in ents:
        counts = votes[name_tokens(ent.text)]
        top, top_n = counts.most_common(1)[0]
        # only override on a clear majority; a tie keeps spaCy's own decision
        labels.append(top if top_n > counts[ent.label_] else ent.label_)
    return labels


def extract_entities(doc: Doc, sentences: list[SentenceSpan]) -> list[EntityMention]:
    ents = [e for e in doc.ents if e.text.strip()]
    labels = consistent_labels(ents)
    canon = canonical_names([(e.text, label) for e, label in zip(ents, labels)])
    return [
        EntityMention(e.start_char, e.end_char, label, sentence_index_at(sentences, e.start_char), c)
        for e, label, c in zip(ents, labels, canon)
    ]
