"""What a fetch says to a user: a line per source, the failed article pages, unusable proxies,
an HTTP failure's advice, errors' URLs shortened."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from newstui.counts import counted
from newstui.local_times import in_message, short_time, until_iso
from newstui.model import FulltextProblem, SaveResult, SourceOutcome
from newstui.sources.backoff import RETRY_AFTER_CAP
from newstui.text import clean_line
from newstui.word_lists import listed

if TYPE_CHECKING:
    from newstui.model.failure_news import LastFetch


def dropped_said(saved: SaveResult) -> str | None:
    """The warning for the enclosures the new and changed articles left out (not http(s)
    URLs), or None: said as they are stored, not at each fetch of an unchanged entry."""
    if not saved.dropped_enclosures:
        return None
    from newstui.sources.enclosures import DroppedEnclosures

    return DroppedEnclosures(saved.dropped_enclosures).said()


def http_failure_said(
    status: int | None, name: str, asked: datetime | None, now: datetime, *, subscribed: bool
) -> str:
    """What a failed fetch's line adds to the server's answer: a 410's advice (to remove a
    subscribed feed; of a feed `add` tried, that it is gone: user test r44 M2, it said to remove
    a feed it never added), the time a Retry-After asks to wait until (r44 L1: honoured, never
    said), named so only for a subscribed feed (the app's refresh line reads it there): `add`'s
    line ends "(not added to …)", and two brackets in a row read badly (r44)."""
    said = ""
    if status == 410 and subscribed:  # (user test r35 L2: retried for ever, nothing said)
        remove = f"`newstui remove {shlex.quote(name)}`"
        said = f", gone for good — remove it with D in Sources or {remove}"
    elif status == 410:
        said = ": the publisher has taken this feed down for good"
    if asked is not None:
        # (a longer ask is newstui's cap, not the server's time: r45 L3 said 9999's as a week's)
        cap = RETRY_AFTER_CAP
        longer = f"longer: newstui waits at most {cap.days} days, " if asked - now >= cap else ""
        # (kept in UTC, as `feeds` reads it in any zone and on any day: local_times.in_message
        # shows it in the reader's, "16:25" today, "Tue 16:25" this week, else with its date)
        said += f"; the server asks to wait {longer}{until_iso(asked)}"
        said += " (Retry-After)" if subscribed else ""
    return said


def strip_url(message: str, url: str) -> str:
    """Error text without a leading repeat of the URL (the feed name already says which; an error
    shows the URL with its password hidden, a page's error a long one shortened)."""
    from newstui.errors import hide_url_password

    for full in (url, hide_url_password(url)):
        for shown in (full, clean_line(full, PAGE_URL_SHOWN)):
            if message.startswith(shown + ": "):
                return message[len(shown) + 2 :]
    return message


PAGE_URL_SHOWN = 200  # characters of a failed page's URL its stored error gives


def page_error(message: str, url: str) -> str:
    """A failed article page's error as stored and said: its URL shortened, its reason kept
    (hostile r48: an article link of 10,000 characters, common enough for tracking links, left
    300 characters of it and no reason: `fulltext.error` and the fetch's line said no HTTP
    status, and the line counted every page as one problem)."""
    reason = strip_url(message, url)
    if reason == message:
        return clean_line(message, 300)
    shown = message[: len(message) - len(reason) - 2]
    return f"{clean_line(shown, PAGE_URL_SHOWN)}: {clean_line(reason, 300)}"


def unusable_proxy_lines(outcomes: Sequence[SourceOutcome]) -> tuple[list[str], frozenset[str]]:
    """One line per proxy variable that cannot be used and failed feeds of a fetch, with how many
    (said once a run, not once a feed: r46 scope 1), and the names of those feeds."""
    failed = [o for o in outcomes if o.error]
    if not failed:  # (the common case, without reading the environment's proxies)
        return [], frozenset()
    from newstui.sources.proxies import proxy_settings, unusable_line

    lines: list[str] = []
    names: set[str] = set()
    for reason in proxy_settings().unusable:
        refused = [o.name for o in failed if o.error == f"{o.name}: {reason}"]
        if refused:
            lines.append(clean_line(unusable_line(reason, refused), 300))
            names.update(refused)
    return lines, frozenset(names)


def describe(outcome: SourceOutcome) -> str:
    """One line for a source's outcome."""
    if outcome.error:
        return clean_line(in_message(outcome.error), 300)
    if outcome.waiting_until and outcome.waiting_status is not None:
        # (the server is overloaded or limits its callers: no call to fetch it now, user test
        # r44 L1; named, it is fetched all the same)
        when = short_time(outcome.waiting_until)  # ("22:02" today, as `feeds` says it: r46 L5)
        answer = f"HTTP {outcome.waiting_status} {http_reason(outcome.waiting_status)}"
        return f"{outcome.name}: not fetched: the server answered {answer}, next try at {when}"
    if outcome.waiting_until:
        when = short_time(outcome.waiting_until)
        return f"{outcome.name}: not fetched: failing, next try at {when} (name it to try now)"
    if outcome.not_modified:
        return f"{outcome.name}: not modified"
    text = f"{outcome.name}: {outcome.new} new, {outcome.updated} updated"
    said = fulltext_said(outcome.fulltext_ok, outcome.fulltext_failed, outcome.fulltext_left)
    return f"{text}; {said}" if said else text


def failure_lines(
    failed: Sequence[SourceOutcome], tried: int, *, answered: bool = False
) -> list[str]:
    """The `error:` lines (without that word) for the sources of a fetch that failed, `tried`
    of them tried: one a reason, the sources failing for one reason said in one line, counted
    and named, "74 sources: cannot connect to 127.0.0.1:8749: connection refused (News Wire 0,
    News Wire 1, News Wire 2 and 71 more)" (user test r49 MED-7: an offline cron run mailed a
    line a feed, 74 of them); a reason that names each source's host ("cannot connect to
    a.example: unknown host") counts as one without it. Every source tried failing for the
    network's sake (two or more), and no server answered (`answered`: the sync's did): one
    line saying the network looks down."""
    # its reason without its host → each source's name, reason and line
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for o in failed:
        line = describe(o)
        reason = line.removeprefix(f"{o.name}: ")
        key = without_host(reason) if reason != line else line
        groups.setdefault(key, []).append((o.name, reason, line))
    lines = []
    ranked = sorted(groups.items(), key=lambda group: -len(group[1]))  # (the most shared first)
    for key, members in ranked:
        if len(members) == 1:
            lines.append(members[0][2])
            continue
        reasons = {reason for _, reason, _ in members}
        said = reasons.pop() if len(reasons) == 1 else key
        names = _names_listed([name for name, _, _ in members])
        lines.append(f"{counted(len(members), 'source')}: {said} ({names})")
    if network_looks_down(failed, tried, answered=answered):
        if len(lines) == 1:
            return [f"{NETWORK_DOWN}: {lines[0]}"]
        names = _names_listed([o.name for o in failed])
        every = ", ".join(f"{len(members):,} {key}" for key, members in ranked)
        return [f"{NETWORK_DOWN}: {counted(len(failed), 'source')}: {every} ({names})"]
    return lines


def waiting_lines(outcomes: Sequence[SourceOutcome]) -> list[str]:
    """The `waiting:` lines (without that word) of the sources a fetch left to wait: a source
    alone as `describe` says it; two or more waiting after failing in one line with the way to
    try them now (user test r51 LOW-20: ten lines, each "name it to try now"); those waiting on a
    server's answer (429, 503) each in its own line, as before."""
    waiting = [o for o in outcomes if o.waiting_until]
    failing = [o for o in waiting if o.waiting_status is None]
    if len(failing) < 2:
        return [describe(o) for o in waiting]
    first = min(o.waiting_until for o in failing if o.waiting_until is not None)
    names = _names_listed([o.name for o in failing])
    grouped = (
        f"{counted(len(failing), 'source')} left to wait after failing, next try at "
        f"{short_time(first)} ({names}): `newstui fetch --now` tries them now"
    )
    return [grouped] + [describe(o) for o in waiting if o.waiting_status is not None]


NETWORK_DOWN = "the network looks down"  # what `fetch` and the app's refresh line say then


def network_looks_down(
    failed: Sequence[SourceOutcome], tried: int, *, answered: bool = False
) -> bool:
    """Whether every source tried (two or more, `tried` of them) failed for the network's sake
    (refused, unknown host, timed out, reset) and no other server answered in the same run
    (`answered`: the sync server did, user test r51 LOW-19: one feed host down beside a working
    FreshRSS was "the network looks down"): `fetch`'s lines and the app's refresh line then
    say the network looks down (user test r50 LOW-15: the app said "62 failed")."""
    if answered:
        return False
    return len(failed) >= 2 and len(failed) == tried and all(o.network for o in failed)


def sync_answered(outcomes: Sequence[SourceOutcome]) -> bool:
    """Whether a run's sync reached its server (then the network is not down)."""
    return any(o.sync and not o.error for o in outcomes)


def recovered_lines(recovered: Sequence[tuple[str, LastFetch]]) -> list[str]:
    """The `recovered:` lines (without that word) for the sources read again after failing, each
    with its last fetch's record: "Wire: read again after 3 failed fetches since Mon 16:32", or
    two or more in one line, "74 sources read again after failing since 16:32 (A, B, C and 71
    more)" (user test r49 MED-7: 74 lines the run after an offline one)."""
    if len(recovered) < 2:
        return [recovered_line(name, before) for name, before in recovered]
    since = [before.failing_since for _, before in recovered if before.failing_since]
    after = f"after failing since {short_time(min(since))}" if since else "after failing"
    names = _names_listed([name for name, _ in recovered])
    return [f"{counted(len(recovered), 'source')} read again {after} ({names})"]


def _names_listed(names: Sequence[str]) -> str:
    """Sources' names for a line, in the order of their names (a fetch's come as each ends),
    those that are an address (a feed with no title) after the titles: the first ones named
    tell most (user test r50 LOW-10: `127.0.0.1:8771/notitle.xml` came first)."""
    return listed(sorted(names, key=lambda name: (_is_address(name), name.casefold(), name)))


# A feed's name that is its address (model.names.url_name: host, port, path; no space)
_ADDRESS_NAME = re.compile(r"[^\s/]+\.[^\s/.]+(?::\d+)?(?:/\S*)?")


def _is_address(name: str) -> bool:
    return _ADDRESS_NAME.fullmatch(name) is not None and ("/" in name or ":" in name)


def recovered_line(name: str, before: LastFetch, *, sync: bool = False) -> str:
    """A source read again after failing: "Wire: read again after 3 failed fetches since Mon
    16:32" (the first failure's local time), or "…after its last fetch failed"; the sync (`sync`)
    "synced again after 2 failed syncs since 07:31" (user test r49 LOW-7: it was "read again
    after its last fetch failed")."""
    verb, run, runs = ("synced", "sync", "syncs") if sync else ("read", "fetch", "fetches")
    if before.failures >= 2 and before.failing_since:
        failed = counted(before.failures, f"failed {run}", f"failed {runs}")
        return f"{name}: {verb} again after {failed} since {short_time(before.failing_since)}"
    if not before.failures and before.failing_since:  # (the network down: none counted)
        return f"{name}: {verb} again after failing since {short_time(before.failing_since)}"
    return f"{name}: {verb} again after its last {run} failed"


def http_reason(status: int) -> str:
    """A status's standard reason phrase ("Too Many Requests"), or "" for one unknown."""
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


FULLTEXT_LEFT = "older left as the feed gave them"  # pages "auto" did not read (the count's)


def fulltext_said(fetched: int, failed: int, left: int) -> str | None:
    """The full-text clause of a fetch's lines, when any page was read, failed or left: "full
    texts: 3 fetched, 1 failed, 4,950 older left as the feed gave them" (review r37 X1: the
    pages left were dropped from a source's line, and dangled in the summary, when none of the
    newest was read or failed)."""
    if not (fetched or failed or left):
        return None
    said = f"full texts: {fetched:,} fetched"
    said += f", {failed:,} failed" if failed else ""
    return said + (f", {left:,} {FULLTEXT_LEFT}" if left else "")


LISTED_PROBLEMS = 3  # a source's unreadable files listed one a line; more: counted


def file_problem_lines(outcome: SourceOutcome) -> list[str]:
    """The lines that say which files of a local source could not be read (or were read with a
    problem): one a file for a few, then how many more (`--json` lists every one)."""
    problems = [f"{outcome.name}: {problem}" for problem in outcome.problems]  # as a feed's
    if len(problems) <= LISTED_PROBLEMS + 1:  # (a line saying "1 more" would replace that one)
        return problems
    rest = len(problems) - LISTED_PROBLEMS
    more = f"{outcome.name}: {counted(rest, 'more problem')} with its files (--json lists each)"
    return [*problems[:LISTED_PROBLEMS], more]


FULLTEXT_REASONS_SHOWN = (
    2  # a fetch's most common page problems said with an example; more: counted
)
FULLTEXT_FEEDS_SHOWN = 3  # the feeds the full-text line names, most failed pages first


def fulltext_failures_line(outcomes: Sequence[SourceOutcome]) -> str | None:
    """The one line that says which article pages of a fetch failed (None when none did), its
    counts first, as the app's refresh line: "full text: 3 of 12 pages could not be fetched in
    Gazette (2), Wire (1), the feeds' text kept: 2 timed out, e.g. https://…; 1 HTTP 404 Not
    Found, e.g. https://… (--json lists each)" (user test r47 L6: a line a page for up to three
    a source, a line a source past that). `--json` and each article's `fulltext.error` keep
    every one."""
    failed = [(o, p) for o in outcomes for p in o.fulltext_problems]
    if not failed:
        return None
    by_reason: dict[str, list[FulltextProblem]] = {}
    by_feed: dict[str, int] = {}
    for outcome, problem in failed:
        by_reason.setdefault(_short_reason(problem), []).append(problem)
        by_feed[outcome.name] = by_feed.get(outcome.name, 0) + 1
    ranked = sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0]))
    reasons = "; ".join(
        f"{len(pages):,} {reason}, e.g. {_example(pages)}"
        for reason, pages in ranked[:FULLTEXT_REASONS_SHOWN]
    )
    if others := sum(len(pages) for _, pages in ranked[FULLTEXT_REASONS_SHOWN:]):
        reasons += f"; {others:,} for other reasons"
    feeds = sorted(by_feed.items(), key=lambda item: (-item[1], item[0]))
    if len(feeds) == 1:
        where = feeds[0][0]
    else:
        where = ", ".join(f"{name} ({n:,})" for name, n in feeds[:FULLTEXT_FEEDS_SHOWN])
        if len(feeds) > FULLTEXT_FEEDS_SHOWN:
            where += f" and {counted(len(feeds) - FULLTEXT_FEEDS_SHOWN, 'more feed')}"
    tried = sum(o.fulltext_ok + o.fulltext_failed for o in outcomes)
    pages = f"{len(failed):,} of {counted(max(tried, len(failed)), 'page')}"
    every = " (--json lists each)" if len(failed) > FULLTEXT_REASONS_SHOWN else ""
    return f"full text: {pages} could not be fetched in {where}, the feeds' text kept: {reasons}{every}"


def fulltext_failures_brief(outcomes: Sequence[SourceOutcome]) -> str | None:
    """Which feeds' article pages failed and why, in a few words, for the app's refresh line
    ("Pit Lane: cannot connect to en.wikinews.org: unknown host"; "Pit Lane, Wire: timed
    out"); None when none failed (user test r52 L6: "1 full text failed" named nothing)."""
    failed = [(o.name, p) for o in outcomes for p in o.fulltext_problems]
    if not failed:
        return None
    feeds = sorted({name for name, _ in failed}, key=lambda n: (-sum(f == n for f, _ in failed), n))
    where = ", ".join(clean_line(name, 40) for name in feeds[:2]) + ", …" * (len(feeds) > 2)
    if len(failed) == 1:  # (one page: its host said, as the reader says it)
        _, problem = failed[0]
        reason = strip_url(problem.error, problem.url) if problem.url else problem.error
    else:
        reasons = Counter(_short_reason(problem) for _, problem in failed)
        reason = reasons.most_common(1)[0][0] + ", …" * (len(reasons) > 1)
    return f"{where}: {clean_line(reason, 80)}"


_CONNECT_TO = re.compile(r"cannot connect to \S+: ")
_LIMIT_SAID = re.compile(r" \(the limit is [^)]*\)")


def without_host(reason: str) -> str:
    """A failure's reason as failures sharing it are grouped: "cannot connect: connection
    refused" for each host's "cannot connect to a.example: connection refused" (a feed's, a
    page's, a download's)."""
    return _CONNECT_TO.sub("cannot connect: ", reason, count=1)


def _short_reason(problem: FulltextProblem) -> str:
    """A failed page's problem as a fetch's line counts it: without its URL, the host it could
    not connect to (`cannot connect: connection refused`, one reason for many sites) or the
    setting a timeout names."""
    reason = strip_url(problem.error, problem.url) if problem.url else problem.error
    return _LIMIT_SAID.sub("", without_host(reason))


def _example(pages: Sequence[FulltextProblem]) -> str:
    """The page a line gives for a problem: its first article's (pages are fetched at once, in
    no set order), by its URL, else its title and id."""
    first = min(pages, key=lambda problem: problem.article_id)
    if first.url:  # (shortened as its error: a tracking link is thousands of characters)
        return clean_line(first.url, PAGE_URL_SHOWN)
    return f'"{first.title}" ({first.article_id})'
