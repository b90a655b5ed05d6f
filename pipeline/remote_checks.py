"""What a run on remote workers needs, checked in the launcher before anything is submitted.

Without these checks a mistake costs minutes: an invalid bucket (``gs://b/tmp``) sends Beam's
validator to create a default bucket, ~2 minutes of credential and connection retries and then
a 185-line traceback; a local ``--output`` is accepted and the workers write to their own disks.
Each check returns one line that says how to fix the flag; the launcher stops at the first.
"""

from __future__ import annotations

import ipaddress
import os
import re

from apache_beam.options.pipeline_options import (
    GoogleCloudOptions,
    PipelineOptions,
    SetupOptions,
)

from pipeline.runners import Runner, RunnerKind

# https://cloud.google.com/storage/docs/buckets#naming
_BUCKET_PART = re.compile(r"[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?")
# Dataflow: https://cloud.google.com/dataflow/docs/reference/rest/v1b3/projects.jobs (name)
_JOB_NAME = re.compile(r"[a-z]([-a-z0-9]{0,1022}[a-z0-9])?")
# https://cloud.google.com/resource-manager/docs/creating-managing-projects (project ID), plus
# the legacy domain-scoped form "example.com:project"
_PROJECT_ID = re.compile(r"([a-z][-a-z0-9.]*[a-z0-9]:)?[a-z][-a-z0-9]{4,28}[a-z0-9]")


def is_local_path(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def bucket_error(bucket: str) -> str | None:
    """Why ``bucket`` is not a valid Cloud Storage bucket name (None when it is)."""
    rules = ("3-63 characters (up to 222 with dots, 63 between dots) of a-z, 0-9, '-', '_' "
             "and '.', starting and ending with a letter or digit")
    if not 3 <= len(bucket) <= (222 if "." in bucket else 63):
        return f"bucket name {bucket!r} must be {rules}"
    if not all(_BUCKET_PART.fullmatch(part) for part in bucket.split(".")):
        return f"bucket name {bucket!r} must be {rules}"
    try:
        ipaddress.ip_address(bucket)
        return f"bucket name {bucket!r} cannot be an IP address"
    except ValueError:
        pass
    if bucket.startswith("goog") or "google" in bucket:
        return f"bucket name {bucket!r} cannot start with 'goog' or contain 'google'"
    return None


def gcs_path_error(flag: str, value: str) -> str | None:
    """Why ``value`` of ``flag`` is not a gs://BUCKET/PATH a Dataflow job can use."""
    match = re.fullmatch(r"gs://([^/]*)(/.*)?", value)
    if not match:
        return f"{flag} {value!r} must be a gs://BUCKET/PATH for --runner dataflow"
    problem = bucket_error(match.group(1))
    return f"{flag} {value!r}: {problem}" if problem else None


def remote_run_errors(runner: Runner, options: PipelineOptions, inputs: list[str],
                      output: str) -> list[str]:
    """Everything wrong with a run on remote workers, one line each (empty when it can go)."""
    errors = []
    where = f"--runner {runner.beam_name} runs on remote workers, which cannot see this machine's"
    if is_local_path(output):
        errors.append(f"{where} files: --output {output!r} must be a shared location, e.g. "
                      "gs://BUCKET/tables")
    errors += [f"{where} files: --input {p!r} must be a shared location, e.g. gs://BUCKET/articles/**"
               for p in inputs if is_local_path(p)]
    if runner.kind is RunnerKind.DATAFLOW:
        errors += _dataflow_errors(options, inputs, output)
    return errors


def _dataflow_errors(options: PipelineOptions, inputs: list[str], output: str) -> list[str]:
    cloud = options.view_as(GoogleCloudOptions)
    errors = []
    if not is_local_path(output):
        errors.append(gcs_path_error("--output", output))
    errors += [gcs_path_error("--input", p) for p in inputs if not is_local_path(p)]
    locations = {"--temp_location": cloud.temp_location,
                 "--staging_location": cloud.staging_location}
    if not any(locations.values()):
        errors.append("--runner dataflow needs --temp_location gs://BUCKET/tmp (and optionally "
                      "--staging_location gs://BUCKET/staging)")
    errors += [gcs_path_error(flag, value) for flag, value in locations.items() if value]
    if not cloud.project:
        errors.append("--runner dataflow needs --project PROJECT_ID")
    elif not _PROJECT_ID.fullmatch(cloud.project):
        errors.append(f"--project {cloud.project!r} is not a project ID (6-30 characters: "
                      "a-z, 0-9 and '-', starting with a letter; not the project number)")
    if not cloud.region:
        errors.append("--runner dataflow needs --region, e.g. --region europe-west1")
    if cloud.job_name and not _JOB_NAME.fullmatch(cloud.job_name):
        errors.append(f"--job_name {cloud.job_name!r} must be a-z, 0-9 and '-', starting with a "
                      "letter and ending with a letter or digit")
    return [e for e in errors if e]


def staging_errors(options: PipelineOptions) -> list[str]:
    """Files the stager would ship that are not there (any runner that stages)."""
    setup = options.view_as(SetupOptions)
    files = {"--setup_file": setup.setup_file, "--requirements_file": setup.requirements_file}
    return [f"{flag} {path!r} does not exist (give the path to pyproject.toml or setup.py)"
            if flag == "--setup_file" else f"{flag} {path!r} does not exist"
            for flag, path in files.items() if path and not os.path.isfile(path)]


def credentials_error() -> str | None:
    """None when Google credentials are found; otherwise how to get them (no retries)."""
    import google.auth
    from google.auth.exceptions import DefaultCredentialsError

    try:
        google.auth.default()
    except DefaultCredentialsError:
        return ("--runner dataflow: no Google Cloud credentials found; run `gcloud auth "
                "application-default login` (or set GOOGLE_APPLICATION_CREDENTIALS), or check "
                "the graph without them with --dry_run True --no_auth")
    return None
