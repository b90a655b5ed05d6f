"""Who said it: the speaker mention of a reporting cue, and the name that mention stands for.

Two steps, both pure functions over the parse:

- ``speaker_token`` / ``mention_span`` find the mention as written: the subject of the reporting
  verb ("He", "Chuviliaev", "a spokesperson for Go By The Forest"), or the object of "according to".
- ``SpeakerResolver`` turns a mention into a name (issue 12):
  - a named mention into the article's full name for it ("Zelensky", "President Zelensky" ->
    "Volodymyr Zelensky"; see ``speaker_names.ArticleNames``: never a headline fragment, an
    epithet or a sentence the NER ran on into);
  - "he"/"she" into the salient person of the sentences before it, nearest sentence first,
    the subject before other mentions, a same pronoun subject by its own antecedent (the
    current speaker of the passage), never a person of the other gender (a "Mr."/"Mrs." title,
    else the first name) and never a name inside quotation marks (someone the speaker talks
    about); "they"/"it" likewise into an organisation (or a place);
  - "who"/"which" into the noun the relative clause hangs on (the mention itself stays "who",
    as annotators mark it);
  - a description with a name in apposition into that name ("The health minister, Robert
    Castellano"; "The transport operator, Portmere Transit", a title-case name the NER missed);
    "the mayor"/"the senator" into the person given that role, or, when nobody was, the person
    the next sentences introduce; "the department"/"the council"/"the appeals court"/"police"
    into an organisation whose name holds the noun (and its noun modifiers); "the Clinton
    campaign" into "Clinton campaign"; "the poll" into its author;
  - "her office", "Hollis's spokesman" into the one they speak for;
  - "a spokesperson for X" (a role noun with "for"/"of"/"at" and a named organisation) into X:
    the organisation is what the article names and what an entities join can use; the person
    stays recoverable from ``speaker_start``/``speaker_end``. A capitalised subject the NER
    missed ("Mediazone, a Russian website") is its own name. An unnamed mention ("a source"),
    a pronoun or a job title alone gets None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from transforms.entities import EntityMention
from transforms.entity_labels import GROUP_LABELS, NAMED_LABELS, PERSON_LABELS
from transforms.entity_spans import PERSON_TITLES
from transforms.speaker_names import ArticleNames, role_noun, without_leading_titles

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A subordinate verb shares its governor's subject: "Trump spoke, adding that ...",
# "She went on to say ...", "He emphasized X and said Y"; so does an adjective's ("Older voters
# were more likely to say ...", "Her aides are quick to point out ...", "The airline is worried
# that ...").
_SHARES_SUBJECT = {"conj", "xcomp", "advcl", "acomp"}
# Right-hand parts of a subject that belong to the mention: "a spokesperson for X", "a person
# familiar with the talks" (without the adjective, speaker_text was just "a person").
_MENTION_RIGHT = {"prep", "pobj", "compound", "flat", "nummod", "amod"}

_RELATIVE = {"who", "which", "that"}
# Definite descriptions that stand for the organisation last named ("the company said").
_ORGANISATION_NOUNS = frozenset(
    """
    company firm group organisation organization agency ministry department bank campaign
    party union corporation network newspaper paper committee foundation institute council
    commission board authority court university college hospital museum
    """.split()
)
# Who speak for the person or body that owns them: "her office", "Gowdy's spokesman".
_SPEAKS_FOR_OWNER = frozenset("office spokesman spokeswoman spokesperson".split())
# Of those, the ones that say little about which organisation: the nearest one named will do.
# The others want a name that holds them ("the department" -> "Labor Department"; "the party"
# is no "Cadillac" named just before).
_GENERIC_ORGANISATION_NOUNS = frozenset(
    "company firm group organisation organization agency corporation".split()
)
# Words in a newspaper's name, for "the newspaper" / "the paper" (kinds of name, not outlets).
_NEWSPAPER_WORDS = frozenset(
    "times post journal news herald tribune gazette daily globe chronicle press".split()
)
# Lower-case words inside an organisation's name ("Go By the Forest", "Bank of England").
_NAME_LINKS = {"by", "the", "of", "for", "and", "&", "on", "in"}
_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_GROUP = {"they", "them", "it"}
# Labels of names that speak; a PRODUCT or WORK_OF_ART span over a speaker is a tagging slip.
_SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "FAC"}


_NAMED_SUBJECT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def speaker_token(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the verb it depends on, if any."""
    tok = verb
    for _ in range(4):
        subjects = [child for child in tok.children if child.dep_ in _SUBJECT_DEPS]
        subjects = [s for s in subjects if not _dateline(s)] or subjects
        if len(subjects) > 1:
            # two subjects is a misparse of a title and a name ("Patients' group chair Hannah
            # Weiss said": "chair" and "Weiss"): the named one speaks; before the verb, the
            # named one nearest it, or else the nearest ("CLEVELAND, July 19 (UPI) — Former
            # Attorney General Michael Mukasey told", "His final assessment: “...,” he said":
            # a phrase fronted before the subject), past a floating "both" or "all"
            named = [s for s in subjects if s.ent_type_ in _NAMED_SUBJECT_LABELS]
            if any(s.i > tok.i for s in subjects):
                return named[0] if named else subjects[0]
            nearest = [s for s in subjects if s.lower_ not in _FLOATING_QUANTIFIERS]
            return (named or nearest or subjects)[-1]
        if subjects:
            return subjects[0]
        for child in tok.children:
            # passive with a by-agent: "..., was announced by the ministry"
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if _main_verb_after_an_aside(tok):
            # "Mayor Linda Frost, who is seeking a third term, posted on Monday to say ...":
            # the parse hangs the main verb on the subject as a modifier, past the aside
            return tok.head
        if tok.dep_ == "acl" and tok.lower_.endswith("ing"):
            noun = tok.head
            if noun.dep_ == "dobj" and (
                noun.lower_ in _ISSUED_NOUNS or noun.head.lower_ in _SENDING_VERBS
            ):
                # "Carr released a statement confirming ...": who released it speaks
                issuer = [c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS]
                if issuer:
                    return issuer[0]
            return noun  # "footage of Trump saying ...": Trump
        if tok.dep_ in _SHARES_SUBJECT and tok.head is not tok:
            tok = tok.head
        else:
            break
    return None


# Quantifiers that float after the subject they count ("Party elders — ... — both suggested").
_FLOATING_QUANTIFIERS = {"both", "all", "each"}


def _main_verb_after_an_aside(verb: Token) -> bool:
    """A verb the parse made a modifier (acl) of the noun before it, right after a comma that
    closes the noun's relative clause or apposition: the sentence's main verb, the noun its
    subject."""
    doc = verb.doc
    if verb.dep_ != "acl" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return False
    return any(
        c.dep_ in {"relcl", "appos"} and c.right_edge.i == verb.i - 2 for c in verb.head.children
    )


def _dateline(subject: Token) -> bool:
    """"DENVER, March 3 (UPI) — A former senator told ...": the place in capitals, parsed as a
    second subject, ends at the dash that opens the story ("Party figures — whose ... — both
    said" ends at a dash too, but its head is no dateline in capitals)."""
    return subject.is_upper and len(subject) > 1 and subject.right_edge.text in _DASHES


# What a speaker issues that then "says" something: "released a statement saying ...".
_ISSUED_NOUNS = frozenset(
    """statement statements response letter message messages note memo report email emails
    tweet tweets release""".split()
)


# Verbs whose object "says" what the subject sent: "emailed supporters saying ...".
_SENDING_VERBS = frozenset(
    """email emails emailed texted sent sends wrote writes tweeted posted""".split()
)


_DASHES = {"-", "\u2013", "\u2014", "--"}


def _looks_like_full_name(written: str) -> bool:
    """Two to four capitalised words of letters ("Dolores Haight", "Mary Ann O'Neill")."""
    words = written.split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and w.replace("'", "").replace("-", "").replace(".", "").isalpha()
        for w in words
    )


def is_dateline(token: Token) -> bool:
    """A wire dateline's place opening a paragraph: "CHICAGO — ...", "LONDON (Reuters) - ...",
    which the parse can take for the subject of the sentence's verb."""
    doc = token.doc
    if not token.is_upper or (token.i > 0 and "\n" not in doc[token.i - 1].text):
        return False
    k = token.i + 1
    while k < len(doc) and k <= token.i + 4 and not is_dash(doc[k]):
        if doc[k].text == "\n" or doc[k].text == ".":
            return False
        k += 1
    return k < len(doc) and is_dash(doc[k])


def is_dash(token: Token) -> bool:
    """A dash between words ("LONDON - The", "plan — a"); a hyphen is one only with spaces
    around it ("Jean-Pierre", "pro-life" are three tokens)."""
    if token.text != "-":
        return token.text in _DASHES
    doc = token.doc
    return token.i > 0 and bool(doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def joins_a_word(token: Token) -> bool:
    """A hyphen inside a word ("voice-over", "Ofori-Atta"), which the tokenizer splits off."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
    )


def mention_span(head: Token) -> tuple[int, int]:
    """Character span of the mention headed by ``head``, without appositions or clauses.

    "Ivan Chuviliaev, a spokesperson for ..." -> "Ivan Chuviliaev"; "a spokesperson for Go By The
    Forest" stays whole.
    """
    doc = head.doc
    start = head.left_edge.i
    # never with the dateline: "LONDON (Reuters) - Health minister Ana Ruiz" starts at "Health"
    if start < head.i and is_dateline(doc[start]):
        dashes = [t.i for t in doc[start:head.i] if is_dash(t)]
        if dashes:
            start = dashes[0] + 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space
                              or doc[start].lower_ in _WH_ADVERBS):
        # "That was how captain Jordan Mbeki summed up ...": the parse hangs "how" on the name
        start += 1
    # "Ofori-Atta said": a hyphenated name the parser split at its hyphen, hanging the first
    # part elsewhere
    while (start >= 2 and joins_a_word(doc[start - 1]) and doc[start - 2].is_title
           and doc[start].is_title):
        start -= 2
    end = head.i
    for child in head.rights:
        if child.dep_ not in _MENTION_RIGHT or any(
            t.is_punct for t in doc[end + 1 : child.left_edge.i]
        ):
            break
        end = child.right_edge.i
    while end > head.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end])


class _InsideQuote:
    """Whether an offset is inside one of an article's quotations (``spans``, character pairs).

    A callable of its own, not a method of the resolver that hands it to ``ArticleNames``: a
    bound method there made resolver -> names -> method -> resolver a reference cycle, so every
    article's Doc (its tokens, tensor and memory pool) waited for Python's cyclic collector
    instead of going when the article was done, and a worker's memory rose and fell by tens of
    MB with the collector's rounds.
    """

    __slots__ = ("_spans",)

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = sorted(spans)

    def __call__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._spans, (offset, float("inf"))) - 1
        return i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]


class SpeakerResolver:
    """Resolves speaker mentions of one article to names, given its entities and quotations.

    Everything it learns about the article (full names, genders, roles) is built on first use
    from the entity list and cached, so the cost is per quote, not per token.
    """

    def __init__(
        self, doc: Doc, entities: Sequence[EntityMention], quoted: Sequence[tuple[int, int]],
        text: str | None = None,
    ) -> None:
        self._doc = doc
        # ``doc.text`` is rebuilt from all the tokens on every access: read it once, or not at
        # all when the caller has it
        self._text = doc.text if text is None else text
        self._inside_quote = _InsideQuote(quoted)
        self._entities = sorted(entities, key=lambda e: e.start)
        self._starts = [e.start for e in self._entities]
        self.names = ArticleNames(doc, self._text, self._entities, self._inside_quote)
        # (labels, gender) -> the entities ``antecedent`` may return for them, and their starts
        self._eligible: dict[tuple[frozenset[str], str | None], list[EntityMention]] = {}
        self._eligible_starts: dict[tuple[frozenset[str], str | None], list[int]] = {}
        self._named: dict[str, int] | None = None
        # token index of a pronoun -> its name: a pronoun chain is resolved once
        self._pronouns: dict[int, str | None] = {}
        self._author: list[str | None] = []  # the bio line's person, once looked for
        self._things: dict[int, bool] = {}  # entity start -> _names_a_thing

    def entity_at(self, start: int, end: int, labels: set[str]) -> EntityMention | None:
        """The first entity with one of ``labels`` inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._entities) and self._entities[i].start < end:
            e = self._entities[i]
            if e.end <= end and e.label in labels:
                return e
            i += 1
        return None

    def entity_covering(self, offset: int) -> EntityMention | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._entities[i].start <= offset < self._entities[i].end:
            return self._entities[i]
        return None

    def name_of(self, e: EntityMention) -> str | None:
        """The speaker name an entity mention stands for (a person by the article's full name,
        an acronym by the name it abbreviates)."""
        written = self._text[e.start : e.end]
        if e.label in PERSON_LABELS:
            return self._as_company(e) or self.names.person_name(written, e.start)
        if e.label == "ORG":
            if " " not in written and not self.names.organisation_short_form(written):
                # a bare surname the model took for an organisation ("Mbeki said"): the
                # article's person of that name, if it has one and no organisation starts so
                person = self.names.known_person(written, e.start)
                if person is not None:
                    return person
            return self.names.organisation_name(written) or e.canonical
        return e.canonical

    def antecedent(self, before: int, labels: set[str], gender: str | None = None) -> str | None:
        """Name of the nearest entity with ``labels`` ending before ``before`` (outside quotes,
        of a compatible gender when ``gender`` is given)."""
        key = (frozenset(labels), gender)
        if key not in self._eligible:
            self._eligible[key] = self._eligible_antecedents(labels, gender)
            self._eligible_starts[key] = [e.start for e in self._eligible[key]]
        eligible = self._eligible[key]
        i = bisect.bisect_left(self._eligible_starts[key], before) - 1
        while i >= 0:
            e = eligible[i]
            i -= 1
            if e.end > before:
                continue
            return self.name_of(e)
        return None

    def _eligible_antecedents(self, labels: set[str], gender: str | None) -> list[EntityMention]:
        # Filtered once per kind of pronoun: walking back over every entity per pronoun was
        # quadratic when few of them qualify (all quoted, other labels, the other gender).
        out = []
        for e in self._entities:
            if e.label not in labels or self._inside_quote(e.start):
                continue
            if self.names.in_headline(e.start):
                continue
            if gender is not None and e.label in PERSON_LABELS:
                if self._as_company(e):
                    continue
                known = self.names.gender(self.name_of(e))
                if known is not None and known != gender:
                    continue
            out.append(e)
        return out

    def _person_after_workplace(self, head: Token) -> str | None:
        """"An analyst at Brightwater Securities, Naomi Feld, said": the parse hangs the name on
        the workplace, but it is the analyst's name (of a noun for no organisation)."""
        if not head.is_lower or head.lower_ in _ORGANISATION_NOUNS:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"at", "for", "with", "of"}:
                continue
            for noun in prep.children:
                for appos in noun.children:
                    e = self.entity_covering(appos.idx) if appos.dep_ == "appos" else None
                    if e is not None and e.label in PERSON_LABELS:
                        return self.name_of(e)
        return None

    def _as_company(self, e: EntityMention) -> str | None:
        """The organisation a one-word PERSON mention is the short name of ("Castellan" of
        "Castellan Freight Systems", "Corrister" of "Corrister Foods"), when the article gives
        no person that name ("Trump" of "Trump Tower" is Donald Trump); else None. Its name,
        and no "he" or "she"."""
        written = self._text[e.start : e.end]
        if e.label not in PERSON_LABELS or " " in written:
            return None
        company = self.names.organisation_short_form(written)
        if company is None or self.names.person_name(written, e.start) != written:
            return None
        return company

    def resolve_written(self, start: int, end: int) -> str | None:
        """The name for a mention that is a bare name label ("PENCE", "Sonya Herridge")."""
        return _a_name(self._resolve_written(start, end))

    def _resolve_written(self, start: int, end: int) -> str | None:
        e = self.entity_at(start, end, NAMED_LABELS)
        named = self.name_of(e) if e is not None else None
        if named is not None:
            return named
        written = self._text[start:end]
        if written.isupper() and len(written.split()) == 1:
            # a transcript's "PENCE:" is the article's Mike Pence
            return self.names.person_name(written.title(), start)
        found = self.names.person_name(written, start) if written.strip() else None
        if found is None and _looks_like_full_name(written):
            # a signature the NER took for nothing, or for a place ("- Dolores Haight,
            # Bakersfield." under a letter): written as a name, where only a name goes
            return written
        return found

    def resolve(
        self, head: Token, start: int, end: int, previous_speaker: str | None = None
    ) -> str | None:
        """The name the mention ``[start, end)`` headed by ``head`` stands for, or None.

        ``previous_speaker``: the name on the quote before this one in the passage, if the
        caller knows it; a pronoun that could be either it or a nearer person prefers it.
        """
        name = _a_name(self._resolve(head, start, end, previous_speaker))
        if name is None:
            return None
        return self._joint_names(head, name) or name

    def _joint_names(self, head: Token, name: str) -> str | None:
        """"The New York Times and the Gannett newspaper chain filed": every source of a
        coordinated subject, joined with " and " in text order (the labelling conventions'
        joint named sources), or None when it is no such subject.

        Only where each conjunct is written as a name (a PERSON, ORG or GPE entity; the first
        may be "he"/"she"): "Trump and his allies" is an open group, and "Steve Bell, a
        director, and a Republican who ..." one person the parser coordinated with himself. On
        PolNeAR train, 174 speaker mentions have a conjunct; of the 50 this joins, 48 name both
        sources (hand-checked).
        """
        conjuncts = [t for t in head.conjuncts if t.i > head.i]
        if not conjuncts or not _named_conjunct(head, first=True):
            return None
        coordinated = [head, *sorted(conjuncts)]
        links = [
            c.lower_ for tok in coordinated for c in tok.children if c.dep_ in {"cc", "preconj"}
        ]
        # "Neither Cruz nor Christie", "Clinton or Sanders": no joint source; and no "and" at
        # all is a list the parser coordinated ("from Rubio to, now, Cruz, Wilkin said")
        if any(w not in {"and", "&", "both"} for w in links) or not {"and", "&"} & set(links):
            return None
        names = [name]
        head_entity = self.entity_covering(head.idx)
        for tok in sorted(conjuncts):
            if not _named_conjunct(tok) or (
                head_entity is not None and self.entity_covering(tok.idx) is head_entity
            ):
                return None  # "Procter & Gamble": one name
            found = _a_name(self._resolve(tok, *mention_span(tok), None))
            if found is None:
                return None
            if found not in names:
                names.append(found)
        return " and ".join(names) if len(names) > 1 else None

    def _resolve(
        self, head: Token, start: int, end: int, previous_speaker: str | None
    ) -> str | None:
        word = head.lower_
        if word in _RELATIVE:
            # "the ministry, which said ...", "Smith, who said ...": the noun the clause hangs on
            noun = _relative_antecedent(head)
            if noun is None:
                return None
            if noun.conjuncts and (
                any(t.i > head.i for t in noun.conjuncts) or not _plural_clause(head.head)
            ):
                # "Trump, who has called it 'insanity', and Sanders", "Will Smith, Patti
                # LaBelle and Stevie Wonder, who joked": the clause is of one of them, unless
                # it says it is of all ("Sanders and O'Malley, who both back ...")
                return self._resolve(noun, *mention_span(noun), None)
            return self.resolve(noun, *mention_span(noun))
        if head.text == "I" and not any(True for _ in head.lefts):  # not "Title I"
            # outside quotation marks, "I" is the author of an opinion piece or a first-person
            # column: the person its closing bio line is about
            return self.author()
        if word in _MALE or word in _FEMALE:
            return self._pronoun(head, start, "m" if word in _MALE else "f", previous_speaker)
        if word in _GROUP:
            return self._group_pronoun(head, start)
        around = self._person_around(head) if word in _ASSOCIATES and not head.ent_type_ else None
        if around is not None:
            # "a Clinton aide", "Supporters of Mr. Brandt": unnamed people around the one
            # named, who is not the speaker (a spokesperson speaks for them: below); "A top
            # Trump adviser says ... / Ed Brookover spoke to reporters": the one named next,
            # unless the article gives them to someone else ("The Whitfield campaign's
            # spokeswoman, Dana Kowalski" after "A Brandt aide said")
            if any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in head.children):
                found = self._introduced_after(head, start)
                if found is not None and not self._given_to_another(found, around):
                    return found
            return None
        if not head.ent_type_:
            # a description with the name in apposition: "The health minister, Robert
            # Castellano, said" (not "Smith, a lawyer at Acme": the name comes first there)
            for child in head.children:
                if child.dep_ != "appos":
                    continue
                if child.ent_type_ in {"PERSON", "ORG"}:
                    e = self.entity_covering(child.idx)
                    if e is not None and e.label in {"PERSON", "ORG"}:
                        return self.name_of(e)
                if head.is_lower and not child.ent_type_:
                    # a name the NER missed: "The transport operator, Portmere Transit, said"
                    written = _written_name(child)
                    if written is not None:
                        return self._text[slice(*written)]
            person = self._person_after_workplace(head)
            if person is not None:
                return person
        # the head itself is (part of) a name
        if head.ent_type_ in NAMED_LABELS and head.ent_type_ != "NORP":
            e = self.entity_covering(head.idx)
            if e is not None and e.label in _SPEAKER_LABELS:
                return self.name_of(e)
            if e is not None and e.label in NAMED_LABELS:
                # a title the NER ran over the speaker ("Trump assured Jones" as a
                # WORK_OF_ART): the person the mention itself names, if the article has one
                if e.start < start or e.end > end:
                    return self.names.known_person(self._text[start:end], start)
                # "Sergeant Ruiz" as a WORK_OF_ART: the article's Angela Ruiz
                return self.names.known_person(e.canonical, e.start) or e.canonical
        nominal = self._nominal(head, start, end)
        if nominal is not _NOT_NOMINAL:
            return nominal
        # the organisation a role noun speaks for ("a spokesperson for Go By The Forest"), else a
        # person or organisation inside the mention; a nationality or place is only a modifier
        # there ("Ukrainian media"), not the speaker
        named = _organisation_named_after(head)
        if named is not None:
            # "a spokeswoman for Senator Maria Hollis": the entity that ends the name
            e = self.entity_at(named[0], named[1], NAMED_LABELS)
            if e is not None and e.end == named[1] and e.label in _SPEAKER_LABELS and (
                e.start == named[0]
                or e.label in PERSON_LABELS
                and all(
                    w.lower().rstrip(".") in PERSON_TITLES
                    for w in self._text[named[0] : e.start].split()
                )
            ):
                return self.name_of(e)
            return self._text[slice(*named)]
        body = _body_spoken_for(head)
        if body is not None:
            # "a spokesman for the commission": the body "the commission" stands for, when the
            # article names it, as "a spokesperson for X" gives X
            found = self._nominal(body, *mention_span(body))
            if found is not _NOT_NOMINAL:
                return found
        e = self.entity_at(start, end, PERSON_LABELS) or self.entity_at(start, end, {"ORG"})
        if e is not None and e.label in PERSON_LABELS and head.lower_ in _ASSOCIATES:
            return None  # "senior advisers to the campaign and Bill Clinton": as above
        if e is not None:
            return self.name_of(e)
        if head.ent_type_ == "NORP":
            return None
        if self.names.in_headline(start):
            return None
        if start == head.idx and end == _end(head):
            # an acronym the NER missed ("CNS reported"), spelled out elsewhere in the article
            spelled = self.names.organisation_name(head.text) or (
                self.names.organisation_short_form(head.text)
            )
            if spelled is not None:
                return spelled
        return _unrecognised_name(self._text, head, start, end)

    def author(self) -> str | None:
        """The person an article's closing bio line is about ("Charlotte Meehan is
        playwright-in-residence at ...", "Rep. Raul Grijalva, D-Ariz., was an early backer of
        ..."), or None: the author of an op-ed, the "I" of its text. A signature alone ("Daniel
        Hamilton.") or a "Follow X on Twitter" line is no bio line. On PolNeAR train, 12 "I"
        speakers in 5 articles with such a line, all theirs."""
        if not self._author:
            self._author.append(self._bio_line_person())
        return self._author[0]

    def _bio_line_person(self) -> str | None:
        text = self._text.rstrip()
        line_start = text.rfind("\n") + 1
        i = bisect.bisect_left(self._starts, line_start)
        if i >= len(self._entities):
            return None
        e = self._entities[i]
        if e.label not in PERSON_LABELS or not all(
            w.lower().rstrip(".") in PERSON_TITLES for w in text[line_start : e.start].split()
        ):
            return None
        if not _BIO_VERB.match(text, e.end):
            return None
        # a short bio line reads as a headline ("Rick Scott is the Republican governor of
        # Florida."), and a headline's name is only trusted for a surname the body has
        return self.name_of(e) or e.canonical

    # -- pronouns --------------------------------------------------------------------------

    def _pronoun(
        self, head: Token, start: int, gender: str, previous_speaker: str | None
    ) -> str | None:
        if head.i in self._pronouns:
            return self._pronouns[head.i]
        self._pronouns[head.i] = None  # a chain never loops back to itself
        name = self._salient_person(head, start, gender, previous_speaker)
        if name is None:
            name = self.antecedent(start, PERSON_LABELS, gender)
        self._pronouns[head.i] = name
        return name

    def _salient_person(
        self, head: Token, start: int, gender: str, previous_speaker: str | None
    ) -> str | None:
        """The person a "he"/"she" most likely is: a named person of the same gender (or of
        none known), or a same-gender pronoun subject by its own antecedent."""
        pronouns = _MALE if gender == "m" else _FEMALE

        def rank(e: EntityMention, name: str) -> bool | None:
            known = self.names.gender(name)
            if known is not None and known != gender:
                return None
            if self._names_a_thing(e) or self._as_company(e):
                return None
            return known is not None

        def chained(tok: Token, limit: int, distance: int) -> str | None:
            if tok.idx >= limit:
                return None
            if tok.lower_ in pronouns:
                return self._pronoun(tok, tok.idx, gender, None) if distance else None
            if _definite_person(tok):
                # "The judge was unpersuaded. She said ...": the article's one judge ("Judge
                # Eleanor Marsh"), not the last woman named (the defence barrister)
                name = self.names.only_person_with_role(role_noun(tok.lower_), tok.idx)
                known = self.names.gender(name) if name else None
                noun = _NOUN_GENDERS.get(tok.lower_)
                if name and known in {gender, None} and noun in {gender, None}:
                    return name
            return None

        return self._salient(
            head, start, PERSON_LABELS, _PRONOUN_SENTENCES, rank, chained, previous_speaker
        )

    def _names_a_thing(self, e: EntityMention) -> bool:
        """Whether a person's name only modifies a noun for no person ("the Clinton campaign",
        "the Clinton phone bank", "the Obama administration"): no antecedent for "he"/"she",
        which then looks a sentence further back. On PolNeAR train it changes 17 pronouns: 11
        right that were wrong, 2 wrong that were right (an article whose NER tags Trump an ORG
        throughout; "the Clintons" over "Clinton allies"), 4 wrong either way."""
        if e.start in self._things:
            return self._things[e.start]  # asked once per pronoun that looks at the entity
        span = self._doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        noun = root.head
        self._things[e.start] = (
            root.dep_ == "compound"
            and noun.i > root.i
            # a noun in a noun's place: "Scott bristles at", "Trump claims that" parse as a
            # compound before a ROOT, and are a subject and its verb
            and noun.dep_ in _NOUN_PLACES
            and not noun.ent_type_
            and noun.is_lower
            and not _is_person_noun(_singular(noun.lower_))
        )
        return self._things[e.start]

    def _group_pronoun(self, head: Token, start: int) -> str | None:
        """"it"/"they": the salient organisation of the sentences before (a named one, a
        subject like "the Sanders campaign", an "it" or "they" subject by its own antecedent),
        else the nearest one named."""
        if head.i in self._pronouns:
            return self._pronouns[head.i]
        self._pronouns[head.i] = None  # a chain never loops back to itself
        name = self._salient_group(head, start)
        self._pronouns[head.i] = name
        return name

    def _salient_group(self, head: Token, start: int) -> str | None:
        labels = GROUP_LABELS if head.lower_ != "it" else _IT_LABELS

        def rank(e: EntityMention, name: str) -> bool:
            # a named organisation before a place: places rarely speak
            return e.label == "ORG"

        def chained(tok: Token, limit: int, distance: int) -> str | None:
            if tok.idx >= limit:
                return None
            if tok.lower_ in _ORGANISATION_NOUNS:
                return self.resolve(tok, *mention_span(tok))
            if distance > 0 and tok.lower_ == head.lower_:
                return self._group_pronoun(tok, tok.idx)
            return None

        found = self._salient(head, start, labels, _GROUP_SENTENCES, rank, chained)
        return found if found is not None else self.antecedent(start, labels)

    def _salient(
        self,
        head: Token,
        start: int,
        labels: set[str],
        sentences: int,
        rank: Callable[[EntityMention, str], bool | None],
        chained: Callable[[Token, int, int], str | None],
        preferred: str | None = None,
        min_salience: int = 0,
    ) -> str | None:
        """The salient mention a pronoun stands for: the sentences before it (``sentences`` of
        them, its own up to ``start`` first), nearest first; in each, the named entities with
        ``labels`` outside quotes and headlines (``rank`` -> None skips a name, True lifts it
        over equals), and the subjects ``chained`` names (a same pronoun by its antecedent, "the
        company"). Of a sentence's candidates (those of ``min_salience`` at least),
        ``preferred`` (the passage's current speaker) if there, else the most salient, then the
        one written last."""
        doc = self._doc
        sent = head.sent
        for distance in range(sentences):
            candidates: list[tuple[int, int, str]] = []  # (rank, -position, name)
            limit = start if distance == 0 else _end(sent[-1])
            i = bisect.bisect_left(self._starts, sent.start_char)
            while i < len(self._entities) and self._entities[i].end <= limit:
                e = self._entities[i]
                i += 1
                if e.label not in labels or self._inside_quote(e.start):
                    continue
                if self.names.in_headline(e.start):
                    continue
                name = self.name_of(e)
                lifted = rank(e, name) if name else None
                if lifted is None:
                    continue
                span = doc.char_span(e.start, e.end, alignment_mode="expand")
                root = span.root if span is not None else None
                candidates.append((_salience(root, lifted), -e.start, name))
            for tok in sent:
                if tok.dep_ not in _SUBJECT_DEPS or self._inside_quote(tok.idx):
                    continue
                name = chained(tok, limit, distance)
                if name:
                    candidates.append((_salience(tok, True), -tok.idx, name))
            candidates = [c for c in candidates if c[0] >= min_salience]
            if candidates:
                if preferred is not None and any(c[2] == preferred for c in candidates):
                    return preferred
                return min(candidates, key=lambda c: (-c[0], c[1]))[2]
            if sent.start == 0:
                break
            sent = doc[sent.start - 1].sent
        return None

    # -- nominals --------------------------------------------------------------------------

    def _nominal(self, head: Token, start: int, end: int) -> str | None | object:
        """A description's referent ("the senator", "the department", "the Clinton campaign",
        "the poll"); ``_NOT_NOMINAL`` when the mention is no description this handles."""
        word = head.lower_
        introduced = _spokesperson_introduced_before(head)
        if introduced is not None:
            # "A spokesperson for the trust said ... / ..., the spokesperson said": the body the
            # one introduced speaks for, not a person the next lines name
            return self.resolve(introduced, *mention_span(introduced))
        dets = {c.lower_ for c in head.children if c.dep_ in {"det", "poss"}}
        owner = _owner(head)
        for child in head.children:
            # "the paper's editorial board", "the bank's board": the organisation they are of
            if (
                child.dep_ == "poss"
                and child.lower_ in _ORGANISATION_NOUNS
                and word not in _DOCUMENT_NOUNS
                and any(c.lower_ in {"the", "its"} for c in child.children)
            ):
                return self.resolve(child, *mention_span(child))
        if word == "campaign":
            # "the Clinton campaign", "Trump's campaign": the campaign, not the candidate
            if owner is not None:
                e = self.entity_covering(owner.idx)
                name = self.name_of(e) if e is not None else owner.text
                if name:
                    return f"{name.split()[-1] if e is not None and e.label == 'PERSON' else name}"\
                        " campaign"
            if dets & {"the", "this", "that", "its"}:
                return self._last_campaign(start)
            return _NOT_NOMINAL
        if word in _DOCUMENT_NOUNS:
            joint = _joint_publishers(head)
            if joint is not None:
                # the article's fuller form when the NER has one ("Times/CBS News" of "New
                # York Times/CBS News")
                e = self.entity_covering(head.doc[head.i - 1].idx)
                name = self.name_of(e) if e is not None else None
                return name if name and "/" in name else joint
            if owner is not None:
                for child in owner.children:
                    # "POLITICO's Battleground States average": POLITICO's, whatever the NER
                    # made of the document's own name
                    if child.dep_ == "poss" and (child.is_title or child.is_upper):
                        owner = child
                e = self.entity_covering(owner.idx)
                if e is not None and e.label in {"ORG", "PERSON", "GPE"}:
                    return self.name_of(e)
            # "POLITICO's Battleground States average", "a USA TODAY analysis of ...": the
            # organisation named in front of the document
            e = self.entity_at(start, head.idx, {"ORG"})
            if e is not None:
                return self.name_of(e)
            for child in head.children:
                # "the campaign's statement": the statement's author is the campaign
                if child.dep_ == "poss" and child.lower_ in _ORGANISATION_NOUNS:
                    return self.resolve(child, *mention_span(child))
            written = _capitalised_owner(head)
            if written is not None:
                return written
            by = _by_agent(head)
            if by is not None:
                e = self.entity_at(by.left_edge.idx, _end(by.right_edge), {"ORG", "PERSON"})
                if e is not None:
                    return self.name_of(e)
            if dets & {"the", "this", "that"}:
                return self._last_document_author(word, start)
            return _NOT_NOMINAL
        if word in _ORGANISATION_NOUNS and dets & {"the", "this", "its"} and owner is None:
            # "the company said": the organisation last named, one whose name holds the noun
            # first ("the department" -> "Labor Department")
            return self._last_organisation(word, start, _modifiers(head))
        if word == "police" and not dets and owner is None:
            # "police said": the police force last named ("Charlotte-Mecklenburg Police")
            return self._last_organisation(word, start, _modifiers(head))
        if word in _SPEAKS_FOR_OWNER:
            # "Her office said", "Hollis's spokesman said": the one they speak for
            for child in head.children:
                if child.dep_ == "poss" and child.lower_ not in {"its", "their"}:
                    if word != "office" and child.lower_ in _MALE | _FEMALE:
                        return None  # "his spokesman said": an unnamed spokesman
                    return self.resolve(child, *mention_span(child))
        if dets & {"the", "this", "that"} or (owner is not None and dets - {"a", "an"}):
            if word in _MALE | _FEMALE | _GROUP:
                return _NOT_NOMINAL
            before_head = [
                t for t in head.subtree
                if t.i < head.i and t.lower_ not in {"the", "this", "that", "'s", "\u2019s"}
            ]
            modifiers = {role_noun(t.text) for t in before_head}
            # a party or nationality must agree: "the Republican nominee" is no Libertarian
            required = frozenset(role_noun(t.text) for t in before_head if t.ent_type_ == "NORP")
            if head.ent_type_ == "NORP" and not modifiers:
                # "The Republican said": the article's Republican in a role ("Republican
                # presidential nominee Donald Trump"), else the person just written of
                found = self.names.person_with_role(role_noun(word), set(), start)
                if found is None:
                    found = self._described_person(head, start, end)
                return found
            if head.ent_type_ or (not head.is_lower and not head.is_sent_start
                                  and head.lower_ not in _ROLE_ABBREVIATIONS):
                return _NOT_NOMINAL
            # "the mayor", "Connecticut's tax commissioner": the person given that role; "Mrs.
            # Clinton's plan" names no role, and falls through to the name inside it
            found = self.names.person_with_role(role_noun(word), modifiers, start, required)
            if found is None and _may_introduce(head):
                found = self._introduced_after(head, start)
                if found is None and dets & {"the"}:
                    found = self._described_person(head, start, end)
            if found is None and _is_person_noun(word) and any(
                t.ent_type_ == "NORP" or t.lower_ in _PARTIES for t in before_head
            ):
                # "the GOP front-runner" nobody was given: a person, not the party (the model
                # tags "GOP" an organisation as often as not)
                return None
            return found if found is not None else _NOT_NOMINAL
        if dets & {"a", "an"} and _may_introduce(head):
            # "A New York judge ruled ... Justice Frank Nervo wrote": a description that
            # introduces someone the next sentences name
            found = self._introduced_after(head, start)
            return found if found is not None else _NOT_NOMINAL
        return _NOT_NOMINAL

    def _described_person(self, head: Token, start: int, end: int) -> str | None:
        """The person a definite description nobody was given stands for: "Donald Trump says
        he has big plans. / The Republican presidential nominee noted ...": the subject of its
        sentence or the one before, of the description's gender ("the woman") and not of
        another party. Only for a description of a person that names nobody itself ("The FBI
        director" is the FBI's)."""
        if head.dep_ not in _SUBJECT_DEPS or _owner(head) is not None:
            return None
        if self.entity_at(start, end, PERSON_LABELS | {"ORG"}) is not None:
            return None  # "The director of the European Centre, Ina Kirsch": named inside
        word = head.lower_
        if head.ent_type_ == "NORP":
            if word.endswith("s"):
                return None  # "the Democrats": a party, not one person
        elif not _is_person_noun(word):
            return None
        gender = _NOUN_GENDERS.get(word)
        parties = {
            role_noun(t.text) for t in head.subtree if t.i <= head.i and t.ent_type_ == "NORP"
        } & _PARTIES

        def rank(e: EntityMention, name: str) -> bool | None:
            known = self.names.gender(name)
            if gender is not None and known is not None and known != gender:
                return None
            if parties and self.names.role_words(name) & _PARTIES - parties:
                return None
            return False

        def chained(tok: Token, limit: int, distance: int) -> str | None:
            if distance == 0 or tok.lower_ not in _MALE | _FEMALE:
                return None
            found = self._pronoun(tok, tok.idx, "m" if tok.lower_ in _MALE else "f", None)
            return found if found is not None and rank(None, found) is not None else None

        # "... to unendorse Trump after the billionaire estate mogul claimed ...", "a note that
        # the businessman had praised her": the subject of a subordinate clause re-mentions the
        # person named last before it in the sentence (a main clause's subject description
        # continues the sentences before, below). On PolNeAR train it changes 4 names, 3 right
        # ("the narrator" of an ad is no person named before it).
        i = bisect.bisect_left(self._starts, head.sent.start_char)
        nearest = None
        while (
            head.head.dep_ in _SUBORDINATE_CLAUSES
            and i < len(self._entities)
            and self._entities[i].end <= start
        ):
            e = self._entities[i]
            i += 1
            if e.label in PERSON_LABELS and not self._inside_quote(e.start):
                name = self.name_of(e)
                if name and rank(e, name) is not None:
                    nearest = name
        if nearest is not None:
            return nearest
        return self._salient(
            head, start, PERSON_LABELS, _DESCRIBED_SENTENCES, rank, chained,
            min_salience=_SUBJECT_SALIENCE,
        )

    def _introduced_after(self, head: Token, start: int) -> str | None:
        """The person first named as a subject in the sentences right after ``head``'s, if
        the article has not named them before ("Connecticut's tax commissioner says ... /
        Kevin Sullivan says he instructed staff")."""
        doc = self._doc
        sent = head.sent
        for _ in range(_INTRODUCED_SENTENCES):
            if sent.end >= len(doc):
                return None
            sent = doc[sent.end].sent
            i = bisect.bisect_left(self._starts, sent.start_char)
            while i < len(self._entities) and self._entities[i].start < sent.end_char:
                e = self._entities[i]
                i += 1
                if e.label not in PERSON_LABELS or self._inside_quote(e.start):
                    continue
                span = doc.char_span(e.start, e.end, alignment_mode="expand")
                if span is None or span.root.dep_ not in _SUBJECT_DEPS:
                    continue
                name = self.name_of(e)
                if name is not None and not self._named_before(name, start):
                    return name
        return None

    def _named_before(self, name: str, before: int) -> bool:
        if self._named is None:
            # each name's first offset, once per article
            self._named = {}
            for e in self._entities:
                if e.label in PERSON_LABELS:
                    found = self.name_of(e)
                    if found is not None:
                        self._named.setdefault(found, e.start)
        return self._named.get(name, before) < before

    def _last_campaign(self, before: int) -> str | None:
        window = self._text[max(0, before - _CAMPAIGN_WINDOW) : before]
        found = None
        for m in _CAMPAIGN.finditer(window):
            found = m.group(1)
        if found is None:
            return None
        e = self.entity_covering(max(0, before - _CAMPAIGN_WINDOW) + window.rfind(found))
        if e is not None and e.label in PERSON_LABELS:
            name = self.name_of(e)
            found = name.split()[-1] if name else found
        return f"{found} campaign"

    def _last_document_author(self, noun: str, before: int) -> str | None:
        """"the poll" -> the author of the last "Bloomberg poll" / "poll by Gallup"."""
        i = bisect.bisect_left(self._starts, before) - 1
        doc = self._doc
        while i >= 0 and self._entities[i].start > before - _DOCUMENT_WINDOW:
            e = self._entities[i]
            i -= 1
            if e.label not in {"ORG", "PERSON"} or self._inside_quote(e.start):
                continue
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.head.lower_ == noun and root.dep_ in {"compound", "poss", "nmod"}:
                return self.name_of(e)
            if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lower_ == noun:
                return self.name_of(e)
            if root.dep_ in _SUBJECT_DEPS and e.label == "ORG" and any(
                t.lower_ == noun for t in root.sent if t.i < root.i
            ):
                # "In an online poll of 800 voters, Democracy Corp found ...": the
                # organisation that did what the sentence says of the poll
                return self.name_of(e)
        return None

    def _last_organisation(
        self, noun: str, before: int, modifiers: frozenset[str] = frozenset()
    ) -> str | None:
        """The organisation "the ``noun``" stands for: the last one named whose name holds the
        noun and its ``modifiers`` ("the appeals court" is no "Supreme Court"), or for a
        generic noun ("the company") the nearest one."""
        i = bisect.bisect_left(self._starts, before) - 1
        nearest = None
        wanted = _NEWSPAPER_WORDS if noun in {"newspaper", "paper"} else {noun}
        while i >= 0 and self._entities[i].start > before - _ORGANISATION_WINDOW:
            e = self._entities[i]
            i -= 1
            if e.label != "ORG" or e.end > before or self._inside_quote(e.start):
                continue
            if self.names.in_headline(e.start):
                continue
            words = set(e.canonical.lower().split())
            if not modifiers <= words:
                continue
            if wanted & words or self._named_with(e, noun):
                return self.name_of(e)
            if nearest is None and not self._in_a_title(e) and not self._modifies_a_noun(e):
                nearest = e
        if noun in _GENERIC_ORGANISATION_NOUNS and nearest is not None:
            return self.name_of(nearest)
        return None

    def _named_with(self, e: EntityMention, noun: str) -> bool:
        """Whether the article wrote ``e`` right before ``noun`` ("the United Food and
        Commercial Workers union" for "the union"); not for a generic noun ("an outside GOP
        group" is no GOP for "the group")."""
        after = self._text[e.end : e.end + len(noun) + 2].lower()
        return (noun not in _GENERIC_ORGANISATION_NOUNS and after.startswith(f" {noun}")
                and not after[len(noun) + 1 :].isalpha())

    def _person_around(self, head: Token) -> Token | None:
        """The name of the someone a noun for people around someone ("aide", "supporters")
        names: "a Clinton aide", "Cruz's advisers", "Supporters of Mr. Brandt", "aides to
        Obama"; a person's name or the surname of one the article names (the model tags a lone
        surname in front of a noun an organisation as often as a person). None if none."""
        named = [c for c in head.children if c.dep_ in {"compound", "poss"}] + [
            p for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "to", "for"}
            for p in c.children if p.dep_ == "pobj"
        ]
        for tok in named:
            if tok.ent_type_ in PERSON_LABELS or (head.lower_ in _PLACE_PEOPLE and tok.is_title):
                return tok
            if tok.ent_type_ == "ORG" and tok.is_title and tok.ent_iob_ == "B" and (
                tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"
            ) and self.names.known_person(tok.text, tok.idx):
                return tok  # a lone surname ("a Brandt aide"), not "a White House official"
        return None

    def _given_to_another(self, name: str, around: Token) -> bool:
        """Whether the article's roles for ``name`` name another of its people than ``around``
        ("The Whitfield campaign's spokeswoman" is no Brandt aide)."""
        own = around.lower_
        return any(
            word != own and self.names.known_person(word.title(), around.idx)
            for word in self.names.role_words(name)
        )

    def _modifies_a_noun(self, e: EntityMention) -> bool:
        """A name that only qualifies a thing ("Halvern's Bristol testing plant"): often a place
        the model took for an organisation, and no body "the company" after it stands for."""
        span = self._doc.char_span(e.start, e.end, alignment_mode="expand")
        # (no tagger runs: a lower-case head is a common noun)
        return span is not None and span.root.dep_ == "compound" and span.root.head.is_lower

    def _in_a_title(self, e: EntityMention) -> bool:
        """An organisation named only inside someone's title ("the local Member of Parliament",
        "Secretary of the Treasury"): it is the person's, not a body the story is about, and
        "the company" after it is not that body."""
        span = self._doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            return False
        of = span.root.head
        return (span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.i < of.i
                and of.head.is_title and not of.head.ent_type_)


_NOT_NOMINAL = object()
# Roles written in capitals that are no name: "the MP said" is the article's Member of Parliament.
_ROLE_ABBREVIATIONS = frozenset({"mp"})
# What follows the name in a bio line: "is", "was", "has been", "serves as", after an optional
# aside (", D-Ariz.,").
_BIO_VERB = re.compile(r"(?:,[^,\n]{1,40},)? (?:is|was|has been|serves as) ")
# Entity labels of the parts of a joint source (a NORP is a description: "and a Republican").
_JOINT_LABELS = {"PERSON", "ORG", "GPE"}
# Words that make a conjunct an open group ("Sanders and other Democrats").
_OPEN_GROUP_WORDS = frozenset("other others another some many several all".split())
# How many sentences back a "he"/"she" looks for its person before the nearest-name fallback.
_PRONOUN_SENTENCES = 6
_IT_LABELS = {"ORG", "GPE"}
# Nouns for a person: a description that may introduce someone named next ("A New York judge
# ruled ... Justice Frank Nervo wrote"); a "chorus" or a "report" does not. "Mogul", "tycoon":
# what 2016 news calls Trump or Adelson instead of repeating the name (PolNeAR train: 8 speaker
# names gained, all right).
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "person")
_PERSON_NOUNS = frozenset(
    "judge chief head chair aide expert official candidate nominee mogul billionaire tycoon magnate"
    .split()
)
# How many sentences (its own, then back) a definite description no role matched looks for the
# person just written of.
_DESCRIBED_SENTENCES = 2
# _salience of a subject (of any clause), without the gender bonus.
_SUBJECT_SALIENCE = 6
_PARTIES = frozenset("republican democratic democrat gop libertarian independent green".split())
# Nouns for a person that say the gender ("the woman", "the businessman").
_NOUN_GENDERS = {
    **dict.fromkeys("man businessman congressman spokesman chairman father husband son".split(),
                    "m"),
    **dict.fromkeys(
        """woman businesswoman congresswoman spokeswoman chairwoman mother wife daughter actress
        """.split(), "f"),
}
_PERSON_NOUNS_IN_ENT = frozenset(
    """president resident student correspondent consultant assistant lieutenant sergeant
    merchant immigrant agent""".split()
)
# Nouns with a person's ending that are no person ("the brief order", "the top-line number").
_NOT_PERSON_NOUNS = frozenset(
    """order number letter paper matter center centre border quarter sector factor error chapter
    power water computer poor other corner cover filter""".split()
)
# Clauses whose subject description may re-mention the person just named in the sentence.
_SUBORDINATE_CLAUSES = {"advcl", "ccomp"}
# How many sentences after a description the person it introduces may be named.
_INTRODUCED_SENTENCES = 2
# How far back "it"/"they" look for a salient organisation before the nearest-name fallback.
_GROUP_SENTENCES = 3
_DOCUMENT_NOUNS = frozenset(
    """
    poll polls survey surveys report study analysis video ad advertisement memo letter
    statement editorial average data tally audit review
    """.split()
)
# "the Clinton campaign", "Donald Trump's presidential campaign"
_CAMPAIGN = re.compile(r"\b([A-Z][\w\-]+)(?:'s|\u2019s)?(?: [a-z]+)? campaign\b")
_CAMPAIGN_WINDOW = 6000
_DOCUMENT_WINDOW = 4000
# How far back "the company" looks (bounded, so a long article costs per quote, not per entity).
_ORGANISATION_WINDOW = 20000


def _end(token: Token) -> int:
    return token.idx + len(token)


def _salience(token: Token | None, gender_known: bool) -> int:
    """Subjects first, the subject of a main clause above all; a known gender breaks ties."""
    rank = 0
    if token is not None:
        if token.dep_ in _SUBJECT_DEPS:
            rank = 4 if token.head.dep_ == "ROOT" else 3
        elif token.dep_ in {"appos", "compound"} and token.head.dep_ in _SUBJECT_DEPS:
            rank = 3
        elif _according_to(token):
            rank = 3  # "According to Ham, ...": a source, as salient as a speaking subject
    return 2 * rank + gender_known


# Words of a clause that say its subject is plural: "both"/"all" (which the parser hangs on the
# verb by any relation), and the plural forms of an auxiliary.
_PLURAL_QUANTIFIERS = frozenset({"both", "all"})
_PLURAL_AUXILIARIES = frozenset({"are", "were", "have"})


def _plural_clause(verb: Token) -> bool:
    """"who both back", "who are backing", "who have said": a clause of several (the parse has
    no morphology: the tagger is excluded)."""
    if verb.lower_ in _PLURAL_AUXILIARIES:
        return True
    return any(
        c.lower_ in _PLURAL_QUANTIFIERS
        or c.lower_ in _PLURAL_AUXILIARIES and c.dep_ in {"aux", "auxpass"}
        for c in verb.children
    )


def _singular(word: str) -> str:
    """"allies" -> "ally", "aides" -> "aide": enough of English plurals to test a noun for a
    person."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")


def _named_conjunct(token: Token, first: bool = False) -> bool:
    """Whether a coordinated subject's part is written as a speaking name ("Fox News", "Mr.
    Peck", "the Gannett newspaper chain"), or, as the first part, "he"/"she" ("he and Mr.
    Allen")."""
    if token.ent_type_ in _JOINT_LABELS:
        return not (first and token.lower_.rstrip(".") in PERSON_TITLES)  # "Gov. and Chairman X"
    if first:
        return token.lower_ in _MALE | _FEMALE
    # "the Gannett newspaper chain": a name modifying a noun for no person, not an owner
    # ("Trump's attorneys"), a possessive ("his allies") or an open group ("other Clinton
    # challengers")
    if token.is_title or _is_person_noun(_singular(token.lower_)):
        return False
    left = token.doc[token.left_edge.i : token.i]  # not .subtree: it rescans per level
    return not any(
        c.dep_ == "poss" or c.lower_ in _OPEN_GROUP_WORDS for c in left
    ) and any(c.dep_ == "compound" and c.ent_type_ in _JOINT_LABELS for c in left)


def _according_to(token: Token) -> bool:
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _modifiers(head: Token) -> frozenset[str]:
    """Lower-case nouns that name the kind of a description: "appeals" in "the appeals court"
    (not adjectives: "the conservative-leaning newspaper" is any newspaper)."""
    return frozenset(
        c.lower_ for c in head.children
        if c.dep_ == "compound" and c.is_lower and c.is_alpha
    )


def is_person_noun(word: str) -> bool:
    """Whether ``word`` (lower case, singular) names a kind of person ("senator", "mogul")."""
    return _is_person_noun(word)


def _definite_person(tok: Token) -> bool:
    """A subject that is "the" and a noun for a person, no name: "the judge", "the minister"."""
    return (
        not tok.ent_type_
        and tok.is_lower
        and _is_person_noun(tok.lower_)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in {"amod", "compound", "poss"} for c in tok.children)
    )


def _is_person_noun(word: str) -> bool:
    """"senator", "businessman", "nominee", "president"; not "government" or "incident"."""
    if word in _PERSON_NOUNS or word in _PERSON_NOUNS_IN_ENT:
        return True
    if word in _NOT_PERSON_NOUNS:
        return False
    return word.endswith(_PERSON_SUFFIXES) and not word.endswith(("ent", "ant"))


def _may_introduce(head: Token) -> bool:
    """Whether a description may stand for a person the next sentences name: the subject, and
    a noun for a person ("commissioner", "Hillary Clinton's right-hand woman"; "Mrs. Clinton's
    plan" is Mrs. Clinton's)."""
    if head.dep_ not in _SUBJECT_DEPS or not head.is_lower or head.ent_type_:
        return False
    if head.lower_ in _ANONYMOUS_NOUNS or any(
        c.lower_ in _ANONYMITY_WORDS for c in head.rights if c.dep_ in {"amod", "acl"}
    ):
        return False  # "a person familiar with the talks": unnamed on purpose, not introduced
    return _is_person_noun(head.lower_)


# An unnamed source as wire copy writes one ("a person familiar with the talks", "a source",
# "an official briefed on the matter"): the next sentences name someone else.
_ANONYMOUS_NOUNS = frozenset("person people source sources insider insiders".split())
_ANONYMITY_WORDS = frozenset("familiar briefed close aware knowledgeable".split())


_NOUN_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "appos", "conj", "attr", "compound"}
_NOUN_PLACES = _NOUN_DEPS | {"poss"}


def _relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun's clause modifies ("the ministry, which said")."""
    clause = head.head
    if clause.dep_ in {"relcl", "acl"} and clause.head is not clause:
        noun = clause.head
    else:
        # the parser hung the clause elsewhere ("turned to the Chicago Police Department which
        # reported ..." as an adverbial clause): the noun just before the pronoun
        i = head.i - 1
        while i >= 0 and head.doc[i].is_punct:
            i -= 1
        if i < 0 or head.doc[i].dep_ not in _NOUN_DEPS:
            return None
        noun = head.doc[i]
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head
    if head.lower_ == "who":
        # "Alan Berger, a gynecologist from Englewood, New Jersey, who said": a place does not
        # say; the clause belongs to the person the place phrase describes
        for _ in range(6):
            if noun.ent_type_ not in {"GPE", "LOC", "FAC"} or noun.head is noun:
                break
            noun = noun.head
    # "Bob Mulholland, a superdelegate who has accused ...": the name the description is of
    if noun.dep_ == "appos" and not noun.ent_type_ and noun.head.ent_type_ == "PERSON":
        return noun.head
    return noun


def _owner(head: Token) -> Token | None:
    """A name that owns or modifies the description: "Clinton" in "the Clinton campaign" and
    "Clinton's campaign", "Bloomberg" in "a Bloomberg poll"."""
    for child in head.children:
        if child.dep_ in {"poss", "compound", "nmod"} and child.ent_type_ in NAMED_LABELS:
            return child
    return None


def _capitalised_owner(head: Token) -> str | None:
    """A name the NER missed in front of a document: "POLITICO's average", "a USA TODAY
    analysis" (capitalised words owning or modifying the noun; of "X's Y average", X)."""
    words = [
        t for t in head.lefts if t.dep_ in {"poss", "compound"} and (t.is_title or t.is_upper)
    ]
    if not words:
        return None
    first = words[0].left_edge
    tokens = [t for t in head.doc[first.i : head.i] if t.dep_ != "case" and not t.is_punct]
    if tokens and tokens[0].lower_ in {"a", "an", "the"}:
        tokens = tokens[1:]
    owners = [i for i, t in enumerate(tokens) if t.dep_ == "poss"]
    if owners:
        # "POLITICO's Battleground States average": the owner, not the document's own name
        tokens = tokens[: owners[-1] + 1]
    if not tokens or not all(t.is_title or t.is_upper for t in tokens):
        return None
    return " ".join(t.text for t in tokens)


def _joint_publishers(head: Token) -> str | None:
    """"CNN/ORC" in "A CNN/ORC poll", "Wall Street Journal/NBC News" in "A Wall Street
    Journal/NBC News poll": a poll's joint publishers as the poll names them (the NER tags one
    of the two, or a piece across the slash)."""
    doc = head.doc
    i = head.i
    while i > 0 and (
        doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].text == "/"
        or doc[i - 1].lower_ in _NAME_LINKS  # "University of Texas/Texas Tribune"
    ):
        i -= 1
    while i < head.i and (doc[i].lower_ in _NAME_LINKS or doc[i].lower_ in {"a", "an"}):
        i += 1  # "A CNN/ORC poll": the article is no part of the name
    words = doc[i : head.i]
    if len(words) < 3 or words[0].text == "/" or words[-1].text == "/":
        return None
    if not any(t.text == "/" for t in words):
        return None
    return doc.text[words[0].idx : words[-1].idx + len(words[-1])]


def _by_agent(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "acl":  # "a video released by the RNC"
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


# Never a name on their own, whatever the parse made of them: "I" (an op-ed's author, or the
# speaker inside a quote), "You".
_NEVER_NAMES = frozenset(
    "i we you me us he she him her it they them who which that this these those".split()
)


def _a_name(name: str | None) -> str | None:
    """``name``, unless it is a pronoun or empty."""
    if not name or name.strip().lower() in _NEVER_NAMES:
        return None
    return name


def _unrecognised_name(text: str, head: Token, start: int, end: int) -> str | None:
    """A capitalised subject the NER missed ("Mediazone, a Russian website, reported").

    Capitals prove little at a sentence start ("Officials said"), so there the name also needs
    an apposition describing it.
    """
    if not head.is_title or head.lower_ in _MALE | _FEMALE | _GROUP | _RELATIVE:
        return None
    if head.is_sent_start and not any(c.dep_ == "appos" for c in head.children):
        return None
    # "Councilmember Aisha Grant": the name without its title, as for a tagged person
    return without_leading_titles(text[start:end])


def _written_name(head: Token) -> tuple[int, int] | None:
    """Span of a title-case name headed by ``head`` ("Portmere Transit", "the Go By the Forest
    trust" is no name), without a leading "the"."""
    words = [t for t in head.subtree if t.i <= head.i and not t.is_punct]
    if words and words[0].lower_ == "the":
        words = words[1:]
    if (
        not words
        or not words[0].is_title
        or not head.is_title
        or head.lower_ in _NEVER_NAMES
        or not all(w.is_title or w.is_upper or w.lower_ in _NAME_LINKS for w in words)
    ):
        return None
    return words[0].idx, _end(head)


def _body_spoken_for(head: Token) -> Token | None:
    """"the commission" in "a spokesman for the commission": a spokesperson's body given as a
    description, which the nominal rules resolve like a subject "the commission"."""
    if head.lower_ not in _SPOKESPEOPLE:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at"}:
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and body.lower_ in _ORGANISATION_NOUNS:
                return body
    return None


_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson representative".split())
# Words that open a clause, never a mention: "how", "why", "when", "where".
_WH_ADVERBS = frozenset("how why when where".split())
# A place's people: "Residents of Ashworth" are no "Ashworth", whatever the model made of the town
_PLACE_PEOPLE = frozenset("residents locals villagers neighbours neighbors constituents".split())
# People around a person who speak for themselves, not for that person (as a spokesperson does),
# and a place's people
_ASSOCIATES = frozenset(
    """aide aides adviser advisers advisor advisors supporter supporters ally allies associate
    associates confidant confidants confidante strategist strategists staffer staffers surrogate
    surrogates operative operatives backer backers donor donors loyalist loyalists friend friends
    official officials
    """.split()
) | _PLACE_PEOPLE


def _spokesperson_introduced_before(head: Token) -> Token | None:
    """For "the spokesperson" with nothing after it: the last "spokesperson for/of/at X" before
    it in the article (the same word), whom "the" refers back to; else None."""
    if head.lower_ not in _SPOKESPEOPLE or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ) or any(c.dep_ == "prep" or c.dep_ == "poss" for c in head.children):
        return None
    for tok in reversed(head.doc[: head.i]):
        if tok.lower_ == head.lower_:
            return tok if any(c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}
                              for c in tok.children) else None
    return None


def _organisation_named_after(head: Token) -> tuple[int, int] | None:
    """Span of X in "a spokesperson for X" when X is written as a name (title-case words)."""
    doc = head.doc
    mention_end = mention_span(head)[1]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "at"}:
            continue
        words = []
        # tokens are in text order: stop at the mention's end rather than read the whole doc
        for t in doc[prep.i + 1 :]:
            if t.idx >= mention_end:
                break
            if not t.is_punct:
                words.append(t)
        if words and words[0].lower_ == "the":
            words = words[1:]
        if (
            words
            and words[0].is_title
            and words[-1].is_title
            and all(w.is_title or w.is_upper or w.lower_ in _NAME_LINKS for w in words)
        ):
            return words[0].idx, words[-1].idx + len(words[-1])
        return None
    return None
