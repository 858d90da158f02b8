"""How many worker processes a fetch starts: cores less the fetching process's own, within memory."""

import os

from newstui.processes import WORKER_MEMORY, available_memory, fetch_workers

PLENTY = 64 * 2**30


def test_a_fetch_leaves_one_core_to_the_process_that_downloads_and_stores():
    assert fetch_workers(2, PLENTY) == 1
    assert fetch_workers(4, PLENTY) == 3
    assert fetch_workers(1, PLENTY) == 1


def test_a_fetch_starts_only_the_workers_the_available_memory_holds():
    assert fetch_workers(8, 3 * WORKER_MEMORY + 1) == 3
    assert fetch_workers(8, WORKER_MEMORY // 2) == 1  # always one


def test_the_available_memory_is_read_from_the_system():
    available = available_memory()
    assert available is None or available > 0
    assert 1 <= fetch_workers() <= max(1, (os.cpu_count() or 1) - 1)


def demo_texts() -> list[str]:
    """Real article texts: the Wikinews articles of the demo feeds and the seed article."""
    from newstui.demo import DEMO_SOURCES, seed_article_path
    from newstui.sources.feeds import parse_feed

    folder = seed_article_path().parent
    texts = [seed_article_path().read_text("utf-8")]
    for file, _, _ in DEMO_SOURCES:
        if not file.endswith(".xml"):
            continue
        parsed = parse_feed((folder / file).read_bytes(), file, "application/rss+xml")
        texts += [article.text for article in parsed.articles]
    return texts


def test_story_sketches_made_in_a_worker_are_those_made_in_the_fetching_process():
    from newstui.processes import CpuPool
    from newstui.stories import band_keys, pack, sketch, stored_form, unpack

    texts = [*demo_texts(), "Too short to judge."]
    assert len(texts) >= 20
    wanted = [i % 3 != 1 for i in range(len(texts) - 1)] + [True]  # only those asked for
    with CpuPool(1) as pool:
        results = list(pool.analyse("rules", texts, wanted))
    assert [r.story is not None for r in results] == wanted
    assert all(r.error is None and r.rows[0] for r in results[:-1])  # entities found
    for text, want, result in zip(texts, wanted, results, strict=True):
        if not want:
            continue
        here = sketch(text)
        assert result.story is not None
        if here is None:
            assert result.story.packed is None and result.story.keys == ()
            continue
        assert result.story.packed == pack(here)
        assert result.story.keys == tuple(band_keys(stored_form(here)))
        assert unpack(result.story.packed) == stored_form(here)  # what the store compares
    assert results[-1].story is not None and results[-1].story.packed is None


def test_a_parsed_feed_brings_its_packed_texts_utf8_only_when_asked():
    """The storing process indexes a packed text from its UTF-8 (no unpacking) when the parse
    brings it; a fetch whose analyses stream asks for none (~3 KB less an article in hand)."""
    from newstui.processes import parse_document

    text = "The harbour reopened after the storm, officials said. " * 10
    rss = (
        "<rss version='2.0'><channel><title>t</title><item><title>Harbour</title>"
        f"<description>{text}</description><guid>1</guid></item></channel></rss>"
    ).encode()
    with_utf8 = parse_document(rss, "http://x/", "application/rss+xml").articles[0]
    without = parse_document(rss, "http://x/", "application/rss+xml", utf8=False).articles[0]

    assert isinstance(with_utf8.text, bytes) and with_utf8.text_utf8 == text.strip().encode()
    assert without.text_utf8 is None and without.text == with_utf8.text


def test_an_analysis_travels_as_flat_offsets_with_each_other_wording_once():
    """A worker's analysis comes back as plain tuples: each entity's mention offsets in one
    flat tuple, in text order, and the other words its mentions have (not its name), once."""
    from newstui.model import Analysis, analysis_rows
    from newstui.model.analysis import Entity, Mention, Quote

    text = "Mara Quill spoke. Quill said: “We go.” Ms Quill left; Quill stayed. Dr. Quill waved."
    mentions = [(0, 10), (18, 23), (39, 47), (54, 59), (68, 77)]
    quill = Entity("Mara Quill", "PERSON", tuple(Mention(s, e, text[s:e]) for s, e in mentions))
    harbour = Entity("Harbour Board", "ORG", ())
    analysis = Analysis(entities=(quill, harbour), quotes=(Quote("We go.", 31, 37, "Mara Quill"),))
    entities, quotes = analysis_rows(analysis)
    assert entities == (
        ("Mara Quill", "PERSON", (0, 10, 18, 23, 39, 47, 54, 59, 68, 77), ("Quill", "Ms Quill", "Dr. Quill")),
        ("Harbour Board", "ORG", (), ()),
    )  # fmt: skip
    assert quotes == ((31, 37, "Mara Quill"),)


def test_a_worker_that_analyses_collects_young_objects_rarely():
    """Most of what an analysis allocates is soon garbage: the worker's collector runs a young
    collection every YOUNG_WHILE_STREAMING allocations, not Python's 700."""
    import gc

    from newstui.processes import YOUNG_WHILE_STREAMING, CpuPool

    with CpuPool(1) as pool:
        assert pool.submit_call(gc.get_threshold).result()[0] < YOUNG_WHILE_STREAMING
        assert pool.analyse_chunk("rules", ["Ana Lee said: “We will open the harbour.”"]).result()
        after = pool.submit_call(gc.get_threshold).result()
    assert after[0] == YOUNG_WHILE_STREAMING
    assert after[1:] == gc.get_threshold()[1:]  # the older generations' as they were


def test_an_analysis_cancelled_while_its_chunks_are_analysed_ends_its_results_there():
    """The app quits during its analysis (user test r54 HIGH-2): the results end at the chunk
    being waited for, not after every chunk sent; the pool then closes without waiting."""
    import threading

    from newstui.processes import CHUNK, CpuPool

    texts = ["Ana Lopes said the river rose in Lisbon on Monday."] * (3 * CHUNK)
    cancel = threading.Event()
    got = []
    with CpuPool(1) as pool:
        for result in pool.analyse("rules", texts, cancel=cancel):
            got.append(result)
            if len(got) == 1:
                cancel.set()  # the first chunk's results are in hand: the rest are not read
        pool.close(wait=False)
    assert len(got) == CHUNK and all(r.error is None for r in got)
    with CpuPool(1) as pool:
        cancel = threading.Event()
        cancel.set()  # quit before the first chunk came back: nothing is waited for
        assert list(pool.analyse("rules", texts, cancel=cancel)) == []
        pool.close(wait=False)


def test_a_cancelled_analysis_drops_its_chunks_not_started():
    """After the cancel, the chunks still queued for the worker are cancelled, not analysed
    for nobody before the next analysis (or the app's exit) can have the worker (review r54
    HIGH-11)."""
    import threading
    from concurrent.futures import Future

    from newstui.processes import CHUNK, CpuPool

    queued: list[Future] = [Future() for _ in range(3)]
    cancel = threading.Event()
    cancel.set()
    pool = CpuPool(1)
    texts = ["Ana Lopes said the river rose."] * (3 * CHUNK)

    assert list(pool._chunk_results(queued, "rules", texts, [False] * len(texts), (), cancel)) == []
    assert all(future.cancelled() for future in queued)


def test_the_app_s_worker_on_quit_runs_no_task_still_queued():
    """`AnalysisWorker.close` (the app quits) cancels the tasks not started: the process's
    exit waited for every queued chunk of a 1,000-article batch (review r54 HIGH-11)."""
    import time
    from concurrent.futures import wait

    from newstui.processes import AnalysisWorker

    worker = AnalysisWorker()
    first = worker.pool.submit_call(time.sleep, 0.5)
    later = [worker.pool.submit_call(time.sleep, 0.5) for _ in range(6)]

    worker.close()
    wait(later, timeout=60)  # (the pool's manager thread cancels them: soon, not at once)

    # (at most the running task and the one already handed to the worker's queue still run)
    assert sum(future.cancelled() for future in later) >= len(later) - 2
    first.result(timeout=60)
    worker.pool.close()
