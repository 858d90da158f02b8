"""`python -m newstui` and the `newstui` command: `--version` answers at once, anything else
runs the command line (imported only then)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Print the version without importing the CLI's libraries, else run the CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from newstui import __version__

        sys.stdout.write(f"newstui {__version__}\n")
        return 0
    from newstui.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
