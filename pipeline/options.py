"""newsbeam's pipeline options. Beam's own flags (--runner, --project, ...) pass through untouched."""

from __future__ import annotations

import argparse

from apache_beam.options.pipeline_options import PipelineOptions

from transforms.nlp_model import DEFAULT_MODEL
from transforms.readers import DEFAULT_MAX_ARTICLE_BYTES, FORMATS
from transforms.write_tables import AVRO_CODECS


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
            "errors/, each holding Avro files.",
        )
        group.add_argument(
            "--spacy_model", default=DEFAULT_MODEL, metavar="NAME_OR_PATH",
            help=f"Installed spaCy pipeline package or model directory (default: {DEFAULT_MODEL}, "
            "the official en_core_web_sm 3.8.0). Never downloaded at run time.",
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
