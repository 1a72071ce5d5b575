"""What a normalizer may look at besides its span: the document text and the sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpanContext:
    """What a normalizer may look at besides the span: the document and the sentence."""

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    groups: tuple[tuple[str, str], ...] = ()

    @property
    def span(self) -> str:
        return self.text[self.start:self.end]

    @property
    def before(self) -> str:
        return self.text[self.sentence_start:self.start]

    @property
    def after(self) -> str:
        return self.text[self.end:self.sentence_end]

    def group(self, name: str) -> str:
        return dict(self.groups).get(name, "")
