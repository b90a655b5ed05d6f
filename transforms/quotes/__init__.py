"""Quotes of a parsed article: direct, indirect and mixed, with speaker and reporting cue.

Each strategy is a pure ``(doc, context) -> candidates`` function; every candidate carries an
explicit priority (``candidates.Priority``), and nothing depends on the order strategies run in:

- ``labelled``: "NAME: words" paragraphs (headlines, transcripts)                    LABEL
- ``clauses``: a reporting verb or "according to" outside quotation marks with its
  clause; INDIRECT, MIXED when it holds quotation marks                              CLAUSE
  ... and when every word of the clause is quoted, the cue of those quotations     QUOTED_CLAUSE
- ``hedges``: what seems so or is expected, nobody's words ("X seems to ...",
  "X is expected to ..."); after any clause                                          HEDGE
- ``nominal``: the that-clause of a noun of claiming or believing ("their claim that
  ..."), the object of a noun of stance ("their attacks on X"); after clause and hedge NOUN_CLAUSE
- ``quotations``: the nearest speech verb around a quotation, or a "― Name" trailer  CUE
  ... a paragraph-opening quotation whose next sentence names its source, or a
  headline's "“...”: Subject does ..."                                            NAMED_NEXT
  ... and a quotation with no cue that reads as speech                               FLOATING
- ``introductions``: a colon right before a quotation ("X went further: “...”")    INTRODUCTION

``selection`` takes content spans by priority where they overlap none taken, and the best own
cue of each quotation; ``inheritance`` then walks the quotations, offering each the attribution of
the fragment before it (NEXT_FRAGMENT) or of the last attribution nearby (PREVIOUS), and keeps the
best priority on offer. ``typography`` and ``labels`` hold the quote-mark and entity-label sets;
``dependencies`` the parse's child lists, built once per article (spaCy's ``Token.subtree``
rescans edge to edge at every level, quadratic on the deep trees unclosed quote marks parse to).
"""

from transforms.quotes.extract import QuoteSpan, extract_quotes

__all__ = ["QuoteSpan", "extract_quotes"]
