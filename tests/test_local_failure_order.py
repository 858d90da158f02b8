"""A local source's failed import that began before another newstui stored a good import of it
is not stored over that success, as a feed's failed fetch is not (r37: only request failures
carried the time they began)."""

from __future__ import annotations

import sqlite3

from newstui.config import LocalConfig
from newstui.errors import SourceError
from newstui.ingest.local_import import import_local
from newstui.library import Library
from newstui.sources import files

LATER = "2999-01-01T00:00:00+00:00"  # (a success stored while this import read its files)


def test_a_local_import_failing_after_a_newer_good_import_leaves_that_success_standing(
    tmp_path, db_path, monkeypatch
):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "one.txt").write_text("One\n\nA note.\n", "utf-8")
    local = LocalConfig(folder, "Notes", ())

    def read_while_another_import_succeeds(path, *args, **kwargs):
        with sqlite3.connect(db_path) as other:  # another newstui's good import, stored now
            other.execute(
                "UPDATE feeds SET last_fetched = ?, last_error = NULL, failures = 0", [LATER]
            )
        raise SourceError(f"{path}: cannot read: the disk went away")

    with Library.open(db_path) as library:
        assert import_local(library, local, "none").error is None
        (folder / "one.txt").unlink()  # a failure begun after the last success is stored
        failed = import_local(library, local, "none")
        [row] = library.sources()
        assert row.last_error == failed.error and row.failures == 1

        (folder / "one.txt").write_text("One\n\nA note.\n", "utf-8")
        monkeypatch.setattr(files, "read_file_content", read_while_another_import_succeeds)
        outcome = import_local(library, local, "none")
        assert outcome.error and "the disk went away" in outcome.error  # said, as it happened
        [row] = library.sources()
        assert (row.last_error, row.failures, row.last_fetched) == (None, 0, LATER)
