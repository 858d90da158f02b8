"""The extractor's rules-13 shortcuts give exactly what they replace: patterns rewritten so their
search skips faster find what the patterns they replace found, and the checks standing for a
regular expression's call answer as the call does."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp import quotes, speaker_cues, speakers
from newstui.nlp.entities import ticker_matches
from newstui.nlp.entity_cues import _TICKER
from newstui.nlp.entity_words import (
    _ACRONYM,
    _ACRONYM_SECOND,
    _BRAND,
    _SAINT_PLACE,
    _brand_match,
    _is_acronym,
)
from newstui.nlp.quotes import (
    _REPORTING_CLAUSE,
    _SENTENCE_BREAK,
    _SIGN_TEXT_CUE,
    NAMING_CUE,
    NAMING_CUE_HEADS,
    find_quote_spans,
    last_sentence_break,
)
from newstui.nlp.segment import (
    _DATELINE_DASH,
    DATELINE_DASH_MARKS,
    WORD,
    WordNeedsGuard,
    WordStartSearch,
    literal_heads,
    may_match,
    sentence_starts,
    word_heads,
    word_needs,
)
from newstui.nlp.speaker_cues import (
    _CLAUSE_BREAK,
    _DETERMINER_END,
    _LABEL,
    _LABEL_AS,
    _LABEL_AS_HEADS,
    _LABEL_HEADS,
    _REPORTED_THAT,
    _REPORTED_THAT_HEADS,
    _ROLE_APPOSITIVE,
    _SPEECH_ABOUT,
    _SPEECH_ABOUT_HEADS,
    _TRAILING_APPOSITIVE,
    _whole_word,
    determiner_before,
    determiner_before_by_code,
    determiner_end,
    determiner_end_by_code,
    opening_after,
    search_last_commas,
)

# The patterns as they were written before (a lookbehind or a word boundary tried at every
# character of the text searched).
_OLD_SAINT_PLACE = re.compile(
    r"\b(?:St\.?|Saint) ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?), ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)\b"
)
_OLD_SIGN_TEXT_CUE = re.compile(
    r"(?:\b(?:signs?|banners?|placards?)|(?:^|(?<=[.!?]\s)|(?<=\n))(?:Signs|Banners|Placards))"
    r"(?:\s+(?:that|which)|\s+from\s+[^.;:,\"“”]{1,30}?)?"
    r"\s+(?:read|reads|reading|said|say|says|saying|declared|declare|declares|declaring|"
    r"proclaimed|proclaiming|bearing)\s*[,:]?\s*"
    r"(?:[\"“'‘][^\"“”'‘’\n]{1,80}[\"”'’],?[ \t]+(?:and[ \t]+|or[ \t]+)?)*$"
)
_OLD_SENTENCE_BREAK = re.compile(r"[.!?](?<![A-Z].)[\"”’']?\s+(?=[A-Z\"“‘'])|\n")
_OLD_CLAUSE_BREAK = re.compile(
    r";|\s(?:while|whereas|but|although|though|after|before|when|which|who|whom)\s"
)

SAINT_PIECES = st.sampled_from(
    [*"St St. Saint S aint Thomas Ontario Marys x A ’s - _ 9 é First".split(), " ", ", ", ",", "\n"]
)
SIGN_PIECES = st.sampled_from(
    [
        *"sign signs Signs Sign banner Banners placards Placards design x read reads".split(),
        *"said saying from which that Acme S \" “ ” ‘ ’ ' , :".split(),
        *[". ", "! ", "? ", "\n", " ", " ", "\t", "and ", "or "],
    ]
)
WORD_CHARS = st.sampled_from(list("ABZaqz&’'.-_ 9éÉǅß\n"))


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(SAINT_PIECES, max_size=14).map("".join))
def test_saint_places_are_found_as_the_old_pattern_found_them(text) -> None:
    assert _found(_SAINT_PLACE, text) == _found(_OLD_SAINT_PLACE, text)


@settings(max_examples=500, deadline=None)
@given(st.lists(SIGN_PIECES, max_size=16).map("".join))
def test_sign_texts_are_found_as_the_old_pattern_found_them(lead) -> None:
    new, old = _SIGN_TEXT_CUE.search(lead), _OLD_SIGN_TEXT_CUE.search(lead)
    assert (new and new.span()) == (old and old.span())


def test_capitalised_signs_open_a_sign_text_only_at_a_sentence_start() -> None:
    leads = [
        f"{before}{word} {verb}{after}"
        for before in ("", "x.\n", "x\n", "\n", "x. ", "Hi! ", "Why? ", "the ", "x", "x.", ".\t")
        for word in ("Signs", "Banners", "Placards", "signs", "Sign")
        for verb in ("read", "said:", "declared")
        for after in (" ", ' "No war" and ', "")
    ]
    for lead in leads:
        new, old = _SIGN_TEXT_CUE.search(lead), _OLD_SIGN_TEXT_CUE.search(lead)
        assert (new and new.span()) == (old and old.span()), lead
    assert _SIGN_TEXT_CUE.search("Moss left.\nBanners read ") is not None
    assert _SIGN_TEXT_CUE.search("the Banners read ") is None


def test_saint_places_open_only_at_a_word_start() -> None:
    for text in ("near St. Thomas, Ontario", "St Marys, Georgia", "xSt Thomas, Ontario"):
        assert _found(_SAINT_PLACE, text) == _found(_OLD_SAINT_PLACE, text)
    assert not _found(_SAINT_PLACE, "ASaint Marys, Georgia")


def test_both_patterns_find_what_the_old_ones_found_in_articles(real_texts: list[str]) -> None:
    for text in real_texts:
        assert _found(_SAINT_PLACE, text) == _found(_OLD_SAINT_PLACE, text)
        for span in find_quote_spans(text):
            lead = text[max(0, span.open_mark - 200) : span.open_mark]
            new, old = _SIGN_TEXT_CUE.search(lead), _OLD_SIGN_TEXT_CUE.search(lead)
            assert (new and new.span()) == (old and old.span())


def _acronym_by_pattern(word: str) -> bool:
    return word[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(word) is not None


def _check_word(word: str) -> None:
    assert _is_acronym(word) == _acronym_by_pattern(word)
    new, old = _brand_match(word), _BRAND.fullmatch(word)
    assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1)))


@settings(max_examples=500, deadline=None)
@given(st.lists(WORD_CHARS, max_size=10).map("".join))
def test_acronyms_and_coined_names_are_told_as_the_patterns_tell(word) -> None:
    _check_word(word)


def test_acronyms_and_coined_names_are_told_as_the_patterns_tell_in_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for word in WORD.findall(text):
            _check_word(word)
    for word in ("NATO", "ABCDEF", "ABCDEFG", "PG&E", "AT&T", "GoFundMe", "PolitiFact", "McD"):
        _check_word(word)


def test_literal_heads_are_the_strings_opening_every_match() -> None:
    assert literal_heads(re.compile(r"\b(?:ab|cd)e")) == ("abe", "cde")
    assert literal_heads(re.compile(r"\b(?:name|named|nickname)\b")) == ("name",)
    assert literal_heads(re.compile(r"x(?:s|ed)?y")) == ("x",)
    # a class of a few characters opening a match: a head for each ("[Tt]he")
    assert literal_heads(re.compile(r"(?:ab|[cd]e)")) == ("ab", "ce", "de")
    assert literal_heads(re.compile(r"\b[Tt]he\b")) == ("The", "the")
    assert literal_heads(re.compile(r"(?:ab|[c-e]e)")) == ()  # a range: no heads
    assert literal_heads(re.compile(r"(?:ab|[^c]e)")) == ()  # nor a negated class
    assert literal_heads(re.compile(r"(?:ab|[cdefg]e)")) == ()  # nor five characters or more
    assert literal_heads(re.compile(r"x[ab]")) == ("x",)  # a class after a head ends it
    assert literal_heads(re.compile(r"(?<=a)b")) == ()
    assert literal_heads(re.compile(r"(?:ab)?c")) == ()
    assert literal_heads(re.compile("ab", re.IGNORECASE)) == ()
    assert may_match("xx abe", ("abe", "cde")) and not may_match("xx abe", ("abe",), 0, 5)
    assert may_match("anything", ())


# Every guarded pattern with the heads its search is skipped without.
GUARDED = [
    (NAMING_CUE, NAMING_CUE_HEADS),
    (_LABEL, _LABEL_HEADS),
    (_SPEECH_ABOUT, _SPEECH_ABOUT_HEADS),
    (_LABEL_AS, _LABEL_AS_HEADS),
    (_REPORTED_THAT, _REPORTED_THAT_HEADS),
]
CUE_PIECES = st.sampled_from(
    [
        *sorted({w for _, heads in GUARDED for h in heads for w in (h, h[:-1], h + "s", h + "ed")}),
        *"it the a as an that of on about to him Moss x".split(),
    ]
)
GAPS = st.sampled_from([" ", " ", ", ", ": ", "", "\n", "  "])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(CUE_PIECES, GAPS).map("".join), max_size=10).map("".join))
def test_no_guard_skips_a_text_its_pattern_matches(text) -> None:
    for pattern, heads in GUARDED:
        assert heads, pattern.pattern  # a pattern whose matches open with no word: no guard
        if pattern.search(text) is not None:
            assert may_match(text, heads)


def test_no_guard_skips_a_sentence_its_pattern_matches_in_articles(real_texts: list[str]) -> None:
    for text in real_texts:
        for start, end in pairwise([*sentence_starts(text), len(text)]):
            for pattern, heads in GUARDED:
                if pattern.search(text, start, end) is not None:
                    assert may_match(text, heads, start, end)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("—–- \t-xA,\n")), max_size=12).map("".join))
def test_a_paragraph_without_a_dash_mark_has_no_dateline_dash(text) -> None:
    if _DATELINE_DASH.search(text) is not None:
        assert may_match(text, DATELINE_DASH_MARKS)


def test_every_dateline_dash_holds_a_dash_mark() -> None:
    for dash in ("—", "–", "- ", "-\t", "-- ", "--\t", "— ", "–\t"):
        text = f"ACCRA {dash}Ghana's"
        assert _DATELINE_DASH.search(text) is not None
        assert may_match(text, DATELINE_DASH_MARKS)


TICKER_PIECES = st.sampled_from(
    [*"( ) , NYSE: NASDAQ : Nasdaq AB ABCD ABCDEF Ab Acme shares x é".split(), " ", " (", ", ("]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TICKER_PIECES, max_size=30))
def test_stock_tickers_are_found_where_a_bracket_opens_as_by_the_whole_search(pieces) -> None:
    text = "".join(pieces)
    found = [(m.span(), m.groups()) for m in ticker_matches(text)]
    assert found == [(m.span(), m.groups()) for m in _TICKER.finditer(text)]


def test_a_ticker_after_a_comma_is_found_from_the_comma() -> None:
    text = "Shares of Vornel Corp, (NYSE: VRN) and Quist (QST) fell, (NOT A TICKER)."
    assert [m.group() for m in ticker_matches(text)] == [", (NYSE: VRN)", " (QST)"]


BREAK_PIECES = st.sampled_from(
    [*". ! ? … \" ” “ ’ ‘ ' A W Bush x é".split(), " ", "  ", "\n", "\t", ".\n", "W. ", ". A"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(BREAK_PIECES, max_size=20).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_sentence_breaks_are_found_as_the_old_pattern_found_them(text, lo, cut) -> None:
    # searched in a window, as reported_fragment does: a lookbehind still sees before it
    hi = max(lo, len(text) - cut)
    new = [m.span() for m in _SENTENCE_BREAK.finditer(text, lo, hi)]
    assert new == [m.span() for m in _OLD_SENTENCE_BREAK.finditer(text, lo, hi)]


@settings(max_examples=800, deadline=None)
@given(st.lists(BREAK_PIECES, max_size=20).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_the_last_sentence_break_is_the_end_of_the_last_match_of_the_whole_search(
    text, lo, cut
) -> None:
    end = max(0, len(text) - cut)
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, end)]
    assert last_sentence_break(text, lo, end) == (ends[-1] if ends else -1)
    assert quotes._last_break_from_right(text, lo, end) == (ends[-1] if ends else -1)


def test_the_last_sentence_break_is_found_past_stops_that_end_no_sentence() -> None:
    text = 'Lee said. "Then the U.S. army came.\n Moss, W. Bush and  the "'
    assert quotes._last_break_from_right(text, 0, len(text)) == 37  # past ".\\n "
    assert quotes._last_break_from_right(text, 0, 36) == 36  # the newline alone: cut before "M"
    assert quotes._last_break_from_right(text, 0, 30) == 10  # "U.S." ends no sentence
    assert quotes._last_break_from_right("U.S. and W. Bush", 0, 16) == -1


def test_a_sentence_break_is_a_stop_before_a_capital_or_a_newline() -> None:
    text = 'George W. Bush said so. "Then" it ended!\nNext. again'
    assert [text[slice(*m.span())] for m in _SENTENCE_BREAK.finditer(text)] == [". ", "!\n"]
    assert [m.span() for m in _SENTENCE_BREAK.finditer(text, 0, 24)] == []  # no capital after


def test_breaks_are_found_as_the_old_patterns_found_them_in_articles(
    real_texts: list[str],
) -> None:
    # the sentence break, and the clause break (speakers), each led by one class now
    pairs = [(_SENTENCE_BREAK, _OLD_SENTENCE_BREAK), (_CLAUSE_BREAK, _OLD_CLAUSE_BREAK)]
    for text in real_texts:
        for pattern, old in pairs:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in old.finditer(text)
            ]


# The reporting clause as written before: 'called' after no word character and no hyphen
_OLD_REPORTING_CLAUSE = re.compile(
    _REPORTING_CLAUSE.pattern.replace(r"|\b(?<!-)(?<!\bis\s)", r"|(?<![\w-])(?<!\bis\s)")
)
REPORTING_SEARCH = WordStartSearch(_REPORTING_CLAUSE)
CLAUSE_PIECES = st.sampled_from(
    [
        *"said says saying that is was told He It called calling labelled dubbed as a the".split(),
        *"According according to what described Described criticized vowed blamed x é _ 9".split(),
        *["re-called", "self-described", " ", "  ", ", ", ": ", ". ", "\n", "-", '"', "“a”"],
    ]
)


def _search_span(match: re.Match[str] | None) -> tuple[tuple[int, int], dict] | None:
    return None if match is None else (match.span(), match.groupdict())


@settings(max_examples=800, deadline=None)
@given(st.lists(CLAUSE_PIECES, max_size=18).map("".join), st.integers(0, 12), st.integers(0, 8))
def test_reporting_clauses_are_found_at_word_starts_as_the_search_finds_them(text, lo, cut) -> None:
    hi = max(lo, len(text) - cut)
    expected = _search_span(_OLD_REPORTING_CLAUSE.search(text, lo, hi))
    assert _search_span(_REPORTING_CLAUSE.search(text, lo, hi)) == expected
    assert _search_span(REPORTING_SEARCH.search_at_word_starts(text, lo, hi)) == expected
    assert _search_span(REPORTING_SEARCH.search(text, lo, hi)) == expected


# every search the quotation rules make at word starts
QUOTE_SEARCHES = [v for v in vars(quotes).values() if isinstance(v, WordStartSearch)]


def test_every_quotation_search_at_word_starts_has_heads() -> None:
    assert len(QUOTE_SEARCHES) >= 5
    assert all(search.heads for search in QUOTE_SEARCHES)


def test_quotation_searches_at_word_starts_find_what_the_search_finds_in_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for span in find_quote_spans(text):
            lo = max(0, span.open_mark - 250)
            windows = [(lo, span.open_mark), (lo + 7, span.open_mark)]
            windows.append((span.close_mark, span.close_mark + 25))
            for search in QUOTE_SEARCHES:
                for start, end in windows:
                    found = search.search_at_word_starts(text, start, end)
                    expected = search.pattern.search(text, start, end)
                    assert _search_span(found) == _search_span(expected)
                lead = text[lo : span.open_mark]  # a slice, whose ^ is where it opens
                found = search.search_at_word_starts(lead)
                assert _search_span(found) == _search_span(search.pattern.search(lead))
            old = _OLD_REPORTING_CLAUSE.search(text, lo, span.open_mark)
            new = _REPORTING_CLAUSE.search(text, lo, span.open_mark)
            assert _search_span(new) == _search_span(old)


# every search the speaker rules make at word starts
SPEAKER_SEARCHES = [v for v in vars(speaker_cues).values() if isinstance(v, WordStartSearch)]


def test_speaker_searches_at_word_starts_find_what_the_search_finds_in_articles(
    real_texts: list[str],
) -> None:
    assert len(SPEAKER_SEARCHES) >= 2 and all(search.heads for search in SPEAKER_SEARCHES)
    for text in real_texts:
        for span in find_quote_spans(text):
            lo = max(0, span.open_mark - 250)
            for search in SPEAKER_SEARCHES:
                for start, end in ((lo, span.open_mark), (lo + 7, max(lo, span.open_mark - 2))):
                    found = search.search_at_word_starts(text, start, end)
                    assert _search_span(found) == _search_span(
                        search.pattern.search(text, start, end)
                    )


def test_a_word_start_search_tries_heads_of_one_letter_and_those_a_class_opens() -> None:
    search = WordStartSearch(re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:\w+\s+)?sign\b"))
    assert search.letters == frozenset({"A", "a"}) and set(search.heads) == {"Th", "th"}
    assert search.search_at_word_starts("held a large sign").span() == (5, 17)
    assert search.search_at_word_starts("The sign, an old sign").span() == (0, 8)
    assert search.search_at_word_starts("An old sign", 1) is None  # cut inside "An"
    assert search.search_at_word_starts("data sign") is None  # "a" inside a word opens none
    assert search.search_at_word_starts("Other sign") is None


def test_a_word_start_search_tries_the_pattern_only_where_a_word_opens() -> None:
    search = WordStartSearch(re.compile(r"\b(?:said|told)\s+\w+"))
    assert search.search_at_word_starts("unsaid words, Lee said it").span() == (18, 25)
    assert search.search_at_word_starts("x_said so; said", 0, 13) is None  # cut at the window
    assert search.search_at_word_starts("ésaid so") is None  # é is a word character
    assert search.search_at_word_starts("-said so").span() == (1, 8)


def test_a_word_start_search_tries_heads_opening_beyond_ascii() -> None:
    search = WordStartSearch(re.compile(r"\b(?:état|said)\s+\w+"))
    assert search.search_at_word_starts("un état fort").span() == (3, 12)
    assert search.search_at_word_starts("xétat fort, she said so").span() == (16, 23)
    assert search.search_at_word_starts("États fort") is None


def test_patterns_not_opening_every_match_with_a_word_are_searched_whole() -> None:
    assert word_heads(re.compile(r"\b(?:said|told)\b")) == ("said", "told")
    assert word_heads(re.compile(r"\b(?<!-)(?:said|(?<=\s)told)")) == ("said", "told")
    assert word_heads(re.compile(r"said|\btold")) == ()  # 'unsaid' would be missed
    assert word_heads(re.compile(r"\b(?:said|\w+ed)")) == ()
    assert word_heads(re.compile(r"\b(?:said|-told)")) == ()  # no word character opens it
    assert word_heads(re.compile(r"\bsaid", re.IGNORECASE)) == ()
    text = "unsaid, she told"
    search = WordStartSearch(re.compile(r"said|\btold"))
    assert search.search(text).span() == (2, 6)
    assert search.search_at_word_starts(text).span() == (2, 6)


BREAK_WORD_PIECES = st.sampled_from(
    [*"; while whereas but though although which who whom when x Lee".split(), " ", "\n", "\t"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(BREAK_WORD_PIECES, max_size=16).map("".join), st.integers(0, 10))
def test_clause_breaks_are_found_as_the_old_pattern_found_them(text, lo) -> None:
    found = [m.span() for m in _CLAUSE_BREAK.finditer(text, lo)]
    assert found == [m.span() for m in _OLD_CLAUSE_BREAK.finditer(text, lo)]
    new, old = _CLAUSE_BREAK.search(text, lo), _OLD_CLAUSE_BREAK.search(text, lo)
    assert (new and new.span()) == (old and old.span())


# determiners in any case, letters that match others when case is ignored (ſ, İ, K), blanks
DETERMINER_PIECES = st.sampled_from(
    [
        *"the The THE a an An its their THEIR his her x Iran other".split(),
        *["hi\u017f", "\u0130ts", "\u212a", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ",", "-"],
    ]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(DETERMINER_PIECES, max_size=12).map("".join), st.integers(0, 6))
def test_a_determiner_before_the_end_is_found_as_the_whole_search_finds_it(text, cut) -> None:
    end = max(0, len(text) - cut)
    whole = _DETERMINER_END.search(text, 0, end) is not None
    assert determiner_end(text, end) == determiner_end_by_code(text, end) == whole


@settings(max_examples=800, deadline=None)
@given(st.lists(DETERMINER_PIECES, max_size=12).map("".join), st.integers(0, 40))
def test_a_determiner_before_an_offset_is_found_as_the_seven_character_search_finds_it(
    text, at
) -> None:
    at = min(at, len(text))
    found = bool(_DETERMINER_END.search(text, max(0, at - 7), at))
    assert determiner_before(text, at) == determiner_before_by_code(text, at) == found


def test_a_determiner_before_a_verb_opens_a_word_and_ends_in_blanks() -> None:
    for before in (determiner_before, determiner_before_by_code):
        assert before("the alleged", 4)
        assert before("Lee saw THEIR  x", 15)
        assert not before("Lee praised Iran said", 17)  # 'an' inside a word
        assert not before("xthe said", 5)  # the word opens before the window
        assert not before("the", 3)  # no blank before the offset
        assert not before("their      said", 11)  # opens more than 7 characters back
    for text in ("hi\u017f said", "\u0130ts said", "THE\u2003said"):  # beyond ASCII: searched
        found = bool(_DETERMINER_END.search(text, 0, 5))
        assert determiner_before(text, 5) == determiner_before_by_code(text, 5) == found


def test_a_determiner_ends_a_head_only_before_its_blanks() -> None:
    for ends in (determiner_end, determiner_end_by_code):
        assert ends("Lee praised the  \n", 18)
        assert not ends("Lee praised the  \n", 13)  # 'th' is no determiner
        assert not ends("Lee praised Iran ", 17)  # 'an' inside a word
        assert ends("Lee praised THEIR\t", 18)
        assert ends("Lee praised a         ", 22)  # however many blanks follow it
        assert ends("Lee praised \u0130ts ", 17) and ends("hi\u017f ", 5)  # searched: İ is i


def test_a_determiner_before_each_offset_of_articles_is_found_as_the_whole_search_finds_it(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for end in range(0, len(text), 23):
            head = text[max(0, end - 160) : end + 1]
            whole = _DETERMINER_END.search(head) is not None
            assert (
                determiner_end(head, len(head)) == determiner_end_by_code(head, len(head)) == whole
            )


APPOSITIVE_PIECES = st.sampled_from(
    [*"a the who Lee Dean of at for x-ray said".split(), ",", ", ", ";", " ", "  ", "\n", "\t"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(APPOSITIVE_PIECES, max_size=16).map("".join))
def test_appositives_before_the_end_are_found_from_the_last_commas_as_by_the_whole_search(
    clause,
) -> None:
    for pattern in (_TRAILING_APPOSITIVE, _ROLE_APPOSITIVE):
        found, whole = search_last_commas(pattern, clause), pattern.search(clause)
        assert (found and found.span()) == (whole and whole.span())


def test_an_appositive_ending_the_clause_opens_at_one_of_its_last_two_commas() -> None:
    clause = "Ann Reid, 41, of Leeds, a fire service spokesman, "
    assert search_last_commas(_TRAILING_APPOSITIVE, clause).start() == clause.index(", a")
    clause = "Erwin Lee, 62, Dean of Acme Law School"
    assert search_last_commas(_ROLE_APPOSITIVE, clause).group(1) == "Dean"
    assert search_last_commas(_ROLE_APPOSITIVE, "Erwin Lee said") is None


TAIL_PIECES = st.sampled_from(
    [
        *"reads read said states the letter statement as Lee put it Moss's ruling".split(),
        *[" ", ",", "\u2003", "\n", "—", "–", "-", "x"],
    ]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(TAIL_PIECES, max_size=14).map("".join))
def test_the_frames_after_a_quotation_match_only_where_their_first_letter_opens_the_tail(
    tail,
) -> None:
    at = opening_after(tail, ",", 0)
    dashed = opening_after(tail, ",—–-", at)
    if speaker_cues._READS_STATEMENT.match(tail):
        assert tail[at : at + 1] in ("r", "s")
    if speaker_cues._READ_BY_TEXT.match(tail):
        assert tail[at : at + 1] == "r"
    if speaker_cues._TEXT_READ_AFTER.match(tail):
        assert tail[at : at + 1] == "t"
    if speaker_cues._AS_PUT_IT_AFTER.match(tail):
        assert tail[dashed : dashed + 2] == "as"


OPENING_PIECES = st.sampled_from(
    [
        *"by the WHO Says Moss, Calling it Saying told Adds x".split(),
        *[" ", ",", "\u2003", "\n", "—", "–", "-", "\u200d", "“", "."],
    ]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(OPENING_PIECES, max_size=12).map("".join))
def test_the_anchored_frames_match_only_where_their_guards_let_them(text) -> None:
    at = opening_after(text, "", 0)
    if speaker_cues._BY_AGENT.match(text):
        by_at = opening_after(text, ",", 0)
        assert text[by_at : by_at + 2] == "by"
    if speaker_cues._DASH_CREDIT.match(text):
        assert text[at : at + 1] in speaker_cues._DASHES
    if speaker_cues._PARTICIPLE_OPENS.match(text):
        assert "ing" in text
    if speaker_cues._INVERTED.match(text):
        assert text[at : at + 1] in speaker_cues._INVERTED_INITIALS


def test_a_tail_opens_past_blanks_and_the_marks_given() -> None:
    assert opening_after(", \u2003reads", ",", 0) == 3
    assert opening_after(" — as Lee put it", ",", 0) == 1
    assert opening_after(" — as Lee put it", ",—–-", 0) == 3
    assert opening_after(",  ", ",", 0) == 3
    frames = [  # each frame matches, and opens where its guard looks
        (", reads Judge Moss's ruling.", speaker_cues._READS_STATEMENT, ",", "r"),
        (",\u2003read the warning.", speaker_cues._READ_BY_TEXT, ",", "r"),
        (" , the letter read.", speaker_cues._TEXT_READ_AFTER, ",", "t"),
        (" — as Lee put it —", speaker_cues._AS_PUT_IT_AFTER, ",—–-", "a"),
        (" , by the WHO.", speaker_cues._BY_AGENT, ",", "b"),
        ("  — Ann Lee, a designer", speaker_cues._DASH_CREDIT, "", "—"),
        (" Says Ann Lee, the designer: ", speaker_cues._INVERTED, "", "S"),
    ]
    for tail, frame, marks, letter in frames:
        assert frame.match(tail) and tail[opening_after(tail, marks, 0)] == letter


WHOLE_WORD_PIECES = st.sampled_from(
    [
        *"he she He SHE the judge Judge JUDGES crown prosecutor x".split(),
        *[" ", "-", "'", "\u212a", "\u017f", "\u0130", "\u0131", "é"],  # letters matching others
    ]
)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(WHOLE_WORD_PIECES, max_size=14).map("".join),
    st.sampled_from(["he", "she", "judge", "crown prosecutor", "kiss", "is"]),
)
def test_a_whole_word_is_found_where_the_plain_boundary_pattern_finds_it(text, word) -> None:
    pattern = re.escape(word)
    plain = re.compile(rf"\b{pattern}\b", re.IGNORECASE)
    found = [m.span() for m in _whole_word(pattern).finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


def test_the_words_every_match_opens_are_read_after_a_word_boundary() -> None:
    assert word_needs(re.compile(r"\b(?:said|told)\s+\w+$")) == ("said", "told")
    # the noun after a word boundary, however many words come before it
    assert word_needs(re.compile(r"\b[Tt]he\s+(?:\w+\s+)?\b(?:signs?|motto)\s*$")) == (
        "sign",
        "motto",
    )
    assert word_needs(re.compile(r"\b(?<!-)said")) == ("said",)  # a lookbehind reads nothing
    # a need holding another is kept unless the other opens it: no word opening with "nickname"
    # opens with "name"
    assert word_needs(re.compile(r"\b(?:name|named|nickname|titled|entitled)\s$")) == (
        "name",
        "titled",
        "entitled",
        "nickname",
    )
    assert word_needs(re.compile(r"\s(?:sign|motto)")) == ()  # no word boundary before
    assert word_needs(re.compile(r"\b(?:said|\w+ed)")) == ()  # a match may open no literal
    assert word_needs(re.compile(r"\b-said")) == ()  # the boundary is before the hyphen
    assert word_needs(re.compile(r"\bsaid", re.IGNORECASE)) == ()


def test_a_needs_guard_keeps_the_patterns_whose_words_open_a_word_in_the_window() -> None:
    guard = WordNeedsGuard(
        re.compile(r"\bsigns?\s+read\s*$"), re.compile(r"\b(?:charged|plea)\s+of$"), re.compile("x")
    )
    assert guard.may_match_at_word_starts("protesters held signs reading", 0, 29) == 0b101
    assert guard.may_match_at_word_starts("a design, a plea of", 0, 19) == 0b110
    assert guard.may_match_at_word_starts("a design, a plea of", 0, 14) == 0b100  # plea cut off
    assert guard.may_match_at_word_starts("a design, a plea of", 12, 19) == 0b110
    assert guard.may_match_at_word_starts("a design, a plea of", 13, 19) == 0b100  # 'lea of'
    # the window's first character opens a word, as the search of the window sees it
    assert guard.may_match_at_word_starts("a design", 4, 8) == 0b101
    assert guard.may_match_at_word_starts("é_sign; charged", 0, 15) == 0b110  # é is a letter
    assert guard.may_match("a design, a plea of") & 0b010
    assert guard.may_match("nothing here") == 0b100


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "The the A a an Its his that signs Signs design slogan inscriptions headline motto "
            "plaque phrase writings wording caption read reads said states is was on of from in "
            "charged charges arrested convicted plea pleaded with for banner Banners placards "
            'held carried such as x é _ 9 - , : ; . " “ ” \n'.split(" ")
        ),
        max_size=20,
    ),
    st.sampled_from([" ", "  ", "", ", ", "\n", "-"]),
    st.integers(0, 6),
)
def test_the_lead_cues_match_nowhere_their_needs_guard_rules_out(words, gap, lo) -> None:
    window = gap.join(words)
    bits = quotes._LEAD_NEEDS.may_match_at_word_starts(window, lo, len(window))
    assert bits & quotes._LEAD_NEEDS.may_match(window, lo) == bits  # word starts: fewer found
    cues = (quotes._SIGN_TEXT_CUE, quotes._WRITTEN_TEXT_CUE, quotes._CHARGE_CUE)
    for k, pattern in enumerate(cues):
        if not bits & (1 << k):
            assert pattern.search(window[lo:]) is None, (pattern.pattern, window[lo:])


# each guard of several cues looked for in one pass, with its cues in bit order
NEEDS_GUARDS = [
    (quotes._LEAD_NEEDS, (quotes._SIGN_TEXT_CUE, quotes._WRITTEN_TEXT_CUE, quotes._CHARGE_CUE)),
    (
        speakers._HEAD_NEEDS,
        (
            speakers._LABEL,
            speakers._SPEECH_ABOUT,
            speakers._REPORTED_THAT,
            speakers.NAMING_CUE,
            speakers._LABEL_AS,
        ),
    ),
]


def test_the_cues_guarded_together_have_word_needs_and_match_nowhere_they_are_ruled_out(
    real_texts: list[str],
) -> None:
    for guard, cues in NEEDS_GUARDS:
        assert guard.always == 0 and all(guard.needs) and len(guard.needs) == len(cues)
        for text in real_texts:
            for start in range(0, len(text), 97):
                lead = text[start : start + 200]
                bits = guard.may_match_at_word_starts(lead, 0, len(lead))
                for k, pattern in enumerate(cues):
                    if not bits & (1 << k):
                        assert pattern.search(lead) is None, (pattern.pattern, lead)
