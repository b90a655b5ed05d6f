"""`newsbeam report OUTPUT --out report.html`: one self-contained HTML page of a run's results.

Corpus figures (top speakers, top entities, quotes per article, as tables and inline SVG charts)
and every article's text with its quotes, speakers, cues and entities marked, in the manner of
spaCy's displaCy. The page fetches nothing: CSS, script and charts are inline, and its Content
Security Policy forbids any load. Article text is untrusted input: every value is HTML-escaped,
and the policy lets only the report's own script (by hash) run, so an escaping slip still could
not execute injected script.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from string import Template
from typing import Any

from pipeline.summary import Summary, read_table, summarize
from transforms.tables import REGISTRY

# displaCy's palette for the OntoNotes labels, so the colours read the same as in spaCy's docs.
ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561",
    "NORP": "#c887fb", "FAC": "#9cc9cc", "EVENT": "#ffeb80", "PRODUCT": "#bfeeb7",
    "WORK_OF_ART": "#f0d0ff", "LAW": "#ff8197", "LANGUAGE": "#ff8197", "DATE": "#bfe1d9",
    "TIME": "#bfe1d9", "MONEY": "#e4e7d2", "PERCENT": "#e4e7d2", "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2", "CARDINAL": "#e4e7d2",
}
OTHER_COLOUR = "#dddddd"

# Nesting order when spans share text: a quote holds speakers, cues and entities; a speaker
# mention holds entities ("Ivan Chuviliaev" is both).
QUOTE, SPEAKER, CUE, ENTITY = range(4)

SCRIPT = """
(function () {
  var body = document.body;
  var articles = Array.prototype.slice.call(document.querySelectorAll('.nb-article'));
  var count = document.getElementById('nb-count');
  function show() {
    var shown = articles.filter(function (a) { return !a.classList.contains('nb-hidden'); });
    count.textContent = shown.length + ' of ' + articles.length + ' articles shown';
  }
  document.getElementById('nb-filter').addEventListener('input', function (e) {
    var needle = e.target.value.toLowerCase();
    articles.forEach(function (a) {
      a.classList.toggle('nb-hidden', needle !== '' &&
        a.textContent.toLowerCase().indexOf(needle) < 0);
    });
    show();
  });
  document.getElementById('nb-toggle-ents').addEventListener('change', function (e) {
    body.classList.toggle('nb-no-ents', !e.target.checked);
  });
  document.getElementById('nb-toggle-quotes').addEventListener('change', function (e) {
    body.classList.toggle('nb-no-quotes', !e.target.checked);
  });
  show();
})();
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="write a self-contained HTML report of a run's output",
        description="Write one static HTML file (no network fetches) showing a run's output: "
        "corpus figures and charts, and each article's text with quotes, speakers, reporting "
        "cues and entities highlighted. Hover a speaker to see the resolved speaker name.",
        epilog="example: newsbeam report out/ --out report.html",
    )
    parser.add_argument("output", metavar="OUTPUT", help="the --output of a newsbeam run "
                        "(local folder or gs:// prefix)")
    parser.add_argument("--out", default="report.html", metavar="FILE",
                        help="the HTML file to write, local or gs:// (default: report.html)")
    parser.add_argument("--max_articles", type=int, default=200, metavar="N",
                        help="show the text of at most N articles, in source order (default: "
                        "200; 0 shows all); the corpus figures always count every article")
    parser.add_argument("--top", type=int, default=15, metavar="N",
                        help="rows in the top speakers and top entities tables (default: 15)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from apache_beam.io.filesystems import FileSystems

    if args.max_articles < 0:
        parser.error(f"--max_articles must be 0 (all) or more, got {args.max_articles}")
    if args.top < 1:
        parser.error(f"--top must be at least 1, got {args.top}")
    if args.out.endswith("/") or ("://" not in args.out and _is_dir(args.out)):
        parser.error(f"--out {args.out!r} is a folder; give a file name, e.g. "
                     f"--out {args.out.rstrip('/')}/report.html")
    corpus = load_corpus(args.output)
    if not any(corpus.summary.files.values()):
        print(f"newsbeam: error: no newsbeam tables under {args.output}: give the folder "
              "that a `newsbeam run` wrote with --output, not its input", file=sys.stderr)
        return 2
    page = render_report(corpus, max_articles=args.max_articles, top=args.top)
    with FileSystems.create(args.out, mime_type="text/html") as f:
        f.write(page.encode("utf-8"))
    shown = min(len(corpus.articles), args.max_articles or len(corpus.articles))
    print(f"wrote {args.out}: {len(corpus.articles):,} articles ({shown:,} shown), "
          f"{corpus.summary.rows.get('quotes', 0):,} quotes")
    return 0


def _is_dir(path: str) -> bool:
    import os

    return os.path.isdir(path)


# ---------------------------------------------------------------------------------------------
# Reading the output


@dataclass
class Corpus:
    summary: Summary
    articles: list[dict[str, Any]]
    quotes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    speakers: list[dict[str, Any]] = field(default_factory=list)


def load_corpus(output: str) -> Corpus:
    summary = summarize(output)
    articles = sorted(read_table(output, "articles"),
                      key=lambda a: (a["source_uri"], a.get("line") or 0, a["article_id"]))
    quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in read_table(output, "quotes"):
        quotes[q["article_id"]].append(q)
    entities: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in read_table(output, "entities"):
        entities[e["article_id"]].append(e)
    speakers = list(read_table(output, "speakers"))
    return Corpus(summary, articles, dict(quotes), dict(entities), speakers)


def _speaker_label(speaker: dict[str, Any]) -> str:
    # A name kept to one article because the run has several people of that surname says so,
    # or the chart would list "Obama" ten times with no reason given.
    could_be = speaker.get("could_be") or []
    if not could_be:
        return speaker["name"]
    return f"{speaker['name']} (one article; {' or '.join(could_be)}?)"


def top_speakers(corpus: Corpus, top: int) -> list[tuple[str, str, int, int]]:
    """(name, type, quotes, articles) of the most quoted speaker identities.

    From the ``speakers`` table (one identity across the run: "Trump" and "Donald J. Trump"
    counted once); an output written before that table existed falls back to counting
    ``speaker_name``. Quotes without a named speaker are not a speaker ("he", "who"): the
    report counts them apart.
    """
    if corpus.speakers:
        rows = [(_speaker_label(s), s["type"], s["n_quotes"], s["n_articles"])
                for s in corpus.speakers]
    else:
        quotes = Counter()
        articles: dict[str, set[str]] = defaultdict(set)
        for aid, qs in corpus.quotes.items():
            for q in qs:
                if q.get("speaker_name"):
                    quotes[q["speaker_name"]] += 1
                    articles[q["speaker_name"]].add(aid)
        rows = [(name, "", n, len(articles[name])) for name, n in quotes.items()]
    return sorted(rows, key=lambda r: (-r[2], -r[3], r[0]))[:top]


def speaker_of(quote: dict[str, Any]) -> str | None:
    return quote.get("speaker_name") or quote.get("speaker_text")


# ---------------------------------------------------------------------------------------------
# Marking up one article's text


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: int
    open_tag: str


def nest_spans(spans: list[Span], length: int) -> list[Span]:
    """Spans that nest properly (any two are disjoint or one holds the other).

    Layers in order: spans of one layer that overlap are clipped (first one wins); a span is cut
    wherever a span of an earlier layer starts or ends inside it, so a quote is never broken by
    an entity that straddles its edge: the entity is drawn in two pieces instead.
    """
    kept: list[Span] = []
    for layer in sorted({s.layer for s in spans}):
        cuts = sorted({b for s in kept for b in (s.start, s.end)})
        last_end = 0
        for span in sorted((s for s in spans if s.layer == layer), key=lambda s: (s.start, -s.end)):
            start, end = max(span.start, last_end, 0), min(span.end, length)
            if start >= end:
                continue
            last_end = end
            bounds = [start, *(c for c in cuts if start < c < end), end]
            kept.extend(Span(a, b, layer, span.open_tag)
                        for a, b in zip(bounds, bounds[1:], strict=False))
    return kept


def markup(text: str, spans: list[Span]) -> str:
    """``text`` HTML-escaped, with ``spans`` as elements (each span's own open tag)."""
    ordered = sorted(nest_spans(spans, len(text)), key=lambda s: (s.start, -s.end, s.layer))
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(esc(text[pos : top.end]))
            out.append("</span>")
            pos = top.end

    for span in ordered:
        close_until(span.start)
        out.append(esc(text[pos : span.start]))
        out.append(span.open_tag)
        pos = span.start
        stack.append(span)
    close_until(len(text))
    out.append(esc(text[pos:]))
    return "".join(out)


def _label_class(label: str) -> str:
    return label if label in ENTITY_COLOURS else "OTHER"


def article_spans(quotes: list[dict[str, Any]], entities: list[dict[str, Any]]) -> list[Span]:
    spans: list[Span] = []
    attribution: dict[tuple[int, int, int], list[str]] = defaultdict(list)
    for q in quotes:
        who = speaker_of(q)
        title = (f"{q['kind']} quote · speaker: {who or 'unknown'}"
                 + (f" (written “{q['speaker_text']}”)" if q.get("speaker_text")
                    and q.get("speaker_text") != who else "")
                 + (f" · cue: {q['cue_text']}" if q.get("cue_text") else ""))
        spans.append(Span(q["start"], q["end"], QUOTE,
                          f'<span class="nb-quote nb-kind-{esc(q["kind"]).lower()}" '
                          f'id="q-{esc(q["quote_id"])}" data-quote-id="{esc(q["quote_id"])}" '
                          f'data-kind="{esc(q["kind"])}" data-speaker="{esc(who or "")}" '
                          f'title="{esc(title)}">'))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            attribution[(q["speaker_start"], q["speaker_end"], SPEAKER)].append(who or "")
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            attribution[(q["cue_start"], q["cue_end"], CUE)].append(who or "")
    # One speaker mention can introduce several quotes ("Whitby said ... and added ..."); it is
    # drawn once, naming every speaker it was resolved to.
    for (start, end, layer), names in attribution.items():
        who = ", ".join(dict.fromkeys(n for n in names if n)) or "unknown"
        if layer == SPEAKER:
            tag = (f'<span class="nb-speaker" data-speaker="{esc(who)}" '
                   f'title="speaker: {esc(who)}">')
        else:
            tag = f'<span class="nb-cue" title="reporting cue · speaker: {esc(who)}">'
        spans.append(Span(start, end, layer, tag))
    for e in entities:
        label = _label_class(e["label"])
        title = e["label"] + (f" · {e['canonical']}" if e.get("canonical")
                              and e["canonical"] != e["text"] else "")
        spans.append(Span(e["start"], e["end"], ENTITY,
                          f'<span class="nb-ent nb-ent-{label}" data-label="{esc(e["label"])}" '
                          f'title="{esc(title)}">'))
    return spans


# ---------------------------------------------------------------------------------------------
# Charts and tables


def bar_chart(items: list[tuple[str, int]], title: str,
              colours: dict[str, str] | None = None, colour: str = "#4c78a8") -> str:
    """A horizontal bar chart as inline SVG (labels escaped, long ones cut)."""
    if not items:
        return f'<p class="nb-note">{esc(title)}: none</p>'
    bar_h, gap, label_w, plot_w = 16, 5, 190, 300
    height = len(items) * (bar_h + gap) + 4
    width = label_w + plot_w + 60
    top = max(n for _, n in items) or 1
    rows = []
    for i, (label, n) in enumerate(items):
        y = i * (bar_h + gap) + 2
        w = max(1.0, n / top * plot_w)
        shown = label if len(label) <= 26 else label[:25] + "…"
        fill = (colours or {}).get(label, colour)
        rows.append(
            f'<text x="{label_w - 6}" y="{y + bar_h - 4}" text-anchor="end">{esc(shown)}'
            f"<title>{esc(label)}</title></text>"
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{esc(fill)}"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + bar_h - 4}">{n:,}</text>'
        )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="nb-chart" role="img" '
            f'aria-label="{esc(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}"><title>{esc(title)}</title>{"".join(rows)}</svg>')


def table(headers: list[str], rows: list[list[Any]], css_class: str = "") -> str:
    numeric = [all(isinstance(r[i], int) for r in rows) for i in range(len(headers))] if rows \
        else [False] * len(headers)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="n">{v:,}</td>' if numeric[i] else f"<td>{esc(v)}</td>"
            for i, v in enumerate(r)) + "</tr>"
        for r in rows)
    return (f'<table class="{esc(css_class)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def panel(title: str, content: str) -> str:
    return f'<section class="nb-panel"><h3>{esc(title)}</h3>{content}</section>'


# ---------------------------------------------------------------------------------------------
# The page


def article_title(article: dict[str, Any]) -> str:
    if article.get("title"):
        return article["title"]
    name = article["source_uri"].rsplit("/", 1)[-1]
    return f"{name} (line {article['line']})" if article.get("line") else name


def render_article(article: dict[str, Any], quotes: list[dict[str, Any]],
                   entities: list[dict[str, Any]]) -> str:
    aid = article["article_id"]
    meta = [article["source_uri"] + (f" line {article['line']}" if article.get("line") else "")]
    if article.get("published_at"):
        meta.append(f"published {article['published_at']:%Y-%m-%d}")
    if article.get("language"):
        meta.append(f"language {article['language']}")
    if article.get("annotation_skipped"):
        meta.append(f"not annotated ({article['annotation_skipped']})")
    meta += [f"{article['n_sentences']} sentences", f"{len(entities)} entities",
             f"{len(quotes)} quotes", f"id {aid}"]
    quotes = sorted(quotes, key=lambda q: q["start"])
    rows = "".join(
        f'<tr class="nb-quote-row" data-quote-id="{esc(q["quote_id"])}">'
        f'<td class="nb-q-speaker">{esc(speaker_of(q) or "unknown")}</td>'
        f'<td class="nb-q-cue">{esc(q.get("cue_text") or "")}</td><td>{esc(q["kind"])}</td>'
        f'<td><a href="#q-{esc(q["quote_id"])}">{esc(q["text"])}</a></td></tr>'
        for q in quotes)
    quote_table = (
        '<table class="nb-quote-list"><thead><tr><th>speaker</th><th>cue</th><th>kind</th>'
        f"<th>quote</th></tr></thead><tbody>{rows}</tbody></table>" if quotes
        else '<p class="nb-note">no quotes found</p>')
    return (
        f'<article class="nb-article" id="a-{esc(aid)}" data-article-id="{esc(aid)}">'
        f"<h3>{esc(article_title(article))}</h3>"
        f'<p class="nb-meta">{esc(" · ".join(meta))}</p>'
        f'<div class="nb-text">{markup(article["text"], article_spans(quotes, entities))}</div>'
        f"{quote_table}</article>"
    )


def summary_cards(summary: Summary) -> list[tuple[str, int]]:
    """(label, number) cards: each registered table's rows in registry order (the ``speakers``
    table counts the distinct speakers), ``errors`` last."""
    cards = [(t, summary.rows.get(t, 0)) for t in REGISTRY if t != "errors"]
    cards.append(("errors", summary.rows.get("errors", 0)))
    not_annotated = sum(summary.not_annotated.values())
    if not_annotated:
        cards.insert(1, ("not annotated", not_annotated))
    return cards


def render_report(corpus: Corpus, *, max_articles: int = 200, top: int = 15) -> str:
    all_quotes = [q for qs in corpus.quotes.values() for q in qs]
    all_entities = [e for es in corpus.entities.values() for e in es]
    speakers = top_speakers(corpus, top)
    unnamed = sum(1 for q in all_quotes if not q.get("speaker_name"))
    names = Counter((e.get("canonical") or e["text"], e["label"]) for e in all_entities)
    labels = Counter(e["label"] for e in all_entities)
    kinds = Counter(q["kind"] for q in all_quotes)
    titles = {a["article_id"]: article_title(a) for a in corpus.articles}

    cards = "".join(
        f'<div class="nb-card"><b>{n:,}</b><span>{esc(label)}</span></div>'
        for label, n in summary_cards(corpus.summary))
    cards = f'<div class="nb-cards">{cards}</div>'

    per_article = sorted(((titles[a["article_id"]], len(corpus.quotes.get(a["article_id"], [])))
                          for a in corpus.articles), key=lambda kv: (-kv[1], kv[0]))
    panels = [
        panel("Top speakers", bar_chart([(name, n) for name, _, n, _ in speakers],
                                        "quotes per speaker")
              + table(["speaker", "type", "quotes", "articles"],
                      [list(row) for row in speakers], "nb-top-speakers")
              + (f'<p class="nb-note">{unnamed:,} of {len(all_quotes):,} quotes have no named '
                 'speaker ("a source", an unresolved "he") and are not counted here</p>'
                 if unnamed else "")),
        panel("Top entities", table(["entity", "label", "mentions"],
                                    [[name, label, n] for (name, label), n
                                     in names.most_common(top)], "nb-top-entities")),
        panel("Entities by label", bar_chart(labels.most_common(), "entity mentions by label",
                                             colours=ENTITY_COLOURS)),
        panel("Quotes per article", bar_chart(per_article[:30], "quotes per article")
              + (f'<p class="nb-note">{len(per_article) - 30} more articles</p>'
                 if len(per_article) > 30 else "")),
        panel("Quotes by kind", table(["kind", "quotes"], [[k, n] for k, n in
                                                           kinds.most_common()])),
    ]
    if corpus.summary.errors_by_reason:
        panels.append(panel("Errors by reason", table(
            ["stage/reason", "inputs"], [[r, n] for r, n in
                                         corpus.summary.errors_by_reason.most_common()])))

    shown = corpus.articles[:max_articles] if max_articles else corpus.articles
    articles_html = "".join(
        render_article(a, corpus.quotes.get(a["article_id"], []),
                       corpus.entities.get(a["article_id"], []))
        for a in shown)
    if len(shown) < len(corpus.articles):
        articles_html += (f'<p class="nb-note">{len(corpus.articles) - len(shown):,} more '
                          "articles not shown (raise --max_articles)</p>")

    used = sorted(labels)
    legend = "".join(f'<span class="nb-ent nb-ent-{_label_class(lab)}" data-label="{esc(lab)}">'
                     "</span>" for lab in used)
    entity_css = "\n".join(
        f".nb-ent-{label} {{ background: {colour}; }}"
        for label, colour in {**ENTITY_COLOURS, "OTHER": OTHER_COLOUR}.items())
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    csp = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{script_hash}'; base-uri 'none'; form-action 'none'")
    template = Template(resources.files("pipeline").joinpath("report_template.html")
                        .read_text("utf-8"))
    return template.substitute(
        csp=esc(csp), output=esc(corpus.summary.output), cards=cards, panels="\n".join(panels),
        legend=legend, entity_css=entity_css, articles=articles_html, script=SCRIPT,
    )

