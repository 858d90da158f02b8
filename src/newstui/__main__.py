"""`python -m newstui` runs the command line."""

from newstui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
