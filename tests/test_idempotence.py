"""Repeat runs: the same input gives the same ids and rows, and an output folder never mixes runs.

The documented policy (pipeline/cli.py ``prepare_output``, docs/reliability.md): a run into an
output that already holds table files is refused unless --overwrite is given; with --overwrite
the old files are deleted before anything is written.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import fastavro
import pytest

from pipeline.cli import main
from schemas import TABLES, parsed_schema
from tests.adversarial_corpus import GOOD_PARAGRAPH
from tests.conftest import SEEDS
from tests.pipeline_runs import read_tables, without

pytestmark = pytest.mark.slow


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    shutil.copy(SEEDS / "000_27cef5e8aa7cc37f.txt", folder / "seed.txt")
    lines = [
        json.dumps(
            {"id": f"w{i}", "title": f"Wire {i}", "text": f"Wire story {i}. " + GOOD_PARAGRAPH}
        )
        for i in range(3)
    ]
    (folder / "wire.jsonl").write_text("\n".join([*lines, "{broken"]) + "\n")
    (folder / "empty.txt").write_bytes(b"")


def _files(out: Path) -> dict[str, float]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def _stale_shard(out: Path, table: str, row: dict) -> Path:
    path = out / table / f"{table}-00007-of-00009.avro"
    with open(path, "wb") as f:
        fastavro.writer(f, parsed_schema(table), [row])
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("idempotence")
    inputs = base / "in"
    _write_inputs(inputs)
    first = base / "first"
    # overlapping patterns: every file is matched twice and must still be read once
    assert (
        main(
            [
                "run",
                "--input",
                str(inputs),
                "--input",
                str(inputs / "*.txt"),
                "--output",
                str(first),
            ]
        )
        == 0
    )
    return inputs, first, read_tables(first)


def test_first_run_has_every_input_once(runs):
    _, _, tables = runs
    assert len(tables["articles"]) == 4 and len(tables["errors"]) == 2
    ids = [r["article_id"] for r in tables["articles"]]
    assert len(set(ids)) == len(ids)


def test_existing_output_is_refused_then_replaced_with_overwrite(runs, tmp_path):
    inputs, first, first_tables = runs
    second = tmp_path / "second"
    shutil.copytree(first, second)
    # rows of an older run that this run's files would not overwrite by name
    stale_article = {**first_tables["articles"][0], "article_id": "stale-article"}
    stale_error = {**first_tables["errors"][0], "source_uri": "/stale/input.txt"}
    stale = [
        _stale_shard(second, "articles", stale_article),
        _stale_shard(second, "errors", stale_error),
    ]
    before = _files(second)

    with pytest.raises(SystemExit) as refused:
        main(["run", "--input", str(inputs), "--output", str(second)])
    assert "--overwrite" in str(refused.value.code)
    assert _files(second) == before, "a refused run must not touch the output"

    assert main(["run", "--input", str(inputs), "--output", str(second), "--overwrite"]) == 0
    assert not any(p.exists() for p in stale)
    tables = read_tables(second)
    assert "stale-article" not in {r["article_id"] for r in tables["articles"]}
    assert "/stale/input.txt" not in {r["source_uri"] for r in tables["errors"]}
    # the same input, run again: identical ids and rows, ingested_at aside
    for table in TABLES:
        assert without(tables[table], "ingested_at") == without(
            first_tables[table], "ingested_at"
        ), table
    # only this run's files are left, all in their table folders (a table written in parts,
    # as quotes is, has ``quotes-*`` and ``quotes.1-*`` files)
    for rel in _files(second):
        table, name = rel.split("/")
        assert table in TABLES, rel
        assert re.fullmatch(rf"{table}(\.\d+)?-\d{{5}}-of-\d{{5}}\.avro", name), rel


def test_refusal_needs_no_pipeline_run_and_names_the_fix(tmp_path):
    from pipeline.cli import prepare_output

    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "quotes-00000-of-00001.avro").write_bytes(b"old")
    with pytest.raises(SystemExit, match="--overwrite"):
        prepare_output(str(tmp_path), overwrite=False)
    assert (tmp_path / "quotes" / "quotes-00000-of-00001.avro").exists()
    prepare_output(str(tmp_path), overwrite=True)
    assert not (tmp_path / "quotes" / "quotes-00000-of-00001.avro").exists()
    prepare_output(str(tmp_path / "new"), overwrite=False)  # nothing there: nothing to refuse
