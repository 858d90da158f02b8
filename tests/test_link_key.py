"""Links compared as one when only their writing differs (IRI or URI, escape case, host case or
IDNA), and apart when they really differ."""

from __future__ import annotations

import pytest

from newstui.model.link_key import link_key, link_key_if_other, same_link


@pytest.mark.parametrize(
    ("written", "sent"),
    [
        ("https://w.org/wiki/Wanda_Vázquez", "https://w.org/wiki/Wanda_V%C3%A1zquez"),
        ("https://w.org/na%c3%afve", "https://w.org/na%C3%AFve"),
        ("https://bücher.example/x", "https://b%C3%BCcher.example/x"),  # (as FreshRSS sends it)
        ("https://Bücher.example/x", "https://xn--bcher-kva.example/x"),
        ("https://Example.ORG/Case", "https://example.org/Case"),
        ("HTTPS://example.org", "https://example.org/"),
        ("https://example.org/p#Änderung", "https://example.org/p#%C3%84nderung"),
        ("https://example.org/s?q=über&x=1", "https://example.org/s?q=%C3%BCber&x=1"),
        ("https://example.org/~user", "https://example.org/%7Euser"),
        ("https://example.org/a b", "https://example.org/a%20b"),
    ],
)
def test_one_link_written_two_ways_is_one_link(written: str, sent: str) -> None:
    assert link_key(written) == link_key(sent)
    assert same_link(written, sent)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://example.org/a%2Fb", "https://example.org/a/b"),
        ("https://example.org/s?a=1&b=2", "https://example.org/s?b=2&a=1"),
        ("https://example.org/caf%E9", "https://example.org/café"),  # Latin-1 is not UTF-8
        ("https://example.org/Case", "https://example.org/case"),
        ("https://example.org/a+b", "https://example.org/a%20b"),
        ("https://example.org:8080/", "https://example.org/"),
        ("https://example.org/a/", "https://example.org/a"),
    ],
)
def test_links_that_really_differ_stay_apart(one: str, other: str) -> None:
    assert link_key(one) != link_key(other)


def test_no_link_is_only_the_same_as_no_link() -> None:
    assert same_link(None, None)
    assert not same_link(None, "https://example.org/")
    assert link_key_if_other("https://example.org/V%C3%A1zquez") is None  # (its own key)
    assert link_key_if_other("https://example.org/Vázquez") == "https://example.org/V%C3%A1zquez"


def test_a_stray_percent_or_a_broken_host_stays_as_written() -> None:
    assert link_key("https://example.org/100%") == "https://example.org/100%"
    assert link_key("https://[::1]:80/x") == "https://[::1]:80/x"
    assert link_key("https://a..b/x") == "https://a..b/x"
    assert link_key("not a link") == "not%20a%20link"


def test_a_trailing_no_break_space_is_encoded_not_dropped():
    # review r32 L3: str.strip() took any Unicode space off, so `…/a\xa0` was `…/a`
    assert link_key("http://x.org/a\u00a0") == link_key("http://x.org/a%C2%A0")
    assert link_key("http://x.org/a\u00a0") != link_key("http://x.org/a")
    assert link_key(" http://x.org/a\n") == link_key("http://x.org/a")


def test_strasse_and_strasse_with_sharp_s_are_two_hosts():
    # review r32 L3: Python's IDNA 2003 codec maps ß to ss; IDNA 2008 (UTS 46, as browsers)
    # keeps it
    assert link_key("https://straße.de/a") != link_key("https://strasse.de/a")
    assert link_key("https://straße.de/a") == link_key("https://xn--strae-oqa.de/a")
    assert link_key("https://BÜCHER.de/") == link_key("https://xn--bcher-kva.de/")
