"""The Avro schemas of newsbeam's five tables: the one definition of each table's fields."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import fastavro

#: Table name -> schema file. The table names are also the output folder names.
TABLES: dict[str, str] = {
    "articles": "article.avsc",
    "sentences": "sentence.avsc",
    "entities": "entity.avsc",
    "quotes": "quote.avsc",
    "errors": "error.avsc",
}


@cache
def load_schema(table: str) -> dict[str, Any]:
    """The raw JSON schema of ``table`` (one of :data:`TABLES`)."""
    try:
        filename = TABLES[table]
    except KeyError:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}") from None
    return json.loads(resources.files(__package__).joinpath(filename).read_text("utf-8"))


@cache
def parsed_schema(table: str) -> dict[str, Any]:
    """``load_schema`` parsed by fastavro, ready for writers and validation."""
    return fastavro.parse_schema(load_schema(table))


def field_names(table: str) -> list[str]:
    return [f["name"] for f in load_schema(table)["fields"]]
