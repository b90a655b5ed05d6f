"""Parsing long articles in parts: where the cuts fall."""

from __future__ import annotations

import pytest

from transforms import nlp_model
from transforms.nlp_model import DEFAULT_MODEL, split_for_nlp


def test_a_prewarmed_model_is_handed_out_once():
    """A Dask worker starts loading the model when it starts (PrewarmModel); the annotate
    DoFn's setup takes it, and only once: a second taker loads its own."""
    nlp_model.prewarm(DEFAULT_MODEL)
    nlp = nlp_model.take_prewarmed(DEFAULT_MODEL)
    assert nlp is not None and "newsbeam_sentence_rules" in nlp.pipe_names
    assert [s.text for s in nlp("He left. She stayed.").sents] == ["He left.", "She stayed."]
    assert nlp_model.take_prewarmed(DEFAULT_MODEL) is None


def test_a_failed_prewarm_leaves_the_error_to_the_taker_s_own_load():
    nlp_model.prewarm("no_such_model_xyz")
    assert nlp_model.take_prewarmed("no_such_model_xyz") is None
    with pytest.raises(ValueError, match="is not installed"):
        nlp_model.load_nlp("no_such_model_xyz")


def test_parts_concatenate_back_and_respect_the_bound():
    text = ("A sentence of some words. " * 50 + "\n") * 40
    parts = split_for_nlp(text, 5_000)
    assert "".join(parts) == text
    assert all(len(p) <= 5_000 for p in parts)
    assert all(p.endswith("\n") for p in parts[:-1])


def test_without_newlines_cuts_fall_after_a_sentence_end():
    text = "Word word word word, word word word. " * 1_000  # one 37,000-character paragraph
    parts = split_for_nlp(text, 5_000)
    assert "".join(parts) == text
    assert all(p.endswith(". ") for p in parts[:-1])


def test_a_line_without_spaces_is_cut_anywhere():
    parts = split_for_nlp("x" * 12_000, 5_000)
    assert [len(p) for p in parts] == [5_000, 5_000, 2_000]


def test_tok2vec_in_small_batches_parses_as_the_whole_batch_does(nlp, monkeypatch):
    """parse_texts runs the shared tok2vec on TOK2VEC_BATCH parts at a time (a worker's peak
    memory) and the parser and NER on the whole batch: that relies on spaCy's listeners reading
    doc.tensor at inference, whatever the upstream batching. Same heads, labels and entities."""
    from transforms.nlp_model import parse_texts

    texts = [f"Minister {name} said on {day} that the plan, which {who} opposed, would pass. "
             f"\u201cWe will not wait,\u201d {name} told reporters in {city}." for name, day, who,
             city in (("Ana Ruiz", "Monday", "the unions", "Madrid"),
                      ("Tom Hale", "Friday", "nobody", "Leeds"),
                      ("Li Wei", "Sunday", "two senators", "Shanghai"))] * 4

    def parsed():
        return [([(t.head.i, t.dep_, t.is_sent_start) for t in d],
                 [(e.start, e.end, e.label_) for e in d.ents])
                for d in parse_texts(nlp, texts, batch_size=12)]

    tok2vec = nlp.get_pipe("tok2vec")
    sizes: list[int] = []
    predict = tok2vec.predict
    monkeypatch.setattr(tok2vec, "predict", lambda docs: sizes.append(len(docs)) or predict(docs))
    small = parsed()
    assert max(sizes) == nlp_model.TOK2VEC_BATCH < 12
    monkeypatch.setattr(nlp_model, "TOK2VEC_BATCH", 12)
    sizes.clear()
    assert small == parsed()
    assert sizes == [12]
    assert any(ents for _, ents in small)
