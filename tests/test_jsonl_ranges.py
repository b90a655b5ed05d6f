"""Big uncompressed JSONL files are read in byte ranges of whole lines (transforms/jsonl_ranges.py):
the same records, line numbers and errors as reading the file whole, and no record lost or read
twice wherever the cuts fall."""

from __future__ import annotations

import io
import json
import random
import re

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.jsonl_ranges import FileRange, jsonl_ranges, line_breaks
from transforms.read_articles import ParseFile, ParseFiles, SplitFile
from transforms.readers import parse_file

LINE_BREAK = re.compile(rb"\r\n|\r|\n")

lines = st.lists(
    st.tuples(
        st.binary(max_size=30).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
        st.sampled_from([b"\n", b"\r\n", b"\r", b"\n\n", b"\r\r\n"]),
    ),
    max_size=40,
)


def _numbered(data: bytes, ranges: list[FileRange]) -> list[tuple[int, bytes]]:
    out = []
    for r in ranges:
        segment = data[r.start : r.end]
        parts = LINE_BREAK.split(segment)
        if parts and parts[-1] == b"":
            parts.pop()  # the segment ends with its line break
        out += [(r.first_line + i, part) for i, part in enumerate(parts)]
    return out


@settings(max_examples=300, deadline=None)
@given(lines, st.booleans(), st.integers(min_value=1, max_value=50))
def test_ranges_cover_the_file_and_keep_line_numbers(pairs, last_break, range_bytes):
    data = b"".join(text + brk for text, brk in pairs)
    if pairs and not last_break:
        data = data[: -len(pairs[-1][1])]
    ranges = jsonl_ranges("f.jsonl", io.BytesIO(data), range_bytes)
    if ranges is None:
        assert not data.strip()  # only a blank file is left whole (it is one empty_input error)
        return
    assert ranges[0].start == 0 and ranges[-1].end == len(data)
    for before, after in zip(ranges, ranges[1:], strict=False):
        assert before.end == after.start
        assert data[after.start - 1 : after.start + 1] != b"\r\n"  # never between \r and \n
        assert after.first_line == before.first_line + line_breaks(data[before.start : before.end])
    for r in ranges:  # bounded, unless the range is one long line
        one_line = line_breaks(re.sub(rb"(\r\n|\r|\n)\Z", b"", data[r.start : r.end])) == 0
        assert r.end - r.start <= 4 * range_bytes or one_line
    whole = [(i, part) for i, part in enumerate(LINE_BREAK.split(data), start=1)]
    assert [x for x in _numbered(data, ranges) if x[1]] == [x for x in whole if x[1]]


def test_utf16_files_are_read_whole():
    data = "\n".join(json.dumps({"text": "x" * 20}) for _ in range(50)).encode("utf-16")
    assert jsonl_ranges("f.jsonl", io.BytesIO(data), 64) is None


def _big_jsonl(path, n: int, seed: int = 2) -> bytes:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.05:
            line = ""
        elif roll < 0.08:
            line = "{broken"
        else:
            # U+2028 inside a string is legal JSON and is not a line break
            line = json.dumps({"id": i, "text": "Word " * rng.randint(5, 80) + "\u2028 end."},
                              ensure_ascii=False)
        out.append(line + rng.choice(["\n", "\r\n", "\r"]))
    data = "".join(out).encode()
    path.write_bytes(data)
    return data


def _key(record) -> tuple:
    return record["line"], record.get("external_id"), record.get("text"), record.get("error_type")


def test_a_file_read_in_ranges_gives_the_records_of_a_whole_read(tmp_path):
    path = tmp_path / "big.jsonl"
    data = _big_jsonl(path, 1500)
    whole = sorted(map(_key, parse_file(str(path), data)))
    split = SplitFile(range_bytes=20_000)
    split.setup()
    units = list(split.process(str(path)))
    assert len(units) > 10 and all(isinstance(u, FileRange) for u in units)
    parse = ParseFile()
    parse.setup()
    got = [getattr(r, "value", r) for unit in units for r in parse.process(unit)]
    assert sorted(map(_key, got)) == whole
    assert sum("error_type" in r for r in got) > 10  # the broken lines, each with its number


def test_small_and_compressed_files_are_one_unit(tmp_path):
    import gzip

    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"text": "One."}))
    packed = tmp_path / "big.jsonl.gz"
    packed.write_bytes(gzip.compress(_big_jsonl(tmp_path / "x.jsonl", 500)))
    split = SplitFile(range_bytes=1000)
    split.setup()
    assert list(split.process(str(small))) == [str(small)]
    assert list(split.process(str(packed))) == [str(packed)]
    assert list(split.process(str(tmp_path / "gone.jsonl"))) == [str(tmp_path / "gone.jsonl")]


def test_a_file_bigger_than_the_bound_is_read_and_only_its_huge_line_rejected(tmp_path):
    path = tmp_path / "dump.jsonl"
    good = [json.dumps({"id": i, "text": f"Story {i} is here."}) for i in range(300)]
    huge = json.dumps({"id": "huge", "text": "y" * 5000})
    path.write_text("\n".join([*good[:100], huge, *good[100:], huge]))  # the last one unended
    max_bytes = 3000  # the file is ~10x this; only the huge line is over it
    split = SplitFile(range_bytes=1000)
    split.setup()
    parse = ParseFile(max_bytes=max_bytes)
    parse.setup()
    got = [getattr(r, "value", r) for u in split.process(str(path)) for r in parse.process(u)]
    errors = [r for r in got if "error_type" in r]
    assert [(e["line"], e["error_type"]) for e in errors] == [
        (101, "too_large"), (302, "too_large")
    ]
    assert sorted(r["external_id"] for r in got if "error_type" not in r) == sorted(
        str(i) for i in range(300)
    )


@pytest.mark.slow
def test_parse_files_spreads_ranges_through_the_pipeline(tmp_path):
    path = tmp_path / "big.jsonl"
    data = _big_jsonl(path, 800)
    expected = [_key(r) for r in parse_file(str(path), data)]
    with TestPipeline() as p:
        result = p | beam.Create([str(path)]) | ParseFiles(range_bytes=5_000)
        merged = (result.articles, result.errors) | beam.Flatten()
        assert_that(merged | beam.Map(_key), equal_to(expected))
