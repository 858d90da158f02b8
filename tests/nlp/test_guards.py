"""The extractor's rules-11 shortcuts give exactly what they replace: a cheap check before a
regular expression or a slice answers as the expression or slice alone would (a guard may only
skip a call that cannot match), and values built without their constructors are the same."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.model import Entity, Mention
from newstui.nlp import quotes, segment
from newstui.nlp.entities import NAME_JOINERS
from newstui.nlp.entity_cues import (
    _DEAL_BEFORE,
    _DEAL_WORDS,
    _INVERTED_SPEAKER_BEFORE,
    _NAMED_AS_ENDINGS,
    _ROLE_OF_NOUN_BEFORE,
)
from newstui.nlp.entity_passes import _EntityFinder
from newstui.nlp.names import _POSSESSIVE, strip_possessive
from newstui.nlp.segment import name_tokens
from newstui.nlp.speaker_cues import (
    _AS_PUT_IT_BEFORE,
    _LEADERS_RULE,
    _READS_STATEMENT_BEFORE,
    _RULE_INITIALS,
    _STATEMENT_READ,
    _STATEMENT_READ_ENDS,
    _TRAILING_AUX,
    _TRAILING_AUX_ENDS,
    _Mention,
    _new_mention,
)

# The words the guarded patterns are made of, and what breaks them.
CUE_WORDS = (
    "takeover acquisition purchase subsidiary merger shareholder shareholders (takeover bid for "
    "of in with own owns acquired bought who which that also the a an as pseudonym alias guerre "
    "nom de name first identified only gave his her Xname said says read reads stated states "
    "statement letter decree in part As Moss put puts has it and ” \" ’ ' , : ; . — x "
    "had have also then later was is earlier again went goes on to head leader of opposition"
).split()
GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", " \n", ", ", ": ", "", "\t"])


@st.composite
def phrases(draw) -> str:
    words = draw(st.lists(st.sampled_from(CUE_WORDS), max_size=14))
    return "".join(w + draw(GAPS) for w in words)


def _finder(text: str) -> _EntityFinder:
    return _EntityFinder(text, name_tokens(text, frozenset(), NAME_JOINERS), [])


def _check_deal_and_named_as(finder: _EntityFinder, text: str, start: int) -> None:
    deal = text[max(0, start - 10) : start].endswith(_DEAL_WORDS)
    assert (finder._deal_word_before(start) >= 0) == deal
    assert finder._deal_before(start) == bool(
        deal and _DEAL_BEFORE.search(text, max(0, start - 30), start)
    )
    named_as = text[max(0, start - 11) : start].endswith(_NAMED_AS_ENDINGS)
    assert finder._named_as_ending_before(start) == named_as


@settings(max_examples=400, deadline=None)
@given(phrases(), st.sampled_from(["Quorvex", "Katya", ""]))
def test_deal_and_named_as_cues_are_found_as_the_windows_say(before, name) -> None:
    text = before + name
    finder = _finder(text)
    for start in range(len(text) + 1):
        _check_deal_and_named_as(finder, text, start)


def test_deal_and_named_as_cues_are_found_as_the_windows_say_on_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        finder = _finder(text)
        for start in range(len(text) + 1):
            _check_deal_and_named_as(finder, text, start)


def _guards_hold(head: str) -> None:
    """What _before_from and _evidence check before each search: it holds for every match."""
    tail = head.rstrip()
    if _AS_PUT_IT_BEFORE.search(head):
        assert "put" in head
    if _READS_STATEMENT_BEFORE.search(head):
        assert tail[-1:] in (",", ":")
    if tail[-1:] in (",", ":"):
        tail = tail[:-1].rstrip()
    if _STATEMENT_READ.search(head):
        assert tail.endswith(_STATEMENT_READ_ENDS)
    if _INVERTED_SPEAKER_BEFORE.search(head, max(0, len(head) - 160)):
        assert "," in head[-3:]
    if _TRAILING_AUX.search(head):  # (_description's phrase)
        assert head.rstrip().endswith(_TRAILING_AUX_ENDS)
    if _ROLE_OF_NOUN_BEFORE.search(head):  # (_holder_after_office's window)
        assert " of " in head


@settings(max_examples=600, deadline=None)
@given(phrases())
def test_no_guard_skips_a_head_its_pattern_matches(head) -> None:
    _guards_hold(head)


def test_guarded_patterns_match_only_heads_their_guards_let_through(real_texts: list[str]) -> None:
    # every prefix of a few real sentences ending where a quotation could open
    heads = [
        "As Moss put it, ",
        "As the minister has put it: ",
        "The statement read in part: ",
        "A letter from Acme reads:\n",
        "reads Judge Moss's statement, ",
        "“We will,” said the chief economist for Acme in Tokyo, ",
        "The commission has ",
        "The network then went on to \n",
        "the leader of the opposition ",
    ]
    for verb in ("read", "reads", "says", "said", "stated", "states"):  # every verb it ends with
        heads += [f"In a statement, police {verb}: ", f"The letter from Acme {verb} in part, "]
    for head in heads:
        assert (
            _AS_PUT_IT_BEFORE.search(head)
            or _READS_STATEMENT_BEFORE.search(head)
            or _STATEMENT_READ.search(head)
            or _INVERTED_SPEAKER_BEFORE.search(head)
            or _TRAILING_AUX.search(head)
            or _ROLE_OF_NOUN_BEFORE.search(head)
        ), head  # the examples do match: the guards are tried on matches
        _guards_hold(head)
    for text in real_texts:
        for end in range(0, len(text), 7):
            _guards_hold(text[max(0, end - 200) : end])


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab's’\n x", max_size=8))
def test_a_possessive_is_stripped_as_the_pattern_strips_it(word) -> None:
    expected = _POSSESSIVE.sub("", word) if len(word) > 2 and ("'" in word or "’" in word) else word
    assert strip_possessive(word) == expected


def _is_heading_by_slicing(text: str, start: int, end: int) -> bool:
    """`_EntityFinder._is_heading` as it was: the paragraph cut out and stripped first."""
    line = text[start:end].strip()
    if not line or line[-1] in ".!?,;:”’\"'":
        return False
    words = line.split()
    if len(words) > 12 or len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= 0.6 * len(words)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="Ab c.\n \t”'\u2003:", max_size=30))
def test_a_heading_is_told_as_the_stripped_paragraph_tells(text) -> None:
    finder = _finder(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert finder._is_heading(start, end) == _is_heading_by_slicing(text, start, end)


def test_headings_are_told_as_the_stripped_paragraphs_tell_on_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        finder = _finder(text)
        starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            assert finder._is_heading(start, end) == _is_heading_by_slicing(text, start, end)


def test_a_speakers_mention_is_equal_hashed_and_shown_as_the_named_tuple_it_was() -> None:
    entity = Entity("Ann Lee", "PERSON", (Mention(4, 11, "Ann Lee"),))
    made, built = _new_mention(4, 11, entity), _Mention(4, 11, entity)
    assert type(made) is _Mention
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert (made.start, made.end, made.entity) == (4, 11, entity)
    assert hash(made) == hash((4, 11, entity)) and made != _Mention(4, 12, entity)
    assert repr(made) == f"_Mention(start=4, end=11, entity={entity!r})"


CASE_PIECES = st.sampled_from(
    [
        *"Lee Acme Corp., Inc. v v. vs vs. V versus x é ’ ' - , the of".split(),
        " ",
        "  ",
        "\n",
        "\xa0",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(CASE_PIECES, max_size=12).map("".join))
def test_a_quotation_naming_a_court_case_is_never_ruled_out_by_its_guard(content) -> None:
    if quotes._CASE_NAME.match(content):
        assert quotes._may_name_a_case(content)


def test_court_cases_are_named_as_the_pattern_names_them_in_articles(
    real_texts: list[str],
) -> None:
    for case in ("Lee v. Acme Corp., et al.", "Roe v Wade", "Brown, Lee vs. Board", "A B C D vs E"):
        assert quotes._CASE_NAME.match(case) and quotes._may_name_a_case(case)
    for text in real_texts:
        for span in quotes.find_quote_spans(text):
            content = text[span.start : span.end]
            if quotes._CASE_NAME.match(content):
                assert quotes._may_name_a_case(content)


def _title_cased_by_list(content: str) -> bool:
    """`title_cased` as it was: every word listed first."""
    return all(w[0].isupper() for w in quotes._name_words(content))


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"The Keeper of the Seal seal a 1990 É é x-ray X-Ray".split(), " ", "/", ", "]
        ),
        max_size=10,
    ).map("".join)
)
def test_title_case_is_told_word_by_word_as_the_word_list_tells_it(content) -> None:
    assert quotes.title_cased(content) == _title_cased_by_list(content)


def test_title_case_is_told_as_the_word_list_tells_it_in_articles(real_texts: list[str]) -> None:
    for text in real_texts:
        for span in quotes.find_quote_spans(text):
            content = text[span.start : span.end]
            assert quotes.title_cased(content) == _title_cased_by_list(content)


def test_a_leaders_rule_is_never_ruled_out_by_the_letter_after_its_space(
    real_texts: list[str],
) -> None:
    examples = ["Bush administration said", "Putin government", "Assad regime.", " a", ""]
    assert sum(bool(_LEADERS_RULE.match(t, t.find(" "))) for t in examples) == 3
    for text in examples + real_texts:
        for at in range(len(text) + 1):
            if _LEADERS_RULE.match(text, at):
                assert text[at + 1 : at + 2] in _RULE_INITIALS


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ABUSJ.a ", max_size=7))
def test_initials_are_told_as_their_pattern_tells_them(word) -> None:
    expected = (
        segment._GIVEN_INITIALS.fullmatch(word) is not None
        and word.lower() not in segment._DOTTED_PLACE_ABBREVIATIONS
    )
    assert segment.given_initials(word) == expected
    assert segment.given_initials("T.J") and segment.given_initials("J.R.R")
    assert not segment.given_initials("T.J.") and not segment.given_initials("TJ")


def _word_case_counts_by_list(text: str) -> tuple[int, int, int]:
    words = segment.WORD.findall(text)
    rest = words[1:]
    return (
        len(words),
        sum(1 for w in rest if w[0].isupper()),
        sum(1 for w in rest if w[0].isupper() or len(w) <= 3),
    )


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aAbZ9_ .-'’&,\nÉéßǅ一", max_size=24))
def test_words_are_counted_by_case_as_the_word_list_counts_them(text) -> None:
    assert segment.word_case_counts_by_code(text) == _word_case_counts_by_list(text)
    assert segment.word_case_counts(text) == _word_case_counts_by_list(text)


def test_words_are_counted_by_case_as_the_word_list_counts_them_in_articles(
    real_texts: list[str],
) -> None:
    assert segment.word_case_counts_by_code("It is U.S.-made, Ann's x-ray") == (6, 2, 3)
    for text in real_texts:
        for span in quotes.find_quote_spans(text):
            content = text[span.start : span.end]
            assert segment.word_case_counts_by_code(content) == _word_case_counts_by_list(content)
