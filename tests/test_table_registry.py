"""The contract module and the table registry: reading without NLP, a new table in one place."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.summary import read_table
from transforms.tables import (
    PIPELINE_VERSION,
    REGISTRY,
    TableSpec,
    field_names,
    inspect_columns,
    register_table,
    unregister_table,
)

READING_MODULES = ("transforms.readers", "transforms.read_articles", "transforms.gcs_notifications",
                   "transforms.progress", "transforms.write_tables", "transforms.avro_sink",
                   "transforms.jsonl_ranges", "transforms.tables")


def test_reading_modules_load_no_nlp_in_a_fresh_interpreter():
    code = (f"import sys\nfor m in {READING_MODULES!r}: __import__(m)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('spacy', 'transforms', 'thinc'))))")
    out = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True,
                         text=True, check=True, cwd=Path(__file__).parent.parent)
    loaded = json.loads(out.stdout)
    assert not [m for m in loaded if m.split(".")[0] in ("spacy", "thinc")], loaded
    for nlp_module in ("transforms.quotes", "transforms.analysis", "transforms.entities",
                       "transforms.nlp_model", "transforms.annotate", "transforms.speakers_table"):
        assert nlp_module not in loaded
    assert "transforms.readers" in loaded  # the check itself ran


def test_the_contract_module_imports_nothing_of_ours():
    import ast

    tree = ast.parse(Path(__file__).parent.parent.joinpath("transforms/tables.py").read_text())
    # Module level only: a derived table's builder may import its Beam transform when a graph
    # is built (the speakers table does), which adds no edge to the import graph.
    ours = [n.module if isinstance(n, ast.ImportFrom) else n.names[0].name
            for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not [m for m in ours if m and m.split(".")[0] in ("transforms", "pipeline", "schemas")]
    assert "speakers" in REGISTRY and REGISTRY["speakers"].derive is not None


def test_pipeline_version_is_the_installed_package_version():
    assert PIPELINE_VERSION == metadata.version("newsbeam")


def test_pipeline_version_of_a_source_tree_comes_from_pyproject(monkeypatch):
    import tomllib

    from transforms import tables

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(tables.metadata, "version", not_installed)
    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    assert tables._pipeline_version() == tomllib.loads(pyproject.read_text())["project"]["version"]


def test_builtin_tables_in_output_order_with_their_counts():
    assert list(REGISTRY) == ["articles", "sentences", "entities", "quotes", "speakers", "errors"]
    counted = {t.name: t.count_field for t in REGISTRY.values() if t.count_field}
    assert counted == {"sentences": "n_sentences", "entities": "n_entities",
                       "quotes": "n_quotes"}
    assert all(c in field_names("articles") for c in counted.values())


def test_a_count_field_missing_from_the_articles_schema_is_refused():
    with pytest.raises(ValueError, match="n_toys"):
        register_table(TableSpec("toys", TOY_SCHEMA, _toy_rows, count_field="n_toys"))
    assert "toys" not in REGISTRY


TOY_SCHEMA = {
    "type": "record", "name": "Toy", "namespace": "newsbeam.test",
    "fields": [
        {"name": "article_id", "type": "string"},
        {"name": "index", "type": "long"},
        {"name": "start", "type": "long"},
        {"name": "end", "type": "long"},
        {"name": "text", "type": "string"},
    ],
}


def _toy_rows(ctx) -> list[dict]:
    # A toy extractor over the one parse: every proper-noun token, sliced from the article text.
    return [{"article_id": ctx.article_id, "index": i, "start": t.idx, "end": t.idx + len(t),
             "text": ctx.text[t.idx : t.idx + len(t)]}
            for i, t in enumerate(t for t in ctx.doc if t.pos_ == "PROPN" or t.ent_type_)]


@pytest.fixture
def toy_table():
    register_table(TableSpec("toys", TOY_SCHEMA, _toy_rows))
    try:
        yield
    finally:
        unregister_table("toys")


@pytest.mark.slow
def test_a_registered_table_is_written_inspected_and_reported(toy_table, tmp_path, capsys):
    assert list(REGISTRY)[-2:] == ["toys", "errors"]  # errors stays last
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("Mayor Jane Okafor opened the new bridge in Portmere on Tuesday.\n\n"
                       "\u201cIt is a good day,\u201d Okafor said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--input", str(article), "--output", str(out),
                 "--runner", "DirectRunner"]) == 0
    capsys.readouterr()

    toys = list(read_table(str(out), "toys"))  # Avro written with the toy schema, read back
    (art,) = read_table(str(out), "articles")
    texts = [t["text"] for t in toys]
    assert "Okafor" in texts and "Portmere" in texts
    assert all(art["text"][t["start"] : t["end"]] == t["text"] for t in toys)
    assert {t["article_id"] for t in toys} == {art["article_id"]}

    assert main(["inspect", str(out)]) == 0
    summary = capsys.readouterr().out
    toy_line = next(line for line in summary.splitlines() if line.startswith("toys"))
    assert toy_line.split()[1] == str(len(toys))
    assert main(["inspect", str(out), "--table", "toys", "--limit", "0"]) == 0
    shown = capsys.readouterr().out
    assert inspect_columns("toys") == ("article_id", "index", "start", "end", "text")
    assert "Portmere" in shown and f"({len(toys)} rows)" in shown

    report = tmp_path / "report.html"
    assert main(["report", str(out), "--out", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    assert f"<b>{len(toys):,}</b><span>toys</span>" in page
