"""model.folders: the one rule of what a folder (a tag path) holds, and how one folder's own "/"
is kept apart from nesting (user test r47 M1, M2, L1)."""

from __future__ import annotations

import pytest

from newstui.model.folders import (
    FOLDER_SLASH,
    folder_order,
    in_folder,
    one_folder_name,
    typed_folder,
)


@pytest.mark.parametrize(
    ("tag", "folder", "inside"),
    [
        ("News", "news", True),
        ("News/Europe", "News", True),
        ("News/Europe/Deep", "NEWS/europe", True),
        ("Ökonomie/Märkte", "ÖKONOMIE", True),
        ("Newsroom", "News", False),  # a name starting alike
        ("News", "News/Europe", False),  # a folder is not in its subfolder
        ("Misc / Other", "Misc", False),  # spaced: one folder's name
        (f"AC{FOLDER_SLASH}DC Fans", "AC", False),  # one folder's own slash
    ],
)
def test_a_folder_holds_its_own_tag_and_every_tag_under_it(tag, folder, inside):
    assert in_folder(tag, folder) is inside


def test_a_slash_in_one_folders_title_is_kept_apart_but_a_spaced_one_stays():
    assert one_folder_name("AC/DC Fans") == f"AC{FOLDER_SLASH}DC Fans"
    assert one_folder_name("Misc / Other") == "Misc / Other"  # read as one folder already


def test_a_folder_typed_with_a_slash_finds_the_one_folder_so_named():
    tags = [f"AC{FOLDER_SLASH}DC Fans", f"Music/AC{FOLDER_SLASH}DC Fans", "News/Europe"]
    assert typed_folder("AC/DC Fans", tags) == f"AC{FOLDER_SLASH}DC Fans"
    assert typed_folder("music/AC/DC fans", tags) == f"music/AC{FOLDER_SLASH}DC fans"
    assert typed_folder("News/Europe", tags) == "News/Europe"  # nesting, as held
    assert typed_folder("Sport/Daily", tags) == "Sport/Daily"  # none: as typed (then refused)


def test_subfolders_sort_right_after_their_folder():
    tags = ["Big Data", "Big/Sub10", "Big", "Big/Sub2", "Ärzte", "Zoo"]
    assert sorted(tags, key=folder_order) == [
        "Ärzte",
        "Big",
        "Big/Sub2",
        "Big/Sub10",
        "Big Data",
        "Zoo",
    ]
