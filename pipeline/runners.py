"""Which runner a run is on: ``--runner`` names and aliases mapped to a kind, in one place.

The local default is pinned. Beam 2.77's ``DirectRunner`` is ``SwitchingDirectRunner``, whose
first move is to try ``PrismRunner`` -- a Go binary it downloads from GitHub at run time -- and
only when that fails falls back to the FnApiRunner (batch) or the BundleBasedDirectRunner
(streaming). newsbeam skips the first move: without ``--runner`` (or with ``direct`` /
``DirectRunner``) a batch run goes to the in-process FnApiRunner and a streaming run to the
BundleBasedDirectRunner, the runners the tests run on, and nothing is downloaded. ``--runner
prism`` still reaches Prism (and downloads it); ``--runner SwitchingDirectRunner`` is Beam's own
choice, Prism first.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from apache_beam.options.pipeline_options import (
    DirectOptions,
    PipelineOptions,
    PortableOptions,
    StandardOptions,
)
from apache_beam.runners.runner import PipelineRunner

LOG = logging.getLogger(__name__)


class RunnerKind(enum.Enum):
    LOCAL = "local in-process"
    LOCAL_MULTIPROCESS = "local multi-process"
    DASK = "dask"
    DATAFLOW = "dataflow"
    PORTABLE = "portable"
    PRISM = "prism"
    FLINK = "flink"
    SPARK = "spark"
    OTHER = "other"


#: The pinned local runners (see the module docstring).
LOCAL_BATCH_RUNNER = "pipeline.runners.LocalBatchRunner"
LOCAL_STREAMING_RUNNER = "BundleBasedDirectRunner"
#: newsbeam's DaskRunner, with Beam 2.77's graph translation fixed (pipeline/dask_cluster.py)
DASK_RUNNER = "pipeline.dask_cluster.NewsbeamDaskRunner"

#: What ``--runner`` accepts besides Beam's own names: alias -> Beam runner name (None: pinned).
ALIASES: dict[str, str | None] = {
    "direct": None,
    "dask": DASK_RUNNER,
    "dataflow": "DataflowRunner",
    "portable": "PortableRunner",
    "prism": "PrismRunner",
    "flink": "FlinkRunner",
    "spark": "SparkRunner",
}

# Beam names (the class name, lower case, as Beam's create_runner compares them) -> kind.
# DirectRunner is absent on purpose: it means the pinned local runner.
_KIND_OF_CLASS = {
    "localbatchrunner": RunnerKind.LOCAL,
    "fnapirunner": RunnerKind.LOCAL,
    "bundlebaseddirectrunner": RunnerKind.LOCAL,
    "switchingdirectrunner": RunnerKind.LOCAL,
    "testdirectrunner": RunnerKind.LOCAL,
    "daskrunner": RunnerKind.DASK,
    "newsbeamdaskrunner": RunnerKind.DASK,
    "dataflowrunner": RunnerKind.DATAFLOW,
    "testdataflowrunner": RunnerKind.DATAFLOW,
    "portablerunner": RunnerKind.PORTABLE,
    "prismrunner": RunnerKind.PRISM,
    "flinkrunner": RunnerKind.FLINK,
    "sparkrunner": RunnerKind.SPARK,
}
_PINNED = {"directrunner", "direct"}
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}


@dataclass(frozen=True)
class Runner:
    """The runner of a run: the name Beam gets, and what newsbeam knows about it."""

    beam_name: str
    kind: RunnerKind
    remote: bool

    @property
    def local(self) -> bool:
        return self.kind in (RunnerKind.LOCAL, RunnerKind.LOCAL_MULTIPROCESS)


def beam_runner_name(runner: str | None, streaming: bool) -> str:
    """``--runner``'s value (an alias, a Beam name, a dotted class, or None) -> Beam's name."""
    if runner is None or _class_key(runner) in _PINNED:
        return LOCAL_STREAMING_RUNNER if streaming else LOCAL_BATCH_RUNNER
    if runner.lower() in ALIASES:
        return ALIASES[runner.lower()] or beam_runner_name(None, streaming)
    return runner


def recognise(options: PipelineOptions, streaming: bool | None = None,
              workers: int | None = None) -> Runner:
    """The runner ``options`` name (pinned as above when they name none or DirectRunner).

    ``streaming`` overrides Beam's --streaming flag (newsbeam's --watch_interval implies it);
    ``workers`` is newsbeam's --workers: more than one makes the local runner multi-process.
    """
    standard = options.view_as(StandardOptions)
    if streaming is None:
        streaming = bool(standard.streaming)
    name = beam_runner_name(standard.runner, streaming)
    kind = _KIND_OF_CLASS.get(_class_key(name), RunnerKind.OTHER)
    direct = options.view_as(DirectOptions)
    if kind is RunnerKind.LOCAL and (direct.direct_running_mode == "multi_processing"
                                     or (workers or 1) > 1):
        kind = RunnerKind.LOCAL_MULTIPROCESS
    return Runner(name, kind, _is_remote(kind, options))


def unknown_runner_error(name: str) -> str | None:
    """One line for a ``--runner`` that neither newsbeam nor Beam knows (None when it is known).

    Beam itself answers a typo with a traceback; a dotted path is a runner class of the user's
    and is left to Beam to import.
    """
    from apache_beam.runners.runner import _RUNNER_MAP

    key = _class_key(name)
    if "." in name or name.lower() in ALIASES or key in _KIND_OF_CLASS or key in _RUNNER_MAP:
        return None
    return (f"--runner {name!r} is not a runner: use one of {', '.join(ALIASES)}, a Beam "
            "runner name (DataflowRunner, PortableRunner, ...) or a dotted path to a runner class")


def _class_key(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower()


def _is_remote(kind: RunnerKind, options: PipelineOptions) -> bool:
    """True when workers run elsewhere: they cannot read this machine's files."""
    if kind is RunnerKind.DATAFLOW:
        return True
    if kind not in (RunnerKind.PORTABLE, RunnerKind.FLINK, RunnerKind.SPARK):
        return False  # local runners, Prism, and Dask (its clusters share the launcher's files)
    all_options = options.get_all_options(retain_unknown_options=True)
    if options.view_as(PortableOptions).environment_type == "LOOPBACK":
        return False  # the SDK workers are this process
    endpoints = [options.view_as(PortableOptions).job_endpoint,
                 all_options.get("flink_master"), all_options.get("spark_master_url")]
    return any(_remote_endpoint(e) for e in endpoints if e)


def _remote_endpoint(endpoint: str) -> bool:
    if endpoint in ("embed", "[auto]", "[local]") or endpoint.startswith("local"):
        return False
    host = urlsplit(endpoint if "://" in endpoint else f"//{endpoint}").hostname or ""
    return host not in _LOCAL_HOSTS


class LocalBatchRunner(PipelineRunner):
    """Beam's DirectRunner for a batch graph, minus its first try (Prism, which it downloads).

    What ``SwitchingDirectRunner`` runs a batch graph on after Prism: the FnApiRunner, given the
    pipeline options the way it gives them (so ``--direct_running_mode multi_processing``
    workers get them too). Its other fallback, the BundleBasedDirectRunner, is for graphs the
    FnApiRunner cannot run (Pub/Sub, TestStream): newsbeam's batch graph has none of those.

    With more than one worker process, the workers are forked from this process once the
    model is loaded (pipeline/forked_workers.py) instead of started afresh by Beam, unless a
    thread already runs here (then forking is unsafe, and Beam starts them as usual).
    """

    def run_pipeline(self, pipeline, options):
        from apache_beam.portability.api import beam_provision_api_pb2
        from apache_beam.runners.portability.fn_api_runner import fn_runner
        from apache_beam.runners.portability.portable_runner import JobServiceHandle

        encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
        provision_info = fn_runner.ExtendedProvisionInfo(
            beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
        processes = _worker_processes(options)
        if processes < 2:
            return fn_runner.FnApiRunner(provision_info=provision_info).run_pipeline(
                pipeline, options)
        from pipeline import forked_workers

        blockers = forked_workers.fork_blockers()
        if not forked_workers.enabled() or blockers:
            if blockers:
                LOG.warning("starting %d fresh worker processes: forking is unsafe with other "
                            "threads running (%s)", processes, ", ".join(blockers))
            return fn_runner.FnApiRunner(provision_info=provision_info).run_pipeline(
                pipeline, options)
        warmed = forked_workers.warm_shared(forked_workers.pardo_dofns(pipeline))
        LOG.info("forking %d SDK workers (%d DoFn(s) set up before the fork)", processes, warmed)
        with forked_workers.forked_pool(processes):
            return forked_workers.ForkedFnApiRunner(provision_info=provision_info).run_pipeline(
                pipeline, options)


def _worker_processes(options: PipelineOptions) -> int:
    """How many SDK worker processes the FnApiRunner starts for ``options`` (1: in-process)."""
    direct = options.view_as(DirectOptions)
    if direct.direct_running_mode != "multi_processing":
        return 1
    if direct.direct_num_workers == 0:
        import multiprocessing

        return multiprocessing.cpu_count()  # as the FnApiRunner reads 0
    return direct.direct_num_workers or 1


# Beam inspects every DoFn's methods with inspect.signature (userstate.get_dofn_specs) about five
# times per ParDo while the graph is built and translated, and twice more per DoFn for every
# fused stage each worker sets up: measured 610 calls, 0.54-0.77 s of CPU, for a 1-article run
# and the same 610 for 300 articles (a fixed cost per graph, not per bundle). The answer depends
# only on the methods the class defines, so it is computed once per class. Not cached: DoFns with
# bound methods of their own (beam.Map over a bound method), classes with __getattr__, and
# failures (Beam raises again).
_DOFN_SPECS: dict[tuple, tuple[frozenset, frozenset]] = {}


def _dofn_specs_key(dofn) -> tuple | None:
    import types

    cls = type(dofn)
    if hasattr(cls, "__getattr__") or any(
            isinstance(v, types.MethodType) for v in getattr(dofn, "__dict__", {}).values()):
        return None
    # The class's own functions are part of the key: a method replaced later is a new key.
    try:
        key = (cls, *(v for k in cls.__mro__ for v in vars(k).values() if callable(v)))
        hash(key)
    except TypeError:
        return None
    return key


def inspect_dofns_once() -> None:
    """Make Beam's ``userstate.get_dofn_specs`` compute each DoFn class's specs once per process.

    Idempotent. Installed when ``pipeline.graph`` is imported, which the launcher does before it
    builds the graph and every worker process does when it unpickles the graph's DoFns.
    """
    global _BEAM_GET_DOFN_SPECS
    from apache_beam.transforms import userstate

    if _BEAM_GET_DOFN_SPECS is not None:
        return
    _BEAM_GET_DOFN_SPECS = userstate.get_dofn_specs
    get_dofn_specs.__doc__ = _BEAM_GET_DOFN_SPECS.__doc__
    userstate.get_dofn_specs = get_dofn_specs


#: Beam's own userstate.get_dofn_specs, once inspect_dofns_once has replaced it
_BEAM_GET_DOFN_SPECS = None


def get_dofn_specs(dofn) -> tuple[set, set]:
    key = _dofn_specs_key(dofn)
    if key is None:
        return _BEAM_GET_DOFN_SPECS(dofn)
    if key not in _DOFN_SPECS:
        states, timers = _BEAM_GET_DOFN_SPECS(dofn)
        _DOFN_SPECS[key] = (frozenset(states), frozenset(timers))
    states, timers = _DOFN_SPECS[key]
    return set(states), set(timers)  # fresh sets, as Beam's own: callers may change them
