"""Which quotations close their own sentence before a later one: asked by the speaker rules of
all the quotations of a masked sentence at once, in time that does not grow with them."""

from __future__ import annotations

from collections.abc import Collection

from newstui.nlp.quotes import QuoteSpan
from newstui.nlp.segment import bisect_ints_left


class SentenceClosers:
    """Which speech quotations close their own sentence before a later one ('“…on it.” After
    her speech, the “Big Mike” slur…': their own stop, then a space and a capital), which the
    masked text cannot tell; asked of all the quotations of a sentence at once, in time that
    does not grow with them (an article of thousands of quotes in one masked sentence)."""

    def __init__(
        self, text: str, spans: list[QuoteSpan], short: Collection[QuoteSpan], few: int = 6
    ) -> None:
        self.text = text
        self.spans = spans
        self.few = few  # a range of at most this many spans is read span by span (most)
        size = len(spans)
        never = len(text) + 1
        # the first non-space after each quotation that closes its sentence, else `never`: it
        # closes its sentence before a later quotation when that comes before the later's mark
        self.next_words = [never] * size
        self.opens = [s.open_mark for s in spans]
        self.short = [s in short for s in spans]
        for j, s in enumerate(spans):
            at = s.close_mark + 1
            stop = text[s.start : s.end].rstrip().rstrip("]")[-1:] in (".", "!", "?")
            if stop and text[at : at + 1].isspace():
                while at < len(text) and text[at].isspace():
                    at += 1
                if text[at : at + 1].isupper():
                    self.next_words[j] = at
        # prefix counts over the spans (the first k of them), made when a long range is asked:
        # not short; not short and closing no sentence; tangled with the next (see `_plain`);
        # and the last closing one before k
        self.spoken_upto: list[int] = []
        self.unclosed_upto: list[int] = []
        self.tangled_upto: list[int] = []
        self.last_closing: list[int] = []

    def _count(self) -> None:
        size = len(self.spans)
        never = len(self.text) + 1
        self.spoken_upto = [0] * (size + 1)
        self.unclosed_upto = [0] * (size + 1)
        self.tangled_upto = [0] * (size + 1)
        self.last_closing = [-1] * (size + 1)
        spans = self.spans
        for j, s in enumerate(spans):
            closes = self.next_words[j] < never
            spoken = not self.short[j]
            self.spoken_upto[j + 1] = self.spoken_upto[j] + spoken
            self.unclosed_upto[j + 1] = self.unclosed_upto[j] + (spoken and not closes)
            self.last_closing[j + 1] = j if closes else self.last_closing[j]
            tangled = j + 1 < size and (
                s.close_mark >= spans[j + 1].open_mark or not _solid(self.text, spans[j + 1])
            )
            self.tangled_upto[j + 1] = self.tangled_upto[j] + tangled

    def closes_before(self, j: int, later_open: int) -> bool:
        """Whether spans[j] closes its sentence before the quotation opened at `later_open`."""
        return self.next_words[j] < later_open

    def _plain(self, lo: int, k: int) -> bool:
        """Whether each span of lo..k-1 ends before the next opens and that next holds a
        non-space: then each of lo..k-2 that closes its sentence does so before span k opens
        (its next word comes no later than the next span's), and the sentence start moved past
        one of them lies before the next."""
        if not self.tangled_upto:
            self._count()
        return self.tangled_upto[k] == self.tangled_upto[lo]

    def beside(self, start: int, end: int, mark: int) -> bool:
        """Whether a quotation opened in [start, end), not short, is not closed off by its own
        sentence's end before the quotation opened at `mark`."""
        lo = bisect_ints_left(self.opens, start)
        hi = bisect_ints_left(self.opens, end)
        k = bisect_ints_left(self.opens, mark)
        if hi - lo <= self.few or not (lo <= k < hi and self._plain(lo, k)):
            return any(not self.short[j] and not self.closes_before(j, mark) for j in range(lo, hi))
        if self.spoken_upto[hi] > self.spoken_upto[k]:
            return True  # one opened from `mark` on: none of them closes before it
        if k - 1 > lo and self.unclosed_upto[k - 1] > self.unclosed_upto[lo]:
            return True  # one of lo..k-2 that closes no sentence
        j = k - 1
        return j >= lo and not self.short[j] and not self.closes_before(j, mark)

    def start_after_closed(self, start: int, mark: int) -> int:
        """Where the sentence from `start` holding the quotation opened at `mark` starts: past
        each earlier quotation from `start` on that closed a sentence, in turn."""
        lo = bisect_ints_left(self.opens, start)
        k = bisect_ints_left(self.opens, mark)
        if k - lo <= self.few or not self._plain(lo, k):
            for j in range(lo, k):
                if start <= self.opens[j] and self.closes_before(j, mark):
                    start = self.spans[j].close_mark + 1
            return start
        j = k - 1  # the last of lo..k-1 that closes before `mark` (each is from `start` on)
        if j >= lo and not self.closes_before(j, mark):
            j = self.last_closing[j]  # before k - 1, closing a sentence is closing before it
        return self.spans[j].close_mark + 1 if j >= lo else start


def _solid(text: str, span: QuoteSpan) -> bool:
    """Whether the span holds a non-space by its closing mark: the mark itself, or the first
    word of an unmarked paragraph."""
    close = span.close_mark
    if close < len(text) and not text[close].isspace():
        return True
    return span.start <= close and span.start < len(text) and not text[span.start].isspace()
