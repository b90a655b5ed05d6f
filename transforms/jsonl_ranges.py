"""Cutting a large uncompressed JSONL file into byte ranges of whole lines. Pure, no Beam.

A range is read by whichever worker gets it, so no worker holds a whole multi-gigabyte export,
the articles of one file are spread over the workers without shuffling their texts, and a file
may be bigger than ``--max_article_bytes`` (the bound then applies to each range). Ranges start
at line starts and carry the number of their first line, so records keep the line numbers (and
so the article ids) they get when the file is read whole.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO, NamedTuple

#: Uncompressed JSONL files bigger than this are read in ranges of about this size. A range is
#: the smallest share a worker can get: on Dask a partition (the rows a task holds until every
#: table has them) is at least one range, and at 1 MiB (~1,000 Reuters articles) all of Reuters
#: on 2 workers peaked at 617-622 MB per worker.
JSONL_RANGE_BYTES = 256 * 1024

# Byte-level cutting is only right where "\n" and "\r" are single bytes that no other character
# contains: UTF-8 and the single-byte legacy encodings, not UTF-16/32.
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class FileRange(NamedTuple):
    """Bytes ``[start, end)`` of ``path``; its first line is line ``first_line`` (from 1)."""

    path: str
    start: int
    end: int
    first_line: int


def line_breaks(data: bytes) -> int:
    """Line breaks in ``data``: "\\r\\n", "\\r" and "\\n" each count once (as JSONL_LINE_BREAK)."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _last_break_end(buffer: bytes, eof: bool) -> int:
    """Offset just after the last complete line break in ``buffer``, or -1 when there is none.

    A "\\r" at the very end is not complete unless at end of file: a "\\n" may follow it.
    """
    end = len(buffer) if eof else len(buffer) - 1
    i = max(buffer.rfind(b"\n", 0, end), buffer.rfind(b"\r", 0, end))
    if i < 0:
        return -1
    if buffer[i : i + 2] == b"\r\n":
        i += 1
    return i + 1


def _first_break_end(buffer: bytes, eof: bool) -> int:
    """Offset just after the first complete line break in ``buffer``, or -1."""
    ends = [i for i in (buffer.find(b"\n"), buffer.find(b"\r")) if i >= 0]
    if not ends:
        return -1
    i = min(ends)
    if buffer[i : i + 1] == b"\r":
        if i + 1 == len(buffer) and not eof:
            return -1  # a "\n" may follow
        if buffer[i + 1 : i + 2] == b"\n":
            i += 1
    return i + 1


def jsonl_ranges(path: str, stream: BinaryIO, range_bytes: int = JSONL_RANGE_BYTES
                 ) -> list[FileRange] | None:
    """Ranges of about ``range_bytes`` covering the whole stream, each ending after a line break
    (the last at end of file); ``None`` when the file must be read whole instead (UTF-16/32, or
    nothing but whitespace, which must become one ``empty_input`` error). Whether a file is big
    enough to cut is the caller's call (it knows the size without reading).

    Reads the stream once, ``range_bytes`` at a time; memory stays at about two ranges, also for
    a line longer than that: such a line becomes a range of its own (its reader reports it
    ``too_large`` if it is over ``--max_article_bytes``), so the lines around it are not lost.
    A range is at most four times ``range_bytes`` unless it is one such line.
    """
    ranges: list[FileRange] = []
    start, first_line = 0, 1
    buffer = b""
    buffered_from = 0  # absolute offset of buffer[0]
    seen_text = False
    overlong = False  # the buffer holds the tail of a line longer than the buffer could keep
    head = True
    while True:
        chunk = stream.read(range_bytes)
        eof = not chunk
        if head:
            if chunk.startswith(_WIDE_BOMS):
                return None
            head = False
        seen_text = seen_text or bool(chunk.strip())
        buffer += chunk
        if len(buffer) >= range_bytes or eof:
            # after an over-long line, cut right after it so it is a range of its own
            cut = _first_break_end(buffer, eof) if overlong else _last_break_end(buffer, eof)
            if eof and cut <= 0 and buffer:
                cut = len(buffer)  # the last line, without a line break
            if cut > 0:
                end = buffered_from + cut
                ranges.append(FileRange(path, start, end, first_line))
                first_line += line_breaks(buffer[:cut])
                start = end
                buffer = buffer[cut:]
                buffered_from = end
                overlong = False
                continue  # at the end of the file, what is left still needs its range
            elif len(buffer) > 2 * range_bytes:
                # a line longer than two ranges: keep only its last byte (it may be a "\r");
                # the range then spans the whole line
                buffered_from += len(buffer) - 1
                buffer = buffer[-1:]
                overlong = True
        if eof:
            break
    if not seen_text:
        return None
    return ranges
