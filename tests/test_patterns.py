"""Pattern files load, validate and stay immutable; every documented example matches."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.analyse.extractor import Extractor
from pipeline.core.errors import PatternError
from pipeline.core.settings import DEFAULT_PATTERNS_DIR
from pipeline.patterns.loader import PatternSet, RegexRule, load_patterns


def _examples(patterns: PatternSet) -> Iterator[tuple[RegexRule, str]]:
    for rules in patterns.rules.values():
        for rule in rules:
            for example in rule.examples:
                yield rule, example


def test_all_pattern_files_load(patterns: PatternSet) -> None:
    assert {label: len(rules) > 0 for label, rules in patterns.rules.items()} == {"MONEY": True, "PERCENT": True, "DATE": True}
    assert patterns.token_patterns
    assert all(len(h) == 64 for h in patterns.file_hashes.values())


def test_every_rule_example_matches_exactly(patterns: PatternSet) -> None:
    """An example is a text; «...» marks the span when the rule needs context around it."""
    problems = []
    for rule, example in _examples(patterns):
        text = example.replace("«", "").replace("»", "")
        wanted = example[example.index("«") + 1 : example.index("»")] if "«" in example else text
        spans = [m.group("span") for m in rule.pattern.finditer(text)]
        if wanted not in spans:
            problems.append((rule.id, example, spans))
    assert not problems


def test_every_interp_has_a_reader(patterns: PatternSet, rules: Extractor) -> None:
    dates = rules.normalizers.dates.interps
    assert {rule.interp for rule in patterns.rules["DATE"]} <= dates
    assert {rule.interp for rule in patterns.rules["MONEY"]} <= rules.normalizers.money.interps
    assert {rule.interp for rule in patterns.rules["PERCENT"]} <= rules.normalizers.percent.interps
    assert rules.normalizers.money.interps == {"amount", "major_minor", "tier", "implied", "shared"}


def test_an_unknown_interp_is_refused(rules: Extractor) -> None:
    from pipeline.normalize.context import SpanContext

    ctx = SpanContext("RMB 5 billion", 0, 13, 0, 13, ())
    for reader in (rules.normalizers.money, rules.normalizers.percent):
        with pytest.raises(KeyError, match="no .* reader named 'guess'"):
            reader.normalize("guess", ctx)


def test_loaded_rules_are_read_only(patterns: PatternSet) -> None:
    row = patterns.lexicon("currencies").rows[0]
    with pytest.raises(TypeError):
        row["iso"] = "XXX"  # type: ignore[index]
    with pytest.raises(TypeError):
        patterns.token_patterns[0].pattern[0]["LOWER"] = "x"  # type: ignore[index]


@pytest.fixture
def broken(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "patterns"
    shutil.copytree(DEFAULT_PATTERNS_DIR, target)
    load_patterns.cache_clear()
    yield target
    load_patterns.cache_clear()


def test_bad_lexicon_row_names_file_and_line(broken: Path) -> None:
    path = broken / "lexicons" / "scales.tsv"
    path.write_text(path.read_text() + "quadrillion\t1000000000000000\n")
    with pytest.raises(PatternError, match=r"scales\.tsv:\d+: expected 3 tab-separated columns"):
        load_patterns(broken)


def test_bad_enum_value_is_refused(broken: Path) -> None:
    path = broken / "lexicons" / "currencies.tsv"
    path.write_text(path.read_text() + "doubloons\tXDB\tsomewhere\ti\t1\n")
    with pytest.raises(PatternError, match="position must be one of"):
        load_patterns(broken)


def test_unknown_fragment_is_refused(broken: Path) -> None:
    path = broken / "money.jsonl"
    path.write_text(path.read_text() + '{"id": "money.x", "label": "MONEY", "interp": "amount", "regex": "(?P<span>{nothing})", "anchor": "\\\\d"}\n')
    with pytest.raises(PatternError, match=r"money\.jsonl:\d+: unknown fragment \{nothing\}"):
        load_patterns(broken)


def test_rule_without_span_group_is_refused(broken: Path) -> None:
    path = broken / "percent.jsonl"
    path.write_text(path.read_text() + '{"id": "percent.x", "label": "PERCENT", "interp": "percent", "regex": "\\\\d+%", "anchor": "%"}\n')
    with pytest.raises(PatternError, match="needs a \\(\\?P<span>"):
        load_patterns(broken)


def test_duplicate_rule_id_is_refused(broken: Path) -> None:
    path = broken / "dates.jsonl"
    first = path.read_text().splitlines()[0]
    path.write_text(path.read_text() + first + "\n")
    with pytest.raises(PatternError, match="duplicate id"):
        load_patterns(broken)


def test_every_currency_and_scale_is_an_anchor(patterns: PatternSet) -> None:
    """The money rules run only near their anchors: every currency and scale surface must hold one."""
    rule = patterns.rules["MONEY"][0]
    for lexicon in ("currencies", "scales"):
        for row in patterns.lexicon(lexicon).rows:
            surface = row["surface"]
            words = [w.lower() for w in __import__("re").findall(r"[A-Za-z]+", surface)]
            assert words and words[-1] in rule.anchor_words or (rule.anchor and rule.anchor.search(surface)) or row.get("form") == "letter", surface


def test_windowed_scanning_finds_what_full_scanning_finds(patterns: PatternSet) -> None:
    """Running each rule only near its anchors loses no match (seeds, composed sentences, peer texts)."""
    import json

    from pipeline.rules.numeric import scan_numeric
    from pipeline.text.cleanup import analysis_text

    from .conftest import SEEDS, SHARED
    from .test_composed_releases import SENTENCES

    texts = [analysis_text(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    texts += [analysis_text(row[1]) for row in SENTENCES]
    peers = SHARED / "peer-suites"
    if peers.is_dir():
        texts += [json.loads(line)["text"] for path in sorted(peers.glob("*.jsonl")) for line in path.read_text().splitlines() if line.strip()]
    for text in texts:
        windowed = {(c.rule, c.start, c.end) for c in scan_numeric(text, patterns)}
        full = {(c.rule, c.start, c.end) for c in scan_numeric(text, patterns, everywhere=True)}
        assert windowed == full, (text[:80], full - windowed, windowed - full)


def test_trigger_matching_only_where_telling_words_are_finds_the_same() -> None:
    """The list-trigger Matcher runs only on sentences with a telling word, on the document's
    tokens or (rules only) on the sentence tokenized alone; every way finds the same triggers."""
    from spacy.tokens import Doc

    from pipeline.analyse.extractor import Extractor
    from pipeline.core.settings import Settings
    from pipeline.rules.components import ClusterRules
    from pipeline.text.sentences import split_sentences

    from .conftest import SEEDS
    from .test_composed_releases import SENTENCES

    extractor = Extractor(Settings(use_model=False))
    rules = extractor.nlp.get_pipe("press_clusters_v1")
    assert isinstance(rules, ClusterRules)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [row[1] for row in SENTENCES]
    texts.append("Industries, such as A and B; the sector, including C. Clusters with many new and strong advantages, such as D.")
    checked = 0
    for text in texts:
        tokenized, carrier = extractor.nlp.make_doc(text), Doc(extractor.nlp.vocab)
        for doc in (tokenized, carrier):
            doc._.press_text = text
            doc._.press_sentences = split_sentences(text, extractor.patterns.word_set("sentence.abbreviation"))
        found = rules._triggers(tokenized)
        assert rules._triggers(carrier) == found, text[:80]
        rules.everywhere = True
        try:
            assert rules._triggers(carrier) == found, text[:80]
        finally:
            rules.everywhere = False
        checked += bool(found)
    assert checked >= 10  # the texts do hold lists


def test_pattern_bundle_carries_the_folder_to_another_machine(tmp_path: Path) -> None:
    """What the Dask engine sends its workers: the same files, unpacked once per machine."""
    from pipeline.patterns.loader import PatternBundle

    bundle = PatternBundle.of(DEFAULT_PATTERNS_DIR)
    folder = bundle.unpack(tmp_path / "worker")
    assert load_patterns(folder).file_hashes == load_patterns(DEFAULT_PATTERNS_DIR).file_hashes
    assert bundle.unpack(tmp_path / "worker") == folder and len(list((tmp_path / "worker").iterdir())) == 1
    assert PatternBundle.of(folder).digest == bundle.digest


def test_rule_behaviour_is_a_key_of_the_rule_and_must_be_a_boolean(broken: Path) -> None:
    path = broken / "money.jsonl"
    path.write_text(path.read_text() + '{"id": "money.x", "label": "MONEY", "interp": "tier", "level": "yes", "regex": "(?P<span>x)", "anchor": "x"}\n')
    with pytest.raises(PatternError, match="`level` must be true or false"):
        load_patterns(broken)


def test_tier_rules_say_so_by_key_not_by_name(patterns: PatternSet) -> None:
    leveled = {rule.id for rule in patterns.rules["MONEY"] if rule.level}
    assert leveled == {"money.tier_bare", "money.tier_level", "money.tier_level_hyphen"}
    assert {p.id for p in patterns.token_patterns if p.fields} == {"cluster.list.fields_of", "cluster.list.for_such_fields_as", "cluster.list.in_fields", "cluster.list.new_fields"}


def test_an_unknown_word_set_is_named(patterns: PatternSet) -> None:
    with pytest.raises(PatternError, match="no word set 'date.nothing'"):
        patterns.words("date.nothing")


def test_a_renamed_tier_rule_keeps_its_behaviour(broken: Path, rules: Extractor) -> None:
    """Renaming a rule changes only its id: what it does is in its keys."""
    from pipeline.analyse.extractor import Extractor
    from pipeline.core.settings import Settings

    path = broken / "money.jsonl"
    path.write_text(path.read_text().replace('"id": "money.tier_level_hyphen"', '"id": "money.scale_tier_named"'))
    renamed = Extractor(Settings(use_model=False, patterns_dir=broken))
    text = "It built two hundred-billion-level industrial clusters."
    before = [(m.text, m.qualifier, m.each, m.rule) for m in rules.extract_text(text, doc_id="t.txt").mentions if m.label.value == "MONEY"]
    after = [(m.text, m.qualifier, m.each, m.rule) for m in renamed.extract_text(text, doc_id="t.txt").mentions if m.label.value == "MONEY"]
    assert before == [("hundred-billion-level", "level", True, "money.tier_level_hyphen")]
    assert after == [("hundred-billion-level", "level", True, "money.scale_tier_named")]


def test_every_word_set_says_what_it_is_for(patterns: PatternSet) -> None:
    header = (patterns.directory / "lexicons" / "word_sets.tsv").read_text(encoding="utf-8")
    undocumented = [name for name in patterns.word_table if f"# {name}: " not in header]
    assert not undocumented


def test_no_known_industry_is_a_word_the_rules_call_generic_or_broad(patterns: PatternSet) -> None:
    """A generic or broad word ("manufacturing") in clusters.tsv would pass as a named industry
    wherever it stands before "industry"; such words count only as items of explicit lists."""
    from pipeline.rules.clusters import ClusterLexicons

    lex = ClusterLexicons.from_patterns(patterns)
    assert not sorted(key for key in lex.terms if key in lex.generic or key in lex.broad)


def test_known_industries_are_known_in_both_numbers(patterns: PatternSet) -> None:
    """A listed name is found in the singular and the plural, but never turned into a word that
    reads as an adjective ("chemicals" -> "chemical") or a plural that is none ("electronics")."""
    from pipeline.rules.clusters import ClusterLexicons, cluster_key

    lex = ClusterLexicons.from_patterns(patterns)
    assert lex.terms[cluster_key("new-generation information technologies")] == lex.terms[cluster_key("new generation information technology")]
    assert cluster_key("power battery") in lex.terms and cluster_key("new material") in lex.terms
    assert "electronic" not in lex.terms and "logistic" not in lex.terms and "chemical" not in lex.terms
