"""Document metadata for documents.csv: title, publisher or source, dateline place, byline,
language. Read from the top of the text (and an HTML page's <title> and <meta> tags);
empty when the document does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns.loader import PatternSet

_HEAD = 1500
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    publisher: str = ""
    dateline_place: str = ""
    byline: str = ""
    language: str = ""


class MetadataReader:
    """Reads a document's metadata. The words of its header lines (labels, wire credits,
    month names, web domains) come from the patterns (word_sets.tsv, months.tsv)."""

    def __init__(self, patterns: PatternSet) -> None:
        month = "(?:" + "|".join(sorted({m[:3].capitalize() for m in patterns.lexicon("months").column("surface")})) + r")[a-z]*\.?"
        self.dateline = re.compile(
            rf"(?m)(?:^|\d{{4}}-\d{{2}}-\d{{2}})[^\S\n]*([A-Z][A-Z'.-]+(?:[^\S\n][A-Z][A-Z'.-]+){{0,3}})(?=,[^\S\n]*(?:[A-Z][A-Za-z .]+,[^\S\n]*)?(?:{month}|\d{{4}}-)|[^\S\n]*(?:--|-|\u2014|\())"
            rf"|^[^\S\n]*([A-Z][a-z'.-]+(?:[^\S\n][A-Z][a-z'.-]+){{0,2}})(?=[^\S\n]+(?:-|--|\u2014)[^\S\n])"
        )
        self.byline = re.compile(rf"(?m)(?:^|\|)[^\S\n]*(?:{patterns.alternation('header.byline_opener')})[^\S\n]+([A-Z][A-Za-z.'-]+(?:[^\S\n]+[A-Z][A-Za-z.'-]+){{0,3}})[^\S\n]*(?=\||,|$)")
        self.author_line = re.compile(rf"(?im)(?:^|\|)[^\S\n]*(?:{patterns.alternation('header.author_label')})[^\S\n]*:[^\S\n]*([A-Z][A-Za-z.'-]+(?:[^\S\n]+[A-Z][A-Za-z.'-]+){{0,3}})")
        self.source_line = re.compile(
            r"(?m)(?:^|\||[^\S\n])(?:Source|SOURCE)[^\S\n]*:?[^\S\n]+([^|\n]{2,100}?)[^\S\n]*"
            rf"(?=\||$|\d{{4}}-\d{{2}}-\d{{2}}|(?:{patterns.alternation('header.field_label')})\b)"
        )
        self.domain_line = re.compile(rf"(?m)^[^\n]{{0,60}}?\b((?:[a-z0-9-]+\.)+(?:{patterns.alternation('web.domain_suffix')}))\b[^\n]{{0,10}}\|")
        self.wire = re.compile(rf"\(({patterns.alternation('credit.wire')})\)|/({patterns.alternation('credit.wire_slashed')})/")
        self.title_skip = re.compile(rf"(?i)^(?:{patterns.alternation('header.not_title')}|home\b|\d)|\|.*\||^[A-Z][A-Z .'-]+,[^\S\n]")
        self.publisher_meta = patterns.words("html.meta_publisher")
        self.function_words = patterns.word_set("language.english_function_word")

    def read(self, text: str, media_names: re.Pattern[str], html_title: str = "", html_meta: dict[str, str] | None = None) -> Metadata:
        meta = html_meta or {}
        head = text[:_HEAD]
        return Metadata(
            title=_clean(html_title or meta.get("og:title", "")) or self._title(head),
            publisher=self._publisher(text, head, meta, media_names),
            dateline_place=_first_group(self.dateline, head),
            byline=_first_group(self.byline, head) or _first_group(self.author_line, head) or _clean(meta.get("author", "")),
            language=language(text, self.function_words),
        )

    def _title(self, head: str) -> str:
        """The first line that reads as a headline (not a date, byline, source, dateline or menu),
        if one comes before the body; a body sentence ends with a stop, a headline does not."""
        for line in head.splitlines():
            line = line.strip().lstrip("#").strip()
            words = line.split()
            if len(words) < 3 or self.title_skip.search(line):
                continue
            if line.endswith((".", '"', "”")) or len(line) > 200 or self.dateline.match(line):
                return ""  # the body begins: the document has no title line
            return line
        return ""

    def _publisher(self, text: str, head: str, meta: dict[str, str], media_names: re.Pattern[str]) -> str:
        source = self.source_line.search(text)
        if source:
            return _clean(source.group(1))
        for key in self.publisher_meta:
            if meta.get(key) and not meta[key].startswith("http"):
                return _clean(meta[key])
        wire = self.wire.search(head)
        if wire:
            return next(g for g in wire.groups() if g)
        media = media_names.search(head)
        if media:
            return media.group()
        domain = self.domain_line.search(head)  # "english.hubei.gov.cn | Updated: 2024-07-22"
        return domain.group(1) if domain else ""


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _first_group(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    if not match:
        return ""
    return _clean(next(g for g in match.groups() if g))


def language(text: str, function_words: frozenset[str]) -> str:
    """'en' for English prose (Chinese characters mixed in are fine), 'zh' for mostly Chinese
    text, 'und' when neither shows; judged on the first 5,000 characters by the share of
    English `function_words` (word set language.english_function_word)."""
    sample = text[:5000]
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    cjk = len(_CJK.findall(sample))
    english = sum(1 for w in words if w in function_words)
    if words and english / len(words) >= 0.05 and len(words) >= cjk / 2:
        return "en"
    if cjk and cjk >= len(words):
        return "zh"
    return "und"
