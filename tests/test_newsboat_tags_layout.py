"""newsboat's tags are labels, several a feed, not folders: importing its urls file whose feeds
carry more than one tag each on average writes `sources_layout = "flat"`, said in the summary;
the folder tree listed a newsboat user's 39 feeds 60 times, once under each tag (user test r52
MED-5). An OPML file's folders, and a urls file of one tag a feed, keep the tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.config import load_config
from newstui.library import Library
from tests.test_cli import Cli, no_user_paths, one_line  # noqa: F401 - the autouse fixture

LABELLED = """\
http://127.0.0.1:9/eu.xml "news" "europe" "politics"
http://127.0.0.1:9/pod.xml "news" "audio" "podcast"
http://127.0.0.1:9/tech.xml "tech"
"""

ONE_EACH = """\
http://127.0.0.1:9/eu.xml "news"
http://127.0.0.1:9/pod.xml "audio"
http://127.0.0.1:9/tech.xml
"""

SAID = (
    '[settings] sources_layout = "flat" written: newsboat\'s tags are labels (7 on 3 feeds), so '
    "Sources lists each feed once, its tags above (the folder tree would list a feed under each "
    "of its tags)"
)


@pytest.fixture
def cli(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    Library.open(db_path).close()
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ntimeout = 5\nfulltext = false\n", "utf-8")
    return Cli(db_path, config, capsys)


def imported(cli: Cli, tmp_path: Path, urls: str) -> str:
    path = tmp_path / "urls"
    path.write_text(urls, "utf-8")
    assert cli("opml", "import", str(path)) == 0, cli.err
    return one_line(cli.out)


def test_a_urls_file_of_several_tags_a_feed_writes_the_flat_layout_and_says_so(cli, tmp_path):
    said = imported(cli, tmp_path, LABELLED)
    assert said.endswith("; " + SAID)
    assert load_config(cli.config).settings.sources_layout == "flat"
    assert 'sources_layout = "flat"' in cli.config.read_text("utf-8")
    # importing it again: the setting is the config's now, written once, not said again
    again = imported(cli, tmp_path, LABELLED)
    assert "sources_layout" not in again
    assert cli.config.read_text("utf-8").count("sources_layout") == 1


def test_one_tag_a_feed_keeps_the_folder_tree(cli, tmp_path):
    said = imported(cli, tmp_path, ONE_EACH)
    assert "sources_layout" not in said
    assert load_config(cli.config).settings.sources_layout == "tree"


def test_the_users_own_tree_setting_is_kept(cli, tmp_path):
    with cli.config.open("a", encoding="utf-8") as config:
        config.write('sources_layout = "tree"  # mine: I like folders\n')
    said = imported(cli, tmp_path, LABELLED)
    assert "sources_layout" not in said
    assert load_config(cli.config).settings.sources_layout == "tree"


def test_an_opml_file_with_a_feed_in_two_folders_keeps_the_tree(cli, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        """<?xml version="1.0"?>
<opml version="1.0"><head><title>Inoreader</title></head><body>
<outline text="News"><outline type="rss" text="EU" xmlUrl="http://127.0.0.1:9/eu.xml"/>
  <outline type="rss" text="Pod" xmlUrl="http://127.0.0.1:9/pod.xml"/></outline>
<outline text="Europe"><outline type="rss" text="EU" xmlUrl="http://127.0.0.1:9/eu.xml"/>
  <outline type="rss" text="Pod" xmlUrl="http://127.0.0.1:9/pod.xml"/></outline>
</body></opml>
""",
        "utf-8",
    )
    assert cli("opml", "import", str(opml)) == 0, cli.err
    assert "sources_layout" not in cli.out
    assert load_config(cli.config).settings.sources_layout == "tree"


def test_json_names_the_flat_layout_it_wrote_and_null_when_none(cli, tmp_path):
    # closing r52: `opml import --json` had no key for the `sources_layout = "flat"` it wrote
    import json

    path = tmp_path / "urls"
    path.write_text(LABELLED, "utf-8")
    assert cli("opml", "import", str(path), "--json") == 0, cli.err
    assert json.loads(cli.out)["sources_layout"] == {"written": "flat", "tags": 7, "feeds": 3}
    assert cli("opml", "import", str(path), "--json") == 0, cli.err  # the config's now
    assert json.loads(cli.out)["sources_layout"] is None


def test_the_settings_written_after_the_layout_leave_its_two_line_comment_whole(cli, tmp_path):
    """User test r55 LOW-3: into the example feeds.toml, newsboat's settings went between the
    `sources_layout` line and its comment's second line, stranding it below them."""
    from newstui.config.example import example_config_text

    cli.config.write_text(example_config_text(), "utf-8")
    (tmp_path / "config").write_text('browser "w3m %u"\nshow-read-feeds no\n', "utf-8")
    imported(cli, tmp_path, LABELLED)
    lines = cli.config.read_text("utf-8").splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith('sources_layout = "flat"  # '))
    assert lines[at + 1].lstrip("# ").startswith('under it) or "flat"')
    assert lines[at + 2 : at + 4] == ['browser = "w3m %u"', "show_read_feeds = false"]
    settings = load_config(cli.config).settings
    assert (settings.sources_layout, settings.browser) == ("flat", "w3m %u")
