"""The formats of the pattern files (patterns/README.md): which files exist, the columns of
each lexicon and their allowed values, and the keys each kind of rule may have. The loader
checks every file against these."""

from __future__ import annotations

# Columns every lexicon must have (more are refused, so typos surface).
LEXICON_COLUMNS: dict[str, tuple[str, ...]] = {
    "currencies": ("surface", "iso", "position", "case", "factor"),
    "scales": ("surface", "multiplier", "form"),
    "number_words": ("word", "value", "kind"),
    "ordinals": ("word", "value"),
    "qualifiers": ("phrase", "qualifier", "side", "applies"),
    "months": ("surface", "month", "bare"),
    "weekdays": ("surface", "weekday"),
    "five_year_plans": ("ordinal", "start", "end"),
    "money_context": ("word",),
    "clusters": ("variant", "canonical", "mode"),
    "cluster_words": ("word", "role"),
    "org_heads": ("word", "kind"),
    "org_names": ("name", "kind", "long_form"),
    "org_stopwords": ("word", "role"),
    "zones": ("suffix",),
    "places": ("name",),
    "not_orgs": ("name",),
    "event_words": ("word",),
    "anchor_words": ("set", "word"),
    "word_sets": ("set", "word"),
    "fact_cues": ("cue", "field", "value", "side", "reach"),
    "indicators": ("term",),
}
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("currencies", "position"): frozenset({"before", "after", "both", "after_strict"}),
    ("currencies", "case"): frozenset({"s", "i"}),
    ("scales", "form"): frozenset({"word", "abbr", "letter"}),
    ("number_words", "kind"): frozenset({"unit", "teen", "tens", "hundred", "article"}),
    ("qualifiers", "qualifier"): frozenset({"approx", "over", "under", "at_least", "at_most", "by", "since", "before", "after", "until"}),
    ("qualifiers", "side"): frozenset({"left", "right"}),
    ("qualifiers", "applies"): frozenset({"amount", "date"}),
    ("months", "bare"): frozenset({"yes", "no"}),
    ("clusters", "mode"): frozenset({"list", "anywhere"}),
    ("cluster_words", "role"): frozenset(
        {
            "generic",
            "modifier",
            "classifier",
            "field_head",
            "broad",
            "verb",
            "ing_noun",
            "head",
            "head_after_industrial",
            "head_like",
            "item_tail",
            "list_stop",
            "phrase_stop",
            "and_related",
            "naming_generic",
            "alone_not_industry",
            "product_context",
            "never_alone",
            "never_last",
        }
    ),
    ("fact_cues", "field"): frozenset({"kind", "measure"}),
    ("fact_cues", "value"): frozenset({"actual", "target", "other", "change", "share", "rate", "amount"}),
    ("fact_cues", "side"): frozenset({"before", "after"}),
    ("fact_cues", "reach"): frozenset({"near", "clause"}),
    ("org_heads", "kind"): frozenset({"head", "suffix", "media", "descriptor", "class"}),
    ("org_names", "kind"): frozenset({"media", "newswire", "company", "acronym", "body"}),
    ("org_stopwords", "role"): frozenset(
        {"left_stop", "title", "descriptive", "generic", "surname", "possessive_name", "connector", "place_level", "initials_skip", "minor_word", "topic", "credit", "menu"}
    ),
}
RULE_FILES = {"MONEY": "money.jsonl", "PERCENT": "percent.jsonl", "DATE": "dates.jsonl"}
RULE_KEYS = frozenset({"id", "label", "interp", "regex", "anchor", "anchor_words", "examples", "note", "level"})
TOKEN_PATTERN_FILES = ("cluster_patterns.jsonl",)
BOILERPLATE_FILE = "boilerplate.jsonl"
BOILERPLATE_KEYS = frozenset({"id", "category", "scope", "regex", "examples", "note", "max_line", "requires"})
TOKEN_PATTERN_KEYS = frozenset({"id", "label", "pattern", "kind", "note", "fields"})
FRAGMENT_KEYS = frozenset({"name", "regex", "lexicon", "column", "where", "case", "note"})
# Lexicons whose surfaces' last words a rule may name as anchors ("lexicon:months").
SURFACE_LEXICONS = ("months", "weekdays", "currencies", "scales")
