"""Backends are chosen by name; an unknown name is a ConfigError, and versions track the code."""

from __future__ import annotations

import pytest

from newstui.errors import ConfigError
from newstui.model import Analysis
from newstui.nlp import EXTRACTORS, Extractor, get_extractor
from newstui.nlp.extractor import extractor_version


def test_rules_is_the_default_backend_and_satisfies_the_protocol() -> None:
    extractor = get_extractor()
    assert "rules" in EXTRACTORS
    assert extractor.name == "rules"
    assert isinstance(extractor, Extractor)


def test_version_names_the_backend_and_a_code_fingerprint() -> None:
    version = get_extractor().version
    assert version.startswith("rules-") and "+" in version


@pytest.mark.parametrize("name", EXTRACTORS)
def test_a_backends_version_read_without_loading_it_is_the_loaded_backends(name: str) -> None:
    """What stale analyses are found by (the app reads it without building the extractor)."""
    assert extractor_version(name) == get_extractor(name).version


def test_unknown_backend_is_a_config_error_naming_the_choices() -> None:
    with pytest.raises(ConfigError, match="rules"):
        get_extractor("gpt-9")
    with pytest.raises(ConfigError, match="rules"):
        extractor_version("gpt-9")


def test_none_backend_finds_nothing_in_an_article_full_of_quotes(seed_text: str) -> None:
    extractor = get_extractor("none")
    assert "none" in EXTRACTORS
    assert isinstance(extractor, Extractor)
    assert (extractor.name, extractor.version) == ("none", "none-1")
    assert extractor.analyse(seed_text) == Analysis()
    assert get_extractor("rules").analyse(seed_text) != Analysis()
