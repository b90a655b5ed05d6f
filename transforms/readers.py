"""Bytes of one input file -> article inputs or error records. Pure functions, no Beam.

Every input unit (a whole .txt/.html file, or one line of a .jsonl file, or one element of a
.json array) becomes exactly one article input or one error record, so nothing is lost silently.
"""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import io
import json
import os
import re
import stat
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple

from transforms.tables import error_record

COMPRESSIONS = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bzip2"}

#: Default bound on one input file's size after decompression (a gzip bomb stops here).
DEFAULT_MAX_ARTICLE_BYTES = 64 * 1024 * 1024

#: An HTML page whose extracted main text is shorter than this is an error, not an article.
MIN_HTML_WORDS = 5

_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published_at", "date")


class InputError(Exception):
    """An input unit that cannot become an article; ``reason`` is a stable error_type code."""

    def __init__(self, stage: str, reason: str, message: str):
        super().__init__(message)
        self.stage = stage
        self.reason = reason


@dataclass(frozen=True)
class FileKind:
    format: str | None  # None: not an article file (unknown extension)
    compression: str | None


def file_kind(path: str, format_override: str | None = None) -> FileKind:
    """Format and compression of ``path`` from its extensions (``x.jsonl.gz`` -> jsonl, gzip)."""
    name = path.rsplit("/", 1)[-1].lower()
    compression = None
    for ext, comp in COMPRESSIONS.items():
        if name.endswith(ext):
            compression, name = comp, name[: -len(ext)]
            break
    dot = name.rfind(".")
    fmt = format_override or (_EXTENSIONS.get(name[dot:]) if dot >= 0 else None)
    return FileKind(fmt, compression)


def decompress(data: bytes, compression: str | None, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes``; a bigger output (a gzip bomb) is an error, not a hang."""
    if len(data) > max_bytes:
        # ParseFile reads at most max_bytes + 1 bytes, so a longer file arrives cut: compressed,
        # it would otherwise look corrupt; either way it is bigger than the bound.
        raise InputError("read", "too_large", f"the file holds more than {max_bytes} bytes "
                         "(--max_article_bytes; raise it for genuinely large files)")
    if compression is None:
        return data
    buffer = io.BytesIO(data)
    try:
        stream = gzip.GzipFile(fileobj=buffer) if compression == "gzip" else bz2.BZ2File(buffer)
        with stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError("decode", "corrupt_compression", f"{compression}: {exc}") from None
    if len(out) > max_bytes:
        raise InputError(
            "decode", "too_large",
            f"more than {max_bytes} bytes after {compression} decompression "
            f"(--max_article_bytes; raise it for genuinely large files)",
        )
    return out


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode to text, returning ``(text, encoding)``.

    UTF-8 first (with or without BOM), UTF-16/32 by BOM, then cp1252 / latin-1 for the legacy
    files that still circulate (BBC's sport/199.txt is one). Binary content is refused rather
    than decoded into mojibake: any byte sequence decodes as latin-1, so a control-character
    check is what tells text from garbage.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise InputError("decode", "undecodable",
                                 f"invalid {encoding}: {exc.reason}") from None
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            return _check_text(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise InputError("decode", "undecodable", "not UTF-8, UTF-16/32 with BOM, cp1252 or latin-1")


def _check_text(text: str) -> str:
    sample = text[:65536]
    if not sample:
        return text
    controls = sum(
        1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v"
    )
    if "\x00" in sample or controls / len(sample) > 0.01:
        raise InputError("decode", "binary", f"{controls} control characters in the first "
                         f"{len(sample)}: binary data, not text")
    return text


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing visible: whitespace and zero-width (Cf) characters only."""
    return not any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _is_valid_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


JSONL_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TITLE_END = re.compile(r"[.!?:;,]$")


def split_title(text: str) -> str | None:
    """The first line as title when it is short, unpunctuated and followed by a blank line."""
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > 150 or _TITLE_END.search(first):
        return None
    if not re.match(r"[ \t\r]*\n", rest):
        return None
    return first


def parse_date(value: str | None) -> int | None:
    """Microseconds since the epoch (UTC) for common date formats, None when unparseable."""
    if not value:
        return None
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        for fmt in ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d"):
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        if parsed is None:
            try:
                parsed = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp() * 1_000_000)


def article_input(
    source_uri: str, fmt: str, encoding: str, text: str, *, line: int | None = None,
    external_id: str | None = None, url: str | None = None, title: str | None = None,
    published_at_raw: str | None = None,
) -> dict[str, Any]:
    if is_blank(text):
        raise InputError("parse", "empty_text", "the article has no text")
    for name, value in (("text", text), ("title", title), ("url", url), ("id", external_id),
                        ("date", published_at_raw)):
        if value is not None and not _is_valid_unicode(value):
            # only JSON "\ud800" escapes get here; Avro (UTF-8) cannot store a lone surrogate
            raise InputError("parse", "invalid_text",
                             f"field {name!r} holds a lone surrogate, not valid Unicode text")
    return {
        "source_uri": source_uri, "line": line, "format": fmt, "encoding": encoding, "text": text,
        "external_id": external_id, "url": url, "title": title,
        "published_at_raw": published_at_raw, "published_at": parse_date(published_at_raw),
    }


def _json_article(
    source_uri: str, fmt: str, encoding: str, obj: Any, line: int | None
) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise InputError("parse", "invalid_record",
                         f"expected a JSON object, got {type(obj).__name__}")
    text_field = next((f for f in _TEXT_FIELDS if obj.get(f) is not None), None)
    if text_field is None:
        raise InputError("parse", "no_text", f"none of the fields {', '.join(_TEXT_FIELDS)}")
    fields: dict[str, Any] = {"text": obj[text_field]}
    for name in ("title", "url"):
        fields[name] = obj.get(name)
    fields["date"] = next((obj[f] for f in _DATE_FIELDS if obj.get(f) is not None), None)
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise InputError("parse", "invalid_field",
                             f"field {name!r} must be a string, got {type(value).__name__}")
    ext_id = obj.get("id")
    if isinstance(ext_id, bool) or not isinstance(ext_id, str | int | None):
        raise InputError("parse", "invalid_field",
                         f"field 'id' must be a string or integer, got {type(ext_id).__name__}")
    return article_input(
        source_uri, fmt, encoding, fields["text"], line=line,
        external_id=None if ext_id is None else str(ext_id), url=fields["url"],
        title=fields["title"], published_at_raw=fields["date"],
    )


# trafilatura's date search (htmldate) with its defaults, but asked for the time and zone too:
# by default it keeps only the day ("2026-05-08T22:10:00Z" became 2026-05-08 00:00).
_HTML_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_DATE_ATTRIBUTE = re.compile(r"""\b(?:content|datetime)\s*=\s*["']([^"'<>]{8,40})["']""", re.I)


def _html_date_params() -> dict[str, Any]:
    from trafilatura.settings import set_date_params

    return {**set_date_params(), "outputformat": _HTML_DATE_FORMAT}


def html_published_raw(html: str, found: str | None) -> str | None:
    """The page's own spelling of the publication date that trafilatura ``found``.

    A ``content``/``datetime`` attribute (``article:published_time``, ``<time datetime>``)
    that means the same instant is the raw value, exactly as written; a date found in the text
    or the URL has no such spelling, so the day alone (or with the time, when there was one).
    """
    if not found:
        return None
    instant = parse_date(found)
    for candidate in _DATE_ATTRIBUTE.findall(html):
        if any(c.isdigit() for c in candidate) and parse_date(candidate) == instant:
            return candidate.strip()
    return found[:10] if found[10:] in ("T00:00:00+0000", "") else found


def parse_html(source_uri: str, encoding: str, html: str) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False,
                                      date_extraction_params=_html_date_params())
    text = getattr(doc, "text", None) if doc is not None else None
    # trafilatura falls back to whatever text a page has (a menu, a cookie banner): a few words
    # are not an article.
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise InputError("parse", "no_main_text",
                         f"no main text in the HTML (fewer than {MIN_HTML_WORDS} words extracted)")
    return article_input(source_uri, "html", encoding, text, url=getattr(doc, "url", None),
                         title=getattr(doc, "title", None),
                         published_at_raw=html_published_raw(html, getattr(doc, "date", None)))


def parse_file(
    source_uri: str, data: bytes, format_override: str | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> Iterator[dict[str, Any]]:
    """Yield article inputs and error records (``"error_type" in record``) for one file."""
    kind = file_kind(source_uri, format_override)
    try:
        if kind.format is None:
            raise InputError("read", "unsupported_format",
                             "unknown extension; name the format with --format")
        raw = decompress(data, kind.compression, max_bytes)
        if not raw.strip():
            raise InputError("read", "empty_input", "the file is empty or whitespace only")
        text, encoding = decode_bytes(raw)
        if is_blank(text):
            raise InputError("read", "empty_input", "the file is empty or whitespace only")
        yield from INPUT_FORMATS[kind.format].parse(source_uri, encoding, text)
    except InputError as exc:
        yield error_record(source_uri, exc.stage, exc.reason, str(exc))


def dangling_links(pattern: str) -> list[str]:
    """Broken symbolic links that a local ``pattern`` matches.

    Beam's local match lists a file by its size, and a link to nothing has none, so it drops
    such a link without a word; listed here, it becomes an error row like any unreadable input.
    """
    if "://" in pattern:
        return []
    return [path for path in glob.iglob(pattern, recursive=True)
            if os.path.islink(path) and not os.path.exists(path)]


def not_a_regular_file(path: str) -> InputError | None:
    """Why a local ``path`` cannot be read as a file, or None (also for gs:// and other remote
    paths, which are always objects).

    Opening a named pipe blocks until something writes to it (a run would wait forever), a
    socket or a device is not an article, and a broken symbolic link has nothing behind it:
    each becomes one ``read/not_a_file`` error row instead.
    """
    if "://" in path and not path.startswith("file://"):
        return None
    local = path.removeprefix("file://")
    try:
        mode = os.stat(local).st_mode
    except FileNotFoundError:
        if os.path.islink(local):
            return InputError("read", "not_a_file", "a broken symbolic link (it points to "
                              f"{os.readlink(local)!r}, which does not exist)")
        return None  # gone since it was listed: opening it reports that
    except OSError:
        return None  # e.g. a permission problem: opening it reports that
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISDIR, "a directory"))
    what = next((name for test, name in kinds if test(mode)), "not a regular file")
    return InputError("read", "not_a_file", f"{what}, not a regular file: nothing was read")


def parse_jsonl_range(
    source_uri: str, data: bytes, first_line: int, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> Iterator[dict[str, Any]]:
    """Like ``parse_file`` for whole lines cut from an uncompressed JSONL file
    (transforms/jsonl_ranges.py); its first line is line ``first_line`` of the file. Blank
    ranges yield nothing: the file as a whole is not empty."""
    try:
        if len(data) > max_bytes:
            raise InputError("read", "too_large",
                             f"a line holds more than {max_bytes} bytes "
                             "(--max_article_bytes; raise it for genuinely large records)")
        text, encoding = decode_bytes(data)
        yield from _parse_jsonl(source_uri, encoding, text, first_line)
    except InputError as exc:
        yield error_record(source_uri, exc.stage, exc.reason, str(exc), line=first_line)


def _parse_jsonl(
    source_uri: str, encoding: str, text: str, first_line: int = 1
) -> Iterator[dict[str, Any]]:
    # Lines end at \n, \r\n or \r only: str.splitlines would also cut at U+2028, U+0085 and
    # friends, which JSON allows unescaped inside strings, turning one record into broken ones.
    for number, line in enumerate(JSONL_LINE_BREAK.split(text), start=first_line):
        if not line.strip():
            continue
        try:
            yield _json_article(source_uri, "jsonl", encoding, _load_json(line), number)
        except InputError as exc:
            yield error_record(source_uri, exc.stage, exc.reason, str(exc), line=number)


def _parse_json(source_uri: str, encoding: str, text: str) -> Iterator[dict[str, Any]]:
    obj = _load_json(text)
    if obj == []:
        raise InputError("parse", "empty_input", "the JSON array holds no records")
    items = obj if isinstance(obj, list) else [obj]
    for number, item in enumerate(items, start=1):
        try:
            yield _json_article(source_uri, "json", encoding, item,
                                number if isinstance(obj, list) else None)
        except InputError as exc:
            yield error_record(source_uri, exc.stage, exc.reason, str(exc),
                               line=number if isinstance(obj, list) else None)


def _load_json(text: str) -> Any:
    """``json.loads``, with every way input can break it mapped to ``invalid_json``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("parse", "invalid_json",
                         # exc.msg can end in "at" ("Unterminated string starting at")
                         f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError("parse", "invalid_json", "nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError("parse", "invalid_json", str(exc)[:200]) from None


def _parse_txt(source_uri: str, encoding: str, text: str) -> Iterator[dict[str, Any]]:
    yield article_input(source_uri, "txt", encoding, text, title=split_title(text))


def _parse_html(source_uri: str, encoding: str, text: str) -> Iterator[dict[str, Any]]:
    yield parse_html(source_uri, encoding, text)


class InputFormat(NamedTuple):
    """How one input format is read: ``parse(source_uri, encoding, text)`` yields its article
    inputs and error records; ``one_per_file`` formats are one input unit per file (counted
    without reading them); ``extensions`` name the format (``x.jsonl.gz`` -> jsonl)."""

    parse: Callable[[str, str, str], Iterator[dict[str, Any]]]
    one_per_file: bool
    extensions: tuple[str, ...]


#: Format name -> how to read it: the one map that reading, ``--format`` and the progress count
#: follow.
INPUT_FORMATS: dict[str, InputFormat] = {
    "txt": InputFormat(_parse_txt, True, (".txt", ".text")),
    "json": InputFormat(_parse_json, False, (".json",)),
    "jsonl": InputFormat(_parse_jsonl, False, (".jsonl", ".ndjson")),
    "html": InputFormat(_parse_html, True, (".html", ".htm")),
}
FORMATS = tuple(INPUT_FORMATS)
_EXTENSIONS = {ext: name for name, fmt in INPUT_FORMATS.items() for ext in fmt.extensions}
