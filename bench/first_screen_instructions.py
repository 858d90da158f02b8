"""The app's start up to its first paint, headless, for counting instructions (valgrind).

    PYTHONHASHSEED=0 PYTHONPATH=src valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python bench/first_screen_instructions.py DB CONFIG

Does what `newstui --db DB --config CONFIG` does before its first screen (the CLI imported with
the collector off, the app imported and built, the config read, the first view read, laid out
and drawn) in a headless 120×40 app, then exits instead of starting the work deferred to after
the first paint. The tmux row of bench/ingest_vs_newsboat.py times the same start in wall
seconds, which move with the machine's load; valgrind's instruction count does not. Compile the
sources first (`python -m compileall -q src`): with PYTHONDONTWRITEBYTECODE set, uncompiled
modules are compiled at every run. The store of that row: its `--keep` folder's small.db and
small.toml. With `--at-paint` the process ends at the first paint (os._exit): the count leaves
out the app's exit and the interpreter's shutdown (~100M instructions), which no user waits for.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path


def main() -> int:
    """Start the app headless on DB and CONFIG and stop it at its first paint."""
    args = [a for a in sys.argv[1:] if a != "--at-paint"]
    at_paint = len(args) < len(sys.argv) - 1
    db, config_path = Path(args[0]), Path(args[1])
    gc.disable()  # as newstui.__main__ and cli.run do for the app
    import newstui.cli  # noqa: F401  (the command imports the CLI before the app)
    from newstui.config import load_config
    from newstui.tui.app import NewstuiApp
    from newstui.tui.screens.main import MainScreen

    def exit_at_first_paint(screen: MainScreen) -> None:
        if at_paint:
            os._exit(0)
        screen.app.exit(0)

    MainScreen._first_screen_done = exit_at_first_paint  # type: ignore[method-assign]
    app = NewstuiApp(db, load_config(config_path), ui_state=None)
    app.run(headless=True, size=(120, 40))
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
