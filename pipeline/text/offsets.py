"""OffsetMap: where each character of an analysed text came from in the original file.

Built from segments (out_start, out_end, src_start, src_end). A segment whose two lengths
are equal maps character by character (text copied as is); any other segment maps as a
whole (an entity "&amp;" -> "&", a run of white space -> " ", a line break added for a
block element, which covers no source characters).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    out: list[int] = field(default_factory=list)  # out_start of each segment, increasing
    out_end: list[int] = field(default_factory=list)
    src: list[int] = field(default_factory=list)
    src_end: list[int] = field(default_factory=list)

    def add(self, out_start: int, out_end: int, src_start: int, src_end: int) -> None:
        if out_end <= out_start:
            return
        # Merge with the previous segment when both copy text and sit side by side.
        if (
            self.out
            and self.out_end[-1] == out_start
            and self.src_end[-1] == src_start
            and self.out_end[-1] - self.out[-1] == self.src_end[-1] - self.src[-1]
            and out_end - out_start == src_end - src_start
        ):
            self.out_end[-1] = out_end
            self.src_end[-1] = src_end
            return
        self.out.append(out_start)
        self.out_end.append(out_end)
        self.src.append(src_start)
        self.src_end.append(src_end)

    def _segment(self, offset: int) -> int:
        return max(bisect_right(self.out, offset) - 1, 0)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the analysed span [start, end)."""
        if not self.out:
            return start, end
        first = self._segment(start)
        last = self._segment(max(end - 1, start))
        if self.out_end[first] - self.out[first] == self.src_end[first] - self.src[first]:
            source_start = self.src[first] + (start - self.out[first])
        else:
            source_start = self.src[first]
        if self.out_end[last] - self.out[last] == self.src_end[last] - self.src[last]:
            source_end = self.src[last] + (end - self.out[last])
        else:
            source_end = self.src_end[last]
        return source_start, max(source_end, source_start)

    def select(self, pieces: list[tuple[int, int]]) -> OffsetMap:
        """The map of the text made of these pieces of this map's text, in order, joined by
        one line break each (which covers no source characters). A piece must not cut a
        segment that maps as a whole."""
        chosen = OffsetMap()
        length = 0
        for number, (start, end) in enumerate(pieces):
            if number:
                position = self.to_source(start, start)[0]
                chosen.add(length, length + 1, position, position)
                length += 1
            index = self._segment(start)
            while index < len(self.out) and self.out[index] < end:
                seg_start, seg_end = max(self.out[index], start), min(self.out_end[index], end)
                if seg_end > seg_start:
                    copied = self.out_end[index] - self.out[index] == self.src_end[index] - self.src[index]
                    src_start = self.src[index] + (seg_start - self.out[index]) if copied else self.src[index]
                    src_end = self.src[index] + (seg_end - self.out[index]) if copied else self.src_end[index]
                    chosen.add(length + seg_start - start, length + seg_end - start, src_start, src_end)
                index += 1
            length += end - start
        return chosen
