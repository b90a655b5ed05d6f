"""The run's PipelineOptions, with each ``view_as`` view built once instead of on every call.

Beam's ``PipelineOptions.view_as(cls)`` builds a new argparse parser for ``cls``'s flags and
parses the command line again on every call, and Beam calls it for every transform it applies
(``TypeOptions`` in ``Pipeline._apply_internal``, ``_infer_result_type`` and type checks) and
again while running: 543 calls, 0.34 s of CPU in a 1-article run (~9% of it; most of that is
argparse's help formatter asking for the terminal size 5,000 times).

A view is only a window on the options: every view of one options object shares its
``_all_options`` dict (reads and writes go there), and the flags it parses never change after the
object is built. So the first view of each class can be handed out again.
"""

from __future__ import annotations

from typing import TypeVar

from apache_beam.options.pipeline_options import PipelineOptions

T = TypeVar("T", bound=PipelineOptions)


class ViewCachingOptions(PipelineOptions):
    """PipelineOptions whose ``view_as(cls)`` returns the same view for the same ``cls``.

    Adds no flags of its own. Pickled without the cached views (they are rebuilt on demand).
    """

    def view_as(self, cls: type[T]) -> T:
        views = self.__dict__.setdefault("_views", {})
        view = views.get(cls)
        if view is None:
            view = views[cls] = super().view_as(cls)
        return view

    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("_views", None)
        return state
