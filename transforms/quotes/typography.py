"""Quote marks: the one definition of which characters open and close a quotation.

The region finder (``regions``), the strategies that trim content at marks, the "NAME:" label
pattern and the scorer (``pipeline.evaluation.quotes``) all read their sets from here, so a mark
added for one is seen by all.
"""

from __future__ import annotations

# Each double mark belongs to a family; a quotation closes only with a mark of the family that
# opened it. "``" and "''" are the marks of LaTeX-style and Penn Treebank newswire, "„" is
# German-style. Single quotes (‘ ’) are left out: the closing one is also the apostrophe.
MARK_FAMILY: dict[str, str] = {
    "\u201c": "curly",
    "\u201e": "curly",
    "\u201d": "curly",
    "``": "tex",
    "''": "tex",
    '"': "straight",
    "\u00ab": "guillemet",
    "\u00bb": "guillemet",
}
# Marks that only open.
OPENING = frozenset({"``", "\u201c", "\u201e", "\u00ab"})
# Marks that may start a paragraph continuing a quotation.
REOPENING = frozenset({"``", "\u201c", "\u201e", "\u00ab", '"', "''"})
# Marks that both open and close; they open only where a word follows them.
TOGGLES = frozenset({'"', "''"})

# Single characters trimmed off content at a quotation's edge, and the ones that make a
# paragraph a transcript turn in the speaker's own words. A closing curly mark opening a
# paragraph is a common typo for the opening one, so it counts as opening here.
OPENING_CHARS = '"\u201c\u201d\u201e\u00ab`'
CLOSING_CHARS = "\"\u201d\u00bb'"
# Characters that open a double quotation.
QUOTATION_OPENING_CHARS = '"\u201c\u201e\u00ab`'
# A "NAME:" label may sit just inside an opening mark (a transcript turn inside a quotation).
LABEL_OPENING_CHARS = '"\u201c\u201d'

# Single curly marks: a quotation only around a whole reported clause (a headline's quote).
SINGLE_OPENING = "\u2018"
SINGLE_CLOSING = "\u2019"

# Whole content wrapped in these is a direct quote (the scorer's test, as the gold marks it).
WRAPPING_OPEN = ("\u201c", '"', "``", "\u00ab", "\u201e")
WRAPPING_CLOSE = ("\u201d", '"', "''", "\u00bb")
