"""One identity per speaker across a run: name keys, the merge rules, and deterministic ids.

``speaker_name`` is resolved inside one article ("he" -> "Hillary Clinton"); this module decides
which of those names, across articles, are one person or organisation. The rules favour
precision (a wrong merge puts one person's words in another's mouth; a missed merge only splits
a count):

- A person's key is (given name, surname, suffix) with titles, middle names and initials,
  punctuation and possessives dropped: "Donald J. Trump", "Donald Trump", "Mr. Donald Trump's"
  share ``donald|trump``. "Jr."/"Sr."/"III" stay in the key: "Donald Trump Jr." is his son.
- Keys are grouped by (type, surname, suffix). In a group, each distinct given name is one
  identity. A bare surname ("Trump") or an initial ("H. Clinton") joins the identity only when
  the group holds exactly one that fits; when two people share the surname in the run ("Bill
  Clinton", "Hillary Clinton"), a bare "Clinton" is never merged: it stays one identity per
  article (the article resolved what it could; what is left is its own).
- Any other name (an organisation, a group, a joint source "Ted Cruz and John Kasich") merges only
  with the same words after dropping a leading "the" and a possessive: "The Clinton campaign" =
  "Clinton campaign".
- A speaker_id is a hash of the key alone, never of what else the run holds, so an id written
  for one window of a stream is the id every later window gives the same key.

Pure functions and a CombineFn's accumulator; the Beam wiring is ``transforms/speakers_table.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any, NamedTuple

from transforms.entity_spans import DETERMINERS, PERSON_TITLES

PERSON = "PERSON"  # the one speaker type (transforms/tables.py SPEAKER_TYPES) with surnames

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Lower-case particles that belong to a surname: "Ursula von der Leyen", "Charles de Gaulle".
_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le",
              "bin", "ibn", "al", "el", "st", "ter", "ten"}
# The word that joins the names of a joint source ("Ted Cruz and John Kasich"); never a word of
# one person's name.
_JOINT = "and"
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


class NameKey(NamedTuple):
    type: str
    given: str  # "" when the name is a surname alone; one letter for an initial
    last: str  # a person's surname, or the whole normalised name of anything else
    suffix: str = ""

    @property
    def group(self) -> str:
        """The identities a key can merge with share this: type, surname and suffix."""
        return f"{self.type}|{self.last}|{self.suffix}"

    @property
    def text(self) -> str:
        return f"{self.type}|{self.given}|{self.last}|{self.suffix}"


def _words(name: str) -> list[str]:
    text = name.replace("\u2019", "'")
    words = [w.lower() for w in _WORD.findall(text)]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    elif words and words[-1].endswith("'"):
        words[-1] = words[-1][:-1]
    return [w for w in words if w]


def name_key(name: str | None, type_: str) -> NameKey | None:
    """The merge key of a resolved speaker name, or None when nothing name-like is left."""
    if not name:
        return None
    words = _words(name)
    while words and words[0] in DETERMINERS:
        words = words[1:]
    if type_ != PERSON or _JOINT in words:
        # a joint source ("Trump and Ryan", typed a person by its last word) is keyed on all
        # its words: its last word is no surname to merge on
        return NameKey(type_, "", " ".join(words)) if words else None
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1] in _SUFFIXES:
        suffix = words.pop()
    if not words:
        return None
    # The surname starts at the first lower-case particle after the given name.
    cut = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i] in _PARTICLES:
            cut = i
            break
    last = " ".join(words[cut:])
    given = words[0] if cut > 0 else ""
    return NameKey(PERSON, given, last, suffix)


def speaker_id(key: NameKey, article_id: str | None = None) -> str:
    """Deterministic id: the key (and, for a name resolved per article, the article)."""
    raw = key.text if article_id is None else f"{key.text}|{article_id}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


# --- the accumulator: one group's variants, their written forms, quotes and articles ---------

#: key text -> [written forms Counter, quotes per article Counter]
Variants = dict[str, list[Counter]]


def add_mention(acc: Variants, key: NameKey, form: str, article_id: str) -> Variants:
    forms, articles = acc.setdefault(key.text, [Counter(), Counter()])
    forms[form] += 1
    articles[article_id] += 1
    return acc


def merge_variants(accs: list[Variants]) -> Variants:
    out: Variants = {}
    for acc in accs:
        for text, (forms, articles) in acc.items():
            mine = out.setdefault(text, [Counter(), Counter()])
            mine[0].update(forms)
            mine[1].update(articles)
    return out


class Identity(NamedTuple):
    speaker_id: str
    name: str
    variants: list[str]
    type: str
    n_quotes: int
    n_articles: int
    #: For a name resolved per article: the run's identities it could be ("Obama" ->
    #: ["Barack Obama", "Michelle Obama"]); empty for everything merged run-wide.
    could_be: list[str] = []


class GroupResolution(NamedTuple):
    identities: list[Identity]
    #: key text -> speaker_id, for keys merged as a whole
    ids: dict[str, str]
    #: key texts resolved per article (a surname shared by several people)
    per_article: frozenset[str]


def key_of(text: str) -> NameKey:
    type_, given, last, suffix = text.split("|", 3)
    return NameKey(type_, given, last, suffix)


def _fullest(forms: Counter) -> str:
    # The fullest written form: most words (stray punctuation is no word), then most used, then
    # alphabetical (deterministic).
    return min(forms, key=lambda f: (-len(_words(f)), -forms[f], f))


def resolve_group(acc: Variants) -> GroupResolution:
    """Which keys of one group are one identity, by the rules in the module docstring."""
    keys = {text: key_of(text) for text in acc}
    full = sorted(t for t, k in keys.items() if len(k.given) > 1 or k.type != PERSON)
    members: dict[str, list[str]] = {t: [t] for t in full}  # identity key text -> its keys
    per_article = []
    for text in sorted(keys):
        if text in members:
            continue
        given = keys[text].given
        fits = [t for t in full if keys[t].given.startswith(given)]
        if len(fits) == 1:
            members[fits[0]].append(text)
        elif not fits and given:
            members[text] = [text]  # an initial with no full name in the run: its own
        elif not fits and not [t for t in keys if keys[t].given and t != text]:
            members[text] = [text]  # a surname no one else in the run has
        else:
            per_article.append(text)
    identities, ids = [], {}
    for head, texts in sorted(members.items()):
        sid = speaker_id(keys[head])
        forms: Counter = Counter()
        articles: Counter = Counter()
        for t in texts:
            forms.update(acc[t][0])
            articles.update(acc[t][1])
            ids[t] = sid
        identities.append(_identity(sid, forms, articles, keys[head].type))
    names = {t: _fullest(acc[t][0]) for t in full}
    for text in per_article:
        forms, articles = acc[text]
        given = keys[text].given
        could_be = sorted({names[t] for t in full if keys[t].given.startswith(given)})
        for article, n in sorted(articles.items()):
            identities.append(_identity(
                speaker_id(keys[text], article), forms, Counter({article: n}), keys[text].type,
                could_be))
    return GroupResolution(identities, ids, frozenset(per_article))


def _identity(sid: str, forms: Counter, articles: Counter, type_: str,
              could_be: list[str] | None = None) -> Identity:
    name = _fullest(forms)
    if type_ == PERSON:
        name = _without_titles(name)
    return Identity(sid, name, sorted(forms), type_, sum(articles.values()),
                    len(articles), could_be or [])


def _without_titles(name: str) -> str:
    """A person's name as a table of people shows it: "Mayor Ana Ruiz" -> "Ana Ruiz" (the
    written forms stay in ``variants``); a title before a lone surname stays ("Mr. Smith")."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    return " ".join(words)


def identity_row(identity: Identity) -> dict[str, Any]:
    return identity._asdict()


def id_for(resolution: GroupResolution, key: NameKey, article_id: str) -> str | None:
    if key.text in resolution.per_article:
        return speaker_id(key, article_id)
    return resolution.ids.get(key.text)
