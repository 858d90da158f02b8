"""The entity scan's rules-14 shortcuts give exactly what they replace: the last-word check
before a known name's lookup, the ordinal check before a unit's pattern, the character checks
before the product cues, the merge of a text's extra name words, and the per-word answers for a
sentence's lone opening word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp.entities import NAME_JOINERS
from newstui.nlp.entity_cues import _UNIT_ORDINAL
from newstui.nlp.entity_passes import _EntityFinder
from newstui.nlp.entity_words import _may_close_known, _may_open_known
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.names import strip_possessive
from newstui.nlp.segment import _name_token_patterns, _name_word_spans, name_tokens, tokenize


def _finder(text: str) -> _EntityFinder:
    return _EntityFinder(text, name_tokens(text, frozenset(), NAME_JOINERS), [])


def _known_by_lookup(finder: _EntityFinder, text: str) -> int:
    """How many words from the first on form a known name, every length looked up (the
    answer `_known` gave before its last-word check)."""
    run = tokenize(text)
    if not _may_open_known(run[0].text):
        return 0
    for n in range(min(finder.gaz.known_max_words, len(run)), 0, -1):
        last = run[n - 1].text
        if last.islower():
            continue
        end = run[n - 1].end - (len(last) - len(strip_possessive(last)))
        if finder._lookup(text[run[0].start : end]):
            return n
    return 0


def test_every_long_known_name_ends_with_a_word_that_may_close_one() -> None:
    gaz = load_gazetteer()
    for name in (*gaz.known, *gaz.known_upper):
        if " " in name and len(name) > 8:
            assert _may_close_known(name.rsplit(" ", 1)[-1]), name
    assert not _may_close_known("Xqzvw")  # no known name ends so


def test_known_names_are_found_whole_after_the_last_word_check() -> None:
    gaz = load_gazetteer()
    names = sorted(n for n in gaz.known if n.count(" ") >= 1 and len(n) > 8)[::7]
    names += ["SOUTH AFRICANS", "New Zealanders", "Al-Qaeda in Iraq"]
    for name in names:
        text = f"{name} said so"
        finder = _finder(text)
        run = tokenize(text)
        assert finder._known(run, 0) == _known_by_lookup(finder, text), name


def test_a_plural_nationality_of_two_words_is_known() -> None:
    gaz = load_gazetteer()
    groups = [n for n, kind in gaz.known.items() if kind == "GROUP" and " " in n and len(n) > 8]
    assert groups  # the plural of a two-word nationality ends in a word no name ends with
    for name in groups[:20]:
        assert _may_close_known(name.rsplit(" ", 1)[-1] + "s"), name


UNIT_CHARS = st.sampled_from(list("1٣x tsndrh.,"))


@settings(max_examples=500, deadline=None)
@given(st.lists(UNIT_CHARS, max_size=12).map("".join))
def test_no_unit_ordinal_ends_where_the_ordinal_check_says_none_can(before: str) -> None:
    text = before + "Brigade"
    start = len(before)
    if start < 4 or text[start - 1] != " " or not text[start - 4].isdecimal():
        assert _UNIT_ORDINAL.search(text, max(0, start - 7), start) is None


def test_a_unit_with_its_ordinal_is_one_organisation() -> None:
    text = "Soldiers of the 7th Armoured Brigade said the 501st Legion was gone."
    finder = _finder(text)
    names = {c.text: c.type for c in finder.scan()}
    assert names.get("7th Armoured Brigade") == "ORG"
    assert names.get("501st Legion") == "ORG"


def test_a_programming_language_written_in_is_no_place() -> None:
    finder = _finder("The tool was written in Zorblang, the developers said. Zorblang software")
    finder.scan()
    assert finder._written_in_code(24, "Zorblang")
    assert not finder._written_in_code(0, "The")
    assert not finder._written_in_code(2, "e")


def test_the_product_cue_reads_the_characters_the_slice_held() -> None:
    text = "Fedora operating system and Acme-based processors, Acme"
    finder = _finder(text)
    assert finder._product_after(6)  # " operating system"
    assert finder._product_after(32)  # "-based processors"
    assert not finder._product_after(len(text))  # nothing follows
    assert not finder._product_after(len(text) - 1)  # one character left, no noun


def test_extra_name_words_merge_into_the_capitalised_ones_in_order() -> None:
    capable = _name_token_patterns(NAME_JOINERS)[0]
    for text in (
        "Marks & Spencer met al-Assad and d'Estaing & co in Paris & Rome, al-Qaeda said.",
        "al-Assad",
        "& A & B & C & al-X",
        "Bashar al-Assad & Valéry d'Estaing",
    ):
        assert _name_word_spans(text, capable) == [m.span() for m in capable.finditer(text)]


def test_name_words_are_every_match_of_the_pattern_in_articles(real_texts: list[str]) -> None:
    capable = _name_token_patterns(NAME_JOINERS)[0]
    for text in real_texts:
        assert _name_word_spans(text, capable) == [m.span() for m in capable.finditer(text)]


def test_a_lone_opening_word_is_answered_apart_before_a_comma() -> None:
    # "Specifically," opens a sentence as an adverb (dropped); "Specifically" alone is kept
    # as a name would be: the two answers are remembered apart
    text = "Specifically, it rained. Specifically said it would."
    names = {c.text for c in _finder(text).scan()}
    assert "Specifically" in names
    text = "Specifically said it would. Specifically, it rained."
    cands = [c for c in _finder(text).scan() if c.text == "Specifically"]
    assert [c.start for c in cands] == [0]


def test_a_country_written_before_a_dollar_sign_is_a_currency() -> None:
    names = {c.text for c in _finder("It cost US$20 and NZ$10,000 in the United States.").scan()}
    assert "US" not in names and "NZ" not in names
    assert "United States" in names


def test_joiners_of_every_length_join_a_name_and_longer_words_do_not() -> None:
    text = "Valentina della Rovere, Osama bin Laden, Bank of the West, Ann delladonna Lee"
    words = [t.text for t in name_tokens(text, frozenset(), NAME_JOINERS)]
    assert words[:3] == ["Valentina", "della", "Rovere"]
    assert words[3:6] == ["Osama", "bin", "Laden"]
    assert words[6:10] == ["Bank", "of", "the", "West"]
    assert words[10:] == ["Ann", "Lee"]  # no "della" cut from "delladonna"
