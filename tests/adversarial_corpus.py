"""An adversarial corpus of news input, generated into a folder (never downloaded or committed).

Each :class:`Case` is one input file plus what must come out of it: how many ``articles`` rows
and the ``error_type`` of each ``errors`` row. ``inputs = articles + errors`` per file is the
accounting the tests check against the Avro read back, so a lost or duplicated row shows up as
a count that does not match.
"""

from __future__ import annotations

import bz2
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

# A distinctive sentence that must never reach a log line (see test_security).
SECRET_SENTENCE = "The zebra-striped heron negotiated quietly with the Lisbon harbourmaster."

GOOD_PARAGRAPH = (
    "The city council approved the new harbour budget on Tuesday. "
    "\u201cWe have waited ten years for this,\u201d said Maria Lopez, the harbour director. "
    "Critics argued that the plan ignores the fishing fleet, according to a local newspaper."
)


@dataclass(frozen=True)
class Case:
    kind: str  # the adversarial kind, as reported in docs/reliability.md
    name: str  # file name inside the corpus folder
    data: bytes
    articles: int = 0  # articles rows this file must produce
    errors: tuple[str, ...] = ()  # error_type of each errors row it must produce
    text: str | None = None  # for single-article files: the exact text the row must hold
    encoding: str | None = None  # for single-article files: the encoding recorded
    language: str | None = None  # for single-article files: the language recorded, if checked

    @property
    def inputs(self) -> int:
        return self.articles + len(self.errors)


def long_article(min_chars: int) -> str:
    """Paragraphs of varied sentences, longer than ``min_chars`` (spaCy's max_length is 1e6).

    Few names on purpose: entity canonicalisation is quadratic in the number of mentions (see
    docs/reliability.md), and this case is about the length limit, not about entity density.
    """
    rng = random.Random(7)
    nouns = [
        "committee",
        "infrastructure",
        "administration",
        "consultation",
        "programme",
        "environment",
        "neighbourhood",
        "transportation",
        "regulation",
        "investment",
    ]
    verbs = ["reviewed", "postponed", "considered", "financed", "criticised", "approved"]
    paragraphs, size, n = [], 0, 0
    while size < min_chars:
        sents = []
        for _ in range(rng.randint(2, 5)):
            n += 1
            sents.append(
                f"The {rng.choice(nouns)} {rng.choice(verbs)} the extraordinary "
                f"{rng.choice(nouns)} proposals for the {rng.choice(nouns)} again."
            )
        if n % 40 < 5:
            sents.append(f"\u201cUpdate {n} is final,\u201d said Maria Lopez.")
        para = " ".join(sents)
        paragraphs.append(para)
        size += len(para) + 1
    return "\n".join(paragraphs)


def unmatched_quotes(n: int) -> str:
    """``n`` opening quote marks that never close, in one paragraph."""
    return "".join(f"Speaker{i % 7} said \u201c hello there " for i in range(n)).rstrip()


def one_line_without_punctuation(min_chars: int) -> str:
    rng = random.Random(11)
    words = [
        "harbourmaster",
        "councillors",
        "infrastructure",
        "reconstruction",
        "waterfront",
        "administration",
        "neighbourhood",
        "consultation",
    ]
    out, size = [], 0
    while size < min_chars:
        w = rng.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


NESTED_QUOTES = (
    "\u201cShe told me \u2018never again\u2019 and then \u201cmaybe\u201d,\u201d said the mayor.\n"
    'The minister said: \u201cWe will \u2018consider\u2019 it\u201d and "perhaps\u201d not.\n'
    "\u201cCrossed \u2018quotes\u201d here\u2019 are \u00abmixed\u201d, he added.\n"
    "\u201cA quotation that never closes, said the spokesman for the port authority.\n"
    "\u201cIt continues into the next paragraph,\u201d he said. ``Old style,'' she replied.\n"
)

SCRIPTS = (
    "The delegation from Tel Aviv said the talks went well.\n"
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd, \u05d0\u05de\u05e8 \u05d4\u05e9\u05e8. "
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 "
    "\u0642\u0627\u0644.\n"
    "\u5317\u4eac\u5e02\u653f\u5e9c\u4eca\u5929\u5ba3\u5e03\u4e86\u65b0\u7684\u8ba1\u5212\u3002"
    "\u300c\u6211\u4eec\u4f1a\u52aa\u529b\u300d\uff0c\u5e02\u957f\u8bf4\u3002\n"
    "Zero\u200bwidth\u200c joiners\u200d and a word\u2060joiner, "
    "an RTL override \u202eevil\u202c and a BOM\ufeff mid-text, said Anna M\u00fcller.\n"
    "Emoji \U0001f600 and combining e\u0301 marks: \u201cfine\u201d, she said.\n"
)

GERMAN = (
    "Die Stadt hat am Dienstag den neuen Haushalt f\u00fcr den Hafen beschlossen. "
    "Der B\u00fcrgermeister sagte, dass die Fischer nicht vergessen werden und dass die "
    "Arbeiten im Fr\u00fchjahr beginnen. Die Kritiker sind mit dem Plan nicht zufrieden, "
    "denn er ist zu teuer und kommt zu sp\u00e4t f\u00fcr die Menschen im Hafen.\n"
)


# Entity tricks an XML parser might expand: a billion laughs, and a local file read.
XML_ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 2 else b"&lol;") * 10)
        for i in range(2, 9)
    )
    + b"]><html><body><article><p>&lol8; said the council about the harbour plan today.</p>"
    b"</article></body></html>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b"<html><body><article><p>The council said &xxe; today about the harbour.</p>"
    b"</article></body></html>"
)


def _jsonl(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_cases(
    latin1_file: Path | None,
    *,
    long_chars: int = 1_050_000,
    line_chars: int = 1_000_000,
    n_quotes: int = 10_000,
    bomb_bytes: int = 80 * 1024 * 1024,
) -> list[Case]:
    """Every adversarial case. Sizes are parameters so unit tests can build small variants."""
    good = GOOD_PARAGRAPH
    rng = random.Random(1234)
    garbage = bytes(rng.randrange(256) for _ in range(4096))
    long_text = long_article(long_chars)
    line_text = one_line_without_punctuation(line_chars)
    quotes_text = unmatched_quotes(n_quotes)
    utf16_text = (
        "\u201cUTF-16 is still out there,\u201d said the archivist in Z\u00fcrich.\n" + good
    )
    gz_ok = gzip.compress((good + "\n").encode("utf-8"))
    cases = [
        Case("empty file", "empty.txt", b"", errors=("empty_input",)),
        Case(
            "whitespace-only file",
            "whitespace.txt",
            b" \n\t\r\n \xc2\xa0 \n",
            errors=("empty_input",),
        ),
        Case(
            "zero-width characters only",
            "zero_width_only.txt",
            "\u200b\u200c\u200d\ufeff\u2060\n".encode(),
            errors=("empty_input",),
        ),
        Case("empty gzip", "empty.txt.gz", gzip.compress(b""), errors=("empty_input",)),
        Case("blank JSONL", "blank_lines.jsonl", b"\n  \n\r\n", errors=("empty_input",)),
        Case("binary garbage", "garbage.txt", garbage, errors=("binary",)),
        Case(
            "binary garbage, unknown extension",
            "garbage.bin",
            garbage,
            errors=("unsupported_format",),
        ),
        Case(
            "invalid UTF-8 (legacy fallback)",
            "invalid_utf8.txt",
            b"The caf\xc3\xa9 owners said the terrace plan \xff\xfe is unfair to them.\n",
            articles=1,
            encoding="cp1252",
            text="The caf\u00c3\u00a9 owners said the terrace plan \u00ff\u00fe is unfair to "
            "them.\n",
        ),
        Case(
            "invalid UTF-8 after a UTF-8 BOM",
            "bom_invalid_utf8.txt",
            b"\xef\xbb\xbfThe mayor \xff\xfe said no.\n",
            errors=("undecodable",),
        ),
        Case(
            "UTF-16 with BOM",
            "utf16_bom.txt",
            utf16_text.encode("utf-16"),
            articles=1,
            text=utf16_text,
            encoding="utf-16",
        ),
        Case(
            "UTF-16 without BOM",
            "utf16_no_bom.txt",
            utf16_text.encode("utf-16-le"),
            errors=("binary",),
        ),
        Case(
            "longer than spaCy's max_length",
            "long_article.txt",
            long_text.encode(),
            articles=1,
            text=long_text,
        ),
        Case(
            "gzip bomb",
            "bomb.txt.gz",
            gzip.compress(b"A" * bomb_bytes, compresslevel=9),
            errors=("too_large",),
        ),
        Case(
            "truncated gzip",
            "truncated.txt.gz",
            gz_ok[: len(gz_ok) // 2],
            errors=("corrupt_compression",),
        ),
        Case(
            "not gzip despite .gz",
            "not_gzip.txt.gz",
            good.encode(),
            errors=("corrupt_compression",),
        ),
        Case(
            "bzip2 article", "article.txt.bz2", bz2.compress(good.encode()), articles=1, text=good
        ),
        Case(
            "JSONL with malformed lines",
            "mixed.jsonl",
            _jsonl(
                [
                    json.dumps({"id": "a1", "text": good}),
                    '{"id": "a2", "text": "unterminated',
                    "",
                    json.dumps({"id": "a3", "text": "A second good article. " + good}),
                    "[1, 2]",
                    json.dumps({"title": "no text field"}),
                    json.dumps({"text": 42}),
                    json.dumps({"text": "   \n "}),
                    '{"id": 1' + "0" * 5000 + ', "text": "huge integer id"}',
                    json.dumps({"id": "a4", "text": "A third good article. " + good}),
                    '{"text": "lone surrogate \\ud800 in the text"}',
                ]
            ),
            articles=3,
            errors=(
                "invalid_json",
                "invalid_record",
                "no_text",
                "invalid_field",
                "empty_text",
                "invalid_json",
                "invalid_text",
            ),
        ),
        Case(
            "JSONL with Unicode line separators inside strings",
            "separators.jsonl",
            _jsonl(
                [
                    json.dumps(
                        {"text": "Line\u2028separator and next\x85line. " + good},
                        ensure_ascii=False,
                    ),
                    json.dumps(
                        {"text": "Paragraph\u2029separator and group\x1dseparator. " + good},
                        ensure_ascii=False,
                    ),
                ]
            ),
            articles=2,
        ),
        Case(
            "JSONL with CR-only line endings",
            "cr_only.jsonl",
            "\r".join(
                json.dumps({"id": f"cr{i}", "text": f"Old Mac file {i}. " + good}) for i in range(2)
            ).encode(),
            articles=2,
        ),
        Case(
            "JSON with fields of the wrong type",
            "wrong_types.json",
            json.dumps(
                [
                    {"text": 123},
                    {"text": good, "title": ["not", "a", "string"]},
                    {"text": good, "published_at": 20240101},
                    {"text": good, "id": {"nested": 1}},
                    {"text": good, "id": True},
                    {"text": good, "url": 3.5},
                    "just a string",
                    {"text": "The only good one. " + good, "id": 7, "title": "Fine"},
                ]
            ).encode(),
            articles=1,
            errors=("invalid_field",) * 6 + ("invalid_record",),
        ),
        Case("empty JSON array", "empty_array.json", b"[]", errors=("empty_input",)),
        Case(
            "truncated JSON", "truncated.json", b'{"text": "the council', errors=("invalid_json",)
        ),
        Case(
            "deeply nested JSON",
            "deep.json",
            b"[" * 200_000 + b"]" * 200_000,
            errors=("invalid_json",),
        ),
        Case(
            "HTML with no main text",
            "no_main_text.html",
            b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
            b"<a href='/news'>News</a></nav><script>var x = '<p>not text</p>';</script>"
            b"</body></html>",
            errors=("no_main_text",),
        ),
        Case(
            "HTML nested 100,000 elements deep",
            "deep.html",
            b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
            errors=("no_main_text",),
        ),
        Case(
            "HTML with an XML entity bomb",
            "entity_bomb.html",
            XML_ENTITY_BOMB,
            errors=("no_main_text",),
        ),
        Case("HTML with an external entity (XXE)", "xxe.html", XXE, errors=("no_main_text",)),
        Case(
            "10,000 unmatched quote marks",
            "unmatched_quotes.txt",
            quotes_text.encode(),
            articles=1,
            text=quotes_text,
        ),
        Case(
            "nested and crossed quotes",
            "nested_quotes.txt",
            NESTED_QUOTES.encode(),
            articles=1,
            text=NESTED_QUOTES,
        ),
        Case(
            "RTL, CJK and zero-width characters",
            "scripts.txt",
            SCRIPTS.encode(),
            articles=1,
            text=SCRIPTS,
        ),
        Case(
            "1 MB line without punctuation",
            "one_megabyte_line.txt",
            line_text.encode(),
            articles=1,
            text=line_text,
        ),
        Case(
            "non-English article",
            "german.txt",
            GERMAN.encode(),
            articles=1,
            text=GERMAN,
            language="de",
        ),
        Case(
            "CRLF line endings",
            "crlf.txt",
            (good + "\r\n\r\n" + good + "\r\n").encode(),
            articles=1,
            text=good + "\r\n\r\n" + good + "\r\n",
        ),
        Case(
            "control characters (binary)",
            "bells.txt",
            ("\x07" * 50 + good).encode(),
            errors=("binary",),
        ),
        Case("gzip article", "article.txt.gz", gz_ok, articles=1, text=good + "\n"),
        Case("duplicate content, file A", "dup_a.txt", good.encode(), articles=1, text=good),
        Case("duplicate content, file B", "dup_b.txt", good.encode(), articles=1, text=good),
        Case(
            "template and code in fields",
            "injection.jsonl",
            _jsonl(
                [
                    json.dumps(
                        {
                            "id": "../../etc",
                            "title": "{{7*7}}",
                            "text": "__import__('os').system('echo pwned') {{7*7}} ${7*7} "
                            "%(x)s <script>alert(1)</script>. " + SECRET_SENTENCE,
                        }
                    ),
                ]
            ),
            articles=1,
        ),
    ]
    if latin1_file is not None:
        data = latin1_file.read_bytes()
        cases.append(
            Case(
                "latin-1 (BBC sport/199)",
                "bbc_sport_199_latin1.txt",
                data,
                articles=1,
                text=data.decode("cp1252"),
                encoding="cp1252",
            )
        )
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


def write_corpus(directory: Path, cases: list[Case]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for case in cases:
        (directory / case.name).write_bytes(case.data)
