"""``NewsbeamDaskRunner``: Beam's DaskRunner with newsbeam's translation (see translation.py)."""

from __future__ import annotations

import logging

from apache_beam.pipeline import PTransformOverride
from apache_beam.runners.dask.dask_runner import DaskOptions, DaskRunner
from apache_beam.runners.dask.overrides import _Reshuffle, dask_overrides

from pipeline.dask_runner.cluster import follow_log_level
from pipeline.dask_runner.result import PhasedResult
from pipeline.dask_runner.translation import BagVisitor
from transforms.read_articles import SpreadUnits

LOG = logging.getLogger(__name__)

# What --runner takes for this runner (the CLI's `dask` alias): the old module path, which
# re-exports it, so that job configs written before the package split keep working.
DASK_RUNNER = "pipeline.dask_cluster.NewsbeamDaskRunner"
# A task holds its whole partition's rows until every table has written them, so smaller
# partitions keep workers' memory down. All of BBC on 2 workers: 8 partitions peaked at
# 418-496 MB per worker, 16 at 400-407 MB in the same time, 32 at 402-409 MB but 5% slower
# (160 shard files to write and rename).
PARTITIONS_PER_THREAD = 8


class _SpreadUnitsOverride(PTransformOverride):
    """SpreadUnits (a Reshuffle subclass) as the Reshuffle primitive that translation.py spreads
    by bytes; Beam's own override matches the Reshuffle class only."""

    def matches(self, applied_ptransform) -> bool:
        return isinstance(applied_ptransform.transform, SpreadUnits)

    def get_replacement_transform_for_applied_ptransform(self, applied_ptransform):
        return _Reshuffle()


class NewsbeamDaskRunner(DaskRunner):
    """Beam's DaskRunner with the graph translation of ``BagVisitor`` (translation.py)."""

    def run_pipeline(self, pipeline, options):
        import dask.distributed as ddist

        follow_log_level()  # a client of a remote scheduler logs at INFO too
        dask_options = options.view_as(DaskOptions).get_all_options(
            drop_default=True, current_only=True
        )
        bag_kwargs = DaskOptions._extract_bag_kwargs(dask_options)
        client = ddist.Client(**dask_options)
        try:
            threads = sum(client.nthreads().values()) or 1
            partitions = bag_kwargs.get("npartitions") or PARTITIONS_PER_THREAD * threads
            pipeline.replace_all([*dask_overrides(), _SpreadUnitsOverride()])
            visitor = BagVisitor(bag_kwargs, partitions, client, shuffle_partitions=threads)
            pipeline.visit(visitor)  # raises UnsupportedOnDask before anything is computed
            LOG.info("dask: %d transforms, %d finalize steps after them; %d partitions on %d "
                     "threads", len(visitor.nodes), len(visitor.deferred), partitions, threads)
            # One collection, one graph: computing the leaves as separate collections lets dask
            # fuse each multi-output ParDo into every consumer, which ran the spaCy pass once per
            # table.
            graph, wanted = visitor.main_graph()
            future = client.compute(graph)
        except BaseException:
            client.close()  # the result would have closed it; without one, nothing else will
            raise
        return PhasedResult(client, [future], visitor.deferred, wanted, visitor.run_id)
