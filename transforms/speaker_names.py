"""The name a speaker goes by in one article: people's full names, roles, acronyms, campaigns.

``ArticleNames`` is built from the article's entity mentions (never a pass over every token) and
answers, per quote, what a resolved mention should be called:

- a person by the fullest form the article's body uses most ("Clinton" -> "Hillary Clinton",
  "Crooked Hillary Clinton" -> "Hillary Clinton" when the article also writes the shorter name);
  a headline is title case ("Trump Warns Clinton", "Obama Says ...") and never supplies a name,
  only the surnames in it ("Trump Warns Clinton" -> "Donald Trump");
- a person's gender, from a "Mr."/"Mrs." title anywhere in the article, else the first name
  (``first_names``), so that "he" can skip "Hillary Clinton";
- the person a role noun stands for ("the mayor" -> "Bill de Blasio" of "Mayor Bill de Blasio",
  "the South Carolina senator" -> "Lindsey Graham" of "Sen. Lindsey Graham (R-S.C.)");
- an organisation's acronym by its full name ("IMF" -> "International Monetary Fund");
- the few people whose one spelling across all articles the labelling conventions fix
  (``WELL_KNOWN_PEOPLE``: "Hillary Rodham Clinton" and "Mrs. Clinton" -> "Hillary Clinton", a
  bare "Obama" -> "Barack Obama" when the article names no other Obama).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from transforms.entities import EntityMention
from transforms.entity_spans import PERSON_TITLES
from transforms.first_names import first_name_gender

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A possessive's gender, and the clauses of a verb whose possessives may be someone else's.
_POSSESSIVE_GENDER = {"his": "m", "her": "f"}
_OTHER_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "congressman", "councilman"}
_FEMALE_TITLES = {
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "congresswoman", "councilwoman",
    "chairwoman", "spokeswoman", "businesswoman", "sister",
}  # fmt: skip
# Abbreviated titles as the role noun a later "the senator" uses.
_TITLE_ROLES = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "dr": "doctor",
    "pres": "president", "atty": "attorney", "supt": "superintendent", "insp": "inspector",
    "cmdr": "commander", "adm": "admiral", "amb": "ambassador", "prof": "professor",
}  # fmt: skip
# Role nouns that are one role ("the congressman" is the article's "Rep. X").
_SAME_ROLE = {
    "congressman": "representative", "congresswoman": "representative",
    "lawmaker": "representative", "chairman": "chair", "chairwoman": "chair",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "businessman": "businessperson",
    "businesswoman": "businessperson", "nominee": "candidate", "justice": "judge",
}  # fmt: skip
# One string per real-world person across all articles, as the labelling conventions
# (polnear/SPEAKER_LABELS.md) fix it for the people US political news names most: canonical
# name, gender, and the full forms articles write. A bare surname becomes the canonical name
# only where the article names nobody else of that surname and no title says another gender
# ("Mr. Clinton" is Bill; a bare "Clinton" stays as written). Measured on PolNeAR: dev 10
# labels ("Obama", "Mr. Obama", "he"), train 1, none worse.
WELL_KNOWN_PEOPLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Donald Trump", "m", ("donald trump", "donald john trump")),
    ("Hillary Clinton", "f", ("hillary clinton", "hillary rodham clinton")),
    ("Bill Clinton", "m", ("bill clinton", "william clinton", "william jefferson clinton")),
    ("Barack Obama", "m", ("barack obama", "barack hussein obama")),
    ("Joe Biden", "m", ("joe biden", "joseph biden", "joseph biden jr", "joe biden jr")),
    ("Mike Pence", "m", ("mike pence", "michael pence", "michael richard pence")),
    ("Tim Kaine", "m", ("tim kaine", "timothy kaine", "timothy michael kaine")),
)
_WELL_KNOWN_FORMS_LIST = [form for _, _, forms in WELL_KNOWN_PEOPLE for form in forms]
_WELL_KNOWN_FORMS = {
    tuple(form.split()): (name, gender)
    for name, gender, forms in WELL_KNOWN_PEOPLE
    for form in forms
}
_WORDS = re.compile(r"[^\W\d_]+")
# Last words of the full forms ("jr" of "Joseph Biden Jr."), to skip every other name cheaply.
_WELL_KNOWN_ENDINGS = frozenset(form.split()[-1] for form in _WELL_KNOWN_FORMS_LIST)
_WELL_KNOWN_SURNAMES: dict[str, list[tuple[str, str]]] = defaultdict(list)
for _name, _gender, _forms in WELL_KNOWN_PEOPLE:
    _WELL_KNOWN_SURNAMES[_name.split()[-1].lower()].append((_name, _gender))
_NOT_ROLE_WORDS = {"the", "a", "an", "'s", "\u2019s", "of", "for", "and", ",", "(", ")", "-"}
# A headline line: this share of its words of 4+ letters capitalised, and at least this many.
_HEADLINE_SHARE = 0.8
_HEADLINE_MIN_WORDS = 3


def role_noun(word: str) -> str:
    """One spelling per role: "Sen." and "senator" -> "senator", "chairwoman" -> "chair"."""
    w = word.lower().rstrip(".")
    w = _TITLE_ROLES.get(w, w)
    return _SAME_ROLE.get(w, w)


def name_key(words: Sequence[str]) -> tuple[str, ...]:
    """A person's name as compared: lower case, no titles, initials or possessive ("Jr." stays:
    Donald Trump Jr. is not his father)."""
    out = []
    for w in words:
        w = w.replace("\u2019", "'").lower()
        if w.endswith("'s"):
            w = w[:-2]
        w = w.strip(".,'\"()")
        if len(w) <= 1:
            continue
        out.append(w)
    while len(out) > 1 and out[0] in PERSON_TITLES:
        out = out[1:]
    return tuple(out)


def is_headline(line: str) -> bool:
    """True for a title-case line ("Trump Warns Clinton Over Emails"), not a sentence."""
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    if len(words) < _HEADLINE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= _HEADLINE_SHARE * len(words)


class _Person:
    """One distinct full name of the article's body, and how often it is written."""

    __slots__ = ("key", "written", "count", "first_start")

    def __init__(self, key: tuple[str, ...], written: str, start: int) -> None:
        self.key = key
        self.written: Counter[str] = Counter({written: 1})
        self.count = 1
        self.first_start = start

    @property
    def name(self) -> str:
        return self.written.most_common(1)[0][0]


class ArticleNames:
    """Speaker-name knowledge of one article, built on first use from its entity mentions."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        entities: Sequence[EntityMention],
        inside_quote: Callable[[int], bool],
    ) -> None:
        self._doc = doc
        self._text = text
        self._entities = entities
        self._inside_quote = inside_quote
        self._lines: tuple[list[int], list[bool]] | None = None
        self._people: dict[tuple[str, ...], _Person] | None = None
        self._by_surname: dict[str, list[_Person]] = defaultdict(list)
        self._by_first: dict[str, list[_Person]] = defaultdict(list)
        self._gender_by_surname: dict[str, str] = {}
        self._gender_told: dict[tuple[str, ...], str] = {}
        self._roles: list[tuple[int, frozenset[str], str]] | None = None
        self._role_words: dict[str, frozenset[str]] | None = None
        self._acronyms: dict[str, str] | None = None
        self._short_forms: dict[str, set[str]] | None = None

    # -- headlines -------------------------------------------------------------------------

    def in_headline(self, offset: int) -> bool:
        """Whether ``offset`` is on a title-case line (a headline or subheading)."""
        if self._lines is None:
            starts, flags = [], []
            pos = 0
            for line in self._text.split("\n"):
                starts.append(pos)
                flags.append(is_headline(line))
                pos += len(line) + 1
            self._lines = (starts, flags)
        starts, flags = self._lines
        return flags[bisect.bisect_right(starts, offset) - 1]

    # -- people ----------------------------------------------------------------------------

    def _mention_words(self, e: EntityMention) -> list[str]:
        return name_part(self._text[e.start : e.end]).split()

    def _build_people(self) -> dict[tuple[str, ...], _Person]:
        people: dict[tuple[str, ...], _Person] = {}
        told: dict[tuple[str, ...], set[str]] = {}  # name -> genders its own possessives gave
        # once per article, not per name: a long article is thousands of names
        token_at = {t.idx: t.i for t in self._doc}
        sentence_of = [0] * len(self._doc)
        for k, sentence in enumerate(self._doc.sents):
            sentence_of[sentence.start : sentence.end] = [k] * len(sentence)
        persons_in = Counter(sentence_of[x.start] for x in self._doc.ents if x.label_ == "PERSON")
        for e in self._entities:
            if e.label != "PERSON" or self.in_headline(e.start):
                continue
            words = self._mention_words(e)
            key = name_key(words)
            if not key:
                continue
            before = self._text[max(0, e.start - 6) : e.start].lower().split()
            title = before[-1].rstrip(".") if before else ""
            if title in _MALE_TITLES:
                self._gender_by_surname.setdefault(key[-1], "m")
            elif title in _FEMALE_TITLES:
                self._gender_by_surname.setdefault(key[-1], "f")
            else:
                owned = self._own_possessive(e, token_at, sentence_of, persons_in)
                if owned is not None:
                    told.setdefault(key, set()).add(owned)
            if len(key) < 2:
                continue
            written = _without_possessive(_without_titles(" ".join(words)))
            if key in people:
                people[key].written[written] += 1
                people[key].count += 1
            else:
                people[key] = _Person(key, written, e.start)
        # "Crooked Hillary Clinton" beside "Hillary Clinton": a leading word that is no given
        # name, in front of a given name the article also writes without it, is an epithet or
        # a title ("Ildefonso Guajardo Villarreal" is not "Guajardo Villarreal" plus an epithet)
        for key in list(people):
            if (
                len(key) >= 3
                and key[1:] in people
                and first_name_gender(key[0]) is None
                and first_name_gender(key[1]) is not None
            ):
                people[key[1:]].count += people.pop(key).count
        # "De Blasio" beside "Bill de Blasio": a shorter form of one longer name is that name
        by_surname: dict[str, list[_Person]] = defaultdict(list)
        for person in people.values():
            by_surname[surname(person.key)].append(person)
        for key in list(people):
            longer = [
                p for p in by_surname[surname(key)]
                if _contains(p.key, key) and p.key[-1] not in _SUFFIXES
            ]
            if len(longer) == 1:
                longer[0].count += people.pop(key).count
        for person in people.values():
            self._by_surname[surname(person.key)].append(person)
            self._by_first[person.key[0]].append(person)
        # by the whole name, not the surname: Donald Trump's "his" says nothing of Ivanka Trump
        self._gender_told = {
            name: next(iter(genders)) for name, genders in told.items() if len(genders) == 1
        }
        return people

    def _own_possessive(
        self, e: EntityMention, token_at: dict[int, int], sentence_of: list[int],
        persons_in: Counter,
    ) -> str | None:
        """"f" for "Amara Okoye released her second album": the gender of a "his"/"her" in
        what the person's own verb governs, in a sentence that names no other person. Not in a
        clause the verb reports or a relative clause ("Okoye said her rival ..."): that "her"
        can be anyone's. For a given name the list does not know, this is the only sign."""
        first = token_at.get(e.start)
        if first is None or persons_in[sentence_of[first]] != 1:
            return None
        last = first
        while last + 1 < len(self._doc) and self._doc[last + 1].idx < e.end:
            last += 1
        root = self._doc[first : last + 1].root
        if root.dep_ != "nsubj":
            return None
        verb = root.head
        genders = set()
        todo = [c for c in verb.children if c.i != root.i]
        while todo:
            t = todo.pop()
            if t.dep_ in _OTHER_CLAUSES:
                continue
            if t.dep_ == "poss" and t.lower_ in _POSSESSIVE_GENDER:
                genders.add(_POSSESSIVE_GENDER[t.lower_])
            todo.extend(t.children)
        return genders.pop() if len(genders) == 1 else None

    def people(self) -> dict[tuple[str, ...], _Person]:
        if self._people is None:
            self._people = self._build_people()
        return self._people

    def person_name(self, written: str, at: int) -> str | None:
        """The name a PERSON mention written ``written`` at offset ``at`` stands for.

        A full name stays itself (or the most written form with the same words); a surname or a
        given name alone becomes the article's full name for it: the one written most often (of
        equals, one with a given name first, then the one introduced first). A headline's "name"
        is only trusted for the surnames in it.
        """
        return well_known_name(self._person_name(written, at))

    def _person_name(self, written: str, at: int) -> str | None:
        people = self.people()
        # a title in the mention or just before it ("Mrs. Clinton", "Mr. Trump")
        before = (self._text[max(0, at - 6) : at] + " " + written).lower().split()
        title = before[-2].rstrip(".") if len(before) >= 2 else ""
        titled = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else None
        written = name_part(written)
        key = name_key(written.split())
        if not key:
            return None
        if self.in_headline(at) and key not in people:
            # "Trump Warns Clinton", "Obama Says": the first word that is a body surname
            for word in key:
                if word in self._by_surname:
                    return self._best(self._by_surname[word], at).name
            return None
        if key in people:
            return people[key].name
        if len(key) >= 2:
            longer = [p for p in self._by_surname.get(surname(key), []) if _contains(p.key, key)]
            if longer:
                return self._best(longer, at).name
            return _without_possessive(_without_titles(written))
        word = key[0]
        candidates = self._by_surname.get(word) or self._by_first.get(word)
        if candidates and titled is not None:
            # "Mrs. Clinton" is no Bill Clinton, "Mr. Clinton" no Hillary
            fits = [p for p in candidates if first_name_gender(p.key[0]) in {titled, None}]
            candidates = fits or candidates
        if candidates:
            return self._best(candidates, at).name
        known = self._well_known_surname(word)
        if known is not None:
            return known
        return _without_possessive(_without_titles(written))

    def _well_known_surname(self, word: str) -> str | None:
        """"Obama" -> "Barack Obama" (called when the article names no other Obama)."""
        titled = self._gender_by_surname.get(word)
        fits = [
            name for name, gender in _WELL_KNOWN_SURNAMES.get(word, ())
            if titled is None or gender == titled
        ]
        return fits[0] if len(fits) == 1 else None

    def known_person(self, written: str, at: int) -> str | None:
        """``person_name`` for a name the article's people have ("Trump"), else None."""
        key = name_key(name_part(written).split())
        if not key:
            return None
        people = self.people()
        if key in people or surname(key) in self._by_surname or key[0] in self._by_first:
            return self.person_name(written, at)
        return None

    @staticmethod
    def _best(candidates: list[_Person], at: int) -> _Person:
        # the form written most; of equals, one that starts with a given name ("Donald Trump",
        # not "Los Hijos de Trump"), then the one the article introduced first: its subject
        # (Carly Fiorina before her husband Frank)
        return max(
            candidates,
            key=lambda p: (p.count, first_name_gender(p.key[0]) is not None, -p.first_start),
        )

    def gender(self, name: str | None) -> str | None:
        """"m", "f" or None for a person's name: a given name that tells (one of
        ``WELL_KNOWN_PEOPLE``, or a frequent one), else a title the article gives the surname
        ("Mr. Clinton" says nothing of Hillary Clinton, but "Mrs. Schlafly" of Phyllis)."""
        if not name:
            return None
        key = name_key(name.split())
        if not key:
            return None
        if key in _WELL_KNOWN_FORMS:
            return _WELL_KNOWN_FORMS[key][1]
        if len(key) >= 2 and first_name_gender(key[0]) is not None:
            return first_name_gender(key[0])
        self.people()
        if key in self._gender_told:
            return self._gender_told[key]
        titled = self._gender_by_surname.get(key[-1])
        if titled is None and len(key) == 1 and len(self._by_surname.get(key[0], ())) == 1:
            # "Okoye", the article's only person of that surname, whose possessive told
            titled = self._gender_told.get(self._by_surname[key[0]][0].key)
        return titled

    # -- roles -----------------------------------------------------------------------------

    def person_with_role(
        self, role: str, modifiers: set[str], before: int, required: frozenset[str] = frozenset()
    ) -> str | None:
        """The person last given ``role`` before ``before`` ("Mayor Bill de Blasio" for "the
        mayor"), preferring one whose role words share the most of ``modifiers``; one without
        all of ``required`` (a party: "the Republican nominee") never."""
        best: tuple[int, int] | None = None
        best_name = None
        for start, words, name in self._all_roles():
            if start >= before:
                break
            if role not in words or not required <= words:
                continue
            rank = (len(modifiers & words), start)
            if best is None or rank >= best:
                best, best_name = rank, name
        return best_name

    def only_person_with_role(self, role: str, before: int) -> str | None:
        """The one person given ``role`` before ``before``, or None when none or several were
        ("the judge" in an article with one judge; "the senator" among two senators: None)."""
        names = {name for start, words, name in self._all_roles()
                 if start < before and role in words}
        return names.pop() if len(names) == 1 else None

    def role_words(self, name: str) -> frozenset[str]:
        """Every role word the article gives the person ``name`` ("republican", "senator")."""
        if self._role_words is None:
            self._role_words = defaultdict(frozenset)
            for _start, words, person in self._all_roles():
                self._role_words[person] |= words
        return self._role_words.get(name, frozenset())

    def _all_roles(self) -> list[tuple[int, frozenset[str], str]]:
        """(offset, role words, name) of every person given a role, built on first use."""
        if self._roles is None:
            self._roles = self._build_roles()
        return self._roles

    def _build_roles(self) -> list[tuple[int, frozenset[str], str]]:
        roles = []
        doc = self._doc
        for e in self._entities:
            if e.label != "PERSON" or self._inside_quote(e.start) or self.in_headline(e.start):
                continue
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            words: list[str] = []
            # "Republican presidential nominee Donald Trump", "Sen. Lindsey Graham": the words
            # in front of the name inside its noun phrase, and a title inside the mention
            words += [t.text for t in doc[head.left_edge.i : span.start]]
            # "Bill de Blasio, the mayor of New York" and "the mayor, Bill de Blasio"
            for child in head.children:
                if child.dep_ == "appos":
                    words += [t.text for t in child.subtree]
            if head.dep_ == "appos":
                words += [t.text for t in head.head.subtree if t.i < head.left_edge.i]
            role_words = frozenset(role_noun(w) for w in words if w.lower() not in _NOT_ROLE_WORDS)
            if {"member", "parliament"} <= role_words:
                role_words |= {"mp"}  # "the local Member of Parliament" is "the MP" after
            if not role_words:
                continue
            name = self.person_name(self._text[e.start : e.end], e.start)
            if name:
                roles.append((e.start, role_words, name))
        return roles

    # -- organisations ---------------------------------------------------------------------

    def organisation_name(self, written: str) -> str | None:
        """The full name of an acronym the article spells out ("IMF" -> "International Monetary
        Fund"), else None."""
        acronym = written.replace(".", "").strip()
        if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
            return None
        if self._acronyms is None:
            self._acronyms = {}
            for e in self._entities:
                if e.label != "ORG":
                    continue
                words = [w for w in e.canonical.split() if w[:1].isupper()]
                if len(words) >= 2:
                    self._acronyms.setdefault("".join(w[0] for w in words), e.canonical)
        return self._acronyms.get(acronym)

    def organisation_short_form(self, written: str) -> str | None:
        """The one organisation of the article whose name starts with the word ``written``
        ("Corrister" -> "Corrister Foods": a company's short name the NER tagged as nothing or
        as a person), else None."""
        if not (written.isalpha() and written[:1].isupper()):
            return None
        if self._short_forms is None:
            self._short_forms = defaultdict(set)
            for e in self._entities:
                words = e.canonical.split()
                if e.label == "ORG" and len(words) >= 2:
                    self._short_forms[words[0]].add(e.canonical)
        names = self._short_forms.get(written)
        return next(iter(names)) if names is not None and len(names) == 1 else None


def well_known_name(name: str | None) -> str | None:
    """The one spelling of a ``WELL_KNOWN_PEOPLE`` name ("Hillary Rodham Clinton" -> "Hillary
    Clinton"), else ``name``."""
    words = _WORDS.findall(name) if name else []
    if not words or words[-1].lower() not in _WELL_KNOWN_ENDINGS:
        return name  # the common case, without building a name key per quote
    known = _WELL_KNOWN_FORMS.get(name_key(name.split()))
    return known[0] if known is not None else name


def surname(key: tuple[str, ...]) -> str:
    """The last word of a name key that is no "Jr."/"III"."""
    for word in reversed(key):
        if word not in _SUFFIXES:
            return word
    return key[-1]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(longer) > len(shorter) and all(w in longer for w in shorter)


# Lower-case words inside a name ("Bill de Blasio", "Osama bin Laden", "Anwar al-Awlaki").
_NAME_PARTICLES = frozenset(
    "de la le du des del della di da van von der den ter bin ibn al el dos das y".split()
)


def name_part(written: str) -> str:
    """The name inside a PERSON span the NER ran too far: "Trump assured Jones" -> "Trump",
    "Peruvian novelist Mario Vargas Llosa" -> "Mario Vargas Llosa", "Weak - Rubio" -> "Rubio".

    Lower-case words other than name particles ("de", "bin") split the span; the part after the
    last one is the name when it starts with a given name, else the part before the first.
    """
    for dash in (" - ", " \u2014 ", " \u2013 "):
        if dash in written:
            written = written.rsplit(dash, 1)[1]
    words = written.split()
    breaks = [
        i for i, w in enumerate(words)
        if w[:1].islower() and w.split("-")[0] not in _NAME_PARTICLES
    ]
    if not breaks:
        return written
    after = words[breaks[-1] + 1 :]
    if after and first_name_gender(after[0]) is not None:
        return " ".join(after)
    return " ".join(words[: breaks[0]]) or " ".join(after)


# The first word of a name and the space after it, when another word follows.
_FIRST_WORD = re.compile(r"(\S+)\s+(?=\S)")


def without_leading_titles(written: str) -> str:
    """``written`` without the titles that open it ("Councilmember Aisha Grant" -> "Aisha
    Grant"; "Mayor" alone stays), its own spacing kept."""
    while (first := _FIRST_WORD.match(written)) and (
        first.group(1).lower().rstrip(".") in PERSON_TITLES
    ):
        written = written[first.end() :]
    return written


def _without_titles(written: str) -> str:
    return " ".join(without_leading_titles(written.strip()).split())


def _without_possessive(written: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if written.endswith(suffix) and len(written) > len(suffix):
            return written[: -len(suffix)]
    return written


def subject_of(token: Token) -> bool:
    """Whether ``token`` heads a clause's subject (the salient one for a later pronoun)."""
    return token.dep_ in {"nsubj", "nsubjpass"}
