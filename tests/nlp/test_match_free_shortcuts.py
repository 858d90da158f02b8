"""Loops and str methods that stand for a regular expression's matches (rules-17 speed work) find
what the matches found: the same words, at the same offsets, counted alike; a pattern's search
is skipped only where no match can be (its needed literals absent); and values made without the
Python code `dataclass` and `NamedTuple` write are the values that code makes."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp import (
    entities,
    entity_cues,
    entity_evidence,
    entity_lookup,
    entity_merge,
    entity_passes,
    entity_runs,
    entity_words,
    quotes,
    segment,
    speaker_cues,
    speaker_subjects,
    speakers,
)
from newstui.nlp.entities import first_words, first_words_by_code
from newstui.nlp.entity_words import _dot_inside_word
from newstui.nlp.quotes import _NAME_CUE, _REPORTING_CLAUSE, _SIGN_TEXT_CUE, _TITLE_CUES, QuoteSpan
from newstui.nlp.rules import RulesView, rules_view
from newstui.nlp.segment import (
    WORD,
    LiteralGuard,
    OpeningGuard,
    count_words,
    count_words_by_code,
    required_literals,
    word_votes,
    word_votes_by_code,
)

# Words, the characters that join two words into one WORD, other marks, blanks of every kind
# (a no-break space, an em space, a form feed) and letters, digits and numbers beyond ASCII.
PIECES = st.lists(
    st.sampled_from(
        [
            *"a B _ 3 é 東 ² ½ - . ' ’ & , ; \" “ ( #".split(),
            *" \n\t\f\v\r\xa0\u2003\u2028\x85\x1c",
            "al-Assad",
            "U.S.",
            "O'Neil",
            "rock-'n'-roll",
            "--",
            "a.",
            ".a",
        ]
    ),
    max_size=30,
)


@settings(max_examples=500, deadline=None)
@given(PIECES, st.integers(min_value=1, max_value=6))
def test_words_are_counted_as_the_word_pattern_finds_them(pieces, most) -> None:
    text = "".join(pieces)
    assert count_words(text, most) == min(len(WORD.findall(text)), most)
    assert count_words_by_code(text, most) == min(len(WORD.findall(text)), most)
    # the language gate's votes: whole words, read no further than `most` True ones twice the False
    yes = no = 0
    for word in WORD.findall(text):
        vote = _VOTES.get(word)
        no += vote is False
        yes += vote is True
        if vote and yes >= most and yes >= 2 * no:
            break
    assert word_votes(text, _VOTES, 8, most) == (yes, no)
    assert word_votes_by_code(text, _VOTES, 8, most) == (yes, no)


# (the longest: 8 characters)
_VOTES = {"a": True, "B": True, "é": False, "U.S": False, "O'Neil": True, "al-Assad": False}


def test_words_are_counted_as_the_word_pattern_finds_them_in_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        assert count_words(text, len(text) + 1) == len(WORD.findall(text))
        assert count_words_by_code(text, len(text) + 1) == len(WORD.findall(text))
        for start in range(0, len(text), 97):  # windows opening anywhere, inside words too
            window = text[start : start + 60]
            assert count_words(window, 4) == min(len(WORD.findall(window)), 4), window
            assert count_words_by_code(window, 4) == min(len(WORD.findall(window)), 4), window


def test_a_joiner_joins_only_between_two_word_characters() -> None:
    for count in (count_words, count_words_by_code):
        assert count("al-Assad U.S. rock-'n'-roll", 9) == 5  # "rock", "n", "roll"
        assert count("a--b a. .a -a- 'a'", 9) == 6


def _first_matches(line: str, most: int) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", line)][:most]


@settings(max_examples=500, deadline=None)
@given(PIECES, st.integers(min_value=0, max_value=9), st.integers(-12, 40), st.integers(-12, 40))
def test_the_first_words_are_the_first_matches_of_non_blanks(pieces, most, lo, hi) -> None:
    line = "".join(pieces)
    assert first_words(line, most) == _first_matches(line, most)
    assert first_words_by_code(line, most) == _first_matches(line, most)
    # a window's first and last word, as split(None, 1) and rsplit(None, 1) cut it ("" if none)
    assert entity_words.first_word_by_code(line, lo, hi) == (line[lo:hi].split(None, 1) or [""])[0]
    assert entity_words.last_word_by_code(line, lo, hi) == (line[lo:hi].rsplit(None, 1) or [""])[-1]


def test_the_first_words_of_real_articles_are_the_first_matches_of_non_blanks(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for most in (1, 2, 8):
            assert first_words(text[:200], most) == _first_matches(text[:200], most)
            assert first_words_by_code(text[:200], most) == _first_matches(text[:200], most)


@settings(max_examples=500, deadline=None)
@given(PIECES)
def test_a_stop_inside_a_word_is_found_as_the_pattern_finds_it(pieces) -> None:
    text = "".join(pieces)
    assert _dot_inside_word(text) == (re.search(r"\w\.\w", text) is not None)
    if not _dot_inside_word(text):  # then no token holds a stop
        assert not any("." in word for word in WORD.findall(text))


def test_a_stop_inside_a_word_is_found_as_the_pattern_finds_it_in_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        assert _dot_inside_word(text) == (re.search(r"\w\.\w", text) is not None)


def test_a_quotation_span_is_the_frozen_value_its_dataclass_makes() -> None:
    span = QuoteSpan(3, 10, 2, 11)
    assert (span.start, span.end, span.open_mark, span.close_mark) == (3, 10, 2, 11)
    assert span == QuoteSpan(3, 10, 2, 11) and span != QuoteSpan(3, 10, 2, 12)
    assert hash(span) == hash((3, 10, 2, 11))  # the hash dataclass(frozen=True) gives
    assert {span: 1}[QuoteSpan(3, 10, 2, 11)] == 1
    with pytest.raises(FrozenInstanceError):
        span.start = 4  # type: ignore[misc]  # still frozen


def test_the_rules_view_is_the_named_tuple_of_its_fields() -> None:
    view = rules_view("“We will win,” said Ann Lee of Acme Corp in London.")
    assert type(view) is RulesView and len(view) == len(RulesView._fields)
    assert view.speakers == ["Ann Lee"] and view.finder.speakers() == view.speakers
    assert RulesView(*view) == view


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every module-level pattern of the extractor (an OpeningGuard's own among them)."""
    return [
        (f"{module.__name__}.{name}", value.pattern if isinstance(value, OpeningGuard) else value)
        for module in (
            entities,
            entity_words,
            entity_cues,
            entity_lookup,
            entity_evidence,
            entity_runs,
            entity_passes,
            entity_merge,
            quotes,
            segment,
            speaker_cues,
            speaker_subjects,
            speakers,
        )
        for name, value in vars(module).items()
        if isinstance(value, (re.Pattern, OpeningGuard))
    ]


def test_an_opening_guard_answers_as_its_pattern_at_every_position(real_texts: list[str]) -> None:
    guards = [
        (name, value)
        for module in (
            entity_cues,
            entity_passes,
            entity_runs,
            entity_words,
            quotes,
            speaker_cues,
            speaker_subjects,
        )
        for name, value in vars(module).items()
        if isinstance(value, OpeningGuard)
    ]
    assert len(guards) >= 10 and not any(guard.always for _, guard in guards)
    span = lambda m: m and m.span()  # noqa: E731
    made_up = ["Count[ies] , 38, said", "ſ K once often’s ", " \u2003\xa0 “In his view,", "\n  -"]
    made_up += [" by the board", ", 3", " \u2003by", " administration", " regime\u2028", " a"]
    for text in [*real_texts[::8], *made_up]:  # (40 guards: every 8th text, 5th position)
        for pos in (*range(-1, len(text) + 2, 5), len(text) - 1):
            for name, guard in guards:
                pattern = guard.pattern
                assert span(guard.match(text, pos)) == span(pattern.match(text, pos)), name
                assert span(guard.fullmatch(text, pos)) == span(pattern.fullmatch(text, pos))
                end = pos + 9
                assert span(guard.match(text, pos, end)) == span(pattern.match(text, pos, end))
    # a match that may be empty, or a letter beyond ASCII where case is ignored: asked everywhere
    assert OpeningGuard(re.compile(r"(?:who)?")).always
    assert OpeningGuard(re.compile(r"ſx", re.IGNORECASE)).opens[ord("S")] == 1
    # blanks or marks before the rest are read past; a letter with a partner beyond ASCII
    # (i, k, s) lets every character beyond ASCII be asked when case is ignored
    led = OpeningGuard(re.compile(r"^\W*(?:one|six)\b", re.IGNORECASE))
    assert led.skip and led.non_ascii and not led.match("“ three") and led.match("“ One")
    assert OpeningGuard(re.compile(r"\s*(?:at|on)", re.IGNORECASE)).non_ascii is False
    assert not OpeningGuard(re.compile(r"\s*\w")).match("  ", 0)  # nothing after the run
    # the next characters are tested at their positions; a text ending before a match's
    # shortest length holds none
    deep = OpeningGuard(re.compile(r", (?:\d{1,2}|1[01]\d), [a-z]"))
    assert deep.least == 6 and not deep.match(", x") and not deep.match(", 3")
    assert deep.match(", 31, a") and not deep.match(", 31,a")


def test_the_literals_every_match_needs_are_read_from_the_pattern() -> None:
    assert required_literals(re.compile(r"\b(?:said|told)\s+(?:him|her)?$")) == ("said", "told")
    assert required_literals(re.compile(r"[A-Z]\w+ (?:Inc|Corp)\.?")) == ("Inc", "Corp")
    assert required_literals(re.compile(r"of (?:the )?Year")) == ("Year",)  # the longest run
    assert required_literals(re.compile(r"(?:Blamed|blames)x*", re.I)) == ("blamed", "blames")
    assert required_literals(re.compile(r"a|\w+")) == ()  # a match may hold no literal
    assert required_literals(re.compile(r"(?:x)?y*")) == ()
    assert required_literals(re.compile(r"ſign", re.IGNORECASE)) == ()  # folds beyond ASCII


def test_a_window_without_the_needed_literals_is_ruled_out_and_case_is_folded() -> None:
    guard = LiteralGuard(re.compile(r"\b(?:called|titled)\s+$", re.IGNORECASE))
    assert guard.may_match("a film CALLED ") and guard.may_match("xx Titled ", 3)
    assert not guard.may_match("a film named ") and not guard.may_match("called it", 1, 6)
    assert guard.may_match("a film ſtarring ")  # beyond ASCII only the search knows
    cased = LiteralGuard(re.compile(r"\bsaid$"))
    assert cased.may_match("she said") and not cased.may_match("she SAID")


def test_no_pattern_of_the_extractor_matches_where_its_guard_rules_a_window_out(
    real_texts: list[str],
) -> None:
    guards = [(name, pattern, LiteralGuard(pattern)) for name, pattern in _patterns()]
    assert sum(1 for _, _, guard in guards if guard.needs) >= 20  # most patterns have some
    for text in real_texts[::3]:
        for start in range(0, len(text), 211):
            for size in (30, 60, 250):
                window = text[start : start + size]
                for name, pattern, guard in guards:
                    if not guard.may_match(window):
                        assert pattern.search(window) is None, (name, window)
                    if not guard.may_match(text, start, start + size):
                        assert pattern.search(text, start, start + size) is None, (name, start)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "said Said SAID that signs Signs read reading banner placard dubbed Dubbed title "
            'titled Titled called CALLED film the a an of definition meaning ( “ ” " , : . '
            "yelling blamed praised such as known as referred to as named nicknamed K ſ x "
            "\n".split(" ")
        ),
        max_size=25,
    ),
    st.sampled_from([" ", "  ", "", "\n", ", "]),
)
def test_the_quotation_cues_match_nowhere_their_guards_rule_out(words, gap) -> None:
    window = gap.join(words)
    for pattern in (_TITLE_CUES, _SIGN_TEXT_CUE, _NAME_CUE, _REPORTING_CLAUSE):
        if not LiteralGuard(pattern).may_match(window):
            assert pattern.search(window) is None, (pattern.pattern, window)


def test_a_role_and_of_or_for_end_every_window_they_match_in(real_texts: list[str]) -> None:
    pattern = entity_cues._ROLE_OF_END
    for text in [*real_texts[::2], "the Minister for Youth", "Head of  Acquisitions", "of "]:
        for end in range(len(text) + 1):
            lo = max(0, end - 40)
            if not text.endswith((" of ", " for "), lo, end):
                assert pattern.search(text, lo, end) is None, (text[lo:end], end)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "title titled Titled TITLED called CALLED film show as known referred to the The a an "
            'calledthe asthe titlea said x ſ K ı İ é , : . ( “ " \n - —'.split(" ")
        ),
        max_size=12,
    ),
    st.sampled_from([" ", "  ", "", "\n", ", ", "\t"]),
    st.integers(0, 6),
)
def test_a_title_cue_matches_only_where_its_last_words_may_end_the_window(words, gap, cut) -> None:
    text = gap.join(words)
    start = min(cut, len(text))
    if quotes._TITLE_CUES.search(text, start, len(text)) or quotes._TITLE_CUES.search(text[start:]):
        assert quotes.may_end_with_title_cue(text, start, len(text)), text[start:]


def test_the_last_words_of_a_window_tell_whether_a_title_cue_may_end_it() -> None:
    assert quotes.may_end_with_title_cue('a film called "', 0, 15)
    assert quotes.may_end_with_title_cue("the album titled: the ", 0, 22)
    assert quotes.may_end_with_title_cue("the show calledthe ", 0, 19)
    assert quotes.may_end_with_title_cue("what is known as ", 0, 17)
    assert not quotes.may_end_with_title_cue("the film, he said, ", 0, 19)
    assert not quotes.may_end_with_title_cue("called it a ", 7, 12)  # "called" before the window


QUOTE_PIECES = st.sampled_from(
    [
        *"Ann don t s x é 1 , . ( — …".split(),
        *[" ", "\n", "\n\n", "\xa0"],  # blanks and paragraph breaks
        *["'", "‘", "’", '"', "“", "”", "«", "»", "„"],  # every quotation mark
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(QUOTE_PIECES, max_size=30).map("".join))
def test_a_paragraph_without_a_mark_that_may_open_a_quotation_pairs_none(text) -> None:
    finders = [
        ("“«„", quotes._curly_double, False),
        ('"', quotes._straight_double, False),
        ('"“', quotes._mixed_double, False),
        ("‘", lambda t, s, e: quotes._single(t, s, e, "‘", "’"), True),
        ("'", lambda t, s, e: quotes._single(t, s, e, "'", "'"), True),
    ]
    for openers, finder, single in finders:
        marks = segment.find_all(text, tuple(openers))
        if single:
            marks = [i for i in marks if quotes._may_open_single(text, i)]
        for start, end in segment.paragraph_spans(text):
            if not any(start <= i < end for i in marks):
                assert finder(text, start, end) == [], (openers, text[start:end])


# The literals the speaker finder asks of a window before it searches a pattern there (written
# inline, each beside its search), with a text the pattern matches in: every match holds the
# literal, read from the parsed pattern (a run of its literals every match passes through).
INLINE_LITERAL_GUARDS = [
    (speakers._QUOTED_AS, "quoted", " he was quoted as "),
    (speakers._PARENTHESES, "(", "Ann Reid (chair of Acme)"),
    (speakers._PERSON_TITLE_STOP, ".", "State Sen. Ann Reid"),
    (speakers._AS_PUT_IT_BEFORE, "put", "As Moss put it, "),
    (speakers._PARTICIPLE_OPENS.pattern, "ing", "Calling it "),
    (speaker_subjects._INCLUDING_ASIDE, "including", "the men, including Ann Lee, said"),
]


@pytest.mark.parametrize(("pattern", "literal", "example"), INLINE_LITERAL_GUARDS)
def test_every_match_holds_the_literal_asked_before_its_search(pattern, literal, example) -> None:
    assert pattern.search(example) and _every_match_holds(
        list(sre_parse.parse(pattern.pattern, pattern.flags).data), literal
    )


def _every_match_holds(items: list, literal: str) -> bool:
    """Whether every match of the parsed sequence `items` holds `literal` (a run of its literals,
    a group or every alternative of a branch holding it, or a part repeated once at least)."""
    run = ""
    for op, av in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        if literal in run:
            return True
        run = ""
        if op is sre_constants.SUBPATTERN and _every_match_holds(list(av[3].data), literal):
            return True
        if op is sre_constants.BRANCH and all(
            _every_match_holds(list(alternative.data), literal) for alternative in av[1]
        ):
            return True
        if (
            op is sre_constants.MAX_REPEAT
            and av[0] >= 1
            and _every_match_holds(list(av[2].data), literal)
        ):
            return True
    return False


# Sets written by hand beside a pattern, asked before it is tried: what every match opens with
# (its first three characters) or ends with (its last three), each read from the parsed pattern.
HAND_WRITTEN_SETS = [
    (entity_cues._DESCRIBED_AS_BODY, entity_cues._DESCRIBED_BODY_OPENINGS, 3, slice(0, 3)),
    (entity_cues._DESCRIBED_AS_PLACE, entity_cues._DESCRIBED_PLACE_OPENINGS, 3, slice(0, 3)),
    (
        entity_runs._HONORIFIC_BEFORE,
        {end + " " for end in entity_runs._HONORIFIC_ENDS},  # the two before the space
        99,
        slice(-3, None),
    ),
]


@pytest.mark.parametrize(("pattern", "kept", "most", "piece"), HAND_WRITTEN_SETS)
def test_every_match_opens_or_ends_as_the_set_asked_before_its_pattern_holds(
    pattern, kept, most, piece
) -> None:
    found = _match_starts(list(sre_parse.parse(pattern.pattern, pattern.flags).data), most)
    assert found and not pattern.flags & re.IGNORECASE
    assert all(len(start) >= 3 and start[piece] in kept for start in found), found


def _match_starts(items: list, most: int) -> set[str] | None:
    """The first `most` characters of every match of the parsed sequence `items` (the whole
    match when it is shorter), None when a part other than literals, classes of literals,
    groups, branches, optional parts and assertions comes before them."""
    starts = {""}
    for op, av in items:
        if all(len(start) >= most for start in starts):
            break
        if op is sre_constants.LITERAL:
            inner: set[str] | None = {chr(av)}
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av):
            inner = {chr(code) for _, code in av}  # "[at]", "(?:a|t)"
        elif op is sre_constants.AT:
            continue  # \b, \Z: they read no character
        elif op is sre_constants.SUBPATTERN:
            inner = _match_starts(list(av[3].data), most)
        elif op is sre_constants.BRANCH:
            inner = set()
            for alternative in av[1]:
                found = _match_starts(list(alternative.data), most)
                if found is None:
                    return None
                inner |= found
        elif op is sre_constants.MAX_REPEAT and av[1] == 1:  # (…)?
            inner = _match_starts(list(av[2].data), most)
            if inner is not None and av[0] == 0:
                inner.add("")
        else:
            return None
        if inner is None:
            return None
        starts = {(s + i)[:most] if len(s) < most else s for s in starts for i in inner}
    return starts


def test_a_stop_is_found_where_the_stop_pattern_finds_one(real_texts: list[str]) -> None:
    for text in [*real_texts[::5], "Mr Lee?", "no stop", "…"]:
        for start in range(0, len(text), 53):
            window = text[start : start + 40]
            assert speakers._holds_stop(window) == bool(speakers._SENTENCE_STOP.search(window))


# Loops read by character codes in place of a pattern's match at an offset, with what each
# answers of the match (and made-up texts for its edge cases)
MATCH_LOOPS = [
    (
        speaker_cues.participle_at,
        speaker_cues._PARTICIPLE_AT.pattern,
        bool,
        ["calling it", "sing", "ing", "kingé", "bringing_", "thinking…", "ringING", "ping9"],
    ),
    (
        speaker_cues.word_after,
        speaker_cues._WORD_AFTER,
        lambda match: match and match.group(1),
        [
            " said",
            "  \u2003the end",
            " \x1cwas,",
            " said9",
            " saidé",
            " said_",
            " Said",
            "said",
            " ",
        ],
    ),
]


@pytest.mark.parametrize(("loop", "pattern", "answer", "made_up"), MATCH_LOOPS)
def test_a_loop_answers_as_the_pattern_it_stands_for(
    real_texts: list[str], loop, pattern, answer, made_up
) -> None:
    for text in [*real_texts[::6], *made_up]:
        for at in range(-1, len(text) + 1):
            assert loop(text, at) == answer(pattern.match(text, at)), (text[at : at + 20], at)


def test_the_written_texts_are_found_as_their_pattern_finds_them(real_texts: list[str]) -> None:
    pattern = speaker_cues._ISSUED_TEXT
    for compiled in (False, True):  # the search of the pattern, and the loop over word starts
        with patch.object(segment, "_COMPILED", compiled):
            for text in [*real_texts[::5], "the Statements, a web  site's reports,report"]:
                for start in range(0, len(text), 101):
                    end = start + 300
                    found = [m.span() for m in speaker_cues.issued_texts(text, start, end)]
                    assert found == [m.span() for m in pattern.finditer(text, start, end)]


def test_a_clause_breaks_only_where_its_semicolon_or_one_of_its_words_is(
    real_texts: list[str],
) -> None:
    pattern = speaker_cues._CLAUSE_BREAK
    words = re.search(r"\(\?:((?:\w+\|)+\w+)\)", pattern.pattern)
    assert words and all(
        any(need in word for need in speaker_cues.CLAUSE_BREAK_NEEDS)
        for word in words.group(1).split("|")
    )
    for text in [*real_texts[::5], "a; b", "x whom y", "although\tit"]:
        for start in range(0, len(text), 61):
            window = text[start : start + 80]
            if not speaker_cues.may_break_clause(window):
                assert pattern.search(window) is None, window
