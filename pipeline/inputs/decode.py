"""Exact decoding, and the text each document is analysed as.

- A text file's analysed text is its bytes decoded (ANNOTATION.md: UTF-8, no newline
  translation, a leading byte-order mark removed). Files in UTF-16 (with a BOM), GB18030/GBK,
  Big5 or Windows-1252 are decoded too: BOMs first, then strict UTF-8, then a declared HTML
  charset, then charset-normalizer restricted to those encodings. The encoding is recorded.
- An HTML file's analysed text is its main text (html.py), with a map back to the page.
- Binary files, undecodable bytes, empty files and oversized files get a clear reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from ..core.errors import DocumentError
from ..core.settings import DEFAULT_MAX_CHARS
from ..text.offsets import OffsetMap
from .discover import BYTES_PER_CHAR
from .html import PageChrome, extract_html

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
)
_DETECTED = ("gb18030", "big5", "cp1252")  # what the detector may choose between, besides UTF-8
_PREFERENCE = {"utf_8": 0, "gb18030": 1, "big5": 2, "cp1252": 3}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    sha256: str  # of the file's bytes
    text: str  # the analysed text: offsets of mentions index this
    format: str = "text"  # text, markdown, html
    encoding: str = "utf-8"
    offsets: OffsetMap | None = None  # analysed text -> source text, for HTML
    source_text: str | None = None  # the file decoded, when the analysed text differs from it
    html_meta: dict[str, str] = field(default_factory=dict)
    title_hint: str = ""

    @property
    def text_differs(self) -> bool:
        """True when `text` is not the file's bytes decoded as UTF-8: it must be written out."""
        return self.format == "html" or self.encoding not in ("utf-8", "utf-8-sig", "ascii")


def decode_document(doc_id: str, path: Path, data: bytes, chrome: PageChrome, kind: str = "text", max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """Decode one file's bytes and, for HTML, extract its main text without the page's
    `chrome`. Raises DocumentError with the reason."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise DocumentError(doc_id, "empty document (no text)", status="skipped")
    if len(data) > max_chars * BYTES_PER_CHAR:
        raise DocumentError(doc_id, f"too large: {len(data):,} bytes (the limit is {max_chars:,} characters; see --max-chars)")
    declared = None
    if kind == "html":
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii", "replace") if found else None
    text, encoding = decode_bytes(doc_id, data, declared)
    text = text.removeprefix("\ufeff")
    if len(text) > max_chars:
        raise DocumentError(doc_id, f"too large: {len(text):,} characters (the limit is {max_chars:,}; see --max-chars)")
    if not text.strip():
        raise DocumentError(doc_id, "empty document (no text)", status="skipped")
    if kind != "html":
        return Document(doc_id, path, digest, text, kind, encoding)
    page = extract_html(text, chrome)
    if not page.text.strip():
        raise DocumentError(doc_id, "no main text in the HTML page", status="skipped")
    return Document(doc_id, path, digest, page.text, "html", encoding, page.offsets, text, dict(page.meta), page.title)


def decode_bytes(doc_id: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name). Raises DocumentError for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(doc_id, f"starts with a {encoding} byte-order mark but is not valid {encoding} (byte {exc.start})") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(doc_id, f"binary content: {what}, not text")
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16:
            try:
                return _checked(doc_id, data.decode(utf16)), utf16
            except UnicodeDecodeError:
                pass
        raise DocumentError(doc_id, "binary content (NUL bytes); not a text file")
    try:
        return _checked(doc_id, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(doc_id, data.decode(declared)), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    matches = [m for m in charset_normalizer.from_bytes(data, cp_isolation=list(_DETECTED))]
    if not matches:
        raise DocumentError(doc_id, "undecodable bytes: not UTF-8, and no known encoding (GB18030, Big5, Windows-1252) fits")
    best_chaos = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= best_chaos + 0.02]
    chosen = max(close, key=lambda m: (_common_cjk_share(str(m)), -_PREFERENCE.get(m.encoding, 9)))
    encoding = chosen.encoding.replace("_", "-")
    try:
        return _checked(doc_id, data.decode(chosen.encoding)), encoding
    except UnicodeDecodeError:
        raise DocumentError(doc_id, f"undecodable bytes (detected {encoding}, but the bytes do not decode)") from None


def _bomless_utf16(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark: mostly
    Latin text puts a NUL in every other byte, on the same side; else ''."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return ""
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return ""


# Unicode's control characters (category Cc: C0, DEL, C1) but tab, line feed, vertical tab,
# form feed and carriage return
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _checked(doc_id: str, text: str) -> str:
    """Refuse text that is mostly control characters: binary data that happened to decode."""
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise DocumentError(doc_id, "binary content (control characters); not a text file")
    return text


def _common_cjk_share(text: str) -> float:
    """Share of the non-ASCII characters that are frequent Chinese characters (GB2312 level 1
    or Big5 level 1): a wrong CJK decoding yields rare characters and symbols."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    common = 0
    for ch in wide:
        try:
            gb = ch.encode("gb2312")
            if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
                common += 1
                continue
        except UnicodeEncodeError:
            pass
        try:
            big5 = ch.encode("big5")
            if len(big5) == 2 and 0xA440 <= (big5[0] << 8 | big5[1]) <= 0xC67E:
                common += 1
        except UnicodeEncodeError:
            pass
    return common / len(wide)
