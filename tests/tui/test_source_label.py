"""Sources-pane entries: one line at any width, the count always whole and on the right."""

from rich.text import Text

from newstui.tui.widgets.source_label import SourceLabel


def test_the_unread_count_is_aligned_right():
    assert SourceLabel(Text("Wire"), 1234).line(14).plain == "Wire     1,234"


def test_a_long_name_is_shortened_and_the_count_kept():
    line = SourceLabel(Text("Politics and Government Wire"), 7).line(20).plain
    assert len(line) == 20 and line.endswith(" 7") and "…" in line
    assert line.startswith("Politics")


def test_a_url_name_too_wide_drops_its_scheme_and_user_before_it_is_cut():
    label = SourceLabel(Text("https://me:***@example.org/feeds/world.xml"), 7)
    assert label.line(30).plain == "example.org/feeds/world.xml  7"
    assert label.line(20).plain == "example.…orld.xml  7"
    assert label.line(60).plain.startswith("https://me:***@example.org/feeds/world.xml ")


def test_a_note_goes_before_the_name_is_cut_and_the_mark_stays():
    label = SourceLabel(
        Text("http://me:***@127.0.0.1:8080/private-feed.xml"),
        0,
        mark=Text("! "),
        note=Text(" · next 18:03"),
    )
    assert label.line(70).plain.rstrip() == (
        "! http://me:***@127.0.0.1:8080/private-feed.xml · next 18:03"
    )
    assert (
        label.line(28).plain == "! 127.0.0.1:808…ate-feed.xml"
    )  # was "! http://me:**… · next 18:03"
    assert (
        SourceLabel(Text("Broken Feed"), 3, mark=Text("! "), note=Text(" · next 18:03"))
        .line(29)
        .plain
        == "! Broken Feed · next 18:03  3"
    )


def test_no_count_when_everything_is_read():
    assert SourceLabel(Text("Wire"), 0).line(8).plain == "Wire    "


def test_an_entry_is_one_line_whatever_the_width():
    label = SourceLabel(Text("A name much longer than the pane is wide"), 3)
    assert {label.get_height({}, width) for width in (1, 10, 80)} == {1}


def test_a_name_that_fills_its_room_stays_two_cells_from_its_count():
    label = SourceLabel(Text("#News/Europe/Nordics/Norway"), 2)
    assert label.line(30).plain == "#News/Europe/Nordics/Norway  2"
    assert label.line(29).plain == "#News/Europe/Nordics/Norw…  2"
