"""Rules-20 quotation spans (issue 10: quote-span F1 on real reporting), each class pinned by
invented sentences (no article text)."""

from __future__ import annotations

import pytest

from newstui.nlp.quotes import find_quote_spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param(
            "The mayor defended his 'green-lane' scheme at the hall. Critics, who have fought the "
            "plan since spring, haven't stopped calling his 'car-free' Sundays a mistake.",
            ["green-lane", "car-free"],
            id="two single-marked labels in one paragraph are two spans",
        ),
        pytest.param(
            "Volunteers at the shelter wore vests marked 'staff' or 'guide' on both sides.",
            ["staff", "guide"],
            id="words marked one after another are not one span",
        ),
        pytest.param(
            "'The farmers' union will not sign,' said Tom Reed of the valley co-operative.",
            ["The farmers' union will not sign,"],
            id="a plural possessive inside a single-marked quotation stays inside",
        ),
        # straight double marks glued to the words around them
        pytest.param(
            'The clerk said,"We close at noon on Fridays now." Few had heard.',
            ["We close at noon on Fridays now."],
            id="an opening mark glued to the comma after said opens",
        ),
        pytest.param(
            'An audit found"serious gaps in the ledgers". The firm did not reply.',
            ["serious gaps in the ledgers"],
            id="an opening mark glued to the word before it opens",
        ),
        pytest.param(
            '"The ads promised"unlimited" calls, and that was not true," the panel wrote.',
            ['The ads promised"unlimited" calls, and that was not true,'],
            id="a glued mark with two marks after it opens a nested quotation",
        ),
        pytest.param(
            '"Ms Vale is the one who can"bring the two sides together," she said.',
            ["Ms Vale is the one who can", "bring the two sides together,"],
            id="a glued mark with one mark after it closes a quotation and opens the next",
        ),
        # a closing mark whose opening mark was lost
        pytest.param(
            '"We will reopen the pier," said Ann Kline. It will take a month to repair the deck."'
            " The council meets again on Friday.",
            ["We will reopen the pier,", "It will take a month to repair the deck."],
            id="a closing mark after a stop closes the sentence it ends",
        ),
        pytest.param(
            'The storm cut power to 900 homes, the utility said. He is 6 feet 2" tall.',
            [],
            id="an inch mark after a number closes nothing",
        ),
        pytest.param(
            '“The deck is rotten, and the pier will stay shut until spring," she said.',
            ["The deck is rotten, and the pier will stay shut until spring,"],
            id="a straight mark closing a curly opening one is no lost opening",
        ),
        pytest.param(
            '"The pier will stay shut until May,”\n\n"We have no money for it," said Ann Kline.',
            ["The pier will stay shut until May,", "We have no money for it,"],
            id="a straight opening mark closed by a curly one is not continued",
        ),
        # an opening mark whose closing mark was lost
        pytest.param(
            'The head of the port, Ann Kline, said: "The talks failed. We will try again in May.'
            "\n\nThe strike starts on Monday.",
            ["The talks failed. We will try again in May."],
            id="a quotation never closed runs to the end of its paragraph",
        ),
        pytest.param(
            'Ann Kline said: "The talks failed. We will try again in May.\n\n"The strike starts on'
            ' Monday," she added.',
            ['The talks failed. We will try again in May.\n\n"The strike starts on Monday,'],
            id="a quotation reopened in the next paragraph is not cut at the first one's end",
        ),
    ],
)
def test_straight_marks_pair_as_written(text: str, spans: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == spans


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # single-marked fragments: someone's words only when a verb of saying gives them to a
        # named speaker
        pytest.param(
            "The mayor defended his 'green-lane' scheme at the hall. The council bought the land "
            "under the guise of 'road works' in 2019.",
            [],
            id="single-marked labels with no one saying them are no quotes",
        ),
        pytest.param(
            "After the vote, Mayor Ann Kline said she expected a 'swift ruling' from the court.",
            ["swift ruling"],
            id="a single-marked fragment a named speaker said is a quote",
        ),
        pytest.param(
            "The growers say the new levy is 'unworkable' and plan to appeal in March.",
            [],
            id="a single-marked fragment an unnamed group says is no quote",
        ),
        # verbs that characterise a thing: someone's words for it
        pytest.param(
            'The Harbour Board called the closure of the pier "deeply regrettable" on Monday.',
            ["deeply regrettable"],
            id="a fragment a named body calls something is a quote",
        ),
        pytest.param(
            'The new ferry timetable was described by some commuters as "a shambles" this week.',
            ["a shambles"],
            id="a fragment something is described as is a quote",
        ),
        pytest.param(
            'Union leaders dismissed the offer as "an insult" and walked out of the talks.',
            ["an insult"],
            id="a fragment an offer is dismissed as is a quote",
        ),
        pytest.param(
            'The growers started a fund, called a "harvest bond", to pay for the new barns.',
            [],
            id="a thing named by called right before it is no quote",
        ),
        pytest.param(
            'The slow lift is called muscle "time under load" by most of the trainers.',
            [],
            id="a passive called names a thing",
        ),
        pytest.param(
            'The divers found what the team describes as a "cold lake" under the ice shelf.',
            [],
            id="what someone describes as names a thing",
        ),
        # more clauses reporting someone's words
        pytest.param(
            'A port official said the new crane was "badly delayed" by the strike.',
            ["badly delayed"],
            id="a fragment in a clause said reports with no that is a quote",
        ),
        pytest.param(
            "A port official said the crane had been delayed by the strike, and that the "
            'dockers had met on Monday to discuss the new "rota rules" for the winter.',
            [],
            id="a fragment far past a clause said reports is no quote",
        ),
        pytest.param(
            'The rebels vowed to fight a "long war" in the hills above the town.',
            ["long war"],
            id="a fragment someone vowed to do is a quote",
        ),
        pytest.param(
            'The audit revealed that the board had been "asleep at the wheel" for a decade.',
            ["asleep at the wheel"],
            id="a fragment in a clause revealed reports is a quote",
        ),
        pytest.param(
            'Described in the brochure as a "floating palace", the ferry holds 300 people.',
            ["floating palace"],
            id="a fragment after described as at the head of a sentence is a quote",
        ),
        pytest.param(
            'The police said that "no one was hurt", and the mayor described the fire as '
            '"a tragedy" on Monday.',
            ["no one was hurt", "a tragedy"],
            id="a second reporting clause after the first one ended reports its fragment",
        ),
        pytest.param(
            'A local paper reported its source said "two gunmen" fled by car.',
            ["two gunmen"],
            id="a fragment right after said is a quote",
        ),
        # the words of a written thing
        pytest.param(
            'The shop put up a new sign: "Closed for repairs until May." Few noticed.',
            [],
            id="the words of a sign after a colon are no quote",
        ),
        pytest.param(
            'The plaque on the bridge states, "Built by the people of the valley in 1902."',
            [],
            id="an inscription that states words is no quote",
        ),
        pytest.param(
            'The minister avoided the word "cuts", preferring the phrase "a leaner state."',
            [],
            id="a phrase mentioned as a phrase is no quote",
        ),
        pytest.param(
            'Their slogan is "Bake it till you make it" and it is printed on every box.',
            [],
            id="a slogan is no quote",
        ),
        pytest.param(
            'Writing in the journal, Dr Ann Kline said: "The sample was too small to tell."',
            ["The sample was too small to tell."],
            id="a writer's words after writing in a journal stay a quote",
        ),
        # the names of charges and pleas
        pytest.param(
            'Police said the two men were charged with "aggravated trespass" at the mill.',
            [],
            id="the name of a charge is no quote",
        ),
        pytest.param(
            'The court said that the captain faces charges of "gross negligence" and a "breach '
            'of duty" in Leeds.',
            [],
            id="the names of charges listed one after another are no quotes",
        ),
        pytest.param(
            'Her lawyer said she had entered a plea of "not guilty" to every count.',
            [],
            id="a plea is no quote",
        ),
        # names written with the sentence's comma or stop inside the marks
        pytest.param(
            'The former mayor wrote in her memoir, "Rivers of Salt," that the port was doomed.',
            [],
            id="a title-cased name with a comma inside the marks is no quote",
        ),
        pytest.param(
            'The minister said it twice, speaking on "Morning Desk."',
            [],
            id="a programme's name with a stop inside the marks is no quote",
        ),
        pytest.param(
            'She first sang on the radio, covering a song called "Night after Night," in 1950.',
            [],
            id="a title with a lower-case after is a name",
        ),
        pytest.param(
            'Known officially as "HB 20," the law bans the sale of the drug in the state.',
            [],
            id="a name after known at the head of a sentence is no quote",
        ),
    ],
)
def test_short_fragments_are_quotes_when_someone_says_them(
    extractor, text: str, quotes: list[str]
) -> None:
    assert [q.text for q in extractor.analyse(text).quotes] == quotes
