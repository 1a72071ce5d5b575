"""The document's own date, from its text (ANNOTATION.md, DATE)."""

from typing import Any

import pytest

from pipeline.core.settings import DEFAULT_PATTERNS_DIR
from pipeline.inputs.dateline import DocDateFinder, is_transcript
from pipeline.patterns.loader import load_patterns

find_doc_date = DocDateFinder(load_patterns(DEFAULT_PATTERNS_DIR)).find

ROWS = [
    ("metadata-line", " date 2024-07-15 Yubei District People's Government\n\nText.", "2024-07-15", "metadata"),
    ("newswire-dateline", "CHONGQING, China, July 15, 2024 (GLOBE NEWSWIRE) -- Chongqing's Yubei District ...", "2024-07-15", "dateline"),
    ("prnewswire-dateline", "CHONGQING, China, Jan. 17, 2021 /PRNewswire/ -- On January 15, ...", "2021-01-17", "dateline"),
    ("byline", "iChongqing Title\n\nChongqing to Create ...\n\nBy YAN DENG|Jan 16,2023\n\nAt the press ...", "2023-01-16", "byline"),
    ("site-line", "SCIO press conference\n\n0 Comment(s)Print E-mail China.org.cn, July 5, 2024\nAdjust font size:", "2024-07-05", "header"),
    ("updated", "Hubei's Economy Grows\n\nenglish.hubei.gov.cn | Updated: 2024-07-22\n\nText.", "2024-07-22", "metadata"),
    ("published-weekday", "PUBLISHED : Tuesday, 18 June, 2013\n\nText.", "2013-06-18", "metadata"),
    ("chinese-post-line", "2019\u5e743\u670812\u65e5\u661f\u671f\u4e8c\n\nYibin from 1 to February, output rose.", "2019-03-12", "header"),
    ("source-bar", "Hubei unveils plan\n\nSource: Xinhua | 2023-06-12 18:23:45\n\nWUHAN, June 12 (Xinhua) -- ...", "2023-06-12", "header"),
]


@pytest.mark.parametrize("text,expected,source", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_doc_date(text: Any, expected: Any, source: Any) -> None:
    found = find_doc_date(text)
    assert found is not None and (found.date.isoformat(), found.source) == (expected, source)
    assert text[found.start : found.end].strip()


@pytest.mark.parametrize(
    "text",
    ["NANJING, July 3 (Xinhua) -- East China's Jiangsu ...", "BEIJING, Nov 3 (Reuters) - Beijing's economy grew.", "No date at all here."],
    ids=["dateline-without-year", "reuters-without-year", "none"],
)
def test_no_doc_date(text: Any) -> None:
    assert find_doc_date(text) is None


def test_transcript() -> None:
    assert is_transcript("Chongqing Daily:\n\nQuestion?\n\nHu Henghua:\n\nThank you.")
    assert not is_transcript("Note: this is a release.\n\nIt grew.")
