"""Entity-label groups: which spaCy (OntoNotes) labels name a person, a group, a speaker.

One definition for the entity extractor, the quote strategies and speaker resolution. A leaf:
it imports nothing, so every NLP module can use it without deepening the import graph.
"""

from __future__ import annotations

PERSON_LABELS = frozenset({"PERSON"})
# What "they", "it", "the company" can stand for.
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
# Who can be the "NAME" of a "NAME: words" paragraph.
SPEAKER_LABELS = PERSON_LABELS | GROUP_LABELS
# Labels whose mention is a name of its own (as opposed to a date, an amount, ...).
NAMED_LABELS = SPEAKER_LABELS | {"FAC", "PRODUCT", "WORK_OF_ART"}
# Labels whose mentions are names: they are trimmed to the bare name (entity_spans.py) and get
# a canonical form looked up among the article's longer mentions in entities.py ("Zelensky" ->
# "Volodymyr Zelensky"). Other labels (DATE, MONEY, ...) are kept as written and are their own
# canonical form.
NAME_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
})
