"""Length-preserving cleanup of a document's text for analysis.

Every replacement is one code point for one code point, so an offset into the analysis
text is the same offset into the original text, and mention text is always sliced from
the original. Anything that changes length must go through an explicit offset map.
"""

from __future__ import annotations

import re

_ONE_FOR_ONE = {
    # spaces: no-break, thin, figure, ideographic, zero-width
    "\u00a0": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u200b": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\ufeff": " ",
    # quotes and apostrophes
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\uff07": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\uff02": '"',
    # dashes and minus signs
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\uff0d": "-",
    "\ufe63": "-",
    # full-width punctuation common in English text from Chinese sites
    "\uff05": "%",
    "\uff0c": ",",
    "\uff08": "(",
    "\uff09": ")",
    "\uff1a": ":",
    "\uff1b": ";",
    "\uff0e": ".",
    "\uff04": "$",
    "\uffe5": "\u00a5",
    "\uff5e": "~",
    "\uff0f": "/",
    # the title separator used by Chinese sites ("...Development丨Press Conference")
    "\u4e28": "|",
    "\uff5c": "|",
}
_ONE_FOR_ONE.update({chr(0xFF10 + d): str(d) for d in range(10)})  # full-width digits

_TABLE = str.maketrans(_ONE_FOR_ONE)


def analysis_text(text: str) -> str:
    """The text the recognizers see: same length as `text`, offsets unchanged."""
    cleaned = text.translate(_TABLE)
    assert len(cleaned) == len(text)
    return cleaned


LONG_RUN = 64  # characters: no word, name or number the tokenizer needs to see is longer


def tokenizer_view(text: str) -> str:
    """`text` with every run of more than LONG_RUN non-space characters blanked (one for
    one: offsets unchanged). Such runs ("=====...", "1-1-1-...", a URL, glued scraps) hold
    nothing the model or a token pattern can name, and spaCy's tokenizer is quadratic in a
    chunk's length and makes a token of every character of them. Only the tokenizer sees
    this view; the regex rules read the text as it is."""
    if not _LONG.search(text):
        return text
    return _LONG.sub(lambda run: " " * len(run.group()), text)


_LONG = re.compile(rf"\S{{{LONG_RUN + 1},}}")
