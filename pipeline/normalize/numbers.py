"""Numbers written in figures or words, and amounts with scale words, as exact Decimals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..patterns.loader import PatternSet

_FIGURES = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z]+")
_CHINESE_UNITS = (Decimal(100), Decimal(10000))  # "460 100 million": 100 million is one unit (yi)


@dataclass(frozen=True, slots=True)
class Piece:
    """A number with the scale words after it: ("4", billion) in "4 billion 280 million"."""

    number: Decimal | None
    scale: Decimal | None


class NumberReader:
    """Reads numbers and amounts; its vocabulary comes from the number and scale lexicons."""

    def __init__(self, patterns: PatternSet) -> None:
        self.words: dict[str, tuple[Decimal, str]] = {row["word"].lower(): (Decimal(row["value"]), row["kind"]) for row in patterns.lexicon("number_words").rows}
        scales = patterns.lexicon("scales").rows
        # Longest first so "hundred million" wins over "million".
        self.scales: list[tuple[re.Pattern[str], Decimal]] = [
            (re.compile(r"(?<![A-Za-z])" + re.escape(row["surface"]).replace("\\ ", r"\s+") + r"(?![A-Za-z])", re.IGNORECASE), Decimal(row["multiplier"]))
            for row in sorted(scales, key=lambda r: -len(r["surface"]))
        ]

    # -- single numbers ---------------------------------------------------------------
    def number(self, text: str) -> Decimal | None:
        """'1,600' -> 1600; 'twenty-five' -> 25; 'one hundred and five' -> 105; 'a' -> 1."""
        text = text.strip()
        if not text:
            return None
        if _FIGURES.fullmatch(text):
            try:
                return Decimal(text.replace(",", ""))
            except InvalidOperation:
                return None
        return self._words(text)

    def _words(self, text: str) -> Decimal | None:
        raw = [t.lower() for t in re.split(r"[\s-]+", text) if t]
        if "and" in raw and "hundred" not in raw[: raw.index("and")]:
            return None  # "one and two" is two numbers; "one hundred and five" is one
        tokens = [t for t in raw if t != "and"]
        if not tokens:
            return None
        if tokens in (["half", "a"], ["half", "an"]):
            return Decimal("0.5")  # "half a billion"
        total = Decimal(0)
        current = Decimal(0)
        seen = False
        for token in tokens:
            entry = self.words.get(token)
            if entry is None:
                return None
            value, kind = entry
            if kind == "hundred":
                current = (current or Decimal(1)) * 100
            else:
                current += value
            seen = True
        total += current
        return total if seen else None

    # -- amounts with scale words ---------------------------------------------------------
    def pieces(self, text: str) -> list[Piece]:
        """Split '4 billion 280 million' into numbers each followed by its scales."""
        marks: list[tuple[int, int, str, Decimal | None]] = []
        taken = [False] * len(text)
        for pattern, multiplier in self.scales:
            for match in pattern.finditer(text):
                if any(taken[match.start() : match.end()]):
                    continue
                # Single letters (m, b, k) only count glued to digits: "$5m".
                if len(match.group()) == 1 and not (match.start() > 0 and text[match.start() - 1].isdigit()):
                    continue
                for i in range(match.start(), match.end()):
                    taken[i] = True
                marks.append((match.start(), match.end(), "scale", multiplier))
        for match in _FIGURES.finditer(text):
            if not any(taken[match.start() : match.end()]):
                marks.append((match.start(), match.end(), "number", Decimal(match.group().replace(",", ""))))
                for i in range(match.start(), match.end()):
                    taken[i] = True
        for match in re.finditer(r"(?i)\bhalf\s+an?\b", text):  # "half a billion"
            if not any(taken[match.start() : match.end()]):
                marks.append((match.start(), match.end(), "number", Decimal("0.5")))
                for i in range(match.start(), match.end()):
                    taken[i] = True
        # Number words: runs of words the lexicon knows, outside scales and figures.
        for match in re.finditer(r"[A-Za-z]+(?:[\s-]+[A-Za-z]+)*", text):
            run = [(m.start() + match.start(), m.end() + match.start(), m.group()) for m in _WORD.finditer(match.group())]
            i = 0
            while i < len(run):
                j = i
                while (
                    j < len(run)
                    and not any(taken[run[j][0] : run[j][1]])
                    and (
                        run[j][2].lower() in self.words
                        # "and" joins number words only after "hundred": "one hundred and five", not "one and two"
                        or run[j][2].lower() == "and"
                        and any(w[2].lower() == "hundred" for w in run[i:j])
                    )
                ):
                    j += 1
                while j > i and run[j - 1][2].lower() == "and":
                    j -= 1
                if j > i:
                    start, end = run[i][0], run[j - 1][1]
                    value = self._words(text[start:end])
                    if value is not None:
                        marks.append((start, end, "number", value))
                    i = j
                else:
                    i += 1
        marks.sort()
        pieces: list[Piece] = []
        for _, _, kind, value in marks:
            if kind == "number":
                pieces.append(Piece(value, None))
            elif pieces and pieces[-1].number is not None or pieces and pieces[-1].scale is not None:
                last = pieces[-1]
                pieces[-1] = Piece(last.number, (last.scale or Decimal(1)) * value if value is not None else last.scale)
            else:
                pieces.append(Piece(None, value))  # a scale with no number: "trillion-yuan"
        return pieces

    def amount(self, text: str) -> tuple[Decimal | None, bool]:
        """The value of one amount and whether it had a scale word.

        '1.1 trillion' -> 1.1e12; '4 billion 280 million' -> 4.28e9 (falling scales add up);
        '460 100 million' -> 4.6e10 (a bare number times a Chinese unit); 'trillion' -> 1e12.
        """
        pieces = self.pieces(text)
        if not pieces:
            return None, False
        has_scale = any(p.scale is not None for p in pieces)
        if len(pieces) == 1:
            piece = pieces[0]
            return (piece.number if piece.number is not None else Decimal(1)) * (piece.scale or Decimal(1)), has_scale
        if len(pieces) == 2 and pieces[0].scale is None and pieces[0].number is not None:
            second = pieces[1]
            if second.number in _CHINESE_UNITS and second.scale is not None:
                return pieces[0].number * second.number * second.scale, True
            if second.number is not None and second.scale is None and second.number in _CHINESE_UNITS:
                return pieces[0].number * second.number, False
            return None, has_scale
        # Falling scales add up: 4 billion 280 million.
        total = Decimal(0)
        previous: Decimal | None = None
        for piece in pieces:
            if piece.number is None or piece.scale is None or (previous is not None and piece.scale >= previous):
                return None, has_scale
            total += piece.number * piece.scale
            previous = piece.scale
        return total, True
