"""WriteTables: the registered tables -> Avro container files, one folder per table."""

from __future__ import annotations

from typing import NamedTuple

import apache_beam as beam

from transforms.tables import REGISTRY, parsed_schema

AVRO_CODECS = ("deflate", "snappy", "null", "bzip2", "xz")


def table_prefix(output: str, table: str) -> str:
    """``{output}/{table}/{table}``: files come out as ``{table}-00000-of-00004.avro``."""
    return f"{output.rstrip('/')}/{table}/{table}"


def written_tables(tables: NamedTuple) -> list[str]:
    """The registered tables that ``tables`` (Annotate's NamedTuple) holds, in registry order."""
    return [name for name in REGISTRY if name in tables._fields]


class WriteTables(beam.PTransform):
    """Tables (a NamedTuple of PCollections) -> ``{output}/{table}/{table}-*.avro``."""

    def __init__(self, output: str, codec: str = "deflate"):
        super().__init__()
        self._output = output
        self._codec = codec

    def expand(self, tables: NamedTuple) -> dict[str, beam.PCollection]:
        return {
            table: getattr(tables, table) | f"Write{table.capitalize()}" >> beam.io.WriteToAvro(
                table_prefix(self._output, table),
                schema=parsed_schema(table),
                codec=self._codec,
                file_name_suffix=".avro",
            )
            for table in written_tables(tables)
        }
