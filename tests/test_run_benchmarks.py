"""The benchmark's report: what it writes from given samples (nothing here is timed)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "run_benchmarks", Path(__file__).resolve().parent.parent / "benchmarks" / "run_benchmarks.py")
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["run_benchmarks"] = bench  # dataclasses look their module up while defining
_SPEC.loader.exec_module(bench)


def _cell(key: str, n: int, walls: list[float], load: float = 0.1,
          foreign: float = 0.02) -> bench.Cell:
    inner = {"setup_s": 1.0, "pipe_s": walls[0] / 2} if key in ("a", "s", "p") else {}
    if key == "p":
        inner["alone_s"] = 0.4 * walls[0] / 0.5  # one half alone took 80% of the pair's time
    return bench.Cell(key, n, n * 400, [bench.Sample(w, 300.0, load, load, 0.01, inner, foreign)
                                         for w in walls])


def _report(load: float = 0.1, foreign: float = 0.02) -> str:
    cells = {}
    for n, scale in ((1, 0.05), (300, 1.0)):
        for key, walls in (("a", [30, 28, 29]), ("s", [22, 20, 21]), ("b", [24, 23, 25]),
                           ("c", [14, 13, 15]), ("d", [16, 15, 17]), ("p", [12, 11, 12])):
            cells[(n, key)] = _cell(key, n, [w * scale for w in walls], load, foreign)
    return bench.throughput_report(cells, "BBC News", 3, "run_benchmarks.py --runs 3", False,
                                   "0.1", "0.2")


def test_every_size_and_configuration_has_min_median_and_load():
    report = _report()
    assert "| 300 | 120,000 | b | newsbeam, DirectRunner, 1 worker | 23.0 | 24.0 |" in report
    assert "0.10-0.10 → 0.10-0.10" in report and "command: `run_benchmarks.py --runs 3`" in report
    # b/a, c/b, d/b, b against spaCy's ceiling (s), on medians: 29/24, 24/14, 24/16, 21/24;
    # spaCy's own speed-up from a second process: 2 x 9.6/12, 2 x 9.6/11, 2 x 9.6/12
    assert "| 300 | 1.21 | 1.71 | 1.50 | 0.88 | 1.60 |" in report
    assert "not benchmark results" not in report


def test_paired_ratios_come_from_each_round_then_the_median():
    # a drifting machine: round 2 is slow for every configuration alike
    a, b = _cell("a", 300, [30.0, 45.0, 29.0]), _cell("b", 300, [24.0, 36.0, 25.0])
    # per round 30/24 = 1.25, 45/36 = 1.25, 29/25 = 1.16
    assert bench.paired(b, a) == "1.25 (1.16-1.25)"
    report = _report()
    assert "| articles | b/a | c/b | d/b | b/s |" in report
    # c/b per round: 24/14, 23/13, 25/15 -> 1.71, 1.77, 1.67
    assert "| 1.71 (1.67-1.77) |" in report
    assert "| 1.60 (1.60-1.75) |" in report


def test_a_table_measured_while_other_processes_ran_says_so():
    assert "these numbers are not benchmark results" in _report(foreign=0.6)


def test_the_runs_own_load_does_not_mark_the_table():
    # c, d and p keep both cores busy: the next run starts at a load average near 2 of its own
    assert "not benchmark results" not in _report(load=2.0 * (os.cpu_count() or 1))


def test_other_processes_cpu_is_the_machine_s_busy_time_less_the_run_s():
    hz = os.sysconf("SC_CLK_TCK")
    before, after = (0, 1000, 5000), (0, 1000 + 30 * hz, 5000 + 40 * hz)
    # 30 CPU s busy in 20 s of wall, 25 of them the run's own: 0.25 cores of others
    assert bench.foreign_cores(before, after, 25.0, 20.0) == pytest.approx(0.25)
    assert bench.foreign_cores(before, after, 40.0, 20.0) == 0.0
    assert bench.foreign_cores(None, after, 25.0, 20.0) is None


def test_steady_rate_takes_the_one_article_run_away():
    one, big = _cell("b", 1, [4.0]), _cell("b", 301, [34.0])
    assert bench.steady(big, one) == pytest.approx((301 - 1) * 400 / 30.0)


@pytest.mark.parametrize("value", ["0", "x", ""])
def test_sizes_are_positive_counts(value):
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        bench.parse_sizes(value)
