"""Progress reporting: the rule (fake clock, no waiting) and the DoFn in a real pipeline."""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.testing import test_pipeline
from apache_beam.testing.util import assert_that, equal_to

from tests.conftest import SEEDS
from transforms.progress import (
    ProgressTracker,
    ReportProgress,
    expected_articles,
    format_duration,
)


class FakeClock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_reports_at_most_every_interval_with_rate_and_eta():
    clock = FakeClock()
    tracker = ProgressTracker(expected_total=100, interval_s=10, clock=clock)
    lines = []
    for _ in range(60):  # 60 articles at 2 a second: 30 s of run
        clock.now += 0.5
        line = tracker.add(1)
        if line:
            lines.append((clock.now, line))
    # first article starts the clock at 1000.5; lines at +10 s and +20 s, and none in between
    assert [t for t, _ in lines] == [1010.5, 1020.5]
    first = lines[0][1]
    assert "21 articles" in first
    assert "(2.1/s)" in first
    assert "21% of 100 expected" in first
    # 79 left at 2.1 articles/s: about 38 s
    assert "ETA 0:38" in first
    assert "0:10" in first


def test_short_run_prints_nothing():
    clock = FakeClock()
    tracker = ProgressTracker(expected_total=5, interval_s=10, clock=clock)
    out = []
    for _ in range(5):
        clock.now += 1
        out.append(tracker.add(1))
    assert out == [None] * 5


def test_unknown_total_has_no_eta_and_a_stall_reports_on_the_next_article():
    clock = FakeClock()
    tracker = ProgressTracker(expected_total=None, interval_s=10, clock=clock)
    assert tracker.add(32) is None  # one batch
    clock.now += 45  # a long stall: the next article reports at once
    line = tracker.add(32)
    assert line is not None
    assert "64 articles" in line and "total unknown" in line and "ETA" not in line


def test_count_past_the_expected_total_stays_sane():
    clock = FakeClock()
    tracker = ProgressTracker(expected_total=10, interval_s=1, clock=clock)
    tracker.add(1)
    clock.now += 2
    line = tracker.add(20)
    assert "100% of 10 expected" in line and "ETA 0:00" in line


def test_format_duration():
    assert format_duration(0) == "0:00"
    assert format_duration(75.4) == "1:15"
    assert format_duration(3 * 3600 + 61) == "3:01:01"


def test_expected_articles_counts_input_units_of_the_seeds():
    # one article per txt/html/json-object file, one per JSONL line (002_wire.jsonl has two)
    files = [p for p in SEEDS.iterdir() if p.is_file()]  # seeds/ holds articles only
    jsonl_lines = sum(1 for line in (SEEDS / "002_wire.jsonl").read_text().splitlines()
                      if line.strip())
    assert jsonl_lines > 1
    assert expected_articles([str(SEEDS / "*")]) == len(files) - 1 + jsonl_lines


def test_expected_articles_unknown_when_json_is_too_big_to_count(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n' * 50)
    (tmp_path / "b.txt").write_text("hello")
    assert expected_articles([str(tmp_path / "*")]) == 51
    assert expected_articles([str(tmp_path / "*")], max_count_bytes=100) is None
    assert expected_articles(None) is None
    assert expected_articles([str(tmp_path / "nothing-*")]) == 0


def test_report_progress_passes_articles_through_and_reports(capfd):
    articles = [{"article_id": str(i)} for i in range(5)]
    with test_pipeline.TestPipeline() as p:
        out = (p | beam.Create(articles)
               | ReportProgress(expected_total=5, interval_s=0))
        assert_that(out, equal_to(articles))
    err = capfd.readouterr().err
    assert "newsbeam progress: 5 articles" in err
    assert "of 5 expected" in err


def test_several_workers_scale_their_own_count_to_the_run():
    clock = FakeClock()
    tracker = ProgressTracker(expected_total=100, interval_s=10, clock=clock, workers=2)
    line = None
    for _ in range(21):  # this worker: 21 articles in 10 s; two workers: about 42 done
        clock.now += 0.5
        line = tracker.add(1) or line
    assert line is not None
    assert "of 2" in line and "21 articles here" in line
    assert "about 42% of 100 expected" in line
    # 58 left at 2 workers x 2.1/s: about 14 s
    assert "ETA 0:14" in line


@pytest.mark.parametrize(
    ("flags", "workers"),
    [
        ([], 1),
        (["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"], 2),
        (["--direct_num_workers", "4"], 1),  # in-process threads: one counter
        (["--runner", "apache_beam.runners.dask.dask_runner.DaskRunner", "--dask_workers", "3"], 3),
    ],
)
def test_worker_processes_of_a_run(flags, workers):
    from apache_beam.options.pipeline_options import PipelineOptions

    from pipeline.graph import worker_processes

    assert worker_processes(PipelineOptions(flags)) == workers


def test_counting_a_compressed_json_bomb_is_bounded(tmp_path):
    import gzip

    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as f:
        for _ in range(200):
            f.write(b'{"text": "x"}\n' * 10_000)  # 28 MB once decompressed
    # over the counting budget once decompressed: the total is unknown, nothing is read whole
    assert expected_articles([str(bomb)], max_count_bytes=1_000_000) is None
    assert expected_articles([str(bomb)], max_count_bytes=64_000_000) == 2_000_000
