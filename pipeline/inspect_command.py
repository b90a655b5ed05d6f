"""`newsbeam inspect OUTPUT`: print a run's tables (local or gs://) without a warehouse."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from pipeline.summary import read_table, summarize
from transforms.tables import REGISTRY, field_names, inspect_columns


class _Columns(Mapping):
    """Table -> the columns the `table` format shows (whole rows: --format jsonl). Long text is
    what makes a terminal table unreadable, so only the short fields and one text column; a
    table registered without its own choice gets them derived from its schema."""

    def __getitem__(self, table: str) -> tuple[str, ...]:
        if table not in REGISTRY:
            raise KeyError(table)
        return inspect_columns(table)

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(REGISTRY))

    def __len__(self) -> int:
        return len(REGISTRY)


TABLE_COLUMNS: Mapping[str, tuple[str, ...]] = _Columns()
MAX_CELL = 48


def article_tables() -> tuple[str, ...]:
    """Tables whose rows belong to an article (``--article`` filters them)."""
    return tuple(name for name, table in REGISTRY.items() if table.has_article_id)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "inspect", help="print the tables of a run's output",
        description="Print the Avro tables that `newsbeam run` wrote (a local folder or a gs:// "
        "prefix). Without --table: each table's rows, fields and files.",
        epilog="examples: newsbeam inspect out/ | newsbeam inspect out/ --table quotes "
        "--article 6b26b0 | newsbeam inspect gs://bucket/run1 --table entities --format jsonl "
        "--limit 0",
    )
    parser.add_argument("output", metavar="OUTPUT", help="the --output of a newsbeam run")
    parser.add_argument("--table", choices=tuple(REGISTRY), help="print this table's rows")
    parser.add_argument("--article", metavar="ID_OR_FILE",
                        help="only rows of this article: its article_id or a prefix of it, the "
                        "file it was read from (a name such as story.txt, the start of the name, "
                        "or the end of its path), or its own JSON id; needs --table "
                        f"{'|'.join(article_tables())}")
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help="print at most N rows (default: 20; 0 prints all)")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table",
                        help="table: aligned main columns, long values cut (default); "
                        "jsonl: whole rows, one JSON object a line")
    parser.set_defaults(func=run)


def validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.limit < 0:
        parser.error(f"--limit must be 0 (all rows) or more, got {args.limit}")
    if args.article and not args.table:
        parser.error("--article needs --table to say which rows to show, e.g. "
                     f"--table quotes --article {args.article}")
    if args.article and args.table == "errors":
        parser.error("errors rows have no article_id (they are inputs that never became "
                     "articles); drop --article, or choose another --table")
    if args.article and args.table not in article_tables():
        parser.error(f"{args.table} rows have no article_id; drop --article, or choose another "
                     "--table")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser,
        out: TextIO | None = None) -> int:
    validate(args, parser)
    out = out or sys.stdout
    summary = summarize(args.output)
    if not any(summary.files.values()):
        print(f"newsbeam: error: no newsbeam tables under {args.output} (expected "
              f"{args.output.rstrip('/')}/articles/*.avro, ...): give the folder that a "
              "`newsbeam run` wrote with --output, not its input", file=sys.stderr)
        return 2
    if not args.table:
        print_summary(summary, out)
        return 0
    ids = None
    if args.article:
        ids = matching_articles(read_table(args.output, "articles"), args.article)
        if not ids:
            print(f"newsbeam: error: no article in {args.output} has the id, the input file, a "
                  f"file name starting with, or the JSON id {args.article!r}: `newsbeam inspect "
                  f"{args.output} --table articles` lists them", file=sys.stderr)
            return 2
    # one row past the limit says whether it cut anything
    rows = list(select_rows(read_table(args.output, args.table), ids,
                            args.limit + 1 if args.limit else 0))
    cut = bool(args.limit) and len(rows) > args.limit
    rows = rows[: args.limit] if cut else rows
    if args.format == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        if cut:
            print(f"newsbeam: the first {args.limit} rows; --limit 0 prints all", file=sys.stderr)
    else:
        print_table(rows, TABLE_COLUMNS[args.table], out, cut=cut)
    return 0


def print_summary(summary, out: TextIO) -> None:
    lines = [f"{'table':<11}{'rows':>10}{'files':>7}  fields"]
    for table in REGISTRY:
        lines.append(f"{table:<11}{summary.rows.get(table, 0):>10,}"
                     f"{len(summary.files.get(table, [])):>7}  {', '.join(field_names(table))}")
    out.write("\n".join(lines) + "\n")


def matching_articles(articles: Iterable[dict[str, Any]], wanted: str) -> set[str]:
    """The article_ids ``wanted`` names: an id prefix, the input file (its whole path, or its end
    after a "/": "story.txt", "2016/story.txt"), or the input's own JSON id; failing all of
    those, the files whose name starts with it ("story" for story.txt). A user reading the
    tables knows the file an article came from long before its hash."""
    out, by_name = set(), set()
    for row in articles:
        source = row.get("source_uri") or ""
        if (row["article_id"].startswith(wanted) or source == wanted
                or source.endswith("/" + wanted.lstrip("/")) or row.get("external_id") == wanted):
            out.add(row["article_id"])
        elif source.rsplit("/", 1)[-1].startswith(wanted):
            by_name.add(row["article_id"])
    return out or by_name


def select_rows(rows: Iterable[dict[str, Any]], ids: set[str] | None,
                limit: int) -> Iterator[dict[str, Any]]:
    """Rows of the articles ``ids`` (all rows when None), at most ``limit`` (0: no limit)."""
    n = 0
    for row in rows:
        if ids is not None and row.get("article_id") not in ids:
            continue
        if limit and n >= limit:
            return
        n += 1
        yield row


def print_table(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO,
                cut: bool = False) -> None:
    """``rows`` aligned in ``columns``, then how many; ``cut``: --limit left more out."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for r in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
    count = f"{len(cells)} row{'s' if len(cells) != 1 else ''}"
    out.write(f"(the first {count}; --limit 0 prints all)\n" if cut else f"({count})\n")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    # Newlines and tabs would break the alignment of every row after this one.
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _json_default(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
