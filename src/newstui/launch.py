"""External programs (browser, pager, a command the article is piped to) as argument lists.

A command string from the settings or the user is split with shlex; the URL or file becomes one
argument and is never written into a shell string as it is. Only a command that itself uses the
shell (pipes, redirections, `;`, `&&`, `$VAR`…) runs through `sh -c`, and then the URL reaches it
as the positional parameter "$1", never as text inside the script. A `%u` inside a command line
handed to another program (`sh -c "w3m %u"`, `tmux new-window "w3m %u"`) is shell-quoted when
the command has no shell syntax of its own, and refused when it has (there it would be "$1" in
the inner line, outside any quotes).
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from newstui.errors import NewstuiError

PLACEHOLDER = "%u"
# Programs that draw in the terminal: the app steps aside (suspends) while they run.
TERMINAL_PROGRAMS = frozenset(
    {
        "w3m",
        "www-browser",  # Debian's console browser (w3m, lynx… behind it)
        "lynx",
        "links",
        "links2",
        "elinks",
        "browsh",
        "carbonyl",
        "less",
        "more",
        "most",
        "bat",
        "batcat",
        "vi",
        "vim",
        "nvim",
        "nano",
        "emacs",
        "man",
        "mpv",
        "mplayer",
        "cvlc",
        "mpg123",
        "mpg321",
        "ffplay",
        "moc",
        "mocp",
    }
)
_SHELL_OPERATORS = frozenset({"|", "||", "&", "&&", ";", ";;", "<", ">", ">>", "<<", "(", ")"})


class LaunchError(NewstuiError):
    """A command string that cannot be run (empty, unbalanced quotes)."""


@dataclass(frozen=True)
class Launch:
    """How to start one external program."""

    argv: tuple[str, ...]
    terminal: bool  # draws in the terminal: run in the foreground with the app suspended
    wait_for_key: bool = False  # its output should stay on screen until the user presses Enter
    # in the terminal, its stderr also goes through newstui, which keeps the last line for its
    # failure (a player's: it reads no keys from stderr, as `more` or `vim -` may)
    stderr_kept: bool = False

    @property
    def name(self) -> str:
        """The program's name, for messages."""
        if self.argv[:2] == ("/bin/sh", "-c"):
            return _first_word(self.argv[2]) or "sh"
        return PurePath(self.argv[0]).name


def needs_shell(command: str) -> bool:
    """True when a command string uses the shell's own syntax (pipes, redirections, lists,
    variables or command substitution), so it cannot be run as a plain argument list."""
    if "$" in command or "`" in command:
        return True
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        return any(token in _SHELL_OPERATORS for token in lexer)
    except ValueError as exc:
        raise LaunchError(f"cannot read the command {command!r}: {exc}") from None


def command_argv(command: str, argument: str | None = None) -> tuple[str, ...]:
    """The argument list for a command string; `argument` (a URL or a file) replaces each `%u`,
    or is added at the end when there is none. It is always exactly one argument."""
    if not command.strip():
        raise LaunchError("the command is empty")
    if needs_shell(command):
        script = command
        if argument is not None and PLACEHOLDER in command:
            for word in _shell_words(command):
                if PLACEHOLDER in word and any(char.isspace() for char in word):
                    raise _placeholder_in_a_command_line(word)
            script = _put_in_script(command, '"$1"')
        elif argument is not None:
            script = f'{command} "$1"'
        return ("/bin/sh", "-c", script, "newstui", *([argument] if argument is not None else []))
    try:
        words = shlex.split(command)
    except ValueError as exc:
        raise LaunchError(f"cannot read the command {command!r}: {exc}") from None
    if argument is None:
        return tuple(words)
    if any(PLACEHOLDER in word for word in words):
        return tuple(_put_in_word(word, argument) for word in words)
    return (*words, argument)


def _shell_words(command: str) -> list[str]:
    """The words of a shell command line, quotes removed (operators are words of their own)."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        return list(lexer)
    except ValueError as exc:
        raise LaunchError(f"cannot read the command {command!r}: {exc}") from None


def _placeholder_in_a_command_line(word: str) -> LaunchError:
    return LaunchError(
        f"cannot put the link into {word!r}: write %u as a word of its own there, not inside "
        "quotes with other text (a command line handed on to a shell takes %u only in a command "
        "without |, ;, > or $ of its own)"
    )


def _put_in_word(word: str, argument: str) -> str:
    """One word of the argument list with `argument` where `%u` stands: as it is in a word like
    `--new-tab=%u`; shell-quoted in a word that is itself a command line (it holds a space:
    `sh -c "w3m %u"`, `tmux new-window "w3m %u"`), which the program hands to a shell."""
    if PLACEHOLDER not in word:
        return word
    if not any(char.isspace() for char in word):
        return word.replace(PLACEHOLDER, argument)
    script = _put_in_script(word, shlex.quote(argument))
    try:
        whole = argument in shlex.split(script)
    except ValueError:
        whole = False
    if not whole:  # %u inside a longer quoted string there: no quoting of ours would hold
        raise _placeholder_in_a_command_line(word)
    return script


def _put_in_script(script: str, quoted: str) -> str:
    """A shell script with the already quoted `quoted` where `%u` stands, quotes the user put
    around it ("%u", '%u') replaced too: inside them the quoting would not hold."""
    for written in (f'"{PLACEHOLDER}"', f"'{PLACEHOLDER}'", PLACEHOLDER):
        script = script.replace(written, quoted)
    return script


def _first_word(command: str) -> str:
    try:
        words = shlex.split(command)
    except ValueError:
        words = command.split()
    return PurePath(words[0]).name if words else ""


def is_terminal_program(command: str) -> bool:
    """True when the command's program draws in the terminal (w3m, lynx, less, mpv…)."""
    return _first_word(command) in TERMINAL_PROGRAMS


def browser_launch(
    setting: str,
    env: Mapping[str, str],
    url: str,
    default: Callable[[], object] | None = None,
) -> Launch | None:
    """The browser for a URL: the `browser` setting, else $BROWSER (its first entry), else the
    one Python's webbrowser would use (`default`: webbrowser.get) when that is a console browser,
    else None (the caller hands the URL to webbrowser, which starts a desktop browser itself)."""
    command = setting.strip() or env.get("BROWSER", "").split(os.pathsep)[0].strip()
    if not command:
        if default is None:
            import webbrowser  # only here: ~1.5 ms of imports the app's start does not need

            default = webbrowser.get
        return console_browser_launch(default, url)
    return Launch(command_argv(command, url), terminal=is_terminal_program(command))


def console_browser_launch(default: Callable[[], object], url: str) -> Launch | None:
    """The terminal launch of webbrowser's choice when it is a console browser (on a box without
    a desktop it picks `www-browser`, w3m, lynx, links or elinks, and would run it in the
    background, drawing over the app): it must run in the foreground with the app suspended."""
    import webbrowser

    try:
        browser = default()
    except Exception:  # webbrowser.Error: none at all; the caller's fallback says so
        return None
    if isinstance(browser, webbrowser.BackgroundBrowser):  # a desktop program, on its own
        return None
    name = getattr(browser, "name", "")
    if not isinstance(name, str) or PurePath(name).name not in TERMINAL_PROGRAMS:
        return None
    args = (
        getattr(browser, "args", None) if isinstance(browser, webbrowser.GenericBrowser) else None
    )
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        args = ["%s"]  # Elinks and other UnixBrowser kinds: the program and the URL
    if not any("%s" in a for a in args):
        args = [*args, "%s"]
    return Launch((name, *(a.replace("%s", url) for a in args)), terminal=True)


def pager_launch(setting: str, env: Mapping[str, str], path: str) -> Launch:
    """The pager for a file: the `pager` setting, else $PAGER, else `less`."""
    command = setting.strip() or env.get("PAGER", "").strip() or "less"
    return Launch(command_argv(command, path), terminal=True)


FILE_PLACEHOLDER = "%f"
DEFAULT_PLAYERS = ("mpv", "xdg-open", "open")  # the first one installed plays when unset


def player_launch(setting: str, target: str, which: Callable[[str], str | None]) -> Launch:
    """The player for a downloaded file or an enclosure URL: the `player` setting (`%f` or `%u`
    stands for the file or URL, else it is added at the end), else the first of mpv, xdg-open,
    open that `which` finds."""
    command = setting.strip().replace(FILE_PLACEHOLDER, PLACEHOLDER)
    if not command:
        found = next((name for name in DEFAULT_PLAYERS if which(name)), None)
        if found is None:
            raise LaunchError('no player: set one in [settings], like player = "mpv %f"')
        command = found
    return Launch(
        command_argv(command, target), terminal=is_terminal_program(command), stderr_kept=True
    )


def pipe_launch(command: str) -> Launch:
    """A command the article text is piped to; its output stays until Enter is pressed."""
    return Launch(command_argv(command), terminal=True, wait_for_key=True)
