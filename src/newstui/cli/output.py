"""What the commands print: the consoles, plain lines for a pipe, --json values and the one-line
errors on stderr (rich is loaded only when a table or a terminal needs it)."""

from __future__ import annotations

import argparse
import builtins
import contextlib
import errno
import functools
import json
import os
import sys
from typing import TYPE_CHECKING, Any, Literal

from newstui.errors import (
    BackupRefused,
    ConfigError,
    NewstuiError,
    SourceError,
    StoreError,
    SyncError,
)
from newstui.headline_fields import cell_width, cut_to_width, shown_date
from newstui.model import ArticleRow
from newstui.text import clean_line, terminal_safe

if TYPE_CHECKING:
    # rich (~100M instructions to import) prints tables, terminal output and errors; a listing
    # piped to another program is written as plain lines without it (see plain_width)
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


@functools.cache
def stdout_console() -> Console:
    """The rich console of standard output, made on first use (it reads COLUMNS then)."""
    return _pipe_console()(highlight=False)


@functools.cache
def stderr_console() -> Console:
    """The rich console of standard error, made on first use."""
    return _pipe_console()(stderr=True, highlight=False)


@functools.cache
def _pipe_console() -> type[Console]:
    """rich's Console, with a closed pipe left to `main` (exit 0, as a plain listing does): rich
    ends the program with status 1 itself, so `newstui feeds | head -1` failed where `list` did
    not."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True  # nothing more is written, the buffer is dropped
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return PipeConsole


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (it loads bz2 and lzma)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


ErrorKind = Literal["usage", "config", "source", "database", "sync", "file", "input", "stopped"]
"""What a --json error object's "kind" says went wrong (see the README's Commands section)."""


def error_kind(exc: NewstuiError) -> ErrorKind:
    kinds: tuple[tuple[type[NewstuiError], ErrorKind], ...] = (
        (ConfigError, "config"),
        (SourceError, "source"),
        (BackupRefused, "input"),  # (a StoreError: the file given, not the database)
        (StoreError, "database"),
        (SyncError, "sync"),
    )
    return next((kind for cls, kind in kinds if isinstance(exc, cls)), "input")


def fail_command(
    as_json: bool, message: str, kind: ErrorKind, source: str | None = None, **more: Any
) -> None:
    """Report an error that ends the command: `newstui: MESSAGE` on stderr, or with --json one
    object on stdout, `{"error": MESSAGE, "kind": KIND, "source": NAME or null}` (and `more`)."""
    if as_json:
        print_json_error(message, kind, source, **more)
    else:
        complain(f"newstui: {message}")


def print_json_error(message: str, kind: ErrorKind, source: str | None = None, **more: Any) -> None:
    """One JSON error object on stdout (what a script reading --json output parses)."""
    data = {"error": clean_line(message, 2000), "kind": kind, "source": source, **more}
    with contextlib.suppress(OSError):
        sys.stdout.write(json.dumps(terminal_safe_data(data), ensure_ascii=ascii_json()) + "\n")
        sys.stdout.flush()


def ascii_json() -> bool:
    """Whether --json is written as ASCII (`\\u00e9`): when stdout's encoding is not UTF-8
    (PYTHONIOENCODING=latin-1, a C locale without Python's UTF-8 mode), the same JSON, which any
    encoding holds, rather than nothing but an encoding error (user test r44 L1)."""
    from newstui.cli.encoding import utf8  # (codecs and unicodedata: both loaded already)

    return not utf8(sys.stdout)


def complain(message: str) -> None:
    """One line on stderr; file names and server text in it are untrusted. Written without
    loading rich (~100M instructions) for it: piped, the line as it is; on a terminal, wrapped at
    spaces to its width (the terminal cut `warning:` lines mid-word, "feeds.tom|l": user test
    r35 L-g), as the notes on standard output are."""
    line = clean_line(message, 2000)
    width, lines = _stderr_width(), [line]
    if width:
        from newstui.render import at_spaces  # (rich's cell widths alone)

        lines = at_spaces(line, width)
    with contextlib.suppress(OSError):  # stderr may be a terminal that hung up
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()


def stderr_seen() -> bool:
    """Whether standard error is a terminal, as rich takes one (a TTY, or TTY_COMPATIBLE=1): a
    person reads what `complain` writes, where a status line's or a script's stderr may go
    nowhere."""
    terminal = os.environ.get("TTY_COMPATIBLE", "")
    try:
        return terminal == "1" or (terminal != "0" and sys.stderr.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def _stderr_width() -> int | None:
    """Standard error's width in columns when it is a terminal (stderr_seen; COLUMNS when it is
    set), else None."""
    if not stderr_seen():
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        return None


class NothingFound:
    """What a listing says when it has nothing to list ("no matches"): said on stderr as
    `newstui search: no matches`, so standard output stays empty and a pipeline reading it never
    takes the words for a result (user test r43 M7: `search … | xargs newstui mark` read "no");
    with --json the empty list is printed. A plain class, as ArticleLines."""

    __slots__ = ("line",)

    def __init__(self, line: str) -> None:
        self.line = line


def emit(
    args: argparse.Namespace,
    data: Any,
    text: str | Text | Table | ArticleLines | NothingFound | None = None,
) -> int:
    """Print `data` as JSON with --json, else `text`; every string terminal-safe either way."""
    if getattr(args, "json", False):
        shown = json.dumps(terminal_safe_data(data), ensure_ascii=ascii_json(), indent=2)
        sys.stdout.write(shown + "\n")
    elif isinstance(text, NothingFound):
        complain(f"newstui {args.command}: {text.line}")
    elif isinstance(text, ArticleLines):
        _print_articles(text.rows)
    elif isinstance(text, str):
        # Plain lines are never hard-wrapped, so piped output keeps paths and names whole.
        safe = terminal_safe(text)
        if "\t" in safe or plain_width() is None:  # rich expands tabs, styles a terminal's text
            from rich.text import Text

            stdout_console().print(Text(safe), soft_wrap=True)
        else:
            write_plain(safe)
    elif text is not None:
        from rich.table import Table

        if isinstance(text, Table):
            print_trimmed(text)
        else:
            stdout_console().print(text, soft_wrap=True)
    return 0


def plain_width() -> int | None:
    """The width rich's console gives standard output when it would print no style there (not
    a terminal): the same text is then written as it is, without loading rich (~100M
    instructions). None when rich prints: a terminal (FORCE_COLOR, TTY_COMPATIBLE=1), Windows,
    Jupyter, an odd COLUMNS, or a rich console already made (a test may have set its width)."""
    if (
        stdout_console.cache_info().currsize
        or sys.platform == "win32"
        or hasattr(builtins, "get_ipython")
    ):
        return None
    env = os.environ
    terminal = env.get("TTY_COMPATIBLE", "")
    if terminal == "1" or (terminal != "0" and env.get("FORCE_COLOR", "") != ""):
        return None
    if terminal != "0" and "FORCE_COLOR" not in env:
        try:
            if sys.stdout.isatty():
                return None
        except (AttributeError, ValueError):  # no isatty, or closed: not a terminal for rich
            pass
    columns = env.get("COLUMNS", "")
    if columns.isdigit():  # rich takes it as the width (0: it prints nothing)
        return int(columns) or None if columns.isascii() else None
    width = 0
    for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            width = os.get_terminal_size(_fileno(stream, default)).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    return width or 80


def piped_columns() -> int | None:
    """The width COLUMNS sets for a table written into a pipe or a file (`COLUMNS=$COLUMNS
    newstui feeds | less` on a 60-column terminal: user test r51 L18, as `ls -C` reads it);
    None without it: each row whole on one line, for grep and scripts."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None


def _fileno(stream: Any, default: int) -> int:
    """The file descriptor rich's console asks a terminal size of for this standard stream."""
    try:
        return int(stream.fileno())
    except Exception:  # rich falls back to the standard number on any error
        return default


def write_plain(text: str) -> None:
    """One or more lines on standard output, flushed as rich flushes after each print (a closed
    pipe is then reported by the command, not at exit)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def print_trimmed(renderable: Table | Text) -> None:
    """Print a table or wrapped text with no line ending in spaces (rich pads table cells to the
    column width and keeps the space where it wraps a line). To a terminal it fits the width;
    elsewhere (a pipe or a file: scripts, grep, less) a table row is one line with every cell
    whole unless COLUMNS gives a width to fit (piped_columns), and text wraps at spaces only,
    a longer word (a URL) kept whole on its own line."""
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text

    console = stdout_console()
    if isinstance(renderable, Text):
        # (as the reader wraps an article: a list item's, a quote's or a wide table row's
        # wrapped lines under its hanging indent, body_wrap; into a pipe at spaces only)
        if console.is_terminal:
            from newstui.body_wrap import wrapped_lines

            parts = wrapped_lines(renderable, max(console.width, 1), console).lines
        else:
            parts = _wrapped_at_spaces(renderable, console.width)
        for part in parts:
            part.rstrip()
            console.print(part, soft_wrap=True)
        return
    options = console.options
    if not console.is_terminal and isinstance(renderable, Table) and piped_columns() is None:
        for column in renderable.columns:  # (a cell cut to a column's max_width is cut no more)
            column.max_width = None
            column.no_wrap = True
        wide = options.update_width(_UNWRAPPED_WIDTH)
        options = options.update_width(console.measure(renderable, options=wide).maximum)
    for line in console.render_lines(renderable, options, pad=False):
        while line and not line[-1].control and not line[-1].text.rstrip():
            line.pop()
        if line:
            line[-1] = Segment(line[-1].text.rstrip(), line[-1].style, line[-1].control)
        console.print(Text.assemble(*((s.text, s.style or "") for s in line)), soft_wrap=True)


_UNWRAPPED_WIDTH = 1_000_000  # the room a piped table is measured in: more than any row needs


def _wrapped_at_spaces(text: Text, width: int) -> list[Text]:
    """`text`'s lines wrapped to `width` terminal columns at spaces, as rich wraps them, but a
    word longer than the width (a URL) is kept whole on a line of its own, not folded; a line
    marked with a hanging indent (body_layout.HANG: a list item, a quote, a wide table row)
    has its wrapped lines under it, as the reader draws them."""
    from rich.cells import cell_len
    from rich.text import Text

    from newstui.body_wrap import hang_of

    lines: list[Text] = []
    for line in text.split(allow_blank=True):
        if "\t" in line.plain:
            line.expand_tabs()
        hang, head, drawn = hang_of(line) if cell_len(line.plain) > width else (0, 0, False)
        if not (hang and head <= hang < width // 2):
            lines.extend(line.divide(_breaks_at_spaces(line.plain, width)))
            continue
        rest = line[head:]
        for i, piece in enumerate(rest.divide(_breaks_at_spaces(rest.plain, width - hang))):
            out = line[:head] if i == 0 or drawn else Text(" " * hang)
            out.append_text(piece)
            lines.append(out)
    return lines


def _breaks_at_spaces(plain: str, width: int) -> list[int]:
    """Where a line is cut at spaces to lines of `width` columns (a longer word kept whole)."""
    from rich.cells import cell_len

    from newstui.render import WORDS

    breaks, used = [], 0
    for word in WORDS.finditer(plain):
        if used and cell_len(word.group().rstrip()) > width - used:
            breaks.append(word.start())
            used = 0
        used += cell_len(word.group())
    return breaks


def terminal_safe_data(value: Any) -> Any:
    """JSON data with every string (keys too) passed through `terminal_safe`."""
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, dict):
        return {terminal_safe_data(k): terminal_safe_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [terminal_safe_data(v) for v in value]
    return value


def safe_cell(value: str | None) -> Text:
    """A table cell or name from stored or configured text: one terminal-safe line."""
    from rich.text import Text

    return Text(terminal_safe(value, line=True))


def red_line(line: str) -> Text:
    """A line of text in red (an error)."""
    from rich.text import Text

    return Text(line, "red")


def print_note(line: str) -> None:
    """A note below a table: on a terminal wrapped at spaces to its width (the terminal broke
    it mid-word, "match none of its ar|ticles": user test r34 L9), piped one line."""
    from rich.text import Text

    console = stdout_console()
    console.print(Text(terminal_safe(line, line=True)), soft_wrap=not console.is_terminal)


def say_more_exist(command: str, shown: int, total: int, what: str, other: str = "") -> None:
    """One line on stderr when a listing was cut at its limit, saying how to see the rest (with
    `--json` too: a script's `jq length` gave 100 and nothing said more existed)."""
    if total > shown:
        complain(
            f"newstui {command}: {shown:,} of {total:,} {what} shown;"
            f" --limit {total}{other} shows them all"
        )


class ArticleLines:
    """What `list` and `search` print: one line per article, laid out when printed (with --json
    they print the rows as JSON instead). A plain class: a dataclass costs every listing ~3M
    instructions to make, and nothing compares or prints these."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[ArticleRow]) -> None:
        self.rows = rows


def _article_lines(rows: list[ArticleRow], width: int | None) -> list[tuple[str, str, bool]]:
    """One line per article: id, unread/starred marks, date, source (the line's head), title (cut
    to the width), and whether it is unread. With no width (not a terminal) nothing is cut: the
    source column is as wide as its longest name."""
    id_width = len(str(max((r.id for r in rows), default=0)))
    feeds = {r.feed: terminal_safe(r.feed, line=True) for r in rows}
    source_width = max((cell_width(name) for name in feeds.values()), default=0)
    if width is not None:
        source_width = min(20, source_width)
    sources = {  # cut and padded in terminal columns: a wide (CJK) letter takes two
        feed: (cut := cut_to_width(name, source_width)) + " " * (source_width - cell_width(cut))
        for feed, name in feeds.items()
    }
    room = None if width is None else width - (id_width + 18 + source_width)  # the head's columns
    lines = []
    for r in rows:
        marks = ("*" if r.starred else " ") + ("N" if not r.read else " ")
        date = shown_date(r.listed_date, 0, 10, date_only=r.listed_date_only).ljust(10)
        head = f"{r.id:>{id_width}} {marks} {date}  {sources[r.feed]}  "
        title = terminal_safe(r.title, line=True)
        title = title if room is None else cut_to_width(title, room)
        lines.append((head, title, not r.read))
    return lines


def _print_articles(rows: list[ArticleRow]) -> None:
    """The article lines, dim heads and unread titles bold, titles cut to a terminal's width;
    written whole and as they are where rich would print them unstyled (a pipe, a file)."""
    piped_width = plain_width()
    terminal = piped_width is None and stdout_console().is_terminal
    lines = _article_lines(rows, max(stdout_console().width, 60) if terminal else None)
    if piped_width is not None:  # no tab to expand: the lines are terminal_safe(line=True)
        write_plain("".join(f"{head}{title}\n" for head, title, _ in lines).rstrip())
        return
    from rich.text import Text

    out = Text(no_wrap=True, overflow="ellipsis")
    for head, title, unread in lines:
        out.append(head, style="dim")
        out.append(title + "\n", style="bold" if unread else "")
    out.rstrip()
    stdout_console().print(out, soft_wrap=True)


def terminal_width() -> int | None:
    """The width of the terminal standard output is, or None: a pipe or a file (rows whole)."""
    console = stdout_console()
    return console.width if console.is_terminal else None
