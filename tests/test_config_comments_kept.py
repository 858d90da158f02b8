"""Writing feeds.toml keeps a hand-kept file's comments with their entries (user test r38 L18):
an entry added goes after the last of its kind (at the end when there is none), the rest as it
was (tomlkit moved a feed written after the `[[views]]` up to the other feeds, away from its
comment), and `remove` leaves a section's
heading comment over the section's next feed."""

from __future__ import annotations

from newstui.config import FeedConfig, load_config
from newstui.config.query_edits import add_hide_filters, add_view
from newstui.config.removal import remove_source
from newstui.config.source_edits import add_feeds

SPLIT = """# my feeds
[[feeds]]
name = "A"
url = "https://a.example/feed"

[[views]]
name = "V"
query = 'storm'

# note for C: my favourite
[[feeds]]
name = "C"
url = "https://c.example/feed"
"""

SECTIONS = """[settings]
timeout = 20   # seconds

# --- world ---
[[feeds]]
name = "A"   # the main one
url = "https://a.example/feed"

# --- tech ---
[[feeds]]
name = "B"
url = "https://b.example/feed"

[[feeds]]
name = "F"
url = "https://f.example/feed"

# my one note for G
[[feeds]]
name = "G"
url = "https://g.example/feed"

[[feeds]]
name = "H"
url = "https://h.example/feed"
"""


def test_a_feed_added_goes_after_the_last_feed_and_the_file_before_it_stays_as_it_was(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(SPLIT, "utf-8")
    add_feeds(path, [FeedConfig("https://d.example/feed", "D", (), "auto", named=True)])
    text = path.read_text("utf-8")
    assert text.startswith(SPLIT)
    assert text[len(SPLIT) :] == '\n[[feeds]]\nname = "D"\nurl = "https://d.example/feed"\n'
    assert [f.name for f in load_config(path).feeds] == ["A", "C", "D"]


def test_a_view_added_goes_after_the_last_view_and_the_rest_stays_as_it_was(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(SPLIT, "utf-8")
    add_view(path, "W", "rain")
    add_hide_filters(path, [("No ads", "sponsored")])
    text = path.read_text("utf-8")
    view = "query = 'storm'\n\n[[views]]\nname = \"W\"\nquery = 'rain'\n"
    assert text.startswith(SPLIT.replace("query = 'storm'\n", view))  # after the last view
    assert text.endswith(
        '\n\n[[filters]]\nname = "No ads"\nquery = \'sponsored\'\naction = "hide"\n'
    )
    config = load_config(path)
    assert [v.name for v in config.views] == ["V", "W"]
    assert [f.name for f in config.feeds] == ["A", "C"]
    assert [f.query for f in config.filters] == ["sponsored"]


def test_removing_a_sections_first_feed_leaves_the_sections_heading(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(SECTIONS, "utf-8")
    remove_source(path, "B")
    assert path.read_text("utf-8") == SECTIONS.replace(
        '[[feeds]]\nname = "B"\nurl = "https://b.example/feed"\n\n', ""
    )
    assert '# --- tech ---\n[[feeds]]\nname = "F"' in path.read_text("utf-8")


def test_a_feeds_own_comment_still_goes_with_it(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(SECTIONS, "utf-8")
    remove_source(path, "G")
    text = path.read_text("utf-8")
    assert "my one note for G" not in text
    assert [f.name for f in load_config(path).feeds] == ["A", "B", "F", "H"]


TRAILING = """[[feeds]]
name = "A"
url = "https://a.example/feed"
# fulltext = "always"   # A's: switch on when the summaries are too short

# ------ views ------

# my saved searches
[[views]]
name = "V"
query = 'storm'
"""


def test_a_feeds_trailing_commented_out_line_stays_under_it(tmp_path):
    # (review r39 CF1) `add` wrote the new feed between A's url and A's commented-out line, so
    # uncommenting it later would have switched the new feed; the views' headings stay theirs
    path = tmp_path / "feeds.toml"
    path.write_text(TRAILING, "utf-8")
    add_feeds(path, [FeedConfig("https://n.example/feed", "N", (), "auto", named=True)])
    text = path.read_text("utf-8")
    a_end = 'url = "https://a.example/feed"\n# fulltext = "always"'
    assert a_end in text
    new = '\n\n[[feeds]]\nname = "N"\nurl = "https://n.example/feed"\n\n# ------ views ------\n'
    assert "too short" + new in text
    assert "# ------ views ------\n\n# my saved searches\n[[views]]" in text
    assert [f.name for f in load_config(path).feeds] == ["A", "N"]


def test_a_comment_glued_under_a_feed_with_a_blank_line_below_is_the_feeds(tmp_path):
    # (review r39 CF1, second case: no heading between)
    path = tmp_path / "feeds.toml"
    glued = 'url = "https://a.example/feed"\n# fulltext = "always"   # A\'s\n'
    path.write_text('[[feeds]]\nname = "A"\n' + glued + "\n[[views]]\nname = \"V\"\nquery = 'x'\n")
    add_feeds(path, [FeedConfig("https://n.example/feed", "N", (), "auto", named=True)])
    text = path.read_text("utf-8")
    assert glued + '\n[[feeds]]\nname = "N"' in text
    assert 'url = "https://n.example/feed"\n\n[[views]]' in text


def test_a_ruled_heading_glued_under_a_feed_heads_what_follows(tmp_path):
    # (review r39 CF1 nit) a ruled heading right under A's url, a blank line below, is the
    # views' heading: the new feed goes above it
    path = tmp_path / "feeds.toml"
    a = '[[feeds]]\nname = "A"\nurl = "https://a.example/feed"\n'
    path.write_text(a + "# ------ views ------\n\n[[views]]\nname = \"V\"\nquery = 'x'\n")
    add_feeds(path, [FeedConfig("https://n.example/feed", "N", (), "auto", named=True)])
    text = path.read_text("utf-8")
    assert 'url = "https://n.example/feed"\n\n# ------ views ------\n\n[[views]]' in text


# [[feeds]] entries a [sync] table and a view part, each under its own comment, hand-ordered
PARTED = """# my feeds, by hand
[settings]
fulltext = false

# --- news ---
[[feeds]]
name = "Alpha"  # the first
url = "https://a.example/feed"
tags = ["News"]

[sync]  # the server
url = "https://reader.example/api/greader.php"
user = "me"
password_env = "READER_PASSWORD"

# --- tech ---
[[feeds]]
name = "Beta"
url = "https://b.example/feed"  # b
tags = [
    "Tech",  # mine
]

[[views]]
name = "Rock"
query = "tag:News"

# last feed, no folder yet
  [[feeds]]
  name = "Gamma"
  url = "https://c.example/feed"
"""


def parted(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(PARTED, "utf-8")
    return path


def test_tag_edits_keep_feeds_parted_by_other_tables_in_their_order_with_their_comments(
    tmp_path,
):
    """tomlkit regrouped `[[feeds]]` entries another table parts (`[sync]` between them) under
    the first at every tag edit, their comments left behind (round 50's closing note): only the
    tags lines change now."""
    from newstui.config.source_edits import add_feed_tags, set_source_tags

    path = parted(tmp_path)
    assert set_source_tags(path, {"Gamma": ["Sport"], "Beta": ["Tech", "AC∕DC"]}) == [
        "Gamma",
        "Beta",
    ]
    beta = 'tags = [\n    "Tech",  # mine\n]'
    gamma = '  url = "https://c.example/feed"\n'
    assert path.read_text("utf-8") == PARTED.replace(beta, 'tags = ["Tech", "AC∕DC"]').replace(
        gamma, gamma + '  tags = ["Sport"]\n'
    )
    assert [f.tags for f in load_config(path).feeds] == [("News",), ("Tech", "AC∕DC"), ("Sport",)]

    path = parted(tmp_path)
    assert set_source_tags(path, {"Alpha": []}) == ["Alpha"]  # (a folder taken off)
    assert path.read_text("utf-8") == PARTED.replace('tags = ["News"]\n', "", 1)

    path = parted(tmp_path)
    assert add_feed_tags(path, [FeedConfig("https://a.example/feed", "A", tags=("Europe",))])
    assert path.read_text("utf-8") == PARTED.replace(
        'tags = ["News"]\n', 'tags = ["News", "Europe"]\n', 1
    )


def test_add_and_remove_keep_feeds_parted_by_other_tables_in_their_order(tmp_path):
    path = parted(tmp_path)
    add_feeds(path, [FeedConfig("https://d.example/feed", "Delta", tags=("News",))])
    text = path.read_text("utf-8")
    assert text.startswith(PARTED) and text.index("Delta") > text.index("Gamma")
    remove_source(path, "Beta")
    text = path.read_text("utf-8")
    assert "[sync]  # the server" in text and "# last feed, no folder yet" in text
    assert [f.name for f in load_config(path).feeds] == ["Alpha", "Gamma", "Delta"]
    assert text.index("[sync]") < text.index("Rock") < text.index("Gamma")
