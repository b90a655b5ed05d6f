"""Pure input parsing: formats, encodings, compression, titles, dates, one error per bad unit."""

from __future__ import annotations

import bz2
import gzip
import json

import pytest

from transforms.readers import (
    decode_bytes,
    file_kind,
    parse_date,
    parse_file,
    split_title,
)
from transforms.records import is_error


@pytest.mark.parametrize(
    ("path", "override", "fmt", "compression"),
    [
        ("a/b.txt", None, "txt", None),
        ("gs://bucket/x/y.JSONL", None, "jsonl", None),
        ("x.jsonl.gz", None, "jsonl", "gzip"),
        ("x.html.bz2", None, "html", "bzip2"),
        ("x.htm", None, "html", None),
        ("x.json", None, "json", None),
        ("x.csv", None, None, None),
        ("x.csv", "txt", "txt", None),
        ("noext", None, None, None),
    ],
)
def test_file_kind(path, override, fmt, compression):
    kind = file_kind(path, override)
    assert (kind.format, kind.compression) == (fmt, compression)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"plain ascii", "plain ascii", "utf-8"),
        ("naïve “quotes”".encode(), "naïve “quotes”", "utf-8"),
        ("\ufeffbom".encode(), "bom", "utf-8-sig"),
        ("utf16 text".encode("utf-16"), "utf16 text", "utf-16"),
        ("café".encode("latin-1"), "café", "cp1252"),
        (b"smart \x93quote\x94", "smart \u201cquote\u201d", "cp1252"),
    ],
)
def test_decode_bytes(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


def test_binary_is_refused():
    records = list(parse_file("/x/garbage.txt", bytes(range(256)) * 40))
    assert len(records) == 1 and records[0]["error_type"] == "binary"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline here\n\nBody text.", "Headline here"),
        ("Headline here\n  \nBody text.", "Headline here"),
        ("A full sentence that ends.\n\nBody.", None),
        ("Headline\nno blank line after.", None),
        ("Only one line", None),
        ("x" * 200 + "\n\nBody.", None),
    ],
)
def test_split_title(text, title):
    assert split_title(text) == title


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2026-03-14T09:30:00Z", "2026-03-14T09:30:00+00:00"),
        ("2026-05-02", "2026-05-02T00:00:00+00:00"),
        ("03/14/1998 10:36:00", "1998-03-14T10:36:00+00:00"),
        ("Tue, 01 Dec 2015 10:00:00 +0000", "2015-12-01T10:00:00+00:00"),
    ],
)
def test_parse_date(value, iso):
    from datetime import UTC, datetime

    micros = parse_date(value)
    assert datetime.fromtimestamp(micros / 1e6, UTC).isoformat() == iso


def test_unparseable_date_is_none():
    assert parse_date("sometime last spring") is None


def test_txt_keeps_text_exactly_and_finds_title():
    raw = "Title line\n\n  Body with  double  spaces.\r\nSecond line.\n"
    [article] = parse_file("/in/a.txt", raw.encode())
    assert article["text"] == raw
    assert article["title"] == "Title line"
    assert article["format"] == "txt" and article["line"] is None


def test_jsonl_bad_line_loses_only_that_line():
    lines = [
        json.dumps({"id": "a", "text": "First good article."}),
        "{not json",
        json.dumps({"id": 7, "body": "Second good article.", "date": "2020-01-02"}),
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d", "title": "no text at all"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "content": "   "}),
    ]
    records = list(parse_file("/in/x.jsonl", "\n".join(lines).encode()))
    assert len(records) == len(lines)
    good = [r for r in records if not is_error(r)]
    bad = [r for r in records if is_error(r)]
    assert [g["external_id"] for g in good] == ["a", "7"]
    assert [g["line"] for g in good] == [1, 3]
    assert good[1]["text"] == "Second good article." and good[1]["published_at_raw"] == "2020-01-02"
    assert [(b["line"], b["error_type"]) for b in bad] == [
        (2, "invalid_json"), (4, "invalid_field"), (5, "no_text"), (6, "invalid_record"),
        (7, "empty_text"),
    ]


def test_json_array_and_object():
    arr = json.dumps([{"id": "1", "text": "One."}, {"id": "2", "content": "Two."}])
    assert [r["line"] for r in parse_file("/in/a.json", arr.encode())] == [1, 2]
    [one] = parse_file("/in/b.json", json.dumps({"id": "x", "text": "Only."}).encode())
    assert one["line"] is None and one["external_id"] == "x"


def test_compressed_inputs():
    body = json.dumps({"id": "z", "text": "Zipped."}).encode()
    assert list(parse_file("/in/a.jsonl.gz", gzip.compress(body)))[0]["text"] == "Zipped."
    assert list(parse_file("/in/a.jsonl.bz2", bz2.compress(body)))[0]["text"] == "Zipped."


def test_gzip_bomb_is_bounded():
    bomb = gzip.compress(b"a" * 5_000_000)
    [err] = parse_file("/in/bomb.txt.gz", bomb, max_bytes=1_000_000)
    assert err["error_type"] == "too_large" and "max_article_bytes" in err["message"]


def test_truncated_gzip():
    data = gzip.compress(b"Some text that is long enough. " * 100)
    [err] = parse_file("/in/cut.txt.gz", data[: len(data) // 2])
    assert err["error_type"] == "corrupt_compression"


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty_input"), (b" \n\t\n", "empty_input")])
def test_empty_files(data, reason):
    [err] = parse_file("/in/empty.txt", data)
    assert err["error_type"] == reason and err["stage"] == "read"


def test_unknown_extension_is_an_error_with_a_fix():
    [err] = parse_file("/in/notes.csv", b"a,b")
    assert err["error_type"] == "unsupported_format" and "--format" in err["message"]


def test_html_main_text_and_title():
    html = (
        "<html><head><title>T | Site</title></head><body><nav>Home | About</nav><article>"
        "<h1>Big news today</h1>" + "<p>The council met on Monday and agreed a plan for the "
        "harbour, officials said in a statement.</p>" * 3 + "</article></body></html>"
    )
    [article] = parse_file("/in/p.html", html.encode())
    assert "The council met on Monday" in article["text"]
    assert "Home | About" not in article["text"]
    assert article["format"] == "html"


def test_html_without_main_text():
    [err] = parse_file("/in/empty.html", b"<html><body><nav>menu</nav></body></html>")
    assert err["error_type"] == "no_main_text"


def _html_page(head: str) -> bytes:
    return (
        f"<html lang=\"en\"><head><title>Observatory</title>{head}</head><body><article>"
        "<h1>Observatory opens</h1><p>The new observatory on the hill opened its doors on "
        "Friday night, and hundreds of visitors came to look at the stars.</p><p>\u201cIt is a "
        "dream come true,\u201d said the director, Anna Berg.</p></article></body></html>"
    ).encode()


@pytest.mark.parametrize(("head", "raw", "iso"), [
    ('<meta property="article:published_time" content="2026-05-08T22:10:00Z">',
     "2026-05-08T22:10:00Z", "2026-05-08T22:10:00+00:00"),
    ('<meta property="article:published_time" content="2026-05-08T22:10:00+02:00">',
     "2026-05-08T22:10:00+02:00", "2026-05-08T20:10:00+00:00"),
    ('<meta name="date" content="2026-08-21">', "2026-08-21", "2026-08-21T00:00:00+00:00"),
])
def test_html_publication_time_and_raw_value_are_kept(head, raw, iso):
    from datetime import UTC, datetime

    [article] = parse_file("/in/page.html", _html_page(head))
    assert article["published_at_raw"] == raw
    assert datetime.fromtimestamp(article["published_at"] / 1e6, UTC).isoformat() == iso


def test_json_dates_keep_their_time():
    data = json.dumps({"text": "The council met.", "published_at": "2026-03-14T09:30:00Z"})
    [article] = parse_file("/in/a.json", data.encode())
    assert article["published_at_raw"] == "2026-03-14T09:30:00Z"
    assert article["published_at"] == parse_date("2026-03-14T09:30:00+00:00")
    assert article["published_at"] % 86_400_000_000 == (9 * 3600 + 30 * 60) * 1_000_000


def test_one_parser_map_names_every_format():
    from transforms.readers import FORMATS, INPUT_FORMATS

    assert FORMATS == ("txt", "json", "jsonl", "html") == tuple(INPUT_FORMATS)
    for name, fmt in INPUT_FORMATS.items():
        for ext in fmt.extensions:
            assert file_kind(f"/in/x{ext}.gz").format == name


def _special_files(folder):
    """A named pipe, a socket and a broken symbolic link, each named like an article."""
    import os
    import socket

    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.jsonl"))
    (folder / "broken.txt").symlink_to(folder / "gone" / "nothing.txt")
    (folder / "good.txt").write_text("The council met on Monday and agreed a plan.\n")
    return sock


def test_not_a_regular_file_says_what_it_is(tmp_path):
    from transforms.readers import not_a_regular_file

    sock = _special_files(tmp_path)
    try:
        assert "named pipe" in str(not_a_regular_file(str(tmp_path / "pipe.txt")))
        assert "socket" in str(not_a_regular_file(str(tmp_path / "socket.jsonl")))
        assert "broken symbolic link" in str(not_a_regular_file(str(tmp_path / "broken.txt")))
        assert "character device" in str(not_a_regular_file("/dev/null"))
        assert "directory" in str(not_a_regular_file(str(tmp_path)))
        assert not_a_regular_file(str(tmp_path / "good.txt")) is None
        assert not_a_regular_file("gs://bucket/pipe.txt") is None
        assert not_a_regular_file(str(tmp_path / "never-existed.txt")) is None
    finally:
        sock.close()


@pytest.mark.slow
def test_special_files_in_an_input_folder_become_error_rows_not_a_hang(tmp_path):
    """ReadArticles on the DirectRunner: a FIFO would block open() forever, and Beam's own
    match drops a broken symlink; each must be exactly one read/not_a_file error row."""
    import apache_beam as beam
    from apache_beam.testing.test_pipeline import TestPipeline
    from apache_beam.testing.util import assert_that, equal_to

    from transforms.progress import expected_articles
    from transforms.read_articles import ReadArticles

    sock = _special_files(tmp_path)
    try:
        pattern = str(tmp_path / "*")
        # the progress count does not open the pipe either
        assert expected_articles([pattern]) == 4
        with TestPipeline(runner="DirectRunner") as pipeline:
            read = pipeline | ReadArticles([pattern])
            assert_that(read.articles | beam.Map(lambda a: a["source_uri"].rsplit("/", 1)[-1]),
                        equal_to(["good.txt"]), label="Articles")
            assert_that(
                read.errors | beam.Map(lambda e: (e["source_uri"].rsplit("/", 1)[-1],
                                                  e["stage"], e["error_type"])),
                equal_to([("pipe.txt", "read", "not_a_file"),
                          ("socket.jsonl", "read", "not_a_file"),
                          ("broken.txt", "read", "not_a_file")]), label="Errors")
    finally:
        sock.close()


def test_invalid_json_message_says_where_once():
    from transforms.readers import InputError, _load_json

    with pytest.raises(InputError) as info:
        _load_json('{"text": "unterminated')
    assert "at at" not in str(info.value.args) and "(line 1, column 10)" in str(info.value.args)
