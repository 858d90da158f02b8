"""Links carry their [n] marker in the article text (`show`, the reader); stored offsets of
quotes, mentions and links keep pointing at their words."""

from __future__ import annotations

import json

from newstui.cli.main import main
from newstui.config import LocalConfig
from newstui.ingest.local_import import import_local
from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.model import Analysis, Entity, Link, Mention, Quote
from newstui.render import highlighted_body, link_target

TEXT = "Officials said “the bridge is safe,” the mayor told reporters. See the report for details."


def analysis() -> Analysis:
    start = TEXT.index("the bridge")
    quote = Quote("the bridge is safe,", start, start + len("the bridge is safe,"), "Ana Lima")
    report = TEXT.index("report")
    return Analysis((Entity("report", "ORG", (Mention(report, report + 6, "report"),)),), (quote,))


def test_each_link_is_numbered_after_its_words_in_list_order():
    links = (
        Link("the report", "https://e.example/r", offset=TEXT.index(" for details")),
        Link("officials", "https://e.example/o", offset=len("Officials")),
    )
    out = highlighted_body(TEXT, analysis(), links=links, speakers=False).plain
    assert out == (
        "Officials[2] said “the bridge is safe,” the mayor told reporters. "
        "See the report[1] for details."
    )


def test_markers_and_speaker_tags_leave_quote_and_entity_styles_on_their_words():
    links = (Link("reporters", "https://e.example/r", offset=TEXT.index(". See")),)
    body = highlighted_body(TEXT, analysis(), links=links)
    assert body.plain.startswith(
        "Officials said “the bridge is safe,” the mayor told reporters[1]. [—Ana Lima] See"
    )
    styled = {body.plain[s.start : s.end] for s in body.spans}
    assert "report" in styled  # the entity's mention, after the inserted marker and tag
    assert "“the bridge is safe,”" in styled  # the quote, with its marks
    assert "[1]" in styled and " [—Ana Lima]" in styled


def test_an_image_starting_the_text_has_its_own_line_and_links_without_a_place_no_marker():
    links = (
        Link("", "https://e.example/i.png", "image", offset=0),
        Link("gone", "https://e.example/g"),  # stored before links kept their place
        Link("far", "https://e.example/f", offset=len(TEXT) + 5),  # not in this text
    )
    out = highlighted_body(TEXT, Analysis((), ()), links=links).plain
    assert out == "[image 1]\n" + TEXT


def test_an_image_says_its_alt_text_where_it_stands():
    text = "Scores:\n\nBob | 7\n\nCaption text.\u2028Line after.\n\nNext with here."
    links = (
        Link("A chart of scores", "https://e.example/c.png", "image", offset=text.index("Cap")),
        Link("", "https://e.example/a.png", "image", offset=text.index("\nNext")),  # alone
        Link("a smile", "https://e.example/s.png", "image", offset=text.index(" here")),
        Link("x" * 300, "https://e.example/l.png", "image", offset=len(text)),
    )
    body = highlighted_body(text, Analysis((), ()), links=links)
    assert body.plain == (
        "Scores:\n\nBob | 7\n\n[image 1: A chart of scores]\nCaption text.\nLine after.\n\n"
        f"[image 2]\n\nNext with [image 3: a smile] here.\n\n[image 4: {'x' * 99}…]"
    )  # (an image ending the last paragraph: under it, as one in a <p> of its own)
    clicked = {body.plain[s.start : s.end] for s in body.spans if s.style == link_target(1)}
    assert clicked == {"[image 1: A chart of scores]"}  # (the marker opens the image)


def test_control_sequences_before_a_link_do_not_move_its_marker():
    text = "Alarm\x1b]0;evil\x07 raised at the dam. More news."
    links = (Link("the dam", "https://e.example/d", offset=text.index(". More")),)
    assert highlighted_body(text, Analysis((), ()), links=links).plain == (
        "Alarm raised at the dam[1]. More news."
    )


def test_show_marks_the_links_that_its_link_list_numbers(tmp_path, capsys):
    page = tmp_path / "flood.html"
    page.write_text(
        "<html><head><title>Flood warning</title></head><body>"
        '<p>The <a href="https://e.example/agency">agency</a> said “move now,” its chief said.'
        ' <img src="https://e.example/map.png" alt="map"></p>'
        '<p>Read <a href="https://e.example/plan">the plan</a>.</p></body></html>',
        "utf-8",
    )
    db = tmp_path / "x.db"
    with Library.open(db) as library:
        import_local(library, LocalConfig(page, "Desk", ()))
        analyse_pending(library)
        [row] = library.articles()
        stored = library.article(row.id)
        assert stored is not None
        text = stored.text
    assert main(["--db", str(db), "show", str(row.id)]) == 0
    out = capsys.readouterr().out
    assert "The agency[1] said" in out
    # (an image ending a paragraph: under it, after the speaker's tag, user test r50 LOW-7)
    assert "its chief said. [—unknown speaker]\n\n[image 2: map]\n" in out
    assert "Read the plan[3]." in out
    assert "[1] agency https://e.example/agency" in out
    assert "[2] [image] map https://e.example/map.png" in out
    assert "[3] the plan https://e.example/plan" in out
    assert main(["--db", str(db), "show", str(row.id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == text and "[1]" not in data["text"]  # the stored text has no markers
    assert [text[: link["offset"]][-8:] for link in data["links"]] == [
        "e agency",
        "ef said.",
        "the plan",
    ]
