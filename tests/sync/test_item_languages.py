"""A sync server's item that says its language keeps it, as a fetched entry does: `list --json`
and `show --json` give it, and the analysis and the reader read the item as that language (its
feed declares none: a server's subscription is never fetched here). FreshRSS 1.24 sends none
(its Entry::toGReader has no such field); a server that does is read, its value untrusted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.sync.items import parse_item
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, refs


@pytest.mark.parametrize(
    ("declared", "kept"),
    [("pl", "pl"), ("pt_BR", "pt-br"), ("\x1b[31mpl", None), ("Polish", None), (7, None)],
)
def test_an_item_keeps_a_language_tag_it_declares_and_nothing_else(declared, kept) -> None:
    assert parse_item({**item(1, "feed/2"), "language": declared}).article.language == kept


def test_an_item_without_one_declares_none() -> None:
    assert parse_item(item(1, "feed/2")).article.language is None


def test_a_synced_items_language_reaches_list_show_and_the_reader_line(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [TWO]})
    polish = {**item(1, "feed/2"), "title": "Polski", "language": "pl"}
    polish["summary"] = {"content": "<p>Rada miasta zebrała się we wtorek.</p>"}
    items = [polish, {**item(2, "feed/2"), "title": "None said"}]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(1, 2)], [refs()])
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_L"\n')
    os.environ["PW_L"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    capsys.readouterr()

    assert main([*db, "list", "--json"]) == 0
    rows = {r["title"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["Polski"]["language"], rows["None said"]["language"]) == ("pl", None)
    assert main([*db, "show", "--json", str(rows["Polski"]["id"])]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["language"], shown["reads_as"]) == ("pl", "other")
    assert main([*db, "show", str(rows["Polski"]["id"])]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "Reads as Polish (pl, as the article declares): only quotes" in said
