"""Whose a store's server is when the store does not remember its last account: the decision
from the probe alone (sync/account.py), before any sync acts on it."""

from __future__ import annotations

import pytest

from newstui.sync.account import IdEvidence, judge_ids, same_login


@pytest.mark.parametrize(
    ("evidence", "verdict"),
    [
        # the server still has one of the newest items stored here: the same account
        (IdEvidence(synced=True, listed=2, shared=2, probed=2, found=1), "same"),
        (IdEvidence(synced=True, listed=2, shared=0, probed=2, found=1), "same"),
        # none of them, but it follows the same feeds and does not hold their articles under
        # other ids: its retention dropped them (review r30b LOW 1: taken for a switch)
        (IdEvidence(synced=True, listed=2, shared=1, probed=2), "expired"),
        # none of them, and it holds the articles stored here under other ids: another user
        # following the same feeds (as after one OPML import)
        (IdEvidence(synced=True, listed=2, shared=1, probed=2, relinked=3), "other"),
        # none of them, and a shared feed's oldest items not given (a full page, newest first:
        # it ignores `r=o`): not known whether it holds them under other ids, so a switch, which
        # keeps what is here (review r31 H1: taken for expired, every article stored twice)
        (IdEvidence(synced=True, listed=2, shared=2, probed=2, unordered=1), "other"),
        # none of them and none of the same feeds: another account
        (IdEvidence(synced=True, listed=1, shared=0, probed=2), "other"),
        # no item stored here to ask for, and none of the same feeds: another account
        (IdEvidence(synced=True, listed=1, shared=0, probed=0), "other"),
        # one of its ids names another source's URL here: another account
        (IdEvidence(conflict=True, synced=True, listed=1, shared=1, probed=0), "other"),
        # nothing to tell by: the same (nothing is forgotten)
        (IdEvidence(synced=True, listed=1, shared=1, probed=0), "same"),
        (IdEvidence(synced=True, listed=0, shared=0, probed=0), "same"),
        (IdEvidence(synced=False, listed=3), "same"),
    ],
)
def test_whose_the_server_is_is_told_by_what_the_probe_found(
    evidence: IdEvidence, verdict: str
) -> None:
    assert judge_ids(evidence).verdict == verdict


def test_a_missing_item_of_feeds_still_followed_is_never_a_switch() -> None:
    for probed in range(1, 21):
        judged = judge_ids(IdEvidence(synced=True, listed=5, shared=1, probed=probed))
        assert (judged.verdict, judged.why) == ("expired", None)


def test_each_switch_says_what_told_it() -> None:
    whys = {
        judge_ids(e).why
        for e in (
            IdEvidence(conflict=True, synced=True, listed=1),
            IdEvidence(synced=True, listed=1, probed=1),
            IdEvidence(synced=True, listed=1),
            IdEvidence(synced=True, listed=1, shared=1, probed=1, relinked=1),
            IdEvidence(synced=True, listed=1, shared=1, probed=1, unordered=1),
        )
    }
    assert None not in whys
    assert len(whys) == 5


@pytest.mark.parametrize(
    ("remembered", "configured", "reported", "same"),
    [
        ("alice", "alice@example.org", ("1001", "alice", "alice@example.org"), True),
        ("alice@example.org", "Alice", ("1001", "alice", "alice@example.org"), True),
        ("Alice", "alice", ("alice", "alice", ""), True),
        ("alice", "bob", ("bob", "bob", ""), False),  # another user
        ("alice", "bob", ("alice", "alice", ""), False),  # (bob's login not among its names)
        ("alice", "alice@example.org", (), False),  # a server that does not say
    ],
)
def test_two_user_names_are_one_account_only_when_the_server_says_so(
    remembered: str, configured: str, reported: tuple[str, ...], same: bool
) -> None:
    assert same_login(remembered, configured, reported) is same
