"""The refresh line's short reason for a failure is the reason, not the advice after it (user
test r38 L3: a feed that became a web page was "1 failed (use that address)")."""

from __future__ import annotations

from newstui.model.fetching import SourceOutcome
from newstui.tui.refresh import failure_reasons

PAGE = (
    "Redesign: a web page (HTML), not a feed (RSS, Atom or JSON Feed); the page announces the"
    " RSS feed http://127.0.0.1:8771/redesign-new.xml: use that address"
)


def test_a_web_page_fails_as_a_web_page_not_as_its_advice():
    assert failure_reasons([SourceOutcome("Redesign", error=PAGE)]) == (
        "a web page (HTML), not a feed (RSS, Atom or JSON Feed)"
    )


def test_a_web_page_without_a_feed_link_keeps_its_hint_of_a_login_page():
    # every feed answered by a hotel's portal: the refresh line says what it may be (r46 L1)
    portal = SourceOutcome(
        "Wire",
        error="Wire: http://127.0.0.1/login: a web page (HTML), not a feed (RSS, Atom or JSON Feed)"
        " (a Wi-Fi login page?)",
    )
    assert failure_reasons([portal, portal]) == "a web page, not a feed (a Wi-Fi login page?)"


def test_a_plain_reason_is_still_the_last_part():
    refused = SourceOutcome("Wire", error="Wire: cannot connect to host: connection refused")
    gone = SourceOutcome("Lab", error="Lab: HTTP 404 Not Found")
    assert failure_reasons([refused]) == "connection refused"
    assert failure_reasons([refused, gone, refused]) == "2 connection refused, 1 HTTP 404 Not Found"


def test_a_name_holding_a_semicolon_or_a_colon_is_not_taken_for_the_reason():
    semicolon = SourceOutcome(
        "Tech; Science", error="Tech; Science: cannot connect to host: connection refused"
    )
    colon = SourceOutcome("Lab: Notes", error="Lab: Notes: HTTP 404 Not Found")
    assert failure_reasons([semicolon]) == "connection refused"
    assert failure_reasons([colon]) == "HTTP 404 Not Found"
    assert failure_reasons([semicolon, colon, semicolon]) == (
        "2 connection refused, 1 HTTP 404 Not Found"
    )


def test_a_document_that_is_no_feed_fails_in_the_words_newstui_feeds_uses():
    """Not the XML parser's words after them (user test r41 L3: "1 no element found")."""
    broken = "http://127.0.0.1:8741/bad.xml: not a feed (RSS, Atom or JSON Feed): line 1, "
    opml = "Subs: an OPML subscription list, not a feed: `newstui opml import FILE` adds the feeds"
    assert failure_reasons([SourceOutcome("B", error=broken + "column 37: no element found")]) == (
        "not a feed (RSS, Atom or JSON Feed)"
    )
    assert failure_reasons([SourceOutcome("Subs", error=opml)]) == (
        "an OPML subscription list, not a feed"
    )
