"""The extractor interface and the registry of named backends."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from typing import Protocol, runtime_checkable

from newstui.errors import ConfigError
from newstui.model import Analysis


@runtime_checkable
class Extractor(Protocol):
    """Finds entities and quotes in an article; `version` changes whenever its output could."""

    name: str
    version: str

    def analyse(self, text: str, language: str | None = None) -> Analysis:
        """Entities and quotes of `text`, with offsets into exactly that string; `language`:
        the language tag its feed or entry declares ("de", "en-us"), None when none does."""
        ...


def _rules() -> Extractor:
    from newstui.nlp.rules import RulesExtractor

    return RulesExtractor()


def _none() -> Extractor:
    from newstui.nlp.none import NoneExtractor

    return NoneExtractor()


_FACTORIES: dict[str, Callable[[], Extractor]] = {"rules": _rules, "none": _none}
EXTRACTORS: tuple[str, ...] = tuple(_FACTORIES)


def _rules_version() -> str:
    """RulesExtractor's version, read without importing the extractor (~0.4 s and its memory,
    paid by the app where only workers analyse): RULES_VERSION from rules.py's source, which
    the version's fingerprint reads too; the extractor's own where that cannot be read."""
    from newstui.nlp.gazetteer import source_fingerprint  # (a few ms: none of the rules)

    source = resources.files("newstui.nlp").joinpath("rules.py").read_text("utf-8")
    found = re.search(r'^RULES_VERSION = "([^"\n]+)"$', source, re.MULTILINE)
    if found is None:  # rules.py says it otherwise now
        return get_extractor("rules").version
    return f"rules-{found[1]}+{source_fingerprint()}"


def _none_version() -> str:
    from newstui.nlp.none import NoneExtractor

    return NoneExtractor.version


_VERSIONS: dict[str, Callable[[], str]] = {"rules": _rules_version, "none": _none_version}


def extractor_version(name: str = "rules") -> str:
    """The `version` of the backend called `name`, without loading it (the app only stores what
    its workers find, and asks which analyses are older); ConfigError as get_extractor."""
    version = _VERSIONS.get(name)
    if version is None:
        return get_extractor(name).version  # unknown: get_extractor says so
    return version()


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
