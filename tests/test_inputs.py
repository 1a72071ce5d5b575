"""Discovery, decoding of every supported encoding, and a reason for every file not analysed."""

from pathlib import Path
from typing import Any

import pytest

from pipeline.core.errors import DocumentError, InputError
from pipeline.inputs.decode import decode_bytes, decode_document
from pipeline.inputs.discover import discover

from .conftest import CHROME, read_document

SAMPLE = "Chongqing's GDP grew 6.1 percent to 3 trillion yuan in 2023. 重庆市人民政府 said so."
ENCODINGS = [
    ("utf-8", SAMPLE.encode("utf-8"), "utf-8"),
    ("utf-8-bom", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", SAMPLE.encode("utf-16"), "utf-16"),
    ("utf-16-be-bom", b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16"),
    ("gb18030", SAMPLE.encode("gb18030"), "gb18030"),
    ("gbk", SAMPLE.encode("gbk"), "gb18030"),
    ("big5", "Taipei's revenue rose 5 percent in 2023. 臺北市政府經濟發展局表示。".encode("big5"), "big5"),
    ("windows-1252", "The café’s revenue rose 5% to €1.2 million in 2023 — a “record”.".encode("cp1252"), "cp1252"),
]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data,encoding", [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_encodings_are_detected_and_recorded(data: Any, encoding: Any) -> None:
    text, found = decode_bytes("x.txt", data)
    assert found == encoding
    assert "revenue" in text or "GDP" in text
    assert not text.startswith("\ufeff")


def test_bom_removed_crlf_kept(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"\xef\xbb\xbfLine one.\r\nLine two.")
    (source,) = discover([tmp_path])
    document = read_document(source)
    assert document.text == "Line one.\r\nLine two."
    assert len(document.sha256) == 64 and not document.text_differs


def test_other_encodings_are_written_out() -> None:
    document = decode_document("g.txt", __import__("pathlib").Path("g.txt"), SAMPLE.encode("gb18030"), CHROME)
    assert document.text == SAMPLE and document.encoding == "gb18030" and document.text_differs


def test_sorted_recursive_doc_ids(tmp_path: Path) -> None:
    for name in ("b/z.txt", "a.md", "b/a.txt", "c.TXT", "d.html", "e.htm"):
        write(tmp_path / name, b"text")
    assert [s.doc_id for s in discover([tmp_path])] == ["a.md", "b/a.txt", "b/z.txt", "c.TXT", "d.html", "e.htm"]
    assert [s.format for s in discover([tmp_path])] == ["markdown", "text", "text", "text", "html", "html"]


def test_file_given_directly_is_named_by_its_name(tmp_path: Path) -> None:
    path = write(tmp_path / "deep" / "x.txt", b"text")
    assert [s.doc_id for s in discover([path])] == ["x.txt"]


def test_unsupported_inputs_are_listed_and_a_missing_path_refused(tmp_path: Path) -> None:
    write(tmp_path / "page.pdf", b"%PDF-1.4")
    assert [(s.doc_id, bool(s.skip_reason)) for s in discover([tmp_path])] == [("page.pdf", True)]
    with pytest.raises(InputError, match="no such file or folder: .*nope.txt"):
        discover([tmp_path, tmp_path / "nope.txt"])


def test_two_different_files_with_one_doc_id_are_refused(tmp_path: Path) -> None:
    write(tmp_path / "one" / "a.txt", b"x")
    write(tmp_path / "two" / "a.txt", b"y")
    with pytest.raises(InputError, match="same doc_id: 'a.txt'.*common parent"):
        discover([tmp_path / "one", tmp_path / "two"])
    assert [s.doc_id for s in discover([tmp_path])] == ["one/a.txt", "two/a.txt"]


def test_the_same_file_given_twice_is_listed_once_more_as_a_duplicate(tmp_path: Path) -> None:
    path = write(tmp_path / "one" / "a.txt", b"x")
    sources = discover([tmp_path / "one", path])
    assert sources[0].skip_reason == "" and "duplicate: the same file" in sources[1].skip_reason


def test_walk_skips_hidden_entries_keeps_links_and_gives_paths(tmp_path: Path) -> None:
    for name in ("a/b/c.txt", "a/.git/config.txt", ".hidden.txt", "a/b.txt", "z.md", "a-b.txt"):
        write(tmp_path / name, b"text")
    (tmp_path / "link.txt").symlink_to(tmp_path / "z.md")
    (tmp_path / "linked-folder").symlink_to(tmp_path / "a", target_is_directory=True)
    sources = discover([tmp_path])
    # sorted as relative POSIX paths ("a-b.txt" before "a/..."), hidden parts left out, a link
    # to a folder listed as an entry (it fails when read) rather than walked into
    assert [s.doc_id for s in sources] == ["a-b.txt", "a/b.txt", "a/b/c.txt", "link.txt", "linked-folder", "z.md"]
    assert all(s.path == tmp_path / s.doc_id for s in sources)
    assert sources[3].path.read_bytes() == b"text"


def test_folder_that_cannot_be_listed_gets_a_failed_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    write(tmp_path / "open" / "a.txt", b"text")
    write(tmp_path / "locked" / "b.txt", b"text")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    sources = discover([tmp_path, tmp_path / "locked"])
    assert [(s.doc_id, s.failed, s.skip_reason) for s in sources] == [
        ("locked/", True, "cannot list folder: Permission denied"),
        ("open/a.txt", False, ""),
        ("locked", True, "cannot list folder: Permission denied"),
    ]
    assert sources[2].path == tmp_path / "locked"


BAD = [
    ("empty", b"", "skipped", "empty"),
    ("blank", b"   \n\t \r\n", "skipped", "empty"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "failed", "PDF"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "failed", "PNG"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "failed", "JPEG"),
    ("nul-bytes", b"Chongqing\x00\x00\x00GDP", "failed", "NUL"),
    ("random-bytes", bytes(range(128, 256)) * 8, "failed", "undecodable"),
    ("control-characters", bytes(range(1, 9)) * 200, "failed", "control characters"),
    ("broken-utf16", b"\xff\xfe\x00\xd8", "failed", "utf-16"),
]


@pytest.mark.parametrize("data,status,reason", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_files(tmp_path: Path, data: Any, status: Any, reason: Any) -> None:
    (source,) = discover([write(tmp_path / "bad.txt", data)])
    with pytest.raises(DocumentError) as caught:
        read_document(source)
    assert caught.value.status == status and reason in caught.value.reason


def test_invalid_utf8_bytes_fall_back_to_a_detected_encoding(tmp_path: Path) -> None:
    """Mostly-ASCII text with a stray byte is read (as Windows-1252), and the encoding says so."""
    (source,) = discover([write(tmp_path / "stray.txt", b"GDP grew 5% \xff in 2023.")])
    document = read_document(source)
    assert document.encoding == "cp1252" and document.text_differs and "2023" in document.text


def test_too_large(tmp_path: Path) -> None:
    (source,) = discover([write(tmp_path / "big.txt", b"a" * 1000)])
    with pytest.raises(DocumentError, match="too large"):
        read_document(source, max_chars=100)


def test_vanished_file(tmp_path: Path) -> None:
    path = write(tmp_path / "gone.txt", b"text")
    (source,) = discover([path])
    path.unlink()
    with pytest.raises(DocumentError, match="vanished"):
        read_document(source)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (source,) = discover([write(tmp_path / "locked.txt", b"text")])

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DocumentError, match="Permission denied"):
        read_document(source)
