"""The once-only merge of articles a sync stored twice (merge_link_twins) leaves both of two
different articles that share a link (a show page, a live blog): r32 review L2, where the
server's starred article was deleted into the other."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newstui.cli import main
from newstui.store import open_db
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_link_encodings import ENCODED, RAW
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, refs


def test_an_unlinked_article_of_another_title_under_the_same_link_is_not_merged(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
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

    with Library.open(tmp_path / "n.db") as library:  # another article, same page linked
        library.save_batch(
            feed_id, [Article("Live: week two", "Other text.", guid="g2", url="https://x.org/2")]
        )
    store = open_db(tmp_path / "n.db")
    other = store.execute("SELECT max(id) FROM articles").fetchone()[0]
    store.execute("UPDATE articles SET url = ? WHERE id = ?", [RAW, other])
    store.execute("DELETE FROM sync_state WHERE key = 'link_twins_merged'")  # as a v35 store
    store.conn.commit()
    store.conn.close()
    capsys.readouterr()

    assert main([*db, "sync"]) == 0
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    titles = sorted(r["title"] for r in json.loads(capsys.readouterr().out))
    assert titles == ["Live: week two", "Pierluisi removed"]
