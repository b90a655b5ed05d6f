"""Moved to ``transforms.quotes.speaker_labels``; re-exported for its importers elsewhere."""

from transforms.quotes.speaker_labels import (
    LabelledSpeech,
    find_labelled_paragraphs,
    trailing_dash_speaker,
)

__all__ = ["LabelledSpeech", "find_labelled_paragraphs", "trailing_dash_speaker"]
