"""Submitting to Dataflow, checked offline: mistakes fail at once, a dry run translates and stages.

Every case runs with only 127.0.0.1 reachable (tests/network_guard.py) and asserts that nothing
else was even tried: a wrong flag is one line and exit code 2 before any credential lookup or
bucket listing (Beam's own path for `gs://b/tmp` is ~2 minutes of retries and a traceback).
"""

from __future__ import annotations

import tarfile

import pytest

from pipeline import cli
from tests.conftest import ROOT, SEEDS
from tests.network_guard import loopback_only

DRY_RUN = {
    "--runner": "dataflow", "--dry_run": "True", "--project": "newsbeam-ci",
    "--region": "us-central1", "--no_auth": True, "--temp_location": "gs://bucket-name/tmp",
    "--input": "gs://bucket-name/articles/**", "--output": "gs://bucket-name/tables",
}


def run_argv(**changes: str | bool | None) -> list[str]:
    """`newsbeam run` + DRY_RUN's flags, changed (a value of None drops the flag)."""
    flags = {**DRY_RUN, **{f"--{k}": v for k, v in changes.items()}}
    argv = ["run"]
    for flag, value in flags.items():
        if value is True:
            argv.append(flag)
        elif value is not None:
            argv += [flag, value]
    return argv


def refused(capsys, argv: list[str]) -> str:
    with loopback_only() as attempts, pytest.raises(SystemExit) as exc:
        cli.main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2, err
    assert attempts == [], "a refused flag must not reach the network"
    errors = [line for line in err.splitlines() if line.startswith("newsbeam: error:")]
    assert len(errors) == 1 and len(err.splitlines()) <= 2, err  # usage + one line
    return errors[0]


@pytest.mark.parametrize("changes, message", [
    ({"output": "/tmp/newsbeam-tables"}, "--output '/tmp/newsbeam-tables' must be a shared"),
    ({"input": str(SEEDS / "*")}, "cannot see this machine's files: --input"),
    ({"temp_location": "gs://b/tmp"}, "bucket name 'b' must be 3-63 characters"),
    ({"temp_location": None}, "needs --temp_location gs://BUCKET/tmp"),
    ({"temp_location": "/tmp/beam"}, "--temp_location '/tmp/beam' must be a gs://BUCKET/PATH"),
    ({"staging_location": "gs://google-news/staging"}, "cannot start with 'goog' or contain"),
    ({"output": "gs://Bad_Bucket/tables"}, "bucket name 'Bad_Bucket' must be"),
    ({"output": "s3://bucket-name/tables"}, "--output 's3://bucket-name/tables' must be a gs://"),
    ({"region": None}, "--runner dataflow needs --region"),
    ({"project": None}, "--runner dataflow needs --project"),
    ({"project": "123456789"}, "--project '123456789' is not a project ID"),
    ({"job_name": "Bad_Name"}, "--job_name 'Bad_Name' must be a-z, 0-9 and '-'"),
    ({"setup_file": "./no-such/pyproject.toml"}, "--setup_file './no-such/pyproject.toml' does "
                                                 "not exist"),
    ({"dry_run": "maybe"}, "--dry_run takes True or False"),
    ({"runner": None, "input": str(SEEDS / "*"), "output": "/tmp/t"},
     "--dry_run applies to --runner dataflow only"),
    ({"runner": "PortableRunner", "job_endpoint": "jobs.example.org:8099", "dry_run": None,
      "output": "/tmp/t"}, "--runner PortableRunner runs on remote workers"),
])
def test_a_bad_submission_fails_at_once_with_one_line(capsys, changes, message):
    assert message in refused(capsys, run_argv(**changes))


def test_a_submission_without_credentials_says_how_to_get_them(capsys, monkeypatch, tmp_path):
    for name in ("GOOGLE_APPLICATION_CREDENTIALS", "STORAGE_EMULATOR_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path))  # no gcloud login here
    # NO_GCE_CHECK=true, as google-auth read it at import: not on Compute Engine, so no
    # metadata server lookup
    from google.auth.compute_engine import _metadata

    monkeypatch.setattr(_metadata, "_NO_GCE_CHECK", True)
    error = refused(capsys, run_argv(dry_run=None, no_auth=None))
    assert "no Google Cloud credentials found" in error and "--dry_run True" in error


@pytest.mark.slow
def test_a_dry_run_translates_the_graph_and_builds_the_package(capsys, monkeypatch):
    from apache_beam.runners.dataflow.dataflow_runner import DataflowRunner
    from apache_beam.runners.portability.stager import Stager

    packages, graphs = [], []
    build_package, run_pipeline = Stager._build_setup_package, DataflowRunner.run_pipeline

    def built(setup_file, temp_dir, build_setup_args=None):
        path = build_package(setup_file, temp_dir, build_setup_args)
        with tarfile.open(path) as sdist:
            packages.append(sdist.getnames())
        return path

    def translated(self, pipeline, options):
        result = run_pipeline(self, pipeline, options)
        graphs.append(self.proto_pipeline)
        return result

    monkeypatch.setattr(Stager, "_build_setup_package", staticmethod(built))
    monkeypatch.setattr(DataflowRunner, "run_pipeline", translated)
    with loopback_only() as attempts:
        code = cli.main(run_argv(setup_file=str(ROOT / "pyproject.toml")))
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip().splitlines()[-1] == "dry run: graph translated and staged, nothing ran"
    assert "newsbeam run summary" not in out
    assert attempts == []
    (names,) = packages
    assert any(n.endswith("/pipeline/cli.py") for n in names)
    assert any(n.endswith("/schemas/article.avsc") for n in names)
    (proto,) = graphs
    labels = {t.unique_name for t in proto.components.transforms.values()}
    assert {"ReadArticles", "Annotate", "WriteTables"} <= labels
    staged = [a.role_payload for env in proto.components.environments.values()
              for a in env.dependencies]
    assert any(b"workflow.tar.gz" in payload for payload in staged), staged


def test_a_streaming_dry_run_says_nothing_ran(capsys):
    with loopback_only() as attempts:
        code = cli.main(run_argv(input=None, streaming=True,
                                 input_subscription="projects/newsbeam-ci/subscriptions/news"))
    out = capsys.readouterr().out
    assert code == 0 and attempts == []
    assert out.strip().splitlines()[-1] == "dry run: graph translated and staged, nothing ran"


@pytest.mark.parametrize("bucket, valid", [
    ("bucket-name", True), ("my_bucket.example.com", True), ("abc", True), ("b" * 63, True),
    ("b", False), ("ab", False), ("b" * 64, False), ("-abc", False), ("abc-", False),
    ("Bucket", False), ("a..b", False), ("192.168.1.1", False), ("goog-news", False),
    ("my-google-bucket", False), ("a b", False),
])
def test_bucket_names_follow_cloud_storage_rules(bucket, valid):
    from pipeline.remote_checks import bucket_error

    assert (bucket_error(bucket) is None) == valid
