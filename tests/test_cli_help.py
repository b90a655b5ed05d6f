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
