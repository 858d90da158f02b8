"""Blocks that are page furniture rather than article (ads, share prompts, bylines), and paywall stubs."""

from __future__ import annotations

import re

_PAYWALL = re.compile(
    r"subscribe to (?:continue|read)|to continue reading|subscribers? only|already a subscriber"
    r"|(?:log|sign) in to (?:continue|read)|create a free account to (?:continue|read)"
    r"|this (?:article|content) is (?:only )?(?:available|for) (?:to )?(?:subscribers|members)",
    re.IGNORECASE,
)
PAYWALL_MAX_WORDS = 150
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
    rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:,? (?:at )?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?: [a-z]{{2,4}})?)?"
)
# Whole blocks that are furniture wherever they appear.
_FURNITURE = re.compile(
    r"(?:skip )?advertisement|ad|sponsored|share(?: this(?: article| story| post)?)?(?: on \w+)?"
    r"|sign up for (?:our|the) newsletter.*|subscribe to (?:our|the) newsletter.*"
    r"|you (?:may|might) also like|recommended(?: for you)?|more from .{1,40}|loading(?:\.\.\.|…)?"
    r"|thank you for reading .{1,80}|(?:copyright|©).{0,120}all rights reserved(?:\..{0,200})?"
    r"|\d{1,3} min(?:ute)?s?(?: read)?|[\W_]*"
    r"|as an amazon associate,? (?:i|we) earn from qualifying purchases"
    r"|(?:this (?:article|post|page|blog|guide) (?:is|was) )?(?:last )?"
    rf"(?:(?:updated|published|posted)(?: on)?:? )?{_DATE}(?: by .{{1,40}})?",
    re.IGNORECASE,
)
# Bylines and bare counters (views, shares) near the top.
_MASTHEAD_LINE = re.compile(
    r"(?:written |words |posted )?by:? \S+(?: \S+){0,5}|[\d\W_]+", re.IGNORECASE
)
_LEADING_BLOCKS = 5  # headline repeats and bylines are only looked for this close to the start
_MASTHEAD_WORDS = 8  # lines above the headline repeat are this short (breadcrumbs, site name, date)
_WORD = re.compile(r"\w+")


def drop_boilerplate(blocks: list[str], titles: tuple[str, ...] = ()) -> list[str]:
    """The blocks without furniture, and without what sits above a repeat of the headline."""
    kept = [block for block in blocks if not _FURNITURE.fullmatch(block.strip(" .:|·•-#"))]
    return _drop_masthead(kept, {key for key in map(_words, titles) if key})


def _drop_masthead(blocks: list[str], titles: set[str]) -> list[str]:
    """Drop a repeat of the headline near the top, with the short lines (breadcrumbs, site name) above it,
    and bylines near the top."""
    start = 0
    for index, block in enumerate(blocks[:_LEADING_BLOCKS]):
        if _repeats_title(block, titles):
            start = index + 1
            break
        if len(block.split()) > _MASTHEAD_WORDS:
            break
    head = [b for b in blocks[start:_LEADING_BLOCKS] if not _MASTHEAD_LINE.fullmatch(b.strip(" #"))]
    return head + blocks[max(start, _LEADING_BLOCKS) :]


def _repeats_title(block: str, titles: set[str]) -> bool:
    words = _words(block)
    return any(words == key or (len(words) >= 4 and key.startswith(words + " ")) for key in titles)


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def is_paywall_stub(text: str) -> bool:
    """A short text that asks the reader to subscribe or log in is a paywall, not the article."""
    return len(text.split()) < PAYWALL_MAX_WORDS and _PAYWALL.search(text) is not None
