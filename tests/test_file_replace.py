"""replace_file_text: feeds.toml, an export and the sync token cache are replaced whole, never
half-written, their permissions as each asks, a symbolic link kept one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newstui.file_replace import replace_file_text


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_text_replaces_the_file_and_its_permissions_stay(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text("old\n", "utf-8")
    path.chmod(0o640)

    replace_file_text(path, "new ☃\n")

    assert path.read_text("utf-8") == "new ☃\n"
    assert mode_of(path) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["feeds.toml"]  # no temporary file left


def test_a_new_file_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"

    replace_file_text(path, "text\n")

    assert (path.read_text("utf-8"), mode_of(path)) == ("text\n", 0o600)


def test_a_mode_given_is_the_files_whatever_it_had(tmp_path: Path) -> None:
    path = tmp_path / "n.db.sync-auth"
    path.write_text("{}", "utf-8")
    path.chmod(0o644)

    replace_file_text(path, '{"k": "token"}', mode=0o600)

    assert mode_of(path) == 0o600


@pytest.mark.parametrize(("had", "made"), [(0o644, 0o600), (0o755, 0o700), (0o600, 0o600)])
def test_owner_only_takes_the_group_and_others_off_the_files_own(
    tmp_path: Path, had: int, made: int
) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text("old\n", "utf-8")
    path.chmod(had)

    replace_file_text(path, "password = 'p'\n", owner_only=True)

    assert mode_of(path) == made


def test_a_symbolic_link_stays_one_and_its_target_is_written(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "feeds.toml"
    real.write_text("old\n", "utf-8")
    real.chmod(0o640)
    link = tmp_path / "feeds.toml"
    link.symlink_to(real)

    replace_file_text(link, "new\n")

    assert link.is_symlink() and real.read_text("utf-8") == "new\n"
    assert mode_of(real) == 0o640
    assert [p.name for p in dotfiles.iterdir()] == ["feeds.toml"]


def test_a_failed_write_leaves_the_file_as_it_was_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "feeds.opml"
    path.write_text("<opml>mine</opml>\n", "utf-8")
    path.chmod(0o640)
    stale = tmp_path / "feeds.opml.tmp"  # (a fixed name another writer may use: left alone)
    stale.write_text("stale", "utf-8")
    held: list[tuple[str, int]] = []

    def full_disk(src: str, dst: str) -> None:
        held.append((Path(src).read_text("utf-8"), mode_of(Path(src))))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space left on device"):
        replace_file_text(path, "<opml>new</opml>\n")

    assert held == [("<opml>new</opml>\n", 0o640)]  # whole, and the file's own mode
    assert path.read_text("utf-8") == "<opml>mine</opml>\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.opml", "feeds.opml.tmp"]
    assert stale.read_text("utf-8") == "stale"


def test_a_folder_that_cannot_be_written_is_an_oserror_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "feeds.toml"

    with pytest.raises(FileNotFoundError):
        replace_file_text(path, "text\n")

    assert not (tmp_path / "no").exists()
