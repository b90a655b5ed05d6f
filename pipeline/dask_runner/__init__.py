"""newsbeam on Dask: Beam 2.77's DaskRunner with its graph translation redone.

- ``cluster``: the local dask.distributed cluster a run starts (or the one it is pointed at), and
  its logging;
- ``translation``: Beam primitives -> dask bags, and the steps run after the main graph; what it
  cannot translate faithfully is an error at translation, never a silent change of results;
- ``result``: the running job, which finishes the deferred steps and closes the client;
- ``runner``: ``NewsbeamDaskRunner``, which ties them together.

The translation reaches into Beam internals (``apache_beam.runners.common``, the DaskRunner's
overrides), so importing this package checks that the installed Beam is the one it was written
and tested against.
"""

from __future__ import annotations

import apache_beam

# Beam minor versions the translation was written against and tested with (tests/test_dask_runner
# and tests/test_faults). Another version may rename the internals used, or change what its
# DaskRunner overrides produce: run those tests against it before adding it here.
TESTED_BEAM = ("2.77",)


class UntestedBeamVersion(ImportError):
    """The installed apache-beam is not one the Dask translation was tested with."""


def check_beam_version(version: str = apache_beam.__version__) -> None:
    minor = ".".join(version.split(".")[:2])
    if minor not in TESTED_BEAM:
        raise UntestedBeamVersion(
            f"newsbeam's Dask runner was written against apache-beam {', '.join(TESTED_BEAM)} "
            f"and relies on its internals; apache-beam {version} is installed. Use another "
            "runner (the default local runner, or a portable runner), or install "
            f"apache-beam=={TESTED_BEAM[-1]}.*, or run tests/test_dask_runner.py and "
            "tests/test_faults.py on this Beam and add it to TESTED_BEAM in "
            "pipeline/dask_runner/__init__.py."
        )


check_beam_version()
