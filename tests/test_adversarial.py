"""Bad input never crashes a run and never loses or duplicates a row.

One real CLI run over the whole adversarial corpus (tests/adversarial_corpus.py), the Avro read
back with fastavro: every input unit is exactly one ``articles`` row or one ``errors`` row with
its specific reason, and every article has all of its sentence, entity and quote rows.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.cli import main
from tests.adversarial_corpus import (
    NESTED_QUOTES,
    SCRIPTS,
    Case,
    build_cases,
    unmatched_quotes,
    write_corpus,
)
from tests.conftest import IN_CI, SEEDS, SHARED_DATA, require_shared_data
from tests.pipeline_runs import read_tables
from transforms.read_articles import ParseFile, ParseFiles

LATIN1 = ("bbc_news", "bbc", "sport", "199.txt")
SPACY_MAX_LENGTH = 1_000_000


def _latin1_file():
    path = SHARED_DATA.joinpath(*LATIN1)
    if not path.exists() and IN_CI:
        pytest.fail(f"{path} is missing, and CI must have ../shared/data")
    return path if path.exists() else None


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("adversarial")
    out = tmp_path_factory.mktemp("adversarial_out")
    cases = build_cases(_latin1_file())
    write_corpus(corpus, cases)
    rc = main(["run", "--input", str(corpus), "--output", str(out), "--overwrite"])
    return cases, rc, read_tables(out)


def _by_file(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[os.path.basename(row["source_uri"])].append(row)
    return out


def account(cases: list[Case], tables: dict[str, list[dict]]) -> dict[str, int]:
    """Totals of the run: input units expected, rows found, rows lost and rows duplicated."""
    articles, errors = _by_file(tables["articles"]), _by_file(tables["errors"])
    lost = duplicated = 0
    for case in cases:
        for want, got in (
            (case.articles, len(articles[case.name])),
            (len(case.errors), len(errors[case.name])),
        ):
            lost += max(0, want - got)
            duplicated += max(0, got - want)
    return {
        "kinds": len({c.kind for c in cases}),
        "files": len(cases),
        "inputs": sum(c.inputs for c in cases),
        "articles": len(tables["articles"]),
        "errors": len(tables["errors"]),
        "lost": lost,
        "duplicated": duplicated,
    }


@pytest.mark.slow
def test_the_run_completes_and_accounts_for_every_input_unit(corpus_run):
    cases, rc, tables = corpus_run
    assert rc == 0
    totals = account(cases, tables)
    print(f"\nadversarial corpus totals: {totals}")
    assert totals["lost"] == 0 and totals["duplicated"] == 0, totals
    assert totals["inputs"] == totals["articles"] + totals["errors"]
    # nothing outside the corpus got in
    names = {c.name for c in cases}
    assert {
        os.path.basename(r["source_uri"]) for t in ("articles", "errors") for r in tables[t]
    } <= names


@pytest.mark.slow
def test_every_bad_input_has_its_specific_reason(corpus_run):
    cases, _, tables = corpus_run
    errors = _by_file(tables["errors"])
    for case in cases:
        got = sorted(r["error_type"] for r in errors[case.name])
        assert got == sorted(case.errors), case.kind
        for row in errors[case.name]:
            assert row["message"] and row["stage"] in {"read", "decode", "parse", "annotate"}
    # JSONL and JSON-array errors say which record failed
    assert sorted(r["line"] for r in errors["mixed.jsonl"]) == [2, 5, 6, 7, 8, 9, 11]
    assert sorted(r["line"] for r in errors["wrong_types.json"]) == [1, 2, 3, 4, 5, 6, 7]
    (bomb,) = errors["bomb.txt.gz"]
    assert "--max_article_bytes" in bomb["message"]


@pytest.mark.slow
def test_good_input_keeps_its_exact_text_encoding_and_language(corpus_run):
    cases, _, tables = corpus_run
    articles = _by_file(tables["articles"])
    for case in cases:
        if case.text is None:
            continue
        (row,) = articles[case.name]
        assert row["text"] == case.text, case.kind
        if case.encoding:
            assert row["encoding"] == case.encoding, case.kind
        if case.language:
            assert row["language"] == case.language, case.kind
    # identical content in two files: two articles, two ids
    ids = {articles[n][0]["article_id"] for n in ("dup_a.txt", "dup_b.txt")}
    assert len(ids) == 2


@pytest.mark.slow
def test_every_article_has_all_its_rows_once(corpus_run):
    _, _, tables = corpus_run
    ids = [r["article_id"] for r in tables["articles"]]
    assert len(ids) == len(set(ids))
    keys = {
        "sentences": lambda r: (r["article_id"], r["index"]),
        "entities": lambda r: (r["article_id"], r["start"], r["end"], r["label"]),
        "quotes": lambda r: r["quote_id"],
    }
    for table, key in keys.items():
        per_article = Counter(r["article_id"] for r in tables[table])
        assert set(per_article) <= set(ids), table
        for article in tables["articles"]:
            assert per_article[article["article_id"]] == article[f"n_{table}"], table
        assert len({key(r) for r in tables[table]}) == len(tables[table]), table
    # sentence indexes are 0..n-1 in every article
    indexes = defaultdict(list)
    for r in tables["sentences"]:
        indexes[r["article_id"]].append(r["index"])
    assert all(sorted(v) == list(range(len(v))) for v in indexes.values())


@pytest.mark.slow
def test_every_span_in_the_output_is_exact(corpus_run):
    _, _, tables = corpus_run
    texts = {r["article_id"]: r["text"] for r in tables["articles"]}
    spans = [
        ("sentences", "start", "end", "text"),
        ("entities", "start", "end", "text"),
        ("quotes", "start", "end", "text"),
        ("quotes", "speaker_start", "speaker_end", "speaker_text"),
        ("quotes", "cue_start", "cue_end", "cue_text"),
    ]
    checked = 0
    for table, start, end, field in spans:
        for row in tables[table]:
            if row[start] is None:
                assert row[end] is None and row[field] is None
                continue
            text = texts[row["article_id"]]
            assert 0 <= row[start] <= row[end] <= len(text), (table, field)
            assert text[row[start] : row[end]] == row[field], (table, field)
            checked += 1
    assert checked > 1000


@pytest.mark.slow
def test_article_longer_than_spacy_max_length_is_parsed_in_parts(corpus_run):
    _, _, tables = corpus_run
    (row,) = _by_file(tables["articles"])["long_article.txt"]
    assert len(row["text"]) > SPACY_MAX_LENGTH
    sentences = sorted(
        (r for r in tables["sentences"] if r["article_id"] == row["article_id"]),
        key=lambda r: r["index"],
    )
    # the whole text is covered, up to its last sentence, in order
    assert sentences[-1]["end"] == len(row["text"].rstrip())
    assert all(a["end"] <= b["start"] for a, b in zip(sentences, sentences[1:], strict=False))
    assert row["n_sentences"] > 10_000 and row["n_quotes"] > 100


@pytest.mark.slow
def test_latin1_bbc_file_is_decoded_not_rejected(corpus_run):
    require_shared_data(*LATIN1)
    _, _, tables = corpus_run
    (row,) = _by_file(tables["articles"])["bbc_sport_199_latin1.txt"]
    assert "\u00a315.8m" in row["text"]  # the pound sign, byte 0xA3 in the file
    assert row["title"] == "Chelsea sack Mutu" and row["language"] == "en"


@pytest.mark.slow
def test_unreadable_inputs_do_not_stop_the_run_counted_by_the_summary(corpus_run):
    cases, _, tables = corpus_run
    kinds = {c.kind for c in cases if c.errors}
    assert len(kinds) >= 15
    assert Counter(r["error_type"] for r in tables["errors"]) == Counter(
        e for c in cases for e in c.errors
    )


def test_file_deleted_between_listing_and_reading_is_an_error_row(tmp_path):
    gone = tmp_path / "gone.txt"
    gone.write_text("The council met on Monday and approved the plan for the harbour.")
    gone.unlink()
    parse = ParseFile()
    parse.setup()
    (record,) = list(parse.process(str(gone)))
    assert record.tag == "errors"
    assert record.value["error_type"] == "unreadable" and record.value["stage"] == "read"
    assert record.value["source_uri"] == str(gone)


def test_parse_files_keeps_going_after_a_vanished_file(tmp_path):
    kept = tmp_path / "kept.txt"
    kept.write_text("The council met on Monday and approved the plan for the harbour.")
    gone = str(tmp_path / "gone.txt")
    with BeamTestPipeline() as p:
        result = p | beam.Create([str(kept), gone]) | ParseFiles()
        assert_that(
            result.articles | "ArticleUris" >> beam.Map(lambda a: a["source_uri"]),
            equal_to([str(kept)]),
            label="Articles",
        )
        assert_that(
            result.errors | "ErrorKinds" >> beam.Map(lambda e: (e["source_uri"], e["error_type"])),
            equal_to([(gone, "unreadable")]),
            label="Errors",
        )


def _extract_seconds(nlp, text: str, repeats: int = 3) -> float:
    """Best-of-``repeats`` time of the extractors alone (the spaCy parse is done once)."""
    from transforms.analysis import extract_all
    from transforms.nlp_model import parse_texts
    from transforms.text_layout import split_paragraphs, text_for_nlp

    paragraphs = split_paragraphs(text)
    doc = next(parse_texts(nlp, [text_for_nlp(text, paragraphs)]))
    best = float("inf")
    for _ in range(repeats):
        # CPU time of this process: other work on a busy machine (a parallel test run) stretches
        # wall time unevenly between the two sizes and made the ratio flaky (14x at load 8)
        started = time.process_time()
        extract_all(doc, paragraphs)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.slow
def test_unmatched_quote_marks_cost_linear_time(nlp, analyse):
    # 4x the quote marks may cost about 4x; quadratic code costs 16x. 10 is a generous bound
    # that timing noise on a busy machine does not reach.
    _, small = analyse(unmatched_quotes(500))
    assert len(small.quotes) == 500  # every unmatched mark still opens one quotation
    # measured with the quadratic code: 15.6x (0.12 s -> 1.9 s)
    ratio = _extract_seconds(nlp, unmatched_quotes(2000)) / _extract_seconds(
        nlp, unmatched_quotes(500)
    )
    assert ratio < 10, f"4x the quote marks took {ratio:.1f}x the time"


@pytest.mark.parametrize(
    "text",
    [
        (SEEDS / "000_27cef5e8aa7cc37f.txt").read_text("utf-8"),
        NESTED_QUOTES + SCRIPTS,
        "x" * 1000 + " tail. " + "\r\n" * 50 + "The mayor said so.",
    ],
)
def test_text_parsed_in_parts_keeps_exact_offsets(nlp, text):
    from transforms.analysis import extract_all
    from transforms.nlp_model import parse_texts
    from transforms.text_layout import split_paragraphs, text_for_nlp

    paragraphs = split_paragraphs(text)
    (doc,) = parse_texts(nlp, [text_for_nlp(text, paragraphs)], max_part_chars=300)
    assert len(text) > 300 and doc.text == text_for_nlp(text, paragraphs)
    for token in doc:
        assert doc.text[token.idx : token.idx + len(token.text)] == token.text
    analysis = extract_all(doc, paragraphs)
    assert analysis.sentences
    for span in [*analysis.sentences, *analysis.entities, *analysis.quotes]:
        assert 0 <= span.start <= span.end <= len(text)


def _name_rich_article(n_sentences: int) -> str:
    first = ["Maria", "Ahmed", "Olga", "Kenji", "Amara", "Lucas", "Ines", "Tomasz"]
    last = ["Lopez", "Khan", "Petrova", "Sato", "Okafor", "Silva", "Moreau", "Nowak"]
    places = ["Paris", "Lagos", "Osaka", "Lisbon", "Warsaw", "Cairo"]
    lines = []
    for i in range(n_sentences):
        name = f"{first[i % 8]} {last[(i * 3) % 8]}"
        lines.append(
            f"{name} met officials of Acme Corp in {places[i % 6]} on day {i}. "
            f"{last[(i * 3) % 8]} said the talks went well."
        )
    return "\n".join(lines)


@pytest.mark.slow
def test_entities_and_sentences_cost_linear_time(nlp):
    # measured with the quadratic code: 14.3x (0.09 s -> 1.3 s)
    ratio = _extract_seconds(nlp, _name_rich_article(800), repeats=2) / _extract_seconds(
        nlp, _name_rich_article(200)
    )
    assert ratio < 10, f"4x the sentences and names took {ratio:.1f}x the time"


def test_compressed_file_bigger_than_the_bound_is_too_large_not_corrupt(tmp_path):
    # incompressible text: the .gz is bigger than the bound, its content barely so
    import gzip
    import random

    rng = random.Random(3)
    text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz .\n") for _ in range(50_000))
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(text.encode()))
    parse = ParseFile(max_bytes=len(path.read_bytes()) - 10)
    parse.setup()
    (record,) = list(parse.process(str(path)))
    assert record.value["error_type"] == "too_large"
    assert "--max_article_bytes" in record.value["message"]
