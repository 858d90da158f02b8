"""Worker processes never outlive newstui: `kill -9`, SIGTERM or SIGHUP during parsing or analysis
(in `fetch`, `import` and the app) leaves no worker running, and SIGTERM/SIGHUP exit cleanly."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.model import Article

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc (Linux)"
)

# The pools are used only on machines with more than one core, and a fetch leaves one core to
# itself: pretend to have three, so that both commands start (at least) two workers.
RUN_CLI = (
    "import os, sys; os.cpu_count = lambda: 3; from newstui.cli.main import main; "
    "sys.exit(main(sys.argv[1:]))"
)
GONE_WITHIN = 5.0  # seconds the workers may take to notice that newstui is gone

SENTENCES = [
    '"We will rebuild the harbour wall before the winter," said Mayor Anna Berg on Tuesday.',
    "The council of Harbourtown met with engineers from the Northern Port Authority.",
    'Fishing crews told the Coast Gazette: "Another season without repairs would ruin us."',
    "According to Lars Olsen, the regional government in Bergen will pay half the cost.",
    "Work could begin in the spring, when the ministry releases the money it promised.",
]


def article_text(n: int) -> str:
    return "\n\n".join(" ".join(SENTENCES[(n + i) % 5] for i in range(6)) for _ in range(6))


def processes() -> dict[int, tuple[int, str]]:
    """Every live process: pid → (parent pid, state). Zombies count as gone."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z":
            found[int(entry.name)] = (int(fields[1]), fields[0])
    return found


def descendants(pid: int) -> set[int]:
    table = processes()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, (parent, _) in table.items() if parent in frontier} - found
        found |= frontier
    return found


def workers_of(pid: int) -> set[int]:
    """The spawned worker processes (multiprocessing's spawn_main) below a process."""
    found = set()
    for child in descendants(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.add(child)
    return found


def wait_for_workers(child: subprocess.Popen[bytes], count: int = 2) -> set[int]:
    """Wait until the child has started `count` workers (and they are busy); returns all its
    descendants (workers and multiprocessing's resource tracker)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert child.poll() is None, "newstui ended before it started its workers"
        if len(workers_of(child.pid)) >= count:
            time.sleep(1.0)  # let them get well into their first tasks
            assert child.poll() is None, "newstui ended while its workers started"
            return descendants(child.pid)
        time.sleep(0.05)
    raise AssertionError("newstui never started worker processes")


def assert_gone(pids: set[int]) -> None:
    deadline = time.monotonic() + GONE_WITHIN
    while time.monotonic() < deadline:
        left = pids & set(processes())
        if not left:
            return
        time.sleep(0.05)
    raise AssertionError(f"still running {GONE_WITHIN} s after newstui went: {sorted(left)}")


def assert_database_whole(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """3,000 text files: importing them analyses in worker processes for several seconds."""
    clips = tmp_path / "clips"
    clips.mkdir()
    for n in range(3000):
        (clips / f"{n:04}.txt").write_text(f"Harbour story {n}\n\n{article_text(n)}\n", "utf-8")
    return clips


@pytest.fixture
def feeds_config(feed_server, config_file) -> Path:
    """Twelve feeds of 400 entries: parsed in worker processes, then analysed there."""
    for f in range(12):
        items = "".join(
            f"<item><title>Feed {f} story {i}</title><guid>{f}-{i}</guid>"
            f"<description>{article_text(i)}</description></item>"
            for i in range(400)
        )
        feed_server.route(
            f"/f{f}",
            body=f"<rss version='2.0'><channel><title>F{f}</title>{items}</channel></rss>".encode(),
            headers={"Content-Type": "application/rss+xml"},
        )
    return config_file({f"Feed {f}": f"/f{f}" for f in range(12)})


def start(db_path: Path, config: Path, *args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", RUN_CLI, "--db", str(db_path), "--config", str(config), *args]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def command_for(kind: str, folder_or_config: Path, config: Path) -> tuple[Path, list[str]]:
    if kind == "import":
        return config, ["import", str(folder_or_config)]
    return folder_or_config, ["fetch"]


@pytest.fixture
def run_command(request, tmp_path, db_path):
    """Start `newstui import FOLDER` or `newstui fetch` (12 feeds) in a child process; a child
    still running when the test ends (it failed) is killed, with its workers."""
    empty = tmp_path / "empty.toml"
    empty.write_text("[settings]\nfulltext = false\n", "utf-8")
    children: list[subprocess.Popen[bytes]] = []

    def run(kind: str) -> subprocess.Popen[bytes]:
        if kind == "import":
            child = start(db_path, empty, "import", str(request.getfixturevalue("folder")))
        else:
            child = start(db_path, request.getfixturevalue("feeds_config"), "fetch")
        children.append(child)
        return child

    yield run
    for child in children:
        if child.poll() is None:
            child.kill()
            child.wait()


@pytest.mark.parametrize("kind", ["import", "fetch"])
def test_workers_exit_when_newstui_is_killed_with_sigkill(run_command, kind, db_path):
    child = run_command(kind)
    family = wait_for_workers(child)

    child.kill()
    child.wait(timeout=10)

    assert_gone(family)
    assert_database_whole(db_path)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("kind", ["import", "fetch"])
def test_sigterm_and_sighup_stop_newstui_cleanly_with_its_workers(
    run_command, kind, signum, db_path
):
    child = run_command(kind)
    family = wait_for_workers(child)

    child.send_signal(signum)
    _, err = child.communicate(timeout=20)

    name = signal.Signals(signum).name
    assert child.returncode == 128 + signum, err
    assert err.decode().strip().splitlines()[-1] == (
        f"newstui: stopped by {name}; what was stored is kept"
    ), err.decode()
    assert b"Traceback" not in err, err.decode()
    assert_gone(family)
    assert_database_whole(db_path)


# -- the app ----------------------------------------------------------------------------------


@pytest.fixture
def stale_db(db_path: Path) -> Path:
    """A database of 3,000 articles no extractor has seen: the app analyses them when it opens."""
    with Library.open(db_path) as library:
        source = library.register_source("local:/clips", "Clips", kind="local")
        library.save_batch(source, [Article(f"Story {n}", article_text(n)) for n in range(3000)])
    return db_path


class Terminal:
    """The app in a pseudo-terminal of 100×30, its output collected by a thread."""

    def __init__(self, db_path: Path, config: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.master = master
        self.output = bytearray()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        command = [sys.executable, "-c", RUN_CLI, "--db", str(db_path), "--config", str(config)]
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_app_quits_on_sigterm_and_sighup_restoring_the_terminal_and_stopping_workers(
    stale_db, tmp_path, signum
):
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\n", "utf-8")
    terminal = Terminal(stale_db, config)
    try:
        family = wait_for_workers(terminal.process)  # the start-up analysis runs in workers

        terminal.process.send_signal(signum)
        terminal.process.wait(timeout=20)

        assert terminal.process.returncode == 128 + signum
        assert_gone(family)
        time.sleep(0.2)
        assert b"\x1b[?1049l" in terminal.output  # the alternate screen was left
        assert b"Traceback" not in terminal.output
    finally:
        terminal.close()


def test_the_app_killed_with_sigkill_leaves_no_worker(stale_db, tmp_path):
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\n", "utf-8")
    terminal = Terminal(stale_db, config)
    try:
        family = wait_for_workers(terminal.process)

        terminal.process.kill()
        terminal.process.wait(timeout=10)

        assert_gone(family)
    finally:
        terminal.close()
