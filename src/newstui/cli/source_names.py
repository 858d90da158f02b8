"""The source a name typed on the command line means, and the hint when it almost names one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstui.cli.feeds import unstored_sources
from newstui.cli.output import complain
from newstui.library import Library
from newstui.model.folders import folder_paths
from newstui.model.names import loose_name_key, name_key
from newstui.word_lists import did_you_mean

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config, FeedConfig, LocalConfig


def configured_source(
    config: Config, library: Library, name: str
) -> FeedConfig | LocalConfig | None:
    """The config entry `name` means: a feed's or local source's name, URL or path, or the
    title a feed without `name` goes by once fetched (as `feeds` lists it). SourceChoiceError
    when two entries, or two stored sources, go by `name`, none exactly (hostile r46 H2: the
    config's was taken, or the first stored, and `remove` deleted it)."""
    feed_id = library.find_source(name)  # (first: a name two stored sources share is refused)
    source = config.source_named(name)
    # (not another source's, by its stored name, for an entry skipped: its name taken, r46 M6)
    if source is None and feed_id is not None and config.skipped_named(name) is None:
        url = next((row.url for row in library.sources() if row.id == feed_id), None)
        source = config.feed_named(url) if url else None
    return source


def set_aside_source(library: Library, config: Config | None, name: str) -> int | None:
    """The id of the source set aside after leaving the config that `name` names (as `feeds`
    lists it, and Sources), said on stderr with the day it is deleted; None when none is."""
    from newstui.ingest.configured_sources import LEFT_CONFIG_DAYS

    aside = library.set_aside_named([name])
    if not aside:
        return None
    source = aside[-1]  # (the one set aside last, if two went by one name)
    where = config.path.name if config is not None else "the config"
    until = source.kept_until(LEFT_CONFIG_DAYS)
    if until is None:
        why, kept = f"its URL changed in {where}", f"while {where} lists its name"
    else:
        why, kept = f"no longer in {where}", f"until {until}"
    complain(f"newstui list: {source.name} is set aside ({why}): its articles are kept {kept}")
    return source.id


def meant_source(library: Library, config: Config | None, name: str) -> str:
    """ " (did you mean 'Zeitung – München'?)" for a name that differs from a source's only by
    its accents, dashes, quotes or spaces (`Zeitung - Munchen` typed for it), else the names
    holding each word typed, as search folds them (`lodz` for 'Łódź Daily', as Ctrl-P finds
    it: user test r49 LOW-3), up to three named; else ""."""
    loose = loose_name_key(name)
    names = [row.name for row in library.sources()]
    if config is not None:
        names += [feed.name for feed in config.feeds] + [local.name for local in config.local]
    meant = next((n for n in names if loose_name_key(n) == loose), None)
    if meant is not None:
        return did_you_mean([meant])
    return did_you_mean(library.names_with_words(name, names))


def meant_tag(library: Library, config: Config, tag: str) -> str:
    """ " (did you mean 'Küche/Café'?)" for a tag, or a folder of one, that differs from `tag`
    only by its accents, dashes, quotes or spaces (as meant_source: `kuche/cafe` typed for
    it), else ""."""
    loose = loose_name_key(tag)
    tags = {t for row in library.sources() for t in row.tags}
    tags |= {t for feed in config.feeds for t in feed.tags}
    tags |= {t for local in config.local for t in local.tags}
    folders = sorted({path for t in tags for path in folder_paths(t)})
    meant = next((t for t in folders if loose_name_key(t) == loose), None)
    if meant is None:  # a subfolder by its own name, a typo: the path meant (r49 MED-3)
        return did_you_mean(library.folders_near(tag, sorted(tags)))
    return did_you_mean([meant])


def not_fetched_yet(library: Library, config: Config | None, name: str) -> bool:
    """Whether `name` (any case) or a URL names a source of the config not stored yet."""
    return config is not None and any(
        name_key(name) == name_key(row.name) or name == row.url
        for row in unstored_sources(library, config)
    )
