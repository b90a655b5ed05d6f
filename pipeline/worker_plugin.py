"""Imported first thing in every SDK worker: pass ``--beam_plugins pipeline.worker_plugin``.

Beam's ``sdk_worker_main`` imports each ``--beam_plugins`` module before the worker takes any
work, so what is done here holds for every step of the worker, Beam's own included:

- with ``STORAGE_EMULATOR_HOST`` set, GCS access is anonymous from the start. Without this a
  worker's first gs:// access (Beam's ``ReadArticles/Match``, long before any ``setup()`` of ours)
  spent ~20-24 s in Beam's credential retries (transforms/gcs_access.py says why). With no
  emulator configured it does nothing: real workers keep their service account.
- with ``NEWSBEAM_WORKER_MANIFEST`` set (pipeline/worker_boot.py sets it), it writes which
  process this is and where its newsbeam modules came from: the staged package or not.
"""

from __future__ import annotations

import json
import os
import sys

import pipeline
import transforms
from pipeline.worker_boot import MANIFEST_ENV
from transforms.gcs_access import use_anonymous_gcs


def manifest() -> dict:
    return {
        "pid": os.getpid(),
        "pipeline": pipeline.__file__,
        "transforms": transforms.__file__,
        "sys_path_head": sys.path[:3],
        "anonymous_gcs": ANONYMOUS_GCS,
    }


ANONYMOUS_GCS = use_anonymous_gcs()

if os.environ.get(MANIFEST_ENV):
    with open(os.environ[MANIFEST_ENV], "w") as out:
        json.dump(manifest(), out)
