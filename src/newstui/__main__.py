"""`python -m newstui` and the `newstui` command: `--version` answers at once, anything else
runs the command line (imported only then)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Print the version without importing the CLI's libraries, else run the CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from newstui import __version__, nlp_build

        sys.stdout.write(f"newstui {__version__} (nlp: {nlp_build()})\n")
        return 0
    import gc

    from newstui.malloc_arenas import limit_malloc_arenas

    limit_malloc_arenas()  # before any thread: see there (user test r47 H1)
    # Loading the CLI's modules makes only objects that live as long as the process (modules,
    # classes): no garbage for the collector to find while they load, so it is off meanwhile
    # (the app keeps it off until its first screen: see newstui.tui.collector).
    collecting = gc.isenabled()
    gc.disable()
    try:
        from newstui.cli.main import main as cli_main
    finally:
        if collecting:
            gc.enable()
    status = cli_main(args)
    if argv is None:
        # Run as the program, which ends now: what is left lives until the exit, where the
        # interpreter's last collection would examine it all to free it (~20 ms of CPU after
        # a fetch). Frozen, it is skipped and freed by reference counting alone (see
        # newstui.spawned.freeze_at_exit).
        gc.freeze()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
