"""Running the real CLI in tests and reading its Avro output back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.cli import main
from pipeline.summary import read_table
from schemas import TABLES


def run_cli(inputs: list[str], output: Path, *extra: str) -> int:
    argv = ["run", "--output", str(output), "--overwrite"]
    for pattern in inputs:
        argv += ["--input", pattern]
    return main([*argv, *extra])


def read_tables(output: Path) -> dict[str, list[dict[str, Any]]]:
    return {table: list(read_table(str(output), table)) for table in TABLES}


def without(rows: list[dict[str, Any]], *fields: str) -> list[dict[str, Any]]:
    """Rows minus fields that legitimately differ between runs, in a stable order."""
    cleaned = [{k: v for k, v in r.items() if k not in fields} for r in rows]
    return sorted(cleaned, key=lambda r: repr(sorted(r.items())))
