"""Batch runs against a real GCS server (gcp-storage-emulator): gs:// globs in, gs:// tables out."""

from __future__ import annotations

import pytest

from pipeline import cli
from pipeline.summary import read_table, summarize
from tests.conftest import SEEDS
from transforms.gcs_access import use_anonymous_gcs

pytest_plugins = ["tests.emulators"]

pytestmark = pytest.mark.slow

ARTICLES = {
    "news/2024/one.txt": "Storm warning\n\n\"We are ready,\" said Mayor Jane Smith on Monday.\n",
    "news/2024/deep/two.json": '{"id": 7, "title": "Rates", "text": "The Bank of England held '
                               'rates, Andrew Bailey said."}',
}


@pytest.fixture()
def bucket(gcs_emulator):
    gcs_emulator.create_bucket("batch-news")
    for name, text in ARTICLES.items():
        gcs_emulator.upload("batch-news", name, text)
    seed = next(p for p in sorted(SEEDS.iterdir()) if p.suffix == ".txt")
    gcs_emulator.upload("batch-news", f"news/seed/{seed.name}", seed.read_bytes())
    gcs_emulator.upload("batch-news", "news/2024/logo.png", b"\x89PNG\r\n\x1a\n")
    gcs_emulator.upload("batch-news", "elsewhere/three.txt", "Not under news/.")
    return "batch-news"


def test_beam_talks_to_the_emulator_anonymously(gcs_emulator):
    from apache_beam.io.gcp import gcsio
    from google.auth.credentials import AnonymousCredentials

    assert use_anonymous_gcs()
    client = gcsio.GcsIO().client
    assert isinstance(client._credentials, AnonymousCredentials)
    assert client._connection.API_BASE_URL == f"http://{gcs_emulator.host_port}"


def test_run_reads_gs_glob_and_writes_gs_tables(bucket, capsys):
    output = f"gs://{bucket}/out"
    code = cli.main(["run", "--input", f"gs://{bucket}/news/**", "--output", output])
    assert code == 0
    assert "newsbeam run summary" in capsys.readouterr().out

    summary = summarize(output)
    assert summary.rows["articles"] == 3
    assert summary.rows["errors"] == 1
    assert dict(summary.errors_by_reason) == {"read/unsupported_format": 1}
    assert all(path.startswith(f"{output}/") for files in summary.files.values() for path in files)

    articles = {row["source_uri"]: row for row in read_table(output, "articles")}
    assert set(articles) == {f"gs://{bucket}/{name}" for name in ARTICLES} | {
        next(uri for uri in articles if "/news/seed/" in uri)}
    assert articles[f"gs://{bucket}/news/2024/deep/two.json"]["external_id"] == "7"
    quotes = [q for q in read_table(output, "quotes")
              if q["article_id"] == articles[f"gs://{bucket}/news/2024/one.txt"]["article_id"]]
    assert any("We are ready" in q["text"] and q["speaker_text"] and "Smith" in q["speaker_text"]
               for q in quotes), quotes

    # A second run into the same gs:// output is refused without --overwrite, allowed with it.
    with pytest.raises(SystemExit, match="--overwrite"):
        cli.main(["run", "--input", f"gs://{bucket}/news/**", "--output", output])
    assert cli.main(["run", "--input", f"gs://{bucket}/elsewhere/*.txt", "--output", output,
                     "--overwrite"]) == 0
    assert summarize(output).rows["articles"] == 1


def test_gs_glob_matching_nothing_is_refused(gcs_emulator, capsys):
    gcs_emulator.create_bucket("empty-news")
    with pytest.raises(SystemExit):
        cli.main(["run", "--input", "gs://empty-news/none/*.txt", "--output", "gs://empty-news/o"])
    assert "matches no files" in capsys.readouterr().err
