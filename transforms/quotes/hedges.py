"""Strategy: what seems so, or is expected, or was heard in court, with nobody saying it.

"The plan seems to have stalled", "Voters appeared unmoved", "It seems that ...", "The senator
is expected to resign", "The club is reportedly spending ...": news reports an impression, an
expectation or hearsay, and PolNeAR attributes it, mostly to no named source. So is "The
senator is seen as a moderate", a view held by people the passive leaves unnamed, and "The court
heard that ...", evidence a court report gives without its witness. The content is
the subject with its complement, or the clause (the cue inside it costs a match nothing); there
is no speaker but a by-agent of seeing ("is seen by party leaders as ..."). These rank after
reporting clauses (``HEDGE``): in "he appeared to suggest that ..." the clause of "suggest" is
what was attributed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.quotes.candidates import Candidate, Priority, cue_span, trimmed_span
from transforms.quotes.clauses import NOT_VERB_DEPS, without_trailing_aside
from transforms.quotes.context import QuoteContext
from transforms.quotes.dependencies import DependencyIndex
from transforms.quotes.quotations import long_enough_for_speech
from transforms.quotes.reporting_verbs import (
    is_hearsay_participle,
    is_reporting_verb,
    is_seeming_verb,
)

# The complements of a verb of seeming: "to have stalled" (xcomp), "unmoved" (oprd, acomp) and,
# after "it", a clause ("It seems that ...").
_SEEMING_COMPLEMENTS = {"xcomp", "oprd", "acomp"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_RELATIVE_WORDS = {"what", "which", "who", "whom", "whose"}


def hedge_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    out = []
    tree = ctx.tree
    for tok in doc:
        # "a seeming contradiction": not a verb here
        if ctx.quoted[tok.i] >= 0 or tok.dep_ in NOT_VERB_DEPS:
            continue
        parts = (
            _seeming(tok, tree) or _hearsay(tok, tree) or _reported(tok, tree)
            or _viewed_as(tok, tree) or _heard_in_court(tok, tree)
        )
        if not parts or _relative(tok, parts):
            continue
        tokens = [t for part in parts for t in tree.subtree(part)]
        start, end = trimmed_span(without_trailing_aside(tokens))
        if start is not None and not _holds_speech(ctx, tokens):
            order = (-(end - start), start)
            speaker = _holder(tok, tree) or _seeming_reporter(tok, parts)
            out.append(Candidate(Priority.HEDGE, order, start, end, cue_span(tok), speaker))
    return out


def _holds_speech(ctx: QuoteContext, tokens: list[Token]) -> bool:
    """Whether the words hold a quotation long enough to read as speech, which is its speaker's
    and not the impression's. A quoted phrase or title inside stays part of the impression
    ("seem intent on delaying the “Cadillac tax”", "was said to be “furious”"; PolNeAR
    attributes those whole: on train, dropping them lost 9 hedges and 4 speakers)."""
    inside = {ctx.quoted[t.i] for t in tokens if ctx.quoted[t.i] >= 0}
    return any(long_enough_for_speech(ctx.text, ctx.regions[r]) for r in inside)


def _seeming(verb: Token, tree: DependencyIndex) -> list[Token]:
    """Subject and complement of "X seems to ...", "X appeared unmoved", or the clause of "it
    seems that ..." ("it" says nothing). Not "appeared on television": no complement."""
    if not is_seeming_verb(verb.text):
        return []
    children = tree.children(verb)
    subject = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    complement = next(
        (
            c for c in children
            if c.i > verb.i and c.dep_ in _SEEMING_COMPLEMENTS and _follows(c, verb)
        ),
        None,
    )
    if complement is None and subject is not None and subject.lower_ == "it":
        clause = next((c for c in children if c.i > verb.i and c.dep_ == "ccomp"), None)
        return [clause] if clause is not None else []
    if complement is None:
        return []
    return [subject, complement] if subject is not None else [complement]


def _seeming_reporter(verb: Token, parts: list[Token]) -> Token | None:
    """The subject of "X seems to feel that ...", "X appears to suggest that ...": what seems so
    is that X holds a view or put it in words, and X is its source (PolNeAR's cue is "seems to
    feel"); in "The plan seems to have stalled" nobody is."""
    if not is_seeming_verb(verb.text) or len(parts) != 2:
        return None
    subject, complement = parts
    if complement.dep_ != "xcomp" or not is_reporting_verb(complement.text):
        return None
    kids = list(complement.children)
    if any(c.dep_ in {"aux", "neg"} and c.lower_ != "to" for c in kids):
        return None  # "seems to have found that ...", "seems not to have": the writer's inference
    if not any(c.dep_ == "ccomp" for c in kids):
        # "Investors seem to agree", "appeared to show particular callousness": a manner the
        # writer sees, no view of theirs put as a clause
        return None
    return None if subject.lower_ == "it" else subject


def _hearsay(verb: Token, tree: DependencyIndex) -> list[Token]:
    """Subject and to-infinitive of "X is expected to resign", "was said to have ..."."""
    if not is_hearsay_participle(verb.text):
        return []
    children = tree.children(verb)
    if not any(c.dep_ == "auxpass" for c in children):
        return []
    complement = next(
        (
            c for c in children
            if c.i > verb.i and c.dep_ == "xcomp"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in tree.children(c))
        ),
        None,
    )
    if complement is None:
        return []
    subject = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    return [subject, complement] if subject is not None else [complement]


# Participles of regarding: "The senator is seen as a moderate", "The case was viewed as a threat".
# A view held by people the passive leaves unnamed (``clauses._seen_as`` takes the active, where
# the subject holds the view). Not "known as", which gives a name.
_REGARDED = {"seen", "viewed", "regarded", "considered", "perceived"}
_MODALS = {"will", "would", "can", "could", "may", "might", "should", "must", "'ll", "\u2019ll"}


def _holder(verb: Token, tree: DependencyIndex) -> Token | None:
    """Who holds the view a passive of regarding reports, when a by-agent names them ("is seen
    by party leaders as ...")."""
    if verb.lower_ not in _REGARDED:
        return None
    for child in tree.children(verb):
        if child.dep_ == "agent":
            return next((c for c in tree.children(child) if c.dep_ == "pobj"), None)
    return None


def _viewed_as(verb: Token, tree: DependencyIndex) -> list[Token]:
    """Subject and "as" phrase of "X is seen as Y", or the predicate of "X is considered Y"."""
    if verb.lower_ not in _REGARDED:
        return []
    children = tree.children(verb)
    if not any(c.dep_ == "auxpass" for c in children):
        return []
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        return []  # "will be considered a battleground", "can be seen as": a guess, no view held
    subject = next((c for c in children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    view = next(
        (
            c for c in children
            if c.i > verb.i and (
                (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in {"oprd", "attr"}
            )
        ),
        None,
    )
    if subject is None or view is None:
        return []
    return [subject, view]


# Who "heard that ..." in a court report: the court or jury heard evidence, which nobody named
# gave ("The court heard that he had made 400 transfers"); the court said none of it.
_HEARERS = frozenset("court jury jurors tribunal inquiry hearing magistrates".split())


def _heard_in_court(verb: Token, tree: DependencyIndex) -> list[Token]:
    """The clause of "The court heard that ...": evidence reported with no speaker."""
    if verb.lower_ not in {"heard", "hears", "hear"}:
        return []
    children = tree.children(verb)
    if not any(c.dep_ == "nsubj" and c.lower_ in _HEARERS for c in children):
        return []
    return [c for c in children if c.dep_ == "ccomp" and c.i > verb.i][:1]


# Adverbs that mark a clause as hearsay the writer passes on: "The club is reportedly spending
# $1.5 million". Not "allegedly" or "apparently": a charge or the writer's own inference (on
# PolNeAR train 2 in 12 and 5 in 35 of them cue an attribution, "reportedly" 19 in 29).
_HEARSAY_ADVERBS = {"reportedly"}


def _reported(adverb: Token, tree: DependencyIndex) -> list[Token]:
    """The clause a hearsay adverb modifies, subject and all: what is reported, by nobody
    named. Only a clause with a subject of its own: a participle ("..., reportedly winning
    over delegates") or a relative clause ("who reportedly has been ...") describes someone
    in a larger statement."""
    verb = adverb.head
    if adverb.lower_ not in _HEARSAY_ADVERBS or adverb.dep_ != "advmod" or verb.i == adverb.i:
        return []
    if verb.dep_ in NOT_VERB_DEPS or verb.dep_ == "relcl":
        return []  # "the reportedly ailing senator": a noun phrase, no clause
    if adverb.is_title and not adverb.is_sent_start:
        return []  # a headline in title case ("Senator Reportedly Caught ..."): parsed as anything
    if not any(c.dep_ in _SUBJECT_DEPS for c in tree.children(verb)):
        return []
    return [verb]


def _relative(verb: Token, parts: list[Token]) -> bool:
    """A relative clause ("a plan that seems to work", "what appeared to be a reference"): the
    impression describes a noun of a larger statement, often someone else's. On PolNeAR train
    half of these matched no attribution of their own."""
    return verb.dep_ == "relcl" or parts[0].lower_ in _RELATIVE_WORDS


def _follows(complement: Token, verb: Token) -> bool:
    """The complement right after the verb, adverbs aside ("seemed almost certain to"): in "He
    appeared on the news to defend it" the infinitive says why he appeared, not how he seemed."""
    doc = verb.doc
    return all(doc[k].dep_ in {"advmod", "neg"} for k in range(verb.i + 1, complement.left_edge.i))
