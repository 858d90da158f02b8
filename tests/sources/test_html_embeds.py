"""An embedded video, audio player or page in a feed's HTML: a paragraph of its own naming it
(`▶ Video: its title`) with its address listed as a link, where it was left out (an <iframe>)
or left as its fallback words ("Your browser does not support video")."""

from __future__ import annotations

from newstui.model import Analysis
from newstui.render import highlighted_body
from newstui.sources.html import html_to_text

BASE = "https://news.example/2026/12/post"
YOUTUBE = (
    '<p>The council met.</p><figure><iframe title="Council meeting, December 1" width="500"'
    ' src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe></figure>'
    "<p>Next item.</p>"
)


def test_an_iframe_video_is_a_line_naming_it_with_its_page_listed():
    text, links = html_to_text(YOUTUBE, BASE)
    assert text == "The council met.\n\n▶ Video: Council meeting, December 1\n\nNext item."
    [link] = links
    assert (link.text, link.url, link.kind) == (
        "Video: Council meeting, December 1",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",  # (its page, not the bare player)
        "link",
    )
    assert link.offset == text.index("\n\nNext")  # (its number after the line's words)
    drawn = highlighted_body(text, Analysis((), ()), links=links).plain
    assert "\n▶ Video: Council meeting, December 1[1]\n" in drawn


def test_video_and_audio_name_their_file_and_drop_their_fallback_words():
    html = (
        '<p>Listen:</p><audio controls src="/audio/episode-12.mp3">Your browser does not'
        ' support audio.</audio><video poster="/p.jpg"><source src="https://cdn.example/clip.mp4"'
        ' type="video/mp4">Your browser does not support video.</video>'
    )
    text, links = html_to_text(html, BASE)
    assert text == "Listen:\n\n▶ Audio: episode-12.mp3\n\n▶ Video: clip.mp4"
    assert [link.url for link in links] == [
        "https://news.example/audio/episode-12.mp3",
        "https://cdn.example/clip.mp4",
    ]


def test_another_sites_page_and_a_vimeo_player_are_named_by_kind():
    html = (
        '<iframe src="https://maps.example.org/embed?q=x"></iframe>'
        '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" title="A talk">'
        "</iframe>"
    )
    text, links = html_to_text(html, BASE)
    assert text == "▶ Embedded page: maps.example.org\n\n▶ Video: A talk"
    assert [link.url for link in links] == [
        "https://maps.example.org/embed?q=x",
        "https://vimeo.com/76979871",
    ]


def test_an_embed_without_a_web_address_says_nothing_and_its_title_stays_inert():
    html = (
        '<p>a</p><iframe src="javascript:alert(1)" title="x"></iframe><video></video>'
        '<iframe src="https://e.example/v" title="\x1b[31m[bold]Red[/bold]\x1b]0;pwned\x07">'
        "<p>fallback</p></iframe><p>b</p>"
    )
    text, links = html_to_text(html, BASE)
    assert text == "a\n\n▶ Embedded page: [bold]Red[/bold]\n\nb"
    assert [link.url for link in links] == ["https://e.example/v"]
    assert "\x1b" not in links[0].text and "pwned" not in links[0].text
