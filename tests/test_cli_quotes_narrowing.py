"""`newstui quotes --query Q` (search's query language) and what an empty `--speaker` says of a
person who is in the news but not quoted (user test r53 LOW-7, LOW-9)."""

from __future__ import annotations

import json

from newstui.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--demo", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_quotes_query_keeps_only_the_quotes_of_the_articles_the_search_finds(capsys):
    _, out, _ = run(capsys, "search", "person:Soleimani", "--json")
    found = {a["id"] for a in json.loads(out)}
    _, out, _ = run(capsys, "quotes", "--all", "--json")
    every = json.loads(out)
    _, out, _ = run(capsys, "quotes", "--all", "--json", "--query", "person:Soleimani")
    narrowed = json.loads(out)
    assert narrowed and len(narrowed) < len(every)
    assert {q["article_id"] for q in narrowed} <= found
    assert narrowed == [q for q in every if q["article_id"] in found]  # none left out either


def test_quotes_query_combines_with_speaker(capsys):
    _, out, _ = run(capsys, "quotes", "--all", "--json", "--speaker", "Trump")
    by_trump = json.loads(out)
    _, out, _ = run(capsys, "quotes", "--all", "--json", "--speaker", "Trump", "--query", "wall")
    about_the_wall = json.loads(out)
    assert about_the_wall and len(about_the_wall) < len(by_trump)
    assert all(q in by_trump for q in about_the_wall)


def test_a_broken_query_is_one_line_naming_it(capsys):
    code, out, err = run(capsys, "quotes", "--query", "bad:(")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "query 'bad:('" in err and "unknown field" in err


def test_an_unquoted_person_in_the_news_is_named_with_the_person_search(capsys):
    _, out, err = run(capsys, "quotes", "--speaker", "Soleimani")
    assert out == ""
    assert "Qasem Soleimani is not quoted; mentioned in 2 stories — person:Soleimani" in err
    _, _, err = run(capsys, "quotes", "--speaker", "Qasem Soleimani")
    assert 'person:"Qasem Soleimani"' in err


def test_a_quoted_speaker_narrowed_to_nothing_is_not_called_unquoted(capsys):
    _, out, err = run(capsys, "quotes", "--speaker", "Trump", "--query", "age:<1d")
    assert out == "" and "no quotes found" in err and "not quoted" not in err
    _, out, err = run(capsys, "quotes", "--speaker", "Nobody Atallhere")
    assert out == "" and "no quotes found" in err


def test_speaker_repeated_lists_the_quotes_of_each_speaker_newest_first(capsys):
    lists = {}
    for name in ("Trump", "Pelosi"):
        _, out, _ = run(capsys, "quotes", "--all", "--json", "--speaker", name)
        lists[name] = json.loads(out)
        assert lists[name], name
    _, out, _ = run(
        capsys, "quotes", "--all", "--json", "--speaker", "Trump", "--speaker", "Pelosi"
    )
    both = json.loads(out)
    assert sorted(q["id"] for q in both) == sorted(
        q["id"] for q in lists["Trump"] + lists["Pelosi"]
    )
    _, out, _ = run(capsys, "quotes", "--all", "--json")
    every = [q["id"] for q in json.loads(out)]
    assert [q["id"] for q in both] == [i for i in every if i in {q["id"] for q in both}]


def test_speaker_repeated_says_how_many_there_are_past_the_limit_and_none_found(capsys):
    _, out, err = run(capsys, "quotes", "--speaker", "Trump", "--speaker", "Pelosi", "--limit", "1")
    _, every, _ = run(
        capsys, "quotes", "--all", "--json", "--speaker", "Trump", "--speaker", "Pelosi"
    )
    total = len(json.loads(every))
    assert total > 1 and f"1 of {total:,} quotes shown" in err
    _, out, err = run(capsys, "quotes", "--speaker", "Nobody Atallhere", "--speaker", "Zq Zq")
    assert out == "" and err.strip() == (
        "newstui quotes: no quotes found by 'Nobody Atallhere' or 'Zq Zq'"
    )
