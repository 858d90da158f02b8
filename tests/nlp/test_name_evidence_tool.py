"""tools/build_name_evidence.py (round 30, not used by the extractor): names typed by what the
extractor's cues said of them across unannotated news. The lexicon is built the same byte for
byte from the same corpus, holds a name only where cues of two articles agree, and the copy of
the extractor its cv step measures types by it only a name its own article says nothing of."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))
import build_name_evidence as tool  # noqa: E402

ARTICLES = [
    "Shares of Quillex rose. President Ossian Vrettle said the Dravmoor-based bank would grow.",
    "Ossian Vrettle said the Dravmoor-based firm Quillex would close. President Ossian Vrettle spoke.",
    "Ossian Vrettle said the Dravmoor-based firm Quillex would close. President Ossian Vrettle spoke.",
    "Farmers near Lindqvale planted late this year.",
]


def _corpus(folder: Path, texts: list[str]) -> Path:
    path = folder / "corpus.jsonl"
    lines = [
        json.dumps({"url": f"https://en.wikinews.org/wiki/Story_{n}", "text": t})
        for n, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_lexicon_is_built_byte_for_byte_the_same_from_the_same_corpus(tmp_path) -> None:
    corpus = _corpus(tmp_path, ARTICLES)
    first, second = tmp_path / "a.txt.gz", tmp_path / "b.txt.gz"
    assert tool.main(["build", str(corpus), "--out", str(first)]) == 0
    assert tool.main(["build", str(corpus), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    lines = gzip.decompress(first.read_bytes()).decode("utf-8").splitlines()
    assert lines[0].startswith("# ")
    assert lines[1:] == ["Dravmoor\tPLACE", "Ossian Vrettle\tPERSON", "Quillex\tORG"]


def test_a_name_typed_in_one_article_only_stays_out(tmp_path) -> None:
    records = list(tool.read_corpus(_corpus(tmp_path, ARTICLES[1:])))  # one article, twice
    assert len(records) == 2  # the same text is read once
    entries = tool.lexicon(
        tool.corpus_evidence(records), tool.word_cases(r["text"] for r in records)
    )
    assert entries == {}


def test_a_word_the_corpus_writes_in_lower_case_is_no_name() -> None:
    cases = tool.word_cases(
        ["Our freedom and their freedom. They met at Freedom Hall with Quillex."]
    )
    assert tool._common_words("Freedom", cases)
    assert not tool._common_words("Quillex", cases)


def test_a_corpus_line_that_is_no_record_is_named_with_its_place(tmp_path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"url": "u", "text": "fine"}\n{"url": "u"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad\.jsonl:2: not a corpus record"):
        list(tool.read_corpus(path))


def test_cross_validation_refuses_a_blind_folder(tmp_path) -> None:
    folder = tmp_path / "wikinews-blind99"
    folder.mkdir()
    with pytest.raises(SystemExit, match="a blind set"):
        tool.cross_validate(_corpus(tmp_path, ARTICLES), [folder], 2, 0.8)


_ANALYSE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from newstui.nlp.rules import RulesExtractor
extractor = RulesExtractor()
print(json.dumps([[[e.name, e.type] for e in extractor.analyse(t).entities] for t in sys.argv[2:]]))
"""


def _entities(copy: Path, texts: list[str]) -> list[set[tuple[str, str]]]:
    out = subprocess.run(
        [sys.executable, "-c", _ANALYSE, str(copy), *texts],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [{(name, kind) for name, kind in found} for found in json.loads(out)]


def test_the_measured_copy_types_by_the_lexicon_only_what_its_article_leaves_untyped(
    tmp_path,
) -> None:
    copy = tool.hooked_copy(tmp_path)
    texts = [
        "The figures were sent to Quillex on Monday morning.",
        "The report was sent to Ossian Vrettle on Monday.",
        "Talks were held in Quillex on Monday.",  # "in X": a place, whatever the corpus says
        "The Quillex-based firm grew.",
    ]
    alone = _entities(copy, texts)
    assert ("Quillex", "ORG") not in alone[0]
    tool.write_lexicon(tool.lexicon_path(copy), {"Quillex": "ORG", "Ossian Vrettle": "PERSON"})
    lexicon = _entities(copy, texts)
    assert ("Quillex", "ORG") in lexicon[0]
    assert ("Ossian Vrettle", "PERSON") in lexicon[1]
    for local in lexicon[2:]:
        assert ("Quillex", "PLACE") in local and ("Quillex", "ORG") not in local
