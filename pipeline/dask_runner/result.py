"""The running Dask job: the main graph's future, then the deferred finalize steps."""

from __future__ import annotations

import contextlib

from apache_beam import pvalue
from apache_beam.pipeline import AppliedPTransform
from apache_beam.runners.dask.dask_runner import DaskRunnerResult
from apache_beam.runners.runner import PipelineState

from pipeline.dask_runner.translation import forget_run, run_deferred


class PhasedResult(DaskRunnerResult):
    """The main graph's future, then the deferred finalize steps; closes the client at the end.

    (The stock result never closes its client, which keeps a local cluster from shutting down.)
    """

    def __init__(self, client, futures, deferred: list[AppliedPTransform],
                 wanted: list[pvalue.PCollection], run_id: str):
        super().__init__(client, futures)
        self._deferred = deferred
        self._wanted = wanted  # what the main graph's future returns, by index
        self._run_id = run_id

    def wait_until_finish(self, duration=None) -> str:
        try:
            if self._state != PipelineState.RUNNING:
                return self._state
            (main,) = self.futures
            timeout = duration / 1000 if duration is not None else None
            gathered = main.result(timeout=timeout)
            values: dict[int, list] = {id(p): [] for p in self._wanted}
            for index, value in gathered:
                values[id(self._wanted[index])].append(value)
            run_deferred(self.client, self._deferred, values)
            self._state = PipelineState.DONE
        except BaseException:
            self._state = PipelineState.FAILED
            raise
        finally:
            with contextlib.suppress(Exception):  # a worker gone takes its DoFns with it
                self.client.run(forget_run, self._run_id)
            self.client.close()
        return self._state
