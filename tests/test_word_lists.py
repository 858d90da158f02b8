"""Messages list names one way (review r48: six copies wrote "A, B" or "A and B", with or
without a thousands comma)."""

from __future__ import annotations

import pytest

from newstui.word_lists import did_you_mean, listed


@pytest.mark.parametrize(
    ("names", "shown", "said"),
    [
        ([], 3, ""),
        (["Wire"], 3, "Wire"),
        (["Wire", "Atom Lab"], 3, "Wire and Atom Lab"),
        (["A", "B", "C"], 3, "A, B and C"),
        (["A", "B", "C", "D"], 3, "A, B, C and 1 more"),
        ([str(n) for n in range(1_210)], 5, "0, 1, 2, 3, 4 and 1,205 more"),
        (["A", "B", "C", "D", "E"], 5, "A, B, C, D and E"),
    ],
)
def test_names_are_listed_the_first_few_named_and_the_rest_counted(
    names: list[str], shown: int, said: str
) -> None:
    assert listed(names, shown) == said


def test_each_message_listing_names_says_them_alike() -> None:
    """The proxy line and a sync's subscriptions summary, two of the lines that list."""
    from newstui.model.fetching import SyncChanges
    from newstui.sources.proxies import unusable_line

    assert (
        unusable_line("no proxy", ["Wire", "Blog"])
        == "no proxy; 2 feeds not fetched: Wire and Blog"
    )
    changes = SyncChanges(server="h", added=("A", "B", "C", "D"))
    assert changes.clauses() == ["4 subscriptions added (A, B, C and 1 more)"]


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ([], ""),
        (["News/Europe/Nordics"], " (did you mean 'News/Europe/Nordics'?)"),
        (["Łódź Daily", "Łódź Sport"], " (did you mean 'Łódź Daily' or 'Łódź Sport'?)"),
        (["A", "B", "C"], " (did you mean 'A', 'B' or 'C'?)"),
        (["A", "B", "C", "D", "E"], " (did you mean 'A', 'B', 'C' or 2 more?)"),
        (["Bob's"], ' (did you mean "Bob\'s"?)'),  # quoted as Python quotes it, as ever
    ],
)
def test_did_you_mean_names_a_few_quoted_joined_by_or_and_counts_the_rest(
    names: list[str], said: str
) -> None:
    assert did_you_mean(names) == said


def test_names_listed_with_or_keep_the_same_shape() -> None:
    assert listed(["A", "B", "C", "D"], 3, "or") == "A, B, C or 1 more"
    assert listed(["A", "B"], 3, "or") == "A or B"
