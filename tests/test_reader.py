"""Exact decoding, sorted discovery, and a reason for every file not analysed."""

import pytest

from pipeline.errors import DocumentError
from pipeline.reader import discover, read_document


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_bom_removed_crlf_kept(tmp_path):
    write(tmp_path / "a.txt", b"\xef\xbb\xbfLine one.\r\nLine two.")
    (source,) = discover([tmp_path])
    document = read_document(source)
    assert document.text == "Line one.\r\nLine two."
    assert len(document.sha256) == 64


def test_sorted_recursive_doc_ids(tmp_path):
    for name in ("b/z.txt", "a.md", "b/a.txt", "c.TXT"):
        write(tmp_path / name, b"text")
    assert [s.doc_id for s in discover([tmp_path])] == ["a.md", "b/a.txt", "b/z.txt", "c.TXT"]


def test_file_given_directly_is_named_by_its_name(tmp_path):
    path = write(tmp_path / "deep" / "x.txt", b"text")
    assert [s.doc_id for s in discover([path])] == ["x.txt"]


def test_unsupported_and_missing_inputs_are_listed(tmp_path):
    write(tmp_path / "page.pdf", b"%PDF-1.4")
    sources = discover([tmp_path, tmp_path / "nope.txt"])
    assert [(s.doc_id, bool(s.skip_reason)) for s in sources] == [("page.pdf", True), ("nope.txt", True)]


def test_duplicate_doc_id_is_skipped_with_reason(tmp_path):
    write(tmp_path / "one" / "a.txt", b"x")
    write(tmp_path / "two" / "a.txt", b"y")
    sources = discover([tmp_path / "one", tmp_path / "two"])
    assert sources[0].skip_reason == "" and "duplicate" in sources[1].skip_reason


@pytest.mark.parametrize(
    "data,status,reason",
    [(b"\xff\xfe\x00bad", "failed", "NUL"), (b"caf\xe9", "failed", "UTF-8"), (b"   \n\t ", "skipped", "empty")],
    ids=["binary", "latin-1", "blank"],
)
def test_bad_files(tmp_path, data, status, reason):
    (source,) = discover([write(tmp_path / "bad.txt", data)])
    with pytest.raises(DocumentError) as caught:
        read_document(source)
    assert caught.value.status == status and reason in caught.value.reason
