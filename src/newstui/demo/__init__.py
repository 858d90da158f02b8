"""The demo database: articles shipped inside the package, so a new user sees content offline."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from newstui.config import LocalConfig
from newstui.errors import NewstuiError
from newstui.ingest.local_import import import_local
from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.paths import demo_db_path

# (file, source name, tags); see LICENSE.md in this folder for where each text comes from (the
# wikinews-*.xml feeds are written by tools/demo_from_wikinews.py).
DEMO_SOURCES = (
    ("wikinews-world.xml", "World · Wikinews", ("world",)),
    ("wikinews-politics.xml", "Politics · Wikinews", ("politics",)),
    ("wikinews-science.xml", "Science · Wikinews", ("science",)),
    ("wikinews-sport.xml", "Sport · Wikinews", ("sport",)),
    ("wikinews-culture.xml", "Culture · Wikinews", ("culture",)),
    ("seed_article.txt", "Reference article", ("world",)),
)


# Marks a database as the rebuildable demo; a new value for each new set of demo articles, so
# an installed demo from an older version is rebuilt rather than kept.
DEMO_APPLICATION_ID = 0x6E647433  # "ndt3": the Wikinews demo, feeds named by section first
OLDER_DEMO_APPLICATION_IDS = frozenset(
    {0x6E647464, 0x6E647432}  # "ndtd": the invented news of 0.x; "ndt2": "Wikinews World"…
)


def seed_article_path() -> Path:
    """The project's reference article (issue 4's seed), as the installed package holds it."""
    return Path(str(resources.files(__name__).joinpath("seed_article.txt")))


def is_demo_db(path: Path) -> bool:
    """True when the database at `path` was built by `build_demo_db`."""
    with path.open("rb") as file:
        header = file.read(72)
    if len(header) < 72:
        return False
    application_id = int.from_bytes(header[68:72], "big")
    return application_id == DEMO_APPLICATION_ID or application_id in OLDER_DEMO_APPLICATION_IDS


def build_demo_db(path: Path, *, fresh: bool = False) -> int:
    """Build the demo database at `path` from the packaged articles; returns the article count.

    With `fresh`, an existing demo database is replaced (read marks and all).
    """
    if fresh and path.exists():
        if not is_demo_db(path) and path != demo_db_path():
            raise NewstuiError(f"{path}: not a demo database; refusing to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    library = Library.open(path)
    library.application_id = DEMO_APPLICATION_ID
    try:
        folder = resources.files(__name__)
        for name, source, tags in DEMO_SOURCES:
            resource = folder.joinpath(name)
            if not resource.is_file():
                raise NewstuiError(f"demo article {name} is missing from the installed package")
            with resources.as_file(resource) as file:
                outcome = import_local(library, LocalConfig(Path(file), source, tags))
            if outcome.error:
                raise NewstuiError(f"demo article {name}: {outcome.error}")
        analyse_pending(library)
        return library.count()
    finally:
        library.close()


def ensure_demo_db(path: Path) -> str | None:
    """Build the demo database if it is not there yet or holds an older demo's articles; keep a
    user's read/star marks otherwise. A demo database a newer newstui upgraded (the demo lives in
    one place per user, whichever copy of newstui opens it) is built again from this version's
    demo articles rather than refused: returns one line saying so, else None. A demo database
    another process has open is never deleted: an older demo is kept (one line), and a newer
    one is refused (NewstuiError: this newstui cannot open it)."""
    if not path.exists():
        build_demo_db(path)
        return None
    newer = Library.schema_ahead(path)
    if newer and Library.open_elsewhere(path):  # deleting it would pull it from under that one
        raise NewstuiError(
            f"{path}: the demo database is open in a newer newstui (store version {newer}); "
            "not built again while it is: quit that one first, or use it"
        )
    if newer:
        count = build_demo_db(path, fresh=True)
        return (
            f"{path}: a newer newstui upgraded the demo database (store version {newer}); "
            f"built it again from this version's demo articles ({count:,}; read marks reset)"
        )
    with Library.open(path) as library:
        current = library.application_id == DEMO_APPLICATION_ID
        if current:
            analyse_pending(library)  # re-extract after an extractor upgrade
    if not current:
        if Library.open_elsewhere(path):
            return f"{path}: an older demo, open in another newstui: kept as it is for now"
        build_demo_db(path, fresh=True)
    return None
