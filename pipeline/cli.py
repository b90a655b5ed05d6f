"""The `newsbeam` command: run the pipeline, evaluate it, inspect its output.

``main(argv)`` parses and validates every flag in one place (``parser.error`` says how to fix a
bad one) and hands over to a ``run_*`` function that tests call directly.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

# Nothing here imports Beam at module level: main() first decides which of Beam's connectors the
# run can do without (pipeline/lazy_imports.py), and that must happen before Beam's first import.
if TYPE_CHECKING:
    from apache_beam.options.pipeline_options import PipelineOptions

    from pipeline.run_config import RunConfig
    from pipeline.summary import Summary

LOG = logging.getLogger("newsbeam")

EXIT_ERROR_RATIO = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbeam",
        # one line: a refused flag is this line and the error, nothing more
        usage="newsbeam [-h] [--version] [--log_level LEVEL] COMMAND ...",
        description="Turn raw news articles into Avro tables of articles, sentences, named "
        "entities, attributed quotes and their speakers, on Apache Beam and spaCy.",
    )
    from pipeline import runners
    from pipeline.options import NewsbeamOptions
    from transforms.tables import PIPELINE_VERSION  # the leaf module: no NLP, no Beam

    parser.add_argument("--version", action="version", version=f"newsbeam {PIPELINE_VERSION}")
    _add_log_level(parser, default="WARNING")
    # prog: "usage: newsbeam inspect ...", not the whole top-level usage line before "inspect"
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                prog=parser.prog)

    run = sub.add_parser(
        "run", help="run the pipeline",
        description="Run the pipeline. Any Beam pipeline option (--runner, --project, "
        "--region, --temp_location, --direct_num_workers, --direct_running_mode, "
        "--setup_file, ...) is passed to Beam. --runner takes Beam's runner names or the "
        f"aliases {', '.join(runners.ALIASES)}. Without --runner (or with direct / "
        "DirectRunner) a batch run uses Beam's in-process FnApiRunner and a streaming run its "
        "BundleBasedDirectRunner, and nothing is downloaded (Beam's own DirectRunner first "
        "tries Prism; --runner prism downloads the Prism binary and runs on it). Remote "
        "runners (dataflow; portable, flink, spark with a job endpoint elsewhere) need --input "
        "and --output on shared storage such as gs://. --runner dataflow --dry_run True checks "
        "the flags, translates the graph, builds the --setup_file package and submits nothing.",
        epilog="example: newsbeam run --input 'seeds/*' --output out/ --overwrite",
    )
    NewsbeamOptions._add_argparse_args(run)

    for module in _EXTRA_COMMANDS.values():
        __import__(module, fromlist=["add_parser"]).add_parser(sub)
    for subparser in sub.choices.values():
        # `newsbeam run --log_level INFO` as well as `newsbeam --log_level INFO run`
        _add_log_level(subparser, default=argparse.SUPPRESS)
    return parser


def _add_log_level(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--log_level", default=default,
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="default: WARNING (before or after the command)")


# Subcommands that live in their own modules: name -> module with add_parser(sub) that sets
# `func` (args, parser) -> exit code.
_EXTRA_COMMANDS: dict[str, str] = {
    "eval": "pipeline.eval_command",
    "inspect": "pipeline.inspect_command",
    "report": "pipeline.report",
}


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        # The process entry only: a test's in-process main([...]) keeps every connector.
        from pipeline.lazy_imports import skip_unused_connectors

        skip_unused_connectors(sys.argv[1:])
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    logging.basicConfig(level=args.log_level, format="%(levelname)s %(name)s: %(message)s")
    if args.command != "run":
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return args.func(args, parser)
    from pipeline.run_config import ConfigError, configure
    from transforms.gcs_access import use_anonymous_gcs

    use_anonymous_gcs()  # with STORAGE_EMULATOR_HOST set: no ~20 s credential retries
    options = run_options(args, _check_beam_args(parser, rest))
    try:
        config = configure(options)
    except ConfigError as exc:
        parser.error(str(exc))
    return run_command(config, options)


def console_main() -> None:
    """The ``newsbeam`` command: ``main()``, then an exit that skips the interpreter's teardown.

    Tearing down a process that imported Beam, spaCy and Dask and held a model (freeing every
    module and object one by one) took 0.33-0.44 s of a 2.4 s one-article run (3 runs each).
    Nothing is left to do by then: the run closed its files and printed its summary. What a
    normal exit runs first (atexit functions, logging's flush among them) still runs here. An
    exception, ``SystemExit`` included, leaves the normal way.
    """
    import atexit
    import os

    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader left ("newsbeam inspect ... | head"): no traceback, as Python's docs do it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    atexit._run_exitfuncs()
    sys.stderr.flush()
    os._exit(code or 0)


def run_options(args: argparse.Namespace, beam_args: list[str]) -> PipelineOptions:
    """The run's one PipelineOptions: Beam's flags as given, newsbeam's as argparse parsed them
    (each view built once: pipeline/option_views.py)."""
    from pipeline.option_views import ViewCachingOptions
    from pipeline.run_config import newsbeam_values

    return ViewCachingOptions(beam_args, **newsbeam_values(args))


def _check_beam_args(parser: argparse.ArgumentParser, rest: list[str]) -> list[str]:
    """Beam's own flags, checked against every registered PipelineOptions class."""
    from pipeline.options import NewsbeamOptions

    if any(a.startswith("--dask_") for a in rest):
        # DaskOptions registers only on import; the import is slow and dask an optional extra
        with contextlib.suppress(ImportError):
            import apache_beam.runners.dask.dask_runner  # noqa: F401
    beam_parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    for cls in _all_option_classes():
        if cls is not NewsbeamOptions:
            cls._add_argparse_args(beam_parser)
    _, unknown = beam_parser.parse_known_args(rest)
    unknown_flags = [a for a in unknown if a.startswith("-")]
    if unknown_flags:
        parser.error(
            f"unrecognized arguments: {' '.join(unknown_flags)} (neither a newsbeam flag nor a "
            "Beam pipeline option; see `newsbeam run --help`)"
        )
    return rest


def _all_option_classes():
    from apache_beam.options.pipeline_options import PipelineOptions

    seen, todo = [], [PipelineOptions]
    while todo:
        cls = todo.pop()
        for subclass in cls.__subclasses__():
            if subclass not in seen:
                seen.append(subclass)
                todo.append(subclass)
    return seen


def prepare_output(output: str, overwrite: bool) -> None:
    """Refuse to mix runs: an output that already holds tables needs --overwrite."""
    from apache_beam.io.filesystems import FileSystems

    from schemas import TABLES

    existing = []
    for table in TABLES:
        found = FileSystems.match([f"{output.rstrip('/')}/{table}/*"])[0].metadata_list
        existing.extend(m.path for m in found)
    if not existing:
        return
    if not overwrite:
        raise SystemExit(
            f"newsbeam: error: {output} already holds {len(existing)} table file(s); pass "
            "--overwrite to replace them, or choose another --output"
        )
    FileSystems.delete(existing)


def run_command(config: RunConfig, options: PipelineOptions) -> int:
    from pipeline import runners
    from pipeline.run_config import external_dask_cluster

    if config.streaming:
        from pipeline.streaming import run_streaming

        code = run_streaming(config, options)
        if not config.runs_here:
            print(_nothing_ran(config))
        return code
    if not config.runs_here:
        run_pipeline(config, options)
        print(_nothing_ran(config))
        return 0
    prepare_output(config.output, config.overwrite)
    ran = run_pipeline(config, options)
    summary = ran.summary
    print(summary.render())
    print(workers_line(config, ran.articles_per_worker,
                       external_cluster=config.runner.kind is runners.RunnerKind.DASK
                       and external_dask_cluster(options)))
    if summary.error_ratio > config.max_error_ratio:
        print(f"newsbeam: error: {summary.error_ratio:.1%} of the input went to errors, above "
              f"--max_error_ratio={config.max_error_ratio}; see {config.output}/errors/",
              file=sys.stderr)
        return EXIT_ERROR_RATIO
    return 0


def _nothing_ran(config: RunConfig) -> str:
    if config.dry_run:
        return "dry run: graph translated and staged, nothing ran"
    return f"template: graph translated and staged to {config.template_location}, nothing ran"


class Ran(NamedTuple):
    """What a batch run produced: its tables' summary (read back from the output), and the
    articles each worker process annotated (None when the runner reports no metrics)."""

    summary: Summary
    articles_per_worker: list[int] | None


def workers_line(config: RunConfig, per_worker: list[int] | None,
                 external_cluster: bool = False) -> str:
    """The summary's last line: how many worker processes ran, and their share of articles."""
    from pipeline import runners

    kind = config.runner.kind
    if kind is runners.RunnerKind.DASK:
        if external_cluster:
            return "workers     the Dask cluster's own (--dask_client_address)"
        where = f"{config.worker_processes} process(es), Dask local cluster"
    elif kind is runners.RunnerKind.LOCAL_MULTIPROCESS:
        where = f"{config.worker_processes} process(es), DirectRunner multi_processing"
    elif kind is runners.RunnerKind.LOCAL:
        where = "1, in-process"
    else:
        where = f"as {config.runner.beam_name} runs them"
    if not per_worker:
        return f"workers     {where}"
    # Counted per worker pid (pipeline/graph.py): a process that got no article has no count.
    shares = ", ".join(f"{n:,}" for n in per_worker)
    return f"workers     {where}; articles per worker: {shares}"


def run_pipeline(config: RunConfig, options: PipelineOptions) -> Ran | None:
    """Build and run the batch pipeline; returns what it produced (None when nothing ran: a dry
    run or a template)."""
    from pipeline import graph, runners
    from pipeline.run_config import beam_pipeline
    from pipeline.summary import summarize

    started = time.monotonic()
    cluster = contextlib.nullcontext()
    if config.runner.kind is runners.RunnerKind.DASK:
        # imported only here: dask is an optional extra
        from pipeline.dask_cluster import cluster_for

        cluster = cluster_for(options, config.dask_workers, model=config.spacy_model)
    with cluster:
        pipeline = beam_pipeline(config, options)
        graph.build(pipeline, config)
        result = pipeline.run()
        if not config.runs_here:
            return None  # a template's result has no job to wait for
        result.wait_until_finish()
    per_worker = graph.articles_per_worker(result)
    summary = summarize(config.output)
    summary.wall_seconds = time.monotonic() - started
    return Ran(summary, per_worker)


if __name__ == "__main__":
    raise SystemExit(main())
