"""WriteTables: the registered tables -> Avro container files, one folder per table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import apache_beam as beam

from transforms.tables import REGISTRY, parsed_schema

AVRO_CODECS = ("deflate", "snappy", "null", "bzip2", "xz")


class TableParts(tuple):
    """One table that arrives as several PCollections, each written to its own files in the
    table's folder: part 0 as ``{table}-*.avro``, part i as ``{table}.{i}-*.avro``.

    Why not ``beam.Flatten``: the in-process runner cannot fuse a Flatten whose inputs come from
    different stages, so it holds every element of every input in memory until all of them are
    done. The speakers aggregation gives ``quotes`` two parts (the quotes whose id is known at
    once, and the few joined to their name group); flattened, every quote row of a run was held
    until the end (Reuters, 19,043 articles: +50 MB). Written part by part, each part is written
    in the stage that makes it.

    Anything other than a writer that applies a transform to it (``parts | beam.Map(...)``) gets
    the whole table: one Flatten, made on first use.
    """

    def __new__(cls, parts: Iterable[beam.PCollection], label: str = "Parts"):
        self = super().__new__(cls, parts)
        self._label = label
        self._whole = None
        return self

    @property
    def pipeline(self) -> beam.Pipeline:
        return self[0].pipeline

    def whole(self) -> beam.PCollection:
        if self._whole is None:
            self._whole = tuple(self) | f"Flatten{self._label}" >> beam.Flatten()
        return self._whole

    def __or__(self, transform: Any) -> Any:
        return self.whole() | transform


def table_parts(value: beam.PCollection | TableParts) -> tuple[beam.PCollection, ...]:
    """A table's PCollections: the parts of a TableParts, else the one PCollection."""
    return tuple(value) if isinstance(value, TableParts) else (value,)


def part_name(table: str, index: int) -> str:
    """The file-name stem of one part: ``quotes``, then ``quotes.1``, ... Not ``quotes-1``:
    WriteToAvro deletes what matches ``{stem}-*-of-N`` before renaming its own files, and that
    glob would take a ``quotes-1-...`` part written beside it."""
    return table if index == 0 else f"{table}.{index}"


def table_prefix(output: str, table: str, part: int = 0) -> str:
    """``{output}/{table}/{table}``: files come out as ``{table}-00000-of-00004.avro``."""
    return f"{output.rstrip('/')}/{table}/{part_name(table, part)}"


def written_tables(tables: NamedTuple) -> list[str]:
    """The registered tables that ``tables`` (Annotate's NamedTuple) holds, in registry order."""
    return [name for name in REGISTRY if name in tables._fields]


class WriteTables(beam.PTransform):
    """Tables (a NamedTuple of PCollections or TableParts) -> ``{output}/{table}/{table}*.avro``."""

    def __init__(self, output: str, codec: str = "deflate"):
        super().__init__()
        self._output = output
        self._codec = codec

    def expand(self, tables: NamedTuple) -> dict[str, beam.PCollection]:
        written = {}
        for table in written_tables(tables):
            for i, part in enumerate(table_parts(getattr(tables, table))):
                label = f"Write{table.capitalize()}" + (f"{i}" if i else "")
                written[part_name(table, i)] = part | label >> beam.io.WriteToAvro(
                    table_prefix(self._output, table, i),
                    schema=parsed_schema(table),
                    codec=self._codec,
                    file_name_suffix=".avro",
                )
        return written
