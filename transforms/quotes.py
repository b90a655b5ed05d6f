"""Quotes of a parsed article: direct, indirect and mixed, with speaker and reporting cue.

Four sources of quotes, merged so that none overlap (labels first, then the widest clause first):

1. Speaker labels (``speaker_labels``): "NAME: words" paragraphs (headlines, transcripts).
2. Clause attributions: a reporting verb outside quotation marks with a clause complement
   ("Mediazone reported that ..."), a stance verb with its object or to-infinitive ("called for
   a special prosecutor", "vowed to win"), a speech verb hung onto the content as an aside
   ("..., sources said."; "The test, North Korea said, was ..."), and "according to X". Their
   content is the clause; it is INDIRECT, MIXED when it holds quotation marks, and when every
   word of it is quoted the quotation becomes a DIRECT quote with that cue.
3. Quotations (``quote_marks``) no clause attribution took, attributed to the nearest speech verb
   with a subject around them in their sentence ("“...,” he said"; "He said: “...”") or to a
   "― Name" trailer.
4. Quotations with no cue of their own: the next fragment of an attributed quote ("“...,” he said.
   “...”") and a quotation standing as a sentence right after an attribution in the same or the
   previous paragraph inherit its speaker (the Gender Gap Tracker's rule). Other unattributed
   quotations are kept only when they look like speech (a sentence of several words): short
   ones and title-case ones inside a sentence are scare quotes and titles.

Offsets are characters of ``doc.text``; DIRECT content excludes the quote marks.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Token

from transforms.entities import EntityMention
from transforms.quote_marks import QuotedRegion, find_quoted_regions
from transforms.reporting_verbs import is_reporting_verb, is_speech_verb, is_stance_verb
from transforms.sentences import SentenceIndex, SentenceSpan
from transforms.speaker_labels import (
    LabelledSpeech,
    find_labelled_paragraphs,
    trailing_dash_speaker,
)
from transforms.speakers import SpeakerResolver, mention_span, speaker_token


class QuoteSpan(NamedTuple):
    kind: str  # DIRECT | INDIRECT | MIXED
    start: int
    end: int
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    cue_start: int | None
    cue_end: int | None
    sentence_start_index: int
    sentence_end_index: int


class _Attribution(NamedTuple):
    """A content span with the tokens that attribute it (before spans become offsets)."""

    start: int
    end: int
    cue: tuple[int, int] | None  # character span of the cue
    speaker: Token | None  # head of the speaker mention
    regions: tuple[int, ...] = ()  # indices of the quotations it holds
    speaker_span: tuple[int, int] | None = None  # a mention that is no parse subtree ("WALLACE:")
    kind: str | None = None  # set when the quotations alone don't tell


# A floating quotation (no cue, no inheritance) must be at least this many words to be kept.
_MIN_FLOATING_WORDS = 6
# Verbs that take a clause but whose clause is rarely someone's statement when the verb is a
# bare participle or infinitive ("to show", "known as"); they still count with a subject.
_NEEDS_SUBJECT_FORMS = {"known", "shown", "found", "thought", "feeling", "knowing", "finding"}
_OPENING_MARKS = '"\u201c\u201d\u201e\u00ab`'
_CLOSING_MARKS = "\"\u201d\u00bb'"
_STANCE_OBJECT_DEPS = {"dobj", "xcomp", "oprd", "ccomp"}
# "call for", "call on", "push for", "accuse X of", "warn of/about/against", "agree with".
_STANCE_PREPS = {"for", "on", "of", "about", "against", "to"}
_BARE_OBJECTS = {"it", "this", "that", "himself", "herself", "themselves", "itself", "one"}
_MAX_TITLE_WORDS = 8
# A sentence split off after a closing mark is a cue fragment ("he said, adding ...") only when
# short; a longer one is the writer's next sentence.
_MAX_CUE_FRAGMENT_WORDS = 20
_LABEL_SOURCES = {"poll", "survey", "study", "report"}
_LABEL_ENTITY_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
_NOT_SOURCES = {"this", "that", "there", "what", "these", "those"}
_NOT_VERB_DEPS = {"amod", "compound", "nmod", "pobj", "dobj", "nsubj", "attr"}
_MODALS = {"to", "will", "would", "could", "may", "might", "should", "must", "can", "'ll"}
_TRAILING_WORDS = {".", "and", "but", "or"}
_CONTENT_TRIM = {",", ":", ";", "-", "\u2014", "\u2013", "(", ")"}


def extract_quotes(
    doc: Doc, sentences: list[SentenceSpan], entities: list[EntityMention]
) -> list[QuoteSpan]:
    # ``doc.text`` is rebuilt from all the tokens on every access: read once, passed along
    text = doc.text
    by_offset = SentenceIndex(sentences)
    paragraphs = _paragraph_spans(sentences)
    labels = [
        lb for lb in find_labelled_paragraphs(text, paragraphs) if _names_someone(doc, text, lb)
    ]
    regions = _split_at_labels(text, find_quoted_regions(text, paragraphs), labels, paragraphs)
    quoted = _quoted_tokens(doc, regions)
    resolver = SpeakerResolver(doc, entities, [(r.outer_start, r.outer_end) for r in regions])
    found = _Found(accepted=[])
    for label in labels:
        found.accept(_labelled(text, label))
    _add_clause_attributions(doc, regions, quoted, found)
    _add_quotations(doc, text, regions, quoted, by_offset, paragraphs, found)
    out = [_to_span(a, regions, quoted, by_offset, resolver) for a in found.accepted]
    return sorted(out, key=lambda q: (q.start, q.end))


@dataclass
class _Found:
    """What the steps have decided so far; later steps read what earlier ones wrote."""

    accepted: list[_Attribution]  # the quotes, never overlapping
    # quotation index -> a clause attribution quoting it whole
    linked: dict[int, _Attribution] = field(default_factory=dict)
    # quotation index -> the attribution it went into
    attributed: dict[int, _Attribution] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # quotations inside a MIXED quote
    # ``accepted`` as sorted starts and ends, for overlap checks without a scan of every quote
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)

    def accept(self, attr: _Attribution) -> None:
        self.accepted.append(attr)
        # accepted spans never overlap, so sorted by (start, end) their ends are sorted too
        k = bisect.bisect_right(self._starts, attr.start)
        while k > 0 and self._starts[k - 1] == attr.start and self._ends[k - 1] > attr.end:
            k -= 1
        self._starts.insert(k, attr.start)
        self._ends.insert(k, attr.end)

    def overlaps_accepted(self, attr: _Attribution) -> bool:
        """Whether ``attr`` shares a character with an accepted quote."""
        # of the quotes starting before ``attr`` ends, the last ends latest
        k = bisect.bisect_left(self._starts, attr.end)
        return k > 0 and self._ends[k - 1] > attr.start


def _add_clause_attributions(
    doc: Doc, regions: list[QuotedRegion], quoted: list[int], found: _Found
) -> None:
    clause_attrs = [a for a in _clause_attributions(doc, quoted) if a.start < a.end]
    starts = [r.start for r in regions]
    ends = [r.end for r in regions]
    # the widest first: of nested reports ("X said Y told Z that ...") the outer one is kept
    for attr in sorted(clause_attrs, key=lambda a: (-(a.end - a.start), a.start)):
        covered = _regions_in(starts, ends, attr.start, attr.end)
        if covered and _all_quoted(doc, quoted, attr.start, attr.end):
            # everything said is inside quotation marks: a direct quote with this cue
            for r in covered:
                found.linked.setdefault(r, attr)
            continue
        start = min([attr.start, *(regions[r].outer_start for r in covered)])
        end = max([attr.end, *(regions[r].outer_end for r in covered)])
        widened = attr._replace(start=start, end=end, regions=tuple(covered))
        if found.overlaps_accepted(widened):
            continue
        found.accept(widened)
        found.consumed.update(covered)
        for r in covered:
            found.attributed[r] = widened


def _add_quotations(
    doc: Doc,
    text: str,
    regions: list[QuotedRegion],
    quoted: list[int],
    sentences: SentenceIndex,
    paragraphs: list[tuple[int, int]],
    found: _Found,
) -> None:
    """Direct quotes from the quotations no clause attribution took, in text order."""
    cues = _SpeechCues(doc, quoted)

    def paragraph_of(offset: int) -> int:
        return sentences.at(offset).paragraph

    # Attributions a following cue-less quotation may inherit its speaker from, in text order.
    anchors = sorted(
        (a for a in found.accepted if a.speaker is not None or a.speaker_span is not None),
        key=lambda a: a.start,
    )
    in_paragraph = [paragraph_of(r.start) for r in regions]
    previous: _Attribution | None = None
    previous_paragraph = -2
    k = 0
    for i, region in enumerate(regions):
        while k < len(anchors) and anchors[k].start < region.start:
            previous, previous_paragraph = anchors[k], paragraph_of(anchors[k].end - 1)
            k += 1
        if i in found.consumed or (
            _is_title(text, region) and not _starts_sentence(region, sentences)
        ):
            continue
        attr = (
            found.linked.get(i)
            or _next_fragment_of(i, regions, found.attributed, in_paragraph)
            or _nearby_cue(doc, text, cues, region, sentences, paragraphs)
        )
        if attr is None and previous is not None and in_paragraph[i] - previous_paragraph <= 1:
            # only a quotation standing as a sentence of its own inherits: a quoted phrase inside
            # the writer's sentence ("has “not yielded” to") is the writer's, not a quote
            inherits = in_paragraph[i] == previous_paragraph or _starts_paragraph(region, sentences)
            if inherits and (
                _starts_sentence(region, sentences)
                or len(text[region.start : region.end].split()) >= _MIN_FLOATING_WORDS
            ):
                attr = previous
        if attr is None:
            if not _looks_like_speech(text, region, sentences):
                continue
            attr = _Attribution(region.start, region.end, None, None, (i,))
        direct = attr._replace(start=region.start, end=region.end, regions=(i,), kind=None)
        if found.overlaps_accepted(direct):
            continue
        found.accept(direct)
        found.attributed[i] = attr
        if attr.cue is not None or attr.speaker is not None:
            previous, previous_paragraph = attr, in_paragraph[i]


def _next_fragment_of(
    i: int,
    regions: list[QuotedRegion],
    attributed: dict[int, _Attribution],
    in_paragraph: list[int],
) -> _Attribution | None:
    """The attribution of the quotation before ``i`` when its cue sits between the two:
    "“...,” he said. “...”" and "“...,” said X, a ... . “...”" continue one quote."""
    before = attributed.get(i - 1)
    if before is None or before.cue is None or in_paragraph[i - 1] != in_paragraph[i]:
        return None
    if regions[i - 1].outer_end <= before.cue[0] < regions[i].outer_start:
        return before
    return None


def _labelled(text: str, label: LabelledSpeech) -> _Attribution:
    start, end = label.start, label.end
    while end > start and (text[end - 1].isspace() or text[end - 1] in _CLOSING_MARKS):
        end -= 1
    # a transcript turn opens with a quote mark: the words are the speaker's own
    para_start = label.speaker_start
    while para_start > 0 and text[para_start - 1] not in "\n":
        para_start -= 1
    kind = "DIRECT" if text[para_start] in _OPENING_MARKS else "INDIRECT"
    return _Attribution(
        start,
        end,
        (label.cue_start, label.cue_end),
        None,
        speaker_span=(label.speaker_start, label.speaker_end),
        kind=kind,
    )


def _split_at_labels(
    text: str,
    regions: list[QuotedRegion],
    labels: list[LabelledSpeech],
    paragraphs: list[tuple[int, int]],
) -> list[QuotedRegion]:
    """Quotations cut at transcript turns: each turn is its own speaker's, not one long quote."""
    if not labels:
        return regions
    out: list[QuotedRegion] = []
    # labels (one per paragraph at most) and paragraphs are in text order: look them up by
    # offset instead of scanning all of them per quotation
    label_starts = [lb.speaker_start for lb in labels]
    para_ends = [p_end for _, p_end in paragraphs]
    for r in regions:
        first = bisect.bisect_left(label_starts, r.outer_start)
        inside = label_starts[first : bisect.bisect_left(label_starts, r.outer_end)]
        if not inside:
            out.append(r)
            continue
        for n in range(bisect.bisect_right(para_ends, r.outer_start), len(paragraphs)):
            p_start, p_end = paragraphs[n]
            if p_start >= r.outer_end:
                break
            k = bisect.bisect_left(inside, p_start)
            if k < len(inside) and inside[k] < p_end:
                continue
            start, end = max(r.start, p_start), min(r.end, p_end)
            while start < end and (text[start] in _OPENING_MARKS or text[start].isspace()):
                start += 1
            while end > start and (text[end - 1] in _CLOSING_MARKS or text[end - 1].isspace()):
                end -= 1
            if start < end:
                out.append(
                    QuotedRegion(
                        start, end, max(r.outer_start, p_start), min(r.outer_end, p_end), r.closed
                    )
                )
    return out


def _paragraph_spans(sentences: list[SentenceSpan]) -> list[tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        start, end = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(start, s.start), max(end, s.end))
    return [spans[p] for p in sorted(spans)]


def _quoted_tokens(doc: Doc, regions: list[QuotedRegion]) -> list[int]:
    """For each token, the index of the quotation (marks included) holding it, or -1."""
    out = [-1] * len(doc)
    j = 0
    for tok in doc:
        while j < len(regions) and regions[j].outer_end <= tok.idx:
            j += 1
        if j < len(regions) and regions[j].outer_start <= tok.idx < regions[j].outer_end:
            out[tok.i] = j
    return out


def _regions_in(starts: list[int], ends: list[int], start: int, end: int) -> list[int]:
    """Indices of the quotations overlapping ``[start, end)``, given their starts and ends."""
    # quotations are in order and never overlap, so their ends are in order too and the ones
    # overlapping a span are a run: those ending after it starts up to those starting before
    # it ends
    return list(range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)))


def _all_quoted(doc: Doc, quoted: list[int], start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(quoted[t.i] >= 0 for t in span if t.is_alpha or t.is_digit)


def _clause_attributions(doc: Doc, quoted: list[int]) -> list[_Attribution]:
    out: list[_Attribution] = []
    for tok in doc:
        if quoted[tok.i] >= 0:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            attr = _according_to(tok)
            if attr is not None:
                out.append(attr)
        elif is_reporting_verb(tok.text):
            out.extend(_reporting_clauses(tok))
    return out


def _reporting_clauses(verb: Token) -> list[_Attribution]:
    """The content clauses ``verb`` attributes: one per side of the verb ("“A,” he said, “B”")."""
    if verb.dep_ in _NOT_VERB_DEPS:
        return []  # "the said agreement", "a known issue": not a verb here
    subject = speaker_token(verb)
    if subject is None and (verb.lower_ in _NEEDS_SUBJECT_FORMS or verb.lower_.endswith("ing")):
        return []  # "It is worth noting that ...", "It goes without saying": nobody's words
    if not is_speech_verb(verb.text) and _unrealised(verb):
        return []  # "will seek to", "to reject": an intention the writer reports, not a view held
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and _is_clause(c)]
    sides: list[list[Token]] = []
    if clauses:
        for before in (True, False):
            side = [c for c in clauses if (c.i < verb.i) == before]
            if side:
                sides.append(_without_next_report([t for c in side for t in c.subtree], side))
    elif is_stance_verb(verb.text) and subject is not None and _is_source(subject):
        objects = _stance_objects(verb)
        if objects:
            sides.append([t for c in objects for t in c.subtree])
    elif verb.dep_ == "parataxis" and subject is not None and is_speech_verb(verb.text):
        # "..., sources said." and "The test, North Korea said, was its biggest" hang the verb on
        # the content's own root; the content is that root's clause, around the aside
        skip = {t.i for t in verb.subtree}
        sides.append([t for t in verb.head.subtree if t.i not in skip])
    out = []
    for tokens in sides:
        start, end = _trimmed_span(tokens)
        if start is not None:
            out.append(_Attribution(start, end, _cue_span(verb), subject, ()))
    return out


def _without_next_report(tokens: list[Token], heads: list[Token]) -> list[Token]:
    """``tokens`` cut before a coordinated report: "... that X and suggested that Y" is two
    attributions, and the second verb yields its own."""
    cut = None
    for head in heads:
        for child in head.children:
            if (
                child.dep_ in {"conj", "advcl"}
                and child.i > head.i
                and is_reporting_verb(child.text)
                and (
                    child.dep_ == "conj"
                    or any(c.dep_ == "ccomp" for c in child.children)
                    or (is_stance_verb(child.text) and _stance_objects(child))
                )
            ):
                cut = child.left_edge.i if cut is None else min(cut, child.left_edge.i)
    if cut is None:
        return tokens
    return [t for t in tokens if t.i < cut]


def _stance_objects(verb: Token) -> list[Token]:
    """What a stance verb is about: its object, predicate or to-infinitive after it.

    "called for X" and "called on X to" keep their preposition: the content is what follows.
    """
    out: list[Token] = []
    for child in verb.rights:
        if child.dep_ in _STANCE_OBJECT_DEPS:
            out.append(child)
        elif (
            child.dep_ == "prep"
            and child.lower_ in _STANCE_PREPS
            and (out or child.i == verb.i + 1)
        ):
            out.append(child)
        elif out and (
            child.dep_ in {"cc", "conj"}
            or (child.dep_ == "punct" and child.text not in _OPENING_MARKS + _CLOSING_MARKS)
        ):
            break
    if len(out) == 1 and out[0].dep_ == "dobj" and out[0].lower_ in _BARE_OBJECTS:
        return []  # "defended himself", "called it": nothing said
    return out


def _is_source(subject: Token) -> bool:
    """A subject that can hold a view. PolNeAR-style attribution counts polls, reports and
    bodies as sources too, so only demonstratives and question words are ruled out."""
    return subject.lower_ not in _NOT_SOURCES


def _unrealised(verb: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_.replace("\u2019", "'") in _MODALS for c in verb.children
    )


def _is_clause(head: Token) -> bool:
    """A complement with a subject or a complementiser: a statement, not "find it difficult"."""
    deps = {c.dep_ for c in head.children}
    return bool(deps & {"nsubj", "nsubjpass", "expl", "mark", "csubj"}) or head.is_punct


def _according_to(according: Token) -> _Attribution | None:
    to = according.doc[according.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in according.children if c.dep_ == "pobj"
    ]
    source = objs[0] if objs else None
    head = according.head
    while (
        head.dep_ not in {"ROOT", "ccomp", "conj", "advcl", "parataxis"} and head.head is not head
    ):
        head = head.head
    skip = set(t.i for t in according.subtree) | {according.i, to.i}
    # the content is the clause on the side of the phrase where its verb is: "X rose, according
    # to Y, more than ..." is about "X rose"
    last = max(skip)
    if according.i > head.i:
        tokens = [t for t in head.subtree if t.i < according.i]
    else:
        tokens = [t for t in head.subtree if t.i > last]
    start, end = _trimmed_span(tokens)
    if start is None:
        return None
    cue = (according.idx, to.idx + len(to))
    return _Attribution(start, end, cue, source, ())


def _trimmed_span(tokens: list[Token]) -> tuple[int | None, int]:
    """Character span from the first to the last token, without edge punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    # indices, not repeated slicing: a long run of edge punctuation cost a copy per token
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].text in _CONTENT_TRIM or tokens[lo].is_space):
        lo += 1
    while hi > lo and (
        tokens[hi - 1].text in _CONTENT_TRIM
        or tokens[hi - 1].lower_ in _TRAILING_WORDS
        or tokens[hi - 1].is_space
    ):
        hi -= 1
    tokens = tokens[lo:hi]
    if not any(t.is_alpha for t in tokens):
        return None, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _cue_span(verb: Token) -> tuple[int, int]:
    end_tok = verb
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end_tok.i + 1:
            end_tok = child
    return verb.idx, end_tok.idx + len(end_tok)


class _SpeechCues:
    """The speech verbs outside quotations whose subject is outside them too, in text order.

    Listed once per article: scanning the sentences around each quotation for them was
    quadratic when many quotations share one long sentence.
    """

    def __init__(self, doc: Doc, quoted: list[int]) -> None:
        self.verbs: list[Token] = []
        for tok in doc:
            if quoted[tok.i] >= 0 or not is_speech_verb(tok.text):
                continue
            subject = speaker_token(tok)
            if subject is not None and quoted[subject.i] < 0:
                self.verbs.append(tok)
        self._offsets = [tok.idx for tok in self.verbs]
        self._indices = [tok.i for tok in self.verbs]

    def nearest(self, region: QuotedRegion, first: int, end: int) -> Token | None:
        """The verb nearest ``region`` among tokens ``[first, end)``; before it on a tie.

        No verb is inside the quotation, so the nearest is the last before it or the first
        after it; distance runs to the opening mark before and from the words' end after.
        """
        lo = bisect.bisect_left(self._indices, first)
        hi = bisect.bisect_left(self._indices, end)
        k = min(max(bisect.bisect_left(self._offsets, region.outer_start), lo), hi)
        before = self.verbs[k - 1] if k > lo else None
        after = self.verbs[k] if k < hi else None
        if before is None or after is None:
            return before or after
        if region.outer_start - before.idx <= after.idx - region.end:
            return before
        return after


def _nearby_cue(
    doc: Doc,
    text: str,
    cues: _SpeechCues,
    region: QuotedRegion,
    sentences: SentenceIndex,
    paragraphs: list[tuple[int, int]],
) -> _Attribution | None:
    """A speech verb with a subject right around ``region``, within its sentences, or a
    "― Name" trailer."""
    first = sentences.at(region.outer_start)
    dash = trailing_dash_speaker(text, region.outer_end, paragraphs[first.paragraph][1])
    if dash is not None:
        speaker_start, speaker_end, cue_start, cue_end = dash
        return _Attribution(
            region.start,
            region.end,
            (cue_start, cue_end),
            None,
            speaker_span=(speaker_start, speaker_end),
        )
    last = sentences.at(max(region.outer_start, region.outer_end - 1))
    lo, hi = first.start, last.end
    # "“...,” he said." is often split after the closing mark: take the next sentence too
    nxt_i = last.index + 1
    if nxt_i < len(sentences.sentences) and sentences.sentences[nxt_i].paragraph == last.paragraph:
        nxt = sentences.sentences[nxt_i]
        # (distance first: many quotations can share a sentence, one can end right before the next)
        if (
            nxt.start - region.outer_end <= 2
            and len(text[nxt.start : nxt.end].split()) <= _MAX_CUE_FRAGMENT_WORDS
        ):
            hi = nxt.end
    # "He said:" closing the previous paragraph introduces a whole-paragraph quotation
    if first.index > 0 and region.outer_start == first.start:
        prev = sentences.sentences[first.index - 1]
        if text[prev.start : prev.end].rstrip().endswith(":"):
            lo = prev.start
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    verb = cues.nearest(region, span.start, span.end)
    if verb is None:
        return None
    return _Attribution(region.start, region.end, _cue_span(verb), speaker_token(verb), ())


def _starts_sentence(region: QuotedRegion, sentences: SentenceIndex) -> bool:
    return sentences.at(region.outer_start).start == region.outer_start


def _starts_paragraph(region: QuotedRegion, sentences: SentenceIndex) -> bool:
    s = sentences.at(region.outer_start)
    first_of_paragraph = s.index == 0 or sentences.sentences[s.index - 1].paragraph != s.paragraph
    return first_of_paragraph and region.outer_start == s.start


def _is_title(text: str, region: QuotedRegion) -> bool:
    """A quoted title ("Morning Joe", “The Steve Harvey Morning Show”): every longer word
    capitalised and no sentence punctuation inside. Speech is rarely written in title case."""
    words = [w for w in text[region.start : region.end].split() if w[:1].isalpha()]
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    if any(c in text[region.start : region.end].rstrip(",") for c in ".?!;"):
        return False
    return all(w[0].isupper() for w in words if len(w) > 3) and words[0][0].isupper()


def _names_someone(doc: Doc, text: str, label: LabelledSpeech) -> bool:
    """A "NAME:" label that is a name: an entity, an all-caps transcript name, or a poll."""
    written = text[label.speaker_start : label.speaker_end]
    if written.isupper() or written.lower() in _LABEL_SOURCES:
        return True
    span = doc.char_span(label.speaker_start, label.speaker_end, alignment_mode="expand")
    return span is not None and span[-1].ent_type_ in _LABEL_ENTITY_TYPES


def _looks_like_speech(text: str, region: QuotedRegion, sentences: SentenceIndex) -> bool:
    words = text[region.start : region.end].split()
    if len(words) < _MIN_FLOATING_WORDS:
        return False
    return region.outer_start == sentences.at(region.outer_start).start


def _to_span(
    attr: _Attribution,
    regions: list[QuotedRegion],
    quoted: list[int],
    sentences: SentenceIndex,
    resolver: SpeakerResolver,
) -> QuoteSpan:
    if attr.regions and all(
        regions[r].start <= attr.start and attr.end <= regions[r].end for r in attr.regions
    ):
        kind = "DIRECT"
    elif attr.regions:
        kind = "MIXED"
    else:
        kind = "INDIRECT"
    kind = attr.kind or kind
    speaker_start = speaker_end = None
    name = None
    if attr.speaker_span is not None:
        speaker_start, speaker_end = attr.speaker_span
        name = resolver.resolve_written(speaker_start, speaker_end)
    elif attr.speaker is not None and quoted[attr.speaker.i] < 0:
        speaker_start, speaker_end = mention_span(attr.speaker)
        name = resolver.resolve(attr.speaker, speaker_start, speaker_end)
    cue_start, cue_end = attr.cue if attr.cue is not None else (None, None)
    return QuoteSpan(
        kind,
        attr.start,
        attr.end,
        speaker_start,
        speaker_end,
        name,
        cue_start,
        cue_end,
        sentences.index_at(attr.start),
        sentences.index_at(max(attr.start, attr.end - 1)),
    )
