"""News in another language than English (user test r45 L4): the rules read English, so there
they show no quote without its speaker and no name that only its capitals make (German writes
every noun so), while an English text quoting another language reads as it always did.

non_english_news.json: short articles written for these tests in German, French, Spanish,
Italian, Portuguese, Dutch, Turkish, Greek, Russian, Polish and Finnish, each language's own
quotation marks and verbs of saying, with what the extractor shows of each: the speaker named
before the quote ("Michel Barnier a déclaré : « … »") or after it ("« … », a affirmé Michel
Barnier", "„…“, sagte Bundeskanzler Olaf Scholz"), never after a pronoun or a preposition
("sagte er nach einem Treffen mit Olaf Scholz")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.nlp.language import reads_as_english

NEWS = json.loads(Path(__file__).with_name("non_english_news.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", NEWS, ids=lambda item: f"{item['language']}-{item['kind']}")
def test_news_in_another_language_shows_no_unknown_speaker_and_no_name_from_capitals_alone(
    extractor, item
) -> None:
    text = item["text"]
    analysis = extractor.analyse(text)
    assert not reads_as_english(text)
    assert [[e.name, e.type] for e in analysis.entities] == item["entities"]
    assert [[q.text, q.speaker] for q in analysis.quotes] == item["quotes"]
    assert all(q.speaker for q in analysis.quotes)
    names = {e.name for e in analysis.entities}
    assert {q.speaker for q in analysis.quotes} <= names  # a speaker's quotes are found by it
    for entity in analysis.entities:
        assert all(text[m.start : m.end] == m.text for m in entity.mentions)


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (  # an English article quoting French
            "Speaking in Paris on Tuesday, Prime Minister Michel Barnier told the National "
            "Assembly: « Je ne démissionnerai pas. » He later said the budget would pass.",
            [("Je ne démissionnerai pas.", "Michel Barnier")],
        ),
        (  # … opening with the French
            "« Nous ne céderons pas », a affirmé le ministre, quoted by Le Monde. The French "
            "government said on Monday that it would not withdraw the bill.",
            [("Nous ne céderons pas", None)],
        ),
        (
            "The banner outside Munich’s town hall read „Wir schaffen das“ in large letters, and "
            'Mayor Dieter Reiter said the city "will keep its word".',
            [("will keep its word", "Dieter Reiter")],
        ),
        ('"We will win," Obama told supporters in Chicago.', [("We will win,", "Obama")]),
        ("Barnier said: « Je ne démissionnerai pas ».", [("Je ne démissionnerai pas", "Barnier")]),
        ("FLOOD WARNING FOR THE COUNTY. THE NATIONAL WEATHER SERVICE SAID RIVERS WOULD RISE.", []),
        ("\n\n".join(["Image: Nicholas Moreau."] * 14), []),  # captions, no prose
        ("Arsenal 2 Chelsea 1\nLiverpool 3 Everton 0\n" * 8, []),  # scores
    ],
)
def test_english_quoting_another_language_or_without_prose_reads_as_english(
    extractor, text, quotes
) -> None:
    assert reads_as_english(text)
    assert [(q.text, q.speaker) for q in extractor.analyse(text).quotes] == quotes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # user test r46 L1: Ende is a GeoNames town, and the quote German
            "Friedrich Merz, leader of the Christian Democratic Union, disagreed. “Diese Regierung "
            "ist am Ende,” Merz said.",
            ["Friedrich Merz", "Christian Democratic Union"],
        ),
        ("“Wir lieben Berlin und Ende,” Merz told reporters.", ["Berlin", "Merz"]),  # listed
        ("“We love Ende,” the mayor of the town said.", ["Ende"]),  # an English quote names it
    ],
)
def test_english_text_takes_no_unlisted_name_from_a_quote_in_another_language(
    extractor, text, names
) -> None:
    assert [e.name for e in extractor.analyse(text).entities] == names
