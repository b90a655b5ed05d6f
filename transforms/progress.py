"""Progress of a run: articles annotated, rate and ETA, reported from the workers.

A DirectRunner or Dataflow job gives no live view of how far it got, and a corpus of a million
articles runs for hours. ``ReportProgress`` passes articles through unchanged and, at most every
``interval_s`` per worker process, writes one line to stderr (the CLI's terminal on the
DirectRunner; the worker logs on Dataflow). The ETA needs a total: ``expected_articles`` counts
the input units before the run from the matched files.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from transforms.readers import (
    INPUT_FORMATS,
    dangling_links,
    file_kind,
    not_a_regular_file,
    parse_file,
)

#: At most one progress line per process this often (the issue asks for one at least every 10 s).
DEFAULT_INTERVAL_S = 10.0

#: JSON/JSONL inputs are read once more before the run to count their articles, up to this many
#: bytes in all; beyond it the total (and so the ETA) is left unknown rather than doubling I/O.
MAX_COUNT_BYTES = 64 * 1024 * 1024


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressTracker:
    """Counts articles and says, at most every ``interval_s``, how far the run is.

    Pure logic with an injectable clock, so the reporting rule is tested without waiting.
    The first line comes ``interval_s`` after the first article: a short run prints none.
    """

    def __init__(self, expected_total: int | None = None, interval_s: float = DEFAULT_INTERVAL_S,
                 clock: Callable[[], float] = time.monotonic, workers: int = 1):
        self.expected_total = expected_total
        self.interval_s = interval_s
        # Each worker process counts only its own articles; with ``workers`` processes sharing
        # the input evenly (the shuffle after reading spreads it), the run has done about
        # ``count * workers``, at ``rate * workers``.
        self.workers = max(1, workers)
        self._clock = clock
        self.count = 0
        self._started: float | None = None
        self._last_report: float | None = None

    def add(self, n: int = 1) -> str | None:
        """Record ``n`` more articles; returns a progress line when one is due, else None."""
        now = self._clock()
        if self._started is None:
            self._started = self._last_report = now
        self.count += n
        if now - self._last_report < self.interval_s:
            return None
        self._last_report = now
        return self.message(now)

    def message(self, now: float | None = None) -> str:
        now = self._clock() if now is None else now
        elapsed = now - (self._started if self._started is not None else now)
        rate = self.count / elapsed if elapsed > 0 else 0.0
        line = (f"newsbeam progress: {self.count:,} articles in {format_duration(elapsed)} "
                f"({rate:.1f}/s)")
        if self.workers > 1:
            line = (f"newsbeam progress (worker pid {os.getpid()} of {self.workers}): "
                    f"{self.count:,} articles here in {format_duration(elapsed)} ({rate:.1f}/s)")
        total = self.expected_total
        if total:
            done = min(self.count * self.workers, total)
            line += (f", {'about ' if self.workers > 1 else ''}{done / total:.0%} of "
                     f"{total:,} expected")
            remaining = total - done
            eta = format_duration(remaining / (rate * self.workers)) if rate > 0 else "unknown"
            line += f", ETA {eta}"
        else:
            line += ", total unknown"
        return line


# One tracker per run and worker process, shared by every DoFn instance (bundle threads) in it;
# keyed by a token made when the graph is built, so two runs in one process never add up.
_TRACKERS: dict[str, ProgressTracker] = {}
_LOCK = threading.Lock()


def _process_tracker(run_token: str, expected_total: int | None,
                     interval_s: float, workers: int) -> ProgressTracker:
    with _LOCK:
        if run_token not in _TRACKERS:
            _TRACKERS[run_token] = ProgressTracker(expected_total, interval_s, workers=workers)
        return _TRACKERS[run_token]


class ReportProgressFn(beam.DoFn):
    def __init__(self, expected_total: int | None = None,
                 interval_s: float = DEFAULT_INTERVAL_S, workers: int = 1):
        self._run_token = uuid.uuid4().hex
        self._expected_total = expected_total
        self._interval_s = interval_s
        self._workers = workers

    def setup(self) -> None:
        self._tracker = _process_tracker(self._run_token, self._expected_total, self._interval_s,
                                         self._workers)

    def process(self, element: Any) -> Iterator[Any]:
        with _LOCK:
            line = self._tracker.add(1)
        if line:
            print(line, file=sys.stderr, flush=True)
        yield element


class ReportProgress(beam.PTransform):
    """Articles -> the same articles; logs count, rate and ETA at most every ``interval_s``."""

    def __init__(self, expected_total: int | None = None,
                 interval_s: float = DEFAULT_INTERVAL_S, workers: int = 1):
        super().__init__()
        self._expected_total = expected_total
        self._interval_s = interval_s
        self._workers = workers

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        return articles | "Count" >> beam.ParDo(
            ReportProgressFn(self._expected_total, self._interval_s, self._workers))


def expected_articles(patterns: Iterable[str] | None, format_override: str | None = None,
                      max_count_bytes: int = MAX_COUNT_BYTES) -> int | None:
    """Input units the patterns hold (a txt/html file is one, a JSONL file one per line).

    None when unknown: no patterns, a listing that fails, or JSON(L) too big to count cheaply.
    """
    patterns = list(patterns or ())
    if not patterns:
        return None
    try:
        files = [m.path for r in FileSystems.match(patterns) for m in r.metadata_list]
    except Exception:  # noqa: BLE001 - progress must never fail a run that can otherwise go
        return None
    # each broken symlink is an error row too (read_articles lists them the same way)
    files += sorted({p for pattern in patterns for p in dangling_links(pattern)})
    total, budget = 0, max_count_bytes
    for path in files:
        kind = file_kind(path, format_override)
        if kind.format is None or INPUT_FORMATS[kind.format].one_per_file:
            total += 1
            continue
        try:
            units, size = _count_units(path, format_override, budget)
        except Exception:  # noqa: BLE001 - an unreadable file is one error row, so one unit
            units, size = 1, 0
        if units is None:  # over the budget: leave the total unknown
            return None
        total += units
        budget -= size
    return total


def _count_units(path: str, format_override: str | None,
                 budget: int) -> tuple[int | None, int]:
    """(input units, bytes read) of one JSON(L) file, reading at most ``budget`` bytes; units
    is None when the file is bigger than that.

    The units are counted by reading the file exactly as a worker will (``parse_file``, the
    same decompression bound and parser), so the count is the number of rows it will make.
    """
    if not_a_regular_file(path) is not None:
        return 1, 0  # one error row; opening a named pipe would block the launcher
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        data = f.read(budget + 1)
    records = list(parse_file(path, data, format_override, max_bytes=budget))
    if any(r.get("error_type") == "too_large" for r in records):
        return None, len(data)
    return len(records), len(data)
