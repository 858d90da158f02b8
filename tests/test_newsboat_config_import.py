"""`opml import` of newsboat's urls file reads its config beside it (user test r36 L2): the
ignore-article rules newstui's queries can say become hide filters, one line each, the others
are named, and the settings newstui has elsewhere are named in one line."""

from __future__ import annotations

import pytest

from newstui.config import load_config
from newstui.library import Library
from tests.test_cli import Cli, no_user_paths  # noqa: F401 - the autouse fixture


@pytest.fixture
def cli(db_path, tmp_path, capsys) -> Cli:
    Library.open(db_path).close()
    config = tmp_path / "feeds.toml"
    config.write_text("# my feeds\n[settings]\nfulltext = false\n", "utf-8")
    return Cli(db_path, config, capsys)


CONFIG = (
    'browser "w3m %u"\n'
    "max-items 500\n"
    "bind-key j down\n"
    "color background white black\n"
    'ignore-article "*" "title =~ \\"Sponsored\\""\n'
    'ignore-article "https://world.example/rss" "author =~ \\"Bot\\""\n'
    'ignore-article "*" "title =~ \\"^Ad.*\\""\n'
    "podcast-auto-enqueue yes\n"
)


def newsboat_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    home = tmp_path / ".newsboat"
    home.mkdir()
    (home / "urls").write_text('https://world.example/rss "~Desk"\n', "utf-8")
    (home / "config").write_text(CONFIG, "utf-8")
    return home


def test_ignore_article_rules_become_hide_filters_and_the_rest_is_named(cli, tmp_path, monkeypatch):
    home = newsboat_home(tmp_path, monkeypatch)
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    filters = [(f.name, f.query, f.action) for f in load_config(cli.config).filters]
    assert filters == [  # named by the rule, not by its line number (user test r41 L6)
        ('newsboat ignore-article: title =~ "Sponsored"', 'title:"Sponsored"', "hide"),
        (
            'newsboat ignore-article: author =~ "Bot" (feed https://world.example/rss)',
            'feed:"https://world.example/rss" (author:"Bot")',
            "hide",
        ),
    ]
    config = home / "config"
    assert f'{config}:5: ignore-article rule added as a hide filter: title:"Sponsored"' in cli.err
    assert f'warning: {config}:7: ignore-article rule not taken: title =~ "^Ad.*"' in cli.err
    assert "2 ignore-article rules added as hide filters, 1 not taken" in cli.out
    [settings] = [line for line in cli.err.splitlines() if line.startswith("note:")]
    assert "browser w3m %u (newstui: browser in [settings])" in settings
    assert "max-items 500 (newstui: keep_per_feed in [settings])" in settings
    assert "podcast-auto-enqueue yes (newstui: download_new in [settings])" in settings
    assert "1 bind-key/unbind-key line (newstui: [keys])" in settings
    assert "1 color/highlight line (newstui has no colour settings" in settings

    assert cli("opml", "import", str(home / "urls")) == 0  # again: no filter twice
    assert "0 ignore-article rules added as hide filters (2 already there)" in cli.out
    assert len(load_config(cli.config).filters) == 2


def test_the_json_names_the_filters_and_what_was_not_taken(cli, tmp_path, monkeypatch):
    home = newsboat_home(tmp_path, monkeypatch)
    data = cli.json("opml", "import", str(home / "urls"))
    assert [f["query"] for f in data["filters"]] == [
        'title:"Sponsored"',
        'feed:"https://world.example/rss" (author:"Bot")',
    ]
    assert data["ignore_rules_not_taken"] == [{"line": 7, "rule": 'title =~ "^Ad.*"'}]
    assert any(s.startswith("browser") for s in data["newsboat_settings_not_taken"])


def test_a_rule_for_a_feed_whose_url_holds_a_quote_is_not_taken_and_the_others_are(
    cli, tmp_path, monkeypatch
):
    """Review r36 NB1: `feed:"…"` cannot hold a `"`: the composed query did not parse, and the
    import stopped with "unterminated phrase" after writing the feeds, adding no filter."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "urls").write_text('https://b.example/a"b.xml\nhttps://world.example/rss\n', "utf-8")
    (home / "config").write_text(
        'ignore-article "*" "title =~ \\"Sponsored\\""\n'
        'ignore-article "https://b.example/a\\"b.xml" "author =~ \\"Bot\\""\n',
        "utf-8",
    )

    assert cli("opml", "import", str(home / "urls")) == 0, cli.err

    assert [f.query for f in load_config(cli.config).filters] == ['title:"Sponsored"']
    rule = 'author =~ "Bot" (feed https://b.example/a"b.xml)'
    assert f"warning: {home / 'config'}:2: ignore-article rule not taken: {rule}" in cli.err
