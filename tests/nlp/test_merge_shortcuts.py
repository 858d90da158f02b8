"""The extractor's rules-12 shortcuts give exactly what they replace: the backward scan for the
words before a bracketed abbreviation answers as the pattern it replaced does, and the product
cues' and the merges' cheap checks answer as the expressions they stand for."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp.entities import Candidate
from newstui.nlp.entity_cues import (
    _FIRM_AFTER,
    _NAME_WORD,
    _PRODUCT_AFTER,
    _PRODUCT_BEFORE,
    _PRODUCT_INITIALS,
    _abbreviation_tail,
    _spells_but_one,
    _term_words_start,
)
from newstui.nlp.entity_merge import (
    _COMPANY_SUFFIXES,
    _GENERATIONS,
    _generation_surname,
    _names_a_company,
)
from newstui.nlp.entity_passes import _EntityFinder

# Word characters of every kind the pattern tells apart (ASCII letters open its words; digits,
# "_", apostrophes and other letters only go on), its joiners, and what breaks a run.
TERM_CHARS = st.sampled_from(list("aZqB09_’'é٣Ωx /-/ .,(\n\t"))
# The words before "(PCR)" as a pattern: what `_term_words_start` answers, found by a search.
_TERM_WORDS = re.compile(r"(?:[A-Za-z][\w’']*[ /-])*[A-Za-z][\w’']*\Z")


def _search_start(text: str, lo: int, end: int) -> int:
    m = _TERM_WORDS.search(text, lo, end)
    return -1 if m is None else m.start()


@settings(max_examples=3000, deadline=None)
@given(st.lists(TERM_CHARS, max_size=24).map("".join), st.data())
def test_the_words_before_an_abbreviation_start_where_the_pattern_finds_them(text, data) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    assert _term_words_start(text, lo, end) == _search_start(text, lo, end)


def test_the_words_before_an_abbreviation_start_where_the_pattern_finds_them_in_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:  # where the extractor asks (before " ("), and every 5th offset
        ends = {k for k in range(len(text)) if text.startswith(" (", k)} | {*range(0, len(text), 5)}
        for end in sorted(ends):
            lo = max(0, end - 120)
            assert _term_words_start(text, lo, end) == _search_start(text, lo, end)


KEY_WORDS = st.sampled_from(["ian", "paisley", "jr", "junior", "sr", "senior", "jnr", "", "x"])


@given(
    st.lists(KEY_WORDS, max_size=4),
    st.sampled_from([" ", "  ", "\t", "\u00a0"]),
    st.sampled_from(["", " ", "\n"]),
)
def test_a_generation_surname_is_told_as_the_key_s_words_tell(words, gap, tail) -> None:
    key = "x:" + gap.join(words) + tail  # an article's group key (names.untyped_key)
    split = key.split(":", 1)[1].split()
    assert _generation_surname(key) == (len(split) == 2 and split[1] in _GENERATIONS)


NAMES = st.sampled_from(
    [
        "Ford",
        "Ford Motor Company",
        "Acme Corp.",
        "Acme Corp",
        "Group",
        "the Group",
        "A  Ltd..",
        "Ltd",
        "Bank of Ghana",
        "Ford Company ",
        "X PLC",
        "Y plc.",
        "Holdings Ltd x",
    ]
)


@given(st.lists(st.lists(NAMES, min_size=1, max_size=3), max_size=4))
def test_a_company_is_named_as_the_last_words_say(groups) -> None:
    built = {
        str(k): [Candidate(0, len(t), t, len(t.split())) for t in texts]
        for k, texts in enumerate(groups)
    }
    expected = any(
        c.words > 1 and c.text.rsplit(" ", 1)[-1].rstrip(".") in _COMPANY_SUFFIXES
        for cands in built.values()
        for c in cands
    )
    assert _names_a_company(built) == expected


def test_every_product_noun_opens_with_a_letter_the_guard_lets_through() -> None:
    nouns = re.fullmatch(r"\(\?:-based\)\? \(\?:(.*)\)\\b", _PRODUCT_AFTER.pattern)
    assert nouns is not None, "_PRODUCT_AFTER changed shape: check _PRODUCT_INITIALS by hand"
    assert {noun[0] for noun in nouns.group(1).split("|")} <= _PRODUCT_INITIALS
    assert all(ending.endswith("in ") for ending in _PRODUCT_BEFORE)


def test_product_cues_are_found_as_the_patterns_alone_find_them(real_texts: list[str]) -> None:
    extra = [f"Fedora {w}s, Lua-based {w} and the ARM {w} maker" for w in ("processor", "API")]
    for text in real_texts + extra:
        finder = _EntityFinder(text, [], [])
        for end in range(len(text) + 1):
            m = _PRODUCT_AFTER.match(text, end)
            expected = m is not None and not _FIRM_AFTER.match(text, m.end())
            assert finder._product_after(end) == expected
            if text[max(0, end - 14) : end].endswith(_PRODUCT_BEFORE):
                assert text[max(0, end - 3) : end] == "in "  # what _written_in_code tests first


def _abbreviated_words_by_matches(text: str, end: int, abbreviation: str) -> tuple[int, bool]:
    """_EntityFinder._abbreviated_words as round 11 wrote it, on the Match objects themselves,
    with round 21's words that leave one out."""
    words = list(_NAME_WORD.finditer(text, max(0, end - 160), end))
    letters = abbreviation.replace("&", "").replace(".", "")
    loose = -1
    for k in range(2, min(len(words), 15) + 1):
        chosen = words[-k:]
        if not chosen[0].group()[0].isupper():
            continue
        if any(
            b.start() != a.end() + 1
            and not (b.start() == a.end() + 2 and text[a.end()] == "," and a.group()[0].isupper())
            for a, b in pairwise(chosen)
        ):
            break
        if chosen[-1].end() != end:
            return -1, False
        capitals = [w.group() for w in chosen if w.group()[0].isupper()]
        caps = "".join(w[0] for w in capitals)
        every = "".join(w.group()[0] for w in chosen)
        if k <= 9 and (caps == letters or every.casefold() == letters.casefold()):
            return chosen[0].start(), False
        if (
            len(letters) >= 4
            and caps.startswith(letters)
            and len(caps) > len(letters)
            and _abbreviation_tail([w.group() for w in chosen], capitals[len(letters) - 1])
        ):
            return chosen[0].start(), False
        if loose < 0 and _spells_but_one(letters, [w.group() for w in chosen]):
            loose = chosen[0].start()
    return loose, loose >= 0


ABBREVIATED = [
    "the United Nations Educational, Scientific and Cultural Organization (UNESCO) said",
    "United Nations Relief and Works Agency for Palestine Refugees in the Near East (UNRWA)",
    "Transport for London (TfL), Pacific Gas and Electric (PG&E), the  Big Old Firm (BOF)",
    "Acme, Big Corp (ABC), New York Times (NYT), an Office of the Chief Economist (OCE)",
    "the United Nations African Union Mission in Darfur (UNAMID), the UN Office (UNESCO)",
]


def test_abbreviated_words_are_found_as_the_match_objects_say(real_texts: list[str]) -> None:
    for text in real_texts + ABBREVIATED:
        finder = _EntityFinder(text, [], [])
        ends = [k for k in range(len(text)) if text.startswith(" (", k)] + [*range(0, len(text), 7)]
        for end in ends:
            for abbreviation in (
                "UNESCO",
                "UNRWA",
                "TfL",
                "PG&E",
                "ABC",
                "U.S.",
                "NYT",
                "AB",
                "UNAMID",
            ):
                assert finder._abbreviated_words(end, abbreviation) == (
                    _abbreviated_words_by_matches(text, end, abbreviation)
                ), (end, abbreviation)
    finder = _EntityFinder(ABBREVIATED[1], [], [])
    assert finder._abbreviated_words(ABBREVIATED[1].index(" (UNRWA"), "UNRWA") == (0, False)
    finder = _EntityFinder(ABBREVIATED[4], [], [])
    assert finder._abbreviated_words(ABBREVIATED[4].index(" (UNAMID"), "UNAMID") == (4, True)
