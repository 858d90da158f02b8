"""An edit of a feeds.toml whose lines end with CRLF (written on Windows, or kept so in a
repository) keeps CRLF on every line, the lines it wrote too: a tag edit rewrote every line with
LF, a whole-file diff for the user (review r51 LOW-9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.config import FeedConfig, load_config
from newstui.config.source_edits import add_feeds, set_source_tags

LINES = [
    "[settings]",
    "timeout = 5",
    "",
    "# my wire",
    "[[feeds]]",
    'name = "Wire"',
    'url = "http://127.0.0.1:9/wire"',
    'tags = ["News"]  # mine',
]


@pytest.mark.parametrize("ending", ["\r\n", "\n"], ids=["CRLF", "LF"])
def test_a_tag_edit_keeps_the_files_line_endings(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes(ending.join(LINES).encode() + ending.encode())

    assert set_source_tags(path, {"Wire": ["News", "Europe"]}) == ["Wire"]

    data = path.read_bytes()
    assert data.count(ending.encode()) == len(LINES)
    if ending == "\n":
        assert b"\r" not in data
    assert b"# my wire" in data and b"# mine" in data
    [feed] = load_config(path).feeds
    assert feed.tags == ("News", "Europe")


def test_a_feed_added_to_a_crlf_file_is_written_with_crlf_too(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes("\r\n".join(LINES).encode() + b"\r\n")

    add_feeds(path, [FeedConfig(url="http://127.0.0.1:9/second", name="Second")])

    text = path.read_bytes().decode()
    assert "\n" not in text.replace("\r\n", "")
    assert [f.name for f in load_config(path).feeds] == ["Wire", "Second"]
