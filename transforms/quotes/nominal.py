"""Strategy: what a noun of claiming, believing or taking a stance says.

"Trump's claim that the vote was rigged", "the suggestion that ...": the that-clause is what is
claimed, suggested or believed. "Critics stepped up their attacks on the minister", "her support
for the strike": the object of the stance noun's preposition is what the stance is on, and such
a noun counts only with someone to hold the stance ("Support for the plan has grown" names
nobody). The speaker is the subject of the verb taking the noun ("Cruz played down the idea
that ..."), else a named possessor ("Trump's claim"). These rank after reporting clauses and
hedges (``NOUN_CLAUSE``): in "He rejected the claim that ..." the report of "rejected" takes the
words first. Not "the fact that": the writer's own (see the lexicon)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms import speakers  # the module: see extract.py
from transforms.quotes.candidates import Candidate, Priority, trimmed_span
from transforms.quotes.clauses import without_trailing_aside
from transforms.quotes.context import QuoteContext
from transforms.quotes.dependencies import DependencyIndex
from transforms.quotes.reporting_verbs import is_content_noun, stance_noun_prepositions

_CLAUSE_DEPS = {"acl", "ccomp"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
# Prepositions whose object is set against the clause, not held by its subject.
_CONCESSIVE = {"despite", "amid", "notwithstanding"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "my", "our", "your"}
# Prepositions after a noun of claiming that name who claims: "suggestions by the news media
# that ...", "complaints from his counterpart that ...".
_AUTHOR_PREPS = {"by", "from"}


def noun_clause_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    out = []
    tree = ctx.tree
    for tok in doc:
        if ctx.quoted[tok.i] >= 0:
            continue
        claim = is_content_noun(tok.text)
        content = _content_clause(tok, tree) if claim else _stance_object(tok, tree)
        if content is None:
            continue
        speaker = _owner(tok, tree)
        if speaker is None and not claim:
            # "Support for the plan has grown": nobody's stance (on PolNeAR train a third of
            # these matched nothing and a third had a source elsewhere)
            continue
        start, end = trimmed_span(without_trailing_aside(tree.subtree(content)))
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


def _stance_object(noun: Token, tree: DependencyIndex) -> Token | None:
    """What a noun of stance is on: "support for the bill", "attacks on Clinton"."""
    preps = stance_noun_prepositions(noun.text)
    if not preps:
        return None
    for child in tree.rights(noun):
        if child.dep_ == "prep" and child.lower_ in preps:
            return next(
                (o for o in tree.children(child) if o.dep_ in {"pobj", "pcomp"}), None
            )
    return None


def _owner(noun: Token, tree: DependencyIndex) -> Token | None:
    """Whose the words are: the one the noun names with "by" or "from" ("complaints from
    farmers that ..."), else the subject of the verb that takes the noun ("Republicans never
    bought the idea that ...", "she escalated her attacks on ...", "Cruz played down the idea"),
    else its possessor ("Trump's claim", "his suggestion"). PolNeAR names the subject, not the
    possessive pronoun that repeats it; a named possessor ("Thiel's support") is the speaker."""
    author = _author(noun, tree)
    if author is not None:
        return author
    owner = next((c for c in tree.children(noun) if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in _POSSESSIVE_PRONOUNS:
        return owner
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        if verb.lower_ in _CONCESSIVE:
            return owner  # "X stays open, despite reports that ...": the reports are not X's
        verb = verb.head
    elif noun.dep_ != "dobj":
        return owner
    return speakers.speaker_token(verb) or owner


def _author(noun: Token, tree: DependencyIndex) -> Token | None:
    """The one named after the noun by "by" or "from", before its clause: "complaints from his
    American counterpart that China's factories ...", "a suggestion by the mayor that ..."."""
    for child in tree.rights(noun):
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            return next((o for o in tree.children(child) if o.dep_ == "pobj"), None)
        if child.dep_ in _CLAUSE_DEPS:
            break
    return None
