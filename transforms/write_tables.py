"""WriteTables: the five tables -> Avro container files, one folder per table."""

from __future__ import annotations

import apache_beam as beam

from schemas import TABLES, parsed_schema
from transforms.annotate import Tables

AVRO_CODECS = ("deflate", "snappy", "null", "bzip2", "xz")


def table_prefix(output: str, table: str) -> str:
    """``{output}/{table}/{table}``: files come out as ``{table}-00000-of-00004.avro``."""
    return f"{output.rstrip('/')}/{table}/{table}"


class WriteTables(beam.PTransform):
    def __init__(self, output: str, codec: str = "deflate"):
        super().__init__()
        self._output = output
        self._codec = codec

    def expand(self, tables: Tables):
        return {
            table: getattr(tables, table) | f"Write{table.capitalize()}" >> beam.io.WriteToAvro(
                table_prefix(self._output, table),
                schema=parsed_schema(table),
                codec=self._codec,
                file_name_suffix=".avro",
            )
            for table in TABLES
        }
