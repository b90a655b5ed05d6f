"""The rows of one annotated article (kept for callers of the old names).

The row types, ids, ``error_record`` and the table registry live in ``transforms/tables.py``,
which imports nothing of ours; this module only adapts the older ``table_rows`` signature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from transforms.tables import (  # noqa: F401 - the old import paths of these names
    PIPELINE_VERSION,
    article_context,
    article_id,
    content_sha256,
    error_record,
    is_error,
    now_micros,
    quote_id,
)
from transforms.tables import table_rows as _table_rows

if TYPE_CHECKING:
    from transforms.analysis import Analysis


def table_rows(
    article: dict[str, Any], analysis: Analysis, *, model: str, language: str | None
) -> dict[str, list[dict[str, Any]]]:
    """All rows of one annotated article, by table name."""
    ctx = article_context(article, analysis=analysis, model=model, language=language,
                          n_paragraphs=len(analysis.paragraphs))
    return _table_rows(ctx)
