"""press-extract inside a user's own spaCy pipeline: found by its factory name through the
`spacy_factories` entry point, results in doc.spans with normalized values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import spacy
from datetime import date
from decimal import Decimal

nlp = spacy.blank("en")
nlp.add_pipe("press_extract_v1", config={"doc_date": "2024-03-01"})
doc = nlp("GDP grew 5.2 percent to 2 trillion yuan last November, the Hefei Municipal Bureau of Statistics said.")
found = {(s.label_, s.text): (s._.press_value, s._.press_unit, s._.press_interval, s._.press_canonical) for s in doc.spans["press_extract"]}
assert found[("PERCENT", "5.2 percent")][:2] == (Decimal("5.2"), "percent"), found
assert found[("MONEY", "2 trillion yuan")][:2] == (Decimal("2000000000000"), "CNY"), found
assert found[("DATE", "last November")][2] == (date(2023, 11, 1), date(2023, 11, 30), "month"), found
assert found[("ORG", "Hefei Municipal Bureau of Statistics")][3] == "Hefei Municipal Bureau of Statistics", found
facts = {s.text: s._.press_fact for s in doc.spans["press_extract"]}
assert (facts["5.2 percent"].measure, facts["5.2 percent"].indicator, facts["2 trillion yuan"].measure) == ("change", "GDP", "amount"), facts
assert facts["last November"] is None
other = nlp.make_doc("Exports rose 3 percent in January.")
other._.press_doc_date = date(2025, 6, 1)
(january,) = [s for s in nlp(other).spans["press_extract"] if s.label_ == "DATE"]
assert january._.press_interval == (date(2025, 1, 1), date(2025, 1, 31), "month"), january._.press_interval
mention = january._.press_mention
assert other.text[mention.start:mention.end] == "January" and mention.rule
print("ok", nlp.get_pipe_meta("press_extract_v1").assigns)
"""


def test_a_users_own_pipeline_gets_spans_with_values(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok ['doc.spans']"


PARTS = """
import spacy

nlp = spacy.blank("en")  # the script never imports the project: spaCy finds the parts by name
for name in ("press_sentences_v1", "press_numeric_v1", "press_orgs_v1", "press_clusters_v1"):
    nlp.add_pipe(name)
problems = nlp.analyze_pipes(pretty=False)["problems"]
assert not any(problems.values()), problems
doc = nlp("Output of the new energy vehicle and integrated circuit industries rose 5.2 percent to 2 trillion yuan in 2023.")
found = sorted((c.label.value, doc.text[c.start:c.end], c.rule) for c in doc._.press_candidates)
labels = {label for label, _, _ in found}
assert {"MONEY", "PERCENT", "DATE", "CLUSTER"} <= labels, found
print("ok", nlp.get_pipe_meta("press_clusters_v1").requires)
"""


def test_the_parts_are_found_by_name_and_declare_what_they_need(tmp_path: Path) -> None:
    """Each part is an entry-point factory with declared assigns/requires: spaCy's own
    pipeline analysis finds nothing missing in the order the extractor runs them."""
    result = subprocess.run([sys.executable, "-c", PARTS], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok ['doc._.press_text', 'doc._.press_sentences', 'doc._.press_words', 'doc._.press_candidates']"
