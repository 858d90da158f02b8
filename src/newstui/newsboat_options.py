"""newsboat's command-line options (its cron line `newsboat -x reload`, `-i FILE`, `-e`, `-r`,
`-v`), answered with the newstui command that does the same, in one line (user test r36 L9:
`newstui -x reload` said only "unknown command 'reload'")."""

from __future__ import annotations

from collections.abc import Sequence

# newsboat's -x commands: reload fetches every feed, print-unread prints the unread count
_EXECUTE = {"reload": "newstui fetch", "print-unread": "newstui feeds"}
_URL_FILE = (
    "`newstui --config FILE`",
    " (FILE: a feeds.toml; `newstui opml import URLS-FILE` brings newsboat's urls file in)",
)
_VERSION = ("`newstui --version`", "")
# newsboat's options: the newstui command (backticks around each command alone, user test r41
# L7), and what follows " in newstui"
_OPTIONS = {
    "-r": ("`newstui fetch` then `newstui`", ""),
    "--refresh-on-start": ("`newstui fetch` then `newstui`", ""),
    "-e": ("`newstui opml export`", ""),
    "--export-to-opml": ("`newstui opml export`", ""),
    "-i": ("`newstui opml import FILE`", ""),
    "--import-from-opml": ("`newstui opml import FILE`", ""),
    "-u": _URL_FILE,
    "--url-file": _URL_FILE,
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
                "(newsboat's -x reload is `newstui fetch`)"
            ).replace("  ", " ")
        return f"{said} is `{command}` in newstui"
    answer = _OPTIONS.get(first)
    if answer is None:
        return None
    command, note = answer
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
