"""Entity-label groups: which spaCy labels name a speaker, a person, a group.

One definition, for the quote strategies here and for speaker resolution.
"""

from __future__ import annotations

PERSON_LABELS = frozenset({"PERSON"})
# What "they", "it", "the company" can stand for.
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
# Who can be the "NAME" of a "NAME: words" paragraph.
SPEAKER_LABELS = PERSON_LABELS | GROUP_LABELS
# Labels whose mention is a name of its own (as opposed to a date, an amount, ...).
NAMED_LABELS = SPEAKER_LABELS | {"FAC", "PRODUCT", "WORK_OF_ART"}
