"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT / "seeds"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_shared_data(*parts: str) -> Path:
    """Path under ../shared/data; skips (fails under CI) when it is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, and CI must have ../shared/data")
        pytest.skip(f"{path} is not here (../shared/data is only on development machines and CI)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from transforms.nlp_model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyse(nlp):
    """text -> (doc, sentences, entities, quotes), through the same code the pipeline runs."""
    from transforms.analysis import analyse_text

    def run(text: str):
        return analyse_text(nlp, text)

    return run


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory):
    """The real CLI run once over seeds/: (output folder, {table: rows read back})."""
    from tests.pipeline_runs import read_tables, run_cli

    out = tmp_path_factory.mktemp("seeds_out")
    assert run_cli([str(SEEDS / "*")], out) == 0
    return out, read_tables(out)


@pytest.fixture(scope="session", autouse=True)
def _no_beam_temp_dirs_left():
    """Remove the empty ``beam-pipeline-temp*`` folders this session's tests leave in the temp
    directory: Beam's ``Pipeline()`` makes one, and only ``run()`` removes it, so every test that
    builds a graph without running it (translation, option and refusal tests) left one behind."""
    import glob
    import tempfile

    pattern = os.path.join(tempfile.gettempdir(), "beam-pipeline-temp*")
    before = set(glob.glob(pattern))
    yield
    for path in set(glob.glob(pattern)) - before:
        with contextlib.suppress(OSError):
            os.rmdir(path)  # empty ones only: a folder with files in it is not ours to judge
