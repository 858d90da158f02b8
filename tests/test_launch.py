"""External commands: the URL is one argument, a shell only when the command string uses one."""

from __future__ import annotations

import subprocess

import pytest

from newstui.launch import (
    Launch,
    LaunchError,
    browser_launch,
    command_argv,
    needs_shell,
    pager_launch,
    pipe_launch,
)

HOSTILE_URL = "https://x.example/a?b=1&c=$(touch /tmp/pwned);rm -rf ~ `id` 'q' \"d\""


def test_the_url_replaces_the_placeholder_as_one_argument():
    assert command_argv("w3m %u", HOSTILE_URL) == ("w3m", HOSTILE_URL)
    assert command_argv("lynx -accept_all_cookies", HOSTILE_URL) == (
        "lynx",
        "-accept_all_cookies",
        HOSTILE_URL,
    )
    assert command_argv("'my browser' --new-tab=%u", "https://a.example/") == (
        "my browser",
        "--new-tab=https://a.example/",
    )


def test_a_command_using_the_shell_gets_the_url_as_a_positional_parameter():
    argv = command_argv("w3m %u 2>/dev/null | cat", HOSTILE_URL)
    assert argv[:2] == ("/bin/sh", "-c")
    assert argv[2] == 'w3m "$1" 2>/dev/null | cat'
    assert argv[3:] == ("newstui", HOSTILE_URL)
    assert HOSTILE_URL not in argv[2]


def test_a_hostile_url_is_never_run_by_the_shell(tmp_path):
    marker = tmp_path / "pwned"
    url = f"https://x.example/$(touch {marker})`touch {marker}`;touch {marker}"
    for command in ("echo %u", "echo %u | cat", "printf '%s\\n' $0 %u > /dev/null"):
        out = subprocess.run(command_argv(command, url), capture_output=True, text=True)
        assert out.returncode == 0
        assert not marker.exists()
    assert (
        subprocess.run(command_argv("echo %u | cat", url), capture_output=True, text=True).stdout
        == url + "\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        'sh -c "echo %u"',  # a command line handed to another program's shell
        "bash -c 'echo %u'",
        'sh -c "echo \\"%u\\""',
        'echo "%u" | cat',  # the shell's own command line, the placeholder quoted
        "echo '%u' | cat",
    ],
)
def test_a_hostile_url_is_never_run_by_a_shell_a_command_hands_it_to(tmp_path, command):
    marker = tmp_path / "pwned"
    url = f"https://x.example/$(touch {marker})`touch {marker}`;touch {marker}&a=*'\""

    out = subprocess.run(command_argv(command, url), capture_output=True, text=True, cwd=tmp_path)

    assert not marker.exists()
    assert out.stdout == url + "\n", out.stderr


@pytest.mark.parametrize(
    "command",
    [  # a nested command line in a command with shell syntax of its own (review r11, 1)
        'tmux new-window "w3m %u" 2>/dev/null',
        'sh -c "echo %u" 2>/dev/null',
        "sh -c \"echo '%u'\" | cat",
        "sh -c 'echo \"link: %u\"' | cat",
        'echo "link: %u" | cat',
    ],
)
def test_a_hostile_url_never_reaches_a_nested_shell_through_shell_syntax(tmp_path, command):
    marker = tmp_path / "pwned"
    url = f"https://example.org/a;touch${{IFS}}{marker}"
    with pytest.raises(LaunchError, match="write %u as a word of its own"):
        subprocess.run(command_argv(command, url), capture_output=True, cwd=tmp_path)
    assert not marker.exists()


@pytest.mark.parametrize("command", ["sh -c 'echo \"link: %u\"'", "tmux new-window 'w3m \"%u \"'"])
def test_a_placeholder_quoted_with_other_text_in_a_command_line_is_refused(command):
    with pytest.raises(LaunchError, match="write %u as a word of its own"):
        command_argv(command, "https://a.example/")


def test_a_placeholder_inside_an_option_stays_the_url_itself():
    url = "https://a.example/?a=1&b=2"
    assert command_argv("firefox --new-tab=%u", url) == ("firefox", f"--new-tab={url}")


@pytest.mark.parametrize(
    ("command", "shell"),
    [
        ("w3m %u", False),
        ("less -R", False),
        ("grep x | wc -l", True),
        ("a && b", True),
        ("cat > out.txt", True),
        ("echo $HOME", True),
        ("say 'a|b'", False),
    ],
)
def test_shell_syntax_is_recognised(command, shell):
    assert needs_shell(command) is shell


def test_a_broken_command_string_is_one_clear_error():
    with pytest.raises(LaunchError, match="No closing quotation"):
        command_argv("w3m 'oops", "https://a.example/")
    with pytest.raises(LaunchError, match="empty"):
        command_argv("  ", "https://a.example/")


def test_the_browser_comes_from_the_setting_then_BROWSER_then_the_desktop():
    url = "https://a.example/"
    assert browser_launch("w3m %u", {"BROWSER": "firefox"}, url).argv == ("w3m", url)
    assert browser_launch("w3m %u", {}, url).terminal
    from_env = browser_launch("", {"BROWSER": "lynx:firefox"}, url)
    assert from_env.argv == ("lynx", url) and from_env.terminal
    gui = browser_launch("firefox --new-tab %u", {}, url)
    assert not gui.terminal
    assert browser_launch("", {}, url) is None


def test_the_pager_comes_from_the_setting_then_PAGER_then_less():
    assert pager_launch("most", {"PAGER": "more"}, "/tmp/a.txt").argv == ("most", "/tmp/a.txt")
    assert pager_launch("", {"PAGER": "less -R"}, "/tmp/a.txt").argv == ("less", "-R", "/tmp/a.txt")
    assert pager_launch("", {}, "/tmp/a.txt").argv == ("less", "/tmp/a.txt")


def test_a_pipe_command_waits_for_a_key_so_its_output_can_be_read():
    launch = pipe_launch("wc -w")
    assert launch.argv == ("wc", "-w") and launch.terminal and launch.wait_for_key
    assert pipe_launch("grep -i aleppo | wc -l").name == "grep"


def test_the_player_gets_the_file_as_one_argument_where_f_stands():
    from newstui.launch import player_launch

    launch = player_launch("mpv --no-video %f", "/tmp/Episode 1; rm -rf ~.mp3", lambda n: None)
    assert launch.argv == ("mpv", "--no-video", "/tmp/Episode 1; rm -rf ~.mp3")
    assert launch.terminal


def test_without_a_player_setting_mpv_then_the_desktop_opener_is_used():
    from newstui.launch import LaunchError, player_launch

    only_xdg = {"xdg-open": "/usr/bin/xdg-open"}.get
    launch = player_launch("", "http://x.test/e.mp3", only_xdg)
    assert launch.argv == ("xdg-open", "http://x.test/e.mp3") and not launch.terminal
    assert player_launch("", "f.mp3", {"mpv": "/usr/bin/mpv"}.get).argv == ("mpv", "f.mp3")
    with pytest.raises(LaunchError, match='player = "mpv %f"'):
        player_launch(" ", "f.mp3", lambda name: None)


def test_a_console_browser_webbrowser_would_pick_runs_in_the_terminal():
    import webbrowser

    url = "https://a.example/?q=%s"
    www = browser_launch("", {}, url, default=lambda: webbrowser.GenericBrowser("www-browser"))
    assert www == Launch(("www-browser", url), terminal=True)
    w3m = webbrowser.GenericBrowser(["/usr/bin/w3m", "-T", "text/html", "%s"])
    assert browser_launch("", {}, url, default=lambda: w3m).argv == (
        "/usr/bin/w3m",
        "-T",
        "text/html",
        url,
    )
    elinks = browser_launch("", {}, url, default=lambda: webbrowser.Elinks("elinks"))
    assert elinks == Launch(("elinks", url), terminal=True)
    # A desktop browser (started in the background by webbrowser itself), or none at all: None.
    firefox = webbrowser.BackgroundBrowser("firefox")
    assert browser_launch("", {}, url, default=lambda: firefox) is None
    gui = webbrowser.GenericBrowser("my-gui-browser")
    assert browser_launch("", {}, url, default=lambda: gui) is None

    def none() -> object:
        raise webbrowser.Error("could not locate runnable browser")

    assert browser_launch("", {}, url, default=none) is None
    # The setting and $BROWSER still come first.
    assert browser_launch("", {"BROWSER": "firefox"}, url, default=lambda: w3m).argv[0] == (
        "firefox"
    )
