"""HTML main text with offsets into the page; boilerplate recognized and silent; worst-case inputs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.inputs.decode import Document, decode_document
from pipeline.inputs.html import extract_html
from pipeline.patterns.loader import PatternSet

from .conftest import CHROME

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Hubei&#39;s GDP grows 5.8% | english.hubei.gov.cn</title>
<meta property="og:site_name" content="Hubei Provincial Government">
<meta property="article:published_time" content="2024-07-22T10:00:00+08:00">
<script>var fake = "<p>Investment of 99 billion yuan</p>";</script>
<style>.x{content:"100 percent"}</style></head>
<body>
<nav class="top-nav"><a href="/">Home</a> | <a href="/news">News</a> | <a>Ministry of Commerce</a></nav>
<div class="breadcrumb">Home &gt; News</div>
<article>
<h1>Hubei&#39;s GDP grows 5.8% in first half</h1>
<p>WUHAN, July 22 (Xinhua) -- Hubei's GDP reached 2.71&nbsp;trillion yuan ($372.8 billion)
   in the first half of 2024, up 5.8 percent, the <b>Hubei Provincial Bureau of Statistics</b> said.</p>
<p>R&amp;D investment rose 12 percent; the province's five <em>trillion-yuan</em> industrial clusters include
optoelectronic information, automobile manufacturing, and big health.
<p>Unclosed paragraph with a date: by the end of 2025.
<div><div><div><span>Nested text about the Wuhan Municipal People&#8217;s Government.</span></div></div></div>
</article>
<div class="share-bar">Share to WeChat | Weibo</div>
<div id="comments">No comments. Add your comments...</div>
<footer>Copyright &copy; The People's Government of Hubei Province. 鄂ICP备05003281号</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def page_document() -> Document:
    return decode_document("page.html", Path("page.html"), PAGE.encode("utf-8"), CHROME, "html")


def test_main_text_only(page_document: Any) -> None:
    text = page_document.text
    assert "2.71 trillion yuan" in text and "Nested text" in text and "by the end of 2025" in text
    for dropped in ("99 billion", "100 percent", "Home", "Share to", "No comments", "Copyright", "ICP"):
        assert dropped not in text
    assert page_document.title_hint == "Hubei's GDP grows 5.8% | english.hubei.gov.cn"


def test_every_mention_maps_back_into_the_page(rules: Extractor, page_document: Any) -> None:
    extraction = rules.extract(page_document)
    labels = {m.label.value for m in extraction.mentions}
    assert {"MONEY", "PERCENT", "DATE", "ORG", "CLUSTER"} <= labels
    for mention in extraction.mentions:
        assert page_document.text[mention.start : mention.end] == mention.text
        source = PAGE[mention.source_start : mention.source_end]
        for word in re.findall(r"[A-Za-z0-9]+", mention.text):
            assert word in source, (mention.text, source)
    amp = next(m for m in extraction.mentions if m.text == "2.71 trillion yuan")
    assert PAGE[amp.source_start : amp.source_end] == "2.71&nbsp;trillion yuan"


def test_page_metadata(rules: Extractor, page_document: Any) -> None:
    extraction = rules.extract(page_document)
    assert extraction.doc_date is not None and extraction.doc_date.date.isoformat() == "2024-07-22"
    assert extraction.metadata.publisher == "Hubei Provincial Government"
    assert extraction.metadata.dateline_place == "WUHAN"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>Unclosed <b>bold <i>italic GDP grew 5 percent in 2023.",  # nothing closed
        "</div></p><p>Stray end tags; GDP grew 5 percent in 2023.</span>",
        "<div>" * 20000 + "GDP grew 5 percent in 2023." + "</div>" * 20000,  # deep nesting
        "<p>GDP grew 5 percent in 2023.<!-- unclosed comment",
        '<p a="unterminated>GDP grew 5 percent in 2023.</p>',
    ],
    ids=["unclosed", "stray-end-tags", "deeply-nested", "open-comment", "broken-attribute"],
)
def test_broken_html_is_read(markup: Any) -> None:
    page = extract_html(markup, CHROME)
    assert isinstance(page.text, str)


def test_deep_nesting_keeps_text() -> None:
    page = extract_html("<div>" * 20000 + "GDP grew 5 percent in 2023." + "</div>" * 20000, CHROME)
    assert page.text == "GDP grew 5 percent in 2023."


DUMP = """Hubei GDP grows

Hubei's GDP reached 2.71 trillion yuan in 2024, the Hubei Provincial Bureau of Statistics said.

0 Comment(s)Print E-mail Xinhua, July 22, 2024
I Agree
Our Privacy Statement & Cookie Policy
By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use.
鄂ICP备05003281号 Registration of Hubei Daily Media Group
主站蜘蛛池模板: 欧美成视频在线观看| 超薄肉色丝袜一区二区| 无限看片在线版免费视频大全 | 伊人久久青草青青综合| 国产成人免费一区二区三区| 2023年投资500亿元
Go to Forum >>0 Comment(s)
Racist, abusive and off-topic comments may be removed by the moderator.
"""


def test_boilerplate_is_silent_and_counted(rules: Extractor) -> None:
    extraction = rules.extract_text(DUMP, doc_id="dump.txt")
    texts = [m.text for m in extraction.mentions]
    assert "Privacy Policy" not in texts and "Hubei Daily Media Group" not in texts
    spam_line = DUMP.index("主站")
    assert all(not (spam_line <= m.start < DUMP.index("\n", spam_line)) for m in extraction.mentions)
    # the dateline that shares a line with the share bar still counts
    assert "Xinhua" in texts and "July 22, 2024" in texts
    assert extraction.boilerplate_chars > 300


def test_long_documents_are_read_in_chunks(rules: Extractor) -> None:
    """Past spaCy's chunk size, mentions keep their offsets."""
    paragraph = "Output reached 5 billion yuan in 2023, up 6 percent, the Wuhan Municipal Bureau of Statistics said.\n"
    text = paragraph * 3000  # about 300,000 characters, three chunks
    mentions = rules.extract_text(text).mentions
    assert len([m for m in mentions if m.label.value == "MONEY"]) == 3000
    assert all(text[m.start : m.end] == m.text for m in mentions)


WORST_CASES = {
    "digit-run": "1" * 300_000 + " yuan",
    "comma-digits": ",".join(["1"] * 100_000) + " yuan",
    "spaces": "GDP" + " " * 300_000 + "5 billion yuan",
    "number-words": "one " * 60_000 + "billion yuan",
    "and-chain": "industries such as " + "steel and " * 30_000 + "textiles",
    "hyphens": "-" * 300_000 + "level",
    "one-line": "Chongqing GDP grew 5 percent in 2023 " * 20_000,
    "share-words": "print   " * 50_000 + "x",
    "spaced-numbers": "1 " * 100_000 + "yuan",
    "comma-separated": "1, " * 100_000 + "percent",
    "scale-words": "billion " * 40_000 + "yuan",
    "month-names": "January " * 40_000 + "2023",
    "capitals": "Chongqing Municipal " * 30_000 + "Committee",
    "comment-digits": "1" * 300_000 + " Comment(s)",
}


def test_worst_cases_finish(tmp_path: Path) -> None:
    """No input makes a run hang: each of these must finish well within a minute (a hang guard, not a speed test)."""
    for name, text in WORST_CASES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "pipeline", "extract", str(tmp_path), "--out", str(tmp_path / "out"), "--no-model", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert result.returncode == 0, result.stderr


def test_english_with_chinese_characters(rules: Extractor) -> None:
    text = "重庆两江新区（Liangjiang New Area）的GDP reached 500 billion yuan（5000亿元）in 2023, the 两江新区管委会 said; exports rose 12.5％."
    mentions = rules.extract_text(text, doc_date=None).mentions
    found = {(m.label.value, m.text) for m in mentions}
    assert {("MONEY", "500 billion yuan"), ("DATE", "2023"), ("PERCENT", "12.5％")} <= found
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_quick_look_for_required_strings_loses_no_boilerplate(patterns: PatternSet) -> None:
    """A boilerplate rule is skipped on texts holding none of its `requires` strings; with every
    rule run on every text, the spans found are the same."""
    from dataclasses import replace

    from pipeline.inputs.boilerplate import find_boilerplate

    from .conftest import SEEDS
    from .test_composed_releases import SENTENCES

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [row[1] for row in SENTENCES]
    texts += [example for rule in patterns.boilerplate for example in rule.examples]
    texts += ["COOKIES\nShare on: WeChat\n渝ICP备20009753号\nhttp://a.cn http://b.cn http://c.cn www.d.cn https://e.cn\nComments (3)"]
    every = tuple(replace(rule, requires=()) for rule in patterns.boilerplate)
    assert any(rule.requires for rule in patterns.boilerplate)
    for text in texts:
        assert find_boilerplate(text, patterns.boilerplate) == find_boilerplate(text, every), text[:60]
    assert find_boilerplate(texts[-1], patterns.boilerplate)  # the quick look does let matches through
