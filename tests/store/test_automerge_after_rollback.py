"""The article indexes' automerge setting is stored even when the fetch's first insert (several
feeds together) failed and was rolled back, and the feeds were then saved one by one (r31 L2)."""

import newstui.store.article_inserts as article_inserts
from newstui.library import Library
from newstui.model import Article
from tests.store.test_bulk_merges import automerge


def test_automerge_is_set_when_the_first_insert_was_rolled_back(tmp_path, monkeypatch):
    path = tmp_path / "n.db"
    library = Library.open(path)
    feeds = [library.register_source(f"local:/f{n}", f"F{n}", kind="local") for n in (1, 2)]
    real, calls = article_inserts.with_texts, []

    def failing_once(db, texts):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the together insert fails (a bad row)")
        return real(db, texts)

    monkeypatch.setattr(article_inserts, "with_texts", failing_once)
    library.save_batches([(f, [Article(f"T{f}", "flood words", guid=f"g{f}")]) for f in feeds])
    library.close()
    assert automerge(path) == [6, 6]
