"""Quick commands start quickly: they never import the libraries only other commands need."""

import json
import subprocess
import sys

import pytest

from newstui.library import Library

HEAVY_FOR_READING = ("asyncio", "feedparser", "httpx", "lxml", "tomlkit", "textual", "trafilatura")


@pytest.fixture(autouse=True)
def store(tmp_path) -> None:
    """The database the commands read (empty): one that does not exist is refused by them."""
    Library.open(tmp_path / "n.db").close()


def loaded_by(code: str) -> set[str]:
    """The modules (dotted names) loaded once CODE has run in a fresh interpreter."""
    code += "\nimport json, sys\nsys.__stderr__.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    return set(json.loads(done.stderr.splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    """The top-level packages of these modules."""
    return {name.split(".")[0] for name in modules}


def modules_after(*argv: str) -> set[str]:
    """The top-level packages loaded once `newstui ARGV` has run, in a fresh interpreter."""
    return packages(
        loaded_by(
            "import contextlib, io\n"
            "from newstui.__main__ import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main({list(argv)!r})\n"
        )
    )


def test_version_imports_nothing_but_the_package():
    loaded = modules_after("--version")
    assert not loaded & {"rich", "sqlite_utils", *HEAVY_FOR_READING}


def test_listing_articles_imports_no_fetching_editing_or_app_library(tmp_path):
    loaded = modules_after("--db", str(tmp_path / "n.db"), "list", "--limit", "1")
    assert "sqlite3" in loaded
    assert not loaded & {*HEAVY_FOR_READING, "hashlib"}


def test_a_listing_into_a_pipe_or_as_json_is_written_without_rich(tmp_path):
    """rich (~100M instructions to import) prints to a terminal, tables and errors; lines going
    elsewhere are written as rich would print them there (tests/test_cli_plain_output)."""
    where = ("--db", str(tmp_path / "n.db"), "--config", str(tmp_path / "none.toml"))
    for argv in (
        ["list", "--limit", "1"],
        ["list", "--json"],
        ["search", "x"],
        ["feeds", "--json"],
    ):
        assert "rich" not in modules_after(*where, *argv), argv


def test_reading_the_store_leaves_the_config_unread(tmp_path):
    """A command that reads only the database loads neither the config's validation (tomllib,
    nine dataclasses) nor, with --db, platformdirs (tempfile, shutil, bz2, lzma)."""
    for argv in (["show", "1"], ["mark", "1", "--read"], ["entities", "--limit", "1"]):
        loaded = loaded_by(
            "import contextlib, io\n"
            "from newstui.__main__ import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['--db', {str(tmp_path / 'n.db')!r}, *{argv!r}])\n"
        )
        assert not loaded & {"newstui.config", "tomllib", "platformdirs"}, argv


def test_listing_without_a_config_file_loads_no_config_validation(tmp_path):
    """`list` reads the config when there is one (its saved views, tests/test_cli_config_reading);
    with none at the default place it only looks."""
    data = tmp_path / "data"
    in_default_place = loaded_by(
        "import contextlib, io, os\n"
        f"os.environ.update(XDG_DATA_HOME={str(data)!r}, XDG_CONFIG_HOME={str(data)!r})\n"
        "os.environ.pop('NEWSTUI_DB', None)\n"
        "os.environ.pop('NEWSTUI_CONFIG', None)\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list', '--limit', '1'])\n"
    )
    assert not (data / "newstui").exists()  # nothing stored yet: a listing makes no store
    assert not in_default_place & {"newstui.config", "tomllib"}


def test_reading_a_config_with_views_loads_no_name_lists(tmp_path):
    """A view's query is checked without the name lists (they make no query invalid)."""
    config = tmp_path / "feeds.toml"
    config.write_text('[[views]]\nname = "P"\nquery = "speaker:Peskov unread"\n', "utf-8")
    loaded = loaded_by(
        f"from pathlib import Path\nimport newstui.config as c\n"
        f"assert c.load_config(Path({str(config)!r})).views\n"
    )
    assert "newstui.nlp.names" not in loaded


def test_reading_the_store_imports_neither_sqlite_utils_nor_its_plugins(tmp_path):
    loaded = modules_after("--db", str(tmp_path / "n.db"), "list", "--limit", "1")
    assert not loaded & {"sqlite_utils", "pluggy", "dateutil"}


def test_the_app_starts_without_the_fetching_pipeline():
    loaded = packages(loaded_by("import newstui.tui.app"))
    assert "textual" in loaded
    assert not loaded & {"feedparser", "httpx", "lxml", "tomlkit", "trafilatura"}


def test_parsing_and_analysis_workers_load_no_http_client_nor_asyncio():
    """Each worker process imports what parsing and analysis need, not httpx (nor rich, which
    httpx loads) nor asyncio (and ssl with it): every fetch starts its workers afresh. Nor
    feedparser for a well-formed RSS document, which lxml reads (~25 ms of imports)."""
    code = (
        "from newstui.processes import analyse_texts, parse_document\n"
        'parse_document(b\'<rss version="2.0"><channel><title>t</title><item><title>a</title>'
        "<description>Ana Lopes said so.</description></item></channel></rss>', "
        "'https://a.example/feed', 'application/rss+xml')\n"
        "analyse_texts('rules', ['Ana Lopes said: \"We will build it.\"'])\n"
    )
    loaded = packages(loaded_by(code))
    assert "lxml" in loaded
    assert not loaded & {
        "feedparser",
        "httpx",
        "httpcore",
        "asyncio",
        "rich",
        "textual",
        "trafilatura",
    }


def test_the_app_imports_what_its_first_screen_does_not_show_only_when_asked(tmp_path):
    """The downloads screen, the dialogs, the sidebar's tabs, the key footer, external programs,
    the name matcher and the example config are imported when first used: every module before
    the first paint delays it (reading a config that names the extractor included)."""
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nextractor = "rules"\n')
    loaded = loaded_by(
        "import newstui.cli.main, newstui.tui.app\n"
        "from pathlib import Path\nfrom newstui.config import load_config\n"
        f"load_config(Path({str(config)!r}))\n"
    )
    assert "newstui.tui.screens.main" in loaded
    deferred = {
        "newstui.nlp",
        "newstui.query",  # the query language: a search, a filter or a saved view loads it
        "newstui.store.query_sql",
        "newstui.store.filters",
        "newstui.store.sync",  # sync's bookkeeping: a sync, or its status line, loads it
        "newstui.tui.screens.downloads",
        # the dialogs: each loads when its key first opens it (or a [keys] table names a key)
        "newstui.tui.screens.help",
        "newstui.tui.screens.search",
        "newstui.tui.screens.sort_order",
        "newstui.tui.screens.speaker_quotes",
        "newstui.tui.screens.enclosure_choice",
        "newstui.tui.screens.command_prompt",
        "newstui.tui.screens.confirm",
        "newstui.tui.screens.view_name",
        "textual.widgets._tabbed_content",
        "newstui.tui.widgets.key_footer",  # the key footer is mounted after the first paint
        "textual.widgets._footer",
        "newstui.launch",  # external programs: the first browser, pager, pipe or player loads it
        "importlib.resources",
        "hashlib",  # OpenSSL's digests: an article's content hash and story keys load it
        "newstui.config.tables",  # [sync], [[views]], [[filters]], [keys] bindings: when present
        # refresh, full text, removal and analysis functions: when the first of them starts
        "newstui.tui.refresh",
        # the open article's values and the smart views' counts (~4.5M instructions each to
        # make): read after the first paint; the first screen's modules name them for types only
        "newstui.model.views",
        "newstui.model.links",
        # widgets textual.types names for its re-exports (newstui.tui.textual_types)
        "textual.widgets._directory_tree",
        "textual.widgets._tree",
        "textual.widgets._select",
        "textual.widgets._placeholder",
    }
    assert not loaded & deferred


def test_fetching_feeds_loads_no_httpx(tmp_path, feed_server, config_file):
    """The feed fetcher speaks HTTP/1.1 through h11 itself: httpx, httpcore and anyio cost a
    refresh ~20-40 ms of imports alone (the sync client and downloads still use httpx)."""
    feed_server.route(
        "/feed",
        body=b"<rss version='2.0'><channel><title>t</title><item><title>a</title></item>"
        b"</channel></rss>",
        etag='"v1"',
    )
    config = config_file({"Feed": "/feed"})
    argv = ("--db", str(tmp_path / "n.db"), "--config", str(config), "fetch")

    first, again = modules_after(*argv), modules_after(*argv)  # a 200, then a 304

    assert feed_server.routes["/feed"].hits == 2
    for loaded in (first, again):
        assert "h11" in loaded
        assert not loaded & {"httpx", "httpcore", "anyio"}


def test_a_fetch_where_every_feed_answers_304_loads_no_mail_date_parser(
    tmp_path, feed_server, config_file
):
    """Only a 429 or 503 answer's Retry-After date needs the email package (~31M instructions
    to import, 3.6% of such a fetch)."""
    feed_server.route(
        "/feed",
        body=b"<rss version='2.0'><channel><title>t</title><item><title>a</title></item>"
        b"</channel></rss>",
        etag='"v1"',
    )
    config = config_file({"Feed": "/feed"})
    argv = ("--db", str(tmp_path / "n.db"), "--config", str(config), "fetch")
    modules_after(*argv)

    again = modules_after(*argv)

    assert feed_server.routes["/feed"].hits == 2
    assert "newstui.sources.backoff" in loaded_by("import newstui.ingest.pipeline")
    assert "email" not in again


def test_help_and_the_reading_commands_load_neither_textual_nor_trafilatura(tmp_path):
    """`newstui --help`, every command's `--help`, and the commands that read the store (on an
    empty one) in one interpreter: none of them loads the app's or the page extractor's library."""
    db, config = tmp_path / "n.db", tmp_path / "feeds.toml"
    config.write_text("[settings]\nfulltext = false\n")
    where = ["--db", str(db), "--config", str(config)]
    runs = [["--help"]]
    runs += [[command, "--help"] for command in ALL_COMMANDS]
    runs += [[*where, *argv] for argv in READING_COMMANDS]
    code = (
        "import contextlib, io\n"
        "from newstui.__main__ import main\n"
        f"for argv in {runs!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit:\n"
        "            pass\n"
    )
    loaded = packages(loaded_by(code))
    assert not loaded & {"textual", "trafilatura"}


ALL_COMMANDS = (
    "app filters add remove fetch import feeds list search show mark entities quotes opml "
    "cleanup download downloads demo sync backup restore"
).split()
READING_COMMANDS = (
    ["feeds"],
    ["list", "--limit", "1"],
    ["search", "kremlin"],
    ["show", "1"],
    ["entities"],
    ["quotes"],
    ["downloads"],
    ["cleanup", "--dry-run"],
    ["filters"],
)


def test_the_app_starts_no_worker_process_machinery_before_its_first_screen():
    """multiprocessing's resource tracker (a Python process of its own) starts after the first
    screen, or when a refresh or a full-text fetch asks for worker processes first."""
    loaded = packages(loaded_by("import newstui.cli.main, newstui.tui.app"))
    assert not loaded & {"multiprocessing", "webbrowser"}


def test_the_collector_is_off_while_the_cli_loads_and_on_when_a_command_runs(tmp_path):
    """Loading the CLI makes only long-lived objects (modules, classes): a collection then only
    scans them. A command runs with the collector on (the app turns it off itself until its
    first screen)."""
    code = (
        "import gc, sys, json\n"
        "during_load = []\n"
        "def seen(phase, info):\n"
        "    cli = sys.modules.get('newstui.cli.main')\n"
        "    if phase == 'start' and cli is not None and not hasattr(cli, 'run'):\n"
        "        during_load.append(info['generation'])\n"
        "gc.callbacks.append(seen)\n"
        "import contextlib, io\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--db', {str(tmp_path / 'n.db')!r}, 'feeds'])\n"
        "sys.__stderr__.write('\\n' + json.dumps([during_load, gc.isenabled()]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    during_load, enabled_after = json.loads(done.stderr.splitlines()[-1])
    assert during_load == []
    assert enabled_after is True


RARE_VALUES = {
    "Analysis",  # the open article's analysis: read after the first paint
    "Article",  # what a source produced: fetching and importing
    "Download",
    "CleanupReport",
    "RemovedSource",
    "SourceOutcome",
    "SyncStatus",
    "QuoteRow",
}


def values_made_by(code: str) -> set[str]:
    """The names newstui.model holds once CODE has run in a fresh interpreter."""
    code += (
        "\nimport json, sys\n"
        "sys.__stderr__.write('\\n' + json.dumps(sorted(vars(sys.modules['newstui.model']))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_the_first_screen_and_a_listing_make_only_the_values_they_show(tmp_path):
    """The model's values for analysis, fetching, downloads, retention and sync are made when
    first used (each dataclass costs ~4M instructions to create): neither the app's start nor
    `list --limit 1` needs them."""
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nextractor = "rules"\n')
    app_start = values_made_by(
        "import newstui.cli.main, newstui.tui.app, newstui.tui.screens.main\n"
        "from pathlib import Path\nfrom newstui.config import load_config\n"
        f"load_config(Path({str(config)!r}))\n"
    )
    listing = values_made_by(
        "import contextlib, io\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--db', {str(tmp_path / 'n.db')!r}, 'list', '--limit', '1'])\n"
    )

    assert {"ArticleRow", "FeedRow", "SortOrder"} <= app_start & listing
    assert not (app_start | listing) & RARE_VALUES
    assert "Analysis" in values_made_by("from newstui.model import Analysis")


INGEST_ONLY_PATTERNS = (
    "_unsafe",  # what strip_controls removes: compiled when a text holds something to remove
    "_spaces",
    "_blank_lines",
    "_not_plain_c2",
    "_not_plain_e2",
    "_email_then_name",
    "_name_then_email",
)


def test_a_listing_compiles_only_the_text_patterns_it_uses(tmp_path):
    """newstui.text's patterns are compiled when first used (~2M instructions each): a listing of
    clean titles needs only the one that finds unsafe characters; each then works as before."""
    code = (
        "import contextlib, io, json, sys\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--db', {str(tmp_path / 'n.db')!r}, 'list', '--limit', '1'])\n"
        "import newstui.text as text\n"
        f"names = {INGEST_ONLY_PATTERNS!r} + ('_unsafe_start',)\n"
        "compiled = [n for n in names if getattr(text, n).cache_info().currsize]\n"
        "sys.__stderr__.write('\\n' + json.dumps(compiled))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    compiled = json.loads(done.stderr.splitlines()[-1])
    assert compiled == ["_unsafe_start"] or compiled == []
    assert not set(compiled) & set(INGEST_ONLY_PATTERNS)


def test_a_text_pattern_is_compiled_once_and_works_once_used():
    import re

    from newstui import text

    assert text.clean_text("a\x1b[31mb  \n\n\n c") == "ab\n\nc"
    assert text.clean_line("a \t b\x07") == "a b"
    assert text.author_name("desk@x.example (Priya Nair)") == "Priya Nair"
    for name in ("_unsafe", "_spaces", "_blank_lines", "_email_then_name"):
        compiled = getattr(text, name)
        assert isinstance(compiled(), re.Pattern) and compiled() is compiled(), name


def test_the_configs_optional_tables_load_when_a_config_has_them(tmp_path):
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[[views]]\nname = "Peskov"\nquery = "peskov"\n'
        '[[filters]]\nquery = "sport"\n'
        '[keys]\n"headlines.open" = "o"\n',
        "utf-8",
    )
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from newstui.config import load_config\n"
        f"c = load_config(Path({str(config)!r}))\n"
        "from newstui.config.tables import FilterConfig, KeyBinding, SyncConfig, ViewConfig\n"
        "kinds = [type(c.views[0]) is ViewConfig, type(c.filters[0]) is FilterConfig,\n"
        "         type(c.keys.bindings[0]) is KeyBinding, SyncConfig.__name__]\n"
        "sys.__stderr__.write('\\n' + json.dumps(kinds))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert json.loads(done.stderr.splitlines()[-1]) == [True, True, True, "SyncConfig"]


def test_a_config_without_optional_tables_makes_none_of_their_values(tmp_path):
    """[sync], [[views]], [[filters]] and [keys] bindings are made by configs that have them
    (each dataclass costs ~3.5M instructions to create): the app's start reads a config
    without them."""
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nextractor = "rules"\n')
    code = (
        "import json, sys\n"
        "import newstui.cli.main, newstui.tui.app\n"
        "from pathlib import Path\nfrom newstui.config import load_config\n"
        f"load_config(Path({str(config)!r}))\n"
        "sys.__stderr__.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    loaded = set(json.loads(done.stderr.splitlines()[-1]))
    assert "newstui.config" in loaded and "newstui.config.tables" not in loaded


def test_the_apps_messages_are_made_without_generated_equality_or_repr():
    """Each generated method is compiled at import (~0.7M instructions a message on the app's
    start): a message is one event, compared by identity, so its dataclass makes only __init__."""
    code = (
        "import dataclasses, sys\n"
        "import newstui.tui.app, newstui.tui.screens.downloads\n"
        "from textual.message import Message\n"
        "def subclasses(cls):\n"
        "    for sub in cls.__subclasses__():\n"
        "        yield sub\n"
        "        yield from subclasses(sub)\n"
        "ours = [c for c in subclasses(Message) if c.__module__.startswith('newstui.')]\n"
        "made = [c for c in ours if dataclasses.is_dataclass(c)]\n"
        "assert len(made) > 20, made\n"
        "print([c.__qualname__ for c in made if {'__eq__', '__repr__'} & set(vars(c))])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "[]"


def test_a_listing_and_a_commands_help_load_no_shutil(tmp_path):
    """argparse makes a help formatter for each parser and argument, and its own imports shutil
    (bz2, lzma: ~7M instructions) to find the terminal's width; ours finds the same width."""
    where = ["--db", str(tmp_path / "n.db")]  # `list` looks for the config: platformdirs
    for argv in (["show", "1"], ["list", "--help"], ["show", "--help"]):
        loaded = loaded_by(
            "import contextlib, io\n"
            "from newstui.__main__ import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            f"    main({where + argv!r})\n"
        )
        assert "shutil" not in loaded, argv


def test_help_is_as_wide_as_argparse_would_make_it(monkeypatch):
    import argparse

    from newstui.cli import parser as cli_parser

    for columns in ("50", "132", "0", "-3", "wide", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        ours = cli_parser.build_parser().format_help()
        parser = cli_parser.build_parser()
        parser.formatter_class = argparse.HelpFormatter
        assert ours == parser.format_help(), columns
        assert cli_parser._HelpFormatter("p")._width == argparse.HelpFormatter("p")._width, columns


def test_reading_the_store_at_a_given_path_loads_no_pathlib(tmp_path):
    """pathlib (with urllib.parse and ipaddress, ~17M instructions) is loaded by the commands
    that need a Path; a --db and --config written as pathlib would keep them need none."""
    where = ("--db", str(tmp_path / "n.db"), "--config", str(tmp_path / "none.toml"))
    for argv in (["show", "1"], ["mark", "1", "--star"]):  # `list` reads the config: a Path
        assert "pathlib" not in modules_after(*where, *argv), argv
    assert "pathlib" not in modules_after("--version")


def test_a_listings_own_values_are_no_dataclasses():
    """Making a dataclass compiles its generated methods (~3M instructions for one field): the
    lines `list` prints are a plain class (nothing compares or prints them)."""
    import dataclasses

    from newstui.cli import output

    assert not dataclasses.is_dataclass(output.ArticleLines)
    assert output.ArticleLines([]).rows == []


def test_a_listing_loads_no_article_layout(tmp_path):
    """`list` and `search` print headline fields (newstui.headline_fields): render.py's palettes
    and article layout (~6.5M instructions to load) are for `show` and the app."""
    where = ("--db", str(tmp_path / "n.db"))
    for argv in (["list", "--limit", "1"], ["list", "--json"]):
        loaded = loaded_by(
            "import contextlib, io\n"
            "from newstui.__main__ import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main({[*where, *argv]!r})\n"
        )
        assert "newstui.headline_fields" in loaded
        assert "newstui.render" not in loaded, argv
    from newstui import headline_fields, render

    assert headline_fields.shown_date and headline_fields.carries_time  # one owner each:
    assert not {"shown_date", "carries_time", "UNKNOWN_DATE", "DATE_ONLY"} & set(vars(render))


def test_a_listing_loads_neither_the_readers_values_nor_story_matching_nor_sync(tmp_path):
    """`list` makes headline rows only: one article in full, its links, the smart views' counts
    (each dataclass ~4.5M instructions to create), sync's values (~12M), story matching, the
    query match sets and shlex load when a command or the app first needs them."""
    loaded = loaded_by(
        "import contextlib, io\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--db', {str(tmp_path / 'n.db')!r}, 'list', '--limit', '1'])\n"
    )
    assert "newstui.library" in loaded
    assert not loaded & {
        "newstui.model.views",
        "newstui.model.links",
        "newstui.model.sync",
        "newstui.stories",
        "newstui.store.match_sets",
        "shlex",  # quotes the URLs of an ambiguous `add` only
    }
    made = values_made_by("from newstui.model import Link, StoredArticle, SmartCounts")
    assert {"Link", "StoredArticle", "SmartCounts"} <= made


def test_a_byline_without_an_address_is_kept_without_compiling_the_address_patterns():
    from newstui import text

    text._email_then_name.cache_clear()
    text._name_then_email.cache_clear()
    assert text.author_name("  Priya Nair ") == "Priya Nair"
    assert text.author_name("   ") == "   "
    assert text._email_then_name.cache_info().currsize == 0
    assert text.author_name("desk@x.example (Priya Nair)") == "Priya Nair"


def printed_by(code: str) -> object:
    """What CODE prints as JSON on its last line, run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    return json.loads(done.stdout.splitlines()[-1])


def test_textual_types_deferred_by_the_app_still_holds_every_name():
    """newstui.tui puts a deferred textual.types in place: the first name read that it does not
    hold runs Textual's module, and every name it exports is there, as without the app."""
    names = printed_by(
        "import newstui.tui.app, sys\n"
        "assert 'textual.widgets._select' not in sys.modules\n"
        "from textual.types import IgnoreReturnCallbackType\n"
        "assert 'textual.widgets._select' not in sys.modules\n"
        "import textual.types as deferred\n"
        "from textual.types import SelectType, DirEntry\n"
        "names = sorted(n for n in deferred.__all__ if getattr(deferred, n) is not None)\n"
        "import json; print(json.dumps(names))\n"
    )
    plain = printed_by("import json, textual.types as t; print(json.dumps(sorted(t.__all__)))")
    assert names == plain and "SelectType" in plain  # type: ignore[operator]


def test_a_fetch_without_analysis_loads_none_of_the_extractor():
    """`extractor = "none"`: the fetch asks its version of the "none" backend, which loads
    neither the extractor registry nor the compiled name functions (the shared library of the
    whole extractor, ~60M instructions)."""
    loaded = loaded_by(
        "from newstui.ingest.pipeline import empty_analysis_version\n"
        "assert empty_analysis_version('none') == 'none-1'\n"
    )
    assert "newstui.nlp.none" in loaded
    assert not loaded & {"newstui.nlp.names", "newstui.nlp.extractor", "newstui.nlp.rules"}


def test_a_fetch_with_no_filters_ends_without_loading_the_extractor_or_the_query_language(
    tmp_path, feed_server
):
    """After its fetch, `newstui fetch` runs the config's `[[filters]]`: with none it loads
    neither the query language nor the name keys its queries use (the extractor's compiled
    shared library, ~60M instructions on the end of every fetch)."""
    # A feed with nothing in it: the articles a fetch stores load the names (a config with no
    # feed is refused before the fetch).
    feed_server.route("/wire", body=b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[settings]\nextractor = "none"\nfulltext = false\n\n'
        f'[[feeds]]\nname = "Wire"\nurl = "{feed_server.url("/wire")}"\n'
    )
    loaded = loaded_by(
        "import contextlib, io\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {str(tmp_path / 'n.db')!r}, '--config', {str(config)!r},"
        " 'fetch']) == 0\n"
    )
    assert "newstui.ingest.pipeline" in loaded
    assert not loaded & {"newstui.nlp.names", "newstui.nlp.extractor", "newstui.nlp.rules"}
