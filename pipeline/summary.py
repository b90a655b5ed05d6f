"""Reading a run's output back: rows per table and errors by reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import fastavro
from apache_beam.io.filesystems import FileSystems

from transforms.tables import REGISTRY


@dataclass
class Summary:
    output: str
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, list[str]] = field(default_factory=dict)
    errors_by_reason: Counter = field(default_factory=Counter)
    #: Articles kept without NLP rows, by ``annotation_skipped`` reason ("language:de").
    not_annotated: Counter = field(default_factory=Counter)
    wall_seconds: float | None = None

    @property
    def error_ratio(self) -> float:
        total = self.rows.get("articles", 0) + self.rows.get("errors", 0)
        return self.rows.get("errors", 0) / total if total else 0.0

    def render(self) -> str:
        lines = ["", "newsbeam run summary", "-" * 44]
        for table in REGISTRY:
            lines.append(f"{table:<12}{self.rows.get(table, 0):>12,} rows  "
                         f"{len(self.files.get(table, [])):>3} file(s)")
        if self.not_annotated:
            lines.append("articles not annotated (--languages):")
            for reason, n in sorted(self.not_annotated.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"  {reason:<24}{n:>8,}")
        if self.errors_by_reason:
            lines.append("errors by reason:")
            for reason, n in sorted(self.errors_by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"  {reason:<24}{n:>8,}")
        if self.wall_seconds is not None:
            arts = self.rows.get("articles", 0)
            rate = arts / self.wall_seconds if self.wall_seconds else 0.0
            lines.append(f"wall time   {self.wall_seconds:>12.1f} s  ({rate:.1f} articles/s)")
        lines.append(f"output      {self.output.rstrip('/')}/{{{','.join(REGISTRY)}}}/*.avro")
        return "\n".join(lines)


def table_files(output: str, table: str) -> list[str]:
    pattern = f"{output.rstrip('/')}/{table}/*.avro"
    result = FileSystems.match([pattern])[0]
    return sorted(m.path for m in result.metadata_list)


def read_table(output: str, table: str):
    """Every row of ``table`` (dicts), file by file."""
    for path in table_files(output, table):
        with FileSystems.open(path) as f:
            yield from fastavro.reader(f)


def count_rows(path: str) -> int:
    # Counting block headers avoids decoding every record (and every article text).
    with FileSystems.open(path) as f:
        return sum(block.num_records for block in fastavro.block_reader(f))


# Only the field the summary needs: fastavro skips the others (the texts) without building them.
_SKIPPED_ONLY = {
    "type": "record", "name": "Article", "namespace": "newsbeam",
    "fields": [{"name": "annotation_skipped", "type": ["null", "string"], "default": None}],
}


def count_not_annotated(output: str) -> Counter:
    """Articles without NLP rows by ``annotation_skipped`` reason (older outputs: none)."""
    counts: Counter = Counter()
    for path in table_files(output, "articles"):
        with FileSystems.open(path) as f:
            for row in fastavro.reader(f, reader_schema=_SKIPPED_ONLY):
                if row["annotation_skipped"]:
                    counts[row["annotation_skipped"]] += 1
    return counts


def summarize(output: str) -> Summary:
    summary = Summary(output)
    for table in REGISTRY:
        files = table_files(output, table)
        summary.files[table] = files
        summary.rows[table] = sum(count_rows(p) for p in files)
    summary.errors_by_reason = Counter(
        f"{row['stage']}/{row['error_type']}" for row in read_table(output, "errors")
    )
    summary.not_annotated = count_not_annotated(output)
    return summary
