"""The README's tables of --json keys (`show`, `list`, `search`, `entities`, `quotes`, `feeds`,
`remove`, `fetch`) say what the commands print: every key, nested ones too, and no other
(`damaged` went undocumented)."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_cli import Cli, cli, empty_config, no_user_paths  # noqa: F401

README = Path(__file__).resolve().parents[1] / "README.md"
Shape = dict[str, "Shape | None"]  # an object's keys, each with its value's keys when it has them


def parse_shape(text: str) -> Shape:
    """`[{a, b: {c}, d: [{e}]}]` → {"a": None, "b": {"c": None}, "d": {"e": None}}."""
    tokens = re.findall(r"[A-Za-z_]+|[\[\]{}:,]", text)
    at = 0

    def value() -> Shape:
        nonlocal at
        if tokens[at] == "[":
            at += 1
            inner = value()
            assert tokens[at] == "]", text
            at += 1
            return inner
        assert tokens[at] == "{", text
        at += 1
        shape: Shape = {}
        while tokens[at] != "}":
            name = tokens[at]
            at += 1
            shape[name] = None
            if tokens[at] == ":":
                at += 1
                shape[name] = value()
            if tokens[at] == ",":
                at += 1
        at += 1
        return shape

    return value()


def shape_of(data: Any) -> Shape | None:
    """The keys of JSON output the same way; a list gives the keys of all its objects, a null
    or empty value gives nothing to compare."""
    items = data if isinstance(data, list) else [data]
    objects = [item for item in items if isinstance(item, dict)]
    if not objects:
        return None
    shape: Shape = {}
    for item in objects:
        for key, value in item.items():
            nested = shape_of(value)
            shape[key] = nested if nested is not None else shape.get(key)
    return shape


def table_rows(heading: str) -> list[tuple[str, str]]:
    """The two cells of each row of the README table that follows `heading`'s line."""
    text = README.read_text("utf-8")
    assert heading in text, f"the README has no table after {heading!r}"
    lines = text.split(heading, 1)[1].split("\n\n", 2)[1].splitlines()
    rows = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]
    return [(row[0], row[1]) for row in rows[2:]]


def documented_show() -> Shape:
    shape: Shape = {}
    for keys, value in table_rows("`show --json` prints one object"):
        written = re.match(r"`(\[?\{[^`]*\}\]?)`", value)
        for key in re.findall(r"`([a-z_]+)`", keys):
            shape[key] = parse_shape(written[1]) if written else None
    return shape


def documented(command: str) -> Shape:
    for commands, value in table_rows("The other commands' objects:"):
        if f"`{command} --json`" in commands:
            return parse_shape(re.match(r"`([^`]*)`", value)[1])  # type: ignore[index]
    raise AssertionError(f"the README documents no `{command} --json`")


def same_keys(written: Shape, printed: Shape | None, where: str = "") -> list[str]:
    """Where the documented keys and the printed ones differ (a null or empty value printed
    leaves its documented keys unchecked)."""
    if printed is None:
        return []
    problems = [f"{where}{key}: printed, not documented" for key in printed if key not in written]
    problems += [f"{where}{key}: documented, not printed" for key in written if key not in printed]
    for key, inner in written.items():
        if key in printed and (inner is not None or printed[key] is not None):
            if inner is None:
                problems.append(f"{where}{key}: its keys are not documented")
            else:
                problems += same_keys(inner, printed[key], f"{where}{key}.")
    return problems


PODCAST = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Radio</title>
<item><title>Harbour wall to be rebuilt</title><guid>h1</guid>
<author>desk@harbour.example (Priya Nair)</author><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>
<description><![CDATA[<p>The council said the <a href="https://harbour.example/plan">plan</a> is
ready.</p><p>“We will rebuild the wall this winter,” said Mayor Ann Lee in Portsmouth.</p>]]>
</description>
<enclosure url="https://harbour.example/e1.mp3" type="audio/mpeg" length="204800"/>
</item></channel></rss>
"""


@pytest.fixture
def stored(cli, seed_article, tmp_path) -> Cli:
    podcast = tmp_path / "harbour.rss"
    podcast.write_text(PODCAST, "utf-8")
    assert cli("import", str(seed_article), str(podcast)) == 0, cli.err
    return cli


def test_the_readme_gives_every_key_of_show_json_and_no_other(stored):
    printed: Shape = {}
    for row in stored.json("list"):
        shown = shape_of(stored.json("show", str(row["id"])))
        assert shown is not None
        for key, value in shown.items():
            printed[key] = value if value is not None else printed.get(key)
    assert {"links", "enclosures", "fulltext", "entities", "quotes"} <= {
        key for key, value in printed.items() if value is not None
    }  # every nested object was printed at least once, so its keys are checked
    assert same_keys(documented_show(), printed) == []


@pytest.mark.parametrize(
    ("command", "argv"),
    [
        ("list", ["list"]),
        ("search", ["search", "harbour"]),
        ("entities", ["entities"]),
        ("quotes", ["quotes"]),
        ("feeds", ["feeds"]),
        ("remove", ["remove", "Harbour Radio"]),
    ],
)
def test_the_readme_gives_every_key_of_a_listings_json_and_no_other(stored, command, argv):
    printed = shape_of(stored.json(*argv))
    assert printed is not None
    assert same_keys(documented(command), printed) == []


def test_the_readme_gives_every_key_of_fetch_json_and_no_other(
    db_path, feed_server, config_file, capsys
):
    feed_server.route("/feed", body=PODCAST.encode())
    fetch = Cli(db_path, config_file({"Harbour": "/feed"}), capsys)
    printed = shape_of(fetch.json("fetch"))
    assert printed is not None and "cut_short" in printed
    assert same_keys(documented("fetch"), printed) == []


def test_a_key_left_out_of_the_readme_is_found():
    written = parse_shape("{id, links: [{url}]}")
    printed = shape_of({"id": 1, "damaged": None, "links": [{"url": "u", "kind": "link"}]})
    assert same_keys(written, printed) == [
        "damaged: printed, not documented",
        "links.kind: printed, not documented",
    ]
