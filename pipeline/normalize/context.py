"""What a normalizer may look at besides its span: the document text and the sentence."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 300  # how far around a span its readers look (bounded: a "sentence" may be a 10 MB line)


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
        return self.text[self.start : self.end]

    @property
    def before(self) -> str:
        """The sentence before the span (its last CONTEXT_CHARS characters)."""
        return self.text[max(self.sentence_start, self.start - CONTEXT_CHARS) : self.start]

    @property
    def after(self) -> str:
        """The sentence after the span (its first CONTEXT_CHARS characters)."""
        return self.text[self.end : min(self.sentence_end, self.end + CONTEXT_CHARS)]

    def group(self, name: str) -> str:
        return dict(self.groups).get(name, "")
