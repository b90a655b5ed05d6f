"""Who said it: the speaker mention of a reporting cue, and the name that mention stands for.

Two steps, both pure functions over the parse:

- ``speaker_token`` / ``mention_span`` find the mention as written: the subject of the reporting
  verb ("He", "Chuviliaev", "a spokesperson for Go By The Forest"), or the object of "according to".
- ``SpeakerResolver`` turns a mention into a name: a named mention into its entity's canonical
  name ("Zelensky", "President Zelensky" -> "Volodymyr Zelensky"); "he"/"she" into the nearest
  preceding person named outside quotation marks (a name inside a quote is someone the speaker
  talks about, not the speaker), skipping people whose "Mr."/"Mrs." title says otherwise;
  "they"/"it" into the nearest preceding organisation or place, "the company" into the nearest
  organisation, "who"/"which" into the noun the relative clause hangs on (the mention itself stays
  "who", as annotators mark it). "a spokesperson for X" (a role noun with "for"/"of"/"at" and a
  named organisation) resolves to X: the organisation is what the article names and what an
  entities join can use; the person stays recoverable from ``speaker_start``/``speaker_end``.
  A capitalised subject the NER missed ("Mediazone, a Russian website") is its own name. An
  unnamed mention ("a source") gets None.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from transforms.entities import EntityMention

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A subordinate verb shares its governor's subject: "Trump spoke, adding that ...",
# "She went on to say ...", "He emphasized X and said Y".
_SHARES_SUBJECT = {"conj", "xcomp", "advcl"}
# Right-hand parts of a subject that belong to the mention: "a spokesperson for X".
_MENTION_RIGHT = {"prep", "pobj", "compound", "flat", "nummod"}

_RELATIVE = {"who", "which", "that"}
# Definite descriptions that stand for the organisation last named ("the company said").
_ORGANISATION_NOUNS = frozenset(
    """
    company firm group organisation organization agency ministry department bank campaign
    party union corporation network newspaper
    """.split()
)
# Lower-case words inside an organisation's name ("Go By the Forest", "Bank of England").
_NAME_LINKS = {"by", "the", "of", "for", "and", "&", "on", "in"}
_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_GROUP = {"they", "them", "it"}
_PERSON_LABELS = {"PERSON"}
_GROUP_LABELS = {"ORG", "NORP", "GPE"}
_NAMED_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"}
_MALE_TITLES = ("Mr.", "Mr ")
_FEMALE_TITLES = ("Mrs.", "Mrs ", "Ms.", "Ms ", "Miss ")


def speaker_token(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the verb it depends on, if any."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        for child in tok.children:
            # passive with a by-agent: "..., was announced by the ministry"
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if tok.dep_ == "acl" and tok.lower_.endswith("ing"):
            return tok.head  # "footage of Trump saying ...": Trump
        if tok.dep_ in _SHARES_SUBJECT and tok.head is not tok:
            tok = tok.head
        else:
            break
    return None


def mention_span(head: Token) -> tuple[int, int]:
    """Character span of the mention headed by ``head``, without appositions or clauses.

    "Ivan Chuviliaev, a spokesperson for ..." -> "Ivan Chuviliaev"; "a spokesperson for Go By The
    Forest" stays whole.
    """
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
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


class SpeakerResolver:
    """Resolves speaker mentions of one article to names, given its entities and quotations."""

    def __init__(
        self, doc: Doc, entities: Sequence[EntityMention], quoted: Sequence[tuple[int, int]]
    ) -> None:
        self._doc = doc
        # ``doc.text`` is rebuilt from all the tokens on every access: read it once
        self._text = doc.text
        self._quoted = sorted(quoted)
        self._entities = sorted(entities, key=lambda e: e.start)
        self._starts = [e.start for e in self._entities]
        self._gender = self._title_genders()
        # (labels, gender) -> the entities ``antecedent`` may return for them, and their starts
        self._eligible: dict[tuple[frozenset[str], str | None], list[EntityMention]] = {}
        self._eligible_starts: dict[tuple[frozenset[str], str | None], list[int]] = {}
        self._person_by_last: tuple[dict[str, str], bool] | None = None

    def _inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quoted, (offset, float("inf"))) - 1
        return i >= 0 and self._quoted[i][0] <= offset < self._quoted[i][1]

    def _title_genders(self) -> dict[str, str]:
        # "Mr. Smith" anywhere in the article tells who "he" can be; cheap and rarely wrong.
        text = self._text
        gender: dict[str, str] = {}
        for e in self._entities:
            if e.label not in _PERSON_LABELS:
                continue
            before = text[max(0, e.start - 5) : e.start]
            if before.endswith(_MALE_TITLES):
                gender.setdefault(e.canonical, "m")
            elif before.endswith(_FEMALE_TITLES):
                gender.setdefault(e.canonical, "f")
        return gender

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

    def antecedent(self, before: int, labels: set[str], gender: str | None = None) -> str | None:
        """Canonical name of the nearest entity with ``labels`` ending before ``before``."""
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
            return e.canonical
        return None

    def _eligible_antecedents(self, labels: set[str], gender: str | None) -> list[EntityMention]:
        # Filtered once per kind of pronoun: walking back over every entity per pronoun was
        # quadratic when few of them qualify (all quoted, other labels, the other gender).
        out = []
        for e in self._entities:
            if e.label not in labels or self._inside_quote(e.start):
                continue
            known = self._gender.get(e.canonical)
            if gender is not None and known is not None and known != gender:
                continue
            out.append(e)
        return out

    def resolve_written(self, start: int, end: int) -> str:
        """The name for a mention that is a bare name label ("PENCE", "Sonya Herridge")."""
        e = self.entity_at(start, end, _NAMED_LABELS)
        if e is not None:
            return e.canonical
        written = self._text[start:end]
        last = written.split()[-1].lower()
        if self._person_by_last is None:
            self._person_by_last = self._people_by_last_word()
        by_last, complete = self._person_by_last
        if last in by_last:
            return by_last[last]
        if complete:
            return written
        for e in self._entities:  # the table stopped at a name without words: as the scan did
            if e.label in _PERSON_LABELS and e.canonical.split()[-1].lower() == last:
                return e.canonical
        return written

    def _people_by_last_word(self) -> tuple[dict[str, str], bool]:
        """The first person's name for each last word, and whether every person is in it."""
        out: dict[str, str] = {}
        for e in self._entities:
            if e.label in _PERSON_LABELS:
                words = e.canonical.split()
                if not words:
                    return out, False
                out.setdefault(words[-1].lower(), e.canonical)
        return out, True

    def resolve(self, head: Token, start: int, end: int) -> str | None:
        """The name the mention ``[start, end)`` headed by ``head`` stands for, or None."""
        word = head.lower_
        if word in _RELATIVE and head.head.dep_ == "relcl" and head.head.head is not head.head:
            # "the ministry, which said ...": the mention is "which", the name the ministry's
            noun = head.head.head
            return self.resolve(noun, *mention_span(noun))
        if word in _MALE or word in _FEMALE:
            return self.antecedent(start, _PERSON_LABELS, "m" if word in _MALE else "f")
        if word in _GROUP:
            return self.antecedent(start, _GROUP_LABELS)
        # the head itself is (part of) a name
        if head.ent_type_ in _NAMED_LABELS:
            e = self.entity_covering(head.idx)
            if e is not None and e.label in _NAMED_LABELS:
                return e.canonical
        if word in _ORGANISATION_NOUNS and any(c.lower_ == "the" for c in head.children):
            # "the company said": the organisation last named
            return self.antecedent(start, {"ORG"})
        # a role noun with a named person in apposition: "the spokesman, John Smith"
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                e = self.entity_at(child.left_edge.idx, child.right_edge.idx + 1, _PERSON_LABELS)
                if e is not None:
                    return e.canonical
        # the organisation a role noun speaks for ("a spokesperson for Go By The Forest"), else a
        # person or organisation inside the mention; a nationality or place is only a modifier
        # there ("Ukrainian media"), not the speaker
        named = _organisation_named_after(head)
        if named is not None:
            e = self.entity_covering(named[0])
            return e.canonical if e is not None and e.end == named[1] else self._text[slice(*named)]
        e = self.entity_at(start, end, _PERSON_LABELS) or self.entity_at(start, end, {"ORG"})
        if e is not None:
            return e.canonical
        return _unrecognised_name(self._text, head, start, end)


def _unrecognised_name(text: str, head: Token, start: int, end: int) -> str | None:
    """A capitalised subject the NER missed ("Mediazone, a Russian website, reported").

    Capitals prove little at a sentence start ("Officials said"), so there the name also needs
    an apposition describing it.
    """
    if not head.is_title or head.lower_ in _MALE | _FEMALE | _GROUP | _RELATIVE:
        return None
    if head.is_sent_start and not any(c.dep_ == "appos" for c in head.children):
        return None
    return text[start:end]


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
