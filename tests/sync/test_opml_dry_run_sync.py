"""`opml import --dry-run` with [sync]: the server is asked which feeds it has, nothing is
subscribed there, and `--subscribe` says which feeds it would subscribe (those feeds.toml lists
too); the config and the store stay as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_opml_import_sync import SERVERS, here, opml  # noqa: F401 (fixture)


def test_subscribe_dry_run_names_what_it_would_subscribe_and_asks_nothing_else(
    fake: FakeGReader,  # noqa: F811
    here: list[str],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    file = opml(
        tmp_path / "subs.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
            ("Tech/AI", "Drone Digest", "https://example.net/drones.json"),
        ],
    )
    config = Path(here[3])
    with config.open("a", encoding="utf-8") as f:  # one of them fetched here already
        f.write('\n[[feeds]]\nname = "Own Blog"\nurl = "https://example.net/b.xml"\n')
    first = config.read_bytes()
    capsys.readouterr()
    assert main([*here, "opml", "import", "--dry-run", "--subscribe", str(file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["synced"] == ["Storm Watch"]
    assert report["subscribed"] == ["Own Blog", "Drone Digest"]
    assert report["subscribed_listed"] == ["Own Blog"]
    assert report["added"] == []
    assert not [f for f in fake.forms if f[0].endswith("/subscription/edit")]  # nothing asked
    assert config.read_bytes() == first
    assert not Path(here[1]).exists()  # no store made

    assert main([*here, "opml", "import", "--dry-run", "--subscribe", str(file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"  1 already subscribed on {fake.server}: left to it (synced)" in out
    assert (
        f"  2 feeds would be subscribed on {fake.server}, each in its first folder "
        "(1 of them listed in feeds.toml already)"
    ) in out
    assert main([*here, "opml", "import", "--dry-run", str(file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        f"  1 new: would be added to {config}, fetched here (--subscribe would subscribe them "
        f"on {fake.server})"
    ) in out
    assert config.read_bytes() == first


def test_a_dry_run_on_a_store_that_exists_leaves_no_login_token_beside_it(
    fake: FakeGReader,  # noqa: F811
    here: list[str],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # (review r54 LOW-2: the login's token was written to <store>.sync-auth)
    import hashlib

    from newstui.library import Library

    def tree() -> dict[str, str]:
        return {
            str(p.relative_to(tmp_path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in tmp_path.rglob("*")
            if p.is_file()
        }

    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    Library.open(Path(here[1])).close()
    file = opml(
        tmp_path / "subs.opml",
        [("News", "Storm Watch", SERVERS["url"]), ("Tech", "Own", "https://example.net/b.xml")],
    )
    before = tree()

    assert main([*here, "opml", "import", "--dry-run", str(file)]) == 0

    assert tree() == before
