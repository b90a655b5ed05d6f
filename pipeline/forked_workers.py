"""Local SDK workers forked from the launcher, after its imports and the model load.

Beam's multi_processing mode starts each worker as a fresh ``python -m
apache_beam.runners.worker.sdk_worker_main``, which imports Beam, spaCy and newsbeam again and
loads the model again: ~5.8 s of CPU per worker before its first article (docs/benchmarks.md,
"The second core at 300 articles"), after the launcher's own ~4.4 s. Here the launcher, which has
done all that already, loads the model, then forks the workers before the FnApiRunner starts any
gRPC server or thread; each child waits on a pipe. The FnApiRunner runs the graph on an
environment of our own (``FORKED_URN``) whose worker handler hands the worker's control
endpoint and id to an idle child, which starts Beam's ``SdkHarness`` as ``sdk_worker_main``
would. Everything else is Beam's multi_processing mode: the ``ParallelBundleManager`` splits each
stage's input over the N workers, and the data goes over gRPC as before.

- What the children inherit for free: every import, and what the graph's DoFns keep in
  ``apache_beam.utils.shared.Shared`` (the spaCy model, transforms/annotate.py): ``warm_shared``
  runs ``setup()`` on a copy of each such DoFn in the launcher, and a worker's own copy of the
  DoFn (unpickled from the graph, same ``Shared`` key) finds the object already there.
- Fork safety: the pool is forked before any Python thread exists but the main one (checked:
  with another thread alive the run falls back to Beam's own subprocess workers, with a
  warning). The native threads alive then (OpenBLAS's pool, jemalloc's background thread, seen
  in /proc/self/task at the fork) are the libraries' own, and both register fork handlers.
- A child exits when the run closes its control stream, or when the launcher dies
  (``PR_SET_PDEATHSIG``); an unused child exits when its pipe closes. A child that dies during
  the run aborts the run's pending requests to it, so the run fails with the exit status instead
  of waiting for an answer that will never come.

``NEWSBEAM_FORK_WORKERS=0`` in the environment keeps Beam's own subprocess workers (to compare).
"""

from __future__ import annotations

import contextlib
import copy
import gc
import json
import logging
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

from apache_beam.runners.portability.fn_api_runner import fn_runner, worker_handlers
from apache_beam.utils.shared import Shared

LOG = logging.getLogger(__name__)

FORKED_URN = "newsbeam:env:forked_python:v1"
#: Set to 0 to keep Beam's own subprocess workers.
ENABLE_ENV = "NEWSBEAM_FORK_WORKERS"
# How long closing the pool waits for a child to leave on its own before killing it: a worker
# exits as soon as its control stream ends, which the runner closes before the pool.
_EXIT_GRACE_S = 10.0
_PR_SET_PDEATHSIG = 1
_INTERRUPTED = 130  # a child's exit status after Ctrl-C (as a shell reports SIGINT)


def enabled() -> bool:
    return hasattr(os, "fork") and os.environ.get(ENABLE_ENV, "1") != "0"


# --- in the launcher, before the fork ---------------------------------------------------------

#: DoFn copies set up in the launcher: they keep their Shared objects alive for the children.
_WARMED: list = []


def warm_shared(dofns) -> int:
    """``setup()`` a copy of every DoFn that keeps a ``Shared`` object; how many were set up.

    The copy shares the DoFn's ``Shared`` handle (the same key in the process-wide map), so a
    worker's unpickled copy of the DoFn acquires the object its launcher loaded. The graph's own
    DoFn is left untouched: it is pickled for the workers later, and must stay small.
    """
    done = 0
    for fn in dofns:
        if not any(isinstance(v, Shared) for v in vars(fn).values()):
            continue
        warm = copy.copy(fn)
        warm.setup()
        _WARMED.append(warm)
        done += 1
    return done


def pardo_dofns(pipeline) -> list:
    """The DoFn of every ParDo of ``pipeline`` (a ``beam.Pipeline``)."""
    import apache_beam as beam
    from apache_beam.pipeline import PipelineVisitor

    found = []

    class _Visitor(PipelineVisitor):
        def visit_transform(self, node):
            if isinstance(node.transform, beam.ParDo):
                found.append(node.transform.fn)

    pipeline.visit(_Visitor())
    return found


# --- the pool -----------------------------------------------------------------------------------


class WorkerDied(RuntimeError):
    """A forked worker exited while the run still needed it."""


@dataclass
class _Child:
    pid: int
    pipe: int | None  # write end; None once the request was sent (or the child let go)
    handler: object = None  # the worker handler it serves, once assigned
    status: int | None = None  # os.waitpid status, once it exited
    died: bool = False  # exited during the run, and not with 0
    exited: threading.Event = field(default_factory=threading.Event)


class ForkedWorkerPool:
    """``n`` children forked from this process, each waiting to become one SDK worker."""

    def __init__(self, n: int):
        self._n = n
        self._children: list[_Child] = []
        self._lock = threading.Lock()
        self._closing = False

    def start(self) -> None:
        # Objects that exist now are never collected in the children: without the freeze, each
        # child's garbage collector writes to every tracked object's header, and the pages the
        # fork shared (the model's among them) are copied into each child.
        gc.freeze()
        sys.stdout.flush()
        sys.stderr.flush()
        for _ in range(self._n):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(write_end)
                for other in self._children:
                    if other.pipe is not None:
                        os.close(other.pipe)
                _child_main(read_end)
            os.close(read_end)
            self._children.append(_Child(pid, write_end))
        gc.unfreeze()
        for child in self._children:
            threading.Thread(target=self._reap, args=(child,), daemon=True,
                             name=f"forked-worker-{child.pid}").start()

    def pids(self) -> list[int]:
        return [c.pid for c in self._children]

    def assign(self, handler, request: dict) -> _Child:
        """Hand ``request`` (what ``_child_main`` reads) to an idle child serving ``handler``."""
        with self._lock:
            child = next((c for c in self._children if c.pipe is not None and c.status is None),
                         None)
            if child is None:
                raise WorkerDied(f"no forked worker left to start {request['worker_id']}: "
                                 f"{self._describe()}")
            child.handler = handler
            pipe, child.pipe = child.pipe, None
        with os.fdopen(pipe, "wb") as out:
            out.write(json.dumps(request).encode())
        return child

    def wait(self, child: _Child, timeout: float = _EXIT_GRACE_S) -> None:
        """Wait for ``child`` to exit; kill it if it has not after ``timeout``."""
        if not child.exited.wait(timeout):
            LOG.warning("forked worker %d did not exit after its run; killing it", child.pid)
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGKILL)
            child.exited.wait(timeout)

    def close(self) -> None:
        """Release unused children, wait for the others to exit, kill the stragglers."""
        with self._lock:
            self._closing = True
            for child in self._children:
                if child.pipe is not None:
                    os.close(child.pipe)  # EOF: the child exits without starting a worker
                    child.pipe = None
        deadline = time.monotonic() + _EXIT_GRACE_S
        for child in self._children:
            self.wait(child, max(0.1, deadline - time.monotonic()))

    def _reap(self, child: _Child) -> None:
        _, status = os.waitpid(child.pid, 0)
        with self._lock:
            child.status = status
            child.died = not self._closing and not (os.WIFEXITED(status)
                                              and os.WEXITSTATUS(status) == 0)
        child.exited.set()
        if not child.died or os.WEXITSTATUS(status) == _INTERRUPTED:
            return
        # A worker that dies takes its answers with it: fail what the run waits for from it.
        error = WorkerDied(f"forked SDK worker {child.pid} {_how(status)} during the run")
        LOG.error("%s", error)
        conn = getattr(child.handler, "control_conn", None)
        if conn is not None:
            conn.abort(error)

    def deaths(self) -> list[str]:
        """One line per child that died during the run (not released, not stopped by it)."""
        with self._lock:
            return [f"forked SDK worker {c.pid} {_how(c.status)} during the run"
                    for c in self._children if c.died]

    def _describe(self) -> str:
        return ", ".join(f"{c.pid} {_how(c.status) if c.status is not None else 'busy'}"
                         for c in self._children)


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"was killed by signal {os.WTERMSIG(status)}"
    return f"exited with status {os.WEXITSTATUS(status)}"


#: The pool of the run in progress (one local run at a time per process).
_POOL: ForkedWorkerPool | None = None


@contextlib.contextmanager
def forked_pool(n: int) -> Iterator[ForkedWorkerPool]:
    """``n`` forked children for the length of a run; the worker handler takes them from it."""
    global _POOL
    if _POOL is not None:
        raise RuntimeError("a forked worker pool is already running in this process")
    pool = ForkedWorkerPool(n)
    pool.start()
    _POOL = pool
    try:
        yield pool
    finally:
        _POOL = None
        pool.close()


def fork_blockers() -> list[str]:
    """Why forking now would be unsafe (threads that could hold a lock), or []."""
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if threading.current_thread() is not threading.main_thread():
        others.append("(the run is not on the main thread)")
    return others


# --- in the child -------------------------------------------------------------------------------


def _child_main(read_end: int) -> None:
    code = 1
    try:
        _die_with_parent()
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        if not data:  # released unused
            code = 0
        else:
            _run_harness(json.loads(data))
            code = 0
    except KeyboardInterrupt:  # Ctrl-C reached the whole process group: the launcher reports it
        code = _INTERRUPTED
    except BaseException:  # noqa: BLE001 - whatever happens, the child must not return
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _die_with_parent() -> None:
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _run_harness(request: dict) -> None:
    """What ``sdk_worker_main.main`` does, from the environment Beam's subprocess worker gets."""
    from apache_beam.portability.api import endpoints_pb2
    from apache_beam.runners.worker import sdk_worker_main
    from google.protobuf import text_format

    environ = dict(
        os.environ,
        CONTROL_API_SERVICE_DESCRIPTOR=text_format.MessageToString(
            endpoints_pb2.ApiServiceDescriptor(url=request["control_address"])),
        PIPELINE_OPTIONS=request["pipeline_options"],
        WORKER_ID=request["worker_id"],
    )
    # create_harness sets the root logger to the harness's default level (INFO) and logs its
    # start-up there; the child prints through the launcher's handlers, straight to its stderr,
    # so the run's own level is kept; at WARNING and above, so are its two warnings (no
    # semi-persistent directory; newsbeam's own flags "unparseable" to Beam), which say nothing
    # about a forked worker.
    root = logging.getLogger()
    level = root.level
    logging.disable(logging.WARNING if level >= logging.WARNING else max(level - 1, 0))
    try:
        _, harness, _ = sdk_worker_main.create_harness(environ)
    finally:
        logging.disable(logging.NOTSET)
        root.setLevel(level)
    harness.run()


# --- the environment's worker handler -----------------------------------------------------------


@worker_handlers.WorkerHandler.register_environment(FORKED_URN, bytes)
class ForkedWorkerHandler(worker_handlers.GrpcWorkerHandler):
    """The FnApiRunner's handle on one forked worker (as SubprocessSdkWorkerHandler's on a
    subprocess)."""

    def __init__(self, payload, state, provision_info, grpc_server):
        super().__init__(state, provision_info, grpc_server)
        self._child: _Child | None = None

    def start_worker(self) -> None:
        from google.protobuf import json_format

        if _POOL is None:
            raise RuntimeError(f"environment {FORKED_URN} runs only inside forked_pool()")
        self._child = _POOL.assign(self, {
            "control_address": self.control_address,
            "worker_id": self.worker_id,
            "pipeline_options": json_format.MessageToJson(
                self.provision_info.provision_info.pipeline_options),
        })

    def stop_worker(self) -> None:
        if self._child is not None and _POOL is not None:
            _POOL.wait(self._child)


class ForkedFnApiRunner(fn_runner.FnApiRunner):
    """The FnApiRunner in multi_processing mode, on the workers of the pool of ``forked_pool``,
    each stage's input split by pipeline/parallel_bundles.py."""

    def _get_bundle_manager(self, bundle_context_manager):
        from pipeline.parallel_bundles import SpreadBundleManager

        manager = super()._get_bundle_manager(bundle_context_manager)
        if type(manager) is not fn_runner.ParallelBundleManager:
            return manager  # one worker, or a stateful stage: Beam's choice stands
        return SpreadBundleManager(bundle_context_manager, self._progress_frequency,
                                   cache_token_generator=manager._cache_token_generator)

    def run_via_runner_api(self, pipeline_proto, options):
        use_forked_environment(pipeline_proto)
        try:
            return super().run_via_runner_api(pipeline_proto, options)
        except Exception as exc:
            # Beam reports a worker's death as whatever broke first (a data channel "closed
            # prematurely", an aborted request): name the cause.
            died = _POOL.deaths() if _POOL is not None else []
            if died:
                raise WorkerDied("; ".join(died)) from exc
            raise


def use_forked_environment(pipeline_proto) -> None:
    """Point every Python SDK subprocess environment of ``pipeline_proto`` at the forked pool."""
    from apache_beam.portability import python_urns

    for env in pipeline_proto.components.environments.values():
        if env.urn == python_urns.SUBPROCESS_SDK:
            env.urn = FORKED_URN
            env.payload = b""
