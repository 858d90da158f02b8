"""The query language parser: every construct, every error, and no input that raises otherwise."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp import canonical_key, query_keys
from newstui.query import (
    Age,
    And,
    DateBound,
    EntityRef,
    Fact,
    Not,
    Or,
    QueryError,
    QuoteText,
    Source,
    Speaker,
    Term,
    TitleSymbols,
    parse_query,
)


def tree(text: str):
    return parse_query(text).root


def word(text: str, column=None, prefix=False) -> Term:
    return Term(text, column, prefix, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flood", word("flood")),
        ("flood storm", And((word("flood"), word("storm")))),
        ("flood AND storm", And((word("flood"), word("storm")))),
        ("flood OR storm", Or((word("flood"), word("storm")))),
        ("NOT flood", Not(word("flood"))),
        ("-flood", Not(word("flood"))),
        ("said AND NOT flood", And((word("said"), Not(word("flood"))))),
        ("evac*", word("evac", prefix=True)),
        ('"river bank"', Term("river bank", None, False, True)),
        ('"river ba"*', Term("river ba", None, True, True)),
        ("a OR b c", Or((word("a"), And((word("b"), word("c")))))),
        ("(a OR b) c", And((Or((word("a"), word("b"))), word("c")))),
        ("-(a OR b)", Not(Or((word("a"), word("b"))))),
        ("title:flood", word("flood", "title")),
        ('title:"river bank"', Term("river bank", "title", False, True)),
        ("author:smi*", word("smi", "author", prefix=True)),
        ("text:flood", word("flood", "text")),
        ("TITLE:flood", word("flood", "title")),
        ("feed:bbc", Source("feed", "bbc")),
        ('feed:"BBC News"', Source("feed", "BBC News")),
        ("tag:world", Source("tag", "world")),
        ("unread", Fact("unread")),
        ("starred", Fact("starred")),
        ("is:unread", Fact("unread")),
        ("has:fulltext", Fact("fulltext")),
        ("has:enclosure", Fact("enclosure")),
        ("has:quotes", Fact("quotes")),
        ("quotes:", Fact("quotes")),
        ('quotes:"we will win"', QuoteText("we will win")),
        ("after:2026-11-01", DateBound("after", date(2026, 11, 1))),
        ("before:2026-12-31", DateBound("before", date(2026, 12, 31))),
        ("age:<3d", Age("<", 3 * 86400)),
        ("age:3d", Age("<", 3 * 86400)),
        ("age:>12h", Age(">", 12 * 3600)),
        ("age:<2w", Age("<", 14 * 86400)),
        ("age:<30m", Age("<", 1800)),
        ('person:"Dmitry Peskov"', EntityRef("PERSON", "Dmitry Peskov")),
        ("org:NATO", EntityRef("ORG", "NATO")),
        ("place:Aleppo", EntityRef("PLACE", "Aleppo")),
        ("group:Kurds", EntityRef("GROUP", "Kurds")),
        ("speaker:Peskov", Speaker("Peskov")),
        ("http://example.com", word("http://example.com")),
        ("10:30", word("10:30")),
        ("rock & roll", And((word("rock"), word("roll")))),
        ("well-known", word("well-known")),
        ("and or not", And((word("and"), word("or"), word("not")))),
        ('"unread"', Term("unread", None, False, True)),
        ("🎉", TitleSymbols("🎉")),  # looked for in titles (user test r45 L2)
        ("⚾🎉 parade", And((TitleSymbols("⚾🎉"), word("parade")))),
    ],
)
def test_each_construct_parses_to_its_node(text, expected):
    assert tree(text) == expected


def test_a_query_keeps_its_text():
    assert parse_query("  place:Syria  age:<7d ").text == "place:Syria  age:<7d"


def test_entity_names_are_resolved_with_the_given_key_function():
    person = tree_with_keys('person:"Bashar al-Assad"')
    assert person.keys == ("PERSON:person:bashar assad",)
    surname = tree_with_keys("speaker:Peskov")
    assert "surname:person:peskov" in surname.keys
    group = tree_with_keys("group:Kurds")
    assert set(group.keys) == {
        f"GROUP:{canonical_key('Kurds', 'GROUP')}",
        f"NORP:{canonical_key('Kurds', 'NORP')}",
    }


def tree_with_keys(text: str):
    return parse_query(text, query_keys).root


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty query: expected a word, a phrase or a field at 1"),
        ("   ", "empty query: expected a word, a phrase or a field at 1"),
        ("&& *", "nothing to search for: no letters or digits at 1"),
        ("(flood OR storm", "expected ')' at 16"),
        ("(flood OR (storm)", "expected ')' at 18"),
        ("flood)", "unexpected ')' at 6"),
        ("()", "expected a search term inside '()' at 2"),
        ("AND flood", "unexpected AND at 1"),
        ("OR flood", "unexpected OR at 1"),
        ("flood AND", "expected a search term after AND at 10"),
        ("flood OR", "expected a search term after OR at 9"),
        ("flood NOT", "expected a search term after NOT at 10"),
        ("flood -", "expected a search term after - at 8"),
        ("flood -  ", "expected a search term after - at 8"),
        ("(flood -)", "expected a search term after - at 9"),
        ("-", "expected a search term after - at 2"),
        ("rain --flood", "'--flood': one - leaves a word out (-flood or NOT flood) at 6"),
        ("---flood", "'---flood': one - leaves a word out (-flood or NOT flood) at 1"),
        ('--"river bank"', "'--' before a term: one - leaves it out (-term or NOT term) at 1"),
        ("(rain --(a OR b))", "'--' before a term: one - leaves it out (-term or NOT term) at 7"),
        (
            "rain title:--flood",
            "'title:--flood': one - leaves a word out (-title:flood or NOT title:flood) at 6",
        ),
        ("rain \u2014flood", "'\u2014flood': one - leaves a word out (-flood or NOT flood) at 6"),
        ("rain \u2013flood", "'\u2013flood': one - leaves a word out (-flood or NOT flood) at 6"),
        ("text:\u2014flood", "'text:\u2014flood': one - leaves a word out (-text:flood or NOT"),
        ("flood OR OR storm", "expected a search term after OR at 10"),
        ("(flood AND )", "expected a search term after AND at 12"),
        ('"river bank', "unterminated phrase: expected '\"' at 12"),
        ('title:"river', "unterminated phrase: expected '\"' at 13"),
        ("colour:red", "unknown field 'colour:'"),
        ("colour:", "unknown field 'colour:'"),
        ("title:", "expected a value after 'title:' at 7"),
        ("feed: bbc", "expected a value after 'feed:' at 6"),
        ('person:""', "expected a value after 'person:' at 8"),
        ("title:&", "'&' has no letters or digits to search for at 7"),
        ('"&&"', "phrase has no letters or digits to search for at 1"),
        ("has:pictures", "'has:' expects one of fulltext, fulltext-error, enclosure, quotes at 5"),
        ("is:read", "'is:' expects one of unread, starred at 4"),
        ("after:yesterday", "'after:' expects a date like 2026-11-01 at 7"),
        ("before:2026-02-30", "'before:' expects a date like 2026-11-01 at 8"),
        ("age:3", "'age:' expects e.g. <3d or >12h (units m, h, d, w) at 5"),
        ("age:<3y", "'age:' expects e.g. <3d or >12h (units m, h, d, w) at 5"),
        ("feed:bb*", "'feed:' takes no prefix (*) at 6"),
        ("quotes:&", "'quotes:' needs words to find in a quote at 8"),
        ("person:&", "'person:' needs a name at 8"),
        ("(" * 60 + "x" + ")" * 60, "more than 50 nested parentheses or NOTs at 51"),
        ("NOT " * 60 + "x", "more than 50 nested parentheses or NOTs at 201"),
        ("-(" * 30 + "x" + ")" * 30, "more than 50 nested parentheses or NOTs at 51"),
        ("x" * 2001, "query longer than 2000 characters at 2001"),
        ("a\x00b", "query contains a NUL character at 2"),
    ],
)
def test_each_error_names_the_problem_and_its_position(text, message):
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_error_position_points_at_the_problem():
    text = "place:Syria AND (flood OR storm"
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    assert raised.value.position == len(text) + 1
    assert str(raised.value) == f"expected ')' at {len(text) + 1}"


QUERY_ALPHABET = st.sampled_from(
    [*'abcXYZ019 ()"*-:<>&_.é\u0301\t\n', "AND", "OR", "NOT", "title:", "person:", "age:"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(QUERY_ALPHABET, max_size=40).map("".join))
def test_random_input_parses_or_raises_only_a_query_error(text):
    try:
        parse_query(text, query_keys)
    except QueryError as exc:
        assert 1 <= exc.position <= len(text) + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_or_raises_only_a_query_error(text):
    with contextlib.suppress(QueryError):
        parse_query(text, query_keys)


def test_a_dash_between_words_is_punctuation_and_one_at_the_end_an_error():
    assert parse_query("Tokyo - Osaka").root == And((Term("Tokyo"), Term("Osaka")))
    assert parse_query("flood -storm").root == And((Term("flood"), Not(Term("storm"))))
    with pytest.raises(QueryError, match="expected a search term after - at 8"):
        parse_query("flood -")  # was `flood`: the exclusion the user began silently dropped
    # dashes between spaces, at the end or inside a word are punctuation, as one is
    assert parse_query("rain -- flood --").root == And((Term("rain"), Term("flood")))
    assert parse_query("well--done").root == Term("well--done")


def test_long_dashes_between_or_inside_words_are_punctuation():
    assert parse_query("Tokyo \u2014 Osaka").root == And((Term("Tokyo"), Term("Osaka")))
    assert parse_query("rain \u2013 flood \u2014").root == And((Term("rain"), Term("flood")))
    assert parse_query("flood\u2014storm").root == Term("flood\u2014storm")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('"heav*"', Term("heav", prefix=True, phrase=True)),
        ('"heavy ra*"', Term("heavy ra", prefix=True, phrase=True)),
        ('"heav*"*', Term("heav", prefix=True, phrase=True)),
        ('title:"heav*"', Term("heav", "title", prefix=True, phrase=True)),
        ('"rain *"', Term("rain *", phrase=True)),  # a lone * is punctuation, as before
    ],
)
def test_a_star_after_the_last_word_inside_the_quotes_is_a_prefix(text, term):
    """`"heav*"` found nothing, silently (user test r30 L1): the * was dropped as punctuation."""
    assert parse_query(text).root == term


def test_a_star_inside_the_quotes_of_a_name_field_says_it_takes_no_prefix():
    with pytest.raises(QueryError, match="'person:' takes no prefix"):
        parse_query('person:"Pesk*"')
