"""`quotes` lists the same, byte for byte, since its per-story grouping ranks only the quotes of
stories other feeds carry (closing note r53: the listing went from 22 to 81 ms with it; on a
100,000-article store `quotes` took ~4 CPU-s). The reference is round 53's window over every
quote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newstui.cli.main import main
from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key
from newstui.store import analysis
from newstui.store.schema_sql import quote_words

# Round 53's grouping: every quote ranked in a window partitioned by story and words.
ROUND_53 = f"""SELECT q.id AS id, coalesce(s.story_id, q.article_id) AS story,
    row_number() OVER (copy ORDER BY q.article_id, q.start) AS rank,
    count(*) OVER copy - 1 AS copies
    FROM quotes q JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id
    LEFT JOIN stories s ON s.article_id = q.article_id {{where}}
    WINDOW copy AS (PARTITION BY coalesce(s.story_id, q.article_id), CASE WHEN s.story_id IN
    (SELECT story_id FROM stories WHERE story_id != article_id AND article_id > 0)
    THEN lower(trim({quote_words("q")}, ' ,.;:')) ELSE q.id END)"""

WIRE = (
    "Harbour Minister Elena Vasquez opened the new sea wall on Monday. "
    "“I put no pressure on them whatsoever,” Vasquez said of the engineers. "
    "“The wall will hold,” said Tomas Berg, the engineer. "
    + " ".join(
        f"Paragraph {i} of the wire story tells readers about the harbour plan and its costs."
        for i in range(30)
    )
)
# One feed's edit of the wire copy: one quote's case and stop changed, one quote its own.
EDITED = WIRE.replace("“The wall will hold,”", "“the wall will hold.”").replace(
    "Monday.", "Monday. “We are proud,” Vasquez added."
)
LONE = "Elena Vasquez visited the fleet. “The fleet will be rebuilt before winter,” she said."
FEEDS = ("Wire Service", "Daily Courier", "Coast Times")


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def quotes_of(text: str) -> tuple[Quote, ...]:
    found, at = [], 0
    while (start := text.find("“", at)) >= 0:
        end = text.index("”", start)
        words = text[start + 1 : end]
        rest = text[end + 1 : end + 60]
        speaker = "Tomas Berg" if "Berg" in rest else "Elena Vasquez"
        found.append(Quote(words, start + 1, end, speaker))
        at = end
    return tuple(found)


def people_of(text: str) -> tuple[Entity, ...]:
    return tuple(
        Entity(name, "PERSON", (Mention(text.index(name), text.index(name) + len(name), name),))
        for name in ("Elena Vasquez", "Tomas Berg")
        if name in text
    )


@pytest.fixture
def store(tmp_path):
    """Three feeds' versions of one story (one edited), a story of its own, and an article
    no story sketch was made for."""
    db = tmp_path / "news.db"
    now = datetime.now(UTC)
    with Library.open(db) as library:
        for n, name in enumerate(FEEDS):
            host = name.split()[0].lower()
            source = library.register_source(f"https://{host}.example/feed", name)
            articles = [
                Article(
                    title=f"Sea wall opens ({name})",
                    text=EDITED if n == 1 else WIRE,
                    guid="wall",
                    url=f"https://{host}.example/wall",
                    published=now - timedelta(hours=5 - n),
                )
            ]
            if n == 0:
                articles.append(
                    Article(
                        title="Fleet to be rebuilt",
                        text=LONE,
                        guid="fleet",
                        url="https://wire.example/fleet",
                        published=now - timedelta(hours=1),
                    )
                )
            library.save_batch(source, articles)
        library.find_stories()
        late = library.register_source("https://late.example/feed", "Late Edition")
        library.save_batch(late, [Article(title="Unsketched", text=LONE, guid="u", published=now)])
        every = [r.id for r in library.articles(limit=None)]  # (a story's first version)
        every += [v.article_id for i in every for v in library.detail(i).versions]
        texts = {i: library.detail(i).article.text for i in sorted(set(every))}
        assert len(texts) == 5
        library.save_analyses(
            [(i, Analysis(people_of(t), quotes_of(t))) for i, t in texts.items()],
            "v1",
            canonical_key,
            short_key,
        )
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    return db, config


COMMANDS = [
    ["quotes"],
    ["quotes", "--json"],
    ["quotes", "--copies", "--json"],
    ["quotes", "--speaker", "Vasquez", "--json"],
    ["quotes", "--speaker", "Tomas Berg"],
    ["quotes", "--limit", "2", "--json"],
    ["quotes", "--query", "wall", "--json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_quotes_print_what_the_window_over_every_quote_printed(store, capsys, monkeypatch, command):
    db, config = store

    def run() -> tuple[int, str, str]:
        status = main(["--db", str(db), "--config", str(config), *command])
        out, err = capsys.readouterr()
        return status, out, err

    now = run()
    with monkeypatch.context() as patched:
        patched.setattr(
            analysis, "_quote_stories", lambda where, params: (ROUND_53.format(where=where), params)
        )
        before = run()
    assert now == before
    assert now[1]  # something was listed


def test_the_fixture_has_what_the_grouping_tells_apart(store, capsys):
    """One story of three versions: the wire's quotes once, with the other two versions'
    copies (case and stop aside), the edited version's own quote once; the lone story's."""
    db, config = store
    assert main(["--db", str(db), "--config", str(config), "quotes"]) == 0
    out = capsys.readouterr().out
    assert out.count("whatsoever") == 1 and "(also in 2)" in out
    assert out.count("wall will hold") == 1
    assert out.count("We are proud") == 1
    assert out.count("rebuilt before winter") == 2  # its story, and the unsketched article
