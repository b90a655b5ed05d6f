"""The HTML report without a browser: markup keeps the text exact, escapes it, fetches nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.report import (
    ENTITY,
    QUOTE,
    SPEAKER,
    Span,
    article_spans,
    load_corpus,
    markup,
    nest_spans,
    render_report,
)
from tests.test_inspect import article, write_table

VOID = {"meta", "input", "br", "img", "rect"}


class Checker(HTMLParser):
    """Collects text and checks that every element closes in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> Checker:
    checker = Checker()
    checker.feed(fragment)
    checker.close()
    assert checker.stack == [], f"unclosed {checker.stack}"
    return checker


def span(start, end, layer, name="x"):
    return Span(start, end, layer, f'<span class="{name}">')


spans_strategy = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from([QUOTE, SPEAKER, ENTITY])),
    max_size=12,
)


@given(text=st.text(alphabet="ab <>&\"'\n\u201c", min_size=0, max_size=40), raw=spans_strategy)
def test_markup_keeps_the_text_exact_and_well_nested(text, raw):
    spans = [span(min(a, b), max(a, b), layer) for a, b, layer in raw]
    html = markup(text, spans)
    assert "".join(parse(html).text) == text
    assert "<" not in re.sub(r"<(/?span)\b[^>]*>", "", html)  # text's own < is escaped


def test_a_quote_stays_one_element_when_an_entity_straddles_its_edge():
    text = "Said Ivan Chuviliaev today"
    nested = nest_spans([span(5, 20, ENTITY), span(0, 10, QUOTE)], len(text))
    assert [(s.start, s.end, s.layer) for s in nested] == [(0, 10, QUOTE), (5, 10, ENTITY),
                                                           (10, 20, ENTITY)]
    html = markup(text, [span(5, 20, ENTITY, "e"), span(0, 10, QUOTE, "q")])
    assert html.startswith('<span class="q">Said <span class="e">Ivan </span></span>')


def quote_row(**kw):
    row = {"quote_id": "q1", "article_id": "a", "kind": "DIRECT", "start": 0, "end": 1,
           "text": "", "speaker_start": None, "speaker_end": None, "speaker_text": None,
           "speaker_name": None, "cue_start": None, "cue_end": None, "cue_text": None,
           "sentence_start_index": 0, "sentence_end_index": 0}
    row.update(kw)
    return row


EVIL = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
        '"><b onmouseover=alert(1)>x</b> said, \u201cHello.\u201d')


def test_untrusted_text_and_names_are_escaped_everywhere():
    start = EVIL.index("Hello")
    quotes = [quote_row(start=start, end=start + 6, text="Hello.", speaker_start=0,
                        speaker_end=8, speaker_text=EVIL[:8],
                        speaker_name='"><script>alert(2)</script>', cue_start=EVIL.index("said"),
                        cue_end=EVIL.index("said") + 4, cue_text="said")]
    entities = [{"article_id": "a", "start": 0, "end": 8, "text": EVIL[:8],
                 "label": '"><script>', "sentence_index": 0, "canonical": "<i>x</i>"}]
    html = markup(EVIL, article_spans(quotes, entities))
    checker = parse(html)
    assert "".join(checker.text) == EVIL
    assert {tag for tag, _ in checker.tags} == {"span"}
    quote = next(a for t, a in checker.tags if "nb-quote" in a.get("class", ""))
    assert quote["data-speaker"] == '"><script>alert(2)</script>'
    ent = next(a for t, a in checker.tags if "nb-ent" in a.get("class", ""))
    assert ent["class"] == "nb-ent nb-ent-OTHER"  # an unknown label never becomes a class name


def test_report_page_is_self_contained(tmp_path):
    out = tmp_path / "out"
    write_table(out, "articles", [article("aaa111", EVIL, title="<script>t()</script>")])
    start = EVIL.index("Hello")
    write_table(out, "quotes", [quote_row(article_id="aaa111", start=start, end=start + 6,
                                          text="Hello.", speaker_name="Ann Lee")])
    for table in ("sentences", "entities", "errors"):
        write_table(out, table, [])
    page = render_report(load_corpus(str(out)))
    checker = parse(page)
    scripts = [a for t, a in checker.tags if t == "script"]
    assert len(scripts) == 1  # the report's own, nothing from the data
    for tag, attrs in checker.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, attrs)  # no external fetch
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
    csp = next(a["content"] for t, a in checker.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert "&lt;script&gt;t()&lt;/script&gt;" in page


def test_report_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "out"
    write_table(out, "articles", [article("aaa111", "Ann Lee said, \u201cHello.\u201d")])
    write_table(out, "quotes", [quote_row(article_id="aaa111", start=15, end=21, text="Hello.",
                                          speaker_name="Ann Lee")])
    page = tmp_path / "r.html"
    assert main(["report", str(out), "--out", str(page)]) == 0
    assert "1 articles" in capsys.readouterr().out
    text = page.read_text("utf-8")
    assert 'data-speaker="Ann Lee"' in text and ">Hello.</span>" in text


def test_report_command_refuses_a_folder_and_a_missing_output(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["report", str(tmp_path), "--out", str(tmp_path)])
    assert exc.value.code == 2
    assert "give a file name" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "r.html")]) == 2
    assert "no newsbeam tables" in capsys.readouterr().err


def test_top_speakers_come_from_the_speakers_table(tmp_path):
    # one identity under three written names, and quotes with no named speaker kept apart
    out = tmp_path / "out"
    text = "Trump said, \u201cA.\u201d He said, \u201cB.\u201d"
    write_table(out, "articles", [article("aaa111", text)])
    write_table(out, "quotes", [
        quote_row(quote_id="q1", article_id="aaa111", start=13, end=15, speaker_name="Trump",
                  speaker_type="PERSON", speaker_id="t"),
        quote_row(quote_id="q2", article_id="aaa111", start=28, end=30, speaker_text="He"),
    ])
    write_table(out, "speakers", [
        {"speaker_id": "t", "name": "Donald J. Trump", "type": "PERSON", "n_quotes": 3,
         "n_articles": 2, "variants": ["Donald J. Trump", "Donald Trump", "Trump"]},
        {"speaker_id": "c", "name": "Hillary Clinton", "type": "PERSON", "n_quotes": 1,
         "n_articles": 1, "variants": ["Hillary Clinton"]},
        {"speaker_id": "o", "name": "Obama", "type": "PERSON", "n_quotes": 1, "n_articles": 1,
         "variants": ["Obama"], "could_be": ["Barack Obama", "Michelle Obama"]},
    ])
    for table in ("sentences", "entities", "errors"):
        write_table(out, table, [])
    page = render_report(load_corpus(str(out)))
    top = page[page.index('class="nb-top-speakers"'):]
    top = top[: top.index("</table>")]
    assert top.index("Donald J. Trump") < top.index("Hillary Clinton")
    assert '<td class="n">3</td><td class="n">2</td>' in top
    assert "He" not in top and "unknown" not in top
    assert "1 of 2 quotes have no named speaker" in page
    assert "Obama (one article; Barack Obama or Michelle Obama?)" in top
