"""`newsbeam inspect` on a hand-made output folder (real Avro written with the schemas)."""

from __future__ import annotations

import json
from pathlib import Path

import fastavro
import pytest

from pipeline.cli import main
from schemas import TABLES, parsed_schema

TEXT = "Ivan Chuviliaev said, \u201cThis is the first time.\u201d\nTabs\there too."


def write_table(folder: Path, table: str, rows: list[dict]) -> None:
    (folder / table).mkdir(parents=True, exist_ok=True)
    with open(folder / table / "part-00000-of-00001.avro", "wb") as f:
        fastavro.writer(f, parsed_schema(table), rows)


def article(aid: str, text: str, **extra) -> dict:
    row = {"article_id": aid, "source_uri": f"/data/{aid}.txt", "line": None,
           "external_id": None, "url": None, "title": f"Title {aid}", "published_at": None,
           "published_at_raw": None, "language": "en", "format": "txt", "encoding": "utf-8",
           "text": text, "content_sha256": "0" * 64, "n_paragraphs": 1, "n_sentences": 1,
           "n_entities": 1, "n_quotes": 1, "model": "core_web_sm-3.8.0",
           "pipeline_version": "0.1.0", "ingested_at": 1_700_000_000_000_000}
    row.update(extra)
    return row


@pytest.fixture
def output(tmp_path) -> Path:
    out = tmp_path / "out"
    write_table(out, "articles", [article("aaa111", TEXT), article("bbb222", "Other text.")])
    write_table(out, "sentences", [
        {"article_id": "aaa111", "index": 0, "paragraph": 0, "start": 0, "end": 50,
         "text": TEXT[:50]}])
    write_table(out, "entities", [
        {"article_id": "aaa111", "start": 0, "end": 15, "text": "Ivan Chuviliaev",
         "label": "PERSON", "sentence_index": 0, "canonical": "Ivan Chuviliaev"},
        {"article_id": "bbb222", "start": 0, "end": 5, "text": "Other", "label": "ORG",
         "sentence_index": 0, "canonical": "Other"}])
    write_table(out, "quotes", [
        {"quote_id": "q1", "article_id": "aaa111", "kind": "DIRECT", "start": 23, "end": 46,
         "text": TEXT[23:46], "speaker_start": 0, "speaker_end": 15,
         "speaker_text": "Ivan Chuviliaev", "speaker_name": "Ivan Chuviliaev", "cue_start": 16,
         "cue_end": 20, "cue_text": "said", "sentence_start_index": 0, "sentence_end_index": 0}])
    write_table(out, "errors", [
        {"source_uri": "/data/bad.json", "line": 3, "stage": "parse", "error_type": "invalid_json",
         "message": "Expecting value", "ingested_at": 1_700_000_000_000_000}])
    return out


def test_summary_lists_every_table_with_rows_fields_and_files(output, capsys):
    assert main(["inspect", str(output)]) == 0
    lines = capsys.readouterr().out.splitlines()
    by_table = {line.split()[0]: line.split() for line in lines[1:]}
    assert list(by_table) == list(TABLES)
    assert by_table["articles"][1:3] == ["2", "1"]
    assert by_table["entities"][1:3] == ["2", "1"]
    assert by_table["quotes"][1:3] == ["1", "1"]
    assert "speaker_name," in by_table["quotes"]


def test_table_format_shows_main_columns_one_line_per_row(output, capsys):
    assert main(["inspect", str(output), "--table", "articles"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["article_id", "title", "source_uri"]
    assert out[1].startswith("aaa111") and out[2].startswith("bbb222")
    assert out[-1] == "(2 rows)"


def test_article_prefix_filter_and_jsonl_whole_rows(output, capsys):
    assert main(["inspect", str(output), "--table", "articles", "--article", "aaa",
                 "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1
    assert rows[0]["text"] == TEXT  # whole, newlines and all
    assert rows[0]["ingested_at"].startswith("2023-11-14T22:13:20")


@pytest.mark.parametrize("wanted", ["bbb222.txt", "data/bbb222.txt", "/data/bbb222.txt", "bbb"])
def test_article_by_its_input_file(output, capsys, wanted):
    """A reader knows the file an article came from, not its hash: the name or the path's end
    picks the article's rows in every table (the entities here, found through articles)."""
    assert main(["inspect", str(output), "--table", "entities", "--article", wanted,
                 "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == ["Other"]


def test_article_by_its_json_id(tmp_path, capsys):
    out = tmp_path / "out"
    write_table(out, "articles", [article("aaa111", TEXT, external_id="story-7"),
                                  article("bbb222", "Other text.", external_id="story-8")])
    assert main(["inspect", str(out), "--table", "articles", "--article", "story-8"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("bbb222") and lines[-1] == "(1 row)"


def test_article_by_the_start_of_its_file_name(tmp_path, capsys):
    """"d_mercer" for d_mercer_sentencing.txt, as a journalist typed it; only when nothing names
    an article outright (an id prefix, a whole file name, a JSON id)."""
    out = tmp_path / "out"
    write_table(out, "articles", [
        article("aaa111", TEXT, source_uri="/data/d_mercer_sentencing.txt"),
        article("bbb222", "Other text.", source_uri="/data/c_corrister.txt"),
    ])
    assert main(["inspect", str(out), "--table", "articles", "--article", "d_mercer"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("aaa111") and lines[-1] == "(1 row)"


def test_an_article_no_row_names_is_an_error_not_an_empty_table(output, capsys):
    # "a111.txt" ends neither path at a "/" boundary nor starts an id
    assert main(["inspect", str(output), "--table", "quotes", "--article", "a111.txt"]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and "no article" in printed.err and "a111.txt" in printed.err


def test_limit_and_quotes_columns(output, capsys):
    assert main(["inspect", str(output), "--table", "entities", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "(the first 1 row; --limit 0 prints all)"  # the other entity left out
    assert main(["inspect", str(output), "--table", "entities", "--limit", "2"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(2 rows)"  # nothing left out
    assert main(["inspect", str(output), "--table", "entities", "--limit", "1",
                 "--format", "jsonl"]) == 0
    printed = capsys.readouterr()
    assert len(printed.out.splitlines()) == 1 and "--limit 0 prints all" in printed.err
    assert main(["inspect", str(output), "--table", "quotes"]) == 0
    out = capsys.readouterr().out
    assert "Ivan Chuviliaev" in out and "DIRECT" in out and "said" in out


def test_long_and_multiline_values_are_cut_to_one_line(output, capsys):
    long_text = "word " * 100 + "\nsecond line"
    write_table(output, "articles", [article("ccc333", long_text, title=long_text)])
    assert main(["inspect", str(output), "--table", "articles"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3  # header, one row, count
    assert "…" in out[1]


@pytest.mark.parametrize("argv, message", [
    (["--article", "aaa"], "--article needs --table"),
    (["--table", "errors", "--article", "aaa"], "errors rows have no article_id"),
    (["--limit", "-1"], "--limit must be 0"),
    (["--table", "nope"], "invalid choice: 'nope'"),
])
def test_bad_flags_say_how_to_fix(output, capsys, argv, message):
    with pytest.raises(SystemExit) as exc:
        main(["inspect", str(output), *argv])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_missing_output_is_an_error_not_an_empty_summary(tmp_path, capsys):
    assert main(["inspect", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "no newsbeam tables under" in err and "a `newsbeam run` wrote with --output" in err


def test_a_reader_that_leaves_early_gets_no_traceback(output):
    import subprocess
    import sys

    # more than a pipe holds, so the writer is still writing when the reader has gone
    write_table(output, "entities", [
        {"article_id": "aaa111", "start": 0, "end": 15, "text": "Ivan Chuviliaev",
         "label": "PERSON", "sentence_index": i, "canonical": "Ivan Chuviliaev"}
        for i in range(5000)])

    code = ("import sys; sys.argv = ['newsbeam', 'inspect', sys.argv[1], '--table', 'entities',"
            " '--format', 'jsonl', '--limit', '0']; "
            "from pipeline.cli import console_main; console_main()")
    root = Path(__file__).resolve().parent.parent
    shell = f"{sys.executable} -c \"{code}\" {output} | head -c 1 > /dev/null"
    ran = subprocess.run(["bash", "-c", f"set -o pipefail; {shell}"], capture_output=True,
                         text=True, cwd=root, timeout=120, env={"PYTHONPATH": str(root),
                                                                "PATH": "/usr/bin:/bin"})
    assert "Traceback" not in ran.stderr and "BrokenPipe" not in ran.stderr, ran.stderr
