"""Quote extraction on the seed article and on a table of small cases, with the real model."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluation.quotes import score_quotes
from tests.conftest import SEEDS, require_shared_data
from tests.quote_views import quoted_regions
from transforms.analysis import analyse_texts
from transforms.quotes.reporting_verbs import REPORTING_VERBS

SEED = SEEDS / "000_27cef5e8aa7cc37f.txt"


def _view(text: str, q) -> dict:
    """A quote as the strings a reader checks."""

    def cut(start, end):
        return None if start is None else text[start:end]

    return {
        "kind": q.kind,
        "content": text[q.start : q.end],
        "speaker_text": cut(q.speaker_start, q.speaker_end),
        "speaker_name": q.speaker_name,
        "cue": cut(q.cue_start, q.cue_end),
    }


def _quotes(analyse, text: str) -> list[dict]:
    _doc, analysis = analyse(text)
    return [_view(text, q) for q in analysis.quotes]


def _one_starting(quotes: list[dict], prefix: str) -> dict:
    found = [q for q in quotes if q["content"].startswith(prefix)]
    assert len(found) == 1, (prefix, quotes)
    return found[0]


@pytest.fixture(scope="module")
def seed_quotes(analyse):
    return _quotes(analyse, SEED.read_text(encoding="utf-8"))


def test_seed_direct_quote_of_chuviliaev(seed_quotes):
    q = _one_starting(seed_quotes, "This is the first time an EU country has permitted")
    assert q["kind"] == "DIRECT"
    assert q["content"].endswith("to enter.")  # the marks themselves are not content
    assert q["speaker_name"] == "Ivan Chuviliaev"
    assert q["speaker_text"] == "Ivan Chuviliaev"
    assert q["cue"] == "stated"


def test_seed_direct_quote_of_leshchenko(seed_quotes):
    q = _one_starting(seed_quotes, "President Zelensky has stood firm")
    assert q["kind"] == "DIRECT"
    assert q["speaker_name"] == "Serhii Leshchenko"
    assert q["cue"] == "stated"


def test_seed_pronoun_resolves_to_chuviliaev(seed_quotes):
    q = _one_starting(seed_quotes, "that France\u2019s willingness")
    assert q["kind"] == "INDIRECT"
    assert q["speaker_text"] == "He"
    assert q["speaker_name"] == "Ivan Chuviliaev"
    assert q["cue"] == "emphasized"


@pytest.mark.parametrize(
    ("content_start", "speaker_name", "cue"),
    [
        ("that the Kremlin has initiated", "Mediazone", "reported"),
        ("that its forces had captured two more villages", "Russian Defense Ministry", "announced"),
        ("that, according to Roman Kostenko", "Ukrainian Truth", "noted"),
    ],
)
def test_seed_indirect_quotes_of_organisations(seed_quotes, content_start, speaker_name, cue):
    q = _one_starting(seed_quotes, content_start)
    assert q["kind"] == "INDIRECT"
    assert q["speaker_name"] == speaker_name
    assert q["cue"] == cue


def test_seed_scare_quote_is_not_a_quote(seed_quotes):
    assert not [q for q in seed_quotes if q["content"].startswith("not yielded")]


def test_quotes_from_the_text_handed_in_equal_those_from_the_doc(analyse):
    # extract_all hands every extractor the parsed text, which the quote context and the
    # speaker resolver then use instead of joining doc.text again: the rows must not change
    from transforms.quotes import extract_quotes

    doc, analysis = analyse(SEED.read_text(encoding="utf-8"))
    from_doc = extract_quotes(doc, analysis.sentences, analysis.entities)
    assert from_doc and from_doc == analysis.quotes
    assert extract_quotes(doc, analysis.sentences, analysis.entities, text=doc.text) == from_doc


def test_seed_spans_are_valid_sorted_and_disjoint(analyse):
    text = SEED.read_text(encoding="utf-8")
    _doc, analysis = analyse(text)
    quotes = analysis.quotes
    assert quotes
    previous_end = 0
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= previous_end
        previous_end = q.end
        for s, e in ((q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)):
            assert (s is None) == (e is None)
            if s is not None:
                assert 0 <= s < e <= len(text)
        assert q.sentence_start_index <= q.sentence_end_index
        sentence = analysis.sentences[q.sentence_start_index]
        assert sentence.start <= q.start < sentence.end or q.start >= sentence.start
    assert analyse(text)[1].quotes == quotes  # deterministic


# (text, content, kind, speaker_text, speaker_name, cue); content is matched exactly
CASES = [
    pytest.param(
        "John Smith is the mayor of Springfield. He said that the bridge would reopen next week.",
        "that the bridge would reopen next week",
        "INDIRECT",
        "He",
        "John Smith",
        "said",
        id="pronoun",
    ),
    pytest.param(
        'John Smith arrived late on Monday. "The bridge will reopen next week," Smith said.',
        "The bridge will reopen next week,",
        "DIRECT",
        "Smith",
        "John Smith",
        "said",
        id="surname-after-quote",
    ),
    pytest.param(
        "Mayor John Smith spoke on Monday. Mr. Smith said the bridge would reopen next week.",
        "the bridge would reopen next week",
        "INDIRECT",
        "Mr. Smith",
        "John Smith",
        "said",
        id="title-surname",
    ),
    pytest.param(
        "President John Smith opened the bridge. \u201cWe kept our promise to every family in "
        "this town,\u201d said President Smith.",
        "We kept our promise to every family in this town,",
        "DIRECT",
        "President Smith",
        "John Smith",
        "said",
        id="said-after-speaker-inverted",
    ),
    pytest.param(
        "The Acme Corporation lost money this year. In a statement, the company said it would "
        "cut 200 jobs.",
        "it would cut 200 jobs",
        "INDIRECT",
        "the company",
        "Acme Corporation",
        "said",
        id="organisation",
    ),
    pytest.param(
        "A spokesperson for Acme Corporation said the company would cut 200 jobs.",
        "the company would cut 200 jobs",
        "INDIRECT",
        "A spokesperson for Acme Corporation",
        "Acme Corporation",
        "said",
        id="spokesperson-for-organisation",
    ),
    pytest.param(
        "According to the police, the suspect fled on foot toward the river.",
        "the suspect fled on foot toward the river",
        "INDIRECT",
        "the police",
        None,
        "According to",
        id="according-to",
    ),
    pytest.param(
        'Jane Doe said the plan was "a disaster for the neighbourhood" and should be dropped.',
        'the plan was "a disaster for the neighbourhood" and should be dropped',
        "MIXED",
        "Jane Doe",
        "Jane Doe",
        "said",
        id="mixed",
    ),
    pytest.param(
        "``We will not give up the fight for this town,'' Jane Doe told reporters.",
        "We will not give up the fight for this town,",
        "DIRECT",
        "Jane Doe",
        "Jane Doe",
        "told",
        id="newswire-marks",
    ),
    pytest.param(
        "Jane Doe said: \u00ab We will never give in to the markets. \u00bb",
        "We will never give in to the markets.",
        "DIRECT",
        "Jane Doe",
        "Jane Doe",
        "said",
        id="guillemets",
    ),
]


@pytest.mark.parametrize(("text", "content", "kind", "speaker_text", "speaker_name", "cue"), CASES)
def test_quote_cases(analyse, text, content, kind, speaker_text, speaker_name, cue):
    quotes = _quotes(analyse, text)
    assert {
        "kind": kind,
        "content": content,
        "speaker_text": speaker_text,
        "speaker_name": speaker_name,
        "cue": cue,
    } in quotes, quotes


def test_quote_running_over_paragraphs_reopens_at_each(analyse):
    text = (
        "Jane Doe, the mayor, spoke at the town hall on Monday. She said:\n"
        "\u201cThe bridge has been closed for too long. Every family in this town has paid.\n"
        "\u201cWe will reopen it next week, whatever the cost.\u201d"
    )
    (q,) = _quotes(analyse, text)
    assert q["kind"] == "DIRECT"
    assert q["content"].startswith("The bridge has been closed")
    assert q["content"].endswith("whatever the cost.")
    assert q["speaker_text"] == "She" and q["speaker_name"] == "Jane Doe"


def test_fragments_and_following_paragraph_inherit_the_speaker(analyse):
    text = (
        "\u201cThe bridge has been closed for too long,\u201d Jane Doe said. \u201cWe will "
        "reopen it next week.\u201d\n"
        "\u201cEvery family in this town has paid for it, and that has to end now.\u201d"
    )
    quotes = _quotes(analyse, text)
    assert [q["content"] for q in quotes] == [
        "The bridge has been closed for too long,",
        "We will reopen it next week.",
        "Every family in this town has paid for it, and that has to end now.",
    ]
    assert {q["speaker_name"] for q in quotes} == {"Jane Doe"}
    assert all(q["kind"] == "DIRECT" for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        'The film "Blue Sky" opened in theaters on Friday.',
        "The senator has \u201cnot yielded\u201d to the pressure of the lobby.",
        "The square, the \u201cheart of town,\u201d hosts a market on Sundays.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(analyse, text):
    assert _quotes(analyse, text) == []


@pytest.mark.slow
def test_polnear_dev_floor(nlp):
    """The issue 3 targets, on PolNeAR dev (skips without ../shared/data)."""
    path = require_shared_data("polnear", "dev.jsonl")
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    parses = analyse_texts(nlp, [a["text"] for a in articles])
    predictions = {
        a["id"]: [q._asdict() for q in analysis.quotes]
        for a, (_doc, analysis) in zip(articles, parses, strict=True)
    }
    r = score_quotes(articles, predictions)
    assert r["precision"] >= 0.93
    assert r["f1"] >= 0.70
    assert r["speaker_f1"] >= 0.62
    assert r["direct_recall"] >= 0.95
    assert r["speaker_direct_recall"] >= 0.90


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('He said "no" and "yes".', ["no", "yes"], id="straight"),
        pytest.param("``No,'' he said.", ["No,"], id="newswire"),
        pytest.param(
            "In ''Make Your Kid a Millionaire,'' he wrote.",
            ["Make Your Kid a Millionaire,"],
            id="doubled-apostrophes-open",
        ),
        pytest.param(
            '"Oz has a pulpit,\u201d said Gorski.',
            ["Oz has a pulpit,"],
            id="straight-closed-by-curly",
        ),
        pytest.param(
            "\u201cI live in what he calls \u201chell\u201d today.\u201d ― A. B.",
            ["I live in what he calls \u201chell\u201d today."],
            id="nested-same-style",
        ),
        pytest.param("\u201cOne \u201cTwo", ["One", "Two"], id="unclosed-then-new"),
        pytest.param(
            "\u201cFirst paragraph.\n\u201cSecond paragraph.\u201d",
            ["First paragraph.\n\u201cSecond paragraph."],
            id="reopened-paragraph",
        ),
        pytest.param(
            "\u201cUnclosed paragraph.\nNext one is prose.",
            ["Unclosed paragraph."],
            id="unclosed-at-paragraph-end",
        ),
        pytest.param(
            '"Kevin slept.\n\u201cHere he is,\u201d she said.',
            ["Kevin slept.", "Here he is,"],
            id="no-reopen-across-styles",
        ),
        pytest.param(
            "\u201dTypo opening mark.\u201d", ["Typo opening mark."], id="closing-mark-opens"
        ),
        pytest.param(
            "\u201cIt\u2019s Tom\u2019s \u2018idea\u2019,\u201d he said.",
            ["It\u2019s Tom\u2019s \u2018idea\u2019,"],
            id="single-quotes-inside-a-double-marked-article",
        ),
    ],
)
def test_quoted_regions(text, expected):
    assert quoted_regions(text) == expected


def test_reporting_verb_forms():
    assert {"said", "says", "saying", "told", "argued", "denies", "admitted", "agreeing"} <= (
        REPORTING_VERBS
    )

def test_you_know_is_no_report(analyse):
    # "know" reports only through a clause: the discourse marker has none
    _doc, analysis = analyse("You know, the council has never listened to us.")
    assert analysis.quotes == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "The mayor said the bridge would reopen next week \u2014 a promise she has made "
            "twice before.",
            "the bridge would reopen next week",
            id="dash-aside",
        ),
        pytest.param(
            "The senator said he would take a look at the bill, which would give police more "
            "time for checks.",
            "he would take a look at the bill",
            id="which-clause",
        ),
        pytest.param(
            "Trump said the deadlock had kept the country safe, referring to the court's "
            "decision in June.",
            "the deadlock had kept the country safe",
            id="participle-aside",
        ),
        pytest.param(
            "The mayor said the long-awaited bridge would reopen next week.",
            "the long-awaited bridge would reopen next week",
            id="a-hyphen-is-no-dash",
        ),
    ],
)
def test_reported_clause_stops_before_the_writers_aside(analyse, text, content):
    # whom the words were about (", referring to ...") is a report of its own
    quotes = [q for q in _quotes(analyse, text) if q["cue"] != "referring to"]
    assert [q["content"] for q in quotes] == [content]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        pytest.param(
            "The health minister, Robert Castellano, said the hospital would open in May.",
            "Robert Castellano",
            id="title-then-name",
        ),
        pytest.param(
            '"We are delighted," said the museum\'s director, Dr Helen Achterberg.',
            "Dr Helen Achterberg",
            id="inverted-title-then-name",
        ),
        pytest.param(
            "According to the company's operations director, Daniel Osei, the plant will close.",
            "Daniel Osei",
            id="according-to-title-then-name",
        ),
    ],
)
def test_speaker_is_the_name_given_in_apposition(analyse, text, speaker_text):
    (q,) = _quotes(analyse, text)
    assert q["speaker_text"] == speaker_text


def test_a_second_report_hung_on_the_first_ones_clause_keeps_its_speaker(analyse):
    text = (
        "The deputy head of the delegation said the United States should reduce its patrols "
        "in the region and said any attempts to isolate China would fail."
    )
    quotes = _quotes(analyse, text)
    assert [q["content"] for q in quotes] == [
        "the United States should reduce its patrols in the region",
        "any attempts to isolate China would fail",
    ]
    assert {q["speaker_text"] for q in quotes} == {"The deputy head of the delegation"}


def test_a_quotation_after_a_coordinated_cue_keeps_the_speaker(analyse):
    text = (
        "The mayor said the new bridge had cut journey times and added, "
        '"We will build another one next year."'
    )
    q = _one_starting(_quotes(analyse, text), "We will build")
    assert (q["kind"], q["speaker_text"], q["cue"]) == ("DIRECT", "The mayor", "added")


@pytest.mark.parametrize(
    ("text", "speaker_text", "cue"),
    [
        pytest.param(
            "The senator spoke on Friday.\n\n\u201cYes, I support Ted Cruz,\u201d Brent Bozell "
            "III, founder of the Media Research Center, tells Breitbart News in an interview.",
            "Brent Bozell III",
            "tells",
            id="name-and-apposition-after-the-quotation",
        ),
        pytest.param(
            "The council met on Monday.\n\n\u201cIt is not the position that everything is "
            "fine,\u201d Gene Sperling, a former adviser to the president, told reporters.",
            "Gene Sperling",
            "told",
            id="name-parsed-inside-the-quoted-clause",
        ),
    ],
)
def test_the_name_after_a_quotation_is_its_speaker(analyse, text, speaker_text, cue):
    (q,) = _quotes(analyse, text)
    assert q["kind"] == "DIRECT"
    assert not q["content"].endswith(speaker_text)  # the name is not part of the quote
    assert (q["speaker_text"], q["cue"]) == (speaker_text, cue)


def test_a_quotation_inside_the_writers_clause_keeps_the_clause(analyse):
    (q,) = _quotes(analyse, "\u201cThis will be a challenge\u201d for Clinton, the governor said.")
    assert q["kind"] == "MIXED"
    assert q["speaker_text"] == "the governor"
