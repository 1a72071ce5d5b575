"""The main text of an HTML page, with an offset map back into the page's source.

Parsed with the standard library's HTMLParser, which reports the source position of every
tag, text run and entity. Scripts, styles, navigation, headers, footers, forms, share bars
and comment blocks are dropped (by element and by class/id words); block elements become
line breaks; white space runs become one space; entities are decoded. Broken markup
(unclosed or stray tags, deep nesting) is tolerated: the tree is built with an explicit
stack and walked without recursion.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..patterns.loader import PatternSet
from ..text.offsets import OffsetMap

# Element and ARIA role names of the HTML standard (markup, not prose).
_SKIP_TAGS = frozenset(  # identifiers
    ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select", "button", "head", "nav", "footer", "aside", "form"]  # identifiers
)
_BLOCK_TAGS = frozenset(  # identifiers
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "thead",
        "tbody",
        "section",
        "article",
        "header",
        "main",
        "blockquote",
        "pre",
        "hr",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "address",
        "title",
        "td",
        "th",
        "caption",
        "center",
    ]  # identifiers
)
_VOID_TAGS = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])  # identifiers
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})  # identifiers
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    start: int
    children: list[_Node | _Text] = field(default_factory=list)


@dataclass
class _Text:
    text: str  # decoded text
    start: int
    end: int
    raw: bool  # True when text == source[start:end] (no entity decoding)


@dataclass
class HtmlText:
    text: str
    offsets: OffsetMap
    title: str
    meta: dict[str, str]


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.root = _Node("#root", {}, 0)
        self.stack: list[_Node] = [self.root]
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        node = _Node(tag.lower(), values, self._offset())
        self.stack[-1].children.append(node)
        if node.tag == "meta":
            key = values.get("name") or values.get("property") or values.get("itemprop") or ""
            if key and values.get("content") and key.lower() not in self.meta:
                self.meta[key.lower()] = values["content"].strip()
        if node.tag not in _VOID_TAGS:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID_TAGS and self.stack[-1].tag == tag.lower():
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        # a stray end tag closes nothing

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.stack[-1].children.append(_Text(data, start, start + len(data), True))
        if self.stack[-1].tag == "title":
            self.title_parts.append(data)

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        self._reference(start, start + 1 + len(name))

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        self._reference(start, start + 2 + len(name))

    def _reference(self, start: int, end: int) -> None:
        """An entity or character reference: '&amp;', '&#8220;' (the ';' is optional in HTML)."""
        if self.source[end : end + 1] == ";":
            end += 1
        decoded = html.unescape(self.source[start:end])
        self.stack[-1].children.append(_Text(decoded, start, end, False))
        if self.stack[-1].tag == "title":
            self.title_parts.append(decoded)


@dataclass(frozen=True)
class PageChrome:
    """The class and id words that mark an element as page chrome (menus, share bars,
    footers): word sets html.chrome_class (also as part of a name: "main-nav") and
    html.portal_chrome_class (Chinese government portals' location bars and hot-news boxes,
    only as whole names: "position-relative" and "bottom-0" are layout classes)."""

    parts: re.Pattern[str]
    whole: re.Pattern[str]

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> PageChrome:
        return cls(
            re.compile(rf"(?:^|[\s_-])(?:{patterns.alternation('html.chrome_class')})(?:$|[\s_-])", re.IGNORECASE),
            re.compile(rf"(?:^|\s)(?:{patterns.alternation('html.portal_chrome_class')})(?:$|\s)", re.IGNORECASE),
        )

    def marks(self, names: str) -> bool:
        return bool(self.parts.search(names) or self.whole.search(names))


def _skipped(node: _Node, chrome: PageChrome) -> bool:
    if node.tag in _SKIP_TAGS:
        return True
    if node.attrs.get("role", "").lower() in _SKIP_ROLES or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    return chrome.marks(f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}")


class _Writer:
    """Appends text and keeps the offset map; collapses white space and block breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets = OffsetMap()
        self.pending_space: tuple[int, int] | None = None
        self.pending_break = False
        self.break_at = 0

    def text(self, piece: _Text) -> None:
        if piece.raw:
            position = 0
            for match in _WHITESPACE.finditer(piece.text):
                self._word(piece.text[position : match.start()], piece.start + position)
                self._space(piece.start + match.start(), piece.start + match.end())
                position = match.end()
            self._word(piece.text[position:], piece.start + position)
        else:
            decoded = piece.text.replace("\xa0", " ") if piece.text.strip() == "" else piece.text
            if decoded.strip() == "":
                self._space(piece.start, piece.end)
            else:
                self._flush()
                self._emit(decoded, piece.start, piece.end)

    def block(self, position: int) -> None:
        if self.length and not self.pending_break:
            self.pending_break = True
            self.pending_space = None
            self.break_at = position

    def _word(self, word: str, source_start: int) -> None:
        if word:
            self._flush()
            self._emit(word, source_start, source_start + len(word))

    def _space(self, source_start: int, source_end: int) -> None:
        if self.length and not self.pending_break:
            self.pending_space = (source_start, source_end) if self.pending_space is None else (self.pending_space[0], source_end)

    def _flush(self) -> None:
        if self.pending_break:
            self._emit("\n", self.break_at, self.break_at)
            self.pending_break = False
        elif self.pending_space is not None:
            self._emit(" ", *self.pending_space)
        self.pending_space = None

    def _emit(self, text: str, source_start: int, source_end: int) -> None:
        self.parts.append(text)
        self.offsets.add(self.length, self.length + len(text), source_start, source_end)
        self.length += len(text)


def extract_html(source: str, chrome: PageChrome, select_content: bool = True) -> HtmlText:
    """The page's text without its `chrome`. With `select_content`, only the main content
    (content_lines) is kept, with the headline and date lines just above it."""
    page = _page_text(source, chrome)
    if not select_content:
        return page
    lines = _lines(page.text)
    keep = content_lines(source, page, lines, chrome)
    if all(keep):
        return page
    pieces = [span for span, kept in zip(lines, keep) if kept]
    text = "\n".join(page.text[start:end] for start, end in pieces)
    return HtmlText(text=text, offsets=page.offsets.select(pieces), title=page.title, meta=page.meta)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


HEADER_REACH = 4  # lines above the content that may still be its headline, byline and date line


def content_lines(source: str, page: HtmlText, lines: list[tuple[int, int]], chrome: PageChrome) -> list[bool]:
    """Which of the page's lines are its main content. readability-lxml scores the page's
    blocks and picks the article; a line is content when the article has the same line.
    Its headline (a line the <title> starts with) and the lines between it and the
    article (bylines, date and source lines) are kept too. When readability finds
    nothing, or too little to be the article, every line is kept."""
    try:
        from readability import Document as ReadableDocument  # lxml-based: imported for HTML pages only

        article = ReadableDocument(source).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - a page readability cannot score keeps all its text
        return [True] * len(lines)
    chosen = _page_text(article, chrome).text
    wanted: dict[str, int] = {}
    for start, end in _lines(chosen):
        key = _key(chosen[start:end])
        wanted[key] = wanted.get(key, 0) + 1
    keep = []
    for start, end in lines:
        key = _key(page.text[start:end])
        keep.append(wanted.get(key, 0) > 0)
        if keep[-1]:
            wanted[key] -= 1
    kept_chars = sum(end - start for (start, end), kept in zip(lines, keep) if kept)
    if kept_chars < 0.1 * len(page.text) and kept_chars < 200:
        return [True] * len(lines)
    first = keep.index(True)
    title = _key(page.title)
    for index in range(first - 1, max(-1, first - 1 - HEADER_REACH), -1):
        line = _key(page.text[lines[index][0] : lines[index][1]])
        if len(line) >= 12 and title.startswith(line):
            for between in range(index, first):
                keep[between] = True
            break
    return keep


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _page_text(source: str, chrome: PageChrome) -> HtmlText:
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    writer = _Writer()
    title = _WHITESPACE.sub(" ", "".join(builder.title_parts)).strip()
    # An explicit stack instead of recursion: pages nest thousands of elements deep.
    stack: list[tuple[_Node | _Text, bool]] = [(builder.root, False)]
    while stack:
        item, closing = stack.pop()
        if isinstance(item, _Text):
            writer.text(item)
            continue
        if closing:
            if item.tag in _BLOCK_TAGS:
                writer.block(item.start)
            continue
        if item is not builder.root and _skipped(item, chrome):
            continue
        if item.tag in _BLOCK_TAGS:
            writer.block(item.start)
        stack.append((item, True))
        for child in reversed(item.children):
            stack.append((child, False))
    text = "".join(writer.parts)
    return HtmlText(text=text, offsets=writer.offsets, title=title, meta=builder.meta)
