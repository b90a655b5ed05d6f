"""Help is complete, and a wrong or conflicting flag says how to fix it (exit code 2)."""

from __future__ import annotations

import pytest

from pipeline.cli import main
from tests.conftest import SEEDS


def run_main(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    captured = capsys.readouterr()
    return exc.value.code, captured.out, captured.err


def test_top_level_help_lists_every_command(capsys):
    code, out, _ = run_main(capsys, ["--help"])
    assert code == 0
    for command in ("run", "inspect", "report"):
        assert command in out
    assert "--log_level" in out


@pytest.mark.parametrize("command, flags", [
    ("run", ["--input", "--output", "--spacy_model", "--format", "--avro_codec", "--batch_size",
             "--max_article_bytes", "--max_error_ratio", "--overwrite", "--runner", "example:"]),
    ("inspect", ["OUTPUT", "--table", "--article", "--limit", "--format", "jsonl",
                 "examples:"]),
    ("report", ["OUTPUT", "--out", "--max_articles", "--top", "example:"]),
])
def test_each_subcommand_help_documents_its_flags(capsys, command, flags):
    code, out, _ = run_main(capsys, [command, "--help"])
    assert code == 0
    for flag in flags:
        assert flag in out, f"{command} --help does not mention {flag}"
    # the command's own usage line, not the top-level one ("newsbeam [-h] ... COMMAND ... run")
    assert out.startswith(f"usage: newsbeam {command} [-h]")


@pytest.mark.parametrize("argv, message", [
    ([], "required: COMMAND"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["run", "--output", "x"], "--input is required"),
    (["run", "--input", "seeds/*"], "--output is required"),
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--batch_size", "0"],
     "--batch_size must be at least 1"),
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--max_error_ratio", "2"],
     "--max_error_ratio must be between 0 and 1"),
    (["run", "--input", "/nonexistent/*.txt", "--output", "o"],
     "matches no files (quote globs"),
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--spacy_model", "no_such_model"],
     "neither an installed spaCy package"),
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--bogus_flag"],
     "see `newsbeam run --help`"),
    (["run", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["run", "--batch_size", "many"], "invalid int value: 'many'"),
    (["inspect"], "the following arguments are required: OUTPUT"),
    (["inspect", "out", "--extra"], "unrecognized arguments: --extra"),
    (["inspect", "out", "--format", "csv"], "invalid choice: 'csv'"),
    (["report", "out", "--max_articles", "-3"], "--max_articles must be 0"),
    (["report", "out", "--top", "0"], "--top must be at least 1"),
])
def test_bad_flags_exit_2_with_a_message_that_says_how_to_fix(capsys, argv, message):
    code, _, err = run_main(capsys, argv)
    assert code == 2
    assert message in err, err
    assert "usage: newsbeam" in err


@pytest.mark.parametrize("argv, message", [
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--spacy_model", "de_core_news_sm"],
     "install it first (`python -m spacy download de_core_news_sm`"),
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--spacy_model", "json"],
     "neither an installed spaCy package"),  # importable, but not a spaCy pipeline package
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--spacy_model", str(SEEDS)],
     "is a directory but not a spaCy model"),
    (["run", "--languages", "english"], "two-letter ISO 639-1 codes"),
    (["run", "--input", str(SEEDS / "*"), "--output", "o", "--dask_workers", "0"],
     "--dask_workers must be at least 1"),
    (["run", "--log_level", "LOUD"], "invalid choice: 'LOUD'"),
])
def test_models_languages_and_levels_are_checked_with_a_fix(capsys, argv, message):
    code, _, err = run_main(capsys, argv)
    assert code == 2
    assert message in err, err


def test_model_hint_says_nothing_is_downloaded_at_run_time(capsys):
    _, _, err = run_main(capsys, ["run", "--input", str(SEEDS / "*"), "--output", "o",
                                  "--spacy_model", "de_core_news_sm"])
    assert "never downloads a model at run time" in err
    assert "en-core-web-sm" not in err  # the hint names the model asked for, not English's


def _stop_at_graph(monkeypatch) -> list:
    from pipeline import graph

    configs = []

    def build(pipeline, config):
        configs.append(config)
        raise SystemExit(0)  # the flags were accepted; nothing needs to run

    monkeypatch.setattr(graph, "build", build)
    return configs


def test_log_level_is_accepted_after_run_too(capsys, monkeypatch, tmp_path):
    from pipeline.cli import build_parser

    configs = _stop_at_graph(monkeypatch)
    code, _, err = run_main(capsys, ["run", "--log_level", "INFO", "--input", str(SEEDS / "*"),
                                     "--output", str(tmp_path)])
    assert code == 0 and configs, err
    parser = build_parser()
    assert parser.parse_known_args(["run", "--log_level", "INFO"])[0].log_level == "INFO"
    # given before the command, it is not reset by the subcommand's default
    assert parser.parse_known_args(["--log_level", "ERROR", "run"])[0].log_level == "ERROR"
    assert parser.parse_known_args(["run"])[0].log_level == "WARNING"


def test_any_installed_spacy_pipeline_is_accepted_in_any_language(capsys, monkeypatch, tmp_path):
    """A model directory, and a package importable under the name spaCy loads it by."""
    import spacy

    spacy.blank("de").to_disk(tmp_path / "de_model")
    site = tmp_path / "site"
    (site / "xx_news_test").mkdir(parents=True)
    (site / "xx_news_test" / "__init__.py").write_text("")
    (site / "xx_news_test-0.1.0.dist-info").mkdir()
    (site / "xx_news_test-0.1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: xx_news_test\nVersion: 0.1.0\n")
    monkeypatch.syspath_prepend(str(site))
    configs = _stop_at_graph(monkeypatch)
    for model in (str(tmp_path / "de_model"), "xx_news_test"):
        code, _, err = run_main(capsys, ["run", "--input", str(SEEDS / "*"), "--output",
                                         str(tmp_path / "out"), "--spacy_model", model,
                                         "--languages", "de"])
        assert code == 0, err
        assert (configs[-1].spacy_model, configs[-1].languages) == (model, ("de",))
