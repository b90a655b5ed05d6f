"""Strategy: the that-clause of a noun of claiming and believing.

"Trump's claim that the vote was rigged", "the suggestion that ...": the clause is what is
claimed, suggested or believed. The speaker is the noun's possessor ("Trump's claim"), else the
subject of the verb taking the noun ("Cruz played down the idea that ..."). These rank after
reporting clauses and hedges (``NOUN_CLAUSE``): in "He rejected the claim that ..." the report
of "rejected" takes the words first. Not "the fact that": the writer's own (see the lexicon).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms import speakers  # the module: see extract.py
from transforms.quotes.candidates import Candidate, Priority, trimmed_span
from transforms.quotes.clauses import without_trailing_aside
from transforms.quotes.context import QuoteContext
from transforms.quotes.dependencies import DependencyIndex
from transforms.quotes.reporting_verbs import is_content_noun

_CLAUSE_DEPS = {"acl", "ccomp"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}


def noun_clause_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    out = []
    tree = ctx.tree
    for tok in doc:
        if ctx.quoted[tok.i] >= 0:
            continue
        if not is_content_noun(tok.text):
            continue
        clause = _content_clause(tok, tree)
        if clause is None:
            continue
        speaker = _owner(tok, tree)
        start, end = trimmed_span(without_trailing_aside(tree.subtree(clause)))
        if start is not None:
            cue = (tok.idx, tok.idx + len(tok))
            out.append(
                Candidate(Priority.NOUN_CLAUSE, (-(end - start), start), start, end, cue, speaker)
            )
    return out


def _content_clause(noun: Token, tree: DependencyIndex) -> Token | None:
    """The clause after ``noun`` with "that" and a subject of its own: "claim that the vote was
    rigged"; not "the idea he had", a relative clause."""
    for child in tree.rights(noun):
        if child.dep_ not in _CLAUSE_DEPS:
            continue
        deps = tree.children(child)
        if not any(c.dep_ in _SUBJECT_DEPS for c in deps):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in deps):
            continue
        return child
    return None


def _owner(noun: Token, tree: DependencyIndex) -> Token | None:
    """Whose the words are: the possessor ("Trump's claim", "his suggestion"), else the subject
    of the verb that takes the noun ("Republicans never bought the idea that ...", "Cruz played
    down the idea", "rivals cling to the hope"): on PolNeAR train the bare noun's source was
    that subject in most of the clauses this strategy finds."""
    owner = next((c for c in tree.children(noun) if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return speakers.speaker_token(verb)

