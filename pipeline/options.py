"""newsbeam's pipeline options; Beam's own flags (--runner, --project, ...) pass through."""

from __future__ import annotations

import argparse
import re

from apache_beam.options.pipeline_options import PipelineOptions

from transforms.nlp_model import DEFAULT_MODEL
from transforms.readers import DEFAULT_MAX_ARTICLE_BYTES, FORMATS
from transforms.write_tables import AVRO_CODECS

#: Worker processes of the local Dask cluster when neither --dask_workers nor --workers says.
DEFAULT_DASK_WORKERS = 2

#: ``--languages all``: annotate every article whatever its language.
ALL_LANGUAGES = "all"


def parse_languages(value: str) -> tuple[str, ...]:
    """``--languages`` -> sorted ISO 639-1 codes, or ``("all",)``."""
    codes = sorted({code.strip().lower() for code in value.split(",") if code.strip()})
    if codes == [ALL_LANGUAGES]:
        return (ALL_LANGUAGES,)
    if not codes or not all(re.fullmatch(r"[a-z]{2}", code) for code in codes):
        raise argparse.ArgumentTypeError(
            f"{value!r}: give comma-separated two-letter ISO 639-1 codes (e.g. en,de) or 'all'")
    return tuple(codes)


class NewsbeamOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group("newsbeam")
        group.add_argument(
            "--input", action="append", default=None, metavar="GLOB",
            help="Article files to read: a path, a glob (`**` recurses) or a gs:// pattern. "
            "Repeat for several. Formats by extension: .txt .json .jsonl .html/.htm, each "
            "optionally .gz or .bz2.",
        )
        group.add_argument(
            "--output", default=None, metavar="DIR_OR_GS_PREFIX",
            help="Where the tables go: {output}/articles/, sentences/, entities/, quotes/, "
            "speakers/, errors/, each holding Avro files.",
        )
        group.add_argument(
            "--spacy_model", default=DEFAULT_MODEL, metavar="NAME_OR_PATH",
            help=f"Installed spaCy pipeline package or model directory (default: {DEFAULT_MODEL}, "
            "the official en_core_web_sm 3.8.0), in any language spaCy has a pipeline for. Never "
            "downloaded at run time: install it first (`python -m spacy download NAME` or pip).",
        )
        group.add_argument(
            "--languages", type=parse_languages, default=None, metavar="CODES",
            help="Languages to annotate: comma-separated ISO 639-1 codes (e.g. en,de), or 'all' "
            "(default: the --spacy_model's own language). An article in another language gets "
            "its articles row, with its language and marked not annotated, and no sentences, "
            "entities or quotes rows.",
        )
        group.add_argument(
            "--format", choices=FORMATS, default=None,
            help="Read every input as this format instead of choosing by extension.",
        )
        group.add_argument(
            "--avro_codec", choices=AVRO_CODECS, default="deflate",
            help="Compression codec of the Avro files (default: deflate).",
        )
        group.add_argument(
            "--batch_size", type=int, default=32, metavar="N",
            help="Articles per spaCy nlp.pipe batch (default: 32).",
        )
        group.add_argument(
            "--workers", type=int, default=None, metavar="N",
            help="Local worker processes, the shorthand for both local runners: without "
            "--runner, N > 1 runs Beam's DirectRunner in multi_processing mode with N "
            "processes (--direct_num_workers N --direct_running_mode multi_processing); with "
            "--runner dask it is --dask_workers N. 1 is the in-process default. The run "
            "summary says how many ran. Not for streaming or remote runners (Dataflow: "
            "--num_workers).",
        )
        group.add_argument(
            "--max_article_bytes", type=int, default=DEFAULT_MAX_ARTICLE_BYTES, metavar="BYTES",
            help="Largest input file accepted, after decompression; bigger ones (gzip bombs "
            f"included) become `too_large` errors (default: {DEFAULT_MAX_ARTICLE_BYTES}).",
        )
        group.add_argument(
            "--max_error_ratio", type=float, default=1.0, metavar="RATIO",
            help="Fail the run (exit code 3) when errors / (articles + errors) exceeds RATIO, "
            "e.g. 0.2 to catch a systemic bug that dead-letters most input (default: 1.0, never).",
        )
        group.add_argument(
            "--overwrite", action="store_true",
            help="Replace tables already in --output. Without it, a run into an output folder "
            "that already holds tables is refused, so old and new rows never mix.",
        )
        streaming = parser.add_argument_group(
            "streaming", "Keep up with a bucket (Beam's own --streaming flag turns streaming on)."
        )
        streaming.add_argument(
            "--input_subscription", default=None, metavar="projects/P/subscriptions/S",
            help="Pub/Sub subscription receiving the bucket's Cloud Storage notifications "
            "(JSON payload, OBJECT_FINALIZE); every new article object is read and annotated. "
            "Needs --streaming; replaces --input.",
        )
        streaming.add_argument(
            "--window_seconds", type=int, default=10, metavar="N",
            help="Streaming: rows are written once per N-second window (default: 10), so an "
            "article lands in the tables about N seconds after it is uploaded.",
        )
        streaming.add_argument(
            "--watch_interval", type=float, default=None, metavar="SECONDS",
            help="Streaming without Pub/Sub: poll --input every SECONDS for new files "
            "(fileio.MatchContinuously). For runners that support it (Dataflow, Flink, Prism); "
            "implies --streaming.",
        )
        dask = parser.add_argument_group(
            "dask", "--runner dask: Beam's --dask_client_address etc. pass through untouched."
        )
        dask.add_argument(
            "--dask_workers", type=int, default=None, metavar="N",
            help="--runner dask without --dask_client_address/--dask_scheduler_file: start a "
            "local dask.distributed cluster of N worker processes (one thread each) on 127.0.0.1 "
            f"for the run (default: --workers, else {DEFAULT_DASK_WORKERS}).",
        )
