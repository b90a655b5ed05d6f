"""The real pipeline on the seeds, the Avro read back and checked against the schemas."""

from __future__ import annotations

import shutil
from collections import Counter

import fastavro
import pytest
from fastavro.validation import validate

from schemas import TABLES, field_names, parsed_schema
from tests.conftest import SEEDS
from tests.pipeline_runs import read_tables, run_cli, without

pytestmark = pytest.mark.slow


def test_every_table_has_files_with_safe_names_and_deflate(seed_output):
    out, _ = seed_output
    for table in TABLES:
        files = list((out / table).glob("*.avro"))
        assert files, table
        for f in files:
            assert not set(f.name) & set(" []{}()"), f.name
            with open(f, "rb") as fh:
                reader = fastavro.reader(fh)
                assert reader.metadata["avro.codec"] == "deflate"
                assert reader.writer_schema["name"] == parsed_schema(table)["name"]


def test_records_validate_against_their_schema(seed_output):
    _, tables = seed_output
    for table, rows in tables.items():
        for row in rows:
            assert set(row) == set(field_names(table))
            # fastavro reads timestamps back as datetimes; validate accepts those too
            assert validate(row, parsed_schema(table), raise_errors=True)


def test_every_seed_file_became_articles_and_no_errors(seed_output):
    _, tables = seed_output
    sources = Counter(r["source_uri"].rsplit("/", 1)[-1] for r in tables["articles"])
    assert sources == Counter({
        "000_27cef5e8aa7cc37f.txt": 1, "001_harbour_council.json": 1, "002_wire.jsonl": 2,
        "003_observatory.html": 1, "004_drought.txt.gz": 1, "005_cafe_terraces.txt": 1,
        "006_library.jsonl.bz2": 1,
    })
    assert tables["errors"] == []


def test_offsets_slice_the_article_text(seed_output):
    _, tables = seed_output
    texts = {a["article_id"]: a["text"] for a in tables["articles"]}
    for table in ("sentences", "entities", "quotes"):
        for row in tables[table]:
            text = texts[row["article_id"]]
            assert 0 <= row["start"] <= row["end"] <= len(text)
            assert text[row["start"] : row["end"]] == row["text"]
    for q in tables["quotes"]:
        text = texts[q["article_id"]]
        for part in ("speaker", "cue"):
            if q[f"{part}_start"] is not None:
                assert text[q[f"{part}_start"] : q[f"{part}_end"]] == q[f"{part}_text"]


def test_counts_in_articles_match_the_tables(seed_output):
    _, tables = seed_output
    for article in tables["articles"]:
        aid = article["article_id"]
        for table, field in (("sentences", "n_sentences"), ("entities", "n_entities"),
                             ("quotes", "n_quotes")):
            assert article[field] == sum(r["article_id"] == aid for r in tables[table])


def test_sentences_never_cross_a_paragraph_break(seed_output):
    _, tables = seed_output
    for s in tables["sentences"]:
        assert "\n\n" not in s["text"]
    seed = next(
        a for a in tables["articles"] if a["source_uri"].endswith("000_27cef5e8aa7cc37f.txt")
    )
    for s in tables["sentences"]:
        if s["article_id"] == seed["article_id"]:
            assert "\n" not in s["text"]  # the seed has one paragraph per line


def test_ids_are_deterministic_across_runs(seed_output, tmp_path):
    _, first = seed_output
    assert run_cli([str(SEEDS / "*")], tmp_path) == 0
    second = read_tables(tmp_path)
    for table in TABLES:
        assert without(second[table], "ingested_at") == without(first[table], "ingested_at"), table


def test_multi_processing_gives_the_same_tables(seed_output, tmp_path):
    _, single = seed_output
    code = run_cli([str(SEEDS / "*")], tmp_path, "--direct_num_workers", "2",
                   "--direct_running_mode", "multi_processing")
    assert code == 0
    multi = read_tables(tmp_path)
    for table in TABLES:
        assert without(multi[table], "ingested_at") == without(single[table], "ingested_at"), table


def test_mixed_folder_inputs_equal_articles_plus_errors(tmp_path):
    src = tmp_path / "in"
    (src / "nested").mkdir(parents=True)
    shutil.copy(SEEDS / "001_harbour_council.json", src / "good.json")
    shutil.copy(SEEDS / "002_wire.jsonl", src / "nested" / "two.jsonl")
    (src / "empty.txt").write_bytes(b"")
    (src / "garbage.txt").write_bytes(bytes(range(256)) * 20)
    (src / "bad.json").write_text("{broken")
    (src / "mixed.jsonl").write_text('{"id": "m1", "text": "A good line. It said so."}\n{oops\n')
    (src / "notes.csv").write_text("a,b\n")
    out = tmp_path / "out"
    assert run_cli([str(src / "**")], out) == 0
    tables = read_tables(out)
    # units: good.json 1, two.jsonl 2, empty 1, garbage 1, bad.json 1, mixed.jsonl 2, csv 1
    assert len(tables["articles"]) + len(tables["errors"]) == 9
    assert len(tables["articles"]) == 4
    reasons = sorted(e["error_type"] for e in tables["errors"])
    assert reasons == [
        "binary", "empty_input", "invalid_json", "invalid_json", "unsupported_format",
    ]
    line_error = next(e for e in tables["errors"] if e["source_uri"].endswith("mixed.jsonl"))
    assert line_error["line"] == 2


def test_output_that_holds_tables_is_refused_without_overwrite(seed_output, capsys):
    from pipeline.cli import main

    out, _ = seed_output
    with pytest.raises(SystemExit) as exc:
        main(["run", "--input", str(SEEDS / "000_*"), "--output", str(out)])
    assert "--overwrite" in str(exc.value)


def test_languages_not_asked_for_keep_their_articles_row_and_get_no_nlp_rows(tmp_path):
    """--languages reaches Annotate: a German article is skipped by default, annotated with
    `--languages all`; the English one is annotated either way."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss abzureißen. "
        "Die Bürgermeisterin sagte, die Sanierung wäre zu teuer gewesen und niemand habe sich "
        "dagegen ausgesprochen.", encoding="utf-8")
    (folder / "en.txt").write_text(
        "The city council voted on Tuesday to tear down the old bridge over the river. The mayor "
        "said that repairing it would have cost too much.", encoding="utf-8")
    for flags, german_skipped in (((), "language:de"), (("--languages", "all"), None)):
        out = tmp_path / f"out{len(flags)}"
        assert run_cli([str(folder / "*.txt")], out, *flags) == 0
        tables = read_tables(out)
        by_lang = {a["language"]: a for a in tables["articles"]}
        assert set(by_lang) == {"de", "en"}
        assert by_lang["en"]["annotation_skipped"] is None and by_lang["en"]["n_sentences"] > 0
        assert by_lang["de"]["annotation_skipped"] == german_skipped
        german_rows = [r for r in tables["sentences"]
                       if r["article_id"] == by_lang["de"]["article_id"]]
        assert bool(german_rows) == (german_skipped is None)
        assert by_lang["de"]["n_sentences"] == len(german_rows)
