"""Strategies for one quotation: its own cue nearby, or none at all.

- ``cue_candidates``: the nearest speech verb with a subject around the quotation in its sentence
  ("“...,” he said"; "He said: “...”"), or a "― Name" trailer.
- ``named_next_candidates``: a paragraph-opening quotation whose next sentence names its
  speaker without a speech verb ("Maria Lopez has run the bakery ...", "The warning came from
  Luis Ortega").
- ``floating_candidates``: a quotation with no cue, kept when it reads as speech (a sentence of
  several words); short ones and title-case ones inside a sentence are scare quotes and titles.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from transforms import speakers  # the module: see extract.py
from transforms.entity_labels import SPEAKER_LABELS
from transforms.quotes.candidates import Candidate, Priority, cue_span
from transforms.quotes.clauses import (
    outer_report,
    person_name_end,
    reads_as_headline,
    set_off_participle_subject,
    unparsed_subject,
    unquoted_subject,
)
from transforms.quotes.context import QuoteContext
from transforms.quotes.regions import QuotedRegion
from transforms.quotes.reporting_verbs import (
    is_quotation_cue,
    is_reporting_verb,
    is_speech_verb,
)
from transforms.quotes.speaker_labels import trailing_dash_speaker

# A floating quotation (no cue, no inheritance) must be at least this many words to be kept.
MIN_FLOATING_WORDS = 6


def long_enough_for_speech(text: str, region: QuotedRegion) -> bool:
    """Whether a quotation has words enough to read as someone's speech on its own
    (``MIN_FLOATING_WORDS``), not a quoted phrase or title."""
    return len(text[region.start : region.end].split()) >= MIN_FLOATING_WORDS


_MAX_TITLE_WORDS = 8
# The words a programme or book title follows: "appeared on “Meet the Press.”".
_WORK_PREPS = {"on", "in", "of", "book", "show", "program", "programme"}
# A sentence split off after a closing mark is a cue fragment ("he said, adding ...") only when
# short; a longer one is the writer's next sentence.
_MAX_CUE_FRAGMENT_WORDS = 20
# Of a longer next sentence, only its opening words can be the attribution.
_CUE_OPENING_WORDS = 6


def cue_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    cues = _SpeechCues(doc, ctx)
    out = []
    for i, region in enumerate(ctx.regions):
        found = _nearby_cue(doc, ctx, cues, region)
        if found is not None:
            out.append(found._replace(order=(i,), region=i))
    return out


def named_next_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    """A quotation that opens its paragraph as a sentence of its own, followed in the paragraph
    by a sentence whose subject is a person's name and that has no reporting verb: "“We are
    not going anywhere.” Maria Lopez has run the bakery for 30 years." The person named is the
    speaker (a feature's way of introducing them), ahead of the attribution before it."""
    out = []
    sentences = ctx.sentences.sentences
    text = ctx.text
    for i, region in enumerate(ctx.regions):
        if not ctx.starts_paragraph(region):
            continue
        last = ctx.sentences.at(max(region.outer_start, region.outer_end - 1))
        if text[region.outer_end : last.end].strip() or last.index + 1 >= len(sentences):
            continue  # the quotation must end its sentence
        nxt = sentences[last.index + 1]
        if nxt.paragraph != last.paragraph:
            continue
        span = doc.char_span(nxt.start, nxt.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        speaker = _opening_name(span, ctx.quoted) or _source_named(span, ctx.quoted)
        if speaker is not None:
            out.append(
                Candidate(Priority.NAMED_NEXT, (i,), region.start, region.end, None, speaker,
                          region=i)
            )
    return out


def headline_colon_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    """A headline that opens with a quotation and a colon: "‘We were never asked’: Ashworth
    residents turn on council’s parking plan". The quotation is the words of the headline's
    subject after the colon (as British headlines quote); the colon is the cue. A headline is
    one line with no sentence punctuation at its end."""
    out = []
    text = ctx.text
    for i, region in enumerate(ctx.regions):
        p_start, p_end = ctx.paragraphs[ctx.paragraph_of(region.outer_start)]
        line = text[p_start:p_end].rstrip()
        if (region.outer_start != p_start or not reads_as_headline(line)
                or text[region.outer_end : region.outer_end + 1] != ":"):
            continue
        rest = doc.char_span(region.outer_end + 1, p_start + len(line), alignment_mode="expand")
        subject = next(
            # the parse may hang the rest on a verb inside the quotation
            (t for t in rest or () if t.dep_ in {"nsubj", "nsubjpass"}
             and ctx.quoted[t.i] < 0 and ctx.quoted[t.head.i] < 0),
            None,
        )
        if subject is not None:
            colon = (region.outer_end, region.outer_end + 1)
            out.append(Candidate(Priority.NAMED_NEXT, (i,), region.start, region.end, colon,
                                 subject, region=i))
    return out


def _opening_name(span: Span, quoted: list[int]) -> Token | None:
    """The person's name that opens ``span`` as the subject of its main verb, in a sentence with
    no reporting verb (one with a verb is a cue's to attribute)."""
    first = span[0]
    last = None if quoted[first.i] >= 0 else person_name_end(first, span.end)
    if last is None:
        return None
    if last.dep_ not in {"nsubj", "nsubjpass"} or last.head.dep_ != "ROOT":
        return None
    if any(is_reporting_verb(t.text) for t in span):
        return None
    return last


# What a sentence after a quotation calls it when it names who said it: "The warning came from
# Luis Ortega."
_UTTERANCE_NOUNS = frozenset(
    """warning warnings comment comments remark remarks words message plea promise threat
    verdict assessment admission response reply answer quote line criticism praise""".split()
)


_COME = frozenset({"come", "comes", "came"})


# A sentence's subject pointing back at the quotation before it: "That was how ...".
_POINTING_BACK = frozenset({"that", "this", "those", "these"})
_COPULAS = frozenset({"is", "was", "are", "were"})


def _words_of(span: Span, quoted: list[int]) -> Token | None:
    """Whose words ``span`` says the quotation before it was: "Those were the words of her
    husband, Paolo Marchetti.", "Those were the minister's words to ...", "That was how
    Councilmember Aisha Grant summed up the night." (the subject of the "how" clause)."""
    root = span.root
    if root.lower_ not in _COPULAS or quoted[root.i] >= 0:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _POINTING_BACK for c in root.children):
        return None
    for child in root.children:
        if child.dep_ == "attr" and child.lower_ in _UTTERANCE_NOUNS:
            owners = [c for c in child.children if c.dep_ == "poss"] + [
                p for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"
            ]
            if owners:
                # a description alone ("the minister's words") is left to the attribution before
                return _named_source(owners[0])
        if child.dep_ == "ccomp" and any(
            # "how" opens the clause; the parse may hang it on the subject ("how captain X")
            t.lower_ == "how" for t in child.subtree if t.i < child.i
        ):
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    return None


def _source_named(span: Span, quoted: list[int]) -> Token | None:
    """The person ``span`` says the quotation before it came from: "The warning came from Luis
    Ortega, who ...", "Those words came from the union's treasurer, Margaret Oyelaran.", "Those
    were the words of ...", "That was how X summed up ..."."""
    words_of = _words_of(span, quoted)
    if words_of is not None:
        return words_of
    for verb in span:
        if verb.lower_ not in _COME:  # by form: the pipeline loads no lemmatizer
            continue
        if verb.dep_ != "ROOT" or quoted[verb.i] >= 0:
            continue
        said = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _UTTERANCE_NOUNS]
        source = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj"]
        if not said or not source:
            return None
        return _named_source(source[0])
    return None


def _named_source(person: Token) -> Token | None:
    """``person`` when it is a name, or the name given it in apposition ("the union's treasurer,
    Margaret Oyelaran", "her husband, Paolo Marchetti"); None for a description alone."""
    for child in person.children:
        if child.dep_ == "appos" and child.ent_type_ in SPEAKER_LABELS:
            person = child
    return person if person.ent_type_ in SPEAKER_LABELS else None


# At most this many words between a quotation and the cue after it ("“...,” the source said").
_MAX_TRAILING_SPEAKER_WORDS = 4


def _speaker_between(between: str) -> bool:
    """Whether the words between a quotation's closing mark and the cue after it can be just its
    speaker ("“...,” the source said"): a few words, no sentence or clause break."""
    return (len(between.split()) <= _MAX_TRAILING_SPEAKER_WORDS
            and not any(ch in between for ch in ".!?;:\n"))


def quotation_after_introduction(c: Candidate, ctx: QuoteContext) -> Candidate:
    """A reporting clause whose cue follows the quotation that ends it, and whose words before
    the quotation end in a colon or a comma, cut to the quotation: in "Moreau pointed to the
    deficit: “We cannot cut it,” she said." or "Moreau weighed in too, telling reporters, “...,”
    she said." the parse takes the writer's words before the quotation for the content of
    "said"; what she said is the quotation. Applied to the clauses selection took: the words
    before the quotation stay theirs, since read on their own they mostly gave a hedge or a
    fragment with a wrong or no speaker."""
    if c.priority != Priority.CLAUSE or not c.regions or c.cue is None:
        return c
    text = ctx.text
    first, last = ctx.regions[c.regions[0]], ctx.regions[c.regions[-1]]
    introduction = text[c.start : first.outer_start].rstrip()
    if not introduction.endswith((":", ",")) or c.cue[0] < last.outer_end:
        return c
    if not _speaker_between(text[last.outer_end : c.cue[0]]):
        return c
    return c._replace(start=first.start, end=last.end)


def split_at_cue(c: Candidate, ctx: QuoteContext) -> list[Candidate]:
    """A reporting clause that opens with its quotations and runs on past the cue right after
    them, split there: in "“Too much noise,” she said, blaming the new road." the parse can hang
    the rest of the sentence on the quoted words, and the clause takes the quotation, the cue and
    the rest as one content, too wide to match either. The quotation is one quote and what follows
    the cue ("blaming the new road", "but “...”") another, both under the same cue and speaker."""
    if c.priority != Priority.CLAUSE or not c.regions or c.cue is None:
        return [c]
    text, regions = ctx.text, ctx.regions
    # a quotation after the cue ("..., meaning he is “radical enough”") is the rest's
    said = [r for r in c.regions if regions[r].outer_end <= c.cue[0]]
    if not said or c.start > regions[said[0]].start or c.end <= c.cue[1]:
        return [c]
    first, last = regions[said[0]], regions[said[-1]]
    if not _speaker_between(text[last.outer_end : c.cue[0]]):
        return [c]
    quotation = c._replace(start=first.start, end=last.end, regions=tuple(said), kind=None)
    rest = c.cue[1]
    while rest < c.end and text[rest] in " ,\u00a0":
        rest += 1
    if rest >= c.end:
        return [quotation]
    after = tuple(r for r in c.regions if regions[r].outer_end > rest)
    return [quotation, c._replace(start=rest, regions=after, kind=None)]


def with_speaker_read_off(c: Candidate, doc: Doc, ctx: QuoteContext) -> Candidate:
    """A reporting clause after a quotation left with no speaker, given the one the words around
    its verb name, as the quotation's own cue would read them (``_name_after_quotation``,
    ``described_speaker``)."""
    if c.has_speaker or c.cue is None:
        return c
    if c.priority not in {Priority.CLAUSE, Priority.QUOTED_CLAUSE}:
        return c
    span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
    if span is None:
        return c
    verb = span[0]
    speaker = _name_after_quotation(verb, ctx.quoted) or described_speaker(verb, ctx.quoted)
    if speaker is None or c.start <= speaker.idx < c.end:
        return c  # a content holding its speaker is the parse's misreading, no report
    return c._replace(speaker=speaker)


def introduced_quotation(c: Candidate, ctx: QuoteContext) -> Candidate:
    """A reporting clause whose cue introduces the quotation that ends it, cut to that quotation:
    in "Asked about the budget, Moreau said, “We will not cut it.”" or "On Sunday's show, he
    said, “...”" the parse can hang "said" on the quoted words as an aside, and the clause then
    takes in all the sentence before the cue; what was said is the quotation after it."""
    if c.priority != Priority.CLAUSE or not c.regions or c.cue is None:
        return c
    text = ctx.text
    cue_start, cue_end = c.cue
    # a title quoted before the cue ("On CNN's “State of the Union,” he said, “...”") is no part
    after = [ctx.regions[r] for r in c.regions if ctx.regions[r].outer_start >= cue_end]
    if not after or not c.start < cue_start:
        return c
    first, last = after[0], after[-1]
    if text[cue_end : first.outer_start].strip(" ,:\u00a0"):
        return c  # words between the cue and the quotation: "he said, the plan was “...”"
    if text[last.outer_end : c.end].strip(" ,.;"):
        return c  # the clause runs on past the quotation
    return c._replace(start=first.start, end=last.end)


def floating_candidates(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    return [
        Candidate(Priority.FLOATING, (i,), r.start, r.end, None, None, region=i)
        for i, r in enumerate(ctx.regions)
        if _looks_like_speech(ctx, r)
    ]


def is_title(text: str, region: QuotedRegion) -> bool:
    """A quoted title ("Morning Joe", “The Steve Harvey Morning Show”): every longer word
    capitalised and no sentence punctuation inside. Speech is rarely written in title case."""
    words = [w for w in text[region.start : region.end].split() if w[:1].isalpha()]
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    inner = text[region.start : region.end].rstrip(",")
    if inner.endswith(".") and _names_a_work(text, region):
        # a full stop closing the sentence sits inside the marks in American style ("on ABC's
        # “This Week.”", "in his 2012 book, “An American Son.”"): the writer's, not the title's
        inner = inner[:-1]
    if any(c in inner for c in ".?!;"):
        return False
    return all(w[0].isupper() for w in words if len(w) > 3) and words[0][0].isupper()


def _names_a_work(text: str, region: QuotedRegion) -> bool:
    """A quotation right after a possessive or "on"/"in"/"of" ("NBC's “Meet the Press.”", "a
    co-author of “Those Guys Have All the Fun.”"): where a programme or a book is named, and a
    title-case phrase ending the sentence is no quote ("the words, “Hillary Clinton.”" is)."""
    before = text[max(0, region.outer_start - 12) : region.outer_start].rstrip(" ,\u00a0")
    words = before.split()
    last = words[-1].lower() if words else ""
    return last.endswith(("'s", "\u2019s")) or last in _WORK_PREPS


def _looks_like_speech(ctx: QuoteContext, region: QuotedRegion) -> bool:
    return long_enough_for_speech(ctx.text, region) and ctx.starts_sentence(region)


class _SpeechCues:
    """The speech verbs outside quotations whose subject is outside them too, in text order.

    Listed once per article: scanning the sentences around each quotation for them was
    quadratic when many quotations share one long sentence.
    """

    def __init__(self, doc: Doc, ctx: QuoteContext) -> None:
        quoted = ctx.quoted
        self.verbs: list[Token] = []
        self.subject: dict[int, Token] = {}  # verb index -> its subject outside quotation marks
        self.introducing: set[int] = set()  # verbs right before a quotation: "added, “...”"
        self._sentences = ctx.sentences
        for tok in doc:
            if quoted[tok.i] >= 0:
                continue
            after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
            if not (is_quotation_cue(tok.text, after) or _puts_it(tok)):
                continue
            if not is_speech_verb(tok.text) and any(c.dep_ == "auxpass" for c in tok.children):
                continue  # "the speech was interrupted by a protester": an event, no cue
            subject = (
                _passive_agent(tok)
                or set_off_participle_subject(tok)
                or speakers.speaker_token(tok)
            )
            outer = outer_report(tok, ctx.tree)
            if outer is not None:
                subject = speakers.speaker_token(outer) or subject
            if subject is not None and quoted[subject.i] >= 0:
                # "“One of the brightest ...,” Rep. Cummings said": the parse can take a quoted
                # phrase for a second subject; the speaker is the one outside the marks
                subject = unquoted_subject(tok, quoted, ctx.tree)
            if subject is None:
                subject = unparsed_subject(tok, quoted, ctx.tree)
            if subject is None:
                subject = (
                    _name_after_quotation(tok, quoted)
                    or described_speaker(tok, quoted)
                    or _description_before(tok, quoted)
                )
            if subject is not None:
                self.verbs.append(tok)
                self.subject[tok.i] = subject
                if _opens_quotation(doc, tok, quoted):
                    self.introducing.add(tok.i)
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
        if (
            after is not None
            and after.i in self.introducing
            and before is not None
            and self._sentences.at(after.idx).start >= region.outer_end
        ):
            # "Hale answered with, “A” Her deputy then added, “B”": "added" opens a sentence
            # of its own and is B's (not in "“A,” he said, “B”", where it is A's cue too)
            return before
        if before is None or after is None:
            return before or after
        if region.outer_start - before.idx <= after.idx - region.end:
            return before
        return after


# Words a quotation's sentence runs on with after its closing mark: "“...,” Hargreave answers".
_RUNS_ON = {",", "?", "!"}
_MAX_NAME_WORDS = 4


def _name_after_quotation(verb: Token, quoted: list[int]) -> Token | None:
    """The capitalised name between a quotation that runs on ("“...,”", "“...?”") and the speech
    verb right after it, when the parse made no subject of it: in "“Go home,” Okafor barked" or
    "“...,” Lindqvist, 58, told reporters" the NER can take the name for an organisation or
    miss it, and the parse hangs it on the verb as a compound or a modifier. Its last word."""
    doc = verb.doc
    k = verb.i - 1
    if k >= 2 and doc[k].text == "," and doc[k - 1].like_num and doc[k - 2].text == ",":
        k -= 3  # an age set off by commas: "Lindqvist, 58, told"
    last = k
    while k >= 0 and last - k < _MAX_NAME_WORDS and quoted[k] < 0 and _is_name_word(doc[k]):
        k -= 1
    if k == last or k < 1 or quoted[k] < 0 or not doc[k].is_quote:
        return None
    # the quotation's last word before its closing mark says the sentence runs on
    return doc[last] if doc[k - 1].text in _RUNS_ON and quoted[k - 1] >= 0 else None


def _description_before(verb: Token, quoted: list[int]) -> Token | None:
    """A description between a quotation that runs on and its speech verb, when the parse made
    no subject of it: "“...,” a voice-over in the ad states" (the verb read as a noun). The
    description's last word."""
    doc = verb.doc
    m = verb.i - 1
    while m >= 0 and quoted[m] < 0 and verb.i - m <= _MAX_DESCRIPTION_WORDS:
        m -= 1
    if m < 1 or quoted[m] < 0 or not doc[m].is_quote or doc[m - 1].text not in _RUNS_ON:
        return None
    last = _description(doc, m + 1, quoted, limit=verb.i)
    if last is None or last.i != verb.i - 1 or last.lower_ in _NOT_A_DESCRIPTION:
        return None
    words = doc[m + 1 : verb.i]
    if any(is_reporting_verb(t.text) or t.dep_ == "nsubj" for t in words):
        return None  # a clause, not a description: "Moreau told the paper after ..."
    # "a voice-over in the ad": the words before a preposition head it
    cut = next((t.i for t in words[1:] if t.lower_ in _NOT_A_DESCRIPTION), None)
    return doc[cut - 1] if cut is not None else last


# Words that open no speaker's description: a preposition, a conjunction, a pronoun.
_NOT_A_DESCRIPTION = frozenset(
    """in on at of to for from with by after before during about as that this it there then
    also later earlier when while so but and or""".split()
)
_DETERMINERS = {"the", "a", "an", "one", "another"}
_MAX_DESCRIPTION_WORDS = 8


def described_speaker(verb: Token, quoted: list[int]) -> Token | None:
    """The speaker of a speech verb after a quotation whose description the parse broke up:
    in "“...!” Kowalski, the chair of the fund, tweeted" or "“...,” a senior official, who was not
    named, told reporters" the words right after the quotation, up to the comma that opens a
    clause set off before the verb; in "“...,” tweeted Santos spokesman Alex Brand" or "“...,” said
    the cashier, who ..." the words right after the verb, up to a comma or a parenthesis. The
    description's last word, which heads it."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "was asked": the one asked is no speaker
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].text == "," and quoted[k] < 0:
        k -= 1
    if k >= 1 and quoted[k] >= 0 and doc[k].is_quote and doc[k - 1].text in _RUNS_ON:
        return _description(doc, verb.i + 1, quoted)  # inverted: "“...,” said the cashier"
    if verb.i < 1 or doc[verb.i - 1].text != ",":
        return None  # the clause set off before the verb closes with a comma
    m = verb.i - 1
    while m >= 0 and quoted[m] < 0 and "\n" not in doc[m].text and verb.i - m <= 30:
        m -= 1
    if m < 1 or quoted[m] < 0 or not doc[m].is_quote or doc[m - 1].text not in _RUNS_ON:
        return None  # a quotation that runs on closes right before the description
    head = _description(doc, m + 1, quoted)
    if head is None or doc[head.i + 1].text != "," or head.i + 1 >= verb.i - 1:
        return None  # the description is followed by the set-off clause, not by the verb
    return head


def _description(doc: Doc, start: int, quoted: list[int], limit: int | None = None) -> Token | None:
    """The last word of the words from ``start`` up to a comma (or other punctuation), when they
    read as a description: opening on a determiner or a capital, not on a date."""
    end, limit = start, len(doc) if limit is None else limit
    while (
        end < limit
        and end - start < _MAX_DESCRIPTION_WORDS
        and quoted[end] < 0
        and (not doc[end].is_punct or speakers.joins_a_word(doc[end]))
        and not doc[end].is_space
    ):
        end += 1
    if end == start or end >= len(doc):
        return None
    if end < limit and not (doc[end].is_punct or doc[end].is_space):
        return None
    first, last = doc[start], doc[end - 1]
    if first.lower_ in _NOT_A_DESCRIPTION or first.ent_type_ in {"DATE", "TIME"}:
        return None
    if first.lower_ not in _DETERMINERS and not first.text[:1].isupper():
        return None
    if first.lower_ in _PRONOUNS or not last.is_alpha:
        return None
    return last


_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}


def _is_name_word(token: Token) -> bool:
    """A capitalised word of a name ("Okafor", "Sen.", "O'Neill"), not a pronoun (the pipeline
    loads no tagger: the word's case is what tells)."""
    return token.text[:1].isupper() and token.lower_ not in _PRONOUNS


_PUT = frozenset({"put", "puts", "putting"})


def _puts_it(verb: Token) -> bool:
    """"As the columnist put it, “...”": a formula that hands the words to its subject, though
    "put" is no verb of saying."""
    doc = verb.doc
    return (
        verb.lower_ in _PUT
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].lower_ == "it"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _passive_agent(verb: Token) -> Token | None:
    """Who put a question or words to the subject of a passive speech verb: "Sanders was asked by
    the host, “...”" (the subject is the one asked)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next(
        (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
        None,
    )


def _opens_quotation(doc: Doc, verb: Token, quoted: list[int]) -> bool:
    """Whether a quotation opens right after ``verb`` (past a particle, an adverb, a comma or
    a colon): "Her deputy then added, “...”", "Ortiz wrote back: “...”"."""
    k = verb.i + 1
    while k < len(doc) and quoted[k] < 0 and (
        doc[k].dep_ in {"prt", "advmod"} or doc[k].text in {",", ":"} or doc[k].is_space
    ):
        k += 1
    return k < len(doc) and quoted[k] >= 0 and doc[k].is_quote and k > verb.i + 1


def _dash_paragraph_after(
    ctx: QuoteContext, region: QuotedRegion
) -> tuple[int, int, int, int] | None:
    """A "― Name" trailer as a paragraph of its own right after the paragraph the quotation
    closes (a fact check's "“...”" then "- Senator Hale."), as ``trailing_dash_speaker``."""
    paragraph = ctx.paragraph_of(region.outer_end - 1)
    end = ctx.paragraphs[paragraph][1]
    if paragraph + 1 >= len(ctx.paragraphs) or ctx.text[region.outer_end : end].strip(" .\n"):
        return None
    start, limit = ctx.paragraphs[paragraph + 1]
    return trailing_dash_speaker(ctx.text, start, limit, own_paragraph=True)


def _nearby_cue(
    doc: Doc, ctx: QuoteContext, cues: _SpeechCues, region: QuotedRegion
) -> Candidate | None:
    """A speech verb with a subject right around ``region``, within its sentences, or a
    "― Name" trailer (after it in its paragraph, or as the next paragraph)."""
    text, sentences = ctx.text, ctx.sentences
    first = sentences.at(region.outer_start)
    dash = trailing_dash_speaker(
        text, region.outer_end, ctx.paragraphs[first.paragraph][1]
    ) or _dash_paragraph_after(ctx, region)
    if dash is not None:
        speaker_start, speaker_end, cue_start, cue_end = dash
        return Candidate(
            Priority.CUE,
            (),
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
        if nxt.start - region.outer_end <= 2:
            words = text[nxt.start : nxt.end].split()
            if len(words) <= _MAX_CUE_FRAGMENT_WORDS:
                hi = nxt.end
            else:
                # "“Who do they think they are?” | Trump said of Apple in February, when ...":
                # a "?" or "!" ends the sentence, the attribution opens the next, long one
                hi = nxt.start + len(" ".join(words[:_CUE_OPENING_WORDS]))
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
    if verb.idx >= last.end and text[: region.outer_start].rstrip().endswith(":"):
        # "Perez lobbies for a higher wage: “...” He says ...": the colon's clause introduces the
        # quotation; a verb in the next sentence is that sentence's own
        return None
    return Candidate(
        Priority.CUE, (), region.start, region.end, cue_span(verb), cues.subject[verb.i]
    )
