"""The downloads box (`L`) moves as the other lists do (user test r36 M7: with 160 queued, only
j/k moved): g/G and Home/End to the first and last download, PgDn/PgUp by a page. Finished
downloads are listed the last finished first, below what needs attention (r50 LOW-20)."""

from __future__ import annotations

from newstui.library import Library
from newstui.tui.screens.downloads import DownloadsScreen

from .conftest import run_recorded, screen_text, settle, until
from .test_external_programs import app_with


def queue_many(db_path, tmp_path, count: int) -> None:
    """`count` downloads already done (so nothing runs while the box is open)."""
    with Library.open(db_path) as library:
        for n in range(count):
            path = tmp_path / f"episode-{n}.mp3"
            path.write_bytes(b"x")
            library.downloads.queue(
                url=f"http://127.0.0.1:9/e{n}.mp3",
                path=str(path),
                article_id=None,
                title=f"Episode {n}",
                mime="audio/mpeg",
                bytes_total=1,
                done=True,
            )


def highlighted(screen: DownloadsScreen) -> str:
    item = screen.list.highlighted_child
    assert item is not None
    return item.download.title  # type: ignore[attr-defined]


async def test_G_g_end_home_and_pages_move_through_the_downloads(db_path, tmp_path, monkeypatch):
    queue_many(db_path, tmp_path, 40)
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        assert highlighted(screen) == "Episode 39"  # (the last finished first)
        await pilot.press("G")
        assert highlighted(screen) == "Episode 0"
        await pilot.press("g")
        assert highlighted(screen) == "Episode 39"
        await pilot.press("end")
        assert highlighted(screen) == "Episode 0"
        await pilot.press("home")
        await pilot.press("pagedown")
        paged = 39 - int(highlighted(screen).split()[1])
        assert 1 < paged < 39  # a page of rows (a row is 3 lines), not one row nor all
        await pilot.press("pagedown")
        assert 39 - int(highlighted(screen).split()[1]) == 2 * paged
        await pilot.press("pageup")
        assert 39 - int(highlighted(screen).split()[1]) == paged


async def test_a_queued_download_has_its_bar_only_once_it_starts(db_path, tmp_path, monkeypatch):
    """A queue of 160 built 160 progress bars before the box showed (8 s): waiting rows have
    none, and one appears on the row whose download starts."""
    from dataclasses import replace

    queue_many(db_path, tmp_path, 3)
    with Library.open(db_path) as library:
        done = library.downloads.all()
    waiting = [replace(d, state="queued", bytes_done=0, bytes_total=None) for d in done]
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        screen = DownloadsScreen(waiting)
        await app.push_screen(screen)
        await settle(pilot)
        assert not any(row.shows_bar for row in screen.rows())
        assert "%" not in screen_text(app)
        assert [row.download.title for row in screen.rows()] == [
            "Episode 0",
            "Episode 1",
            "Episode 2",
        ]
        screen.update_download(
            replace(waiting[1], state="downloading", bytes_done=5, bytes_total=10)
        )
        await settle(pilot)
        assert [row.shows_bar for row in screen.rows()] == [False, True, False]
        assert "━  50%" in screen_text(app)


async def test_a_long_queue_opens_as_one_widget_a_row(db_path, tmp_path, monkeypatch):
    """closing r36: `L` built a title, a state and a progress bar widget for each of 160 queued
    downloads (1.88 CPU-s); a row now draws its own lines, and the keys still reach the last."""
    from dataclasses import replace

    queue_many(db_path, tmp_path, 160)
    with Library.open(db_path) as library:
        done = library.downloads.all()
    waiting = [replace(d, state="queued", bytes_done=0, bytes_total=None) for d in done]
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        screen = DownloadsScreen(waiting)
        await app.push_screen(screen)
        await settle(pilot)
        assert len(screen.rows()) == 160
        assert len(screen.list.query("*")) == 160  # the rows, nothing inside them
        await pilot.press("G")
        await settle(pilot)
        assert highlighted(screen) == "Episode 159"
        assert "Episode 159" in screen_text(app)


async def test_keys_typed_while_the_queue_is_read_reach_the_box(db_path, tmp_path, monkeypatch):
    """User test r37 L5: `End` typed after `L`, before the box showed (its queue read from the
    store under load), moved the headlines' cursor to their last row, and the box opened at its
    top: the box shows at once, and a key typed while its rows are read acts on them."""
    import threading

    from newstui import downloads

    queue_many(db_path, tmp_path, 40)
    read = threading.Event()
    sizes = downloads.with_disk_sizes

    def read_slowly(rows):  # (the read holds until the keys were typed)
        read.wait(60)
        return sizes(rows)

    monkeypatch.setattr(downloads, "with_disk_sizes", read_slowly)
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        headline = app.main.headlines.selected
        await pilot.press("L", "end")
        read.set()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        assert highlighted(screen) == "Episode 0"  # (the first finished, last)
        assert "Episode 0" in screen_text(app)
        assert app.main.headlines.selected == headline


async def test_a_queue_read_before_the_box_is_built_fills_it_once_built(
    db_path, tmp_path, monkeypatch
):
    """On a quiet machine the queue is read before the box is mounted: its rows were put in
    a list not yet there, and the box said "No downloads yet" above them (found trying the
    fix of r37 L5 in a terminal)."""
    queue_many(db_path, tmp_path, 3)
    with Library.open(db_path) as library:
        done = library.downloads.all()
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        screen = DownloadsScreen(None)
        app.push_screen(screen)  # (not awaited: not mounted yet)
        await screen.fill(done)
        await settle(pilot)
        shown = screen_text(app)
        assert "Episode 2" in shown and "No downloads yet" not in shown
        assert highlighted(screen) == "Episode 2"
        await pilot.press("G")
        assert highlighted(screen) == "Episode 0"


async def test_L_opens_on_the_running_download_above_the_finished_ones(
    db_path, tmp_path, monkeypatch, feed_server
):
    """User test r48 L32: with 9 finished downloads and one running, `L` at 80x24 showed the
    first three finished ones; the running one, "Slow episode 3 … 46%", needed `G`."""
    queue_many(db_path, tmp_path, 9)
    feed_server.route("/slow.mp3", body=bytes(range(256)) * 40, drip=0.005)  # nearly a minute
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)  # (before it is queued: settling waits for a running download)
        with Library.open(db_path) as library:  # (`newstui download ID --later`)
            library.downloads.queue(
                url=feed_server.url("/slow.mp3"),
                path=str(tmp_path / "Slow episode 3.mp3"),
                article_id=None,
                title="Slow episode 3",
                mime="audio/mpeg",
                bytes_total=None,
            )
        await pilot.press("L")
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, DownloadsScreen)
                and any(row.download.state == "downloading" for row in app.screen.rows())
            ),
        )
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        # (on a loaded machine the cursor and the drawn text may follow the rows a moment later)
        await until(
            pilot,
            lambda: (
                screen.list.highlighted_child is not None
                and highlighted(screen) == "Slow episode 3"
                and "Slow episode 3" in screen_text(app)
            ),
        )
        assert "Slow episode 3" in screen_text(app)
        assert highlighted(screen) == screen.rows()[0].download.title  # (the first row)
        await pilot.press("G")  # the finished ones below it, the first finished last
        assert highlighted(screen) == "Episode 0"
