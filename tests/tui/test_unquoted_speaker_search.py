"""An empty `speaker:X` search in the app names X when the store has them as a person, with the
`person:` search that finds their stories (user test r53 LOW-9)."""

from __future__ import annotations

from newstui.demo import build_demo_db
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle, until


def _joined(app: NewstuiApp) -> str:
    return " ".join(screen_text(app).replace("▏", " ").replace("▕", " ").split())


async def test_an_unquoted_person_is_named_with_the_person_search(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    app = NewstuiApp(path, None, demo=True)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"speaker:Soleimani", "enter")
        await settle(pilot)
        line = "Qasem Soleimani is not quoted; mentioned in 2 stories — person:Soleimani."
        await until(pilot, lambda: line in _joined(app))
        assert "Nothing matches speaker:Soleimani." in _joined(app)


async def test_an_empty_speaker_search_of_nobody_known_says_only_nothing_matches(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    app = NewstuiApp(path, None, demo=True)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"speaker:Atallhere", "enter")
        await settle(pilot)
        await settle(pilot)
        text = _joined(app)
        assert "Nothing matches speaker:Atallhere." in text and "not quoted" not in text
