"""Rules-52: a nationality before a state's ministry is context, not part of its name (issue 10:
"titles and nationalities stripped from names but kept as context").

"The Kestrian Interior Ministry said" named an organisation "Kestrian Interior Ministry" where
the newest annotated set, and the issue, name the ministry `Interior Ministry` and the people
`Kestrian` a group. The convention is written in tests/data/nlp/wikinews-dev9/README.md
("Conventions followed"); tools/strip_nationality_from_bodies.py makes the non-blind sets follow
it. Parties, companies, forces, parliaments and governments keep a nationality opening their
name.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from extracted import check_names, quotes_and_speakers

ROOT = Path(__file__).resolve().parents[2]


def test_a_nationality_before_a_ministry_is_a_group_beside_the_ministry(extractor) -> None:
    text = (
        "The Turkish Interior Ministry said on Monday that 40 people had been detained. A "
        "Chilean Ministry of Foreign Affairs statement called the arrests unjust, and the "
        "British Foreign Office asked for calm."
    )
    check_names(
        extractor,
        text,
        found=[
            ("Interior Ministry", "ORG"),
            ("Turkish", "GROUP"),
            ("Ministry of Foreign Affairs", "ORG"),
            ("Chilean", "GROUP"),
            ("Foreign Office", "ORG"),
            ("British", "GROUP"),
        ],
        absent=["Turkish Interior Ministry", "British Foreign Office"],
    )


def test_a_ministry_named_with_its_nationality_speaks_under_the_ministry_s_name(
    extractor,
) -> None:
    text = (
        'Troops crossed the border at dawn. "Our forces acted in self-defence," said a '
        "Ukrainian Defence Ministry spokesman."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Our forces acted in self-defence,", "Defence Ministry")
    ]


def test_parties_forces_and_parliaments_keep_their_nationality(extractor) -> None:
    text = (
        "The Australian Labor Party and the British Army both welcomed the vote in the Turkish "
        "Parliament, British Airways said."
    )
    check_names(
        extractor,
        text,
        found=[
            ("Australian Labor Party", "ORG"),
            ("British Army", "ORG"),
            ("Turkish Parliament", "ORG"),
            ("British Airways", "ORG"),
        ],
    )


def _tool() -> ModuleType:
    path = ROOT / "tools" / "strip_nationality_from_bodies.py"
    spec = importlib.util.spec_from_file_location("_strip_nationality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_annotation_tool_renames_the_organ_its_quotes_and_adds_the_group() -> None:
    tool = _tool()
    article = {
        "text": 'The Kenyan Health Ministry said: "We are ready." The Kenyan Parliament met.',
        "entities": [
            {"name": "Kenyan Health Ministry", "type": "ORG"},
            {"name": "Kenyan Parliament", "type": "ORG"},
        ],
        "quotes": [{"text": "We are ready.", "speaker": "Kenyan Health Ministry"}],
    }
    changes = tool.fix_article(article, frozenset({"Kenyan"}), groups=True)
    assert article["entities"] == [
        {"name": "Health Ministry", "type": "ORG"},
        {"name": "Kenyan Parliament", "type": "ORG"},
        {"name": "Kenyan", "type": "GROUP"},
    ]
    assert article["quotes"][0]["speaker"] == "Health Ministry"
    assert changes[0] == "'Kenyan Health Ministry' ORG → 'Health Ministry'"


def test_the_annotation_tool_gives_a_bare_parliament_its_nationality_back() -> None:
    tool = _tool()
    article = {
        "text": "He spoke to the Kenyan Parliament in May.",
        "entities": [
            {"name": "Parliament", "type": "ORG"},
            {"name": "Kenyan", "type": "GROUP"},
        ],
        "quotes": [],
    }
    tool.restore_nationality(article, frozenset({"Kenyan"}))
    assert article["entities"] == [{"name": "Kenyan Parliament", "type": "ORG"}]


def test_a_nationality_the_list_lacked_is_a_group_before_a_ministry(extractor) -> None:
    text = "Macedonian Interior Ministry spokesman Ivo Petrovski told reporters the raid ended."
    check_names(
        extractor,
        text,
        found=[("Interior Ministry", "ORG"), ("Macedonian", "GROUP")],
        absent=["Macedonian Interior Ministry"],
    )
