"""The entity scan's shortcuts answer exactly as the plain searches they replace (round-23 and
round-24 speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp.entity_cues import (
    _MODEL_AFTER,
    _NAME_WORD,
    _SPOKEN_AFTER,
    model_after,
    name_word_ends_at,
    spoken_after,
)
from newstui.nlp.entity_words import (
    ALNUM_EDGES,
    LETTER_AFTER_EDGES,
    SPACE_BEFORE_EDGES,
    _is_word_char,
    capitals_by_code,
    counts_name,
    find_alone,
    lower_by_code,
    title_lengths,
    upper_by_code,
)
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.names import _POSSESSIVE, possessive_cut_by_code, strip_possessive
from newstui.nlp.segment import find_all

# Pieces that make every edge the pattern reads: "a"/"an" in either case, a word character
# ("_", a digit, an accented letter) or not (".", a dash) on each side, names ending either way.
PIECES = st.sampled_from(["a", "A", "an", "An", "n", "Nano", "Nano.", "Co.", "é", "_", "1", "."])
SEPARATORS = st.sampled_from(["", " ", "  ", "-", "\n"])
NAMES = st.sampled_from(["Nano", "Nano.", "Co.", "N", "an", "a Nano", ".", "é"])


def _counted_by_pattern(text: str, name: str) -> bool:
    return re.search(rf"\b[Aa]n? {re.escape(name)}\b", text) is not None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(PIECES, SEPARATORS), max_size=12), NAMES)
def test_a_name_is_counted_where_the_article_pattern_finds_it(pieces, name) -> None:
    text = "".join(p + s for p, s in pieces)
    assert counts_name(text, name) == _counted_by_pattern(text, name)


def test_a_name_after_a_or_an_opening_a_word_is_counted_and_one_inside_a_word_is_not() -> None:
    assert counts_name("He drove a Nano home.", "Nano")
    assert counts_name("An Airbus landed.", "Airbus")
    assert counts_name("She bought an Airbus", "Airbus")
    assert not counts_name("Nano said a Nanotech deal", "Nano")  # the name goes on
    assert not counts_name("the Samoa Nano firm", "Nano")  # "a" closes "Samoa"
    assert not counts_name("Tata makes the Nano", "Nano")


def test_counted_names_match_the_pattern_on_real_articles(real_texts: list[str]) -> None:
    for text in real_texts:
        for name in {m.group() for m in re.finditer(r"[A-Z][\w.]+", text)}:
            assert counts_name(text, name) == _counted_by_pattern(text, name), name


# Pieces of the edges `_NAME_WORD` reads: capitals, the lower-case words it takes, its joiners
# ("’'&.-"), other word characters and blanks.
WORD_PIECES = st.sampled_from(["Ann", "of", "the", "on", "in", "&", "and", "for", "x", "é", "_"])
JOINERS = st.sampled_from(["", " ", "-", ".", "’", "'", "&", ", ", "("])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(WORD_PIECES, JOINERS), max_size=10), st.data())
def test_a_name_word_ends_where_the_pattern_finds_one_end(pieces, data) -> None:
    text = "".join(p + j for p, j in pieces)
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    found = any(m.end() == end for m in _NAME_WORD.finditer(text, lo, end))
    assert name_word_ends_at(text, lo, end) == found


def test_name_word_ends_match_the_pattern_before_every_bracket_of_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for end in [m.start() for m in re.finditer(r" [(\[]", text)]:
            lo = max(0, end - 160)
            found = any(m.end() == end for m in _NAME_WORD.finditer(text, lo, end))
            assert name_word_ends_at(text, lo, end) == found, text[lo:end]


def test_the_title_lengths_of_a_word_are_those_of_the_listed_titles_it_opens() -> None:
    titles = load_gazetteer().titles
    lengths = title_lengths()
    assert set(lengths) == load_gazetteer().title_first_words
    for word, counts in lengths.items():
        for n in range(1, load_gazetteer().title_max_words + 1):
            opens = any(t.split(" ")[0] == word and len(t.split(" ")) == n for t in titles)
            assert (n in counts) == opens, (word, n)
    assert {1, 2} <= lengths["Secretary"]  # "Secretary", "Secretary General"


# What may follow a maker's or a nationality's name: the words and first letters the two
# patterns read, other capitals, digits of two scripts, and blanks.
AFTER_PIECES = st.sampled_from(
    [
        "737",
        "A330",
        "AB320",
        "Flight 9",
        "flight 9",
        "car",
        "cars",
        "jet",
        "planes",
        "Cars",
        "٣٤٥",
        "language",
        "speakers",
        "lessons",
        "dialect",
        "tea",
        "Said",
        "x",
        "é",
        "1",
    ]
)
AFTER_JOINERS = st.sampled_from(["", " ", "-", "  ", "\n", ".", " -"])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(AFTER_JOINERS, AFTER_PIECES), max_size=6), st.data())
def test_models_and_spoken_nouns_follow_where_the_patterns_match(pieces, data) -> None:
    text = "".join(j + p for j, p in pieces)
    end = data.draw(st.integers(0, len(text)))
    assert model_after(text, end) == (_MODEL_AFTER.match(text, end) is not None)
    assert spoken_after(text, end) == (_SPOKEN_AFTER.match(text, end) is not None)


def test_models_and_spoken_nouns_match_the_patterns_after_every_word_of_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for end in [m.end() for m in re.finditer(r"\w+", text)]:
            assert model_after(text, end) == (_MODEL_AFTER.match(text, end) is not None)
            assert spoken_after(text, end) == (_SPOKEN_AFTER.match(text, end) is not None)
    assert model_after("a Kelvair 737-800", 9) and model_after("the Aerona A330", 10)
    assert model_after("Aerona Flight 93", 6) and not model_after("Aerona said", 6)
    assert spoken_after("English-language", 7) and not spoken_after("English people", 7)


def _alone_by_old_loops(text: str, name: str, edges: int) -> list[int]:
    """The places where `name` stands alone, as the three loops find_alone replaced read them
    (round 23's `_may_be_town`, `_named_alone_elsewhere` and `counts_name`)."""
    found = []
    size = len(name)
    if edges == ALNUM_EDGES:
        at = text.find(name)
        while at >= 0:
            end = at + size
            if not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
                found.append(at)
            at = text.find(name, end)
    elif edges == LETTER_AFTER_EDGES:
        for at in find_all(text, (name,)):
            end = at + size
            if not (at and _is_word_char(text[at - 1])) and not (
                end < len(text) and text[end].isalpha()
            ):
                found.append(at)
    else:
        at = text.find(name, 2)
        while at >= 0:
            if text[at - 1] == " " and _is_word_char(name[-1]) != _is_word_char(
                text[at + size : at + size + 1]
            ):
                found.append(at)
            at = text.find(name, at + 1)
    return found


def _alone_by_helper(text: str, name: str, edges: int) -> list[int]:
    found = []
    at = find_alone(text, name, 2 if edges == SPACE_BEFORE_EDGES else 0, edges)
    while at >= 0:
        found.append(at)
        nxt = at + len(name) if edges == ALNUM_EDGES else at + 1
        at = find_alone(text, name, nxt, edges)
    return found


# Names that overlap themselves ("Walla Walla" in "Walla Walla Walla") or end in no word
# character, among pieces that make each edge: letters, digits, "_", a space, a dash.
ALONE_PIECES = st.sampled_from(["Walla", "Walla Walla", "Nano", "Co.", "a", "é", "_", "1", "x"])
ALONE_JOINERS = st.sampled_from(["", " ", "-", ".", "\n"])
ALONE_NAMES = st.sampled_from(["Walla Walla", "Walla", "Nano", "Co.", "a", "é"])
EDGES = st.sampled_from([ALNUM_EDGES, LETTER_AFTER_EDGES, SPACE_BEFORE_EDGES])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(ALONE_PIECES, ALONE_JOINERS), max_size=10), ALONE_NAMES, EDGES)
def test_a_name_stands_alone_where_each_old_loop_found_it(pieces, name, edges) -> None:
    text = "".join(p + j for p, j in pieces)
    assert _alone_by_helper(text, name, edges) == _alone_by_old_loops(text, name, edges)


def test_names_stand_alone_where_the_old_loops_found_them_in_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for name in {m.group() for m in re.finditer(r"[A-Z][\w.]+", text)}:
            for edges in (ALNUM_EDGES, LETTER_AFTER_EDGES, SPACE_BEFORE_EDGES):
                assert _alone_by_helper(text, name, edges) == _alone_by_old_loops(
                    text, name, edges
                ), (name, edges)
    assert find_alone("Walla Walla Walla", "Walla Walla", 1, ALNUM_EDGES) == 6
    assert find_alone("Sondhi1 said", "Sondhi", 0, LETTER_AFTER_EDGES) == 0  # a digit after
    assert find_alone("Sondhis said", "Sondhi", 0, LETTER_AFTER_EDGES) == -1
    assert find_alone("a Nanotech deal", "Nano", 2, SPACE_BEFORE_EDGES) == -1


# Characters of every kind the case methods read: ASCII of each case, digits, marks, blanks,
# cased letters past ASCII (a titlecase "ǅ" too) and uncased ones.
CASE_TEXT = st.text(alphabet="aZ'’s\n -.1_éÉßΣǅ中", max_size=8)


@settings(max_examples=2000, deadline=None)
@given(CASE_TEXT, st.integers(0, 9))
def test_cases_read_by_character_codes_are_the_str_methods_answers(word, at) -> None:
    assert lower_by_code(word, at) == word[at:].islower()
    assert upper_by_code(word) == word.isupper()
    assert capitals_by_code(word) == (word.isascii() and word.isalpha() and word.isupper())


@settings(max_examples=2000, deadline=None)
@given(CASE_TEXT)
def test_a_possessive_cut_by_character_codes_is_the_patterns_cut(word) -> None:
    expected = _POSSESSIVE.sub("", word) if len(word) > 2 and ("'" in word or "’" in word) else word
    assert possessive_cut_by_code(word) == expected == strip_possessive(word)


def test_cases_and_possessives_by_codes_answer_as_the_methods_on_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for word in set(text.split()):
            assert lower_by_code(word, 0) == word.islower(), word
            assert lower_by_code(word, 1) == word[1:].islower(), word
            assert upper_by_code(word) == word.isupper(), word
            assert possessive_cut_by_code(word) == strip_possessive(word), word
    assert (
        possessive_cut_by_code("Assad’s") == "Assad"
        and possessive_cut_by_code("rebels'") == "rebels"
    )
    assert possessive_cut_by_code("Ann's\n") == "Ann\n"  # `$` before a final newline
