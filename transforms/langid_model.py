"""py3langid's identifier, loaded from a decompressed copy of its model kept in a cache folder.

py3langid ships its model as an LZMA-compressed ``.npz`` (4.6 MB, 68 MB of arrays).
``LanguageIdentifier.from_model_file`` decompresses it on every load: 0.50-0.85 s of CPU per
process, a third of a whole plain-spaCy run of one article, and each worker process pays it.
The first load on a machine writes the model's arrays, unchanged, as ``.npy`` files to
``{cache}/py3langid-{version}-{model hash}/``; later loads memory-map them (0.04 s, and the pages
are shared between the worker processes of a run). The identifier is built from the same arrays
by the same constructor ``from_model_file`` calls, so every classification is identical (tested
against ``from_model_file``, tests/test_language.py).

The cache folder is ``$NEWSBEAM_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsbeam``, else
``~/.cache/newsbeam``. When it cannot be written or read, the model loads the stock way.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

LOG = logging.getLogger(__name__)

CACHE_ENV = "NEWSBEAM_CACHE_DIR"

# The arrays of py3langid's model file (py3langid.modelio.load_model reads the same names).
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_root() -> Path:
    """Where newsbeam keeps derived files that are safe to delete."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsbeam"


def model_path() -> Path:
    """py3langid's bundled model file."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def cached_model_dir(model: Path, root: Path | None = None) -> Path:
    """The cache folder of ``model``'s arrays: named by py3langid's version and the model's
    content, so a new model or version never reads an old copy."""
    import py3langid

    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    version = getattr(py3langid, "__version__", "unknown")
    return (cache_root() if root is None else root) / f"py3langid-{version}-{digest}"


def load_identifier(norm_probs: bool = True, root: Path | None = None):
    """A ``LanguageIdentifier`` equal to ``from_model_file(MODEL_FILE, norm_probs=...)``."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        folder = cached_model_dir(model_path(), root)
        if not _complete(folder):
            _write_arrays(model_path(), folder)
        return _from_arrays(folder, norm_probs)
    except (OSError, ValueError, RuntimeError, zipfile.BadZipFile) as exc:  # RuntimeError: no home
        LOG.info("py3langid model cache unusable (%s); loading the compressed model", exc)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=norm_probs)


def _complete(folder: Path) -> bool:
    return all((folder / f"{name}.npy").is_file() for name in _ARRAYS)


def _write_arrays(model: Path, folder: Path) -> None:
    """Decompress ``model`` (LZMA around an uncompressed .npz) into ``folder``'s .npy files.

    Written into a temporary folder beside it and renamed into place, so a concurrent reader
    (another worker process) sees all six files or none.
    """
    import lzma

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        npz = tmp / "model.npz"
        with lzma.open(model) as src, open(npz, "wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
        with zipfile.ZipFile(npz) as archive:
            for name in _ARRAYS:
                with archive.open(f"{name}.npy") as src, open(tmp / f"{name}.npy", "wb") as dst:
                    shutil.copyfileobj(src, dst, length=1 << 20)
        npz.unlink()
        try:
            tmp.rename(folder)
        except OSError:
            if not _complete(folder):  # not another process's finished copy: a real failure
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _from_arrays(folder: Path, norm_probs: bool):
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    # Read-only maps: nothing in py3langid writes to the model, and a write would fail loudly
    # instead of changing the cache.
    data = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in _ARRAYS}
    # What py3langid.modelio.load_model returns and LanguageIdentifier.from_model_file passes
    # on, from the same arrays.
    return LanguageIdentifier(
        np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
        _to_array(data["nextmove"]), data["out_feat"].tolist(),
        norm_probs=norm_probs, tk_row=_to_array(data["nextmove_row"]))
