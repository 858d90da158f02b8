"""Find in the article and long links stay linear in the article's size: the linear walks give
exactly what the plain (quadratic) forms they replace give."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from newstui.tui.reader_find import outside
from newstui.tui.widgets.reader import LINK_BREAKS, wrap_link


def plain_outside(spans, tags):
    return [(s, e) for s, e in spans if not any(a < e and s < b for a, b in tags)]


def plain_wrap_link(link: str, width: int) -> str:
    lines, rest = [], link
    while cell_len(rest) > width > 0:
        cut, cells = 0, 0
        while cut < len(rest) and cells + cell_len(rest[cut]) <= width:
            cells += cell_len(rest[cut])
            cut += 1
        cut = max(cut, 1)
        after = max(rest.rfind(mark, 0, cut) for mark in LINK_BREAKS) + 1
        if after > cut // 2:
            cut = after
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(200))
def test_matches_outside_the_speaker_tags_are_those_overlapping_none(seed):
    rng = random.Random(seed)
    tags, at = [], 0
    for _ in range(rng.randrange(0, 12)):
        at += rng.randrange(0, 6)
        length = rng.randrange(1, 6)
        tags.append((at, at + length))
        at += length
    rng.shuffle(tags)  # the reader's tags need not come sorted
    spans, at = [], 0
    for _ in range(rng.randrange(0, 20)):
        at += rng.randrange(0, 5)
        spans.append((at, at + rng.randrange(1, 4)))
    spans.sort()

    assert outside(spans, tags) == plain_outside(spans, tags)


@pytest.mark.parametrize("seed", range(200))
def test_a_long_link_wraps_as_the_plain_form_did(seed):
    rng = random.Random(seed)
    alphabet = "abcdefgh/?&=#-_.,;+中文é"
    link = "https://" + "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
    width = rng.randrange(1, 40)

    assert wrap_link(link, width) == plain_wrap_link(link, width)
