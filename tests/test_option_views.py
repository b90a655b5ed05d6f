"""pipeline/option_views.py: one view per options class, sharing the options' values."""

from __future__ import annotations

import pickle

from apache_beam.options.pipeline_options import (
    DirectOptions,
    PipelineOptions,
    StandardOptions,
    TypeOptions,
)

from pipeline.cli import build_parser, run_options
from pipeline.option_views import ViewCachingOptions


def test_a_view_is_built_once_and_shares_the_options_values():
    options = ViewCachingOptions(["--runner", "FnApiRunner", "--direct_num_workers", "3"])
    standard = options.view_as(StandardOptions)
    assert options.view_as(StandardOptions) is standard
    assert standard.runner == "FnApiRunner"
    assert options.view_as(DirectOptions).direct_num_workers == 3
    standard.runner = "Other"  # a write through one view is seen by every view and a new one
    assert options.view_as(StandardOptions).runner == "Other"
    assert options.get_all_options()["runner"] == "Other"
    assert options.view_as(DirectOptions).view_as(StandardOptions).runner == "Other"


def test_the_views_read_what_plain_options_read():
    flags = ["--runner", "FnApiRunner", "--no_pipeline_type_check", "--streaming"]
    cached, plain = ViewCachingOptions(flags), PipelineOptions(flags)
    for cls in (StandardOptions, TypeOptions, DirectOptions):
        assert vars(cached.view_as(cls)._visible_options) == vars(
            plain.view_as(cls)._visible_options)
    assert cached.get_all_options() == plain.get_all_options()


def test_pickles_without_its_views():
    options = ViewCachingOptions(["--runner", "FnApiRunner"])
    options.view_as(StandardOptions)
    copy = pickle.loads(pickle.dumps(options))
    assert "_views" not in vars(copy)
    assert copy.view_as(StandardOptions).runner == "FnApiRunner"
    assert copy.view_as(StandardOptions) is copy.view_as(StandardOptions)


def test_the_cli_runs_with_view_caching_options():
    args, rest = build_parser().parse_known_args(
        ["run", "--input", "x", "--output", "y", "--runner", "FnApiRunner"])
    options = run_options(args, rest)
    assert isinstance(options, ViewCachingOptions)
    assert options.view_as(StandardOptions) is options.view_as(StandardOptions)
    assert options.view_as(StandardOptions).runner == "FnApiRunner"
