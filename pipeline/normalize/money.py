"""MONEY spans -> exact value, value_high, ISO 4217 unit, inferred.

The recognizer's regex says where an amount is; this module reads the span's own words:
currency signs and names, numbers in figures or words, scale words, range separators.
Qualifier and "each" come from the words around the span (relations.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..patterns.loader import PatternSet
from .context import SpanContext
from .numbers import NumberReader

DEFAULT_CURRENCY = "CNY"  # the releases are about China: an unwritten currency is the yuan
# A range separator: a dash between figures ("5-6 billion"), or "to"/"and" between words.
_RANGE = re.compile(r"(?<=[\d.])\s*[-~]\s*(?=[\d.]|[^\S\r\n]*[A-Z$€£¥])|\s+(?i:to|and)\s+")


@dataclass(frozen=True, slots=True)
class MoneyValue:
    value: Decimal
    value_high: Decimal | None
    unit: str
    inferred: bool
    tier: bool  # a scale tier ("ten-billion-level"); relations.py decides qualifier "level"


class MoneyNormalizer:
    def __init__(self, patterns: PatternSet, numbers: NumberReader) -> None:
        self.numbers = numbers
        rows = sorted(patterns.lexicon("currencies").rows, key=lambda r: -len(r["surface"]))
        parts = []
        self.currency_by_surface: dict[str, tuple[str, Decimal]] = {}
        for row in rows:
            literal = re.escape(row["surface"]).replace("\\ ", r"\s+")
            parts.append(f"(?i:{literal})" if row["case"] == "i" else literal)
            key = row["surface"].lower() if row["case"] == "i" else row["surface"]
            self.currency_by_surface.setdefault(key, (row["iso"], Decimal(row["factor"])))
        self.currency_re = re.compile(r"(?<![A-Za-z])(?:" + "|".join(parts) + r")(?![A-Za-z])")
        self.context_words = re.compile(
            r"\b(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in patterns.lexicon("money_context").column("word")) + r")\b",
            re.IGNORECASE,
        )
        self.tier_word = re.compile(rf"(?:-|\s)(?:{patterns.alternation('money.tier_word')})$", re.IGNORECASE)
        # what may follow a bare "N billion" read as money ("GDP of 210 billion in 2023")
        self.implied_follower = re.compile(rf"\s*(?:$|[^\w\s]|(?:{patterns.alternation('money.implied_follower')})\b)", re.IGNORECASE)
        self._readers: dict[str, Callable[[SpanContext, str], MoneyValue | None]] = {
            "amount": self._amount,
            "shared": self._shared,
            "tier": self._tier,
            "implied": self._implied,
            "major_minor": self._major_minor,
        }

    def currency(self, surface: str) -> tuple[str, Decimal] | None:
        squashed = re.sub(r"\s+", " ", surface)
        return self.currency_by_surface.get(squashed) or self.currency_by_surface.get(squashed.lower())

    @property
    def interps(self) -> frozenset[str]:
        """The readings a money rule may name as its `interp`."""
        return frozenset(self._readers)

    def normalize(self, interp: str, ctx: SpanContext, default_currency: str = DEFAULT_CURRENCY) -> MoneyValue | None:
        """Read one MONEY span with the rule's reading (`interp`, one of `interps`)."""
        reader = self._readers.get(interp)
        if reader is None:
            raise KeyError(f"no money reader named {interp!r}")
        return reader(ctx, default_currency)

    def _written_currencies(self, span: str) -> tuple[str, list[tuple[int, int, tuple[str, Decimal]]]]:
        """The span with its currency words blanked, and those currencies (ISO code, factor)."""
        found = [(m.start(), m.end(), self.currency(m.group())) for m in self.currency_re.finditer(span)]
        currencies = [(start, end, cur) for start, end, cur in found if cur is not None]
        bare = span
        for start, end, _ in currencies:
            bare = bare[:start] + " " * (end - start) + bare[end:]
        return bare, currencies

    @staticmethod
    def _main_currency(currencies: list[tuple[int, int, tuple[str, Decimal]]]) -> tuple[str, Decimal]:
        majors = [cur for _, _, cur in currencies if cur[1] == 1]
        return (majors or [cur for _, _, cur in currencies])[0]

    def _amount(self, ctx: SpanContext, default_currency: str) -> MoneyValue | None:
        """A written currency and an amount: 'RMB 70 billion', '149 billion U.S. dollars'."""
        bare, currencies = self._written_currencies(ctx.span)
        if not currencies:
            return None
        return self._read(bare, self._main_currency(currencies), inferred=False, tier=False)

    def _shared(self, ctx: SpanContext, default_currency: str) -> MoneyValue | None:
        """An amount whose currency is written after a later amount ('5 and 6 billion yuan')."""
        bare, currencies = self._written_currencies(ctx.span)
        if currencies:
            return self._read(bare, self._main_currency(currencies), inferred=False, tier=False)
        shared = self.currency(ctx.group("shared_unit")) if ctx.group("shared_unit") else None
        return self._read(bare, shared, inferred=True, tier=False) if shared is not None else None

    def _tier(self, ctx: SpanContext, default_currency: str) -> MoneyValue | None:
        """A scale tier ('ten-billion-level', '300 billion level'): yuan unless written."""
        bare, currencies = self._written_currencies(ctx.span)
        bare = self.tier_word.sub("", bare.rstrip())
        currency = self._main_currency(currencies) if currencies else (default_currency, Decimal(1))
        return self._read(bare, currency, inferred=not currencies, tier=True)

    def _implied(self, ctx: SpanContext, default_currency: str) -> MoneyValue | None:
        """A bare 'N billion' right after an economic word of its clause: yuan unless written."""
        if not self._economic_amount(ctx):
            return None
        bare, currencies = self._written_currencies(ctx.span)
        currency = self._main_currency(currencies) if currencies else (default_currency, Decimal(1))
        return self._read(bare, currency, inferred=not currencies, tier=False)

    def _major_minor(self, ctx: SpanContext, default_currency: str) -> MoneyValue | None:
        bare, currencies = self._written_currencies(ctx.span)
        return self._major_and_minor(bare, currencies)

    def _read(self, bare: str, currency: tuple[str, Decimal], inferred: bool, tier: bool) -> MoneyValue | None:
        iso, factor = currency
        low_text, high_text = self._split_range(bare)
        low, low_scaled = self.numbers.amount(low_text)
        if low is None:
            return None
        high = None
        if high_text is not None:
            high, high_scaled = self.numbers.amount(high_text)
            if high is None:
                return None
            if not low_scaled and high_scaled:
                # "5 to 6 billion yuan": the scale words belong to both ends.
                low = low * self._trailing_scale(high_text)
            if high < low:
                return None
        return MoneyValue(
            value=low * factor,
            value_high=high * factor if high is not None else None,
            unit=iso,
            inferred=inferred,
            tier=tier,
        )

    def _split_range(self, bare: str) -> tuple[str, str | None]:
        text = bare.strip()
        text = re.sub(r"^(?i:between)\s+", "", text)
        # A separator between two numbers; "-" inside words ("trillion-yuan") is not one.
        for match in _RANGE.finditer(text):
            left, right = text[: match.start()], text[match.end() :]
            if self.numbers.amount(left)[0] is not None and self.numbers.amount(right)[0] is not None:
                return left, right
        return text, None

    def _trailing_scale(self, text: str) -> Decimal:
        pieces = self.numbers.pieces(text)
        return pieces[-1].scale if pieces and pieces[-1].scale is not None else Decimal(1)

    def _major_and_minor(self, bare: str, currencies: list[tuple[int, int, tuple[str, Decimal]]]) -> MoneyValue | None:
        """'$20 43', '20 dollars 43 cents', 'c $ 100 and fifty': major units, then hundredths."""
        majors = [cur for _, _, cur in currencies if cur[1] == 1]
        if not majors:
            return None
        iso = majors[0][0]
        pieces = [p for p in self.numbers.pieces(bare) if p.number is not None]
        if len(pieces) != 2 or pieces[0].scale or pieces[1].scale:
            return None
        major, minor = pieces[0].number, pieces[1].number
        assert major is not None and minor is not None
        if minor >= 100:
            return None
        return MoneyValue(value=major + minor / 100, value_high=None, unit=iso, inferred=False, tier=False)

    def _economic_amount(self, ctx: SpanContext) -> bool:
        """A bare 'N billion' is money only right after an economic word of its own clause
        ('GDP of 210 billion', 'revenue reached 1.5 trillion'), and not before a counted noun."""
        if not self.implied_follower.match(ctx.after):
            return False
        clause = re.split(r"[,;:()]|\band\b|\bwhile\b", ctx.before)[-1]
        return bool(self.context_words.search(" ".join(clause.split()[-6:])))
