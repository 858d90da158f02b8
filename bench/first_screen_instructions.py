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

`--stop-at STAGE` ends the process (os._exit) after one stage of the start instead, so that
counts taken one after the other give the split: `interpreter` (this script's first line:
Python's own start), `cli` (newstui.cli.main imported), `imports` (the app's modules: Textual and
newstui.tui), `config` (the config read), `app` (the app object built: Textual's App, the store
opened, the main screen's widgets made); `--at-paint` is the last stage. For comparison,
`--bare` runs a Textual app of one Static line to its first paint (what any Textual app pays).
"""

from __future__ import annotations

import gc
import os
import sys

STAGES = ("interpreter", "cli", "imports", "config", "app")


def main() -> int:
    """Start the app headless on DB and CONFIG and stop it at its first paint (or a stage)."""
    args = sys.argv[1:]
    stop_at = ""
    if "--stop-at" in args:
        where = args.index("--stop-at")
        stop_at = args[where + 1]
        del args[where : where + 2]
        if stop_at not in STAGES:
            sys.exit(f"--stop-at: one of {', '.join(STAGES)}")
    stage = iter(STAGES)

    def reached() -> None:
        if next(stage) == stop_at:
            os._exit(0)

    reached()  # interpreter
    if "--bare" in args:
        return bare_app()
    from pathlib import Path  # (after the interpreter's stage: Textual imports it anyway)

    at_paint = "--at-paint" in args
    args = [a for a in args if a != "--at-paint"]
    db, config_path = Path(args[0]), Path(args[1])
    gc.disable()  # as newstui.__main__ and cli.run do for the app
    import newstui.cli.main  # noqa: F401  (the command imports the CLI before the app)

    reached()  # cli
    from newstui.config import load_config
    from newstui.tui.app import NewstuiApp
    from newstui.tui.screens.main import MainScreen

    reached()  # imports
    config = load_config(config_path)
    reached()  # config

    def exit_at_first_paint(screen: MainScreen) -> None:
        if at_paint:
            os._exit(0)
        screen.app.exit(0)

    MainScreen._first_screen_done = exit_at_first_paint  # type: ignore[method-assign]
    app = NewstuiApp(db, config, ui_state=None)
    reached()  # app
    app.run(headless=True, size=(120, 40))
    return app.return_code or 0


def bare_app() -> int:
    """A Textual app of one line, headless, ended at its first paint: the floor under the app."""
    gc.disable()
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Story 1-1: a headline")

        def on_mount(self) -> None:
            self.call_after_refresh(os._exit, 0)

    Bare().run(headless=True, size=(120, 40))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
