"""Options parsed once: every newsbeam flag reaches the config both graphs take, unchanged.

The flags are enumerated from NewsbeamOptions itself, so a new option without a RunConfig field,
or one whose value is dropped on the way to a graph, fails here without editing this file.
"""

from __future__ import annotations

import argparse
import dataclasses
import os

import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipeline import cli, graph, streaming
from pipeline.run_config import ConfigError, RunConfig, configure, newsbeam_actions
from pipeline.runners import RunnerKind
from tests.conftest import SEEDS

SEED = str(SEEDS / "000_27cef5e8aa7cc37f.txt")
SUBSCRIPTION = "projects/news-project/subscriptions/articles"


class _Built(Exception):
    """Raised by the patched graph builders: the config was handed over, nothing runs."""

    def __init__(self, config: RunConfig):
        super().__init__()
        self.config = config


@pytest.fixture()
def captured(monkeypatch):
    def capture(pipeline, config):
        raise _Built(config)

    monkeypatch.setattr(graph, "build", capture)
    monkeypatch.setattr(streaming, "build_streaming", capture)

    def run(argv: list[str]) -> RunConfig:
        with pytest.raises(_Built) as built:
            cli.main(["run", *argv])
        return built.value.config

    return run


def _model_dir(tmp_path) -> str:
    import spacy

    path = tmp_path / "model_de"
    spacy.blank("de").to_disk(path)
    return str(path)


def _non_default(action: argparse.Action, tmp_path) -> tuple[list[str], object]:
    """(flags, the value the config must hold) for a value other than the flag's default."""
    flag = action.option_strings[0]
    special = {
        "input": ([flag, SEED], (SEED,)),
        "output": ([flag, str(tmp_path / "out")], str(tmp_path / "out")),
        "spacy_model": ([flag, _model_dir(tmp_path)], _model_dir(tmp_path)),
        # (another language than the model's is refused: tests/test_cli_args.py)
        "languages": ([flag, " DE "], ("de",)),  # the language of _model_dir
        "input_subscription": ([flag, SUBSCRIPTION], SUBSCRIPTION),
        "watch_interval": ([flag, "7.5"], 7.5),
        "workers": ([flag, "2"], 2),
        "dask_workers": ([flag, "3"], 3),
    }
    if action.dest in special:
        return special[action.dest]
    if action.nargs == 0:  # store_true
        return [flag], not action.default
    if action.choices:
        value = next(c for c in action.choices if c != action.default)
        return [flag, str(value)], value
    if action.type in (int, float):
        value = action.type(action.default) + 1 if action.type is int else 0.25
        return [flag, str(value)], value
    raise AssertionError(f"{flag}: add a non-default value for this new option to the test")


# Options each kind of run refuses (with a message, tests/test_streaming_write.py): the rest
# must reach the config of the batch graph and of both streaming graphs.
_BATCH_ONLY = {"overwrite", "workers"}
_STREAMING_ONLY = {"input_subscription", "watch_interval"}


def test_every_newsbeam_option_reaches_both_graphs(captured, tmp_path):
    actions = [a for a in newsbeam_actions() if a.option_strings]
    assert {a.dest for a in actions} <= {f.name for f in dataclasses.fields(RunConfig)}
    values = {a.dest: _non_default(a, tmp_path) for a in actions}

    def argv(*leave_out: str, extra=()) -> tuple[list[str], set[str]]:
        given = {d for d in values if d not in leave_out}
        return [f for d in given for f in values[d][0]] + list(extra), given

    runs = {
        "batch": argv(*_STREAMING_ONLY),
        "pubsub": argv("input", "watch_interval", *_BATCH_ONLY, extra=["--streaming"]),
        # --watch_interval needs a runner that runs MatchContinuously; nothing runs here
        "watch": argv("input_subscription", *_BATCH_ONLY, extra=["--runner", "prism"]),
    }
    reached: dict[str, set[str]] = {}
    for run, (flags, given) in runs.items():
        config = captured(flags)
        assert config.streaming == (run != "batch"), run
        for dest in given:
            assert getattr(config, dest) == values[dest][1], f"{dest} in the {run} graph"
        reached[run] = given
    for dest in values:
        assert dest in _STREAMING_ONLY or dest in reached["batch"], dest
        assert dest in _BATCH_ONLY or dest in reached["pubsub"] | reached["watch"], dest


def test_the_config_is_frozen_and_configure_changes_no_option(tmp_path):
    options = PipelineOptions([], input=[SEED], output=str(tmp_path / "rel"), **{
        a.dest: a.default for a in newsbeam_actions() if a.dest not in ("input", "output")})
    before = options.get_all_options()
    config = configure(options)
    assert options.get_all_options() == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.output = "elsewhere"  # type: ignore[misc]
    assert config.runner.kind is RunnerKind.LOCAL and not config.streaming
    assert os.path.isabs(config.output) and config.input == (SEED,)


def test_a_folder_input_means_every_file_under_it(captured, tmp_path):
    config = captured(["--input", str(SEEDS), "--output", str(tmp_path)])
    assert config.input == (os.path.join(str(SEEDS), "**"),)


def test_config_errors_are_one_line(tmp_path):
    options = PipelineOptions([], output=str(tmp_path), **{
        a.dest: a.default for a in newsbeam_actions() if a.dest != "output"})
    with pytest.raises(ConfigError) as error:
        configure(options)
    assert "\n" not in str(error.value) and "--input is required" in str(error.value)
