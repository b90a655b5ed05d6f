"""What every strategy reads about one article, computed once: quotations, labels, lookups."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from transforms.entity_labels import PERSON_LABELS, SPEAKER_LABELS
from transforms.quotes.dependencies import DependencyIndex
from transforms.quotes.regions import QuotedRegion, find_quoted_regions
from transforms.quotes.speaker_labels import LabelledSpeech, find_labelled_paragraphs
from transforms.quotes.typography import CLOSING_CHARS, OPENING_CHARS
from transforms.sentences import SentenceIndex, SentenceSpan

# "NAME:" labels that name a source without being an entity.
_LABEL_SOURCES = {"poll", "survey", "study", "report"}


@dataclass(frozen=True)
class QuoteContext:
    text: str  # ``doc.text`` is rebuilt from all the tokens on every access: read once
    sentences: SentenceIndex
    paragraphs: list[tuple[int, int]]
    labels: list[LabelledSpeech]  # "NAME: words" paragraphs that name someone
    regions: list[QuotedRegion]  # quotations, cut at transcript turns
    quoted: list[int]  # per token: the index of the quotation holding it, or -1
    region_paragraph: list[int]  # per quotation: the paragraph it starts in
    region_end_paragraph: list[int]  # ... and the one it ends in (a quotation can run over several)
    tree: DependencyIndex  # children and subtrees, without spaCy's edge-to-edge rescans

    def paragraph_of(self, offset: int) -> int:
        return self.sentences.at(offset).paragraph

    def starts_sentence(self, region: QuotedRegion) -> bool:
        return self.sentences.at(region.outer_start).start == region.outer_start

    def starts_paragraph(self, region: QuotedRegion) -> bool:
        s = self.sentences.at(region.outer_start)
        sents = self.sentences.sentences
        first_of_paragraph = s.index == 0 or sents[s.index - 1].paragraph != s.paragraph
        return first_of_paragraph and region.outer_start == s.start


def build_context(
    doc: Doc, sentences: list[SentenceSpan], text: str | None = None
) -> QuoteContext:
    """Everything the quote strategies share about one article. ``text`` is ``doc.text`` when
    the caller has it (``doc.text`` joins every token again on each access)."""
    text = doc.text if text is None else text
    index = SentenceIndex(sentences)
    paragraphs = paragraph_spans(sentences)
    found = find_labelled_paragraphs(text, paragraphs)
    named = _names_in(doc) if found else frozenset()
    labels = [lb for lb in found if _names_someone(doc, text, lb, named)]
    regions = _split_at_labels(text, find_quoted_regions(text, paragraphs), labels, paragraphs)
    return QuoteContext(
        text=text,
        sentences=index,
        paragraphs=paragraphs,
        labels=labels,
        regions=regions,
        quoted=_quoted_tokens(doc, regions),
        region_paragraph=[index.at(r.start).paragraph for r in regions],
        region_end_paragraph=[index.at(max(r.start, r.end - 1)).paragraph for r in regions],
        tree=DependencyIndex(doc),
    )


def paragraph_spans(sentences: list[SentenceSpan]) -> list[tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        start, end = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(start, s.start), max(end, s.end))
    return [spans[p] for p in sorted(spans)]


def _names_someone(doc: Doc, text: str, label: LabelledSpeech, named: frozenset[str]) -> bool:
    """A "NAME:" label that is a name: an entity, an all-caps transcript name, a poll, or the
    end of a person's name the article gives elsewhere ("Lynch: No outside influence on FBI
    probe" over an article on Loretta Lynch: in a headline the model often tags no surname)."""
    written = text[label.speaker_start : label.speaker_end]
    if written.isupper() or written.lower() in _LABEL_SOURCES or written in named:
        return True
    span = doc.char_span(label.speaker_start, label.speaker_end, alignment_mode="expand")
    return span is not None and span[-1].ent_type_ in SPEAKER_LABELS


def _names_in(doc: Doc) -> frozenset[str]:
    """The article's full names of people, whole and by their last words ("Loretta Lynch",
    "Lynch"): the surnames a label resolves by (``SpeakerResolver.resolve_written``); a
    one-word PERSON entity may be anything the NER took for a name."""
    out: set[str] = set()
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ in PERSON_LABELS and len(words) > 1:
            out.update(" ".join(words[k:]) for k in range(len(words)))
    return frozenset(out)


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
            while start < end and (text[start] in OPENING_CHARS or text[start].isspace()):
                start += 1
            while end > start and (text[end - 1] in CLOSING_CHARS or text[end - 1].isspace()):
                end -= 1
            if start < end:
                out.append(
                    QuotedRegion(
                        start, end, max(r.outer_start, p_start), min(r.outer_end, p_end), r.closed
                    )
                )
    return out


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
