"""tools/build_news_orgs.py reads only the toscaData records it may (pool=open, used=free, and
no other row of the same id or title barred) and turns their wiki-ish text into plain text."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(
        "build_news_orgs", ROOT / "tools/build_news_orgs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_open_free_records_are_read_and_a_barred_id_or_title_bars_every_copy(tmp_path) -> None:
    rows = [
        ("economy.rda#1", "ID1", "open", "free", "Mill closes"),
        ("economy.rda#2", "ID2", "open", "used", "Bank merges"),
        ("economy.rda#3", "ID3", "blind", "free", "Port reopens"),
        ("politics.rda#1", "ID1", "open", "free", "Mill closes"),
        ("politics.rda#2", "ID4", "open", "free", "Port reopens"),  # a barred article's title
        ("politics.rda#3", "ID2", "open", "free", "Bank merges"),  # a barred id in the other file
        ("politics.rda#4", "ID5", "open", "free", "Vote counted"),
    ]
    lines = ["origin\tid\tpool\tused\ttitle"]
    lines += [f"github:o/r@c:data/{o}\t{i}\t{p}\t{u}\t{t}" for o, i, p, u, t in rows]
    (tmp_path / "partition.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    allowed = _tool()._allowed_ids(tmp_path / "partition.tsv")
    assert allowed == {"economy": {"ID1"}, "politics": {"ID1", "ID5"}}


def test_a_record_loses_its_wrapper_and_link_gaps_and_keeps_its_paragraphs() -> None:
    raw = (
        '<text xml:space="preserve" bytes="99">  Mill owner Kelbrook  said on Monday it will'
        " close. Workers at the ''Tarn'' plant &amp; others , he said.  The union objected.</text>"
    )
    assert _tool().clean(raw) == (
        "Mill owner Kelbrook said on Monday it will close. Workers at the Tarn plant & others,"
        " he said.\n\nThe union objected."
    )


def test_a_corpus_splits_into_two_halves_by_address_the_same_way_every_time(tmp_path) -> None:
    corpus = tmp_path / "open.jsonl"
    rows = [
        {"url": f"https://news.example/wiki/Story_{n}", "text": f"Story {n}."} for n in range(40)
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tool = _tool()
    even, odd = tmp_path / "even.jsonl", tmp_path / "odd.jsonl"
    counts = tool.write_half(corpus, even, "even"), tool.write_half(corpus, odd, "odd")
    halves = [
        {json.loads(line)["url"] for line in path.read_text(encoding="utf-8").splitlines()}
        for path in (even, odd)
    ]
    assert counts == (len(halves[0]), len(halves[1])) and all(counts)
    assert halves[0] | halves[1] == {r["url"] for r in rows} and not halves[0] & halves[1]
    digest = hashlib.sha1(rows[0]["url"].encode("utf-8")).digest()[-1]
    assert (rows[0]["url"] in halves[1]) == bool(digest % 2)
    tool.write_half(corpus, even, "even")
    assert {json.loads(x)["url"] for x in even.read_text().splitlines()} == halves[0]


def test_a_one_word_name_one_slip_from_a_known_body_is_a_misspelling() -> None:
    tool = _tool()
    names = ["Tescos", "Netfilx", "Rainsbury", "Ainsbury", "Lashkar-e-Toiba", "Hürriyet"]
    known = ["Netflix", "Rainsbury", "Lashkar-e-Taiba", "Hurriyet", "Tesco Stores"]
    # swapped neighbours; a name equal to a known one is no slip, nor one without its first
    # letter; a letter changed is another spelling
    assert tool.misspelt(names, known) == {"Netfilx"}
    # of two learnt names, the one given later (fewer articles) is the slip
    assert tool.misspelt(["Bloomberg", "Bloomsberg", "Kayhan", "Kaihan"], []) == {"Bloomsberg"}
