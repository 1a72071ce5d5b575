"""Document metadata for documents.csv: title, publisher or source, dateline place, byline,
language. Read from the top of the text (and an HTML page's <title> and <meta> tags);
empty when the document does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEAD = 1500
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"(?m)(?:^|\d{{4}}-\d{{2}}-\d{{2}})[^\S\n]*([A-Z][A-Z'.-]+(?:[^\S\n][A-Z][A-Z'.-]+){{0,3}})(?=,[^\S\n]*(?:[A-Z][A-Za-z .]+,[^\S\n]*)?(?:{_MONTH}|\d{{4}}-)|[^\S\n]*(?:--|-|\u2014|\())"
    rf"|^[^\S\n]*([A-Z][a-z'.-]+(?:[^\S\n][A-Z][a-z'.-]+){{0,2}})(?=[^\S\n]+(?:-|--|\u2014)[^\S\n])"
)
_BYLINE = re.compile(r"(?m)(?:^|\|)[^\S\n]*(?:By|BY|Written by)[^\S\n]+([A-Z][A-Za-z.'-]+(?:[^\S\n]+[A-Z][A-Za-z.'-]+){0,3})[^\S\n]*(?=\||,|$)")
_AUTHOR_LINE = re.compile(r"(?im)(?:^|\|)[^\S\n]*(?:author|reporter|writer|editor)[^\S\n]*:[^\S\n]*([A-Z][A-Za-z.'-]+(?:[^\S\n]+[A-Z][A-Za-z.'-]+){0,3})")
_SOURCE_LINE = re.compile(r"(?m)(?:^|\||[^\S\n])(?:Source|SOURCE)[^\S\n]*:?[^\S\n]+([^|\n]{2,100}?)[^\S\n]*"
                          r"(?=\||$|\d{4}-\d{2}-\d{2}|(?:Date|DATE|Time|Author|Editor|Updated|Published|Views|Clicks|Font)\b)")
_DOMAIN_LINE = re.compile(r"(?m)^[^\n]{0,60}?\b((?:[a-z0-9-]+\.)+(?:gov\.cn|com\.cn|org\.cn|cn|com|net|org))\b[^\n]{0,10}\|")
_WIRE = re.compile(r"\((GLOBE NEWSWIRE|Xinhua|Reuters|AFP|AP|BUSINESS WIRE|ECNS|CNS)\)|/(PRNewswire|PRNewswire-Asia)/")
_TITLE_SKIP = re.compile(r"(?i)^(?:date|updated|published|source|by|editor|home\b|\d)|\|.*\||^[A-Z][A-Z .'-]+,[^\S\n]")
_STOPWORDS = frozenset("the of and to in a is that for on with as by at from are was it this be its has have will an".split())
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    publisher: str = ""
    dateline_place: str = ""
    byline: str = ""
    language: str = ""


def document_metadata(text: str, media_names: re.Pattern[str], html_title: str = "", html_meta: dict[str, str] | None = None) -> Metadata:
    meta = html_meta or {}
    head = text[:_HEAD]
    return Metadata(
        title=_clean(html_title or meta.get("og:title", "")) or _title(head),
        publisher=_publisher(text, head, meta, media_names),
        dateline_place=_first_group(_DATELINE, head),
        byline=_first_group(_BYLINE, head) or _first_group(_AUTHOR_LINE, head) or _clean(meta.get("author", "")),
        language=language(text),
    )


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _first_group(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    if not match:
        return ""
    return _clean(next(g for g in match.groups() if g))


def _title(head: str) -> str:
    """The first line that reads as a headline (not a date, byline, source, dateline or menu),
    if one comes before the body; a body sentence ends with a stop, a headline does not."""
    for line in head.splitlines():
        line = line.strip().lstrip("#").strip()
        words = line.split()
        if len(words) < 3 or _TITLE_SKIP.search(line):
            continue
        if line.endswith((".", '"', "”")) or len(line) > 200 or _DATELINE.match(line):
            return ""  # the body begins: the document has no title line
        return line
    return ""


def _publisher(text: str, head: str, meta: dict[str, str], media_names: re.Pattern[str]) -> str:
    source = _SOURCE_LINE.search(text)
    if source:
        return _clean(source.group(1))
    for key in ("og:site_name", "publisher", "article:publisher", "application-name", "source"):
        if meta.get(key) and not meta[key].startswith("http"):
            return _clean(meta[key])
    wire = _WIRE.search(head)
    if wire:
        return next(g for g in wire.groups() if g)
    media = media_names.search(head)
    if media:
        return media.group()
    domain = _DOMAIN_LINE.search(head)  # "english.hubei.gov.cn | Updated: 2024-07-22"
    return domain.group(1) if domain else ""


def language(text: str) -> str:
    """'en' for English prose (Chinese characters mixed in are fine), 'zh' for mostly Chinese
    text, 'und' when neither shows; judged on the first 5,000 characters."""
    sample = text[:5000]
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    cjk = len(_CJK.findall(sample))
    english = sum(1 for w in words if w in _STOPWORDS)
    if words and english / len(words) >= 0.05 and len(words) >= cjk / 2:
        return "en"
    if cjk and cjk >= len(words):
        return "zh"
    return "und"
