"""The dask.distributed cluster a run uses: a local one started for the run, unless the options
name one; and its logging, which follows the run's log level."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from apache_beam.runners.dask.dask_runner import DaskOptions

# Settings for the local cluster a run starts (a scheduler given by --dask_client_address keeps
# its own). Measured on 500 BBC articles, 2 workers: see docs/benchmarks.md.
LOCAL_CLUSTER_CONFIG = {
    # The nanny puts MALLOC_TRIM_THRESHOLD_ in its workers' environment. Setting it at all turns
    # off glibc's sliding mmap threshold, so every array over 128 KiB that thinc allocates for a
    # batch is mmapped, page-faulted in and unmapped again: ~3x the system CPU time of a
    # DirectRunner worker. Unset, the workers allocate like any other process.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Each wake-up of a worker's event loop takes the GIL from the parsing thread; the defaults
    # (20 ms tick, 500 ms system monitor, 10 ms profiler, 100 ms memory check) serve a live
    # dashboard, which a local run does not start.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    # Workers forked from this process, which has imported Beam, spaCy and newsbeam by the time
    # the cluster starts (pipeline.cli imports the graph first), instead of spawned fresh to
    # import them all again: CPU per worker for 1 article 4.5-5.8 s, spawned 10.2-10.9 s; on 300
    # BBC articles 19.6-21.6 s, spawned 25.8-26.6 s, and peak RSS 416-431 MB, spawned 455-462.
    # The nanny forks from its event-loop thread while the main thread waits for the cluster.
    "distributed.worker.multiprocessing-method": "fork",
}


def _run_level() -> int:
    return logging.getLogger().getEffectiveLevel()


def follow_log_level() -> None:
    """Make dask.distributed's loggers in this process honour the run's log level.

    Importing distributed sets its ``distributed`` logger to INFO (dask's ``logging`` config),
    whatever the root level: a run at WARNING printed ~33 ``INFO distributed.scheduler/nanny/
    core`` lines (start, worker registration, close) from the scheduler and nannies, which a local
    cluster runs in this process. Warnings and errors (a worker lost, memory pressure) still show.
    """
    import distributed  # noqa: F401  (its import is what sets the level to override)

    logging.getLogger("distributed").setLevel(_run_level())


def _worker_log_config() -> dict:
    """The same level for the worker processes, which a nanny spawns: they set up distributed's
    logging when they import it, before any config a nanny hands them, so it must come through
    the environment they are spawned with (as DASK_LOGGING__DISTRIBUTED)."""
    name = logging.getLevelName(_run_level())
    level = name.lower() if isinstance(name, str) and not name.startswith("Level") else "warning"
    return {"distributed.nanny.pre-spawn-environ.DASK_LOGGING__DISTRIBUTED": level}


@contextlib.contextmanager
def local_cluster(n_workers: int, model: str | None = None) -> Iterator[str]:
    """A dask.distributed LocalCluster on 127.0.0.1 for the length of a run; yields its address.

    One thread per worker process: spaCy parsing holds the GIL, so threads would only queue.
    Workers are forked from this interpreter (``LOCAL_CLUSTER_CONFIG``), so they import
    pipeline/transforms from the same environment (an editable install included). With
    ``model``, each worker starts loading it when it starts (``PrewarmModel``).
    """
    import dask
    from dask.distributed import LocalCluster

    from pipeline.dask_runner.prewarm import PrewarmModel

    follow_log_level()
    plugins = {"plugins": [PrewarmModel(model)]} if model else {}
    with dask.config.set({**LOCAL_CLUSTER_CONFIG, **_worker_log_config()}):
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, **plugins,
        )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@contextlib.contextmanager
def cluster_for(options, n_workers: int, model: str | None = None) -> Iterator[None]:
    """Point ``options`` at a local cluster of ``n_workers`` for the run, unless they name one;
    its workers preload ``model``, if given."""
    dask_options = options.view_as(DaskOptions)
    if dask_options.address or dask_options.scheduler_file:
        yield
        return
    with local_cluster(n_workers, model) as address:
        dask_options.address = address
        try:
            yield
        finally:
            # the options say again what the user gave: no cluster of their own
            # (pipeline.run_config.external_dask_cluster reads them after the run)
            dask_options.address = None
