"""Review r52 MED-1: a `[settings] ca_file` moved away while the app runs. `R` said "No such file
or directory" and refreshed nothing; now the file's problem is one line naming it, the https
feed that needs it fails with that line, and the plain-http feed is fetched."""

from __future__ import annotations

import shutil

import certifi

from newstui.config import load_config
from newstui.store import open_db
from newstui.tui.app import NewstuiApp
from tests.ports import refused_port

from .conftest import notifications, run_recorded, settle


async def test_R_with_the_ca_file_gone_fetches_the_http_feed_and_names_the_file(db_path, config):
    pem = config.path.parent / "my-ca.pem"
    shutil.copyfile(certifi.where(), pem)  # (PEM certificates: the config takes it)
    secure = f"https://127.0.0.1:{refused_port()}/feed.xml"
    text = config.path.read_text("utf-8").replace(
        "[settings]\n", f'[settings]\nca_file = "{pem}"\n'
    )
    config.path.write_text(text + f'\n[[feeds]]\nname = "Secure"\nurl = "{secure}"\n', "utf-8")
    app = NewstuiApp(db_path, load_config(config.path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        pem.rename(pem.with_name("my-ca.pem.away"))  # moved while the app runs
        await pilot.press("R")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert not any("No such file or directory" in m for m in messages), messages
        assert f"{config.path}:2: setting 'ca_file' {pem} does not exist" in messages[0]
        assert any(m.startswith("Refreshed 1 of 3 sources: 1 new article") for m in messages)
    db = open_db(db_path)
    errors = dict(db.execute("SELECT name, last_error FROM feeds").fetchall())
    db.conn.close()
    assert errors["Local Feed"] is None
    assert errors["Secure"] == (
        f"Secure: setting 'ca_file' {pem} does not exist (it changed after the config was read)"
    ), errors
