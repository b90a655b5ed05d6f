"""Strategy: reporting clauses, attributed by a verb or "according to" outside quotation marks.

A reporting verb with a clause complement ("Mediazone reported that ..."), a stance verb with its
object or to-infinitive ("called for a special prosecutor", "vowed to win"), a speech verb hung
onto the content as an aside ("..., sources said."; "The test, North Korea said, was ..."), a
speech verb with what was said as its object ("expressed frustration", "spoke about the
economy"), and "according to X". The content is the clause, widened to take in the quotations it
overlaps; when every word of it is quoted, the clause is instead the cue of those quotations.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from transforms import speakers  # the module: see extract.py
from transforms.entity_labels import PERSON_LABELS, SPEAKER_LABELS
from transforms.quotes.candidates import Candidate, Priority, cue_span, trimmed_span
from transforms.quotes.context import QuoteContext
from transforms.quotes.dependencies import DependencyIndex
from transforms.quotes.reporting_verbs import (
    inflections,
    is_choice_verb,
    is_cognition_verb,
    is_conviction_adjective,
    is_labelling_verb,
    is_object_said_verb,
    is_refusal_verb,
    is_reporting_verb,
    is_request_verb,
    is_speech_verb,
    is_stance_verb,
    is_striving_verb,
)
from transforms.quotes.typography import (
    CLOSING_CHARS,
    OPENING_CHARS,
    QUOTATION_OPENING_CHARS,
    SINGLE_CLOSING,
    SINGLE_OPENING,
)

# Verbs that take a clause but whose clause is rarely someone's statement when the verb is a
# bare participle or infinitive ("to show", "known as"); they still count with a subject.
_NEEDS_SUBJECT_FORMS = {"known", "shown", "found", "thought", "feeling", "knowing", "finding"}
_STANCE_OBJECT_DEPS = {"dobj", "xcomp", "oprd", "ccomp"}
# "call for", "call on", "push for", "accuse X of", "warn of/about/against", "agree with".
_STANCE_PREPS = {"for", "on", "of", "about", "against", "to"}
# ... but after the object "on" says where or when ("criticised the minister on local radio on
# Tuesday"), not what was said: PolNeAR's content stops at the object.
_NOT_AFTER_OBJECT = {"on"}
_BARE_OBJECTS = {"it", "this", "that", "himself", "herself", "themselves", "itself", "one"}
# Objects of a speech verb that name nothing said: "said little about it", "said them".
_EMPTY_OBJECTS = {"them", "nothing", "something", "anything", "little", "much", "so", "more"}
# The preposition after a speech verb that introduces its topic: "spoke about the economy".
# "said of Apple" names whom the words were about, which is no content.
_ABOUT_PREPS = {"about"}
# Prepositions whose gerund shares the subject of the verb they modify and says how it was
# done: "She defended him by arguing that ...", "in saying that ...". Not "of" or "for"
# ("accused him of lying"), nor "before"/"after"/"without", whose gerund is another act at
# another time ("after first backing two of his rivals").
_GERUND_PREPS = {"by", "in", "while"}
# ... though a speech verb's clause is the subject's words at any time: "before adding that
# ...", "after saying that ...".
_TIME_GERUND_PREPS = {"before", "after"}
# What "in a ..." names as the source of a clause: "In a Fox News poll, ...".
_SOURCE_DOCUMENTS = {"poll", "polls", "survey", "surveys"}
_NOT_SOURCES = {"this", "that", "there", "what", "these", "those"}
# A reporting word used as no verb ("the appearing candidate"); hedges.py uses it too.
NOT_VERB_DEPS = {"amod", "compound", "nmod", "pobj", "dobj", "nsubj", "attr"}
# Participles of the verbs a reporter puts questions and news to a speaker with.
_PARTICIPLES = {"asked", "told", "pressed", "questioned", "informed", "reminded", "challenged"}
_OWN_SUBJECT_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass"}
_MODALS = {"to", "will", "would", "could", "may", "might", "should", "must", "can", "'ll"}
# What the writer hangs on a reported clause after a comma: ", which ...", ", who ...", an
# appositive (", an acknowledgment that ...") or an adverbial (", referring to ...", ", while
# ..."). PolNeAR's content stops before them; kept, they made the span too wide to match
# (on train each of the three, and a dash, gained 0.1-0.4 F1 on every fold).
_ASIDE_DEPS = {"relcl", "appos", "advcl"}
# Prepositions of a concession or an example the writer adds after a comma: "..., despite
# recent suggestions that ...", "..., amid growing calls for ...".
_ASIDE_PREPS = {"despite", "amid", "including"}
# Conjunctions of a clause that sets a report against what else was going on: "says he is
# excited as he faces a test", "announced they had separated after the paper revealed ...",
# "...  while her rival suggests ...". Ending the reported clause, it is the writer's, comma or
# not (on PolNeAR train cutting them found 18 more attributions, on every fold, and lost one).
_CIRCUMSTANCE_MARKS = {"while", "as", "though", "although", "whereas", "after"}
# What a spokesman declines to do besides the verbs of saying: "declined to elaborate".
_HOLDING_BACK = {"elaborate", "discuss", "speculate"}
# "who asked not to be named": the formula of an anonymous source, not a request reported.
_ANONYMITY = {"named", "identified", "quoted"}
# A paragraph ending in none of these is a headline or subheading, not a sentence.
_SENTENCE_END = tuple('.!?:;,"\u201d\u2019\u2026)')


def reads_as_headline(line: str) -> bool:
    """Whether a paragraph's text (stripped) reads as a headline or subheading: one line, and no
    sentence punctuation at its end."""
    return "\n" not in line and not line.endswith(_SENTENCE_END)


def clause_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    """Content spans (``CLAUSE``) and, for clauses quoted whole, quotation cues
    (``QUOTED_CLAUSE``); the wider clause orders first, so of nested reports ("X said Y told Z
    that ...") the outer one is kept."""
    regions = ctx.regions
    starts = [r.start for r in regions]
    ends = [r.end for r in regions]
    out: list[Candidate] = []
    for g, attr in enumerate(_clause_attributions(doc, ctx.quoted, ctx.tree)):
        if attr.start >= attr.end:
            continue
        if _headline_report(ctx, attr):
            continue
        order = (-(attr.end - attr.start), attr.start, g)
        covered = _regions_in(starts, ends, attr.start, attr.end)
        if covered and _all_quoted(doc, ctx.quoted, attr.start, attr.end):
            # everything said is inside quotation marks: a direct quote with this cue
            for r in covered:
                out.append(attr._replace(priority=Priority.QUOTED_CLAUSE, order=order, region=r))
            continue
        start = min([attr.start, *(regions[r].outer_start for r in covered)])
        end = max([attr.end, *(regions[r].outer_end for r in covered)])
        kind = "DIRECT" if _single_quoted(ctx.text, start, end) else None
        out.append(
            attr._replace(order=order, start=start, end=end, regions=tuple(covered), kind=kind)
        )
    return out


def _headline_report(ctx: QuoteContext, attr: Candidate) -> bool:
    """A headline's present-tense report with no quotation marks ("Council leader calls for
    flood inquiry"): the writer's summary of the story, not someone's words. A headline is a
    one-sentence paragraph with no sentence punctuation at its end (PolNeAR's titles end in a full
    stop the corpus added, so none of its headlines is one)."""
    if attr.cue is None:
        return False
    cue = ctx.text[attr.cue[0] : attr.cue[1]].split()[0].lower()
    if not cue.endswith("s"):
        return False
    p_start, p_end = ctx.paragraphs[ctx.paragraph_of(attr.start)]
    line = ctx.text[p_start:p_end].strip()
    return (
        reads_as_headline(line)
        and not any(c in line for c in QUOTATION_OPENING_CHARS + SINGLE_OPENING)
        # a quotation in marks the characters above miss (two apostrophes, as the New York
        # Times writes them: a paragraph ending "... a two-state solution.''" is no headline)
        and not any(p_start <= r.outer_start < p_end for r in ctx.regions)
        # one sentence: "-X explains why ... [Ledger]", a roundup's bullet, ends in no full stop
        and ctx.sentences.at(p_start).end >= p_end
    )


def _single_quoted(text: str, start: int, end: int) -> bool:
    """Content wrapped in single curly marks, as headlines quote: "‘We will not back down,’
    says minister". Single marks are no quotation elsewhere (the closing one is the apostrophe),
    so only a clause that runs exactly from one to the other counts."""
    before = text[max(0, start - 2) : start].rstrip()
    after = text[end : end + 3].lstrip(",.!?")
    return before.endswith(SINGLE_OPENING) and after.startswith(SINGLE_CLOSING)


def _regions_in(starts: list[int], ends: list[int], start: int, end: int) -> list[int]:
    """Indices of the quotations overlapping ``[start, end)``, given their starts and ends."""
    # quotations are in order and never overlap, so their ends are in order too and the ones
    # overlapping a span are a run: those ending after it starts up to those starting before
    # it ends
    return list(range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)))


def _all_quoted(doc: Doc, quoted: list[int], start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(quoted[t.i] >= 0 for t in span if t.is_alpha or t.is_digit)


def _clause(start: int, end: int, cue: tuple[int, int], speaker: Token | None) -> Candidate:
    return Candidate(Priority.CLAUSE, (), start, end, cue, speaker)


def _clause_of(
    head: Token, tree: DependencyIndex, cue: tuple[int, int], speaker: Token | None
) -> Candidate | None:
    """The content ``head``'s subtree gives (without a trailing aside), or None when nothing
    of it is left."""
    start, end = trimmed_span(without_trailing_aside(tree.subtree(head)))
    return None if start is None else _clause(start, end, cue, speaker)


def _clause_attributions(doc: Doc, quoted: list[int], tree: DependencyIndex) -> list[Candidate]:
    out: list[Candidate] = []
    for tok in doc:
        if quoted[tok.i] >= 0:
            continue
        lower = tok.lower_  # a string-store lookup each time it is read: once per token
        if lower == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            attr = _according_to(tok, tree)
            if attr is not None:
                out.append(attr)
        elif lower == "referring" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            attr = _referring_to(tok, tree)
            if attr is not None:
                out.append(attr)
        elif is_reporting_verb(lower):
            out.extend(_reporting_clauses(tok, tree, quoted))
        elif lower == "in" and tok.dep_ == "prep":
            attr = _in_source(tok, tree)
            if attr is not None:
                out.append(attr)
        elif is_conviction_adjective(lower):
            attr = _conviction(tok, tree)
            if attr is not None:
                out.append(attr)
        elif lower in _SEEING_AS:
            attr = _seen_as(tok, tree)
            if attr is not None:
                out.append(attr)
        elif lower == "clear":
            attr = _made_clear(tok, tree)
            if attr is not None:
                out.append(attr)
    return out


def _conviction(adjective: Token, tree: DependencyIndex) -> Candidate | None:
    """The that-clause of "X is confident that ...", "remain hopeful that ...", "was adamant
    that ...": a view its subject holds, as with "believes that". The parser hangs the clause
    on the adjective or on the verb before it. Only with "that": "sure he would" and "not sure
    why" are a guess or a question more often than a view (on PolNeAR train the 20 such
    clauses with "that" were all attributions)."""
    if adjective.dep_ not in {"acomp", "oprd"}:
        return None
    verb = adjective.head
    clause = next(
        (
            c for c in (*tree.children(adjective), *tree.children(verb))
            if c.dep_ == "ccomp" and c.i > adjective.i and _is_clause(c, tree)
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in tree.children(c))
        ),
        None,
    )
    subject = speakers.speaker_token(verb)
    if clause is None or subject is None or not _is_source(subject) or subject.lower_ == "it":
        return None  # "It is certain that ...": the writer's
    return _clause_of(clause, tree, cue_span(adjective), subject)


_MAKE_FORMS = frozenset(inflections("make"))


def _made_clear(clear: Token, tree: DependencyIndex) -> Candidate | None:
    """The clause of "X made (it) clear that ...", a statement as "X stated that ..." is: the
    parse hangs "clear" on "made" and the clause on either. Only with a subject of "made" that
    names someone ("It was made clear" names nobody)."""
    made = clear.head
    if made.lower_ not in _MAKE_FORMS or clear.i < made.i or made.dep_ in NOT_VERB_DEPS:
        return None
    if any(t.lower_ != "it" for t in clear.doc[made.i + 1 : clear.i]):
        return None  # "made this clear: ...", "made the stakes clear": no clause of its own
    subject = speakers.speaker_token(made)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ == "it":
        return None
    clause = next(
        (
            c for head in (clear, made) for c in tree.children(head)
            if c.i > clear.i and c.dep_ in {"ccomp", "advcl"}
            and any(s.dep_ in {"nsubj", "nsubjpass"} for s in tree.children(c))
        ),
        None,
    )
    if clause is None:
        return None
    return _clause_of(clause, tree, (made.idx, clear.idx + len(clear)), subject)


# "Experts see the vote as a test", "Voters view him as the stronger candidate": a view held.
_SEEING_AS = frozenset(
    form for base in "see view regard".split() for form in inflections(base)
) | {"saw", "seen"}


def is_discourse_marker(verb: Token) -> bool:
    """"That said, ..." opening a sentence: a concession, nobody's words."""
    doc = verb.doc
    return (
        verb.lower_ == "said"
        and 0 < verb.i < len(doc) - 1
        and doc[verb.i - 1].lower_ == "that"
        and doc[verb.i - 1].is_sent_start
        and doc[verb.i + 1].text == ","
    )


def _seen_as(verb: Token, tree: DependencyIndex) -> Candidate | None:
    """The object and its "as" phrase of "see/view/regard X as Y", with the subject as the
    one who holds the view; not in the passive ("is seen as": nobody named)."""
    if verb.dep_ in NOT_VERB_DEPS:
        return None
    children = tree.children(verb)
    objects = [c for c in children if c.dep_ == "dobj"]
    as_phrases = [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    subject = speakers.speaker_token(verb)
    if not objects or not as_phrases or subject is None or subject.dep_ == "nsubjpass":
        return None
    tokens = [t for c in (objects[0], as_phrases[0]) for t in tree.subtree(c)]
    start, end = trimmed_span(tokens)
    if start is None:
        return None
    return _clause(start, end, cue_span(verb), subject)


def _reporting_clauses(verb: Token, tree: DependencyIndex, quoted: list[int]) -> list[Candidate]:
    """The content clauses ``verb`` attributes: one per side of the verb ("“A,” he said, “B”")."""
    if verb.dep_ in NOT_VERB_DEPS or is_discourse_marker(verb):
        return []  # "the said agreement", "a known issue", "That said, ...": not a report
    if _addressed(verb, tree):
        # "Asked whether she would resign, Donnelly replied": the reporter asked, so the
        # question is reported without a speaker (as PolNeAR annotates it), and never as hers
        return _question_put(verb, tree) if verb.lower_ == "asked" else []
    if _asked_passive(verb, tree):
        # "Mook was asked whether ...": likewise; "was asked to name ..." goes on below
        question = _question_put(verb, tree)
        if question:
            return question
    if verb.dep_ == "xcomp" and is_refusal_verb(verb.head.text):
        return []  # "declined to say whether talks continued": nothing was said
    fronted = _fronted_predicate(verb, tree, quoted)
    subject = (
        _object_controller(verb, tree)
        or _subject_of_absolute(verb, tree)
        or set_off_participle_subject(verb)
        or speakers.speaker_token(verb)
        or _gerund_subject(verb)
        or _subject_of_fronted_predicate(fronted, tree, quoted)
        or unparsed_subject(verb, quoted, tree)
        or _subject_of_misparsed_conjunct(verb)
    )
    outer = outer_report(verb, tree)
    if outer is not None:
        subject = speakers.speaker_token(outer) or subject
    if subject is not None and quoted[subject.i] >= 0:
        # (kept when there is none: the clause still stands, with no speaker named)
        subject = (
            unquoted_subject(verb, quoted, tree) or unparsed_subject(verb, quoted, tree) or subject
        )
    if subject is None and (verb.lower_ in _NEEDS_SUBJECT_FORMS or verb.lower_.endswith("ing")):
        return []  # "It is worth noting that ...", "It goes without saying": nobody's words
    # "It was revealed that ...": the clause stands, but "it" names nobody; a by-agent says who
    nobody = (
        subject is not None
        and subject.dep_ == "nsubjpass"
        and subject.head.i == verb.i
        and (subject.lower_ == "it" or _addressee_passive(verb, tree))
    ) or _impersonal_it(verb, subject)
    if not is_speech_verb(verb.text) and _unrealised(verb, tree) and not _position(verb, tree):
        return []  # "will seek to", "to reject": an intention the writer reports, not a view held
    clauses = [
        c
        for c in tree.children(verb)
        if (c.dep_ == "ccomp" and _is_clause(c, tree) and not _takes_no_clause(verb)
            and not _small_clause(verb, c, tree))
        or _misparsed_clause(verb, c, tree)
        or _question_asked(verb, c, tree)
    ] + _clauses_after_an_aside(verb, tree) or _statement_clause(verb, tree)
    if fronted is not None and subject is not None and subject.head.i == fronted.i:
        clauses = [c for c in clauses if c.i != fronted.i]  # the subject's own act, not content
    clauses = [c for c in clauses if not _own_statement_before(c, verb, tree)]
    if subject is None:
        named = _subject_taken_for_a_clause(verb, clauses, tree, quoted)
        if named is not None:
            subject, clauses = named
    # each side: its tokens, and the speaker as a parsed head or as a span of characters
    sides: list[tuple[list[Token], Token | None, tuple[int, int] | None]] = []
    as_side = _as_reported(verb, tree) if subject is not None else None
    if as_side:
        # "As the Ledger reported last week, the factory will close": what was reported is the
        # clause the "as" aside hangs on, without the aside
        # the aside's own subject or by-agent: "As previously reported, the factory will close"
        # names nobody (the subject up the parse is the factory's)
        own = next(
            (c for c in tree.children(verb) if c.dep_ in {"nsubj", "nsubjpass"}), None
        ) or _agent_of(verb, tree)
        sides.append((as_side, own, None))
    elif clauses:
        for before in (True, False):
            side = [c for c in clauses if (c.i < verb.i) == before]
            if side:
                tokens = [t for c in side for t in tree.subtree(c)]
                if before and _quotation_reported_inside(tokens, quoted):
                    continue
                if not before and _reported_between(verb, min(side), tree, quoted):
                    continue
                tokens = _without_next_report(tokens, side, tree)
                tokens = _without_trailing_source(tokens, tree)
                named = _named_after_quotation(tokens, verb, quoted) if before else None
                sides.append(named or (tokens, subject, None))
    elif subject is not None and _finding(verb, subject, tree):
        sides.append((_finding(verb, subject, tree), subject, None))
    elif (
        is_stance_verb(verb.text)
        and subject is not None
        and _is_source(subject)
        # "Dorsey was named chief executive": the one labelled, by nobody named
        and not (is_labelling_verb(verb.text) and subject.dep_ == "nsubjpass")
    ):
        objects = _without_leading_preposition(_stance_objects(verb, tree), tree)
        if objects:
            sides.append(([t for c in objects for t in tree.subtree(c)], subject, None))
    elif verb.dep_ == "parataxis" and subject is not None and (
        is_speech_verb(verb.text) or _belief_aside(verb, subject)
    ):
        # "..., sources said." and "The test, North Korea said, was its biggest" hang the verb on
        # the content's own root; the content is that root's clause, around the aside
        skip = {t.i for t in tree.subtree(verb)}
        if not is_speech_verb(verb.text):
            # "His leverage, they believe, is intact, and most doubt he will ...": a clause
            # with its own subject coordinated after the aside is no longer their belief
            skip |= {
                t.i for c in _own_clauses_after(verb.head, verb, tree) for t in tree.subtree(c)
            }
        sides.append(([t for t in tree.subtree(verb.head) if t.i not in skip], subject, None))
    elif (
        is_speech_verb(verb.text)
        and subject is not None
        and _is_source(subject)
        and verb.dep_ != "xcomp"
        and not _unrealised(verb, tree)
    ):
        # what was said as the object ("mentioned the wall"); not for an unrealised verb: in
        # "to explain the difference", "trying to disclose" what they would say is not given
        objects = _without_leading_preposition(_said_objects(verb, tree, quoted), tree)
        if objects:
            sides.append(([t for c in objects for t in tree.subtree(c)], subject, None))
    out = []
    for tokens, speaker, speaker_span in sides:
        if nobody and speaker is subject:
            speaker = _agent_of(verb, tree)
        elif subject is None and speaker is None and speaker_span is None:
            speaker = _compound_subject(verb, quoted)
        if (
            speaker is not None
            and speaker.i > verb.i
            and speaker.ent_type_ in PERSON_LABELS
            and any(t.i == speaker.i for t in tokens)
        ):
            continue  # "“...,” said Dana Whitfield, a consultant who ...": the name is no content
        tokens = _after_the_speaker(tokens, verb, speaker)
        start, end = trimmed_span(without_trailing_aside(tokens))
        if start is not None:
            clause = _clause(start, end, cue_span(verb), speaker)
            out.append(clause._replace(speaker_span=speaker_span))
    return out


def _after_the_speaker(tokens: list[Token], verb: Token, speaker: Token | None) -> list[Token]:
    """The content after its verb when a single word of it stands before its speaker: "which
    the agency says had the highest rate", "what the mayor has threatened to do", "But, the
    chairman added, it is not the way to win". PolNeAR leaves the fronted word out with the
    speaker and the verb; kept, it drew them into the span (on PolNeAR train cutting it found 9
    more attributions and lost none; with two words before the speaker it lost a speaker)."""
    if speaker is None or speaker.i > verb.i:
        return tokens
    words_before = [t for t in tokens if t.i < speaker.left_edge.i and not t.is_punct]
    if len(words_before) != 1:
        return tokens
    cue_end = cue_span(verb)[1]
    after = [t for t in tokens if t.idx >= cue_end]
    return after if any(t.is_alpha for t in after) else tokens


_TELL_FORMS = {"tell", "tells", "told", "telling"}
# Passives whose subject is whom the words were said to or about, never who said them ("Sanders
# was told that ...", "Roof is accused of ...").
_TARGET_PASSIVES = {"told", "informed", "reminded", "accused", "criticized", "criticised", "blamed"}
# "'s" before a participle is "has" as often as "is" ("He's said he will run")
_HAS_CONTRACTIONS = {"'s", "\u2019s"}


def _impersonal_it(verb: Token, subject: Token | None) -> bool:
    """"It is important to note that ...", "it is hard not to wonder whether ...", "It means
    acknowledging that ...": the verb's subject, reached through an adjective or "means", is
    the "it" of an impersonal remark, which names nobody (the writer's own aside)."""
    if subject is None or subject.lower_ != "it" or subject.head.i == verb.i:
        return False
    holder = subject.head  # "is" of "It is important to", or "means"
    return holder.lower_ in _MEANING or any(c.dep_ == "acomp" for c in holder.children)


_MEANING = {"mean", "means", "meant"}


def _addressee_passive(verb: Token, tree: DependencyIndex) -> bool:
    """A passive speech or request verb: its subject is the one asked, told or announced, and
    the asker is named only by a by-agent ("The mayor was asked to name one project", "Dunn
    was announced the winner"). Not after "'s": "He's said he will run" is his."""
    if verb.lower_ in _TARGET_PASSIVES:
        return True
    if any(c.dep_ == "auxpass" and c.lower_ in _HAS_CONTRACTIONS for c in tree.children(verb)):
        return False
    return is_speech_verb(verb.text) or is_request_verb(verb.text)


_ASIDE_OPENERS = {",", "(", "\u2014", "\u2013", "-", "--", ";"}


# Speech verbs an "as" aside reports content with ("as the Ledger reported"); "as he spoke", "as
# talks continue" are times.
_AS_REPORTS = frozenset(
    form
    for base in """report note say write tell explain observe warn predict mention argue suggest
    state reveal acknowledge admit announce confirm disclose point remind recall tweet""".split()
    for form in inflections(base)
)


def _as_reported(verb: Token, tree: DependencyIndex) -> list[Token] | None:
    """The words of the clause an "as" aside of ``verb`` reports, without the aside: after it
    when the clause's verb comes after it ("Of course, as X noted, the victor was ...", with a
    subject before the aside: "The bridge, as engineers warned, is ..."), before it otherwise
    ("..., as the utility confirmed on Friday.")."""
    if verb.dep_ != "advcl" or not _as_report(verb, tree):
        return None
    clause = verb.head
    while clause.dep_ in {"nsubj", "nsubjpass"} and clause.head.i != clause.i:
        clause = clause.head  # the parse hung the aside on the subject
    aside = tree.subtree(verb)
    first, last = min(t.i for t in aside), max(t.i for t in aside)
    whole = tree.subtree(clause)
    if clause.i > last:
        subject_words = {
            t.i for c in tree.children(clause) if c.dep_ in {"nsubj", "nsubjpass"} and c.i < first
            for t in tree.subtree(c)
        }
        return [t for t in whole if t.i > last or (t.i in subject_words and t.i < first)]
    if clause.i < first:
        return [t for t in whole if t.i < first]
    return None


def _as_report(verb: Token, tree: DependencyIndex) -> bool:
    """A speech verb in an "as" aside before or inside the clause it reports ("As the Ledger
    reported, ...", "The bridge, as engineers have warned, is ..."): marked by "as", with no
    object of its own but an addressee ("as she told reporters"), the clause it hangs on a verb
    outside quotation marks."""
    if verb.lower_ not in _AS_REPORTS or verb.head.i == verb.i:
        return False
    if is_reporting_verb(verb.head.text) and verb.head.i < verb.i:
        # "“...,” she said, as recalled by ...": the report is the other verb's; an aside
        # before it reports the whole ("As the Ledger reported, the council agreed to ...")
        return False
    children = tree.children(verb)
    mark = next((c for c in children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i),
                None)
    if mark is None:
        return False
    doc = verb.doc
    before = doc[mark.i - 1] if mark.i > mark.sent.start else None
    if before is not None and before.text not in _ASIDE_OPENERS and before.lower_ not in {
        "but", "and", "yet", "so"
    }:
        return False  # "not as angry as he suggested": a comparison, no aside
    if any(c.dep_ == "dobj" for c in children) and verb.lower_ not in _TELL_FORMS:
        return False
    if any(c.dep_ in {"ccomp", "xcomp"} for c in children):
        return False  # "as he said he would": the verb reports its own clause
    return True


def _own_clauses_after(head: Token, aside: Token, tree: DependencyIndex) -> list[Token]:
    """Clauses coordinated with ``head`` after ``aside`` that have a subject of their own."""
    return [
        c for c in tree.children(head)
        if c.dep_ == "conj" and c.i > aside.i
        and any(s.dep_ in {"nsubj", "nsubjpass"} for s in tree.children(c))
    ]


# Asides of the writer's and the reader's own: "you know", "I think", "we know" as fillers.
_PARTICIPANTS = {"i", "we", "you"}


def _belief_aside(verb: Token, subject: Token) -> bool:
    """A verb of finding or believing hung on its clause as an aside, with a third party as its
    subject: "..., the poll found.", "Such efforts, they believe, will ...". Not "you know" or "I
    think" (a filler), nor "know" at all, whose aside is the writer's nod to the reader."""
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    first, last = words[0], words[-1]
    # set off by commas, or closing the sentence: "(think Jimmy Carter in 1976)" is no aside
    set_off = (
        first > 0 and doc[first - 1].text == ","
        and (last + 1 >= len(doc) or doc[last + 1].text in {",", "."})
    )
    return (
        set_off
        and is_cognition_verb(verb.text)
        and verb.lower_ not in _FILLER_VERBS
        and subject.lower_ not in _PARTICIPANTS
    )


_FILLER_VERBS = {"know", "knew", "known", "knows"}


def _compound_subject(verb: Token, quoted: list[int]) -> Token | None:
    """The subject the parse took for a compound or adjective of the verb, right before it: in
    "..., campaign records show." "records" hangs on "show" as a compound, in "“...,” the
    memo read." "memo" on "read" as an adjective."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.head.i != verb.i or quoted[before.i] >= 0:
        return None
    # an adjective only of a speech verb: of any other verb ("hope") it is a noun phrase misread
    if before.dep_ != "compound" and not (before.dep_ == "amod" and is_speech_verb(verb.text)):
        return None
    if before.is_upper and verb.is_upper:
        return None  # a headline in capitals: "EUROPEANS ASK IF ..." is parsed as anything
    return before


def _agent_of(verb: Token, tree: DependencyIndex) -> Token | None:
    """The object of a passive verb's by-agent ("was announced by the ministry"), if any."""
    for child in tree.children(verb):
        if child.dep_ == "agent":
            return next((c for c in tree.children(child) if c.dep_ == "pobj"), None)
    return None


def _name_right_before(verb: Token, quoted: list[int]) -> Token | None:
    """A person named right before a speech verb the parse gave no subject: in "In a statement
    to the Observer, her adviser, Jake Sullivan, said: “...”" the name went to "Observer" as an
    apposition. Only for a main verb, the name's last word next to it or to a comma before it.
    A verb the parse hung on the quoted words as their conjunct ("“... in this case,” Tulsa
    police Chief Chuck Jordan said Monday": "said" a conjunct of "achieve") is a main verb."""
    misparsed = verb.dep_ == "conj" and quoted[verb.head.i] >= 0 and quoted[verb.i] < 0
    if (verb.dep_ != "ROOT" and not misparsed) or verb.i == 0:
        return None
    doc = verb.doc
    k = _index_before(verb)
    if k < 0:
        return None
    name = doc[k]
    if name.ent_type_ not in PERSON_LABELS or quoted[k] >= 0:
        return None
    return name


# The verb's own words that may stand between its subject and it ("have said", "also said").
_BETWEEN_SUBJECT_AND_VERB = {"aux", "auxpass", "neg", "advmod"}


def _index_past_own_words(verb: Token, deps: set[str]) -> int:
    """The index of the word before ``verb`` past the verb's own words of ``deps`` right before
    it and any space within the line; -1 at the start."""
    doc, k = verb.doc, verb.i - 1
    while k >= 0 and (
        (doc[k].head.i == verb.i and doc[k].dep_ in deps)
        or (doc[k].is_space and "\n" not in doc[k].text)
    ):
        k -= 1
    return k


def _hung_on_fronted_phrase(verb: Token, quoted: list[int]) -> Token | None:
    """The description or name right before a verb the parse gave no subject, when the parse
    hung it on the phrase fronted before it: in "Alarmed by the unrest in Nevada, Senator Harry
    Reid, the minority leader, said ..." "Reid" is a conjunct of "Nevada", in "In addition to
    Mr. Cole, two members of Congress, Ann Ray and Bo Lin, have said ..." "members" an
    apposition of "Cole". The highest apposition or conjunct set off by a comma on the way up
    the parse from the word before the verb, while the way stays before the verb."""
    doc = verb.doc
    k = _index_past_own_words(verb, _BETWEEN_SUBJECT_AND_VERB)
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or quoted[k] >= 0 or doc[k].is_punct or doc[k].is_space:
        return None
    found, tok = None, doc[k]
    while tok.head.i != tok.i and tok.i < verb.i and tok.head.i != verb.i:
        start = tok.left_edge.i
        if tok.dep_ in {"appos", "conj"} and start > 0 and doc[start - 1].text == ",":
            found = tok
        tok = tok.head
    return found if tok.head.i == verb.i else None


# How a share of people is counted ("About 4 in 10", "Less than a third").
_QUANTITY_LABELS = {"CARDINAL", "PERCENT"}


def _quantity_right_before(verb: Token) -> Token | None:
    """The share of people a poll counts right before its speech verb, opening the sentence,
    which the parse took for the verb's modifier: "About 4 in 10 say ..." ("10" a number of
    "say"), "Less than a third agreed that ..." ("third" an adverbial noun). Not a number
    inside a phrase before the subject ("At one point, Cruz said")."""
    k = _index_past_own_words(verb, {"aux", "neg"})  # "half" may be an adverb of the verb
    if k < 0:
        return None
    share = verb.doc[k]
    if share.head.i != verb.i or share.ent_type_ not in _QUANTITY_LABELS:
        return None
    if share.dep_ not in {"nummod", "npadvmod", "advmod"}:
        return None
    return share if share.left_edge.i == share.sent.start else None


def _subject_of_misparsed_conjunct(verb: Token) -> Token | None:
    """The subject of the verb before a speech verb the parse left unlabelled (``dep``): in
    "Majorities of voters going to the polls Tuesday say ..." and "Activists clamoring to block
    him say ..." the parse took the participle for the main verb and "say" for a leftover, and
    "Clinton paused, then revealed why ..." is a conjunct the parse missed."""
    head = verb.head
    if verb.dep_ != "dep" or head.i > verb.i or not is_speech_verb(verb.text):
        return None
    subject = speakers.speaker_token(head)
    return subject if subject is not None and subject.i < head.i else None


def _fronted_predicate(verb: Token, tree: DependencyIndex, quoted: list[int]) -> Token | None:
    """The first of a speaker's coordinated acts, which the parse took for a clause the later
    verb reports: in "She promised lower fares, suggested that ..." and "He thanked the crew,
    praised the mayor and said ..." "promised"/"thanked" hangs on the verb (or on the first
    conjunct of its chain) as a fronted complement, leaving it no subject. Only with a clause
    after the verb: "The plan will fail, said an aide" is a report of the fronted clause. Nor
    with a clause after that has two subjects: in "..., said a former aide, who ran in the bloc
    Manafort formed" the parse took the inverted speaker for a subject of "formed"."""
    head = verb
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tree.children(head)):
        return None
    after = [c for c in tree.children(verb) if c.dep_ == "ccomp" and c.i > verb.i]
    if not after or any(sum(s.dep_ == "nsubj" for s in tree.children(c)) > 1 for c in after):
        return None
    return next(
        (
            c for c in tree.children(head)
            if c.dep_ == "ccomp" and c.right_edge.i < head.i and quoted[c.i] < 0
        ),
        None,
    )


def _subject_of_fronted_predicate(
    fronted: Token | None, tree: DependencyIndex, quoted: list[int]
) -> Token | None:
    """The subject of the coordinated act the parse hung before the verb (``fronted``, from
    ``_fronted_predicate``): who promised or thanked is who suggested or said."""
    if fronted is None:
        return None
    return next(
        (c for c in tree.children(fronted) if c.dep_ == "nsubj" and quoted[c.i] < 0), None
    )


def _own_statement_before(clause: Token, verb: Token, tree: DependencyIndex) -> bool:
    """A clause before the verb, parted from it by a semicolon, that reports its own words: in
    "He proposes breaking up the banks; she backs tougher rules" the parse hangs the first
    statement on "backs", but a semicolon joins two statements (a report set before its verb
    ends in a comma), and "proposes" attributes its words to its own subject."""
    doc = verb.doc
    if clause.i > verb.i or not any(t.text == ";" for t in doc[clause.right_edge.i : verb.i]):
        return False
    return any(
        is_reporting_verb(t.text) and t.dep_ not in NOT_VERB_DEPS for t in tree.subtree(clause)
    )


def _index_before(token: Token) -> int:
    """The word before ``token`` past one comma and any space within the line (a no-break space
    after a closing mark is a token of its own: "“...,”\u00a0added Dorsey"; a paragraph break
    is no part of the sentence); -1 at the start."""
    doc, k = token.doc, token.i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k


def unquoted_subject(verb: Token, quoted: list[int], tree: DependencyIndex) -> Token | None:
    """A subject of ``verb`` outside quotation marks. The parse can take a quoted word for a
    second subject ("“[Clinton] can be very polarizing,” Kilfoyle said", "“The drop ...,” said
    a person close to the Clintons"), and the speaker is the one outside the marks, before the
    verb or after it."""
    return next(
        (c for c in tree.children(verb) if c.dep_ in {"nsubj", "nsubjpass"} and quoted[c.i] < 0),
        None,
    )


def _inverted_object(verb: Token, quoted: list[int], tree: DependencyIndex) -> Token | None:
    """The speaker after the verb in "“...,” added another New Hampshire Republican.", which
    the parse can take for the verb's object, or a name the NER missed for an adverb ("“...,”
    said Thornly, explaining ..."): only right after a quotation's closing mark."""
    doc = verb.doc
    k = _index_before(verb)
    if k < 0 or quoted[k] < 0 or verb.i + 1 >= len(doc):
        return None
    for child in tree.rights(verb):
        inverted = child.dep_ in {"dobj", "attr", "npadvmod"} or (
            child.dep_ == "advmod" and child.is_title
        )
        if inverted and quoted[child.i] < 0:
            # the first word after the verb must open the phrase: "said Monday" is a date
            if child.left_edge.i == verb.i + 1 and child.ent_type_ not in {"DATE", "TIME"}:
                return child
    return None


def unparsed_subject(verb: Token, quoted: list[int], tree: DependencyIndex) -> Token | None:
    """The speaker of a speech verb the parse gave no subject, read off the words around it."""
    if not is_speech_verb(verb.text):
        return None
    return (
        _name_right_before(verb, quoted)
        or _hung_on_fronted_phrase(verb, quoted)
        or _quantity_right_before(verb)
        or _inverted_object(verb, quoted, tree)
        or _name_right_after(verb, quoted)
        or _modified_speaker(verb, quoted)
    )


def _name_right_after(verb: Token, quoted: list[int]) -> Token | None:
    """The person named right after a speech verb that follows a quotation, when the parse hung
    the name elsewhere: in "“...,” said Dana Whitfield, a consultant who advises the Lakeside
    Group." the clause after the name can take it for its subject. The name's last word."""
    doc = verb.doc
    k = _index_before(verb)
    first = verb.i + 1
    if k < 0 or quoted[k] < 0 or first >= len(doc) or quoted[first] >= 0:
        return None
    return person_name_end(doc[first], len(doc))


def person_name_end(first: Token, limit: int) -> Token | None:
    """The last word of the person's name that ``first`` begins (a PERSON entity's first token),
    not at or past token ``limit``; None when no person's name begins at ``first``."""
    if first.ent_type_ not in PERSON_LABELS or first.ent_iob_ != "B":
        return None
    doc, last = first.doc, first
    while last.i + 1 < limit and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last


def _modified_speaker(verb: Token, quoted: list[int]) -> Token | None:
    """The speaker the parse took the verb for a modifier of, right after a quotation: in
    "“Why would anyone vote for this?” the 43-year-old asked" "asked" hangs on "old" as a
    participle (acl), and "the 43-year-old" is who asked."""
    head = verb.head
    if verb.dep_ != "acl" or head.i != verb.i - 1:
        return None
    k = head.left_edge.i - 1
    doc = verb.doc
    while k >= 0 and (doc[k].is_punct or doc[k].is_space) and quoted[k] < 0:
        k -= 1
    return head if k >= 0 and quoted[k] >= 0 and quoted[head.i] < 0 else None


def set_off_participle_subject(verb: Token) -> Token | None:
    """The subject of the clause a participle set off by a comma comments on, when the parse
    hung it on a noun: in "He called for a voice vote, and then a visual vote, declaring that
    ..." and "at one point calling the mayor a liar" the one who called declares, not the vote
    (a participle right after its noun, "footage of Trump saying", is the noun's)."""
    if verb.dep_ != "acl" or not verb.lower_.endswith("ing") or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text != ",":
        return None
    head = verb.head
    for _ in range(4):
        if head.head is head:
            break
        head = head.head
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            return speakers.speaker_token(head)
    return None


# Verbs that bring their object to do what the infinitive after it says.
_CAUSING = frozenset(
    form
    for base in "lead leave drive prompt cause force spur push inspire".split()
    for form in inflections(base)
) | {"led", "left", "drove", "driven", "spurred", "spurring"}


def _object_controller(verb: Token, tree: DependencyIndex) -> Token | None:
    """The object of the verb an infinitive completes, who does what it says: in "The victory led
    the party chairman to declare ...", "leaving many to wonder whether ..." the chairman
    declares and many wonder, not the subject of "led"/"leaving". The parse can hang the
    complement on the verb as an adverbial ("left many residents wondering whether ...",
    "drove thousands of tenants to demand ..."): then it must follow the object directly, or
    the comma closing an aside of the object ("left many, including his donors, wondering")."""
    if verb.dep_ not in {"xcomp", "advcl"} or verb.head.lower_ not in _CAUSING:
        return None  # "used the question to argue": a purpose, the subject's own
    obj = next((c for c in tree.children(verb.head) if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or verb.dep_ == "xcomp":
        return obj
    doc, k = verb.doc, obj.right_edge.i + 1
    if k < verb.i and doc[k].text == "," and any(t.text == "," for t in doc[obj.i : k]):
        k += 1
    if k < verb.i and doc[k].dep_ == "aux" and doc[k].lower_ == "to":
        k += 1
    return obj if k == verb.i else None


def _subject_of_absolute(verb: Token, tree: DependencyIndex) -> Token | None:
    """The noun of a "with" absolute the parse split from its participle: in "The debate ended
    with Warren asking the mayor whether ..." Warren asks, not the debate ("Warren" the object
    of "with", "asking" an adverbial of "ended")."""
    if verb.dep_ != "advcl" or not verb.lower_.endswith("ing"):
        return None
    for prep in tree.children(verb.head):
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < verb.i:
            noun = next((c for c in tree.children(prep) if c.dep_ == "pobj"), None)
            if noun is not None and noun.right_edge.i + 1 == verb.i:
                return noun
    return None


def _gerund_subject(verb: Token) -> Token | None:
    """The subject of "She answered by arguing that ...": the verb the gerund's preposition
    hangs on (the parse gives the gerund none of its own)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "as" and prep.head.lower_ in _QUOTED_AS and is_speech_verb(verb.text):
        # "Smith was quoted as saying that ...": the one quoted, the passive's subject
        return next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None)
    if prep.lower_ not in _GERUND_PREPS and not (
        prep.lower_ in _TIME_GERUND_PREPS
        and is_speech_verb(verb.text)
        and any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return None
    return speakers.speaker_token(prep.head)


# Passives that report someone's words through a gerund: "was quoted as saying", "was cited as
# saying", "was recorded as saying".
_QUOTED_AS = {"quoted", "cited", "recorded", "reported"}


def _named_after_quotation(
    tokens: list[Token], verb: Token, quoted: list[int]
) -> tuple[list[Token], None, tuple[int, int]] | None:
    """A clause before its verb that is a quotation closing on a comma and the speaker's name
    right after it: in "“Yes, I support him,” Brent Bozell III, founder of the ..., tells
    Breitbart" the parse hangs the name inside the quoted clause. Returns the quotation's tokens
    and the name's characters (its parse subtree runs into the quotation)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or quoted[words[0].i] < 0:
        return None
    region = quoted[words[0].i]
    inside = [t for t in tokens if quoted[t.i] == region]
    after = [t for t in tokens if quoted[t.i] != region and not (t.is_punct or t.is_space)]
    closing = [t for t in inside if not t.is_space][-2:]
    if not after or len(closing) < 2 or closing[0].text != ",":
        return None  # "“This will be a challenge” for Clinton": the quotation is part of it
    name = after[0]
    last = None if quoted[name.i] >= 0 else person_name_end(name, verb.i)
    if last is None:
        return None
    return inside, None, (name.idx, last.idx + len(last))


def without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """``tokens`` cut before a dash, before a comma opening an aside that runs to their end, or
    before a clause of circumstance that ends them: "he was “encouraged” by the plan — a modest
    boost for Obama since 2009, when ...", "he would "take a look" at such legislation, which
    would give ..." and "he is excited as he faces a test" report the first part."""
    if len(tokens) < 4:
        return tokens
    tokens = sorted(tokens, key=lambda t: t.i)
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    cut = None
    for t in tokens[2:]:
        if speakers.is_dash(t) and t.i - first >= 3:
            cut = t.i
            break
        if (
            (t.dep_ in _ASIDE_DEPS or (t.dep_ == "prep" and t.lower_ in _ASIDE_PREPS))
            and t.left_edge.i - 1 > first + 2
            and doc[t.left_edge.i - 1].text == ","
            and t.right_edge.i >= last - 1
        ):
            cut = t.left_edge.i - 1
            break
        if _circumstance(t) and t.left_edge.i > first + 2 and t.right_edge.i >= last - 1:
            cut = t.left_edge.i
            break
    if cut is None:
        return tokens
    return [t for t in tokens if t.i < cut]


def _circumstance(clause: Token) -> bool:
    """An adverbial clause opened by a conjunction of circumstance ("as he faces", "even as
    officials railed")."""
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _CIRCUMSTANCE_MARKS and m.i <= clause.left_edge.i + 1
        for m in clause.children
    )


def outer_report(verb: Token, tree: DependencyIndex) -> Token | None:
    """The speech verb whose clause the parse hung a second report on: in "He said his attacks
    have worked and said that ..." the second "said" is a conjunct of "worked", but its subject
    is the first one's, not "his attacks"; likewise "adding" in "She told the paper that the
    mayor “...,” adding, “...”", hung on the reported clause's verb. Not when that verb is
    itself a speech verb with a subject: in "Comey cannot say that ..., Lewandowski added,
    saying ..." the parse hangs the aside "Lewandowski added" on the clause it reports, and
    who added is who is saying."""
    participle = verb.dep_ == "advcl" and verb.lower_.endswith("ing")
    if (verb.dep_ != "conj" and not participle) or not is_reporting_verb(verb.text):
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tree.children(verb)):
        return None
    head = verb.head
    if participle and is_speech_verb(head.text) and any(
        c.dep_ == "nsubj" for c in tree.children(head)
    ):
        return None
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "ccomp" and is_reporting_verb(head.head.text) and head.head.i < verb.i:
        return head.head
    return None


def _misparsed_clause(verb: Token, child: Token, tree: DependencyIndex) -> bool:
    """A clause the parser hung on a speech verb as its open complement: "He said legalizing it
    could put thousands to work" (said -xcomp-> legalizing -> put)."""
    return (
        child.dep_ == "xcomp"
        and child.i == verb.i + 1
        and is_speech_verb(verb.text)
        and not any(c.dep_ == "aux" for c in tree.children(child))
        and any(t.dep_ == "ccomp" and _is_clause(t, tree) for t in tree.subtree(child))
    )


def _clauses_after_an_aside(verb: Token, tree: DependencyIndex) -> list[Token]:
    """The clause "told analysts on a conference call that the plant would close" reports,
    which the parser hangs on "call" as a relative clause: a "that" there is a complementiser
    (mark), not a relative pronoun, and the clause has a subject of its own. The noun may sit
    deeper in the phrase ("said in one of a series of messages that ...", the clause hung on
    "series") or have an aside of its own before the clause ("said on CNN, where he is a
    contributor, that ...")."""
    if not is_speech_verb(verb.text):
        return []
    found = []
    for prep in tree.children(verb):
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for clause in tree.subtree(prep):
            if clause.dep_ != "relcl" or clause.head.dep_ != "pobj" or clause.i < clause.head.i:
                continue
            kids = tree.children(clause)
            mark = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "that"), None)
            if (
                mark is not None
                and mark.i == clause.left_edge.i
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids)
            ):
                found.append(clause)
                break
    return found


def _question_asked(verb: Token, child: Token, tree: DependencyIndex) -> bool:
    """The question of "asked the mayor if she would run again", which the parser hangs on
    "asked" as a condition (advcl), not as its clause. After a request to do something ("asked
    the crowd to clap if they agreed") the if-clause is that act's condition."""
    return (
        child.dep_ == "advcl"
        and child.i > verb.i
        and is_request_verb(verb.text)
        and any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in tree.children(child))
        and not any(c.dep_ == "xcomp" and c.i < child.i for c in tree.children(verb))
    )


def _addressed(verb: Token, tree: DependencyIndex) -> bool:
    """A passive participle opening a clause of its own ("Asked whether ...", "When told of
    ..."): the main clause's subject is the one asked or told, not the speaker."""
    return (
        verb.dep_ == "advcl"
        and verb.lower_ in _PARTICIPLES
        and not any(c.dep_ in _OWN_SUBJECT_DEPS for c in tree.children(verb))
        and all(t.dep_ in {"mark", "advmod", "punct"} for t in verb.doc[verb.left_edge.i : verb.i])
    )


def _asked_passive(verb: Token, tree: DependencyIndex) -> bool:
    """ "Mook was asked whether ...": the subject is the one asked, not the one asking."""
    return verb.lower_ == "asked" and any(c.dep_ == "auxpass" for c in tree.children(verb))


def _question_put(verb: Token, tree: DependencyIndex) -> list[Candidate]:
    """The question of "Asked whether ...", "when asked about the wall": its clause, or what it
    was about, with no speaker (the reporter who asked is not named), unless a by-agent names
    the asker ("Asked by the host if ...")."""
    out = []
    asker = next(
        (o for c in tree.children(verb) if c.dep_ == "agent"
         for o in tree.children(c) if o.dep_ == "pobj"),
        None,
    )
    for child in tree.rights(verb):
        if (
            (child.dep_ == "ccomp" and _is_clause(child, tree))
            or _question_asked(verb, child, tree)
            or (child.dep_ == "prep" and child.lower_ == "about" and child.i == verb.i + 1)
        ):
            question = _clause_of(child, tree, cue_span(verb), asker)
            if question is not None:
                out.append(question)
            break
    return out


def _statement_clause(verb: Token, tree: DependencyIndex) -> list[Token]:
    """ "The council said in a statement that care would not be affected": the parser hangs
    the that-clause on "statement" (a noun's content clause), but it is what was said."""
    if not is_speech_verb(verb.text):
        return []
    for prep in tree.children(verb):
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < verb.i:
            continue
        for noun in tree.children(prep):
            if noun.dep_ == "pobj" and noun.lower_ in _STATEMENT_NOUNS:
                return [
                    c for c in tree.children(noun)
                    if c.dep_ in {"acl", "ccomp"} and c.i > noun.i and _is_clause(c, tree)
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in tree.children(c))
                ]
    return []


#: Nouns for what a speech verb's words were given in: "said in a statement that ...".
_STATEMENT_NOUNS = frozenset(
    "statement statements interview interviews letter email post release tweet memo "
    "speech filing".split()
)


def _without_next_report(
    tokens: list[Token], heads: list[Token], tree: DependencyIndex
) -> list[Token]:
    """``tokens`` cut before a coordinated report: "... that X and suggested that Y" is two
    attributions, and the second verb yields its own."""
    cut = None
    for head in heads:
        for child in tree.children(head):
            if (
                child.dep_ in {"conj", "advcl"}
                and child.i > head.i
                and is_reporting_verb(child.text)
                and (
                    # "... that X and suggested that Y", "... and added: ..."; not "that it had
                    # received the report and would respond next week", which reports nothing
                    child.dep_ == "conj" and _reports_something(child, tree)
                    or any(c.dep_ == "ccomp" for c in tree.children(child))
                    or (is_stance_verb(child.text) and _stance_objects(child, tree))
                )
            ):
                cut = child.left_edge.i if cut is None else min(cut, child.left_edge.i)
    if cut is None:
        return tokens
    return [t for t in tokens if t.i < cut]


# Documents whose findings are put as an object: "The survey finds Clinton with a small lead",
# "Studies have found little evidence that ...". A person who finds something mostly comes upon
# it ("Police found the car"), so only a study, poll or report finds in this sense.
_FINDING_SUBJECTS = frozenset(
    "study studies poll polls survey surveys report reports analysis analyses research review "
    "audit".split()
)
_FIND_FORMS = frozenset(inflections("find"))


def _finding(verb: Token, subject: Token, tree: DependencyIndex) -> list[Token]:
    """The object of "find" with a study, poll or report as its subject, with what follows it
    in the clause ("finds Clinton with only a small lead"), up to a comma or a coordination."""
    if verb.lower_ not in _FIND_FORMS or subject.lower_ not in _FINDING_SUBJECTS:
        return []
    rights = tree.rights(verb)
    first = next((c for c in rights if c.dep_ == "dobj"), None)
    if first is None or first.lower_ in _BARE_OBJECTS:
        return []  # "The poll found that, ...": the complementiser taken for an object
    out: list[Token] = []
    for child in rights:
        if child.i < first.i:
            continue
        if child.dep_ in {"cc", "conj"} or child.is_punct:
            break
        out.extend(tree.subtree(child))
    return out


def _without_trailing_source(tokens: list[Token], tree: DependencyIndex) -> list[Token]:
    """``tokens`` cut before an "according to X" that ends them: in "Most voters said that the
    economy is worse, according to a poll" the poll is the source of the whole report (the
    phrase's own attribution), not part of what the voters said."""
    if not tokens:
        return tokens
    tokens = sorted(tokens, key=lambda t: t.i)
    doc, last = tokens[0].doc, tokens[-1].i
    for t in tokens[1:]:
        if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
            continue
        end = max(u.i for u in tree.subtree(t))
        if all(doc[k].is_punct or doc[k].is_space for k in range(end + 1, last + 1)):
            return [u for u in tokens if u.i < t.i]
    return tokens


def _quotation_reported_inside(tokens: list[Token], quoted: list[int]) -> bool:
    """Whether a clause before its verb holds a quotation closed by a speech verb with its own
    subject: in "“A,” he said, and then “B,” said Whitcombe" the parse hangs all before "said
    Whitcombe" on it, yet each quotation has its own cue, which the cue strategy gives it."""
    for tok in tokens:
        if quoted[tok.i] >= 0 or not is_speech_verb(tok.text):
            continue
        subject = speakers.speaker_token(tok)
        if subject is None or quoted[subject.i] >= 0:
            continue
        # the quotation closes right before the verb or before its subject ("“A,” she said")
        k = _index_before(min(tok, subject.left_edge))
        if k >= 0 and quoted[k] >= 0:
            return True
    return False


def _reported_between(
    verb: Token, first: Token, tree: DependencyIndex, quoted: list[int]
) -> bool:
    """Whether a speech clause with a subject of its own hangs on ``verb`` between it and the
    clause after it: in "“A,” Alvarez said as the heckler yelled: “B”" the parse can hang "B"
    on "said", but the heckler yelled it (the cue strategy gives it to "yelled")."""
    return any(
        c.dep_ == "advcl"
        and verb.i < c.i < first.left_edge.i
        and is_speech_verb(c.text)
        and any(s.dep_ == "nsubj" and quoted[s.i] < 0 for s in tree.children(c))
        for c in tree.children(verb)
    )


def _subject_taken_for_a_clause(
    verb: Token, clauses: list[Token], tree: DependencyIndex, quoted: list[int]
) -> tuple[Token, list[Token]] | None:
    """A verb with no subject, a clause after it and an unquoted "clause" before it: the parse
    took the subject for a clause ("Ruth Adler, a Boca Raton, Fla., rabbi with a small
    congregation, said the plan ...": "rabbi" a verb with "Adler" its subject). The speaker is
    that clause's subject, set off by a comma as a description follows, and only the clause
    after the verb is content."""
    before = [c for c in clauses if c.i < verb.i]
    after = [c for c in clauses if c.i > verb.i]
    if len(before) != 1 or not after:
        return None
    side = before[0]
    if any(quoted[t.i] >= 0 for t in tree.subtree(side)):
        return None  # "“A,” he said, “B”" is two quotations
    speaker = next((c for c in tree.children(side) if c.dep_ == "nsubj"), None)
    doc = verb.doc
    if speaker is None or speaker.i + 1 >= verb.i or doc[speaker.i + 1].text != ",":
        return None  # "Adler offered him a job, and ... said": a clause of its own
    if doc[verb.i - 1].text != ",":
        return None  # the description ends at a comma before the verb
    return speaker, after


def _reports_something(verb: Token, tree: DependencyIndex) -> bool:
    """A coordinated reporting verb with words of its own: a clause, an object, or a colon
    or quotation after it; not one with a modal ("and would respond to critics"), which is
    what the content says will happen."""
    if _unrealised(verb, tree):
        return False
    return any(
        c.dep_ in {"ccomp", "xcomp", "dobj", "parataxis", "prep"} or c.text == ":"
        for c in tree.children(verb) if c.i > verb.i
    ) or (verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].is_quote)


def _stance_objects(verb: Token, tree: DependencyIndex) -> list[Token]:
    """What a stance verb is about: its object, predicate or to-infinitive after it.

    "called for X" and "called on X to" keep their preposition: the content is what follows.
    """
    out: list[Token] = []
    rights = tree.rights(verb)
    # "called Mr. Yanukovych, a former coal trucking director, an outstanding leader": the
    # predicate comes after the object's apposition, commas and all, and ends the content
    predicate = next((c for c in rights if c.dep_ == "oprd"), None)
    for child in rights:
        if out and out[-1] is predicate:
            break
        if child.dep_ in _STANCE_OBJECT_DEPS:
            out.append(child)
        elif predicate is not None and child.dep_ == "punct" and child.i < predicate.i:
            continue
        elif child.dep_ == "prep" and (
            (child.lower_ in _STANCE_PREPS and (out or child.i == verb.i + 1)
             and not (out and child.lower_ in _NOT_AFTER_OBJECT))
            # "described the plan as “a fantasy”": the predicate is what was said of it
            or (child.lower_ == "as" and out)
        ):
            out.append(child)
        elif out and (
            child.dep_ in {"cc", "conj"}
            or (child.dep_ == "punct" and child.text not in OPENING_CHARS + CLOSING_CHARS)
        ):
            break
    if len(out) == 1 and out[0].dep_ == "dobj" and out[0].lower_ in _BARE_OBJECTS:
        return []  # "defended himself", "called it": nothing said
    if is_choice_verb(verb.text) and not any(_holds_clause(c, tree) for c in out):
        return []  # "rejected a pay offer", "welcomed the decision": an act, not a view
    if is_labelling_verb(verb.text) and not any(c.dep_ == "prep" and c.lower_ == "as" for c in out):
        # "named five people to the committee", "named Dorsey its chief executive": an act
        return []
    if is_striving_verb(verb.text) and (verb.dep_ == "acl"
                                        or not any(c.dep_ == "xcomp" for c in out)):
        # "sought reelection": a thing pursued, no aim put in words; "soldiers seeking to leave
        # the army": who they are, not what they said they aim at
        return []
    if is_request_verb(verb.text) and not any(_holds_clause(c, tree) for c in out):
        return []  # "asked me a question": what was asked is not given
    if is_request_verb(verb.text) and any(c.dep_ == "xcomp" and c.lower_ in _ANONYMITY
                                          for c in out):
        return []  # "the person, who asked not to be named, said": asking for anonymity
    if is_refusal_verb(verb.text) and any(
        c.dep_ == "xcomp" and (is_speech_verb(c.text) or c.lower_ in _HOLDING_BACK) for c in out
    ):
        return []  # "declined to comment", "refused to say whether ...": nothing was said
    return out


def _takes_no_clause(verb: Token) -> bool:
    """Verbs of labelling take an object, never a that-clause: a clause the parse hangs on them
    is the next sentence's ("It lists steps taken. For instance, the paper notes ...")."""
    return is_labelling_verb(verb.text)


def _without_leading_preposition(objects: list[Token], tree: DependencyIndex) -> list[Token]:
    """``objects`` with a first preposition replaced by what it governs: in "called for a
    special prosecutor" and "spoke about the economy" the preposition goes with the cue, and
    what was called for or spoken about is the content (PolNeAR puts "for", "about", "on" in
    the cue; on train 2,000 cues end in one, 64 contents start with "about")."""
    if not objects or objects[0].dep_ != "prep":
        return objects
    governed = [c for c in tree.children(objects[0]) if c.dep_ in {"pobj", "pcomp"}]
    return [*governed, *objects[1:]] if governed else objects


# A speech verb that, before a gerund, says an act goes on ("continued campaigning").
_GOING_ON = frozenset(inflections("continue"))


def _said_objects(verb: Token, tree: DependencyIndex, quoted: list[int]) -> list[Token]:
    """What a speech verb without a clause says: its object ("mentioned the wall", "expressed
    frustration"), the gerund right after it ("reported spending $1 million") or what it is
    about ("spoke about the economy").

    "on" and "to" are left out: "said on Twitter", "spoke to reporters" name a medium or an
    audience. An object that says nothing ("said little", "said them") gives no content."""
    k = _index_before(verb)
    inverted = k >= 0 and quoted[k] >= 0
    out: list[Token] = []
    for child in tree.rights(verb):
        if (child.dep_ == "xcomp" and child.lower_.endswith("ing") and child.i == verb.i + 1
                and verb.lower_ not in _GOING_ON):
            # "reported spending $1 million on ads", "suggested raising the wage": the act
            # the words are about
            out.append(child)
            break
        if child.dep_ == "dobj" and is_object_said_verb(verb.text):
            if (
                child.lower_ in _BARE_OBJECTS
                or child.lower_ in _EMPTY_OBJECTS
                # "“...,” tweeted Hanover's mayor": the speaker after the verb, parsed as its
                # object. Not "did not mention Trump": PolNeAR gives the name as what was (not)
                # said (on train 20 such attributions, none lost when they are kept)
                or (inverted and child.ent_type_ in SPEAKER_LABELS)
            ):
                return []
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _ABOUT_PREPS and not out:
            out.append(child)
            break
        elif out and child.dep_ in {"cc", "conj", "punct", "prep"}:
            break
    return out


def _holds_clause(head: Token, tree: DependencyIndex) -> bool:
    """A complement that is a clause, or a noun with one ("claims that he lied")."""
    if head.dep_ in {"xcomp", "ccomp"}:
        return True
    return any(c.dep_ in {"acl", "ccomp"} and _is_clause(c, tree) for c in tree.children(head))


def _is_source(subject: Token) -> bool:
    """A subject that can hold a view. PolNeAR-style attribution counts polls, reports and
    bodies as sources too, so only demonstratives and question words are ruled out."""
    return subject.lower_ not in _NOT_SOURCES


# Verbs of taking a side: with a modal they still state a position held now ("She would support a
# ban", "He will not endorse Trump"), unlike an intention ("will seek to").
_POSITIONS = frozenset(
    form for base in "support oppose endorse back favor favour".split()
    for form in inflections(base)
)


def _position(verb: Token, tree: DependencyIndex) -> bool:
    """A verb of taking a side with a modal of its own, not a to-infinitive ("urged them to
    back", "is expected to endorse": someone else's wish or guess)."""
    return verb.lower_ in _POSITIONS and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tree.children(verb)
    )


def _unrealised(verb: Token, tree: DependencyIndex) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_.replace("\u2019", "'") in _MODALS for c in tree.children(verb)
    )


def _small_clause(verb: Token, head: Token, tree: DependencyIndex) -> bool:
    """"Police found the car abandoned in a lay-by": the state a thing was found in, a bare
    participle, not a finding put in words ("found that the driver had been drinking", "found
    the pilot ignored warnings"). The pipeline runs no tagger, so the participle is read off its
    form: "-ed"/"-en" with no auxiliary, "that" or object of its own."""
    return (
        verb.lower_ in _FIND_FORMS
        and head.lower_.endswith(("ed", "en"))
        and not any(c.dep_ in _FINITE_SIGNS for c in tree.children(head))
        # "The poll finds Johnson supported by 13 percent": a poll's finding all the same
        and not any(c.dep_ == "nsubj" and c.lower_ in _FINDING_SUBJECTS
                    for c in tree.children(verb))
    )


_FINITE_SIGNS = {"aux", "auxpass", "mark", "dobj", "ccomp", "xcomp", "attr", "acomp", "dative"}


def _is_clause(head: Token, tree: DependencyIndex) -> bool:
    """A complement with a subject or a complementiser: a statement, not "find it difficult"."""
    deps = {c.dep_ for c in tree.children(head)}
    return bool(deps & {"nsubj", "nsubjpass", "expl", "mark", "csubj"}) or head.is_punct


def _in_source(prep: Token, tree: DependencyIndex) -> Candidate | None:
    """ "In a CNN poll released Monday, 50 percent chose Clinton": the poll says so."""
    objs = [c for c in tree.children(prep) if c.dep_ == "pobj" and c.lower_ in _SOURCE_DOCUMENTS]
    # a phrase fronted before its clause, or one poll after it: "ahead in the polls" is no source
    if not objs or prep.head.dep_ == "prep":
        return None
    if prep.i > prep.head.i and not _one_poll_on_its_clause(prep, objs[0]):
        return None
    return _content_around(prep, prep, objs[0], (prep.idx, prep.idx + len(prep)), tree)


def _one_poll_on_its_clause(prep: Token, poll: Token) -> bool:
    """ "Trump took 45 percent of the vote in a new Fox News poll": after its clause, a phrase
    naming one poll is the clause's source, when it hangs on the clause's own verb, which
    reports nothing itself. Not the plural: "ahead in the polls", "rose in national polls" say
    how a race stands, which PolNeAR mostly leaves unattributed."""
    verb = prep.head
    return (
        poll.lower_ in {"poll", "survey"}
        and verb.dep_ in {"ROOT", "ccomp", "conj", "advcl", "parataxis"}
        and not is_reporting_verb(verb.text)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _referring_to(referring: Token, tree: DependencyIndex) -> Candidate | None:
    """ "“...,” Manchin said, referring to the number of seats Democrats control": whom or what
    the speaker's words were about is the speaker's too. Only as an adjunct of a verb whose
    subject it shares, so "a term referring to ..." is no one's."""
    if referring.dep_ != "advcl":
        return None
    subject = speakers.speaker_token(referring)
    to = referring.doc[referring.i + 1]
    objs = [c for c in tree.children(to) if c.dep_ == "pobj"]
    if subject is None or not objs or not _is_source(subject):
        return None
    return _clause_of(objs[0], tree, (referring.idx, to.idx + len(to)), subject)


def _according_to(according: Token, tree: DependencyIndex) -> Candidate | None:
    to = according.doc[according.i + 1]
    objs = [c for c in tree.children(to) if c.dep_ == "pobj"] or [
        c for c in tree.children(according) if c.dep_ == "pobj"
    ]
    source = objs[0] if objs else None
    return _content_around(according, to, source, (according.idx, to.idx + len(to)), tree)


# What a source phrase after a comma vouches for when it follows an addition set off by a comma
# rather than the clause itself: "..., which stood at 263, according to the AP" (a relative
# clause), "..., with two-thirds of the money coming from men, according to the data" (an
# absolute "with"). On PolNeAR train the attribution's content is the addition. Not an
# apposition: "..., the ambassador, Ana Ruiz, according to the memo" vouches for the clause, and
# a name alone is nothing said.
_VOUCHED_ASIDE_DEPS = {"relcl"}


def _aside_vouched_for(
    according: Token, head: Token, tree: DependencyIndex
) -> list[Token] | None:
    """The tokens of the addition right before ", according to ...", when the clause ``head``
    ends in one; None when the phrase follows the clause itself."""
    doc = according.doc
    k = according.i - 1
    if k <= head.i or doc[k].text != ",":
        return None
    last = doc[k - 1]
    found = None
    node = last
    # the constituents ending right before the comma, innermost first, up to the clause
    # (the parse may hang the comma on the addition itself)
    while node.i != head.i and node.right_edge.i in (last.i, k) and node.head.i != node.i:
        before = doc[node.left_edge.i - 1] if node.left_edge.i > 0 else None
        set_off = before is not None and before.text == "," and before.i > head.left_edge.i
        if set_off and node.dep_ in _VOUCHED_ASIDE_DEPS:
            found = tree.subtree(node)
        elif set_off and node.dep_ == "prep" and node.lower_ == "with":
            objects = [c for c in tree.children(node) if c.dep_ in {"pobj", "pcomp"}]
            found = [t for c in objects for t in tree.subtree(c)] or None
        node = node.head
    return found


def _content_around(
    according: Token,
    to: Token,
    source: Token | None,
    cue: tuple[int, int],
    tree: DependencyIndex,
) -> Candidate | None:
    """The clause a source phrase ("according to X", "in a poll") is attached to, without it."""
    head = according.head
    while (
        head.dep_ not in {"ROOT", "ccomp", "conj", "advcl", "parataxis"} and head.head is not head
    ):
        head = head.head
    # "Most voters said that the economy is worse, according to a poll": the poll vouches for
    # the whole report, though the parse hangs the phrase on the reported clause
    while (
        according.i > head.i
        and head.dep_ == "ccomp"
        and head.head.i < head.i
        and is_reporting_verb(head.head.text)
        and max(t.i for t in tree.subtree(head)) <= max(t.i for t in tree.subtree(according)) + 1
    ):
        head = head.head
    skip = {t.i for t in tree.subtree(according)} | {according.i, to.i}
    # the content is the clause on the side of the phrase where its verb is: "X rose, according
    # to Y, more than ..." is about "X rose"
    last = max(skip)
    if according.i > head.i:
        tokens = [t for t in tree.subtree(head) if t.i < according.i]
        aside = _aside_vouched_for(according, head, tree)
        if aside is not None:
            tokens = [t for t in aside if t.i < according.i]
        # "At the same time, the tax has not hurt: London was the capital, according to one
        # index": the source vouches for what follows the colon, the writer said the rest
        breaks = [t.i for t in tokens if t.text in {":", ";"}]
        if breaks:
            tokens = [t for t in tokens if t.i > breaks[-1]]
    else:
        tokens = [t for t in tree.subtree(head) if t.i > last]
    start, end = trimmed_span(tokens)
    if start is None:
        return None
    return _clause(start, end, cue, source)
