"""Named entities of a parsed article, each with the article's fullest form of its name."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from transforms.entity_labels import NAME_LABELS
from transforms.entity_spans import (
    DETERMINERS,
    PERSON_TITLES,
    CharMention,
    TokenOffsets,
    TokenSpan,
    dateline_mentions,
    token_offsets,
    trim_mention,
)
from transforms.first_names import first_name_gender
from transforms.sentences import SentenceIndex, SentenceSpan


class EntityMention(NamedTuple):
    start: int
    end: int
    label: str
    sentence_index: int
    canonical: str


@lru_cache(maxsize=16_384)
def name_tokens(text: str) -> tuple[str, ...]:
    """Lower-cased words of a name without a leading article or possessive ending.

    Cached: an article asks for the words of each mention about seven times (labels, surnames,
    canonical names), and names repeat within and across articles (measured on 300 BBC
    articles: 81k calls for 12k mentions).
    """
    words = [w.strip(".,;:") for w in text.replace("\u2019", "'").split()]
    words = [w for w in words if w]
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if words and words[-1].lower().endswith("'s"):
        words[-1] = words[-1][:-2]
    return tuple(w.lower() for w in words if w)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def canonical_names(ents: list[tuple[str, str]]) -> list[str]:
    """For each ``(text, label)`` mention, the fullest mention of the same name in the article.

    A PERSON's fullest form is the longest PERSON mention that ends with the same surname or
    contains the mention's words ("Zelensky" -> "Volodymyr Zelensky"); other names look for a
    longer mention of the same label containing their words ("Ministry" -> "the Russian Defense
    Ministry" only when unambiguous). Ties go to the earliest mention, as a reader would.
    """
    names = {label: _NameIndex() for _, label in ents}
    for text, label in ents:
        names[label].add(name_tokens(text), text)
    # the answer depends only on the label and the words, and long articles repeat their names
    fullest: dict[tuple[str, tuple[str, ...]], tuple[str, ...] | None] = {}
    out: list[str] = []
    for text, label in ents:
        tokens = name_tokens(text)
        if label not in NAME_LABELS or not tokens:
            out.append(text)
            continue
        key = (label, tokens)
        if key not in fullest:
            fullest[key] = names[label].fullest(tokens, by_surname=label == "PERSON")
        found = fullest[key]
        out.append(_strip_determiner(names[label].first_text[found] if found else text))
    return out


class _NameIndex:
    """The distinct names of one label, indexed by word and by last word.

    Comparing every mention with every other one was quadratic in the mentions of a label
    (measured 11.9 s on a 300,000-character article); the indexes only look at names that
    share a word with the one looked up.
    """

    def __init__(self) -> None:
        self.first_text: dict[tuple[str, ...], str] = {}  # words -> earliest mention's text
        self._by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self._by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)

    def add(self, tokens: tuple[str, ...], text: str) -> None:
        if tokens in self.first_text or not tokens:
            return
        self.first_text[tokens] = text
        for word in set(tokens):
            self._by_word[word].append(tokens)
        self._by_last[tokens[-1]].append(tokens)

    def fullest(self, tokens: tuple[str, ...], by_surname: bool) -> tuple[str, ...] | None:
        """The one longest name containing ``tokens`` (or, ``by_surname``, ending with their
        last word); None when there is none or two different names tie."""
        # every name containing ``tokens`` holds its rarest word
        rarest = min(tokens, key=lambda w: len(self._by_word[w]))
        candidates = {c for c in self._by_word[rarest] if _contains(c, tokens)}
        if by_surname:
            candidates.update(self._by_last[tokens[-1]])
        longer = [c for c in candidates if len(c) > len(tokens)]
        if not longer:
            return None
        longest = max(len(c) for c in longer)
        fullest = [c for c in longer if len(c) == longest]
        # a shortened name that could belong to two different people stays as written
        return fullest[0] if len(fullest) == 1 else None


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    text = rest if first.lower() in DETERMINERS and rest else text
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def consistent_labels(mentions: list[tuple[str, str]]) -> list[str]:
    """One label per name across the article: the most frequent label of the same words.

    ``mentions`` are ``(text, label)``; "MOSCOW" in a dateline and "Moscow" in the body are the
    same name. Only a clear majority overrides; a tie keeps spaCy's own decision.
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for text, label in mentions:
        votes[name_tokens(text)][label] += 1
    decided: dict[tuple[tuple[str, ...], str], str] = {}
    labels = []
    for text, label in mentions:
        key = (name_tokens(text), label)
        if key not in decided:
            counts = votes[key[0]]
            top, top_n = counts.most_common(1)[0]
            decided[key] = top if top_n > counts[label] else label
        labels.append(decided[key])
    return labels


def person_surnames(mentions: list[tuple[str, str]]) -> set[str]:
    """Last words of the article's multi-word PERSON names ("Moro" from "Aldo Moro")."""
    out = set()
    for text, label in mentions:
        words = name_tokens(text)
        if label == "PERSON" and len(words) >= 2 and len(words[-1]) > 2:
            out.add(words[-1])
    return out


def _spacy_mentions(doc: Doc, text: str, tokens: TokenOffsets) -> list[CharMention]:
    out = []
    spans = [
        TokenSpan(_with_given_name(doc, ent) if ent.label_ == "PERSON" else ent.start,
                  ent.end, ent.label_)
        for ent in doc.ents
    ]
    for span in _with_post_nominal_names(doc, spans):
        span = trim_mention(doc, text, tokens, span)
        if span is not None:
            out.append(
                CharMention(tokens.starts[span.start], tokens.ends[span.end - 1], span.label)
            )
    return out


def _with_given_name(doc: Doc, ent) -> int:
    """Where a PERSON mention starts, taking in a given name the model left out: in "The
    board's chairman, Anders Holm, said" it tags only "Holm", and the article's full name of
    the man, which every later "Holm" and "he" is resolved to, would be "Holm". Only a
    capitalised word right before the name, parsed as part of it (a compound of its head),
    outside any entity and not a title ("Chairman Holm")."""
    start = ent.start
    if start == 0 or len(ent) != 1:
        return start
    word = doc[start - 1]
    if (
        word.dep_ == "compound"
        and word.head.i == start
        and word.is_title
        and word.is_alpha
        and not word.ent_type_
        # a sentence's first word is capitalised anyway: only a known given name there
        # ("Polly Nakamura, chief executive of ..., said" tagged only "Nakamura")
        and (not word.is_sent_start or first_name_gender(word.text) is not None)
        and word.lower_ not in PERSON_TITLES
        and not _is_role_noun(word.lower_)
    ):
        return start - 1
    return start


# Letters after a British or Commonwealth name: rank, honour, office, degree. The small model
# reads "Jane Holt QC" as an ORG and "Recorder Alistair Mbeki KC" as a PERSON "Recorder
# Alistair" plus an ORG "KC"; the person is "Jane Holt", and every later "Holt" is her.
# (Not "MS", "CH" or "TD": as often an illness, a country code or a touchdown.)
POST_NOMINALS = frozenset("KC QC MP MSP MEP MLA OBE MBE CBE KBE DBE FRS JP PhD".split())


def _with_post_nominal_names(doc: Doc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """``spans`` with a name followed by post-nominal letters made one PERSON without them.

    The name is the run of capitalised words right before the letters (inside the model's span
    or not), without leading titles; it must start with a known given name or hold a PERSON
    the model found, so that "the Labour MP" or "Leeds Crown Court KC" make no person. The
    model's spans that overlap the new one give way to it.
    """
    if not any(doc[s.end - 1].text in POST_NOMINALS for s in spans):
        return spans  # the common case: no letters after any name
    people = []
    for span in spans:
        letters = span.end - 1
        if doc[letters].text not in POST_NOMINALS:
            continue
        start = letters
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            start -= 1
        while start < letters and (
            doc[start].lower_ in PERSON_TITLES or _is_role_noun(doc[start].lower_)
        ):
            start += 1
        if letters - start < 2:
            continue
        found_person = any(
            s.label == "PERSON" and s.start < letters and start < s.end for s in spans
        )
        if found_person or first_name_gender(doc[start].text) is not None:
            people.append(TokenSpan(start, letters, "PERSON"))
    if not people:
        return spans
    kept = [s for s in spans if not any(s.start < p.end + 1 and p.start < s.end for p in people)]
    return sorted(kept + people)


def _is_role_noun(word: str) -> bool:
    """"Congressman", "Coach": a word for a person's role, not a given name."""
    from transforms.speakers import is_person_noun  # speakers imports this module

    return is_person_noun(word)


def _with_dateline(text: str, mentions: list[CharMention]) -> list[CharMention]:
    dateline = dateline_mentions(text)
    if not dateline:
        return mentions
    lo, hi = dateline[0].start, dateline[-1].end
    kept = [m for m in mentions if m.end <= lo or m.start >= hi]
    return sorted(kept + dateline)


def _drop_capitalised_common_words(
    doc: Doc, text: str, tokens: TokenOffsets, mentions: list[CharMention]
) -> list[CharMention]:
    """Drop one-word mentions that are just a capitalised sentence start ("Soldiers will join",
    "Guerrillas of the ...") when the article also uses the word in lower case."""
    written = _WrittenWords(text)
    out = []
    for m in mentions:
        if m.label != "PERSON" and _is_capitalised_common_word(doc, text, tokens, written, m):
            continue
        out.append(m)
    return out


class _WrittenWords:
    """Whether a word occurs in the text as a whole word, without searching the text each time.

    One regex search per mention was a scan of the whole article per mention.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._runs: set[str] | None = None
        self._searched: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if _WORD_RUN.fullmatch(word):
            # ``\bword\b`` for a word of word characters only is a maximal run of them
            if self._runs is None:
                self._runs = set(_WORD_RUN.findall(self._text))
            return word in self._runs
        if word not in self._searched:
            pattern = rf"\b{re.escape(word)}\b"
            self._searched[word] = re.search(pattern, self._text) is not None
        return self._searched[word]


_WORD_RUN = re.compile(r"\w+")


def _is_capitalised_common_word(
    doc: Doc, text: str, tokens: TokenOffsets, written: _WrittenWords, m: CharMention
) -> bool:
    word = text[m.start : m.end]
    if not word[1:].islower():
        return False
    # one whole token: one starting at the mention's start and ending at its end
    k = bisect.bisect_left(tokens.starts, m.start)
    if k == len(tokens.starts) or tokens.starts[k] != m.start or tokens.ends[k] != m.end:
        return False
    return _starts_sentence(doc, k) and word.lower() in written


def _starts_sentence(doc: Doc, i: int) -> bool:
    # look through opening quotes: ``Hope was always there
    while i > 0 and doc[i - 1].is_quote:
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


def _missed_surnames(
    text: str, mentions: list[CharMention], surnames: set[str]
) -> list[CharMention]:
    """Mentions spaCy did not tag of a surname the article gives in full elsewhere."""
    if not surnames:
        return []
    starts = [m.start for m in mentions]
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(surnames)) + r")\b", re.IGNORECASE
    )
    out = []
    for hit in pattern.finditer(text):
        # written as a name: capitalised ("Moro", "McCain"), not a common word, not a shouted
        # all-capitals headline or dateline
        if not hit.group()[0].isupper() or hit.group().isupper():
            continue
        k = bisect.bisect_right(starts, hit.start()) - 1
        if k >= 0 and mentions[k].end > hit.start():
            continue
        out.append(CharMention(hit.start(), hit.end(), "PERSON"))
    return out


def _given_name_first(words: Sequence[str]) -> bool:
    """Two or three lower-cased words, the first a known given name: how a full name looks
    (one sign of a person the model labelled otherwise; each caller asks for a second)."""
    return 2 <= len(words) <= 3 and first_name_gender(words[0]) is not None


# Honorifics that only people take, written before a surname: "Ms Thornbury", "Mr. Pritchard".
_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.? ([A-Z][\w'\u2019-]+)")


def _titled_surnames(text: str) -> set[str]:
    """Lower-cased words the article writes after "Mr", "Ms", "Dr", "Sir" ...: surnames."""
    return {m.group(1).lower() for m in _TITLED_SURNAME.finditer(text)}


def _titled_person(text: str, m: CharMention, titled: set[str]) -> CharMention:
    """``m`` as a PERSON when the model labelled otherwise a person's name: "Ms Thornbury"
    itself (without the title), or a known given name before a surname the article titles
    ("Rachel Thornbury" beside "Ms Thornbury"). Both signs for a full name, not one: "Morgan
    Stanley" starts with a given name, and "Mr Stanley" would need to be in the same article."""
    if m.label == "PERSON":
        return m
    written = text[m.start : m.end]
    words = name_tokens(written)
    if len(words) == 2 and words[-1] in titled:
        title = _TITLED_SURNAME.match(written)
        if title is not None and title.end() == len(written):
            return CharMention(m.start + title.start(1), m.end, "PERSON")
    if _given_name_first(words) and words[-1] in titled:
        return m._replace(label="PERSON")
    return m


def _person_split_off(text: str, m: CharMention) -> list[CharMention]:
    """``m`` with a person's name after its last comma split off as a PERSON: the model reads
    "An analyst at Brightwater Securities, Naomi Feld, said" as one ORG. Only for a name of two
    or three capitalised words starting with a known given name."""
    if m.label == "PERSON":
        return [m]
    cut = text.rfind(", ", m.start, m.end)
    if cut < 0:
        return [m]
    words = text[cut + 2 : m.end].split()
    if not (all(w[:1].isupper() for w in words) and _given_name_first([w.lower() for w in words])):
        return [m]
    return [CharMention(m.start, cut, m.label), CharMention(cut + 2, m.end, "PERSON")]


# A lower-case role word right before a name: "captain Jordan Mbeki", "striker Luis Ferreira".
_ROLE_BEFORE = re.compile(r"\b([a-z]+) $")


def _person_after_role(text: str, m: CharMention) -> CharMention:
    """``m`` as a PERSON where the model labelled a person's name a place or an organisation
    ("captain Jordan Mbeki" as a GPE): two or three words, the first a known given name, right
    after a lower-case title or role word. Both signs, not one: "Jordan" alone is a country."""
    if m.label not in {"GPE", "ORG", "LOC", "NORP"}:
        return m
    role = _ROLE_BEFORE.search(text, max(0, m.start - 20), m.start)
    words = name_tokens(text[m.start : m.end])
    if role is not None and role.group(1) in PERSON_TITLES and _given_name_first(words):
        return m._replace(label="PERSON")
    return m


def _is_surname(words: tuple[str, ...], surnames: set[str]) -> bool:
    return len(words) == 1 and words[0] in surnames


def extract_entities(
    doc: Doc, sentences: list[SentenceSpan], *, text: str | None = None
) -> list[EntityMention]:
    """The article's names and other entities, each trimmed to the name itself and labelled
    consistently across the article (see ``entity_spans`` for the span repairs).

    ``text`` is ``doc.text`` when the caller has it (rebuilding it joins every token again).
    """
    text = doc.text if text is None else text
    tokens = token_offsets(doc)
    mentions = _spacy_mentions(doc, text, tokens)
    mentions = _with_dateline(text, mentions)
    mentions = _drop_capitalised_common_words(doc, text, tokens, mentions)
    mentions = [p for m in mentions for p in _person_split_off(text, m)]
    mentions = [_person_after_role(text, m) for m in mentions]
    titled = _titled_surnames(text)
    if titled:
        # "Rachel Thornbury" and "Ms Thornbury" read as ORGs, in an article that titles her;
        # only surnames the article also writes after a known given name: "Dr Pepper" alone
        # titles no one
        given = {w[-1] for w in (name_tokens(text[m.start : m.end]) for m in mentions)
                 if _given_name_first(w)}
        titled &= given
        mentions = [_titled_person(text, m, titled) for m in mentions]
    labels = consistent_labels([(text[m.start : m.end], m.label) for m in mentions])
    pairs = [(text[m.start : m.end], label) for m, label in zip(mentions, labels, strict=True)]
    surnames = person_surnames(pairs)
    # a lone surname of a person named in full in the article is that person, whatever the
    # model thought of it on its own ("Moro was abducted", tagged ORG)
    mentions = [
        m._replace(label="PERSON" if _is_surname(name_tokens(t), surnames) else label)
        for m, (t, label) in zip(mentions, pairs, strict=True)
    ]
    mentions = sorted(mentions + _missed_surnames(text, sorted(mentions), surnames))
    canon = canonical_names([(text[m.start : m.end], m.label) for m in mentions])
    by_offset = SentenceIndex(sentences)
    return [
        EntityMention(m.start, m.end, m.label, by_offset.index_at(m.start), c)
        for m, c in zip(mentions, canon, strict=True)
    ]
