"""Whether a sync is with the account the store was last synced with: a remembered account is
compared by its identity (the user, as configured or as the server knows it, and the server's
URL: run.account_of), and an item missing there means it expired, never that the account changed;
a store that does not remember its last account (synced by a version that did not) has only what
the server's ids and items tell (judge_ids)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# "same": the server is the last account's; "expired": it follows the same feeds but has none of
# the newest items stored here and, among its oldest of those feeds, none of the articles stored
# here under other ids (its retention dropped them): the same account; "other": another
# account's (its ids name other feeds, it follows none of the feeds synced here, or it has the
# articles stored here under other item ids).
Verdict = Literal["same", "expired", "other"]


@dataclass(frozen=True)
class IdEvidence:
    """What one sync's probe of a store with no remembered account found."""

    conflict: bool = False  # a server subscription id is, here, the id of another URL's source
    synced: bool = False  # the store has sources synced before
    listed: int = 0  # the server's subscriptions
    shared: int = 0  # the server's subscriptions whose URL is a source synced here
    probed: int = 0  # the newest stored items asked for by id
    found: int = 0  # how many of them the server has
    relinked: int = 0  # the server's oldest items of shared feeds stored here under other ids
    unordered: int = 0  # shared feeds whose oldest items the server did not give (a full page,
    # not oldest first: it ignores `r=o`, so what it holds under other ids is not known)


@dataclass(frozen=True)
class IdJudgement:
    """The verdict and the clause the sync's report gives for it."""

    verdict: Verdict
    why: str | None = None


def judge_ids(evidence: IdEvidence) -> IdJudgement:
    """Same account, same account whose items expired, or another account, from the probe alone.

    An item the server no longer has is taken for expired when the server follows feeds synced
    here and their oldest items it holds are none of the articles stored here under other ids:
    that is what the same account looks like after its retention ran (another account following
    them has its copies of the stored articles among its oldest), so it is not taken for a switch
    (which would forget every item id, drop the queued marks and remove the sources it no longer
    matches). A server that does not give its oldest items is taken for another account."""
    e = evidence
    if e.conflict:
        return IdJudgement("other", "its ids name other feeds")
    if e.found:
        return IdJudgement("same")
    if not e.synced:
        return IdJudgement("same")  # (nothing synced here: nothing to mix up)
    if not e.shared:
        if not e.probed:  # (an account listing nothing removes nothing: see kept_notice)
            if not e.listed:
                return IdJudgement("same")
            return IdJudgement("other", "it follows none of the feeds synced here")
        return IdJudgement(
            "other", "it has none of the newest articles stored here and none of the same feeds"
        )
    if e.relinked:
        return IdJudgement("other", "it has the articles stored here under other ids")
    if not e.probed:
        return IdJudgement("same")
    if e.unordered:  # (when in doubt, a switch: it keeps what is here, never stores it twice)
        return IdJudgement(
            "other", "it did not give the shared feeds' oldest items, which tell it from another's"
        )
    return IdJudgement("expired")


def same_login(remembered: str, configured: str, reported: tuple[str, ...]) -> bool:
    """Whether two user names configured for one server are one account: the server, logged in
    as `configured`, reports the remembered one among its names for that user (its id, name or
    e-mail: `alice@example.org` and `alice`), case aside."""
    known = {name.casefold() for name in reported}
    return remembered.casefold() in known and configured.casefold() in known
