"""`opml import` of newsboat's urls file reads its config beside it (user test r36 L2): the
ignore-article rules newstui's queries can say become hide filters, one line each, the others
are named, and the settings newstui has elsewhere are named in one line."""

from __future__ import annotations

import re

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
        ('newsboat ignore-article: title =~ "Sponsored"', 'title:"Sponsored*"', "hide"),
        (
            'newsboat ignore-article: author =~ "Bot" (feed https://world.example/rss)',
            'feed:"https://world.example/rss" (author:"Bot*")',
            "hide",
        ),
    ]
    config = home / "config"
    assert f'{config}:5: ignore-article rule added as a hide filter: title:"Sponsored*"' in cli.err
    assert f'warning: {config}:7: ignore-article rule not taken: title =~ "^Ad.*"' in cli.err
    assert "2 ignore-article rules added as hide filters, 1 not taken" in cli.out
    [settings] = [line for line in cli.err.splitlines() if line.startswith("note:")]
    assert "browser" not in settings and "max-items" not in settings  # written (r48 M4)
    assert "podcast-auto-enqueue yes (newstui: download_new = N in [settings]" in settings
    assert "bind-key" not in settings  # j is newstui's down already
    assert "1 color/highlight line (newstui has no colour settings" in settings
    assert (
        f'{cli.config}: from newsboat\'s config, written: [settings] browser = "w3m %u", '
        "keep_per_feed = 500; 1 bind-key line newstui does already"
    ) in cli.err.splitlines()
    assert load_config(cli.config).settings.keep_per_feed == 500

    assert cli("opml", "import", str(home / "urls")) == 0  # again: no filter twice
    assert "0 ignore-article rules added as hide filters (2 already there)" in cli.out
    assert len(load_config(cli.config).filters) == 2


def test_the_json_names_the_filters_and_what_was_not_taken(cli, tmp_path, monkeypatch):
    home = newsboat_home(tmp_path, monkeypatch)
    data = cli.json("opml", "import", str(home / "urls"))
    assert [f["query"] for f in data["filters"]] == [
        'title:"Sponsored*"',
        'feed:"https://world.example/rss" (author:"Bot*")',
    ]
    assert data["ignore_rules_not_taken"] == [{"line": 7, "rule": 'title =~ "^Ad.*"'}]
    assert data["newsboat_settings"]["written"] == {"browser": "w3m %u", "keep_per_feed": 500}
    assert any(s.startswith("podcast-auto") for s in data["newsboat_settings_not_taken"])


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

    assert [f.query for f in load_config(cli.config).filters] == ['title:"Sponsored*"']
    rule = 'author =~ "Bot" (feed https://b.example/a"b.xml)'
    assert f"warning: {home / 'config'}:2: ignore-article rule not taken: {rule}" in cli.err


TESTER_CONFIG = (  # user test r48's newsboat config, as a newsboat user writes it
    "auto-reload yes\nreload-time 60\nmax-items 200\nkeep-articles-days 30\nrefresh-on-startup yes\n"
    'show-read-feeds no\nbrowser "w3m %u"\nplayer "mpv --no-video"\npager internal\n'
    'download-path "~/Podcasts/%n"\npodcast-auto-enqueue yes\nmax-downloads 3\n'
    "bind-key j down\nbind-key G end\nbind-key d pagedown\nbind-key SPACE next-unread\n"
    "bind-key ^R reload-all\nbind-key x toggle-article-read\nbind-key X toggle-article-read\n"
    "unbind-key A\nbind-key a mark-feed-read\nbind-key ^T no-such-thing\n"
)


def test_settings_and_keys_with_one_newstui_equivalent_are_written(cli, tmp_path, monkeypatch):
    """User test r48 M4: the import named every setting it had an equivalent for and wrote none;
    LOW-9: keep-articles-days is keep_days; LOW-8: download-path's folder per feed (%n) is
    download_dir's; LOW-30: podboat's max-downloads is download_concurrency."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(TESTER_CONFIG, "utf-8")
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    config = load_config(cli.config)
    s = config.settings
    assert (s.refresh_minutes, s.keep_per_feed, s.keep_days) == (60, 200, 30)
    assert (s.show_read_feeds, s.browser, s.player) == (False, "w3m %u", "mpv --no-video")
    assert s.download_dir == "~/Podcasts/%n" and s.pager == ""  # newsboat's internal pager: none
    assert s.download_concurrency == 3
    assert s.refresh_on_start  # (user test r48 L14)
    assert {b.id: b.keys for b in config.keys.bindings} == {
        "app.refresh_all": ("ctrl+r",),
        "article.toggle_read": ("x", "X"),
    }
    text = cli.config.read_text("utf-8")
    assert text.startswith("# my feeds\n[settings]\nfulltext = false\n")  # comments kept
    at = f"{home / 'config'}"
    lines = cli.err.splitlines()
    assert not any("download-path" in x or "max-downloads" in x for x in lines)
    assert (
        f"warning: {at}:15: bind-key d pagedown: d is newstui's key for article.download; not "
        'written: to have it, write in [keys]: unbind = ["article.download:d"], '
        '"article.download" = "+", "headlines.page_down" = "d", "reader.page_down" = "d" '
        "(README: Keys)"
    ) in lines
    assert any("bind-key a mark-feed-read: a is newstui's key for sources.add" in x for x in lines)
    assert any("bind-key ^T no-such-thing: newstui has no such command" in x for x in lines)
    assert any(x.startswith("warning: unbind-key A: not written") for x in lines)
    [summary] = [x for x in lines if "from newsboat's config, written:" in x]
    assert '"article.toggle_read" = ["x", "X"]' in summary
    assert "2 bind-key lines newstui does already" in summary


def test_a_value_feeds_toml_sets_already_is_kept_and_said(cli, tmp_path, monkeypatch):
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(TESTER_CONFIG, "utf-8")
    cli.config.write_text(
        '[settings]\nbrowser = "lynx %u"  # mine\n\n[keys]\n"article.toggle_read" = "t"\n'
        '"app.help" = "x"\n',
        "utf-8",
    )
    data = cli.json("opml", "import", str(home / "urls"))
    written = data["newsboat_settings"]
    assert written["kept"] == {"browser": "lynx %u"}
    assert "browser" not in written["written"] and written["written"]["keep_days"] == 30
    # x is feeds.toml's key for app.help: not written; X would be, but toggle_read has its t
    assert written["keys_kept"] == ["article.toggle_read"]
    assert written["keys_written"] == {"app.refresh_all": ["ctrl+r"]}
    config = load_config(cli.config)
    assert config.settings.browser == "lynx %u"
    assert '"article.toggle_read" = "t"' in cli.config.read_text("utf-8")


def test_the_app_starts_with_the_keys_the_import_wrote(cli, tmp_path, monkeypatch):
    """A key another binding has would stop the app (a clash): none is written."""
    from newstui.tui.app import NewstuiApp

    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(
        TESTER_CONFIG + "".join(f"bind-key {k} open\n" for k in "abcdefghijklmnopqrstuvwxyz"),
        "utf-8",
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    config = load_config(cli.config)
    app = NewstuiApp(cli.db, config=config)  # raises ConfigError on a clash
    assert app.user_keymap["headlines.open"].split(",")[-1] != "a"
    assert not app.key_warnings


def test_rules_in_an_included_file_are_read_and_a_missing_or_looping_one_said(
    cli, tmp_path, monkeypatch
):
    """User test r48 M7: a kill file kept apart (`include`) was not read, unsaid."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "kill").write_text(
        'ignore-article "*" "title =~ \\"Trump\\""\ninclude "config"\n', "utf-8"
    )
    (home / "config").write_text(
        'include "kill"\ninclude "~/nowhere/filters"\nmax-items 10\n', "utf-8"
    )
    monkeypatch.setenv("HOME", str(tmp_path))
    data = cli.json("opml", "import", str(home / "urls"))
    assert [f["query"] for f in data["filters"]] == ['title:"Trump*"']
    warnings = data["newsboat_settings"]["warnings"]
    assert f"{home / 'kill'}:2: include 'config' includes a file that includes it; read once" in (
        warnings
    )
    assert (
        f"{home / 'config'}:2: include '~/nowhere/filters': no such file; its rules and "
        "settings not read"
    ) in warnings
    assert data["newsboat_settings"]["included"] == [str(home / "kill")]
    cli("opml", "import", str(home / "urls"))
    assert f'{home / "kill"}:1: ignore-article rule already a filter: title:"Trump*"' in cli.err


def test_podboat_s_queue_is_said_not_carried_over(cli, tmp_path, monkeypatch):
    """User test r48 L15: the queue was not read, and nothing said so."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "queue").write_text(
        'https://pod.example/e1.mp3 "/home/me/e1.mp3"\n'
        'https://pod.example/e2.mp3 "/home/me/e2.mp3" downloaded\n',
        "utf-8",
    )
    assert cli("opml", "import", str(home / "urls")) == 0
    assert (
        f"note: {home / 'queue'}: podboat's queue holds 1 episode to download, not carried "
        "over: e1.mp3; after `newstui fetch`, `d` on each"
    ) in cli.err
    data = cli.json("opml", "import", str(home / "urls"))
    assert data["podboat_queue"]["not_carried_over"] == ["https://pod.example/e1.mp3"]
    assert data["podboat_queue"]["downloaded"] == []  # (its file is not there)


def test_podboats_queue_names_its_episodes_and_its_downloads_are_known(cli, tmp_path, monkeypatch):
    """User test r52 LOW-7: the note named no episode, and an episode podboat downloaded was
    downloaded again by `d` under another name."""
    from tests.newsboat_cache import Item, write_cache

    home = newsboat_home(tmp_path, monkeypatch)
    kept = tmp_path / "podcasts" / "Pod" / "e2.mp3"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"an episode")
    (home / "queue").write_text(
        f'https://pod.example/e1.mp3 "{tmp_path}/podcasts/Pod/e1.mp3"\n'
        f'https://pod.example/e2.mp3 "{kept}" played\n'
        f'https://pod.example/e3.mp3 "{tmp_path}/podcasts/Pod/e3.mp3" downloaded\n',  # gone
        "utf-8",
    )
    write_cache(
        home / "cache.db",
        {"https://world.example/rss": "World Pod"},
        [
            Item(
                "https://world.example/rss",
                "g1",
                "https://pod.example/1",
                enclosure="https://pod.example/e1.mp3",
                title="Rivers",
            )
        ],
    )
    assert cli("opml", "import", str(home / "urls"), "--no-read-state") == 0, cli.err
    assert (
        f"note: {home / 'queue'}: podboat's queue holds 1 episode to download, not carried "
        "over: 'Rivers' (World Pod); after `newstui fetch`, `d` on each (or `newstui download "
        "ID`) downloads it; 1 episode podboat downloaded is taken as it is: `d` on it lists its "
        "file, not a second copy"
    ) in cli.err
    with Library.open(cli.db) as library:
        assert library.downloads.forgotten_file("https://pod.example/e2.mp3") == (str(kept), 10)
        assert library.downloads.forgotten_file("https://pod.example/e3.mp3") is None


def test_podboats_queue_is_read_when_newsboat_has_no_config_file(cli, tmp_path, monkeypatch):
    """Review r52 MED-2: newsboat on its defaults has no `config`; the queue beside the urls
    file was then not read, and `d` downloaded a second copy of what podboat had."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").unlink()
    kept = tmp_path / "pods" / "ep.mp3"
    kept.parent.mkdir()
    kept.write_bytes(b"an episode")
    (home / "queue").write_text(
        f'https://pod.example/ep.mp3 "{kept}" downloaded\n'
        'https://pod.example/e1.mp3 "/home/me/e1.mp3"\n',
        "utf-8",
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    assert (
        f"note: {home / 'queue'}: podboat's queue holds 1 episode to download, not carried "
        "over: e1.mp3;"
    ) in cli.err
    assert "1 episode podboat downloaded is taken as it is" in cli.err
    with Library.open(cli.db) as library:
        assert library.downloads.forgotten_file("https://pod.example/ep.mp3") == (str(kept), 10)


def test_a_queue_file_beside_an_opml_file_is_not_podboats(cli, tmp_path, monkeypatch):
    newsboat_home(tmp_path, monkeypatch)
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="W" xmlUrl="https://world.example/rss"/></body></opml>',
        "utf-8",
    )
    (folder / "queue").write_text('https://pod.example/e1.mp3 "/home/me/e1.mp3"\n', "utf-8")
    data = cli.json("opml", "import", str(folder / "feeds.opml"))
    assert data["podboat_queue"] is None


def test_settings_go_inside_the_example_s_settings_block_and_survive_uncommenting_sync(
    cli, tmp_path, monkeypatch
):
    """User test r48 MED-11: the settings landed after the commented-out `# [sync]` example, so
    uncommenting it (as the example says to) moved them into [sync] and newstui refused to start;
    the example's own `refresh_minutes = 30` was "kept yours" and newsboat's 60 dropped."""
    from newstui.config.example import example_config_text

    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(TESTER_CONFIG, "utf-8")
    example = example_config_text()
    cli.config.write_text(example, "utf-8")
    data = cli.json("opml", "import", str(home / "urls"))
    said = data["newsboat_settings"]
    assert said["written"]["refresh_minutes"] == 60 and said["kept"] == {}
    assert said["replaced_example"] == {"refresh_minutes": 30}
    text = cli.config.read_text("utf-8")
    lines = text.splitlines()
    settings_block = lines[lines.index("[settings]") :]
    settings_block = settings_block[: settings_block.index("")]
    for key in ("browser", "show_read_feeds", "keep_days", "keep_per_feed", "player"):
        assert any(x.startswith(f"{key} = ") for x in settings_block), key
    # the example's commented line of a key is replaced, its comment kept
    assert not any(x.startswith("# keep_days =") for x in lines)
    assert any(
        x.startswith("keep_days = 30 ") and x.endswith("(0 = keep all; starred always stay)")
        for x in settings_block
    )
    assert "refresh_minutes = 60      # the app refreshes all feeds this often (0 = never)" in lines
    # nothing written after the # [sync] example but the [keys] table's header and keys
    after_sync = text[text.index("# [sync]") :]
    assert "browser" not in after_sync and "keep_days" not in after_sync
    uncommented = re.sub(
        r"^# (\[sync\]|service =|url = \"https://rss|user =|password_command =)",
        r"\1",
        text,
        flags=re.M,
    )
    cli.config.write_text(uncommented, "utf-8")
    config = load_config(cli.config)  # raised: unknown key 'browser' in [sync]
    assert config.sync is not None and config.sync.user == "alice"
    assert (config.settings.browser, config.settings.refresh_minutes) == ("w3m %u", 60)


def test_a_setting_the_user_wrote_is_kept_even_at_the_example_s_value(cli, tmp_path, monkeypatch):
    """Only a line word for word the example's (its comment too) is the example's: a
    `refresh_minutes = 30` the user wrote is theirs."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(TESTER_CONFIG, "utf-8")
    cli.config.write_text("[settings]\nrefresh_minutes = 30\n", "utf-8")
    data = cli.json("opml", "import", str(home / "urls"))
    assert data["newsboat_settings"]["kept"] == {"refresh_minutes": 30}
    assert data["newsboat_settings"]["replaced_example"] == {}
    assert load_config(cli.config).settings.refresh_minutes == 30


def test_settings_are_written_under_the_last_setting_not_after_another_table_s_comments(
    cli, tmp_path, monkeypatch
):
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text('browser "w3m %u"\n', "utf-8")
    cli.config.write_text(
        '[settings]\nfulltext = false  # mine\n\n# [sync]\n# user = "me"\n', "utf-8"
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    assert cli.config.read_text("utf-8").startswith(  # (the feed imported after)
        '[settings]\nfulltext = false  # mine\nbrowser = "w3m %u"\n\n# [sync]\n# user = "me"\n'
    )


def test_a_file_without_settings_gets_the_table_above_its_first_table(cli, tmp_path, monkeypatch):
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text('browser "w3m %u"\n', "utf-8")
    cli.config.write_text(
        '# my feeds\n\n# the world\n[[feeds]]\nname = "W"\nurl = "https://w.example/rss"\n'
        '\n# [sync]\n# user = "me"\n',
        "utf-8",
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    text = cli.config.read_text("utf-8")
    assert text.startswith(
        '# my feeds\n\n[settings]\nbrowser = "w3m %u"\n\n# the world\n[[feeds]]\n'
    )
    assert '\n\n# [sync]\n# user = "me"\n' in text


def test_a_trailing_comment_on_a_config_line_is_no_part_of_its_value(cli, tmp_path, monkeypatch):
    """User test r48 LOW-29: the note showed `browser w3m %u #` for `browser "w3m %u" # text
    browser`; newsboat drops a bare word starting with `#` and all after it."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(
        'browser "w3m %u" # text browser\npodcast-auto-enqueue yes # every episode\n'
        "bind-key ^R reload-all # all of them\n",
        "utf-8",
    )
    data = cli.json("opml", "import", str(home / "urls"))
    said = data["newsboat_settings"]
    assert said["written"] == {"browser": "w3m %u"}
    assert said["keys_written"] == {"app.refresh_all": ["ctrl+r"]}
    [enqueue] = data["newsboat_settings_not_taken"]
    assert enqueue.startswith("podcast-auto-enqueue yes (newstui: download_new")
    assert load_config(cli.config).settings.browser == "w3m %u"


def test_a_download_path_code_newstui_has_not_and_too_many_downloads_are_said(
    cli, tmp_path, monkeypatch
):
    """%n and %h are kept (download_dir has them); another code cuts the folder above it, and a
    max-downloads past newstui's most is written as that most, each said in one line."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text('download-path "~/Pods/%h/%x/"\nmax-downloads 40\n', "utf-8")
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    s = load_config(cli.config).settings
    assert (s.download_dir, s.download_concurrency) == ("~/Pods/%h", 16)
    at = f"{home / 'config'}"
    lines = cli.err.splitlines()
    assert (
        f"warning: {at}:1: download-path ~/Pods/%h/%x/: newstui has no %x in a folder: written as "
        'download_dir = "~/Pods/%h"'
    ) in lines
    assert (
        f"warning: {at}:2: max-downloads 40: newstui runs at most 16 downloads at once: written "
        "as download_concurrency = 16"
    ) in lines


def test_a_tag_holding_a_slash_is_a_nested_folder_and_a_note_says_how_to_write_one_folder(
    cli, tmp_path
):
    """User test r50 MED-1: the import read `"AC/DC Fans"` as AC holding DC Fans, unsaid."""
    urls = tmp_path / "urls"
    urls.write_text('https://a.example/rss "AC/DC Fans"\nhttps://b.example/rss rock\n', "utf-8")
    assert cli("opml", "import", str(urls)) == 0, cli.err
    [note] = [line for line in cli.err.splitlines() if line.startswith("note:")]
    assert note == (
        f"note: {urls}: 1 tag with a / read as folders inside folders, as newsboat's OPML import "
        "writes them: AC/DC Fans (DC Fans inside AC); a slash inside one folder's name is "
        'written ∕ (U+2215) in feeds.toml: tags = ["AC∕DC Fans"]'
    )
    assert "warning" not in cli.err
    data = cli.json("opml", "import", str(urls))
    assert (len(data["notes"]), data["warnings"]) == (1, [])
    # written as the note says, it is the one folder
    config = cli.config
    config.write_text(config.read_text("utf-8").replace("AC/DC Fans", "AC∕DC Fans"), "utf-8")
    assert {f["url"]: f["tags"] for f in cli.json("feeds")}["https://a.example/rss"] == [
        "AC∕DC Fans"
    ]


def test_show_read_articles_and_its_toggle_key_are_written(cli, tmp_path, monkeypatch):
    """Newsboat's show-read-articles is the app's unread-only (`U`, user test r51 MED-2): its
    setting and a bind-key to toggle-show-read-articles come along."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(
        "show-read-articles no\nbind-key ^U toggle-show-read-articles\n", "utf-8"
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    config = load_config(cli.config)
    assert config.settings.show_read_articles is False
    assert {b.id: b.keys for b in config.keys.bindings} == {"headlines.unread_only": ("ctrl+u",)}


def test_newsboat_settings_newstui_has_are_written_not_said_to_have_no_equivalent(
    cli, tmp_path, monkeypatch
):
    """User test r52 LOW-1: `reload-threads`, `confirm-exit` and `article-sort-order` were in the
    "no equivalent" list, though newstui has concurrency, confirm_quit and sort."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(
        "reload-threads 8\nconfirm-exit no\narticle-sort-order date-desc\n"
        "mark-as-read-on-hover yes\ndownload-timeout 45\ndownload-full-page yes\n",
        "utf-8",
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    s = load_config(cli.config).settings
    assert (s.concurrency, s.confirm_quit, s.sort) == (8, False, "date-reverse")
    assert (s.mark_read_on_select, s.timeout) == (True, 45.0)
    assert not s.fulltext and "kept yours: fulltext = false" in cli.err  # (feeds.toml's own)
    assert not [line for line in cli.err.splitlines() if line.startswith("note:")]


@pytest.mark.parametrize(
    ("order", "sort"),
    [
        ("date-asc", "date"),
        ("date", "date"),
        ("title-asc", "title"),
        ("title-desc", "title-reverse"),
    ],
)
def test_newsboats_article_order_is_the_same_order_here(cli, tmp_path, monkeypatch, order, sort):
    # newsboat's date-asc (its default) lists the newest first, as newstui's "date" does
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(f"article-sort-order {order}\n", "utf-8")
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    assert load_config(cli.config).settings.sort == sort


def test_settings_newstui_does_otherwise_name_the_way_on(cli, tmp_path, monkeypatch):
    """User test r52 LOW-1, LOW-9: an order newstui has not, the notifier and the bookmark
    command are named with what newstui has instead, not "no equivalent"."""
    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text(
        "article-sort-order author-asc\nnotify-program ~/bin/notify.sh\n"
        'bookmark-cmd "~/bin/bookmark.sh"\nurls-source "freshrss"\ntext-width 72\n',
        "utf-8",
    )
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    assert load_config(cli.config).settings.sort == "date"
    [note] = [line for line in cli.err.splitlines() if line.startswith("note:")]
    assert "article-sort-order author-asc (newstui: sort in [settings]: date, feed or title" in note
    assert (
        "notify-program ~/bin/notify.sh (newstui: `newstui fetch --json | your-notifier` from cron"
        in note
    )
    assert (
        "bookmark-cmd ~/bin/bookmark.sh (newstui: | pipes the article to a command, y copies"
        in note
    )
    assert "urls-source freshrss (newstui: a [sync] table in feeds.toml" in note
    assert note.endswith("text-width (no equivalent)")


def test_a_bind_key_on_a_key_newstui_uses_names_the_keys_lines_that_give_it(
    cli, tmp_path, monkeypatch
):
    """User test r52 LOW-2: `bind-key a mark-feed-read` was refused ("a is newstui's key for
    sources.add") with no way on; the warning's [keys] lines, written as it says, start the app
    with `a` marking all read and Add feed on `+`."""
    from newstui.tui.app import NewstuiApp

    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text("bind-key a mark-feed-read\n", "utf-8")
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    [warning] = [line for line in cli.err.splitlines() if "mark-feed-read" in line]
    said = "a is newstui's key for sources.add; not written: to have it, write in [keys]: "
    assert said in warning and warning.endswith(" (README: Keys)")
    lines = warning.split(said)[1].removesuffix(" (README: Keys)")
    assert lines == (
        'unbind = ["sources.add:a"], "sources.add" = "+", "headlines.mark_all_read" = "a"'
    )
    with cli.config.open("a", encoding="utf-8") as file:
        file.write("\n[keys]\n" + "\n".join(lines.split(", ")) + "\n")

    app = NewstuiApp(cli.db, config=load_config(cli.config))  # raises ConfigError on a clash
    assert not app.key_warnings
    assert app.user_keymap["headlines.mark_all_read"].split(",")[-1] == "a"
    assert set(app.user_keymap["sources.add"].split(",")) & {"+", "plus"}
    assert "a" not in app.user_keymap["sources.add"].split(",")


def test_a_setting_already_at_newsboats_value_is_not_said(cli, tmp_path, monkeypatch):
    """User test r55 LOW-4: the summary said `timeout = 20 (was the example's 20)`; a value the
    file has already (the example's or the user's own) is neither a change nor a value kept."""
    from newstui.config.example import example_config_text

    home = newsboat_home(tmp_path, monkeypatch)
    (home / "config").write_text("download-timeout 20\nauto-reload yes\nreload-time 60\n", "utf-8")
    cli.config.write_text(example_config_text(), "utf-8")
    assert cli("opml", "import", str(home / "urls")) == 0, cli.err
    line = next(x for x in cli.err.splitlines() if "from newsboat's config" in x)
    assert "refresh_minutes = 60 (was the example's 30)" in line
    assert "timeout" not in line
    assert "timeout = 20              # seconds" in cli.config.read_text("utf-8")
    cli.config.write_text("[settings]\ntimeout = 20\nrefresh_minutes = 10\n", "utf-8")
    data = cli.json("opml", "import", str(home / "urls"))
    said = data["newsboat_settings"]
    assert said["kept"] == {"refresh_minutes": 10} and said["written"] == {}
