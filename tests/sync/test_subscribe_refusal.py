"""`add` (and the app's `a`) with [sync], of a feed the server refuses, says why in one line naming
the feed: FreshRSS's `subscription/edit` answers only "HTTP 400 Bad Request", its `quickadd`
gives the reason (user test r30 M2)."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import pytest

from newstui.errors import SyncError
from tests.sync.conftest import FreshRSS
from tests.sync.test_client import FakeGReader, client, fake  # noqa: F401 (fixture)
from tests.sync.test_freshrss import Here, password  # noqa: F401 (fixture)

FEED = "https://example.org/notes.json"


def subscribe(server: FakeGReader, title: str | None = None, folder: str | None = None) -> str:
    """The one-line error of subscribing to FEED, or "" when it succeeded."""

    async def go() -> None:
        async with client(server) as c:
            await c.subscribe(FEED, title, folder)

    try:
        asyncio.run(go())
    except SyncError as exc:
        assert "\n" not in str(exc)
        return str(exc)
    return ""


def test_the_servers_reason_from_quickadd_is_said(fake: FakeGReader) -> None:  # noqa: F811
    fake.api("/subscription/edit", 400, b"Bad Request!")
    why = "A feed could not be found at `https://example.org/notes.json`; content-type is `application/json`"
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": why})
    said = "A feed could not be found at it; content-type is `application/json`"  # (named)
    assert subscribe(fake) == (
        f"{fake.server}: refused to subscribe to {FEED}: {said}; to fetch it here instead: "
        f"newstui add {FEED} --here"
    )


def test_a_long_reason_is_cut_and_the_way_out_kept(fake: FakeGReader) -> None:  # noqa: F811
    fake.api("/subscription/edit", 400, b"Bad Request!")
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": "no feed here " * 40})
    said = subscribe(fake)
    assert "no feed here no feed" in said and len(said) < 300
    assert said.endswith(f"…; to fetch it here instead: newstui add {FEED} --here")


def test_freshrss_s_whole_reason_is_said_and_a_longer_one_cut_at_a_word(
    fake: FakeGReader,  # noqa: F811
) -> None:
    """user test r51 LOW-8: FreshRSS's reason was cut at `applica…`, the word that says why."""
    fake.api("/subscription/edit", 400, b"Bad Request!")
    why = (
        f"A feed could not be found at `{FEED}`; the status code is `200` and content-type is "
        "`application/json`"
    )
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": why})
    assert f": {why.replace(f'`{FEED}`', 'it')}; to fetch it here instead" in subscribe(fake)
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": "unreadable " * 40})
    said = subscribe(fake)
    assert "unreadable unreadable…; to fetch it here instead" in said and len(said) < 300


def test_a_curl_error_s_bracketed_url_is_dropped_not_left_as_it(
    fake: FakeGReader,  # noqa: F811
) -> None:
    """Review r52 LOW-4: FreshRSS ends a cURL error with the URL in brackets; it read "[it]"."""
    fake.api("/subscription/edit", 400, b"Bad Request!")
    why = f"cURL error 7: Failed to connect: Couldn't connect to server [{FEED}]"
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": why})
    assert subscribe(fake) == (
        f"{fake.server}: refused to subscribe to {FEED}: cURL error 7: Failed to connect: "
        f"Couldn't connect to server; to fetch it here instead: newstui add {FEED} --here"
    )


def test_a_server_without_quickadd_says_what_to_do(fake: FakeGReader) -> None:  # noqa: F811
    fake.api("/subscription/edit", 400, b"Bad Request!")
    assert subscribe(fake) == (
        f"{fake.server}: refused to subscribe to {FEED} (HTTP 400 for subscription/edit): it may "
        f"not read this feed; to fetch it here instead: newstui add {FEED} --here"
    )


def test_a_quickadd_that_subscribes_gets_the_name_and_folder_asked_for(
    fake: FakeGReader,  # noqa: F811
) -> None:
    edit = "/api/greader.php/reader/api/0/subscription/edit"
    fake.pages[edit] = [(400, b"Bad Request!"), b"OK"]
    fake.api("/subscription/quickadd", 200, {"numResults": 1, "streamId": "feed/7"})
    assert subscribe(fake, "Notes", "Later") == ""
    edits = [q for q in fake.forms if q[0].endswith("/subscription/edit")]
    assert edits[-1][1] == {
        "ac": ["edit"],
        "s": ["feed/7"],
        "t": ["Notes"],
        "a": ["user/-/label/Later"],
        "T": ["T123"],
    }


def test_add_of_a_json_feed_freshrss_cannot_read_says_why(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str]
) -> None:
    key = uuid.uuid4().hex[:8]
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"Notes {key}",
        "items": [{"id": "1", "url": "https://example.org/n1", "content_text": "A note."}],
    }
    freshrss.feeds.route(
        f"/{key}.json",
        body=json.dumps(document).encode(),
        headers={"Content-Type": "application/feed+json"},
    )
    url = freshrss.feeds.url(f"/{key}.json")
    here = Here(tmp_path, freshrss)
    capsys.readouterr()
    assert here.run("add", url) == 1
    err = capsys.readouterr().err
    server = freshrss.greader.split("/")[2]
    assert err.startswith(f"newstui: {server}: refused to subscribe to {url}: "), err
    assert "HTTP 400" not in err and err.count("\n") == 1, err
    assert err.endswith(f"; to fetch it here instead: newstui add {url} --here\n")
    assert "application/feed+json" in err  # the reason's end, which says why (r51 LOW-8)
    assert not here.articles(f"Notes {key}")
    # the way out the line names: added to feeds.toml and fetched here (r51 LOW-8)
    assert here.run("add", url, "--here", "--tag", "Notes") == 0
    assert f'url = "{url}"' in here.config.read_text("utf-8")
    assert here.articles(f"Notes {key}")


def refusal_of(server: FakeGReader, url: str) -> str:
    """The one-line error of subscribing to `url`, refused with no reason given."""
    server.api("/subscription/edit", 400, b"Bad Request!")
    server.api("/subscription/quickadd", 200, {"numResults": 0})

    async def go() -> None:
        async with client(server) as c:
            await c.subscribe(url, None, None)

    with pytest.raises(SyncError) as refused:
        asyncio.run(go())
    return str(refused.value)


def test_the_command_to_fetch_a_long_address_here_holds_it_whole(fake: FakeGReader) -> None:  # noqa: F811
    """Review r51 LOW-10: an address over 100 characters was cut with "…" in the command, so the
    command, copied, added another address."""
    url = "https://news.google.com/rss/search?q=harbour+wall+rebuilt+before+the+winter+storms&hl=en-US&gl=US&ceid=US%3Aen"
    assert len(url) > 100
    said = refusal_of(fake, url)
    assert said.endswith(f"; to fetch it here instead: newstui add '{url}' --here")


def test_the_command_for_an_address_with_a_password_names_it_url_not_the_password(
    fake: FakeGReader,  # noqa: F811
) -> None:
    said = refusal_of(fake, "https://ann:s3cret@example.org/private.json")
    assert "s3cret" not in said
    assert said.endswith(
        "; to fetch it here instead: newstui add URL --here (URL: the feed's whole address)"
    )
