"""How a local multi-process run splits each stage's input over its workers.

Beam's ``ParallelBundleManager`` (the FnApiRunner in multi_processing mode) does two things that
cost a run with many workers time it does not need to spend:

- It sends every stage to every worker. Most of a run's ~30 stages have one element or none (a
  write's DoOnce impulse, its finalize step, a side input, the errors of a clean run): that is
  one bundle with the element and N-1 empty ones, each a round trip to a worker. With 16
  workers on 16 articles (on 2 cores) those stages took 0.06-0.33 s each, 3.3 s of the run;
  with 2 workers none took over 0.05 s. Here a part with no input is not sent (a bundle with no
  elements does nothing a runner must do: Beam's model lets a runner skip it). That run, whole
  process: 8.7 and 9.3 s before, 7.0 and 7.0 s after.
- It deals the elements round-robin, the same count to each worker. For the read units (files,
  JSONL ranges) that is not the same work: BBC's 2,225 files, in the random order the
  Reshuffle leaves them, give the busiest of 16 workers 10% more bytes than the mean (20% in the
  worst of 200 shuffles; 4% with 2 workers), and the run waits for it. Here the units of the
  ``SpreadUnits`` shuffle are dealt by bytes (``balanced_parts``) when their sizes are known
  without a request (local files, JSONL ranges); files elsewhere (gs://) keep Beam's deal.
- It splits a small input as finely as a big one. After the read, a run's other stages carry
  little (300 BBC articles: the speakers' groups 160 KB, their join 60 KB, the file list
  15 KB), yet each was cut into N parts, and each part is a round trip through the launcher's
  one Python thread plus a worker building that stage's operators for the first time. Here a
  part gets at least ``MIN_PART_BYTES`` of such input, so those stages run on one worker and
  only a big input (a large run's speakers) is spread. The read units are always spread: a
  file name of 60 bytes can be minutes of parsing.

Everything else (how a part becomes a bundle, the results merged, timers on the first worker)
is Beam's. Used by ``ForkedFnApiRunner`` (pipeline/forked_workers.py).
"""

from __future__ import annotations

import collections
import copy
import itertools
from collections.abc import Mapping

from apache_beam.metrics import monitoring_infos
from apache_beam.portability.api import beam_fn_api_pb2
from apache_beam.runners.portability.fn_api_runner import execution, fn_runner
from apache_beam.utils import thread_pool_executor

from transforms.read_articles import SPREAD_UNITS, balanced_parts, bytes_of_key

#: The least encoded input a worker is sent of a stage other than the read (see above). The
#: speakers' merge, the biggest of them, processes ~3 MB/s on one core (0.06 s for 300 BBC
#: articles' 160 KB), so a part of 256 KiB is ~0.1 s of work against ~0.01-0.02 s a round trip.
MIN_PART_BYTES = 256 << 10


class SpreadBundleManager(fn_runner.ParallelBundleManager):
    """``ParallelBundleManager`` that sends a worker only a part with input, and deals the read
    units by bytes."""

    def process_bundle(self, inputs, expected_outputs, fired_timers, expected_output_timers,
                       dry_run=False):
        n = self._num_workers
        parts: list[dict[str, list[bytes]]] = [{} for _ in range(n)]
        spread = False
        for name, buffer in inputs.items():
            units = SPREAD_UNITS in name.split("/")
            spread = spread or units
            dealt = units_by_bytes(buffer, n) if units else None
            for ix, part in enumerate(dealt or buffer.partition(n)):
                parts[ix][name] = part
        if not spread:
            parts = fewer_parts(parts, MIN_PART_BYTES)
        # Timers go with the first part, as in Beam's. A stage with nothing at all still runs
        # one (empty) bundle, as a one-worker run would.
        work = [(part, fired_timers if ix == 0 else {}) for ix, part in enumerate(parts)
                if ix == 0 and fired_timers or _has_input(part)] or [(parts[0], {})]

        def execute(part_and_timers):
            part, timers = part_and_timers
            return fn_runner.BundleManager(
                self.bundle_context_manager, self._progress_frequency,
                cache_token_generator=self._cache_token_generator).process_bundle(
                    part, expected_outputs, timers, expected_output_timers, dry_run)

        # Beam's loop (ParallelBundleManager.process_bundle) over the parts kept.
        merged = None
        splits = []
        with thread_pool_executor.shared_unbounded_instance() as executor:
            for result, split in executor.map(execute, work):
                splits += split
                merged = result if merged is None else beam_fn_api_pb2.InstructionResponse(
                    process_bundle=beam_fn_api_pb2.ProcessBundleResponse(
                        monitoring_infos=monitoring_infos.consolidate(itertools.chain(
                            result.process_bundle.monitoring_infos,
                            merged.process_bundle.monitoring_infos))),
                    error=result.error or merged.error)
        return merged, splits


def fewer_parts(parts: list[dict[str, list[bytes]]], min_bytes: int
                ) -> list[dict[str, list[bytes]]]:
    """``parts`` folded into as many as give each at least ``min_bytes`` of input (one at least).

    Part ``i`` joins part ``i mod k``: each input's encoded chunks are concatenated, which is
    still a valid stream, and a key's group stays whole in the part that held it. Part 0 stays
    first (it takes the timers).
    """
    total = sum(len(chunk) for part in parts for chunks in part.values() for chunk in chunks)
    k = max(1, min(len(parts), total // min_bytes))
    if k == len(parts):
        return parts
    folded: list[dict[str, list[bytes]]] = [{} for _ in range(k)]
    for ix, part in enumerate(parts):
        into = folded[ix % k]
        for name, chunks in part.items():
            into.setdefault(name, []).extend(chunks)
    return folded


def _has_input(part: Mapping[str, list[bytes]]) -> bool:
    return any(chunk for chunks in part.values() for chunk in chunks)


def units_by_bytes(buffer, n: int) -> list[list[bytes]] | None:
    """The read units grouped in ``buffer`` (SpreadUnits' shuffle) in ``n`` parts of about equal
    bytes, read from their keys (transforms/read_articles.py ``sized_key``); None where Beam's
    deal must stay: a size not known, fewer units than parts, not the buffer expected."""
    table = getattr(buffer, "_table", None)
    if not isinstance(buffer, execution.GroupingBuffer) or buffer._grouped_output \
            or table is None or len(table) < n:
        return None
    key_impl = buffer._key_coder.get_impl()
    sized = []
    for encoded_key in table:
        size = bytes_of_key(key_impl.decode(encoded_key))
        if size is None:
            return None
        sized.append((encoded_key, size))
    parts = []
    for keys in balanced_parts(sized, n):
        # Beam's own encoding of each part: a copy of the buffer holding just its keys.
        part = copy.copy(buffer)
        part._table = collections.defaultdict(list, {key: table[key] for key in keys})
        parts.append(part.partition(1)[0])
    buffer._grouped_output = parts  # as Beam's partition leaves it: read once, never appended
    table.clear()
    return parts
