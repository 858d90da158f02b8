"""One story once: sketch new articles, join each to an earlier copy in another feed, and read
the versions of a story. The matching itself is newstui.stories (pure)."""

from __future__ import annotations

import heapq
import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newstui.article_rows import bulk_inflate, unpacked_text
from newstui.errors import hide_passwords
from newstui.store.db import Database, write_transaction

if TYPE_CHECKING:  # the matching (newstui.stories) loads when a fetch or analysis sketches
    import sqlite3

    from newstui.model import StoryVersion
    from newstui.stories import StorySketch, Version

# The candidate rule: two articles of different feeds are compared (and can be one story) only
# while both were first seen within RECENT_DAYS: an article is sketched while it is recent, and
# an earlier one is its candidate while that one is recent too (`_RECENT` on both sides of
# join_stories). An older article keeps its story; its sketch and band keys are forgotten
# (forget_old_sketches), a bounded number at a time, so the rows no candidate look-up can use
# do not stay: ~40 band keys an article, most of the store and of removing a feed's cost.
RECENT_DAYS = 14  # only articles first seen this recently are new enough to be compared
SKETCH_BATCH = 500  # articles read, sketched and stored at a time: memory stays flat
JOIN_HOLD_SECONDS = 0.2  # a join's transaction ends once it has held the write lock this long
LOCK_GAP_SECONDS = 0.12  # and the next one waits this long (longer than SQLite's 100 ms retry)
OTHERS_LOOKED_FOR_EVERY = 1.0  # gap_while_shared asks whether the store is shared this often
OLD_SKETCHES_PER_RUN = 2_000  # old articles whose sketch and band keys one run forgets
OLD_SKETCHES_BATCH = 500  # of them a transaction (~20,000 band rows: the lock held briefly)
# A new article is judged on its own text against its MOST_JUDGED most similar candidates only:
# where more look alike (a feed of templated or repeated texts), what they share is boilerplate
# and judging every one (each reading its feed's latest texts) made a join O(candidates): 600
# new copies of a text 4,800 recent articles share took 10+ minutes (user test r31 M5).
MOST_JUDGED = 8
# And it is compared (sketch against sketch) with its MOST_COMPARED candidates only: those that
# share the most of its band keys (the likelier the more similar), the latest stories first
# among equals. A band key hundreds of stored articles share says only "the same template":
# scoring every one of them held a fetch's event loop for minutes (r54 MED-8: 935,939
# comparisons for 2,699 look-alike articles, 119 of 167 s). An article with no more
# candidates than this (every one, on real news texts: see tools/story_identity.py) is
# compared with all of them, as before.
MOST_COMPARED = 48
# A band key more recent articles share than this is crowded: a template's, not a story's.
# Only its BAND_NEWEST latest articles are candidates by it (the others may be by another
# key); the key's other rows are not even read (they made the look-up O(the template's
# articles) an article, the half of a templated join's CPU once comparisons were capped).
BAND_NEWEST = 100
_RECENT_SINCE = f"strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-{RECENT_DAYS} days')"
_RECENT = f"a.first_seen >= {_RECENT_SINCE}"  # an article first seen within RECENT_DAYS
_UNSKETCHED = "NOT EXISTS (SELECT 1 FROM stories s WHERE s.article_id = a.id)"


def find_stories(
    db: Database, limit: int | None = None, pause: Callable[[], None] | None = None
) -> int:
    """Sketch the recent articles not yet sketched (oldest first, at most `limit`, None:
    STORIES_PER_RUN) and join copies of an earlier article from another feed to its story;
    returns how many articles were joined to another. The lock is taken in short
    transactions, `pause` between them (see join_stories). Articles analysed in a worker come
    sketched (`join_stories`): this is for the others."""
    from newstui.stories import STORIES_PER_RUN, story_sketch

    limit = STORIES_PER_RUN if limit is None else limit
    joined = done = 0
    while done < limit:
        rows = db.execute(
            f"SELECT a.id, a.text FROM articles a WHERE {_RECENT} AND {_UNSKETCHED} "
            "ORDER BY a.id LIMIT ?",
            [min(SKETCH_BATCH, limit - done)],
        ).fetchall()
        if not rows:
            break
        done += len(rows)
        inflate = bulk_inflate()
        sketched = [(r[0], story_sketch(unpacked_text(r[1], inflate))) for r in rows]
        joined += join_stories(db, sketched, pause)
    return joined


def unsketched(db: Database, ids: Iterable[int]) -> list[int]:
    """Those of the ids whose articles are recent and not sketched yet (in id order): the ones
    whose sketch is worth making."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) "
            f"AND {_RECENT} AND {_UNSKETCHED} ORDER BY a.id",
            [json.dumps(list(ids))],
        ).fetchall()
    ]


def any_unsketched(db: Database) -> bool:
    """Whether a recent article came after the last one sketched: what a stopped fetch (or one
    of more than STORIES_PER_RUN) left to join. One index look-up (an article left in
    between by a stop is joined with those, by find_stories)."""
    return (
        db.execute(
            "SELECT 1 FROM articles a WHERE a.id > (SELECT coalesce(max(article_id), 0) "
            f"FROM stories) AND {_RECENT} LIMIT 1"
        ).fetchone()
        is not None
    )


def join_stories(
    db: Database,
    sketched: Iterable[tuple[int, StorySketch]],
    pause: Callable[[], None] | None = None,
) -> int:
    """Store sketched articles (sketched elsewhere: outside the write lock, or in a worker),
    each joined to the story of the most similar article of another feed; returns how many
    were joined. An article sketched meanwhile, or deleted, is left as it is. The first
    version (the lowest id) leads a story, whatever order the sketches come in. It writes only
    articles it has read in its transaction: their references are not checked row by row.

    Short transactions (r29 M1: 500 articles' joins held the write lock for up to 91 s, and an
    open app kept other newstui writes out for minutes): one ends once it has held the lock
    JOIN_HOLD_SECONDS, and `pause` (None: a sleep of LOCK_GAP_SECONDS) runs before the next,
    long enough for a process waiting for the lock to take it."""
    joined = 0
    for found, left in join_steps(db, sketched):
        joined += found
        if left:
            (pause or _let_others_write)()
    return joined


def join_steps(
    db: Database, sketched: Iterable[tuple[int, StorySketch]]
) -> Iterator[tuple[int, int]]:
    """join_stories one transaction at a time: each step commits the joins of the articles it
    went through (JOIN_HOLD_SECONDS of the write lock, one article at least) and yields how
    many of them it joined and how many are left. The caller decides what runs between two
    steps (a fetch's event loop turns: downloads, Ctrl-C); one that stops between them
    leaves the rest unsketched, for the next find_stories. Nothing is half-written."""
    made = dict(sketched)
    pending = sorted(made)
    versions: _Versions | None = None  # the texts read, kept for the whole join (see _Versions)
    while pending:
        with write_transaction(db, check_references=False) as conn:
            if versions is None:
                versions = _Versions(conn)
            versions.conn = conn
            done, found = _join_some(conn, made, pending, versions)
        pending = pending[done:]
        yield found, len(pending)


def _let_others_write() -> None:
    """Leave the write lock free for LOCK_GAP_SECONDS: SQLite's busy handler looks again
    every 100 ms at most, so a process waiting for the lock gets it in the gap."""
    time.sleep(LOCK_GAP_SECONDS)


def gap_while_shared(opened_by_others: Callable[[], bool]) -> Callable[[], None]:
    """A join's pause that leaves the gap (_let_others_write) only while another process has
    the store open, asked again at most every OTHERS_LOOKED_FOR_EVERY seconds (/proc/locks is
    read): a process that opens the store during a long join gets the gaps from then on (r30b
    M2: one decision at the start left a later `newstui mark` waiting 3.6-6.9 s, not 0.33 s)."""
    gap = gap_seconds_while_shared(opened_by_others)

    def pause() -> None:
        if gap():
            _let_others_write()

    return pause


def gap_seconds_while_shared(opened_by_others: Callable[[], bool]) -> Callable[[], float]:
    """How long gap_while_shared's pause would leave the lock free now (LOCK_GAP_SECONDS or
    none), for a caller that waits itself: a fetch's event loop sleeps it asynchronously."""
    asked_at: float | None = None
    shared = True

    def gap() -> float:
        nonlocal asked_at, shared
        now = time.monotonic()
        if asked_at is None or now - asked_at >= OTHERS_LOOKED_FOR_EVERY:
            shared, asked_at = opened_by_others(), now
        return LOCK_GAP_SECONDS if shared else 0.0

    return gap


def _join_some(
    conn: sqlite3.Connection,
    made: dict[int, StorySketch],
    pending: list[int],
    versions: _Versions,
) -> tuple[int, int]:
    """join_stories' work in one transaction: the pending articles, in order, until it has
    taken JOIN_HOLD_SECONDS (one at least). Returns how many of them it went through, and how
    many it joined to another."""
    from newstui.stories import SAME_STORY, packed_similarity

    started = time.monotonic()
    feeds = dict(
        conn.execute(
            f"SELECT a.id, a.feed_id FROM articles a WHERE a.id IN (SELECT value FROM "
            f"json_each(?)) AND {_UNSKETCHED}",
            [json.dumps(pending)],
        ).fetchall()
    )
    done = joined = 0
    for article_id in pending:
        if done and time.monotonic() - started >= JOIN_HOLD_SECONDS:
            break
        done += 1
        feed_id = feeds.get(article_id)
        if feed_id is None:  # sketched meanwhile, or deleted
            continue
        found = made[article_id]
        if found.packed is None:
            _arriving(conn, article_id)
            conn.execute(
                "INSERT INTO stories (article_id, story_id) VALUES (?, ?)",
                [article_id, article_id],
            )
            continue
        keys = json.dumps(found.keys)
        alike: list[tuple[float, int, int, int]] = []  # (score, story, article, feed)
        for other_story, other_sketch, other_id, other_feed in conn.execute(
            "SELECT s.story_id, s.sketch, s.article_id, o.feed_id FROM "
            # the keys joined to the bands, not `key IN (...)`: no list of the keys is built
            # first (-20 % of this look-up's CPU); counted, for MOST_COMPARED
            "(SELECT b.article_id AS id, count(*) AS shared FROM json_each(?) k, "
            "story_bands b WHERE b.key = k.value "
            # a crowded band key: its BAND_NEWEST latest articles only (from the one after
            # them on, by the key's index), not the hundreds of the same template before
            "AND b.article_id > coalesce((SELECT n.article_id FROM story_bands n WHERE "
            "n.key = k.value ORDER BY n.article_id DESC LIMIT 1 OFFSET ?), 0) "
            "GROUP BY b.article_id) c "
            "JOIN stories s ON s.article_id = c.id JOIN articles o ON o.id = c.id "
            "WHERE o.feed_id != ? AND s.sketch IS NOT NULL "
            f"AND o.first_seen >= {_RECENT_SINCE} "  # the candidate rule (RECENT_DAYS)
            "ORDER BY c.shared DESC, s.story_id DESC, s.article_id DESC LIMIT ?",
            [keys, BAND_NEWEST, feed_id, MOST_COMPARED],
        ).fetchall():
            versions.compared += 1
            score = packed_similarity(found.packed, other_sketch)
            if score >= SAME_STORY:
                alike.append((score, other_story, other_id, other_feed))
        story = article_id
        # the most similar first, judged again on their own text (not boilerplate)
        for _score, other_story, other_id, other_feed in heapq.nlargest(MOST_JUDGED, alike):
            story_of = versions.story(other_story)
            if versions.same((article_id, feed_id), (other_id, other_feed), story_of):
                story = other_story
                break
        copy = story != article_id
        if copy:
            joined += 1
            if story > article_id:  # a later version was sketched first: this one leads
                conn.execute(
                    "UPDATE stories SET story_id = ? WHERE story_id = ?", [article_id, story]
                )
                story = article_id
        conn.execute(
            "INSERT INTO stories (article_id, story_id, sketch) VALUES (?, ?, ?)",
            [article_id, story, found.packed],
        )
        if _arriving(conn, article_id) and copy:
            _read_with_its_story(conn, article_id, story)
        # one statement, not one per key (the same rows in the same order: ~20 % less CPU)
        conn.execute(
            "INSERT OR IGNORE INTO story_bands (key, article_id) SELECT value, ? FROM json_each(?)",
            [article_id, keys],
        )
    return done, joined


def _arriving(conn: sqlite3.Connection, article_id: int) -> bool:
    """Whether an article joining now is new to the stories, not one that left its story when
    its text changed (sketch_again), which it no longer is after this."""
    return (
        conn.execute(
            "DELETE FROM stories_left WHERE article_id = ? RETURNING 1", [article_id]
        ).fetchone()
        is None
    )


def _read_with_its_story(conn: sqlite3.Connection, article_id: int, story: int) -> None:
    """A copy joining a story whose every other version is read comes in read: reading one
    version reads the story (user test r36 M3: the copy stayed unread in its feed's count for
    good, while All, Unread, n and C, which list the story once, never showed it)."""
    conn.execute(
        "UPDATE articles SET read = 1 WHERE id = ? AND read = 0 AND NOT EXISTS (SELECT 1 "
        "FROM stories s JOIN articles o ON o.id = s.article_id WHERE s.story_id = ? "
        "AND s.article_id != ? AND o.read = 0)",
        [article_id, story, article_id],
    )


def read_as_copies(db: Database, after: int) -> int:
    """How many articles stored after article `after` came in read only as copies of a story
    read in another feed (_read_with_its_story): copies read, which no import's mark (newsboat's
    cache.db) and no sync server's item read (user test r48 LOW-20: 181 of the articles newsboat
    had unread arrived read so, unsaid, and looked like lost marks)."""
    count: int = db.execute(
        "SELECT count(*) FROM stories s JOIN articles a ON a.id = s.article_id "
        "WHERE s.article_id > ? AND s.story_id != s.article_id AND a.read = 1 "
        "AND NOT EXISTS (SELECT 1 FROM imported_marks m WHERE m.article_id = a.id AND m.read = 1) "
        "AND NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.article_id = a.id)",
        [after],
    ).fetchone()[0]
    return count


def split_boilerplate_joins(conn: sqlite3.Connection) -> int:
    """Join the versions of every stored story again by their own text (schema 29: joins were
    made by whole texts, boilerplate included), as join_stories does: in id order, each joins
    the first earlier version of another feed that is the same story, or leads its own. Only
    stories of two feeds or more whose versions all have a sketch are judged (a text that
    could not be read is left alone). Returns how many versions changed story; nothing is
    deleted."""
    stories: dict[int, list[tuple[int, int]]] = {}
    for article_id, story_id, feed_id in conn.execute(
        "SELECT s.article_id, s.story_id, a.feed_id FROM stories s JOIN articles a "
        "ON a.id = s.article_id WHERE s.story_id IN (SELECT story_id FROM stories "
        "WHERE story_id != article_id) AND s.story_id NOT IN (SELECT story_id FROM stories "
        "WHERE sketch IS NULL) ORDER BY s.article_id"
    ).fetchall():
        stories.setdefault(story_id, []).append((article_id, feed_id))
    versions = _Versions(conn)
    moved: list[tuple[int, int]] = []
    for story_id, members in stories.items():
        if len({feed for _, feed in members}) < 2:
            continue
        joined: dict[int, int] = {}
        for n, (article_id, feed_id) in enumerate(members):
            joined[article_id] = next(
                (
                    joined[other]
                    for other, other_feed in members[:n]
                    if other_feed != feed_id
                    and versions.same(
                        (article_id, feed_id),
                        (other, other_feed),
                        [i for i, s in joined.items() if s == joined[other]],
                    )
                ),
                article_id,
            )
            if joined[article_id] != story_id:
                moved.append((joined[article_id], article_id))
    conn.executemany("UPDATE stories SET story_id = ? WHERE article_id = ?", moved)
    return len(moved)


class _Versions:
    """Articles as `newstui.stories.same_story` judges them, read once for a join: each one's
    title and shingles, and its feed's latest articles (whose shared text is boilerplate).
    Kept across a join's short transactions (user test r43 M4: made again for each, 5,000
    templated leftovers of a killed fetch read and shingled the same candidates' texts again
    every 0.2 s); a text another process changes meanwhile is sketched and joined again by
    its new text anyway (sketch_again)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.texts: dict[int, tuple[str, frozenset[int]]] = {}
        self.latest: dict[int, list[int]] = {}
        self.compared = 0  # candidates compared sketch against sketch (bench/stories_lookalike)

    def story(self, story_id: int) -> list[int]:
        """The versions of a stored story."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT article_id FROM stories WHERE story_id = ?", [story_id]
            ).fetchall()
        ]

    def same(self, a: tuple[int, int], b: tuple[int, int], story: Iterable[int] = ()) -> bool:
        """Whether articles a and b ((id, feed id) each) are one story by their own text; the
        versions of b's `story` are not taken for other articles of their feeds (an update of
        a story in the feed that brought it joins the copy of another feed)."""
        from newstui.stories import same_story

        pair = {a[0], b[0], *story}  # b's story's versions are the story, not boilerplate
        return same_story(self._version(a, pair), self._version(b, pair))

    def _version(self, article: tuple[int, int], pair: set[int]) -> Version:
        from newstui.stories import BOILERPLATE_MATES, Version

        article_id, feed_id = article
        mates = [i for i in self._latest(feed_id) if i not in pair][:BOILERPLATE_MATES]
        self._read([article_id, *mates])
        title, shingled = self.texts[article_id]
        return Version(title, shingled, tuple(self.texts[i][1] for i in mates if i in self.texts))

    def _latest(self, feed_id: int) -> list[int]:
        from newstui.stories import BOILERPLATE_MATES

        if feed_id not in self.latest:
            self.latest[feed_id] = [
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM articles WHERE feed_id = ? ORDER BY sort_date DESC, id DESC "
                    "LIMIT ?",
                    [feed_id, BOILERPLATE_MATES + 2],  # two more: the pair is left out
                ).fetchall()
            ]
        return self.latest[feed_id]

    def _read(self, ids: list[int]) -> None:
        from newstui.stories import shingles

        wanted = [i for i in ids if i not in self.texts]
        if not wanted:
            return
        inflate = bulk_inflate()
        for article_id, title, text in self.conn.execute(
            "SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(wanted)],
        ).fetchall():
            self.texts[article_id] = (title or "", shingles(unpacked_text(text, inflate)))


def forget_old_sketches(
    db: Database, limit: int | None = None, pause: Callable[[], None] | None = None
) -> int:
    """Forget the sketch and band keys of up to `limit` (None: OLD_SKETCHES_PER_RUN) articles
    first seen before RECENT_DAYS, oldest first, OLD_SKETCHES_BATCH a transaction: no new
    article can join them any more (the candidate rule), and they keep their story. Returns
    how many were forgotten; a large old store is done over a few runs. A stop keeps the
    batches committed before it and undoes the one it stopped. `pause` (None: a sleep of
    LOCK_GAP_SECONDS) runs between two batches, as join_stories' does."""
    limit = OLD_SKETCHES_PER_RUN if limit is None else limit
    done = 0
    while done < limit:
        with write_transaction(db, check_references=False) as conn:  # its own rows only
            old = conn.execute(
                "SELECT s.article_id, s.story_id FROM stories s JOIN articles a "
                f"ON a.id = s.article_id WHERE s.sketch IS NOT NULL AND NOT ({_RECENT}) "
                "ORDER BY s.article_id LIMIT ?",
                [min(OLD_SKETCHES_BATCH, limit - done)],
            ).fetchall()
            ids = json.dumps([r[0] for r in old])
            # Deleted and written again without the sketch, not updated: a page that held a
            # few sketches (~520 bytes each) then holds a few dozen rows, and the pages left
            # empty are free (an UPDATE left each page as it was, mostly empty: 15 of the
            # table's 26 MiB in a store of 50,000 articles, never reused).
            conn.execute(
                "DELETE FROM stories WHERE article_id IN (SELECT value FROM json_each(?))", [ids]
            )
            conn.executemany("INSERT INTO stories (article_id, story_id) VALUES (?, ?)", old)
            conn.execute(
                "DELETE FROM story_bands WHERE article_id IN (SELECT value FROM json_each(?))",
                [ids],
            )
        done += len(old)
        if len(old) < OLD_SKETCHES_BATCH:
            break
        if done < limit:
            (pause or _let_others_write)()  # as between join_stories' transactions
    return done


def lead_orphaned_stories(conn: sqlite3.Connection, stories: Iterable[int] | None = None) -> None:
    """A story whose leading version was deleted is led by its next one (the lowest id left).
    Lists show a story by its leader only: without one, every copy of it left All and Unread
    (removing the feed that brought a story first hid the other feeds' copies). `stories`:
    only these (the ids of their former leaders), else every story."""
    among = "" if stories is None else "story_id IN (SELECT value FROM json_each(?)) AND "
    leaders = conn.execute(
        f"SELECT min(article_id), story_id FROM stories WHERE {among}"
        "story_id NOT IN (SELECT article_id FROM stories) GROUP BY story_id",
        [] if stories is None else [json.dumps(list(stories))],
    ).fetchall()
    conn.executemany("UPDATE stories SET story_id = ? WHERE story_id = ?", leaders)


def sketch_again(conn: sqlite3.Connection, article_id: int) -> None:
    """Forget the story sketch of an article whose text changed, while it is recent (the next
    find_stories sketches it again, and joins it by its new text): it leaves its story, which
    its next version leads if it led it. An older article keeps its story (it is compared with
    no other: see the candidate rule), and so does one whose new text has the same sketch."""
    recent = conn.execute(
        "SELECT a.text, (SELECT s.sketch FROM stories s WHERE s.article_id = a.id) "
        f"FROM articles a WHERE a.id = ? AND {_RECENT}",
        [article_id],
    ).fetchone()
    if recent is None:
        return
    if recent[1] is not None:
        from newstui.stories import story_sketch

        # A text whose sketch is the same (a title or a date changed, a pairing kept the
        # text) keeps its story: joined again, it found the same or, among look-alikes,
        # another one, at a join's cost.
        if story_sketch(unpacked_text(recent[0], bulk_inflate())).packed == recent[1]:
            return
    conn.execute("DELETE FROM story_bands WHERE article_id = ?", [article_id])
    left = conn.execute("DELETE FROM stories WHERE article_id = ?", [article_id]).rowcount
    if left:  # (its next join is no copy arriving: a copy stored unread stays so, r36 M3)
        conn.execute("INSERT OR IGNORE INTO stories_left (article_id) VALUES (?)", [article_id])
    lead_orphaned_stories(conn, [article_id])


def story_versions(db: Database, article_id: int) -> list[StoryVersion]:
    """Every version of an article's story (itself included), first published first."""
    from newstui.model.analysis import StoryVersion

    return [
        StoryVersion(
            article_id=r[0], feed=hide_passwords(r[1]), title=r[2], read=bool(r[3]), feed_id=r[4]
        )
        for r in db.execute(
            "SELECT a.id, f.name, a.title, a.read, a.feed_id FROM stories s JOIN articles a "
            "ON a.id = s.article_id JOIN feeds f ON f.id = a.feed_id WHERE s.story_id = "
            "(SELECT story_id FROM stories WHERE article_id = ?) ORDER BY a.sort_date, a.id",
            [article_id],
        ).fetchall()
    ]


def story_copies(db: Database, ids: Iterable[int], by_match: bool = False) -> set[int]:
    """Those of the ids that are now copies listed under another article's story (the lists
    that fold copies leave them out: All, Unread, Starred); `by_match` (a search's list,
    which shows a story by the versions that match it): only those with an earlier version
    from another feed among the ids."""
    if not by_match:
        return {
            r[0]
            for r in db.execute(
                "SELECT article_id FROM stories WHERE story_id != article_id "
                "AND article_id IN (SELECT value FROM json_each(?))",
                [json.dumps(list(ids))],
            )
        }
    return {
        r[0]
        for r in db.execute(
            "WITH listed(id) AS (SELECT value FROM json_each(?)) "
            "SELECT c.article_id FROM stories c JOIN articles ca ON ca.id = c.article_id "
            "WHERE c.story_id != c.article_id AND c.article_id IN listed AND EXISTS ("
            "SELECT 1 FROM stories e JOIN articles ea ON ea.id = e.article_id "
            "WHERE e.story_id = c.story_id AND e.article_id < c.article_id "
            "AND ea.feed_id != ca.feed_id AND e.article_id IN listed)",
            [json.dumps(list(ids))],
        )
    }


def story_sizes(db: Database, ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each of the ids joined to a story of other versions: (the story's id, which is its
    first version's, and how many other versions it has). An article alone is left out."""
    return {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT s.article_id, s.story_id, (SELECT count(*) - 1 FROM stories t "
            "WHERE t.story_id = s.story_id) FROM stories s WHERE s.article_id IN "
            "(SELECT value FROM json_each(?)) AND s.story_id IN (SELECT story_id FROM stories "
            "WHERE story_id != article_id AND article_id > 0)",
            [json.dumps(list(ids))],
        )
    }


def same_story_ids(db: Database, ids: list[int]) -> list[int]:
    """The given ids and every other version of their stories."""
    if not ids:
        return []
    found = db.execute(
        "SELECT article_id FROM stories WHERE story_id IN (SELECT story_id FROM stories "
        "WHERE article_id IN (SELECT value FROM json_each(?)))",
        [json.dumps(ids)],
    ).fetchall()
    return sorted(set(ids) | {r[0] for r in found})
