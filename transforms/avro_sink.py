"""Windowed Avro writing for streaming: a fastavro ``fileio.FileSink`` and WriteWindowedTables.

Batch runs use ``beam.io.WriteToAvro`` (transforms/write_tables.py), which only writes when its
input is bounded. A streaming job writes each window's rows with ``fileio.WriteToFiles``, into the
same ``{output}/{table}/`` folders and with the same schemas, so readers (pipeline/summary.py,
BigQuery loads of ``{table}/*.avro``) do not care which mode produced a file.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import apache_beam as beam
import fastavro
from apache_beam.io import fileio
from apache_beam.transforms.window import GlobalWindow

from transforms.tables import parsed_schema
from transforms.write_tables import part_name, table_parts, written_tables


class AvroSink(fileio.FileSink):
    """Rows of one table -> one Avro container file (fastavro, schemas/*.avsc)."""

    def __init__(self, table: str, codec: str = "deflate",
                 schema: dict[str, Any] | None = None):
        self._table = table
        self._codec = codec
        # Given when the graph is built, so a worker needs no registry of its own.
        self._schema = parsed_schema(table) if schema is None else schema
        self._writer: fastavro.write.Writer | None = None

    def open(self, fh) -> None:
        # The header is written here, so a window's file is a valid Avro file from the start.
        self._writer = fastavro.write.Writer(fh, self._schema, codec=self._codec)

    def write(self, record: dict[str, Any]) -> None:
        self._writer.write(record)

    def flush(self) -> None:
        self._writer.flush()


def _stamp(ts) -> str:
    # Compact UTC without colons: safe in gs:// object names, shells and Hadoop-style globs.
    seconds = min(max(ts.micros / 1e6, 0.0), 253402300799.0)
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y%m%dT%H%M%SZ")


def window_file_naming(table: str, run_token: str) -> fileio.FileNaming:
    """``{table}-{start}-{end}-{run}-p{pane}-{shard}-of-{n}.avro``, e.g.
    ``quotes-20250101T120000Z-20250101T120010Z-3f9a1c2e-p0-00000-of-00001.avro``.

    ``run_token`` is fixed when the graph is built: a retried bundle rewrites the same name
    (idempotent), while a restarted job writing an old window again cannot overwrite the files
    of the job before it.
    """

    def name(window, pane, shard_index, total_shards, compression, destination) -> str:
        if isinstance(window, GlobalWindow) or not hasattr(window, "start"):
            span = "global"
        else:
            span = f"{_stamp(window.start)}-{_stamp(window.end)}"
        pane_index = getattr(pane, "index", 0) if pane is not None else 0
        return (f"{table}-{span}-{run_token}-p{pane_index}-{shard_index or 0:05d}-of-"
                f"{total_shards or 1:05d}.avro")

    return name


class WriteWindowedTables(beam.PTransform):
    """Windowed Tables -> ``{output}/{table}/*.avro``, one set of files per window and table."""

    def __init__(self, output: str, codec: str = "deflate", shards: int = 1):
        super().__init__()
        self._output = output.rstrip("/")
        self._codec = codec
        self._shards = shards
        self._run_token = uuid.uuid4().hex[:8]

    def expand(self, tables) -> dict[str, beam.PCollection]:
        written = {}
        for table in written_tables(tables):
            codec, schema = self._codec, parsed_schema(table)
            for i, part in enumerate(table_parts(getattr(tables, table))):
                label = f"Write{table.capitalize()}" + (f"{i}" if i else "")
                written[part_name(table, i)] = part | label >> fileio.WriteToFiles(
                    path=f"{self._output}/{table}",
                    file_naming=window_file_naming(part_name(table, i), self._run_token),
                    sink=lambda _dest, table=table, codec=codec, schema=schema: AvroSink(
                        table, codec, schema),
                    shards=self._shards,
                )
        return written
