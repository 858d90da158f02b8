"""model.folders: the one rule of what a folder (a tag path) holds, how one folder's own "/"
is kept apart from nesting (user test r47 M1, M2, L1), and which folders a typed name means
(a "/" for U+2215, accents off: round 48's open items)."""

from __future__ import annotations

import pytest

from newstui.model.folders import (
    FOLDER_SLASH,
    folder_order,
    folder_readings,
    in_folder,
    meant_folders,
    one_folder_name,
)
from newstui.model.names import name_key
from newstui.store.search_fold import name_fold


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
    assert meant_folders("AC/DC Fans", tags, name_fold) == [f"AC{FOLDER_SLASH}DC Fans"]
    assert meant_folders("music/AC/DC fans", tags, name_fold) == [
        f"Music/AC{FOLDER_SLASH}DC Fans"  # as the tags spell it
    ]
    assert meant_folders("News/Europe", tags, name_fold) == ["News/Europe"]  # nesting, as held
    assert meant_folders("news", tags, name_fold) == ["News"]  # a folder holding only folders
    assert meant_folders("Sport/Daily", tags, name_fold) == []  # none


def test_a_slash_typed_is_nesting_first_when_both_folders_are_there():
    tags = ["AC/DC Fans", f"AC{FOLDER_SLASH}DC Fans"]
    assert meant_folders("ac/dc fans", tags, name_fold) == ["AC/DC Fans"]
    assert meant_folders(f"ac{FOLDER_SLASH}dc fans", tags, name_fold) == [
        f"AC{FOLDER_SLASH}DC Fans"
    ]
    assert folder_readings("a/b/c") == [
        "a/b/c",
        f"a{FOLDER_SLASH}b/c",
        f"a/b{FOLDER_SLASH}c",
        f"a{FOLDER_SLASH}b{FOLDER_SLASH}c",
    ]


def test_a_folder_typed_without_its_accents_or_letters_finds_it_folded():
    tags = ["München/Schwabing", "Łódź", "Ærø", "Cafés/Paris", f"Rock{FOLDER_SLASH}Pop"]
    assert meant_folders("munchen", tags, name_fold) == ["München"]
    assert meant_folders("MUNCHEN/schwabing", tags, name_fold) == ["München/Schwabing"]
    assert meant_folders("lodz", tags, name_fold) == ["Łódź"]
    assert meant_folders("aero", tags, name_fold) == ["Ærø"]
    assert meant_folders("cafes", tags, name_fold) == ["Cafés"]
    assert meant_folders("rock/pöp", tags, name_fold) == [f"Rock{FOLDER_SLASH}Pop"]
    assert meant_folders("munich", tags, name_fold) == []  # folded, not translated


def test_an_exact_name_wins_over_folded_ones_and_folded_alone_takes_every_one():
    tags = ["Munchen", "München", "MÜNCHEN/Mitte"]
    assert meant_folders("munchen", tags, name_fold) == ["Munchen"]
    assert meant_folders("MÜNCHEN", tags, name_fold) == ["München"]  # any case is exact
    assert meant_folders("münchën", tags, name_fold) == ["Munchen", "München"]
    # with no fold but case, only the exact names are found
    assert meant_folders("munchën", tags, name_key) == []


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


def test_the_folder_slash_and_its_way_back_are_spelt_in_model_folders_only() -> None:
    """Review r50 (twins): the Ctrl-P palette and the sync wrote U+2215 themselves, and four
    modules wrote it back as "/" each its own way: one owner, model.folders (FOLDER_SLASH,
    one_folder_name, slashes_typed). Docstrings and comments may show it."""
    import ast
    from pathlib import Path

    import newstui

    root = Path(newstui.__file__).parent
    spelt: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] == "nlp" or path.name == "folders.py":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and FOLDER_SLASH in node.value
                and id(node) not in docstrings
            ):
                spelt.append(f"{path.relative_to(root)}:{node.lineno}")
    assert spelt == []


def test_a_folders_own_slash_is_typed_back_one_character_for_one() -> None:
    from newstui.model.folders import server_label, slashes_typed

    tag = one_folder_name("Music/AC/DC Fans")
    assert (slashes_typed(tag), len(slashes_typed(tag))) == ("Music/AC/DC Fans", len(tag))
    assert server_label(tag) == slashes_typed(tag)
