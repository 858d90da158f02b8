"""A fake for `newstui.sources.http.Fetcher`: ingest tests say what each URL answers, with no
network and no server."""

from __future__ import annotations

from dataclasses import dataclass, field

from newstui.errors import SourceError
from newstui.sources.http import FetchLimits, FetchResult


@dataclass
class FakeFetcher:
    """Answers each URL from `pages` (a body, a FetchResult, or an exception to raise); an ETag
    sent back that matches `etags[url]` gets a 304. Records every request in `requests`."""

    pages: dict[str, bytes | FetchResult | Exception] = field(default_factory=dict)
    etags: dict[str, str] = field(default_factory=dict)
    requests: list[tuple[str, str | None]] = field(default_factory=list)

    def __call__(self, limits: FetchLimits) -> FakeFetcher:
        """Stands in for the `Fetcher` class: ingest opens it with its limits."""
        return self

    async def __aenter__(self) -> FakeFetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        pass

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> FetchResult:
        self.requests.append((url, etag))
        answer = self.pages.get(url)
        if answer is None:
            raise SourceError(f"{url}: HTTP 404 Not Found")
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, FetchResult):
            return answer
        known = self.etags.get(url)
        if known is not None and etag == known:
            return FetchResult(url, 304, b"", None, known, None)
        return FetchResult(url, 200, answer, "application/rss+xml", known, None)
