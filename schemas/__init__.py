"""The Avro schemas of newsbeam's tables (``*.avsc`` here, shipped as package data).

Which tables exist, in which order, lives in one place: the registry in ``transforms/tables.py``
(which reads these files as data). The names below are kept for the code and tests that import
them from here; ``TABLES`` is a live view, so a table registered later appears in it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class _RegisteredTables(Mapping):
    """Table name -> its schema (a file name here, or the dict it was registered with)."""

    def _registry(self) -> Mapping[str, Any]:
        # Imported on use: ``transforms.tables`` reads this package's files, so importing it at
        # module level would be circular.
        from transforms.tables import REGISTRY

        return REGISTRY

    def __getitem__(self, table: str) -> Any:
        return self._registry()[table].schema

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._registry()))

    def __len__(self) -> int:
        return len(self._registry())

    def __repr__(self) -> str:
        return f"TABLES({', '.join(self)})"


#: Table name -> schema, in output order. The table names are also the output folder names.
TABLES: Mapping[str, Any] = _RegisteredTables()


def load_schema(table: str) -> dict[str, Any]:
    """The raw JSON schema of ``table`` (one of :data:`TABLES`)."""
    from transforms.tables import load_schema as load

    return load(table)


def parsed_schema(table: str) -> dict[str, Any]:
    """``load_schema`` parsed by fastavro, ready for writers and validation."""
    from transforms.tables import parsed_schema as parsed

    return parsed(table)


def field_names(table: str) -> list[str]:
    from transforms.tables import field_names as names

    return names(table)
