"""newsboat's command-line options (its cron line `newsboat -x reload`, `-i FILE`, `-e`, `-r`,
`-v`, `-C`, `-c`, `-X`…), answered with the newstui command that does the same, in one line (user test r36 L9:
`newstui -x reload` said only "unknown command 'reload'")."""

from __future__ import annotations

from collections.abc import Sequence

# newsboat's -x commands: reload fetches every feed, print-unread prints the unread count
# (reload prints nothing: `fetch --quiet` says only failures that are news, user test r48 MED-5;
# print-unread one number: `unread`, r48 LOW-3)
_EXECUTE = {"reload": "newstui fetch --quiet", "print-unread": "newstui unread"}
_URL_FILE = (
    "`newstui --config FILE`",
    " (FILE: a feeds.toml; `newstui opml import URLS-FILE` brings newsboat's urls file in)",
)
_VERSION = ("`newstui --version`", "")
_CONFIG_FILE = (
    "`newstui --config FILE`",
    " (FILE: a feeds.toml; `newstui opml import URLS-FILE` reads newsboat's config beside its "
    "urls file)",
)
_CACHE_FILE = (
    "`newstui --db FILE`",
    " (newstui's own database; `newstui opml import URLS-FILE --newsboat-cache CACHE` takes "
    "newsboat's read marks)",
)
_OPML = ("`newstui opml export`", " (OPML 2.0, with the feeds' tags as folders)")
_CLEANUP = ("`newstui cleanup`", " (every fetch runs it too)")
_READ_LIST = (
    None,
    ": newstui does not read newsboat's exported list; `newstui opml import URLS-FILE` takes "
    "the read marks from newsboat's cache.db (`newstui backup FILE` copies newstui's own)",
)
# newsboat's options: the newstui command (backticks around each command alone, user test r41
# L7), and what follows " in newstui"
_OPTIONS: dict[str, tuple[str | None, str]] = {
    "-r": ("`newstui fetch` then `newstui`", ""),
    "--refresh-on-start": ("`newstui fetch` then `newstui`", ""),
    "-e": ("`newstui opml export`", ""),
    "--export-to-opml": ("`newstui opml export`", ""),
    "-i": ("`newstui opml import FILE`", ""),
    "--import-from-opml": ("`newstui opml import FILE`", ""),
    "-u": _URL_FILE,
    "--url-file": _URL_FILE,
    "-C": _CONFIG_FILE,  # (user test r48 L17: these said "unknown command '<path>'")
    "--config-file": _CONFIG_FILE,
    "-c": _CACHE_FILE,
    "--cache-file": _CACHE_FILE,
    "--export-to-opml2": _OPML,
    "-X": _CLEANUP,
    "--vacuum": _CLEANUP,
    "--cleanup": _CLEANUP,
    "-E": ("`newstui backup FILE`", " (the whole store, read and starred marks with it)"),
    "--export-to-file": ("`newstui backup FILE`", " (the whole store, read marks with it)"),
    "-I": _READ_LIST,
    "--import-from-file": _READ_LIST,
    "-l": (None, ": warnings go to stderr, and the app shows them as notices"),
    "--log-level": (None, ": warnings go to stderr, and the app shows them as notices"),
    "-d": (None, ": newstui writes no debug log"),
    "--log-file": (None, ": newstui writes no debug log"),
    "-q": (None, ": newstui starts quietly already"),
    "--quiet": (None, ": newstui starts quietly already"),
    "-v": _VERSION,  # newsboat's version flag (user test r41 L7: "unrecognized arguments")
    "-V": _VERSION,
}


def newsboat_option(argv: Sequence[str]) -> str | None:
    """A one-line answer when the command line starts with one of newsboat's options: what it
    does in newstui; None for any other command line."""
    argv = _past_global_options(argv)
    if not argv:
        return None
    first = argv[0].split("=", 1)[0]
    if first in ("-x", "--execute"):
        given = argv[0].split("=", 1)[1:] or list(argv[1:2])
        word = given[0] if given else ""
        command = _EXECUTE.get(word)
        said = f"newsboat's {first} {word}".rstrip()
        if command is None:
            return (
                f"{first} {word} is newsboat's option, not newstui's: see `newstui --help` "
                "(newsboat's -x reload is `newstui fetch --quiet`)"
            ).replace("  ", " ")
        return f"{said} is `{command}` in newstui"
    answer = _OPTIONS.get(first)
    if answer is None:
        return None
    command, note = answer
    if command is None:
        return f"newsboat's {first} has no equivalent in newstui{note}"
    return f"newsboat's {first} is {command} in newstui{note}"


def _past_global_options(argv: Sequence[str]) -> Sequence[str]:
    """The command line after newstui's own options before a command (`--db FILE`, `--config
    FILE`, `--demo`, `--json`)."""
    at = 0
    while at < len(argv):
        word = argv[at]
        if word in ("--db", "--config"):
            at += 2
        elif word in ("--demo", "--json") or word.startswith(("--db=", "--config=")):
            at += 1
        else:
            break
    return argv[at:]
