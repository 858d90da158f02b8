"""The palette's "Go to source" matches a folder's path by its steps: a space or a `/` typed is
any step (`#news euro`, `/europ`), a "/" inside one folder's name one too (user test r50
LOW-13); other names match as before."""

from __future__ import annotations

from textual.fuzzy import Matcher

from newstui.tui.source_palette import go_to_title, matched_offsets


def score(query: str, name: str) -> float:
    return matched_offsets(Matcher(query), go_to_title(name))[0]


def test_a_space_between_a_paths_words_matches_across_its_slash():
    assert score("#news euro", "#News/Europe") > 0
    assert score("news euro nord", "#News/Europe/Nordics") > 0
    assert score("#news euro", "#Sport/Football") == 0


def test_a_slash_finds_every_folder_with_a_part_starting_so():
    for folder in ("#Europe", "#News/Europe", "#News\u2215Europe", "#News/Europe/Nordics"):
        assert score("/europ", folder) > 0, folder
    assert score("/europ", "#Culture") == 0
    assert score("/europ", "Europe Wire") == 0  # a feed's name has no step


def test_the_matched_letters_are_the_titles_own():
    title = go_to_title("#News\u2215Europe")
    offsets = matched_offsets(Matcher("/europ"), title)[1]
    assert "".join(title[at] for at in offsets) == "\u2215Europ"


def test_a_feeds_name_is_matched_as_before():
    assert score("lodz", "Łódź Daily") > 0
    assert score("ai wire", "AI Wire 5") > 0
    assert score("c# weekly", "C# Weekly") > 0
