"""The old home of the Dask runner, kept as re-exports: ``--runner
pipeline.dask_cluster.NewsbeamDaskRunner`` (the CLI's ``dask`` alias) and ``cluster_for`` are
imported from here. The code lives in ``pipeline/dask_runner/`` (cluster set-up, translation,
result)."""

from pipeline.dask_runner.cluster import LOCAL_CLUSTER_CONFIG, cluster_for, local_cluster
from pipeline.dask_runner.runner import DASK_RUNNER, PARTITIONS_PER_THREAD, NewsbeamDaskRunner
from pipeline.dask_runner.translation import UnsupportedOnDask

__all__ = [
    "DASK_RUNNER", "LOCAL_CLUSTER_CONFIG", "PARTITIONS_PER_THREAD", "NewsbeamDaskRunner",
    "UnsupportedOnDask", "cluster_for", "local_cluster",
]
