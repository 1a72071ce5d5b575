"""Web pages in the layouts press sites use (semantic HTML, div soup with sidebars and a
location bar, nested layout tables, a list of industries as <ul>): only the article's
mentions come out, the document date is found where the page states it, and every
mention's offsets map back into the page. The pages in tests/data/pages are composed in
the style of such sites."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor

from .conftest import ROOT

PAGES = ROOT / "tests" / "data" / "pages"

EXPECTED = {
    "semantic.html": {
        "doc_date": ("2024-03-18", "byline"),
        "publisher": "Anhui News",
        "mentions": [
            ("MONEY", "300 billion yuan", "300000000000"),
            ("DATE", "March 18, 2024", ""),
            ("DATE", "March 18", ""),
            ("MONEY", "312.5 billion yuan", "312500000000"),
            ("DATE", "2023", ""),
            ("PERCENT", "9.4 percent", "9.4"),
            ("DATE", "Monday", ""),
            ("MONEY", "100-billion-yuan", "100000000000"),
            ("CLUSTER", "integrated circuits", ""),
            ("CLUSTER", "new energy vehicles", ""),
            ("CLUSTER", "artificial intelligence", ""),
            ("DATE", "2026", ""),
            ("PERCENT", "12 percent", "12"),
            ("DATE", "first two months of this year", ""),
        ],
    },
    "divsoup.html": {
        "doc_date": ("2024-07-22", "metadata"),
        "publisher": "Liangjiang New Area Management Committee",
        "mentions": [
            ("DATE", "2024", ""),
            ("DATE", "2024-07-22", ""),
            ("ORG", "Liangjiang New Area Management Committee", ""),
            ("DATE", "2024-07-22", ""),
            ("DATE", "July 22", ""),
            ("DATE", "2024", ""),
            ("MONEY", "86 billion yuan", "86000000000"),
            ("CLUSTER", "new energy vehicles", ""),
            ("CLUSTER", "electronic information", ""),
            ("CLUSTER", "biomedicine", ""),
            ("DATE", "first half of the year", ""),
            ("MONEY", "260 billion yuan", "260000000000"),
            ("PERCENT", "7.2 percent", "7.2"),
        ],
    },
    "tables.html": {
        "doc_date": ("2023-11-06", "metadata"),
        "publisher": "Guiyang Municipal Bureau of Big Data Development",
        "mentions": [
            ("CLUSTER", "big data", ""),
            ("DATE", "2023-11-06", ""),
            ("ORG", "Guiyang Municipal Bureau of Big Data Development", ""),
            ("DATE", "Nov. 6", ""),
            ("CLUSTER", "big data", ""),
            ("MONEY", "162 billion yuan", "162000000000"),
            ("DATE", "first three quarters", ""),
            ("PERCENT", "11.3 percent", "11.3"),
            ("MONEY", "5 billion U.S. dollars", "5000000000"),
            ("DATE", "2025", ""),
            ("ORG", "Guiyang Municipal Bureau of Big Data Development", ""),
        ],
    },
}

# Words that stand only in the pages' menus, sidebars, location bars, print bars and footers
CHROME = (
    "Home",
    "Hot News",
    "Most Read",
    "Wuhu",
    "Bengbu",
    "Changan",
    "6.1 percent",
    "50 billion",
    "Copyright",
    "Print",
    "Close",
    "Sponsored",
    "Huangshan Avenue",
    "Columns",
    "Policies",
    "15 percent",
    "1024x768",
    "Latest News",
    "About Us",
    "Contact",
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(PAGES), "-o", str(out), "--no-model", "-q"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("page", EXPECTED)
def test_only_the_article_is_read(extracted: Any, page: Any) -> None:
    expected = EXPECTED[page]
    document = next(row for row in rows(extracted / "documents.csv") if row["doc_id"] == page)
    assert (document["doc_date"], document["doc_date_source"]) == expected["doc_date"]
    assert document["publisher"] == expected["publisher"]
    mentions = [row for row in rows(extracted / "mentions.csv") if row["doc_id"] == page]
    assert [(m["label"], m["text"], m["value"]) for m in mentions] == expected["mentions"]
    text = (extracted / document["text_path"]).read_text(encoding="utf-8")
    assert not [word for word in CHROME if word in text]
    source = (PAGES / page).read_text(encoding="utf-8")
    for mention in mentions:
        assert text[int(mention["start"]) : int(mention["end"])] == mention["text"]
        assert source[int(mention["source_start"]) : int(mention["source_end"])] == mention["text"]


def test_a_page_without_an_article_keeps_all_its_text() -> None:
    from pipeline.inputs.html import extract_html

    from .conftest import CHROME

    page = extract_html("<html><body><p>GDP grew 5 percent.</p></body></html>", CHROME)
    assert page.text == "GDP grew 5 percent."
    fragment = extract_html("Exports reached 2 billion yuan <b>in 2023</b>.", CHROME)
    assert fragment.text == "Exports reached 2 billion yuan in 2023."


def test_list_items_on_lines_of_their_own_are_clusters(rules: Extractor) -> None:
    text = "Sichuan will speed up its leading industrial sectors:\n- clean energy\n- advanced materials\n- 5G\nThe province's output grew 6 percent in 2023.\n"
    mentions = rules.extract_text(text, doc_id="list.txt").mentions
    assert [(m.text, m.rule) for m in mentions if m.label.value == "CLUSTER"] == [("clean energy", "cluster.line_list"), ("advanced materials", "cluster.line_list"), ("5G", "cluster.line_list")]
    assert {m.text for m in mentions if m.label.value == "PERCENT"} == {"6 percent"}


def test_a_colon_line_without_industries_opens_no_list(rules: Extractor) -> None:
    text = "Contact us:\nInvestment Service Center\nOpening hours\nKey projects of the year:\nLogistics park phase II\n"
    mentions = rules.extract_text(text, doc_id="menu.txt").mentions
    assert not [m.text for m in mentions if m.label.value == "CLUSTER"]


def test_layout_classes_that_share_a_chrome_word_keep_their_text() -> None:
    from pipeline.inputs.html import extract_html

    from .conftest import CHROME

    page = extract_html(
        '<html><body><div class="container position-relative"><div class="print-area">'
        "<p>Guizhou's digital economy grew 20 percent in 2023, the provincial government said.</p>"
        '</div><div class="bottom-0 mt-2"><p>Its output reached 500 billion yuan.</p></div></div>'
        '<div class="bottom">Copyright 2024 Guizhou Provincial People\'s Government</div></body></html>',
        CHROME,
    )
    assert page.text.splitlines() == ["Guizhou's digital economy grew 20 percent in 2023, the provincial government said.", "Its output reached 500 billion yuan."]
