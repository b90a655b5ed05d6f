"""Property tests: the extractors and readers over random and mutated text.

Whatever the text, every span is inside it and its stored text is ``text[start:end]``, quotes
never overlap, the same input gives the same rows (byte for byte once encoded, ``ingested_at``
aside), and every input unit the readers see becomes exactly one record.
"""

from __future__ import annotations

import io
import json
import re

import fastavro
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from schemas import parsed_schema
from tests.conftest import SEEDS
from transforms.nlp_model import split_for_nlp
from transforms.readers import article_input, is_blank, parse_file
from transforms.records import is_error, table_rows

SEED_TEXT = (SEEDS / "000_27cef5e8aa7cc37f.txt").read_text("utf-8")

# What mutations insert: quote marks of every style, line breaks, and awkward Unicode.
INSERTS = [
    "\u201c",
    "\u201d",
    '"',
    "\u2018",
    "\u2019",
    "'",
    "``",
    "''",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    ". ",
    ": \u201c",
    ",\u201d he said. ",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u5317\u4eac",
    "\U0001f600",
    "e\u0301",
    "\u00a0",
    "\u2028",
    "Mr. Smith said",
    " according to ",
]

SPANS = [
    ("sentences", "start", "end", "text"),
    ("entities", "start", "end", "text"),
    ("quotes", "start", "end", "text"),
    ("quotes", "speaker_start", "speaker_end", "speaker_text"),
    ("quotes", "cue_start", "cue_end", "cue_text"),
]

PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def mutated_seed(draw) -> str:
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 12))):
        pos = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:pos] + draw(st.sampled_from(INSERTS)) + text[pos:]
        else:
            text = text[:pos] + text[pos + draw(st.integers(1, 40)) :]
    return text


# Random pieces rather than random characters, so quote marks, breaks and words all occur.
random_text = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(INSERTS),
        st.sampled_from(["The", "mayor", "Maria Lopez", "said", "that", " ", ".", ","]),
    ),
    max_size=150,
).map("".join)


def _rows(analyse, text: str) -> dict[str, list[dict]]:
    _, analysis = analyse(text)
    article = article_input("/corpus/a.txt", "txt", "utf-8", text)
    return table_rows(article, analysis, model="m", language=None)


def _avro_bytes(rows: dict[str, list[dict]]) -> dict[str, list[bytes]]:
    out: dict[str, list[bytes]] = {}
    for table, table_rows_ in rows.items():
        encoded = []
        for row in table_rows_:
            buf = io.BytesIO()
            fastavro.schemaless_writer(
                buf,
                parsed_schema(table),
                {**row, "ingested_at": 0} if "ingested_at" in row else row,
            )
            encoded.append(buf.getvalue())
        out[table] = encoded
    return out


def check_rows(text: str, rows: dict[str, list[dict]]) -> None:
    for table, start, end, field in SPANS:
        for row in rows[table]:
            if row[start] is None:
                assert row[end] is None and row[field] is None, (table, field)
                continue
            assert 0 <= row[start] <= row[end] <= len(text), (table, field, row)
            assert row[field] == text[row[start] : row[end]], (table, field, row)
    quotes = sorted((q["start"], q["end"]) for q in rows["quotes"])
    for (_, end), (start, _) in zip(quotes, quotes[1:], strict=False):
        assert end <= start, f"overlapping quotes {quotes}"
    sentences = sorted((s["start"], s["end"]) for s in rows["sentences"])
    for (_, end), (start, _) in zip(sentences, sentences[1:], strict=False):
        assert end <= start, "overlapping sentences"
    (article,) = rows["articles"]
    for table in ("sentences", "entities", "quotes"):
        assert article[f"n_{table}"] == len(rows[table])


@PROPERTY_SETTINGS
@given(text=mutated_seed())
def test_mutated_seed_spans_are_exact_and_rows_deterministic(analyse, text):
    assume(not is_blank(text))
    rows = _rows(analyse, text)
    check_rows(text, rows)
    assert _avro_bytes(_rows(analyse, text)) == _avro_bytes(rows)


@PROPERTY_SETTINGS
@given(text=random_text)
def test_random_text_spans_are_exact(analyse, text):
    assume(not is_blank(text))
    check_rows(text, _rows(analyse, text))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=3000), max_chars=st.integers(1, 500))
def test_split_for_nlp_parts_concatenate_back_and_respect_the_bound(text, max_chars):
    parts = split_for_nlp(text, max_chars)
    assert "".join(parts) == text
    assert all(len(p) <= max_chars for p in parts)
    assert all(parts) or parts == [""]


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=2000),
    name=st.sampled_from(
        ["a.txt", "a.json", "a.jsonl", "a.html", "a.txt.gz", "a.jsonl.bz2", "a.bin"]
    ),
)
def test_parse_file_never_raises_on_random_bytes(data, name):
    records = list(parse_file(f"/corpus/{name}", data, max_bytes=10_000))
    assert records
    for record in records:
        if is_error(record):
            assert record["error_type"] and record["message"]
        else:
            assert not is_blank(record["text"])
            record["text"].encode("utf-8")  # storable in Avro


json_line = st.one_of(
    st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False), st.text(min_size=1)),
    st.builds(lambda t: json.dumps({"text": t}), st.text(min_size=1)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
    st.sampled_from(['{"text": 1}', "[]", '{"body": "x y"}', "{", '{"text": "\\ud800 x"}']),
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(json_line, min_size=1, max_size=12))
def test_every_jsonl_line_is_one_record(lines):
    data = "\n".join(lines).encode("utf-8")
    records = list(parse_file("/corpus/a.jsonl", data))
    lines_read = re.split(r"\r\n|\r|\n", data.decode())
    units = [n for n, line in enumerate(lines_read, start=1) if line.strip()]
    if len(records) == 1 and records[0].get("line") is None:
        # a whole-file verdict: the file holds nothing visible, or too many control characters
        assert is_error(records[0])
        assert records[0]["error_type"] in {"empty_input", "binary"}
        return
    assert sorted(r["line"] for r in records) == units
