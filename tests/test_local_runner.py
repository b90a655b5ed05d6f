"""The local default runner is pinned: `newsbeam run` never tries (so never downloads) Prism.

Beam 2.77's DirectRunner first tries PrismRunner, fetching its Go binary from GitHub; newsbeam's
default goes straight to the FnApiRunner (batch) / BundleBasedDirectRunner (streaming). The
Prism loader is replaced by one that records the call and fails; a control run through Beam's
own DirectRunner shows that the replaced function is the one Beam calls.
"""

from __future__ import annotations

import tempfile

import apache_beam as beam
import pytest
from apache_beam.runners.direct.direct_runner import BundleBasedDirectRunner
from apache_beam.runners.portability import prism_runner
from apache_beam.testing.util import assert_that, equal_to

from pipeline import cli
from pipeline.run_config import beam_pipeline
from pipeline.runners import LocalBatchRunner
from tests.conftest import SEEDS
from tests.network_guard import loopback_only
from tests.pipeline_runs import read_tables, run_cli


@pytest.fixture()
def prism_loads(monkeypatch) -> list[str]:
    calls: list[str] = []

    def fetch(self):
        calls.append("prism binary")
        raise RuntimeError("the test forbids fetching Prism")

    monkeypatch.setattr(prism_runner.PrismJobServer, "_get_executable_path", fetch)
    return calls


def test_beams_own_direct_runner_would_fetch_prism(prism_loads, monkeypatch, tmp_path):
    """The control: the patched loader is what Beam's DirectRunner calls (then falls back)."""
    # Beam's Prism job server makes its temp folder before fetching the binary and never removes
    # it when the fetch fails: in this test's folder, not one more beam-temp* per run in /tmp
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with loopback_only(), beam.Pipeline(runner="SwitchingDirectRunner") as pipeline:
        assert_that(pipeline | beam.Create([1, 2]) | beam.Map(lambda x: x * 10),
                    equal_to([10, 20]))
    assert prism_loads == ["prism binary"]


@pytest.mark.slow
def test_a_default_batch_run_never_loads_prism_nor_reaches_the_network(prism_loads, tmp_path):
    with loopback_only() as attempts:
        assert run_cli([str(SEEDS / "*")], tmp_path) == 0
    tables = read_tables(tmp_path)
    assert len(tables["articles"]) == 8 and tables["sentences"]
    assert prism_loads == [] and attempts == []


@pytest.mark.parametrize("flags, runner_type", [
    ([], LocalBatchRunner),
    (["--runner", "DirectRunner"], LocalBatchRunner),
    (["--streaming", "--input_subscription", "projects/p/subscriptions/s"],
     BundleBasedDirectRunner),
    (["--runner", "direct", "--streaming", "--input_subscription", "projects/p/subscriptions/s"],
     BundleBasedDirectRunner),
])
def test_default_graphs_are_built_on_the_pinned_runners(flags, runner_type, tmp_path, monkeypatch,
                                                        prism_loads):
    from pipeline import graph, streaming

    built = []

    def build(pipeline, config):
        built.append(pipeline)
        raise SystemExit(0)  # built; nothing runs

    monkeypatch.setattr(graph, "build", build)
    monkeypatch.setattr(streaming, "build_streaming", build)
    source = [] if "--streaming" in flags else ["--input", str(SEEDS / "*")]
    with pytest.raises(SystemExit):
        cli.main(["run", "--output", str(tmp_path), *source, *flags])
    (pipeline,) = built
    assert type(pipeline.runner) is runner_type
    assert prism_loads == []


def test_prism_stays_available_on_request(tmp_path):
    from pipeline.run_config import RunConfig
    from pipeline.runners import recognise

    options = cli.run_options(*cli.build_parser().parse_known_args(
        ["run", "--input", str(SEEDS / "*"), "--output", str(tmp_path), "--runner", "prism"]))
    config = RunConfig.with_defaults(output=str(tmp_path), runner=recognise(options))
    assert isinstance(beam_pipeline(config, options).runner, prism_runner.PrismRunner)
