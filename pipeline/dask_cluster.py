"""Running the pipeline on Dask: a local cluster when no scheduler is given, and the runner.

``NewsbeamDaskRunner`` is Beam's DaskRunner (2.77) with the translation redone where the stock
one loses or mixes data on this pipeline's graph (each found by running the seeds on it):

- multi-output ParDos: the stock runner puts every output of a ParDo in one bag, so
  ``errors`` received articles and sentences too. Here each output tag gets its own bag.
- outputs emitted in ``finish_bundle`` (BatchElements' last batch, each Avro writer's result)
  were collected before ``finish_bundle`` ran and so were dropped; here they are kept.
- only the last transform's bag was computed, so four of the five tables were never written;
  here every leaf is computed, as one collection: computed as separate collections, dask fused
  the spaCy pass into each table's branch and ran it five times.
- side inputs were computed from inside a worker by iterating a bag, which re-runs everything
  upstream of them (for a write's finalize step: the whole pipeline again); here they are graph
  dependencies, computed once.
- ``Reshuffle`` was a no-op, so every article stayed in the one partition that read its file;
  here it spreads elements over ``--dask_npartitions`` partitions (default: 4 per worker thread).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Iterator
from typing import Any

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.pipeline import AppliedPTransform, PipelineVisitor
from apache_beam.runners.common import (
    DoFnContext,
    DoFnInvoker,
    DoFnSignature,
    Receiver,
    _OutputHandler,
)
from apache_beam.runners.dask.dask_runner import DaskOptions, DaskRunner, DaskRunnerResult
from apache_beam.runners.dask.overrides import (
    _Create,
    _Flatten,
    _GroupByKeyOnly,
    _Reshuffle,
    dask_overrides,
)
from apache_beam.runners.dask.transform_evaluator import defenestrate, get_windowed_value
from apache_beam.transforms.sideinputs import SideInputMap

LOG = logging.getLogger(__name__)

DASK_RUNNER = "pipeline.dask_cluster.NewsbeamDaskRunner"
PARTITIONS_PER_THREAD = 4


@contextlib.contextmanager
def local_cluster(n_workers: int) -> Iterator[str]:
    """A dask.distributed LocalCluster on 127.0.0.1 for the length of a run; yields its address.

    One thread per worker process: spaCy parsing holds the GIL, so threads would only queue.
    Workers are spawned from this interpreter, so they import pipeline/transforms from the same
    environment (an editable install included).
    """
    from dask.distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


class _TagReceiver(Receiver):
    def __init__(self, tag: str | None, values: list):
        self._tag = tag
        self._values = values

    def receive(self, windowed_value) -> None:
        self._values.append((self._tag, windowed_value.value))


class _Receivers(dict):
    def __init__(self, values: list):
        super().__init__()
        self._values = values

    def __missing__(self, tag):
        self[tag] = receiver = _TagReceiver(tag, self._values)
        return receiver


def _run_dofn(items, fn, label, window_fn, args, kwargs, side_specs, *side_values) -> list:
    """One Dask partition through a DoFn as one bundle -> (output tag, value) pairs."""
    values: list = []
    receivers = _Receivers(values)
    handler = _OutputHandler(
        window_fn=window_fn, main_receivers=receivers[None], tagged_receivers=receivers,
        per_element_output_counter=None, output_batch_converter=None,
        process_yields_batches=False, process_batch_yields_elements=False,
    )
    side_inputs = [
        # batch, global window: side values are plain values, windowed as Beam's DaskRunner does
        SideInputMap(view, options, [get_windowed_value(v, None) for v in vals])
        for (view, options), vals in zip(side_specs, side_values, strict=True)
    ]
    invoker = DoFnInvoker.create_invoker(
        DoFnSignature(fn), handler, context=DoFnContext(label, state=None),
        side_inputs=side_inputs, input_args=args, input_kwargs=kwargs,
        user_state_context=None, bundle_finalizer_param=beam.DoFn.BundleFinalizerParam(),
    )
    invoker.invoke_setup()
    invoker.invoke_start_bundle()
    for item in items:
        invoker.invoke_process(get_windowed_value(item, window_fn))
    invoker.invoke_finish_bundle()
    invoker.invoke_teardown()
    return values


def _value_of(tag):
    def select(pairs):
        return [value for t, value in pairs if t == tag]

    return select


def _concat(partitions: list) -> list:
    return list(itertools.chain.from_iterable(partitions))


def _exhaust(partition) -> list:
    for _ in partition:
        pass
    return []


def _group_key(item):
    return item[0]


def _group_values(item):
    key, pairs = item
    return key, [defenestrate(pair[1]) for pair in pairs]


class _BagVisitor(PipelineVisitor):
    """Primitive transforms -> dask bags, one bag per output PCollection."""

    def __init__(self, bag_kwargs: dict, partitions: int):
        self.bags: dict[pvalue.PCollection, Any] = {}
        self.consumed: set[int] = set()
        self.nodes: list[AppliedPTransform] = []
        self._bag_kwargs = bag_kwargs
        self._partitions = partitions

    def visit_transform(self, node: AppliedPTransform) -> None:
        inputs = [i for i in node.inputs if not isinstance(i, pvalue.PBegin)]
        sides = [si.pvalue for si in node.side_inputs]
        self.consumed.update(id(p) for p in (*inputs, *sides))
        self.nodes.append(node)
        in_bags = [self.bags[i] for i in inputs]
        transform = node.transform
        kind = transform.__class__
        if kind is _Create:
            bag = self._create(transform.values)
        elif kind is beam.ParDo:
            bag = self._pardo(node, in_bags[0])
            for tag, out in node.outputs.items():
                self.bags[out] = bag.map_partitions(_value_of(tag))
            return
        elif kind is _GroupByKeyOnly:
            bag = in_bags[0].groupby(_group_key).map(_group_values)
        elif kind is _Flatten:
            import dask.bag as db

            bag = db.concat(in_bags)
        elif kind is _Reshuffle:
            bag = in_bags[0].repartition(npartitions=self._partitions)
        else:  # WindowInto, GroupAlsoByWindow, Impulse...: identity in the global window
            bag = in_bags[0] if in_bags else None
        for out in node.outputs.values():
            self.bags[out] = bag

    def _create(self, values):
        import dask.bag as db

        values = list(values)
        if self._bag_kwargs.get("partition_size"):
            return db.from_sequence(values, partition_size=self._bag_kwargs["partition_size"])
        return db.from_sequence(values, npartitions=max(1, min(len(values), self._partitions)))

    def _pardo(self, node: AppliedPTransform, bag):
        import dask

        transform = node.transform
        args, kwargs = transform.raw_side_inputs
        main = next(iter(node.main_inputs.values()))
        window_fn = main.windowing.windowfn if hasattr(main, "windowing") else None
        side_specs, side_values = [], []
        for si in node.side_inputs:
            side_specs.append((type(si), si._view_options()))
            side_bag = self.bags[si.pvalue]
            side_values.append(dask.delayed(_concat)(side_bag.to_delayed(optimize_graph=False)))
        return bag.map_partitions(
            _run_dofn, transform.fn, transform.label, window_fn, list(args), kwargs, side_specs,
            *side_values,
        )

    def leaves(self) -> list:
        """Bags of transforms whose outputs nothing reads: computing them runs the whole graph."""
        leaves, seen = [], set()
        for node in self.nodes:
            outs = list(node.outputs.values())
            if any(id(o) in self.consumed for o in outs):
                continue
            for out in outs:
                bag = self.bags.get(out)
                if bag is not None and bag.name not in seen:
                    seen.add(bag.name)
                    # nothing but completion comes back to the client
                    leaves.append(bag.map_partitions(_exhaust))
        return leaves


class NewsbeamDaskRunner(DaskRunner):
    """Beam's DaskRunner with the graph translation of ``_BagVisitor`` (see the module doc)."""

    def run_pipeline(self, pipeline, options):
        import dask.bag as db
        import dask.distributed as ddist

        dask_options = options.view_as(DaskOptions).get_all_options(
            drop_default=True, current_only=True
        )
        bag_kwargs = DaskOptions._extract_bag_kwargs(dask_options)
        client = ddist.Client(**dask_options)
        try:
            threads = sum(client.nthreads().values()) or 1
            partitions = bag_kwargs.get("npartitions") or PARTITIONS_PER_THREAD * threads
            pipeline.replace_all(dask_overrides())
            visitor = _BagVisitor(bag_kwargs, partitions)
            pipeline.visit(visitor)
            leaves = visitor.leaves()
            LOG.info("dask: %d leaves, %d partitions on %d threads", len(leaves), partitions,
                     threads)
            # One collection, one graph: computing the leaves as separate collections lets dask
            # fuse each multi-output ParDo into every consumer, which ran the spaCy pass once per
            # table.
            future = client.compute(db.concat(leaves))
        except BaseException:
            client.close()  # the result would have closed it; without one, nothing else will
            raise
        return _ClosingResult(client, [future])


class _ClosingResult(DaskRunnerResult):
    # The stock result never closes its client, which keeps a local cluster from shutting down.
    def wait_until_finish(self, duration=None) -> str:
        try:
            return super().wait_until_finish(duration)
        finally:
            self.client.close()


@contextlib.contextmanager
def cluster_for(options, n_workers: int) -> Iterator[None]:
    """Point ``options`` at a local cluster of ``n_workers`` for the run, unless they name one."""
    dask_options = options.view_as(DaskOptions)
    if dask_options.address or dask_options.scheduler_file:
        yield
        return
    with local_cluster(n_workers) as address:
        dask_options.address = address
        yield
