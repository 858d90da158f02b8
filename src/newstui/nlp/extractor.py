"""The extractor interface and the registry of named backends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from newstui.errors import ConfigError
from newstui.model import Analysis


@runtime_checkable
class Extractor(Protocol):
    """Finds entities and quotes in an article; `version` changes whenever its output could."""

    name: str
    version: str

    def analyse(self, text: str) -> Analysis:
        """Entities and quotes of `text`, with offsets into exactly that string."""
        ...


def _rules() -> Extractor:
    from newstui.nlp.rules import RulesExtractor

    return RulesExtractor()


def _none() -> Extractor:
    from newstui.nlp.none import NoneExtractor

    return NoneExtractor()


_FACTORIES: dict[str, Callable[[], Extractor]] = {"rules": _rules, "none": _none}
EXTRACTORS: tuple[str, ...] = tuple(_FACTORIES)


def get_extractor(name: str = "rules") -> Extractor:
    """The backend called `name`; ConfigError names the choices if it is unknown or cannot load."""
    factory = _FACTORIES.get(name)
    if factory is None:
        choices = ", ".join(EXTRACTORS)
        raise ConfigError(f"unknown extractor {name!r}: choose one of {choices}")
    try:
        return factory()
    except ImportError as exc:
        raise ConfigError(f"extractor {name!r} is not available: {exc}") from exc
