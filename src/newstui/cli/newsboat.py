"""What `opml import` of a newsboat urls file says of what it brought along (the core's
`newsboat_import` brings it): its config's settings and kill file, its podboat queue."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from newstui.cli.output import complain
from newstui.counts import counted
from newstui.newsboat_import import NewsboatFiles, settings_said

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.config.settings_edits import SettingsAdded
    from newstui.sources.newsboat_config import NewsboatConfig


def newsboat_files(args: argparse.Namespace) -> NewsboatFiles:
    """Where `opml import FILE` finds newsboat's other files: its options, as the core takes them."""
    return NewsboatFiles(
        args.file, args.newsboat_cache, args.star_flag, read_state=not args.no_read_state
    )


def _say_newsboat_settings(config: Config, newsboat: NewsboatConfig, added: SettingsAdded) -> None:
    """A line for each setting or bind-key not written and why, then one of what was."""
    for warning in newsboat.warnings:
        complain(f"warning: {warning}")
    for key, problem in added.refused:
        complain(f"warning: {newsboat.path}: {key} not written: {problem}")
    if newsboat.keys and config.keys.preset != "vim":
        complain(
            f"warning: {newsboat.path}: {counted(len(newsboat.keys), 'bind-key line')} not "
            f"written: feeds.toml's [keys] preset is {config.keys.preset}"
        )
    if newsboat.settings or newsboat.keys or newsboat.keys_already:
        complain(settings_said(config, newsboat, added))


def say_newsboat_config(
    newsboat: NewsboatConfig,
    added: list[tuple[str, str]],
    config: Config,
    settings: SettingsAdded | None,
) -> None:
    """One line for each ignore-article rule (a hide filter now, or why not), the settings and
    keys written (and those not, one line each), one naming the settings newstui does not take."""
    queries = {query for _, query in added}
    for rule in newsboat.rules:
        place = f"{rule.path or newsboat.path}:{rule.line}"
        if rule.query is None:
            complain(
                f"warning: {place}: ignore-article rule not taken: {rule.written} (newstui's "
                "queries cannot say it; write a [[filters]] entry by hand: README, Coming from "
                "newsboat)"
            )
        elif rule.query in queries:
            complain(f"{place}: ignore-article rule added as a hide filter: {rule.query}")
        else:
            complain(f"{place}: ignore-article rule already a filter: {rule.query}")
    if settings is not None:
        _say_newsboat_settings(config, newsboat, settings)
    if newsboat.not_taken:
        complain(f"note: {newsboat.path}: not taken: {'; '.join(newsboat.not_taken)}")
