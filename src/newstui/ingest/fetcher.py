"""The HTTP fetcher a run opens (tests give a fake) and its limits from the settings."""

from __future__ import annotations

from collections.abc import Callable

from newstui.config import Config
from newstui.sources.http import FetchLimits, PageFetcher

OpenFetcher = Callable[[FetchLimits], PageFetcher]  # Fetcher; tests pass a fake


def limits_from(config: Config) -> FetchLimits:
    """Fetch limits from the settings (and the certificates `ca_file` trusts)."""
    s = config.settings
    return FetchLimits(s.timeout, s.max_bytes, s.concurrency, s.per_host, s.ca_file or None)
