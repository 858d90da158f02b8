"""The program and its workers end without the interpreter's last collection over what they hold,
and their output and exit status are as before."""

from __future__ import annotations

import subprocess
import sys

from newstui.library import Library

# Printed by an exit hook registered first, so run last: whether the collector's objects were
# frozen by then (the exit's collections skip frozen objects).
FROZEN_AT_EXIT = (
    "import atexit, gc\n"
    "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0, flush=True))\n"
)


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FROZEN_AT_EXIT + code], capture_output=True, text=True, timeout=120
    )


def test_the_program_freezes_what_it_holds_before_exiting_and_still_prints_and_exits_as_before(
    tmp_path,
):
    Library.open(tmp_path / "n.db").close()
    done = run(
        "import sys\n"
        "from newstui.__main__ import main\n"
        f"sys.argv = ['newstui', '--db', {str(tmp_path / 'n.db')!r}, 'list', '--json']\n"
        "sys.exit(main())\n"
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout == "[]\nfrozen at exit: True\n"


def test_a_command_called_in_process_leaves_the_collector_alone(tmp_path):
    Library.open(tmp_path / "n.db").close()
    # (tests and other callers pass their arguments: nothing of theirs is frozen)
    done = run(
        "import contextlib, io\n"
        "from newstui.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--db', {str(tmp_path / 'n.db')!r}, 'list', '--json'])\n"
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout == "frozen at exit: False\n"


def test_a_worker_freezes_what_it_holds_when_it_exits():
    done = run("from newstui.spawned import prepare_worker\nprepare_worker()\n")
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout == "frozen at exit: True\n"
