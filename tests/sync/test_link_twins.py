"""Articles stored twice before links were compared by link_key (a feed's `…/Vázquez` fetched
here, the server's `…/V%C3%A1zquez` synced as a new article) are one again after the next sync:
the one stored first stays, with its full text, read if either was, starred if either was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.store import open_db
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_link_encodings import ENCODED, RAW
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, marks, refs


def stored_twice(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    title: str = "Pierluisi removed",
) -> tuple[list[str], int]:
    """A store an earlier newstui left: the server's item 7 (`ENCODED`, starred there) synced,
    and the same article fetched from the feed before (`RAW`, read here, its full text fetched)
    kept apart. The database and the fetched article's id. `title`: the fetched article's (not
    the item's: another article under the same link)."""
    fake.api("/subscription/list", 200, {"subscriptions": [TWO]})
    story = {**item(7, "feed/2", "starred"), "title": "Pierluisi removed"}
    story["canonical"] = [{"href": ENCODED}]
    fake.api(f"/stream/contents/{READING}", 200, {"items": [story]})
    ids_answer(fake, [refs(7)], [refs(7)])
    fake.api("/edit-tag", 200, b"OK")
    fake.items = {7: story}
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    fake.api(f"/stream/contents/{READING}", 200, {"items": []})
    store = open_db(tmp_path / "n.db")
    feed_id = store.execute("SELECT feed_id FROM sync_feeds").fetchone()[0]
    store.conn.close()
    from newstui.library import Library
    from newstui.model import Article

    with Library.open(tmp_path / "n.db") as library:
        library.save_batch(feed_id, [Article(title, "Summary.", guid="g", url="https://x.org/1")])
    store = open_db(tmp_path / "n.db")
    fetched = store.execute("SELECT max(id) FROM articles").fetchone()[0]
    store.execute(
        "UPDATE articles SET url = ?, fulltext_status = 'ok' WHERE id = ?", [RAW, fetched]
    )
    store.execute("DELETE FROM sync_state WHERE key = 'link_twins_merged'")
    store.conn.commit()
    store.conn.close()
    assert main([*db, "mark", "--read", str(fetched)]) == 0
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    return db, fetched


def test_the_next_sync_merges_an_article_stored_twice_keeping_both_marks(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, fetched = stored_twice(fake, tmp_path, capsys)
    capsys.readouterr()

    assert main([*db, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["merged"], report["new"], report["pushed"]) == (1, 0, 1)  # read, sent
    assert marks(db, capsys) == {"Pierluisi removed": "starred"}
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [fetched]
    read = [f for path, f in fake.forms if path.endswith("/edit-tag")][-1]
    assert read["a"] == ["user/-/state/com.google/read"]


def test_a_merge_is_said_and_done_once(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = stored_twice(fake, tmp_path, capsys)
    capsys.readouterr()
    assert main([*db, "sync"]) == 0
    assert "1 article stored twice merged" in capsys.readouterr().out
    assert main([*db, "sync"]) == 0
    assert "merged" not in capsys.readouterr().out


def test_an_unlinked_article_of_another_title_under_the_same_link_is_not_merged(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # r32 review L2: a show page or live blog links several articles; the server's starred
    # article was deleted into the other
    db, _ = stored_twice(fake, tmp_path, capsys, title="Live: week two")
    capsys.readouterr()

    assert main([*db, "sync"]) == 0
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    titles = sorted(r["title"] for r in json.loads(capsys.readouterr().out))
    assert titles == ["Live: week two", "Pierluisi removed"]
