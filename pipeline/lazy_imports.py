"""Not importing the Beam I/O connectors and cloud clients a local batch run never uses.

Any ``import apache_beam...`` runs ``apache_beam/__init__.py``, which imports
``apache_beam/io/__init__.py``, which imports every connector and its client library: MongoDB
(pymongo), BigQuery, Pub/Sub, GCS (google-cloud-storage, through ``gcsfilesystem`` as well);
``apache_beam.runners`` imports the Dataflow runner and its API client, and the S3 filesystem and
the stager import ``apache_beam.utils.retry`` (apitools, oauth2client, pyasn1) and ``httplib2``.
Measured with ``python -X importtime`` under a 1-article ``newsbeam run`` (2026-12-03, summed
cumulative times, loaded machine): gcsio 0.78 s, google.cloud.dataflow 0.35 s, apitools 0.43 s,
gcp.bigquery 0.26 s, gcp.pubsub 0.24 s, httplib2 0.24 s, mongodbio 0.14 s. A local batch run
reads and writes local files and uses none of them. With both measures below a 1-article run
imports 2,150 modules instead of 2,874.

So the ``newsbeam`` command, before anything imports Beam, registers for such a run:

- **stand-ins** (:data:`DEFERRED`): a module object that imports the real module on first
  attribute access and forwards to it. Its ``__all__`` is empty, so the package's
  ``from apache_beam.io.mongodbio import *`` takes nothing from it; the client libraries are
  imported by Beam at module level (``from google.cloud import pubsub``, ``import httplib2``)
  and used only inside functions. Nothing breaks if a run does use one: it pays the import then.
- **absent** modules (:func:`absent_modules`): ``apache_beam.io.gcp.gcsio`` and ``apitools``
  when no argument names ``gs://``. ``sys.modules[name] = None`` makes importing them raise
  ``ModuleNotFoundError``: the "GCP extra not installed" case, which Beam guards everywhere it
  imports them (``filesystems.py`` then registers no ``gs`` scheme; ``utils/retry.py`` sets
  ``HttpError = None``, which only API clients raise). A stand-in cannot defer these:
  ``GCSFileSystem``'s class body reads ``gcsio.MAX_BATCH_OPERATION_SIZE``, and
  ``from apitools.base.py.exceptions import HttpError`` imports the heavy package first.

Only the command's own process entry does this (``main()`` without ``argv``), only for a run on
the local runner or newsbeam's Dask runner (its local cluster's workers are forked from the
command's process, stand-ins and all) without streaming, and only while Beam is not imported
yet: a test that calls ``main([...])`` in-process, or any ``import transforms``, imports Beam
unchanged.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Sequence

#: Imported only on first use by a local batch run (see the module docstring).
DEFERRED = (
    "apache_beam.io.mongodbio",
    "apache_beam.io.gcp.bigquery",
    "google.cloud.pubsub",
    "google.cloud.dataflow",
    "httplib2",
)

#: Not importable in a local batch run that names no gs:// path.
GCP_CLIENT_MODULES = ("apache_beam.io.gcp.gcsio", "apitools")

#: ``--runner`` values whose run happens in this process or processes forked from it: the local
#: runner (pipeline/runners.py's pinned FnApiRunner) and newsbeam's Dask runner, whose local
#: cluster forks its workers from this process (pipeline/dask_runner/cluster.py); with a remote
#: scheduler only the graph is built here. 300 BBC articles, 2 Dask workers: 13.6 -> 13.2 s,
#: one article 2.7 -> 2.3 s (docs/benchmarks.md, 2026-12-05). The Dask runner's full name is
#: ``pipeline.dask_runner.runner.DASK_RUNNER`` (written out: importing it would import Beam).
_LOCAL_RUNNERS = {"direct", "directrunner", "dask", "pipeline.dask_cluster.newsbeamdaskrunner"}

#: Flags whose presence means a stream (Pub/Sub or polling): those runs keep every connector.
_STREAMING_FLAGS = ("--streaming", "--input_subscription", "--watch_interval")


def local_batch_run(argv: Sequence[str]) -> bool:
    """Whether ``argv`` (the command line after ``newsbeam``) is a batch ``run`` on the local
    runner or the Dask runner (``_LOCAL_RUNNERS``). Decided from the raw arguments, before
    anything is parsed (parsing imports Beam); anything unclear counts as not local."""
    args = list(argv)
    command = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--log_level":
            i += 2
            continue
        if not arg.startswith("-"):
            command = arg
            break
        if arg.startswith("--log_level="):
            i += 1
            continue
        return False  # -h, --version, or a flag before the command: not a run
    if command != "run":
        return False
    for j, arg in enumerate(args):
        name, _, value = arg.partition("=")
        # argparse takes a unique prefix of newsbeam's own flags (--input_sub, --watch):
        # any prefix of a streaming flag but the --input flag itself counts as streaming.
        if name.startswith("--") and len(name) > 2 and name != "--input" and any(
                flag.startswith(name) for flag in _STREAMING_FLAGS):
            return False
        if name == "--runner":
            runner = value if value else (args[j + 1] if j + 1 < len(args) else "")
            if runner.lower() not in _LOCAL_RUNNERS:
                return False
    return True


def absent_modules(argv: Sequence[str]) -> tuple[str, ...]:
    """Modules a local batch run with these arguments never imports: gcsio unless some
    argument names gs:// (an --input, --output, --temp_location...)."""
    if any("gs://" in arg.lower() for arg in argv):
        return ()
    return GCP_CLIENT_MODULES


class _StandIn(types.ModuleType):
    """Takes the place of a module until something reads an attribute of it."""

    def __getattr__(self, attr: str):
        # Only reached for attributes the stand-in lacks (it has __name__, __spec__, __all__...).
        # Dunder probes are the import system's and tools' (`from m import *` asks for
        # __path__), not a use of the module: they must not load it.
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(_load_real(self.__name__), attr)


class _StandInFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Gives the stand-in for the names in ``names`` until each is loaded for real."""

    def __init__(self, names: Sequence[str]):
        self.names = set(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.names:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec):
        return _StandIn(spec.name)

    def exec_module(self, module):
        module.__all__ = []  # a package's `from name import *` takes nothing


_FINDER: _StandInFinder | None = None
_LOCK = threading.RLock()  # loading one real module may load another


def _load_real(name: str) -> types.ModuleType:
    with _LOCK:
        if _FINDER is not None:
            _FINDER.names.discard(name)
        if isinstance(sys.modules.get(name), _StandIn):
            del sys.modules[name]
        # Binds the real module to its parent package too, in place of the stand-in.
        return importlib.import_module(name)


def defer_imports(names: Sequence[str]) -> list[str]:
    """Register a stand-in for each module in ``names`` not imported yet; returns those."""
    global _FINDER
    deferred = [name for name in names if name not in sys.modules]
    with _LOCK:
        if _FINDER is None:
            _FINDER = _StandInFinder(deferred)
            sys.meta_path.insert(0, _FINDER)
        else:
            _FINDER.names.update(deferred)
    return deferred


def skip_unused_connectors(argv: Sequence[str]) -> list[str]:
    """For a local batch run, defer or leave out the connectors it does not use (see the
    module docstring). Returns the module names so affected; empty when nothing was done (not a
    local batch run, or Beam already imported)."""
    if "apache_beam" in sys.modules or not local_batch_run(argv):
        return []
    absent = [name for name in absent_modules(argv) if name not in sys.modules]
    for name in absent:
        sys.modules[name] = None  # type: ignore[assignment]
    return absent + defer_imports(DEFERRED)
