"""Hostile shapes of input (a known name repeated thousands of times, a transcript of "X said"
openers) cost work that grows linearly with the text: each check reads a fact computed once per
run or article, not once per name. Sizes are read from what the rules keep, never from a clock;
each shortcut is also checked to answer exactly as the code it replaced."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp import entity_merge
from newstui.nlp.entities import NAME_JOINERS
from newstui.nlp.entity_cues import _PORTFOLIO_TITLES, _is_title_start
from newstui.nlp.entity_merge import (
    _later_variants,
    _LongerNames,
    _same_stem,
    _spelt_alike,
    _stem_forms,
)
from newstui.nlp.entity_passes import _EntityFinder
from newstui.nlp.entity_words import CONNECTORS, LowerCaseWords, _chunks, _is_cap
from newstui.nlp.names import strip_possessive
from newstui.nlp.quotes import QuoteSpan
from newstui.nlp.rules import RulesExtractor, rules_view
from newstui.nlp.segment import WORD, Token, name_tokens
from newstui.nlp.sentence_closers import SentenceClosers
from newstui.nlp.speaker_subjects import MAX_SENTENCE
from newstui.nlp.speakers import SpeakerFinder


def _finder(text: str) -> _EntityFinder:
    return _EntityFinder(text, name_tokens(text, frozenset(), NAME_JOINERS), [])


def _cut_before_officer(finder: _EntityFinder, run: list[Token], at: int) -> list[Token]:
    """`_officer_after_body` reading the run again at each call: the run up to the first title
    after run[at] when a body's word ends the words before it (and the title is no longer one
    the word opens, nor a portfolio's), else the whole run."""
    for k in range(at, len(run) - 1):
        n = finder._title(run, k) if _is_title_start(run[k]) else 0
        if not n:
            continue
        if (
            k == at
            or run[k - 1].text not in finder.gaz.org_words
            or run[k].text in _PORTFOLIO_TITLES
            or k + n >= len(run)
            or not _is_cap(run[k + n].text)
            or any(j + finder._title(run, j) > k for j in range(max(at, k - 3), k))
        ):
            return run
        return run[:k]
    return run


def _extends_by_reading_the_rest(finder: _EntityFinder, run: list[Token], i: int, n: int) -> bool:
    """`_extends_to_named_head` as it was before its facts were kept per run: every call read
    the rest of the run again."""
    if len(run) - (i + n) > 2:
        run = _cut_before_officer(finder, run, i + n)
    rest = run[i + n :]
    last = run[i + n - 1]
    if "'" in last.text or "’" in last.text or finder.text[last.end : last.end + 1] in ("'", "’"):
        return False
    if not rest or any(
        t.text.islower()
        and t.text not in CONNECTORS
        and not (t.text == "the" and k and rest[k - 1].text in ("of", "for"))
        for k, t in enumerate(rest)
    ):
        return False
    heads = finder.heads
    words = [strip_possessive(t.text) for t in rest]
    if words[0] == "and" and len(rest) > 1 and finder._known(run, i + n + 1) == len(rest) - 1:
        return False
    if words[0] == "and" and words[-1] in finder.gaz.place_words and finder._is_place(run, i, n):
        return False
    if words[-1] in heads:
        return finder._country_body(run, i, n) != len(rest)
    if any(w in heads and nxt in ("of", "for", "on", "and") for w, nxt in pairwise(words)):
        return True
    known = finder._lookup(finder._surface(run, i, n)[2])
    return (
        known is not None
        and known[1] == "ORG"
        and words[0] == "of"
        and finder._names_places(words[1:])
    )


def _assert_named_heads_as_before(text: str) -> None:
    finder = _finder(text)
    for run, _ in _chunks(text, finder.tokens):
        for i in range(len(run)):  # each start in order, as _scan_run asks
            n = finder._known(run, i)
            if n:
                expected = _extends_by_reading_the_rest(finder, run, i, n)
                assert finder._extends_to_named_head(run, i, n) == expected, (text, i)


def test_a_run_of_one_known_name_repeated_reads_its_words_once() -> None:
    text = "NATO " * 300
    finder = _finder(text)
    finder.scan()
    # the facts kept are those the first name read (the rest from the second word on): no
    # later name read the run's words again
    tail = finder.run_tail
    assert tail is not None
    assert tail.start == 1
    assert len(tail.words) == 299


def test_a_text_of_one_known_name_repeated_four_thousand_times_is_that_one_name() -> None:
    text = "Paris " * 4000
    analysis = RulesExtractor().analyse(text)
    assert [(e.name, e.type) for e in analysis.entities] == [("Paris", "PLACE")]
    assert len(analysis.entities[0].mentions) == 4000


def test_named_heads_read_from_kept_facts_answer_as_before_on_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        _assert_named_heads_as_before(text)


_RUN_WORDS = (
    "NATO Paris United States Nations Bank of for the and on England Commission Airlines "
    "Islamic State Iraq Syria Securities Exchange National Security Council Las Vegas "
    "Atlantic City Newcastle Stadium America's Airlines' said y"
).split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RUN_WORDS), min_size=1, max_size=14))
def test_named_heads_read_from_kept_facts_answer_as_before_on_any_run(words: list[str]) -> None:
    _assert_named_heads_as_before("They met " + " ".join(words) + " on Monday.")


def _sentences_read(text: str) -> int:
    return rules_view(text).finder.sentences_read


def test_a_transcript_of_pronoun_quotes_reads_each_sentence_a_few_times_not_once_a_quote() -> None:
    # each '“…,” he said.' walks back through the sentences before it for whom "he" is: a
    # run of such sentences already walked is taken at once
    quote = "“We will grow,” he said. "
    assert _sentences_read(quote * 200) <= 3 * 200
    assert _sentences_read(quote * 400) <= 2 * _sentences_read(quote * 200) + 3


def test_a_transcript_of_pronoun_quotes_gives_each_the_person_named_before_them_all() -> None:
    text = "Ann Harper spoke on Monday. " + "“We will grow,” she said. " * 4000
    analysis = RulesExtractor().analyse(text)
    assert len(analysis.quotes) == 4000
    assert {q.speaker for q in analysis.quotes} == {"Ann Harper"}


def _assert_subjects_as_if_walked_alone(text: str) -> None:
    """Each quote's pronoun subject from one finder asked about every quote in turn (the runs
    earlier walks went through kept) equals that of a new finder asked about it alone."""
    view = rules_view(text)
    shared = view.finder
    for span in view.spans:
        for kind, gender in (("PERSON", "m"), ("PERSON", "f"), ("PERSON", None), ("ORG", None)):
            alone = SpeakerFinder(text, view.spans, view.entities, view.short)
            expected = alone._subject_before(span.open_mark, kind, gender)
            assert shared._subject_before(span.open_mark, kind, gender) == expected, (text, span)


def test_pronoun_subjects_from_kept_runs_are_those_walked_alone_on_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        _assert_subjects_as_if_walked_alone(text)


_SENTENCES = (
    "“We will grow,” he said.",
    "“No,” she said.",
    "He added more.",
    "She agreed with him.",
    "Ann Harper spoke.",
    "John Smith said it.",
    "The company said so.",
    "The spokesman said it.",
    "One customer, a nurse, said so.",
    "“Yes.” He left.",
    "\n\n",
    "Acme Corp said it would.",
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=30))
def test_pronoun_subjects_from_kept_runs_are_those_walked_alone_on_any_transcript(
    sentences: list[str],
) -> None:
    _assert_subjects_as_if_walked_alone(" ".join(sentences))


def _beside_by_every_span(finder: SpeakerFinder, span: QuoteSpan, start: int, end: int) -> bool:
    """`_short_speaker`'s "beside" as it was: every quotation of the article asked in turn."""
    return any(
        start <= s.open_mark < end
        and s not in finder.short
        and not finder._ends_sentence_before(s, span)
        for s in finder.spans
    )


def _start_by_every_span(finder: SpeakerFinder, span: QuoteSpan, start: int) -> int:
    """`_inside_reported_clause`'s sentence start as it was: every earlier quotation in turn."""
    for s in finder.spans:
        if s.open_mark >= span.open_mark:
            break
        if start <= s.open_mark and finder._ends_sentence_before(s, span):
            start = s.close_mark + 1
    return start


def _assert_closers_as_every_span(text: str) -> None:
    view = rules_view(text)
    finder = view.finder
    closers = SentenceClosers(text, view.spans, view.short, few=0)  # counts at once
    starts = sorted({0, *finder.sentences, *(s.close_mark + 1 for s in view.spans)})
    for j, span in enumerate(view.spans):
        for k, other in enumerate(view.spans):
            assert closers.closes_before(k, span.open_mark) == (
                finder._ends_sentence_before(other, span)
            ), (text, other, span)
        start, end = finder.sentence_bounds(span.open_mark)
        for lo in (start, *[s for s in starts if s <= span.open_mark][-3:]):
            assert closers.start_after_closed(lo, span.open_mark) == _start_by_every_span(
                finder, span, lo
            ), (text, j, lo)
            assert closers.beside(lo, end, span.open_mark) == _beside_by_every_span(
                finder, span, lo, end
            ), (text, j, lo)


def test_a_paragraph_of_quotes_ending_their_sentences_takes_the_shortcut_for_each() -> None:
    text = "Harper said “we grow.” " * 300
    view = rules_view(text)
    closers = SentenceClosers(text, view.spans, view.short)
    assert len(view.spans) == 300
    # every quotation ends before the next opens: each question is answered by counts
    assert closers._plain(0, len(view.spans))
    assert all(closers.closes_before(j, view.spans[j + 1].open_mark) for j in range(299))
    assert closers.start_after_closed(0, view.spans[-1].open_mark) == view.spans[-2].close_mark + 1


def test_quotes_closing_their_sentences_are_found_as_by_every_quote_on_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        _assert_closers_as_every_span(text)


_QUOTED = (
    "Harper said",
    "“we grow.”",
    "“We grow,”",
    "“no”",
    "“It was a long and hard year for us all.”",
    "“a “nested” one.”",
    "“open",
    "he said.",
    "The minister",
    "called it",
    "\n\n",
    "\n\nThe Company believes its position is right and will appeal.\n\n",
    "  ",
    "“Yes!”",
    "“so?” Asked",
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED), min_size=1, max_size=24))
def test_quotes_closing_their_sentences_are_found_as_by_every_quote_on_any_text(
    parts: list[str],
) -> None:
    _assert_closers_as_every_span(" ".join(parts))


def _ends_before(text: str, quote: QuoteSpan, later: QuoteSpan) -> bool:
    """`SpeakerFinder._ends_sentence_before` as written before the shortcut."""
    if quote.close_mark >= later.open_mark:
        return False
    ends = text[quote.start : quote.end].rstrip().rstrip("]")[-1:] in (".", "!", "?")
    after = text[quote.close_mark + 1 : later.open_mark]
    return ends and after[:1].isspace() and after.lstrip()[:1].isupper()


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[QuoteSpan], set[QuoteSpan]]:
    text = draw(st.text(alphabet="“” \n.!AaT]", min_size=4, max_size=40))
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        cuts = sorted(draw(st.lists(st.integers(0, len(text) - 1), min_size=4, max_size=4)))
        open_mark, start, end, close_mark = cuts
        if open_mark < start:
            spans.append(QuoteSpan(start, end, open_mark, close_mark))
    spans.sort(key=lambda s: s.open_mark)
    short = {s for s in spans if draw(st.booleans())}
    return text, spans, short


@settings(max_examples=600, deadline=None)
@given(_text_and_spans())
def test_quotes_closing_their_sentences_are_found_as_by_every_quote_for_any_spans(
    case: tuple[str, list[QuoteSpan], set[QuoteSpan]],
) -> None:
    # spans as no finder makes them too (overlapping, blank, unmarked): the shortcuts hold
    text, spans, short = case
    closers = SentenceClosers(text, spans, short, few=0)  # counts at once
    for later in spans:
        mark = later.open_mark
        for k, s in enumerate(spans):
            assert closers.closes_before(k, mark) == _ends_before(text, s, later)
        for start in range(0, mark + 1):
            expected = start
            for s in spans:
                if s.open_mark >= mark:
                    break
                if expected <= s.open_mark and _ends_before(text, s, later):
                    expected = s.close_mark + 1
            assert closers.start_after_closed(start, mark) == expected
            for end in range(mark + 1, len(text) + 1, 3):
                beside = any(
                    start <= s.open_mark < end
                    and s not in short
                    and not _ends_before(text, s, later)
                    for s in spans
                )
                assert closers.beside(start, end, mark) == beside, (start, end)


def test_a_blank_span_between_two_quotations_leaves_the_first_one_open() -> None:
    # "“Yes.”", a span of spaces, then a paragraph opened at its line break: nothing but
    # spaces lies between the first and the paragraph's mark, so it closes no sentence there
    text = "“Yes.”      \nThe end."
    spans = [QuoteSpan(1, 5, 0, 5), QuoteSpan(8, 9, 7, 9), QuoteSpan(13, 21, 12, 21)]
    closers = SentenceClosers(text, spans, set(), few=0)
    assert not closers.closes_before(0, 12)
    assert closers.start_after_closed(0, 12) == 0
    assert closers.beside(0, len(text), 12)


def test_an_interview_of_four_thousand_quote_paragraphs_gives_each_its_interviewee() -> None:
    # each quote-only paragraph reads the quotations of the sentence before it, not all of them
    text = "Ann Lee bristles at talk of growth.\n\n“We will grow this year and next.”\n\n" * 4000
    analysis = RulesExtractor().analyse(text)
    assert len(analysis.quotes) == 4000
    assert {q.speaker for q in analysis.quotes} == {"Ann Lee"}


def test_four_thousand_paragraphs_of_a_sentence_then_its_speakers_quote_give_each_the_speaker() -> (
    None
):
    text = "Ann Lee told of a hard start. “In my first stint, we will grow this year.”\n\n" * 4000
    analysis = RulesExtractor().analyse(text)
    assert len(analysis.quotes) == 4000
    assert {q.speaker for q in analysis.quotes} == {"Ann Lee"}


def test_a_run_of_titled_names_keeps_its_last_lower_case_word_for_the_run() -> None:
    text = "Mr Smith " * 300 + "Hotel"
    finder = _finder(text)
    finder.scan()
    # each "Mr" asks whether the words after it end in a head noun ("Hotel") with no
    # lower-case word between: the run's last lower-case word is kept for it, read once
    assert finder.lower_run is not None and len(finder.lower_run) == 601
    assert finder.last_lower == -1


def _title_names_a_thing_by_reading_the_rest(
    finder: _EntityFinder, run: list[Token], j: int
) -> bool:
    """`_title_names_a_thing` as it was: the words after the title read at each call."""
    last = strip_possessive(run[-1].text)
    lower = any(t.text.islower() for t in run[j:])
    if last in finder.gaz.org_words:
        return not (
            lower
            and (finder._given_name_after_brief(run, j) or _plain_name_before_of(finder, run, j))
        )
    return last in finder.heads and not lower


def _plain_name_before_of(finder: _EntityFinder, run: list[Token], j: int) -> bool:
    """Two or three capitalised words no list knows, none a head, from run[j] to an "of"."""
    words = [t.text for t in run[j:]]
    if "of" not in words:
        return False
    k = words.index("of")
    return (
        2 <= k <= 3
        and all(
            _is_cap(w) and w not in finder.gaz.org_words and w not in finder.heads
            for w in words[:k]
        )
        and not any(finder._known(run, j + m) for m in range(k))
    )


_TITLE_RUN_WORDS = (
    *_RUN_WORDS,
    *"Dr Mr General Motors Company St. George Hotel Ann Lee University Cape Town".split(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_RUN_WORDS), min_size=1, max_size=12))
def test_titles_naming_a_thing_answer_as_before_on_any_run(words: list[str]) -> None:
    text = "They met " + " ".join(words) + " on Monday."
    finder = _finder(text)
    for run, _ in _chunks(text, finder.tokens):
        for j in range(len(run)):
            expected = _title_names_a_thing_by_reading_the_rest(finder, run, j)
            assert finder._title_names_a_thing(run, j) == expected, (text, j)


def _longest_sentence(text: str) -> int:
    finder = rules_view(text).finder
    return max(b - a for a, b in pairwise([*finder.sentences, len(text)]))


@pytest.mark.parametrize(
    ("unit", "speaker"),
    [
        ("Harper said “we grow.” ", "Harper"),
        ("A spokesperson for Acme Corp said “no.” ", "Acme Corp"),
        ("the minister called it a “mess.” and ", None),
    ],
)
def test_a_paragraph_of_quotes_each_closed_by_its_stop_is_read_a_bounded_sentence_at_a_time(
    unit: str, speaker: str | None
) -> None:
    # the stops hide inside the quotations: one masked "sentence" of 4,000 quotes, which every
    # fragment read back to its start (quadratic); cut, each reads at most MAX_SENTENCE
    # characters, and each cut falls after a quotation and its blanks, never between a
    # speaker and the quote
    text = unit * 4000
    assert len(text) > 20 * MAX_SENTENCE
    assert _longest_sentence(text) <= MAX_SENTENCE
    analysis = RulesExtractor().analyse(text)
    assert len(analysis.quotes) == 4000
    assert {q.speaker for q in analysis.quotes} == {speaker}


def _given_names(count: int) -> list[str]:
    consonants = "bcdfghjklmnprstvwxz"
    return [f"b{a}a{b}o{c}" for a in consonants for b in consonants for c in consonants][:count]


def test_a_list_of_four_thousand_people_of_one_surname_compares_each_name_with_a_few() -> None:
    # 'Bxaxox Lee, Bxaxoy Lee, …': one bucket of names that may be spelling variants of each
    # other (same initials, same surname); each is compared with the names sharing a variant
    # form of its given name, not with all 4,000
    people = [f"PERSON:{given} lee" for given in _given_names(4000)]
    later = _later_variants(people)
    assert sum(len(later(i)) for i in range(len(people))) <= 4 * len(people)
    # and the names merge as when each was compared with every later one
    text = "The guests were " + ", ".join(f"{g.title()} Lee" for g in _given_names(300)) + "."
    analysis = RulesExtractor().analyse(text)
    assert len(analysis.entities) == 254
    merged = next(e for e in analysis.entities if e.name == "Bbacoc Lee")
    assert [text[m.start : m.end] for m in merged.mentions] == [
        "Bbacoc Lee",
        "Bbacok Lee",
        "Bbakoc Lee",
    ]


@st.composite
def _spelt_names(draw: st.DrawFn) -> list[list[str]]:
    """Names of one width whose words are a few stems, each as it is or spelt another way."""
    stems = draw(st.lists(st.text("aeiykqcszbl", min_size=3, max_size=9), min_size=1, max_size=4))
    width = draw(st.integers(1, 3))
    names: dict[str, list[str]] = {}
    for _ in range(draw(st.integers(2, 30))):
        words = []
        for _ in range(width):
            word = draw(st.sampled_from(stems))
            i, j = sorted(draw(st.lists(st.integers(0, len(word) - 1), min_size=2, max_size=2)))
            change = draw(st.sampled_from(("same", "letter", "double", "swap", "prefix")))
            if change == "letter":
                word = word[:i] + draw(st.sampled_from("aeiouykqcsz")) + word[i + 1 :]
            elif change == "double":
                word = word[: i + 1] + word[i:]
            elif change == "swap":
                word = word[:i] + word[j] + word[i + 1 : j] + word[i] + word[j + 1 :]
            elif change == "prefix":
                word = word[: max(3, i)]
            words.append(word)
        names.setdefault(" ".join(words), words)
    return list(names.values())


@settings(max_examples=500, deadline=None)
@given(_spelt_names())
def test_the_names_read_for_each_are_all_those_it_may_be_spelt_alike_with(
    names: list[list[str]],
) -> None:
    later = _later_variants([f"PERSON:{' '.join(words)}" for words in names])
    for i, words in enumerate(names):
        found = later(i)
        assert found == sorted(found)
        for j in range(i + 1, len(names)):
            if _spelt_alike(words, names[j]):
                assert j in found, (words, names[j])


def test_a_list_of_thousands_of_names_cuts_the_text_into_words_once() -> None:
    # each name asks whether the text writes it in lower case ("bxaxox" for "Bxaxox"): after a
    # few hundred searches of the whole text, the rest are read from its words, cut once
    text = ", ".join(f"{g.title()} Lee" for g in _given_names(4000)) + " and bbaboc."
    words = LowerCaseWords(text)
    assert all((g in words) == (g == "bbaboc") for g in _given_names(4000))
    assert words.tokens is not None
    assert len(words.answers) == 4000


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab Zé_9-.'’&@ßſª東٣\n", max_size=40),
    st.lists(st.sampled_from("a ab b-a a.b a'b a’b é _ 9a ß ſ ª 東 ٣ ab-".split())),
)
def test_lower_case_words_read_from_the_cut_words_answer_as_searched_for(
    text: str, asked: list[str]
) -> None:
    searched, cut = LowerCaseWords(text), LowerCaseWords(text, searched=0)
    for word in [*asked, *(w.lower() for w in WORD.findall(text))]:
        assert (word in cut) == (word in searched), (text, word)


def test_a_name_of_a_list_of_four_thousand_of_one_surname_reads_only_longer_names_ending_so() -> (
    None
):
    people = {f"PERSON:{g} lee": [g, "lee"] for g in _given_names(4000)}
    people["PERSON:ann bbabob lee"] = ["ann", "bbabob", "lee"]
    fitting = _LongerNames(people)
    # "Bbabob Lee" may be the tail of "Ann Bbabob Lee"; no other name is read for it
    assert fitting.ending(["bbabob", "lee"]) == ["PERSON:ann bbabob lee"]
    assert sum(len(fitting.ending(words)) for words in people.values()) == 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from("ann b lee k ray ann-lee".split()), min_size=1, max_size=4))
)
def test_longer_names_read_by_tail_and_ends_are_those_the_surname_holds(
    names: list[list[str]],
) -> None:
    people = {"PERSON:" + " ".join(words): words for words in names}
    fitting = _LongerNames(people)
    for words in people.values():
        same_last = [key for key, other in people.items() if other[-1] == words[-1]]
        assert fitting.ending(words) == [
            key
            for key in same_last
            if len(people[key]) > len(words) and people[key][-len(words) :] == words
        ]
        if len(words) == 2:
            assert fitting.opening(words) == [
                key for key in same_last if len(people[key]) > 2 and people[key][0] == words[0]
            ]


def test_a_list_of_four_thousand_bodies_of_one_head_noun_compares_each_with_a_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "a spokesman for Bbabob Corp, a spokesman for Bbaboc Corp, …": each body asks whether a
    # shorter name abridges a longer one of its head noun ("Corp"), among the bodies that hold
    # a word of one stem with its own, not among all 4,000
    shortens = entity_merge._shortens
    calls = 0

    def counted(*args: object) -> bool:
        nonlocal calls
        calls += 1
        return shortens(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(entity_merge, "_shortens", counted)
    names = _given_names(4000)
    text = ", ".join(f"a spokesman for {g.title()} Corp" for g in names) + " said “we grow.”"
    analysis = RulesExtractor().analyse(text)
    assert len(analysis.entities) == 4000
    assert calls <= 20 * len(names)


@settings(max_examples=500, deadline=None)
@given(st.text("abcTtaxion", max_size=9), st.text("abcTtaxion", max_size=9))
def test_words_of_one_stem_share_a_form_one_files_and_the_other_looks_up(a: str, b: str) -> None:
    # the bodies a name reads are those filed under its words' forms: any word of one stem
    # with one of its own is filed under a form it looks up
    for x, y in ((a, b), (a, a + b), (a + b, a), (a[:3], a + b), (a[:4], a)):
        if _same_stem(x, y):
            assert set(_stem_forms(x)[1]) & set(_stem_forms(y)[0]), (x, y)


def test_four_thousand_place_named_speakers_read_the_text_for_forty_at_most() -> None:
    # "Tokyo Bbacoc said …" thousands of times: each name typed a body of the place reads the
    # whole text for its second word alone; past forty, the rest keep the person speech makes
    text = " ".join(
        f"Tokyo {g.title()} said on Monday that sales rose." for g in _given_names(4000)
    )
    finder = _finder(text)
    finder.scan()
    kinds = [c.type for c in finder.candidates if c.text.startswith("Tokyo ")]
    assert kinds[:40] == ["ORG"] * 40
    assert set(kinds[41:]) == {"PERSON"}


def test_a_town_beside_thousands_of_unscored_results_is_read_once_not_once_a_mention(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newstui.nlp import entity_runs

    calls = 0
    real = entity_runs.find_alone

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(entity_runs, "find_alone", counted)
    text = "Tulcea defeated Varnek on Saturday. " * 2_000
    _finder(text).scan()
    assert calls < 10 * 2_000  # once a mention for the town test, once a mention in all else


def test_four_thousand_unknown_names_told_something_read_the_text_for_forty_at_most() -> None:
    # "he told Bbacoc Cdadod: …" thousands of times: each name told something reads the whole
    # text for its last word; past forty, the rest stay unconfirmed (no entity), so it is linear
    names = [f"{g.title()} {g[::-1].title()}" for g in _given_names(4000)]
    text = " ".join(f'He told {name}: "The plan failed."' for name in names)
    finder = _finder(text)
    finder.scan()
    told = set(names[:40])
    kinds = [c.type for c in finder.candidates if c.text in told]
    assert kinds and set(kinds) == {"ORG"}
    assert finder.told_asked > 40
    assert not any(c.type == "ORG" and c.text in set(names[41:]) for c in finder.candidates)
