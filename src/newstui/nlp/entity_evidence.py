"""A name's type from its context: the entity scan's typing evidence (see _TypingFinder)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from newstui.nlp.entity_cues import (
    _ACRONYM_THINGS,
    _ADDRESS_AFTER,
    _AND_I,
    _APOSTROPHES,
    _APPOSED_OF_BEFORE,
    _ARTICLE_WORDS,
    _AT_A_BUILDING,
    _AUXILIARIES,
    _BATTLE_OF,
    _BODY_AFTER_MODIFIERS,
    _BODY_NOUNS_AFTER,
    _BRIEF_HOLDER_AFTER,
    _BRIEF_OPENERS,
    _BRIEF_WORDS,
    _BY_AUTHOR,
    _BY_PERSON,
    _CALLED_BEFORE,
    _CALLED_BODIES,
    _CALLED_ENDINGS,
    _CALLED_THINGS,
    _CAPITALISED_WORD,
    _CHAIR_HOLDERS,
    _COMMA_SPEECH,
    _COPULA_OPENINGS,
    _DEAL_BEFORE,
    _DEAL_BEFORE_ENDS,
    _DEAL_WORD_SET,
    _DESCRIBED_AS_BODY,
    _DESCRIBED_AS_PLACE,
    _DESCRIBED_BODY_OPENINGS,
    _DESCRIBED_PERSON_NOUNS,
    _DESCRIBED_PLACE_OPENINGS,
    _DESCRIBED_THEN_SPEAKS,
    _DESCRIBED_THEN_VERB,
    _DESCRIPTION_STOPS,
    _DOMAIN,
    _EVENT_ENDS,
    _EVENT_GAMES,
    _EVENT_HEADS,
    _FACILITY_AFTER,
    _FACILITY_HEADS,
    _FACILITY_LAST,
    _FACILITY_PAIRS,
    _FAMILY_AFTER,
    _FIRM_ONLY_POSSESSION,
    _FIRST_NAME_AFTER_CUES,
    _FIRST_NAME_BEFORE_CUES,
    _FIRST_NAME_LAST_CUES,
    _GAMES_EVENTS,
    _GOVERNMENT_QUALIFIERS,
    _HELD,
    _INITIAL,
    _INVERTED_SPEAKER_BEFORE,
    _IS_A_BODY,
    _KIN_NAME_END,
    _KIN_NOUNS,
    _KIN_PLURALS,
    _KIN_PRONOUN_AFTER,
    _LANGUAGES,
    _LEADER_OPENINGS,
    _LEADER_TERM,
    _LEADER_TERM_OPENINGS,
    _LEADER_TERMS,
    _LINKING_WORDS,
    _MEDIA_VERBS,
    _MEMBER_SPEAKS,
    _MEMBERS_NOUNS_AFTER,
    _MISSION_HEADS,
    _MODIFYING_PLACE_WORDS,
    _NAME_AFTER,
    _NAME_PARTICLES,
    _NAME_THEN_NOUN,
    _NAMED_AS,
    _NAMED_AS_ENDINGS,
    _NAMED_AS_LAST,
    _NO_BODY_LAST,
    _NO_SURNAMES,
    _NOT_BODY_LAST,
    _NOT_NAME_HEADS,
    _NOT_PLACE_BEFORE_IN,
    _NOUN_AFTER,
    _OF_BODY_SPEAKS,
    _OF_PLACE,
    _OFFICER_AFTER,
    _OFFICER_OPENINGS,
    _ONE_WORD_AFTER_CUES,
    _ONE_WORD_AFTER_MARKS,
    _ONE_WORD_BEFORE_CUES,
    _ORG_POSSESSION,
    _OUTLET_NOUNS,
    _OWN_PRONOUN_AFTER,
    _OWN_S,
    _PARTY_CLOSES,
    _PEOPLE_ADJECTIVE,
    _PEOPLE_NAMED,
    _PEOPLE_NOUNS,
    _PERSON_AFTER,
    _PERSON_AGE,
    _PERSON_EVENTS,
    _PERSON_POSSESSION,
    _PERSON_VERB_AFTER,
    _PERSONAL_PRONOUN,
    _PLACE_HEADS,
    _PLACE_OFFICES,
    _PLACE_PREPOSITIONS,
    _PLATFORM_AFTER,
    _PORTFOLIO_BEFORE,
    _PORTFOLIO_HOLDERS,
    _PRODUCT_AFTER,
    _PRONOUN_SPEAKS,
    _QUALIFIER_ENDINGS,
    _QUOTE_MARKS,
    _QUOTE_THEN_NAME,
    _REPORTING_AFTER,
    _ROLE_OF_BEFORE,
    _ROLE_OF_NOUN_BEFORE,
    _ROMAN_NUMERAL,
    _ROMANCE_PARTICLES,
    _RUN_ENDS,
    _SEAT_HOLDERS,
    _SENTENCE_STOP,
    _SPEECH_HEADS,
    _STAFF_AFTER,
    _STAFF_OF_BODIES,
    _STAFF_OPENINGS,
    _STYLE_OPENERS,
    _TIME_WORDS,
    _TITLE_GOES_ON,
    _TITLE_OF_AFTER,
    _TITLE_WORDS,
    _TOLD,
    _WHICH_TRADES,
    _WORD_PREFIXES,
    _WORK_NOUNS,
    _all_groups,
    _described,
    _determines_kin,
    _is_version,
    _media_before,
    _media_by_the,
    _names_one_body,
    _people_plural,
    _thing_abbreviation,
    broadcast_channel,
)
from newstui.nlp.entity_lookup import _FinderBase
from newstui.nlp.entity_words import (
    _AGENT_BEFORE,
    _BRAND_BEFORE,
    _BRAND_LAST,
    _CLOCK_BEFORE,
    _COMMA_NAME,
    _HAS_DIGIT,
    _NOT_NAME_ENDINGS,
    _NUMBER_AFTER,
    _POSSESSIVE_ENDINGS,
    _SPEAKS_ALONE,
    _SURNAME_PREFIXES,
    _TIME_ZONES,
    CALENDAR,
    HONOURS,
    NAME_JOINERS,
    NATURE_NOUNS,
    ORG_NOUNS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
    PLACE_OPENERS,
    SPEECH_VERBS,
    THING_WORDS,
    _brand_match,
    _is_abbreviation,
    _is_acronym,
    _is_cap,
    _is_upper,
    _is_word_char,
    _may_open_known,
    first_word_in,
    hyphened_capitals,
    last_word_in,
    upper_word,
)
from newstui.nlp.gazetteer import tier_type, us_states
from newstui.nlp.names import countries_and_divisions, strip_possessive
from newstui.nlp.segment import Token, bisect_ints_right

# "reports" as a plural noun, its verb after it ("Unconfirmed reports have placed the count",
# "Local reports say"): the capitalised word before it describes them, no outlet reporting
_REPORTS_AS_NOUN: Final = re.compile(
    r" reports (?:have|had|are|were|say|said|suggest|suggested|indicate|indicated|show|showed|"
    r"claim|claimed|put|placed|emerged|vary|varied)\b"
)
# Definite articles of other languages opening a name ("Der Standard", "El País", "Die Welt");
# not the French "Le", "La" nor "De", "Van", which open surnames ("Le Pen", "De Niro").
_FOREIGN_ARTICLES: Final = frozenset("Der Die Das El Il Los Las".split())
# "… Castle for president": a candidate for an office, a person
# The place's words that are also surnames ("Darrell Castle", "Jonathan Park"); not a place's
# head noun ("Madison County said", "Victoria Station said": the county, the station)
_SURNAME_PLACE_WORDS: Final = frozenset(
    "Lake Hill Hills Forest Park Castle Bridge Hall Ridge Beach Wall Lane Cove".split()
)
# The place's words a person bears as a surname far more often than a place names a site
# with a given name ("Christopher Hill", "John Hall", "Tom Ridge"; not "Park", "Bay", "Beach":
# "Albert Park", "Myrtle Beach", "Evans Bay" are named after people)
_SURNAME_FIRST_PLACE_WORDS: Final = frozenset("Hill Hall Wall Ridge Lane Castle".split())
_FOR_OFFICE_AFTER: Final = re.compile(
    r" for (?:vice[ -])?(?:president|governor|mayor|senator|the (?:presidency|senate))\b"
)
# Speech verbs in the plural present: after one capitalised word opening a sentence, a body
# ("Acme say the plan is …"; a person says)
_PLURAL_SPEECH: Final = frozenset(
    "say claim insist warn argue admit deny confirm believe state maintain allege contend".split()
)
_CALLED_LAST: Final = frozenset(ending[-2:] for ending in _CALLED_ENDINGS)  # tested first
# A region named by a compass point: "the West" (its nations), "the Northwest" of a country
# ("the North", "the South coast" name a region as often as a side or a country's half).
_COMPASS_REGIONS: Final = frozenset("West Northeast Northwest Southeast Southwest Midwest".split())
# Regions' adjectives written with a capital only as a region's: "the Northeastern states".
_REGION_ADJECTIVES: Final = frozenset(
    "Northeastern Northwestern Southeastern Southwestern Midwestern Mid-Eastern Mid-Western".split()
)

# Demonym endings and what the place's name has instead ("Madagasc-an" of "Madagasc-ar",
# "Palestin-ian" of "Palestin-e", "Babylon-ian", "Victori-an", "London-er", "Sudan-ese"), and
# the endings a demonym or its plural has (one `endswith` rules most names out).
_DEMONYM_ENDINGS: Final = (
    ("ian", ("", "a", "e")),
    ("an", ("", "a", "ar", "e", "o")),
    ("er", ("",)),
    ("ese", ("",)),
)
_DEMONYM_TAILS: Final = ("an", "ans", "er", "ers", "ese")
# Endings of the adjectives parties are named by ("Liberal", "Conservative", "Socialist",
# "Republican", "Democratic") and of colours ("Green"): see `_party_adjective`.
_ADJECTIVE_ENDINGS: Final = ("al", "ive", "ist", "an", "ic", "een", "i")
# Capitalised words before a body's name that do not make it longer ("His Forza Italia party").
_OWNER_WORDS: Final = frozenset("The His Her Its Their Our".split())
# Words before a capital "The" and a place's word that put the words at a place ("analysts in The
# City"), where other words may name a business by its short name ("convert The Bay into …").
_WHERE_WORDS: Final = frozenset("in at near outside inside around across throughout".split())
# A name's own "and" right before a later part of it (see the described-as-body cue).
_NAME_AND_ENDS: Final = (" and ", " et ", " y ", " und ", " & ")
# Words before "X states" that make "states" a noun, X the region of the states ("other Gulf
# states", "the Baltic states"), not a verb of saying ("Ann Lee states that").
_STATES_DETERMINERS: Final = frozenset(
    "the other several all many some neighbouring neighboring these those both two three four "
    "five six".split()
)
_STATES_AS_VERB: Final = re.compile(r"\s*states\s*(?:[,:“\"']|that\b)")
# Those who live somewhere, before "of" and the place ("the honorable people of Qom").
_DWELLERS: Final = frozenset(
    "people residents citizens inhabitants natives villagers townspeople".split()
)
# A person's age set off by commas, then "of" and the name where that person lives.
_AGE_THEN_OF: Final = re.compile(r", \d{1,3}, of $")
# Lower-case words that open a clause or a phrase after "Croydon, London", never a role's
# modifiers ("Hull, England where police said", "Paris, France and the minister").
_NOT_ROLE_MODIFIERS: Final = frozenset(
    "and or but where when while as on in at of for to from with by the a an its their his her "
    "after before since during last this that which who whose was were is are has had have".split()
)
# Lower-case words after a noun of nature that leave it the head of its phrase ("near Tumen river
# in", "Kīlauea volcano and"), where another word makes it a modifier ("Biden reservoir plans").
_AFTER_NATURE_HEAD: Final = frozenset(
    "in on at of near and or to from into by with for which that where was were is are has had "
    "flows runs erupted range ranges basin delta valley region area system".split()
)
# Words before "in" that make it a particle or take a person after it, not a place ("brought in
# Okafor, who", "believed in Mensah, who", "confidence in Ann Lee, who").
_IN_AS_PARTICLE: Final = frozenset(
    "brought bring brings bringing believe believed believes believing called call calls "
    "ushered sent send sworn swore voted trust trusted faith confidence interest interested "
    "invested invest belief".split()
)
# An initial right before a name ("A. Sivanarayana"): a person's.
_INITIAL_BEFORE: Final = re.compile(r"(?<![\w.])[A-Z]\. $")
# Words inside a name before a body's noun: "Mujahadeen of Islamic Revolution party".
_NAME_GOES_ON_WORDS: Final = frozenset("of for and & de del".split())
# The United States as news names it before its chambers ("the U.S. House voted").
_US_NAMES: Final = frozenset({"U.S.", "US", "U.S", "United States"})
# A venue's head noun after its sponsor's name ("the Xcel Energy Center", "Air Canada Centre",
# "Bank of America Stadium"): the building, a place (see _named_for_a_firm).
_VENUE_HEADS: Final = frozenset("Center Centre Arena Stadium".split())
# The trades that end a sponsor's name ("Xcel Energy", "American Airlines", "Citizens Bank").
_SPONSOR_TRADES: Final = frozenset(
    "Energy Airlines Airways Air Bank Insurance Financial Mutual Mobile Telecom Motors".split()
)
# Listed bodies that host centres of their own, no sponsors ("the Red Cross Centre").
_NON_COMMERCIAL_HOSTS: Final = frozenset(("Red Cross", "Red Crescent", "United Nations"))


# Nouns of companies that name the business before its name even when a place's word ends or
# opens it ("retailer Circuit City", "carrier Gulf Air"; not "group", "union", "party": "the
# group Lake Chad Basin …" may be a place's).
_COMPANY_NOUNS: Final = frozenset(
    "company firm retailer carrier airline lender bank insurer carmaker automaker chipmaker "
    "operator provider supermarket conglomerate manufacturer giant".split()
)
# A comma, an adverb and a verb after a name: ", said", ", also said", ", quickly denied".
_SPEECH_AFTER_COMMA: Final = re.compile(r", (?:[a-z]+ly |also |then |later )?([a-z]+)\b")
# Body nouns that are a person's trade too: a given name and a surname after them are a person
# ("camera operator Doug Vogt", "publisher Sebastian Kadas", "care provider Ann Lee"; "the carrier
# Adam Air" and "Internet provider Elisa" stay bodies).
_PERSON_TRADE_NOUNS: Final = frozenset("operator publisher miner provider".split())
# Words right before "producer" that make it a person's trade, not a firm's ("film producer").
_SHOW_TRADES: Final = frozenset(
    "film movie music record television tv theatre theater stage radio documentary executive "
    "actor actress director writer singer songwriter rapper comedian presenter".split()
)


class _TypingFinder(_FinderBase):
    """The type of a name from the evidence around each mention (speech, roles, places, bodies, brands,
    first names) that makes a capitalised run a PERSON, an ORG, a PLACE or nothing."""

    def _type_of(
        self,
        toks: list[Token],
        surface: str,
        person_cue: bool,
        suffix_cue: str | None,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        kind, strength = self._evidence(toks, surface, person_cue, suffix_cue, start, end)
        if kind == "PERSON" and len(toks) == 1 and "." in surface:
            known = self._lookup(surface)
            if known is not None and known[1] != "PERSON":
                return known[1], 2  # "said U.S. Attorney Ann Lee": a place's dotted letters
                # cut before the officer's title speak for no one
        if (
            kind == "PERSON"
            and len(toks) > 1
            and toks[0].text == "St"
            and not (self.text[start - 2 : start] == ", " and self.text[end : end + 1] == ",")
        ):  # (a list's item is what the list's others are: "Simms, St. Amand, St. Denis,")
            if self.text[end : end + 6].lower() in (" day", "'s day", "’s day"):
                return None, 0  # "St. Patrick's Day": a day
            return "PLACE", strength  # "Governor of St. Petersburg", "St. Paul's voters": the
            # abbreviation opens the names of places ("Amy St. Eve" is a person's whole name)
        if (
            kind == "ORG"
            and strength < 3
            and len(toks) > 1
            and f"{toks[-2].text} {toks[-1].text}" in _GAMES_EVENTS
        ):
            return None, 0  # "four Olympic Games", "the 2008 Summer Olympic Games": an event
        if kind == "PERSON" and len(toks) > 1 and toks[-1].text in _NO_SURNAMES:
            return None, 0  # "the James Webb Space Telescope", "Marine One": a thing named
        if (
            kind == "PERSON"
            and strength <= 2
            and not person_cue
            and (
                self.text[max(0, start - 10) : start] in _BATTLE_OF
                or (self.text[end : end + 1] == " " and _FACILITY_AFTER.match(self.text, end))
            )
        ):
            return "PLACE", 2  # "the Al Asad air base", "the battle of Tora Bora": two given
            # names of the lists before a base's noun or after a battle's are the place's name
        if strength > 1:
            return kind, strength
        if kind in ("PERSON", "PLACE") and tier_type(surface) == "ORG":
            return None, 0  # "Primark said", "workers in Visteon said": weak evidence loses to a
            # body of the lower lists (a listed firm, news body or party); the list types it
        if kind == "PERSON" and any(t.text in THING_WORDS for t in toks):
            return None, 0  # "Climate Change said": a thing named with a weak cue is not a person
        if (
            kind == "PERSON"
            and len(toks) == 1
            and self._brand_name(surface, start, self.text[end : end + 40])
            and self._word_ends_a_brand(surface)
        ):
            return "ORG", 1  # "what WalesOnline called", "a group called FurScience": a coined
            # name ending in a word is a firm's or a site's, never a person's (not "RuPaul")
        if kind == "PERSON" and len(toks) == 1 and self._known_place_before(start):
            return None, 0  # "the United States Embassy in Baghdad": the country's embassy
        if kind == "PERSON" and toks[0].sentence_start and toks[0].text.endswith("ing"):
            return None, 0  # "Preserving Raleigh-Durham": a verb opening a sentence
        if kind == "PERSON" and (
            _HAS_DIGIT.search(surface) or (len(toks) == 1 and _NUMBER_AFTER.match(self.text, end))
        ):
            return None, 0  # "SARS-CoV-2", "at Category 5": codes and numbered things
        if len(toks) > 1 and upper_word(surface):
            return None, 0  # "OMNE TRIUM PERFECTUM": a phrase in capitals, not a name
        if self._in_heading(start):
            return None, 0  # "Sector Breakdown": headings capitalise every word
        return kind, strength

    def _body_named_before_noun(self, start: int) -> bool:
        """'Australia's Cleo magazine Sharri Markson': the body's own name, capitalised, right
        before the noun of its kind before `start`; the name after the noun is someone else's
        (not "The magazine Scientific American", "the carmaker Ladon Motors")."""
        m = _NAME_THEN_NOUN.search(self.text, max(0, start - 40), start)
        if m is None:
            return False
        name = m.group(1)
        opening = self.text[max(0, m.start() - 2) : m.start()]
        return (
            m.start() > 0
            and opening not in (". ", "\n", "! ", "? ")
            and opening[-1:] != "\n"  # "Dance troupe Orla Vance": a sentence's first word
            and name not in _ARTICLE_WORDS
            and name.lower() not in self.gaz.common_words
            and name not in self.gaz.known  # "the Italian newspaper Il Manifesto": a people's
            # or a place's word says where the body is, not its name
        )

    def _seat_then_party(self, start: int, end: int) -> bool:
        """'Julie Bishop (Curtin, Liberal)': one word opening brackets right after a name, then
        a comma and a party's word closing them, is the member's seat (an electorate)."""
        m = _PARTY_CLOSES.match(self.text, end)
        if m is None or not self.text[max(0, start - 3) : start - 2].isalpha():
            return False
        known = self._lookup(m.group(1))
        return known is not None and known[1] in ("GROUP", "ORG")

    def _region_after_the(self, start: int, end: int) -> bool:
        """'the West', 'in the Northwest': a compass point after "the" and before no capitalised
        word names a region (not "the West Bank", "the North Sea", a run that goes on)."""
        after = self.text[end : end + 2]
        return self.text[max(0, start - 4) : start].lower() == "the " and not (
            after[:1] == " " and after[1:].isupper()
        )

    def _leader_of_term(self, words: list[str], surface: str, start: int, after: str) -> bool:
        """'the Kelbrook government', 'the Marlowe administration', 'Ovid Tarrant's presidency':
        a name that no list knows, standing for a government or a term of office, is its
        leader's (a party, a nation or an adjective is known or reads as one)."""
        possessive = after[:2] in _POSSESSIVE_ENDINGS and not _is_word_char(after[2:3])
        rest = after[2:] if possessive else after
        m = _LEADER_TERM.match(rest) if rest[:3] in _LEADER_TERM_OPENINGS else None
        if m is None and possessive and (people := _PEOPLE_ADJECTIVE.match(rest)):
            known = self._lookup(people.group(1))  # "Hussein's Iraqi regime": his people's
            if known and known[1] == "GROUP":
                m = _LEADER_TERM.match(rest, people.end())
        if (
            m is None
            or len(words) > 3
            or (m.group(1) in ("rule", "era") and not possessive)  # "the rule of law"
        ):
            return False
        if not possessive and (
            len(words) > 1
            or self.text[start - 4 : start] not in ("the ", "The ")
            or words[0].endswith(_QUALIFIER_ENDINGS)  # "the Provisional government"
            or words[0] in _GOVERNMENT_QUALIFIERS
        ):
            return False
        return (
            all(_is_cap(w) and not _is_upper(w) and "." not in w for w in words)
            and self._plain_name(words)
            and not self._lookup(surface)
            and not any(self._lookup(w) for w in words)
        )

    def _common_title(self, words: list[str]) -> bool:
        """Whether a name of a plural or -ing trade head ("Products", "Consulting") is only words
        the text also writes in lower case: title case on a common phrase ("Milk Products")."""
        return (
            len(words) > 1
            and words[-1].endswith(("s", "ing"))
            and all(w in ("and", "&") or w.lower() in self.lower_seen for w in words)
        )

    def _heading_audience(self, words: list[str], start: int, after: str) -> bool:
        """Whether a name of a plural trade head ends, after "for", a line with no stop: whom a
        heading is for ("Drip — Best for Shopify & WooCommerce Stores"), no company."""
        return (
            len(words) > 1
            and words[-1].endswith("s")
            and self.text[max(0, start - 4) : start] == "for "
            and after[: after.find("\n") + 1 or len(after)].strip() == ""
        )

    @staticmethod
    def _show_producer(before: list[str]) -> bool:
        """'film producer Ann Lee', 'actor and producer Sacha Baron Cohen': "producer" as a
        person's trade (the words `before` a name, lower-cased), not a firm's ("oil producer")."""
        if len(before) < 2:
            return False
        if before[-2] == "and" and len(before) > 2:
            return before[-3].rstrip(",") in _SHOW_TRADES
        return before[-2] in _SHOW_TRADES

    def _person_after_body_noun(
        self, words: list[str], surface: str, noun: str, start: int, end: int
    ) -> bool:
        """'camera operator Doug Vogt', 'publisher Sebastian Kadas', 'the commission Ann Lee …
        Lee said': a given name and a plain surname after a body's noun are a person's when the
        noun is also a person's trade or the surname stands alone elsewhere in the text."""
        if not 2 <= len(words) <= 3 or words[0] not in self.gaz.first_names:
            return False
        if not self._plain_name(words[1:]) or self._lookup(surface):
            return False
        return noun in _PERSON_TRADE_NOUNS or self._surname_alone(words[0], words[-1], start, end)

    def _named_for_a_firm(self, words: list[str]) -> bool:
        """Whether `words` name a company ("Xcel Energy", "American Airlines", "Air Canada"): a
        venue named after its sponsor ("the Xcel Energy Center") is a place, not the firm."""
        if words[-1] in _SPONSOR_TRADES:
            return True
        name = " ".join(words)
        kind = self.gaz.known.get(name)
        if kind is None:
            return tier_type(name) == "ORG"
        return kind == "ORG" and not name.isupper() and name not in _NON_COMMERCIAL_HOSTS

    def _company_noun_right_before(self, start: int) -> bool:
        """'retailer Circuit City', 'carrier Gulf Air', 'the lender Banco Delta': a company's noun
        one space before a name that a place's word would make a place."""
        if self.text[start - 1 : start] != " ":
            return False
        word = last_word_in(self.text, max(0, start - 16), start - 1)
        return word != "" and word in _COMPANY_NOUNS

    def _initials_then_surname(self, words: list[str], start: int) -> bool:
        """'JK Rowling', 'MK Stalin': two capitals no list knows, then one plain capitalised word
        that names no body or place, with a person's sign: a role noun or "written by" right
        before, or the surname alone elsewhere in the article (a firm "TJ Maxx" has none)."""
        first, last = words
        gaz = self.gaz
        if not (
            len(first) == 2
            and first.isupper()
            and first.isalpha()
            and len(last) > 2
            and last.isalpha()
            and _is_cap(last)
            and not _is_upper(last)
            and first.lower() not in gaz.common_words
            and last.lower() not in gaz.common_words
            and last not in gaz.org_words
            and last not in gaz.place_words
            and self._lookup(first) is None
            and self._lookup(last) is None
        ):
            return False
        before = self.text[max(0, start - 24) : start].split()
        if before:
            word = before[-1].lower()
            if (
                word in gaz.role_words
                or word.removesuffix("s") in gaz.role_words
                or (word == "by" and len(before) > 1 and before[-2] in _BY_PERSON)
            ):
                return True
        text = self.text
        surname_alone = 0
        at = text.find(last)
        while at >= 0 and surname_alone == 0:
            end = at + len(last)
            if (
                text[at - 3 : at - 1] != first
                and not text[at - 1 : at].isalnum()
                and not text[end : end + 1].isalnum()
            ):
                surname_alone += 1
            at = text.find(last, end)
        return surname_alone > 0

    def _firm_named_like_place(self, name: str) -> bool:
        """Whether the article makes the listed place `name` (one word) a company somewhere:
        "Orinoco's shareholders", "Orinoco's chief executive" (not a country's: Hong Kong has
        one), "the retailer Orinoco" at any of its mentions. A gazetteer's place never overrides
        what only a company has; asked once an article and name (`firm_places`)."""
        known = self.firm_places.get(name)
        if known is not None:
            return known
        text = self.text
        found = False
        country = name in countries_and_divisions()
        at = text.find(name)
        seen = 0
        while at >= 0 and seen < 40 and not found:
            seen += 1
            end = at + len(name)
            if (
                (at == 0 or not text[at - 1].isalnum())
                and not text[end : end + 1].isalnum()
                and not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper())
            ):  # the name alone (not "the company Dubai World": a longer name's first word)
                m = _FIRM_ONLY_POSSESSION.match(text, end)
                found = (m is not None and not (country and m.group("chief"))) or (
                    self._company_noun_right_before(at)
                )
            at = text.find(name, end)
        self.firm_places[name] = found
        return found

    def _person_described_after(self, words: list[str], surface: str, start: int, end: int) -> bool:
        """'the Gaming Commission, Ann Lee-Vance, said', '…, Ann Lee, the station's editor,': a
        given name and a plain surname set off by commas after a body's noun, then a speech
        verb or a description holding a role word, are a person of that body. A speech verb
        counts only after a body's name ("Commission,"): after a bare "the retailer," the name
        between the commas is the body's ("The retailer, John Lewis, said")."""
        if not 2 <= len(words) <= 3 or words[0] not in self.gaz.first_names:
            return False
        if not self._plain_name(words[1:]) or self._lookup(surface):
            return False
        said = _SPEECH_AFTER_COMMA.match(self.text, end)
        if said is not None and said.group(1) in SPEECH_VERBS:
            return self._capitalised_before(start)
        tail = self.text[end + 1 : end + 80].split(",", 1)
        if len(tail) < 2:
            return False  # no comma closes a description
        described = [w.strip(".;:'’").lower() for w in tail[0].split()]
        return 0 < len(described) <= 6 and described[-1] in self.gaz.role_words

    def _named_kin(self, words: list[str], surface: str, kin: bool, after: str) -> bool:
        """'his wife, Maureen', 'daughters Ama and …', 'Laura and I welcome': a name right after
        a word of kinship (`kin`), or a given name before "and I", is a person's."""
        if len(words) > 3:
            return False
        if not kin and not (
            len(words) == 1 and words[0] in self.gaz.first_names and _AND_I.match(after)
        ):
            return False
        return (
            self._plain_name(words)
            and not self._lookup(surface)
            and not any(_is_upper(w) and len(w) > 1 for w in words)
        )

    def _capitalised_before(self, start: int) -> bool:
        """Whether the word one space before `start` is capitalised (the end of a name)."""
        at = self.text.rfind(" ", 0, start - 1) + 1
        return start - at > 1 and self.text[at].isupper()

    def _known_place_before(self, start: int) -> bool:
        """Whether a known place ends one space before `start`, in the same name's run (the
        place is the candidate found last)."""
        if not self.candidates:
            return False
        prev = self.candidates[-1]
        return prev.end == start - 1 and prev.type == "PLACE" and prev.strength >= 3

    def _listed_after_place(self, start: int) -> bool:
        """Whether a place's name found last ends right before `start` and ", and " or "and "
        ("parts of Old Montreal, Notre-Dame-de-Grâce, and The Plateau"): the next of a list
        of places."""
        if not self.candidates:
            return False
        prev = self.candidates[-1]
        return prev.type == "PLACE" and self.text[prev.end : start] in (" and ", ", and ")

    def _in_heading(self, pos: int) -> bool:
        if not self.heading_starts:
            return False  # most articles have no heading
        k = bisect_ints_right(self.heading_starts, pos) - 1
        return k >= 0 and pos < self.headings[k][1]

    def _evidence(
        self,
        toks: list[Token],
        surface: str,
        person_cue: bool,
        suffix_cue: str | None,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        gaz = self.gaz
        if len(toks) == 1:  # most candidates are one word
            word = toks[0].text
            words = [strip_possessive(word) if "'" in word or "’" in word else word]
            if words[0] in CALENDAR:
                return None, 0  # "Saturday", "December": dates, never names
            if words[0] in _MISSION_HEADS:
                return None, 0  # "the Embassy": the noun of the country's mission named before
            if surface[-2:] in _OWN_S:
                return "ORG", 2  # "McDonald's said": its "'s" kept (_own_possessive), a business
            if "-" in word and _all_groups(word.split("-"), gaz) and self._role_after(end):
                return "GROUP", 2  # "a Korean-Canadian actor" (but "the Syrian-Turkish border")
            if word in _REGION_ADJECTIVES or (
                word in _COMPASS_REGIONS and self._region_after_the(start, end)
            ):
                return "PLACE", 2  # "the Northeastern states", "criticised the West for"
            if self.text[start - 1 : start] == "(" and self._seat_then_party(start, end):
                return "PLACE", 2  # "Julie Bishop (Curtin, Liberal)": the member's seat
        else:
            words = [
                strip_possessive(t.text) if "'" in t.text or "’" in t.text else t.text for t in toks
            ]
            if all(w in CALENDAR for w in words):
                return None, 0
            if (
                words[0] in _FOREIGN_ARTICLES
                and not person_cue
                and words[1] not in gaz.first_names
                and self._outlet_context(start, end)
                and not self._lookup(surface)
            ):
                return "ORG", 1  # "Vienna's Der Standard labelled", "Spain's El País": a title
                # opening with another language's article names a paper or a body, no person
        if len(words) > 2 and not _TITLE_WORDS.isdisjoint(words[1:]):
            return None, 0  # "The Man Who Knew Too Much", "The World Is Poorer Than We Thought":
            # a pronoun or "is" inside a name makes it a title (books, films, reports), no body
        if words[0] == "The" and not person_cue and len(words) > 1:
            words = words[1:]
            if (
                not toks[0].sentence_start
                and not self._in_heading(start)
                and self.text[start - 1 : start] not in _QUOTE_MARKS
            ):
                if (
                    self._work_before(start)
                    or _TITLE_GOES_ON.match(self.text, end)
                    or _BY_AUTHOR.match(self.text, end)  # "The Moral Landscape by Sam Harris"
                    or words[-1] in _NO_BODY_LAST  # "on The Late Show with …": a show
                ):
                    return None, 0  # "the film The Last Days", "Dawkins' The God Delusion"
                if (
                    len(words) <= 2
                    and words[-1] not in gaz.org_words
                    and words[-1] not in gaz.place_words
                    and not words[-1].endswith("s")
                    and _TITLE_OF_AFTER.match(self.text, end) is not None
                    and not self._lookup(surface)
                ):
                    return None, 0  # "the sequel to The Wealth of Nations": a work's title
                    # cut at its "of" (but "The Sisters of Mercy", "The Times of India")
                if (
                    len(words) == 1
                    and words[0] in gaz.place_words
                    and toks[-1].text == words[0]  # (not "The Bay's sales": a business's)
                    and (
                        last_word_in(self.text, max(0, start - 16), start).lower() in _WHERE_WORDS
                        or self._listed_after_place(start)
                    )
                ):
                    return "PLACE", 2  # "analysts in The City": a place (not "convert The Bay
                    # into a chain", "stores such as The Bay": a chain of stores)
                return "ORG", 2  # "in The Lancet": a capital "The" mid-sentence names a title
        if not words or (
            len(words) == 1
            and words[0].lower() in gaz.common_words
            and not (surface.isupper() and self._noun_names_acronym(surface, start))
        ):
            return None, 0
        after = self.text[end : end + 40]
        if _is_acronym(surface) and _NUMBER_AFTER.match(after):
            return None, 0  # a market index: "FTSE 100", "CAC 40"
        if surface in _TIME_ZONES and _CLOCK_BEFORE.search(self.text, max(0, start - 14), start):
            return None, 0  # a time zone: "at 11:30 am IST", "19:45 WAT"
        if "." in surface and _DOMAIN.fullmatch(surface):
            return "ORG", 2  # "Kestrel.com.au": an outlet named by its web address
        if (
            words[0] in _BRIEF_WORDS  # (most names fail here: a cheap proof first)
            and words[-1] not in _BRIEF_OPENERS
            and all(w in _BRIEF_WORDS for w in words)
            and (
                (after[:1] == " " and _BRIEF_HOLDER_AFTER.match(after) is not None)
                or _PORTFOLIO_BEFORE.search(self.text, max(0, start - 32), start) is not None
            )
            and not self._lookup(surface)
        ):
            return None, 0  # "Corrective Services minister Judy Spence", "Environment spokesman
            # Chris Huhne": a minister's brief before its holder, no body
        if person_cue:
            return "PERSON", 2
        if (
            self.text[start - 4 : start] == " of "
            and _AGE_THEN_OF.search(self.text, max(0, start - 12), start) is not None
            and not any(w in gaz.org_words for w in words)
        ):
            return "PLACE", 2  # "Hue Vang, 39, of Fresno, a former police officer": a person's
            # age, then where that person lives (not "of Acme Corp": a body's head word)
        if (
            len(toks) == 2
            and toks[0].sentence_start
            and words[0].lower() in gaz.common_words
            and self._given_name_opens(toks, words[0].lower())
        ):
            return "PERSON", 2  # "Art Levinson, chairman of Genentech,": kept by _opener_kept
        if suffix_cue:
            return suffix_cue, 2
        if self.text[start - 2 : start] in _CALLED_LAST and (called := self._called_kind(start)):
            return called  # "a program called RAPIDGate", "a group called the Big Foot Riders"
        if (
            len(words) <= 2
            and words[-1].endswith(_DEMONYM_TAILS)
            and self._people_of_place(words)
            and after[1:].split(" ", 1)[0].rstrip(".,;:") not in PLACE_NOUNS  # "the Saharan region"
        ):
            return "GROUP", 2  # "Madagascan", "Victorians", "New Yorkers": a known place's people
        if len(toks) == 1 and "-" in surface and self._hyphened_body(words[0], start, end):
            return "ORG", 1  # "(C-MORE) said", "ABS-CBN said": capitals joined by a hyphen
        if len(toks) == 1 and self._no_one_word_cue(words[0], toks[0], surface, start, after):
            return None, 0  # most one-word names: no cue below can fire (a cheap proof)
        if len(words) > 1 and self._told_the_before(start):
            return "ORG", 2  # "told the Toronto Star", "telling the Nevada Independent": a
            # person told something is never "the" someone
        if (
            len(words) > 1
            and self._member_of_the_before(start)
            and _FAMILY_AFTER.match(self.text, end) is None
            and self.text[end : end + 1] not in _APOSTROPHES  # "the Screen Actors' Guild": cut
            and not self._lookup(surface)
        ):
            return "ORG", 2  # "a member of the Rajya Sabha", "members of the Kelmar Vesti":
            # what has members is a body (nobody is "the" Ann Lee; "the Bin Laden family" is hers)
        if (
            len(words) > 1
            and words[0] in gaz.first_names
            and self._first_name_decides(words, start, after)
        ):
            return "PERSON", 2  # most full names: the first-name rule below (a cheap proof)
        if (
            1 < len(words) <= 3
            and after[:2] == ", "
            and _PERSON_AGE.match(after)
            and all(w.isalpha() and _is_cap(w) and not _is_upper(w) for w in words)
            and not any(w in gaz.org_words or w in gaz.place_words for w in words)
            and self._lookup(surface) is None
            and self.text[max(0, start - 4) : start].lower() != "the "
        ):
            return "PERSON", 2  # "Paris Hilton, 40, said": an age after a name, as after
            # "Kessler, 54,", even when a word of it is a place's
        if after[:1] in _LEADER_OPENINGS and self._leader_of_term(words, surface, start, after):
            return "PERSON", 1  # "the Kelbrook government", "Ovid Tarrant's presidency"
        if (
            (after[:1] in ("'", "’") and _ORG_POSSESSION.match(after))
            or (self.text[start - 4 : start] in (" of ", " in ") and self._shares_of(start))
            or (
                after[:2] in _OFFICER_OPENINGS
                and _OFFICER_AFTER.match(after)
                and words[0] not in gaz.first_names
            )
            or (
                after[:2] in _STAFF_OPENINGS
                and _STAFF_AFTER.match(after)
                and words[0] not in gaz.first_names
                and not (len(toks) == 1 and toks[0].sentence_start)
                and not (self.text[start - 1 : start] == " " and self._capitalised_before(start))
            )  # (not "the BBC World Affairs correspondent": a beat after its outlet's name)
            or self._deal_before(start)
            or (after[:4] in _COPULA_OPENINGS and _IS_A_BODY.match(after) is not None)
            or (after[:8] == ", which " and _WHICH_TRADES.match(after) is not None)
            or self._founded_before(start, end)
        ):
            return "ORG", 2  # "Quorvex's chief executive", "shares of Quorvex", "Quorvex boss
            # Ann Lee", "a takeover bid for Quorvex": only a company has these
        of_at = words.index("of") if "of" in words else -1
        if (
            of_at >= 0
            and (words[-1] in _SPEECH_HEADS or _ADDRESS_AFTER.match(after) is not None)
            and not any(w in gaz.org_words for w in words[:of_at])
            and words[0] not in PLACE_OPENERS  # "his Isle of Wight address": a place's
            and not self._lookup(surface)
            and not (
                words[of_at + 1] != "the" and self._lookup(" ".join(words[of_at + 1 :]))
            )  # "a City of London address"
        ):
            return None, 0  # "the State of the Union address": a speech, no place (but "the
            # University of Leeds address" is the university's)
        head = (
            words[:of_at] if of_at >= 0 else words[: words.index("for")] if "for" in words else None
        )
        if len(words) > 1 and (
            (head or words)[-1] in _NOT_NAME_HEADS
            or (words[-1] == _EVENT_GAMES and self.text[start - 4 : start] in ("the ", "The "))
        ):
            return None, 0  # "Academy Award", "Ballot Interference Prevention Act": no body
        if (
            len(words) > 1
            and (words[-1] in _NOT_BODY_LAST or _is_version(words[-1]))
            and words[0] not in gaz.first_names
        ):
            return None, 0  # "Research Fellow", "Commercial Crew Program", "Earth Day", "Mac OS
            # X", "Red Hat Enterprise Linux": no body (products are not annotated)
        if (
            len(words) > 1
            and words[-1] in _MISSION_HEADS
            and _AT_A_BUILDING.search(self.text, max(0, start - 30), start) is not None
        ):
            return "PLACE", 1  # "outside the Australian Embassy": the building (a body else,
            # whose cues win: "protests outside the embassy, … an embassy spokesman")
        if len(words) > 1 and (
            words[-1] in _FACILITY_HEADS
            or (words[-1] in _FACILITY_LAST and " ".join(words[-2:]) in _FACILITY_PAIRS)
            or (words[-1] in _VENUE_HEADS and self._named_for_a_firm(words[:-1]))
        ):
            return "PLACE", 2  # "Gatot Soebroto Army Hospital", "Kennedy Space Center": a site
        if words[-2:] == ["of", "Fame"]:
            return "ORG", 2  # "the Rock & Roll Hall of Fame": a museum, an institution (not a hall)
        if head and (
            any(w in gaz.org_words for w in head) or gaz.known.get(" ".join(head)) == "ORG"
        ):  # "Islamic State of Iraq and Syria": a known body's name goes on (not "State")
            return "ORG", 2
        if (
            head
            and of_at < 0
            and len(head) == 1
            and len(words) > 2
            and _people_plural(head[0], gaz)
            and not self._lookup(surface)
        ):
            return "ORG", 2  # "Veterans for Peace", "Women for America First": people
            # named with the cause they stand for
        if (
            len(words) > 1
            and strip_possessive(words[-1]) == "House"
            and not after.startswith(" of ")
            and (" ".join(words[:-1]) in _US_NAMES or " ".join(words[:-1]) in us_states())
        ):
            return "ORG", 2  # "the U.S. House voted", "the Minnesota House voted": the country's
            # or the state's lower chamber
        if head and head[-1] == "House" and words[len(head) + 1 : len(head) + 2] != ["the"]:
            return "ORG", 2  # "House of Councillors": a chamber (not "House of the Dragon")
        if head and any(w in gaz.place_words for w in head):
            return "PLACE", 2
        if words[-1] in gaz.org_words and (
            self._common_title(words) or self._heading_audience(words, start, after)
        ):
            return None, 0  # "Milk and Milk Products", "Selling for Creative Brands": a heading's
            # capitals on words the text writes in lower case, or whom it is for: no company
        if words[-1] in gaz.org_words:
            # a head noun alone ("Steel", "Mining", "the Union") is weak evidence: it types no
            # list of names ("Guns, Germs, and Steel", a book)
            return "ORG", 2 if len(words) > 1 else 1
        if (
            len(words) == 2
            and words[1] in _MODIFYING_PLACE_WORDS
            and gaz.known.get(words[0]) == "GROUP"
            and _NOUN_AFTER.match(after) is not None
        ):
            return None, 0  # "Zimbabwean State institutions", "the Hawaiian Island chain": a
            # people's word and a place's word before the noun they modify name no place
        if len(words) > 1 and words[0] in PLACE_OPENERS and words[-1] in _EVENT_ENDS:
            return None, 0  # "the Gulf War", "the Gulf Crisis": an event named after a place is
            # no place
        if len(words) > 1 and (words[-1] in gaz.place_words or words[0] in PLACE_OPENERS):
            if words[-1] in gaz.place_words and broadcast_channel(words, gaz):
                return "ORG", 2  # "Fox News Channel": a broadcaster, not a strait
            if surface in self.company_places or self._company_noun_right_before(start):
                self.company_places.add(surface)  # its later mentions too
                return "ORG", 2  # "retailer Circuit City", "carrier Gulf Air"
            if (
                len(words) == 2
                and words[1] in _SURNAME_PLACE_WORDS
                and words[0] in gaz.first_names
                and (
                    after[1:].split(" ", 1)[0].rstrip(".,;:") in SPEECH_VERBS
                    or _FOR_OFFICE_AFTER.match(after) is not None
                )
            ):
                # "Darrell Castle said", "Jonathan Park told", "the ticket of Darrell Castle for
                # president": a given name and a place's word as a surname
                return "PERSON", 2
            if words[-1] in _SURNAME_PLACE_WORDS and self._given_name_then_surname(words, start):
                return "PERSON", 2  # "Christopher R. Hill", "Tom Ridge, the secretary"
            return "PLACE", 2
        before = self.text[max(0, start - 60) : start].lower().split()
        kin = (
            bool(before)
            and before[-1].rstrip(",") in _KIN_NOUNS
            and (
                any(_determines_kin(w) for w in before[-3:-1])
                or _KIN_NAME_END.match(after) is not None
            )
        )  # "his wife Ann said", "wife Maureen.", "children Bo and Al", not "children Creating art"
        if (kin or after[:7] == " and I ") and self._named_kin(words, surface, kin, after):
            return "PERSON", 2  # "survived by his wife, Maureen", "Laura and I welcome"
        if (
            before
            and before[-1] in ORG_NOUNS
            and not (
                words[0] in gaz.first_names
                and (before[-1] in gaz.role_words or self._capitalised_before(start))
            )
            and not (before[-1] == "producer" and self._show_producer(before))
            and not self._person_after_body_noun(words, surface, before[-1], start, end)
            and not (len(words) == 2 and self._body_named_before_noun(start))
        ):  # "the carmaker Ladon Motors", but "actor and producer Ann Lee" is a person, and so
            # is "the Security Council Ann Lee": the council's name ends before her given name
            return "ORG", 2
        if before and before[-1] in ("daily", "weekly") and self._newspaper_before(start):
            return "ORG", 2  # "Greek daily Kathimerini", "the weekly Der Kurier"
        if (
            len(before) >= 2
            and before[-1] == "of"
            and before[-2] in _PERSON_EVENTS
            and 2 <= len(words) <= 3
            and self._plain_name(words)
        ):
            return "PERSON", 2  # "the assassination of Rafiq Hariri", "the trial of Ann Lee"
        if (
            len(before) >= 3
            and before[-1] == "of"
            and 2 <= len(words) <= 3
            and words[0] not in PLACE_OPENERS
            and _RUN_ENDS.match(after) is not None
            and not (after[:1] == "." and len(words[-1]) <= 3)  # "Aurora St. Luke's": cut
            and self._person_before_of(start)
            and not self._lookup(surface)
        ):
            return "ORG", 2  # "Mike McCready of Pearl Jam": a person's band, firm or body
        if (
            len(before) >= 2
            and before[-1] in ("of", "under")
            and before[-2] in _LEADER_TERMS
            and 2 <= len(words) <= 3
            and self._plain_name(words)
            and not self._lookup(surface)
        ):
            return "PERSON", 2  # "the regime of Ovid Tarrant", "the government under Ann Lee":
            # a term of office named after its holder
        if (
            before
            and before[-1].endswith("-year-old")
            and len(words) <= 3
            and before[-2:-1] not in (["the"], ["a"], ["an"])  # "the 24-year-old Spaniard"
        ):
            return "PERSON", 2  # "Fifteen-year-old Robert said": an age before a name
        if (
            len(words) <= 2
            and self._named_as_ending_before(start)
            and self._named_as_person(start, words[0])
        ):
            return "PERSON", 2  # "a protester using the pseudonym Katya"
        if (
            before
            and before[-1].endswith(",")
            and before[-1][:-1] in ORG_NOUNS
            and (
                after[:1] == ","
                # "… newspaper, Maariv." (but "… the State Department, Daniel Turner.": a
                # first name and a surname ending the sentence name a person, as the
                # first-name shortcut has it)
                or (after[:1] in (".", ";") and len(words) <= 3 and words[0] not in gaz.first_names)
            )  # (not a shouted clause: "OUR TEST GROUP, EACH PERFORMING WELL ACROSS THE RANGES.")
            and not _ROLE_OF_BEFORE.search(self.text, max(0, start - 80), start)
            and not (len(words) > 1 and self._role_for_body_before(start))
            and not (words[0] in gaz.first_names and self._role_of_before(before))
            and not _PERSON_AGE.match(after)  # "the Unionist Party, Ian Paisley, 81,": its leader
            and not (
                after[:1] == ","
                and (
                    self._person_after_body_noun(words, surface, "", start, end)
                    or self._person_described_after(words, surface, start, end)
                )
            )  # "the Guardian newspaper, Ann Lee, …  Lee wrote", "the commission, Ann Lee, said"
        ):  # but "the president of the European Central Bank, Jean-Claude Trichet, said"
            return "ORG", 2  # "the national copper commission, Cochilco, said"
        if (
            after[:3] in _DESCRIBED_BODY_OPENINGS
            and _DESCRIBED_AS_BODY.match(self.text, end)
            # "Security and Investigations, a firm", "Entraide et Solidarité AF447, a support
            # group": the end of a longer name after its "and"
            and not self.text[max(0, start - 5) : start].endswith(_NAME_AND_ENDS)
        ):
            return "ORG", 2  # "Arla, the main Danish provider of dairy products", "Hutchison,
            # the company which operates the network": a body described after a comma
        if after[:3] in _DESCRIBED_PLACE_OPENINGS and _DESCRIBED_AS_PLACE.match(self.text, end):
            return "PLACE", 2  # "Birmaza, a northern village, was attacked"
        if len(before) >= 2 and before[-1] == "of" and before[-2] in PLACE_OF_NOUNS:
            return "PLACE", 2
        if (
            len(before) >= 2
            and before[-1] == "of"
            and before[-2] in _DWELLERS
            and self.text[max(0, start - 16) : start].split()[-2:-1] == before[-2:-1]
            and not any(w in gaz.org_words for w in words)
        ):  # (in lower case: "the People of Freedom" is a party)
            return "PLACE", 2  # "the people of Qom", "residents of Ostraville": where they live
        if self._platform_cue(start, end):
            return "ORG", 2
        if after[:1] == "," and _comma_then_capital(after):
            nxt = _COMMA_NAME.match(after)
            if (
                nxt
                and gaz.known.get(nxt.group(1).strip()) == "PLACE"
                and len(words) <= 3
                and not self._role_after(end + nxt.end())
                and not (
                    self._modified_role_after(end + nxt.end())
                    and (
                        len(words) > 1
                        or words[0] in gaz.first_names
                        or _INITIAL_BEFORE.search(self.text, max(0, start - 4), start) is not None
                    )
                )  # "A. Sivanarayana, Andhra Pradesh additional director general": a person
                # (but "hit Dumfries, Scotland local councillor Jo Reid": a town alone)
                and not (
                    len(words) > 1
                    and words[0] in gaz.first_names
                    and words[-1] not in _PLACE_HEADS
                    and not (before and before[-1] in _PLACE_PREPOSITIONS)
                    and (
                        self._person_apposition(end + nxt.end())
                        or self._surname_alone(words[0], words[-1], start, end)
                        or (before and before[-1] in gaz.role_words)
                    )  # (or "signed by the governor Jon Corzine, New Jersey would": his role)
                )
            ):  # "Croydon, South London", "near Alice Springs, Australia", but not "Hernan
                # Gomez, Panama coach, said" nor "Adrian Wojnarowski, US sport columnist, said"
                return "PLACE", 2
        rest_after = (
            after[2:]
            if after[:2] in _POSSESSIVE_ENDINGS and not _is_word_char(after[2:3])
            else after
        )  # "Acme's revenue": the word after the possessive
        next_word = first_word_in(rest_after, 0, len(rest_after)).lower().strip(".,;:")
        if (
            (
                next_word in _MEDIA_VERBS
                and not rest_after.startswith((" reports from ", " reported from "))
                and not _REPORTS_AS_NOUN.match(rest_after)  # "Unconfirmed reports have …"
                and not (
                    len(words) > 1
                    and (
                        (before and before[-1] in gaz.role_words)
                        or (words[0] in gaz.first_names and words[-1] not in gaz.org_words)
                    )
                )
            )  # but "journalist Ron Suskind reported", "VOA's David Gollust reports": a reporter
            or (
                (
                    next_word in _OUTLET_NOUNS
                    or (
                        next_word in _BODY_NOUNS_AFTER
                        and words[0] not in gaz.first_names
                        and _names_one_body(self.text[max(0, start - 60) : start], next_word)
                    )
                    or (
                        next_word in _MEMBERS_NOUNS_AFTER
                        and after[:1] == " "  # (not "Ann Lee's party": hers)
                        and self._members_named(words, toks, start)
                        and _names_one_body(self.text[max(0, start - 60) : start], next_word)
                    )
                )
                and rest_after[:1] == " "
                and (next_word[-1] != "s" or self.text[start - 5 : start] == " and ")
            )  # "Maariv newspaper", "the Sun and Daily Mirror newspapers" (not "the Murdoch
            # newspapers": a proprietor's)
            or (_media_before(before) and not self._person_interviewed(words, before))
            or (len(words) > 1 and _media_by_the(before))
            or (
                len(words) > 1
                and next_word in _AUXILIARIES
                and _REPORTING_AFTER.match(rest_after) is not None
                and words[0] not in gaz.first_names
            )  # "Flight Global is reporting that", "Kelmar Vesti has reported"
            or (
                len(words) > 1
                and next_word in _STAFF_OF_BODIES
                and rest_after[:1] == " "
                and not (toks[0].sentence_start and words[0].lower() in gaz.common_words)
                and self.text[max(0, start - 5) : start] != " and "
                and not any(w in gaz.first_names or self._lookup(w) for w in words)
            )  # "Border Patrol agents", "Kelmar Vesti officials": only a body has them (not
            # "Senior Kelmar officials": a sentence's capital; nor "New Orleans and Jefferson
            # Parish officials": a list's last, of what kind the first says)
            or (
                before[-1:] == ["the"]
                and words[0] not in gaz.first_names
                and _BODY_AFTER_MODIFIERS.match(rest_after) is not None
            )  # "the Mukhabarat intelligence agency", "the White Rose dissident group"
        ):
            return "ORG", 2  # "published in Nature Astronomy", "Business Insider reported"
        if next_word in PLACE_NOUNS and (
            next_word not in NATURE_NOUNS
            or before[-1:] == ["the"]
            or _nature_noun_ends(rest_after.split(None, 1))
            or not self._named_as_person_too(words)
        ):  # a noun of nature modifying a noun after it ("Biden reservoir plans") is a person's
            # only for a name a person bears ("Kilauea volcano eruption" is the volcano's)
            return "PLACE", 1
        if next_word in ("mayor", "governor", "premier", "council", "capital") and after.startswith(
            ("'s", "’s")
        ):
            return "PLACE", 2
        if len(words) > 1 and words[-1] in _EVENT_HEADS:
            return None, 0  # "the Forbes Global CEO Conference", "the Press Conference": an
            # event named after its host, no body (events are not annotated)
        if (
            len(words) > 1
            and any(_is_acronym(w) or w == "&" for w in words)
            and not (words[0] in gaz.first_names and _ROMAN_NUMERAL.fullmatch(words[-1]))
        ):  # but "Martin III", "Ann Lee II": a given name and a generation
            if (
                len(words) == 2
                and (_is_acronym(words[0]) or not words[0].isalpha())
                and gaz.known.get(words[0]) == "PLACE"
                and not words[1].endswith("s")
            ):
                return None, 0  # "US Humvee", "U.S. Attorney": a place's letters and a word
                # (but "NSW Greens", "USA Today" are known or read as a body)
            if (
                len(words) == 2
                and words[0] in gaz.first_names
                and len(words[1]) > 3
                and words[1].isalpha()
                and words[1].isupper()
                and self._lookup(words[1]) is None
            ):
                return "PERSON", 1  # "Javier SOLANA": a given name, then the surname in
                # capitals (as EU and UN releases write it), no body's letters
            if len(words) == 2 and self._initials_then_surname(words, start):
                return "PERSON", 1  # "author PK Vance", "written by JK Rowling", "MK Stalin …
                # Stalin said": two initials written as capitals open a person's name
            return "ORG", 1
        if (
            len(words) > 1
            and (
                words[0] in gaz.first_names
                or (len(words) > 2 and _INITIAL.fullmatch(words[0]) and words[1] in gaz.first_names)
            )  # "J. Lewis Libby", "F. Scott Orrow": an initial before the given name
            and words[-1] not in HONOURS
            and not (
                self.text[start - 4 : start] == "the "
                and not after[1:2].islower()
                and not (len(words) == 3 and _INITIAL.fullmatch(words[1]))
            )
        ):  # but "George Polk Awards" is a prize named after him, and "by the Austin
            # American-Statesman," is no one: nobody is "the" Ann Lee (but "the James Cagney
            # film" is his film, and "the Frank E. Buck Professor": a middle initial is a
            # person's)
            return "PERSON", 2
        if (
            len(words) == 3
            and words[1] in gaz.first_names
            and "." not in surface
            and not _may_open_known(words[0])
            and words[0].lower() not in self.lower_seen
            and words[0].lower() not in gaz.common_words
            and not any(w in gaz.org_words or w in gaz.place_words for w in words)
        ):
            return "PERSON", 1  # "Noordin Mohammad Top": a given name in the middle
        if len(words) > 1 and any(w in gaz.org_words for w in words):
            return "ORG", 1
        if (
            len(words) == 2
            and after[:1] in (".", ",")
            and self._role_of_before(before)
            and self._plain_name(words[1:])
            and not self._lookup(words[1])
        ):
            return "PERSON", 1  # "the chairman of the Senate Budget Committee, Kent Conrad.": a
            # place's name as a given name, after the office the pair holds
        if 1 < len(words) <= 5 and self._shaped_as_personal_name(words):
            return "PERSON", 1  # "Joop van Holsteyn", "Kuo-ching Lin": a name's own shape
        if (
            1 < len(words) <= 3
            and (
                not any(
                    w.lower() in gaz.common_words
                    or w.lower() in self.lower_seen
                    or w in THING_WORDS
                    or self._lookup(w)
                    for k, w in enumerate(words)
                    if not (len(words) == 3 and k == 1 and w in _ROMANCE_PARTICLES)
                )  # ("Domingos da Camara": a particle inside, still only with a person cue)
                or (  # "the Minister of Foreign Affairs, Per Stig Møller,", "Taha Yassin Ramadan,
                    # former vice-president of Iraq": a common word inside a name, an apposition
                    len(words) == 3
                    and after[:1] == ","
                    and self._one_common_word_inside(words, toks)
                )
            )
        ):
            # Two or three unknown capitalised words look like a name, but only a person cue
            # makes them a person ("Rio Tinto", "Nowa Huta" are not): unconfirmed is strength 0.
            if next_word in SPEECH_VERBS and self._body_of_person_before(start):
                return "ORG", 1  # "Kris Andersen of Scripps Research said": her employer
            if next_word in SPEECH_VERBS and self._place_cue(before, start, surface):
                return "PLACE", 1  # "police in Nowa Huta said"
            if (
                next_word in SPEECH_VERBS
                and len(words) == 2
                and not (before and before[-1].rstrip(",") in gaz.role_words)
                and self._place_then_unknown(words, end)
            ):
                return "ORG", 1  # "Kelmar Ledger wrote": a town's name is no given name (but
                # "shadow business secretary Chuka Umunna said": a role names a person)
            if after[:1] == "," and self._employer_before(before):
                return "ORG", 1  # "head of research at Forsyth Barr, Rob Mercer, said"
            if len(before) >= 2 and (
                (before[-1] == "named" and before[-2] in _PEOPLE_NAMED)
                or (before[-1] == "as" and "identified" in before[-4:-1])
            ):
                return "PERSON", 2  # "an opposition official named Ann Orrow", "police
                # identified the men as Ann Orrow, …" (a list after it takes the type)
            if before and before[-1] in _TOLD and next_word not in SPEECH_VERBS:
                if self._told_outlet(words):
                    return "ORG", 1  # "he told Ekho Moskvy:", its words named nowhere else
                return "PERSON", 0  # "Moss told Kaveh Baran: … Baran said": with no given
                # name, unconfirmed, no one until the surname speaks
            if (
                next_word in SPEECH_VERBS
                or (before and before[-1] in SPEECH_VERBS)
                or (
                    "," in self.text[max(0, start - 3) : start]  # the pattern ends with ",\s$"
                    and _INVERTED_SPEAKER_BEFORE.search(self.text, max(0, start - 160), start)
                )
                or self._person_after(after)
                or (before and before[-1].rstrip(",") in gaz.role_words)
                or (before and before[-1].rstrip(",").rsplit("-", 1)[-1] in gaz.role_words)
                or self._group_before(start)
                or _MEMBER_SPEAKS.match(after)
                or _COMMA_SPEECH.match(after)
                or (after[:1] == "," and self._described_speaker(start, end))
                or self._of_known_place(after)
                or (
                    after[:1] == ","
                    and _ROLE_OF_BEFORE.search(self.text, max(0, start - 80), start)
                )
                or _OF_BODY_SPEAKS.match(self.text, end)
                or self._role_of_before(before)
                or (after[:1] in ("'", "’") and _PERSON_POSSESSION.match(after))
                or self._opens_paragraph_pronoun_speaks(toks, start, end)
                or _PERSON_VERB_AFTER.match(after) is not None
                or (after[:5] == " and " and _KIN_PRONOUN_AFTER.match(after) is not None)
                or (
                    _OWN_PRONOUN_AFTER.match(after) is not None
                    and not (before and before[-1] in _PLACE_PREPOSITIONS)
                )  # "Visitors to Tamsk Gardens found her …": not the clause's subject
                or (len(before) >= 2 and before[-1] == "by" and before[-2] in _BY_PERSON)
                or self._holder_after_office(start)
                or self._one_of_people_before(before)
                or (toks[0].sentence_start and self._subject_then_pronoun(end))
            ):
                return "PERSON", 1
            if self._place_cue(before, start, surface) or (
                before and before[-1] == "at" and not self._after_capitalised_word(start)
            ):
                return "PLACE", 1  # "in Nowa Huta", "gathered at Circular Quay"
            if len(words) == 2 and self._given_name_as_surname(words, surface, start, end):
                return "PERSON", 1  # "Saddam Hussein", "Patty Morris": a father's given name
            if len(words) == 3 and words[1] in _ROMANCE_PARTICLES:
                return None, 0  # "Concertación de Partidos": no cue, no person (not even weak)
            return "PERSON", 0
        if len(before) >= 2 and before[-2:] == ["according", "to"]:
            if len(words) == 1 and next_word in ("minister", "secretary"):
                return None, 0  # "according to Transport Minister Ann Lee": her brief
            return "ORG", 1
        if before and before[-1] == "told":
            return "ORG", 1
        if (
            len(before) > 1
            and before[-1] in ("of", "for")
            and (
                before[-2] in _PORTFOLIO_HOLDERS
                or before[-2:] == ["state", "for"]
                or (before[-1] == "of" and before[-2] in _CHAIR_HOLDERS)
            )
            and not self._lookup(surface)
        ):
            return None, 0  # "the Secretary of Transportation", "Minister for Tourism": a brief;
            # "Professor of Psychiatry": a chair's field
        if (
            len(before) > 2
            and before[-1] == "of"
            and before[-2] in _KIN_NOUNS
            and (before[-3][-1:] == "," or _determines_kin(before[-3]))
            and (before[-2] not in _KIN_PLURALS or len(words) > 1 or words[0] in gaz.first_names)
        ):
            return "PERSON", 1  # "Reg Keys, father of Thomas, a soldier": a relative is a
            # person (not "the founding mother of Ruritania": a word between; nor "the brothers
            # of Taizé", one word no given name: a community's members)
        if (
            before
            and before[-1] in ("of", "at", "for")
            and any(w in gaz.role_words for w in before[-5:-1])
        ):
            if (
                before[-1] == "of"
                and (
                    before[-2] in _PLACE_OFFICES
                    or (self._lookup(surface) or ("", ""))[1] == "PLACE"
                )
            ) or (before[-1] == "for" and before[-2] in _SEAT_HOLDERS):
                return (
                    "PLACE",
                    1,
                )  # "the mayor of Yartsevo", "governor of New York": a place's office;
                # "MP for Henley": the seat is a place
            return "ORG", 1
        if (
            len(words) == 1
            and next_word in _PLURAL_SPEECH
            and toks[0].sentence_start
            and words[0][-1:] != "s"
            and words[0].lower() not in gaz.common_words
            and not self._lookup(words[0])
        ):
            return "ORG", 1  # "Acme say …", "Cessna claim …": a body takes the plural verb
        if len(words) == 1 and words[0] in gaz.airline_names and next_word in SPEECH_VERBS:
            return "ORG", 2  # "Southwest said fares would rise": the listed airline
        if len(words) == 1 and toks[0].sentence_start and self._speaks_alone(words[0], after):
            return "PERSON", 2  # "Winch said he…": an unknown single name as a speaker
        if (
            len(words) == 1
            and (next_word in SPEECH_VERBS or (before and before[-1] in SPEECH_VERBS))
            and _is_abbreviation(words[0])
            and words[0].lower() not in gaz.common_words
        ):
            return "ORG", 1  # "TfL stated", "KCNA said", "said WWF": a body's abbreviation speaks
        if (
            next_word == "states"
            and before
            and before[-1] in _STATES_DETERMINERS
            and _STATES_AS_VERB.match(rest_after) is None
        ):
            return "PLACE", 1  # "other Gulf states", "the Baltic states": the noun, no verb
            # (but "the Act states, “…”", "the report states that": a text's verb)
        if next_word in SPEECH_VERBS or (before and before[-1] in SPEECH_VERBS):
            if next_word in SPEECH_VERBS and self._body_of_person_before(start):
                return "ORG", 1  # "Kris Andersen of Scripps Research said": her employer
            if next_word in SPEECH_VERBS and self._place_cue(before, start, surface):
                return "PLACE", 1  # "officials in Nakhodka said": the speakers are in it
            if len(words) == 2 and self._place_then_unknown(words, end):
                return "ORG", 1  # "Tokyo Electron announced": a place's name is no given name
            return "PERSON", 1
        if (
            len(words) == 1
            and ((after[:2] == ", " and _PERSON_AGE.match(after)) or self._person_after(after))
            and not _described(before)  # "the young Spaniard, who": a description
            and not (len(surface) > 2 and _is_acronym(surface))  # "Speaking to CNBC, the head
            # of the WTO, Ann Lee said": capitals alone name a body, not the person after it
            and not (
                _place_then_who(before, gaz.role_words)
                and not after[1:2].isdigit()
                and not _PERSON_AGE.match(after)
            )  # "its consul in Valparaiso, who", "an MP from Khandahar who": the person is
            # the one the place describes
        ):
            if after[:2] == ", " and _PERSON_AGE.match(after):
                # an age, even opening a sentence: "Kessler, 54, said"
                return "PERSON", 2
            speaks = _DESCRIBED_THEN_SPEAKS.match(self.text, end)
            if speaks and (speaks.group(1) in ("a", "an") or not words[0].endswith("s")):
                return "PERSON", 2  # "Vellacott, a nurse at the hospital, said"
            return "PERSON", 1  # "Moss, who"
        if next_word in _PLACE_OFFICES and len(surface) > 2 and _is_acronym(surface):
            return "PLACE", 1  # "NYC mayor Ann Lee": a city's letters before its office
        if (
            _is_acronym(surface)
            and len(surface) > 2
            and surface.lower() not in gaz.common_words
            and not _ROMAN_NUMERAL.fullmatch(surface)  # "II, III, IV", "the XXI century"
            and not (len(surface) > 3 and surface.lower() in self.lower_seen)
            and next_word not in _ACRONYM_THINGS  # "his PAN card", "the GBR code": a thing's
            and not _thing_abbreviation(before, next_word, after)  # "an ICU you", "UMTS based"
        ):  # "the LEFT … the RIGHT", "TRIAL solutions": a word written in capitals for stress
            return "ORG", 1  # two capitals alone ("ID", "PR", "IV") are abbreviations of words
        if self._place_cue(before, start, surface):
            return "PLACE", 1
        if (
            len(words) == 1
            and before
            and before[-1] in _BRAND_BEFORE
            and self._brand_name(words[0], start, after)
            and (before[-1] not in _AGENT_BEFORE or self._word_ends_a_brand(words[0]))
        ):
            return "ORG", 1  # "measured by RealClearPolitics", "hosted on GitLab"
        return None, 0

    def _members_named(self, words: list[str], toks: list[Token], start: int) -> bool:
        """Whether the name before "party", "group", "movement", "faction" or "militia" is the
        body's own ("the Vlaams Blok party", "the Islamist Abu Sayyaf group"): not a sentence's
        capital ("Research group Ovum"), not the end of a longer name or list ("Fridays for
        Future movement", "the Housing, Water and Other Fuels group"), not words the article
        writes in lower case ("Human Rights group"), nor a party's adjective or a people's word
        ("the Green party", "the Liberal party", "the U.S. Secessionist group", "Māori party")."""
        if toks[0].sentence_start:
            return False
        last = words[-1].lower()
        if last.endswith(_ADJECTIVE_ENDINGS) or last in self.gaz.common_words:
            return False
        if all(w.lower() in self.lower_seen for w in words):
            return False
        before = self.text[max(0, start - 30) : start].split()
        if not before:
            return True
        prev = before[-1]
        if prev[-1:] in (",", "(", ":") and prev[:-1] not in ("", "and", "or"):
            return prev[-1] != "," or len(before) < 2 or not before[-2].endswith(",")
        if prev.lower() in NAME_JOINERS and prev.lower() != "the":
            return False  # "… for Future movement", "… and Other Fuels group"
        return not any(c.isupper() for c in prev[1:]) and (
            prev.islower()
            or prev in _OWNER_WORDS
            or prev.endswith(("'s", "’s"))
            or (  # "the Islamist Abu Sayyaf group" (not "Mujahadeen of Islamic Revolution party")
                self.gaz.known.get(prev) == "GROUP"
                and (len(before) < 2 or before[-2] not in _NAME_GOES_ON_WORDS)
            )
        )

    def _people_of_place(self, words: list[str]) -> bool:
        """Whether a name no list knows is the word for a known place's people, made with a
        demonym's ending ("Madagasc-an", "Victoria-n", "Babylon-ian", "Londoner", "Sudanese",
        "New Yorkers"); not a given name ("Roman", "Adrian")."""
        word = words[-1]
        if word[-1] == "s":
            word = word[:-1]
        head = " ".join([*words[:-1], ""])  # "New " of "New Yorker"
        known = self.gaz.known
        for ending, stems in _DEMONYM_ENDINGS:
            if word.endswith(ending):
                base = head + word[: len(word) - len(ending)]
                if any(known.get(base + stem) == "PLACE" for stem in stems):
                    return len(word) >= 5 and word.isalpha() and word not in self.gaz.first_names
        return False

    def _noun_names_acronym(self, surface: str, start: int) -> bool:
        """'the Basque separatist group ETA', 'the campaign group ONE': capitals that spell a common
        word ("eta", "one") right after a body's noun are that body's letters."""
        if len(surface) < 3 or not _is_acronym(surface) or self.text[start - 1 : start] != " ":
            return False
        window = self.text[max(0, start - 20) : start].split()
        return bool(window) and window[-1] in ORG_NOUNS

    def _brand_name(self, word: str, start: int, after: str) -> bool:
        """One word with a capital inside ("PolitiFact", "GitLab"): a firm's or a website's
        coined name, but not a surname's ("McCready", "DeJoy", "LaGuardia"), a hashtag's, a
        programming language's, nor a product's ("PlayStation 4", "a JavaScript interpreter")."""
        m = _brand_match(word)
        return (
            m is not None
            and m.group(1) not in _SURNAME_PREFIXES
            and word not in _LANGUAGES
            and word not in self.gaz.first_names
            and self.text[start - 1 : start] not in ("#", "@")
            and not _NUMBER_AFTER.match(after)
            and not _PRODUCT_AFTER.match(after)
        )

    def _word_ends_a_brand(self, word: str) -> bool:
        """'PollTracker', 'PolitiFact': a coined name ending in a word, not a given name
        ("RuPaul"), a short syllable ("PewDiePie") or a digit ("DeadMau5")."""
        m = _BRAND_LAST.search(word)
        return m is not None and m.group() not in self.gaz.first_names

    def _hyphened_body(self, word: str, start: int, end: int) -> bool:
        """Whether `word` is capitals joined by a hyphen ("C-MORE", "ABS-CBN") in brackets, after
        "of" or "at", or before a verb of speech: a body's abbreviation (not "USA-UK": places)."""
        if not hyphened_capitals(word) or any(self._lookup(p) for p in word.split("-")):
            return False
        if self.text[start - 1 : start] == "(" and self.text[end : end + 1] == ")":
            return True  # "Centre for … (C-MORE)"
        if self.text[max(0, start - 4) : start] in (" of ", " at "):
            return True  # "Wilson of C-MORE and Nick Hawco": where someone works
        after = self.text[end : end + 20].lstrip(")").split(None, 1)[:1]
        verb = after[0].strip(".,;:") if after else ""
        return verb in SPEECH_VERBS or verb in _PLURAL_SPEECH

    def _outlet_context(self, start: int, end: int) -> bool:
        """Whether a place's possessive comes right before `start` ("Vienna’s Der Standard", also
        after a stray space: "Spain ’s El País") or a verb of speech or reporting right after
        `end` ("Die Welt wrote")."""
        if self.text[start - 3 : start] in ("’s ", "'s ") and (
            self.text[start - 4 : start - 3].isalpha()
            or (
                self.text[start - 4 : start - 3] == " "
                and self.text[start - 5 : start - 4].isalpha()
            )
        ):
            head = last_word_in(self.text, max(0, start - 30), start - 3)
            if head != "" and self.gaz.known.get(head) == "PLACE":
                return True
        verb = first_word_in(self.text, end, end + 20).strip(".,;:")
        return verb in SPEECH_VERBS or verb in _MEDIA_VERBS or verb in _PLURAL_SPEECH

    def _no_one_word_cue(self, name: str, tok: Token, surface: str, start: int, after: str) -> bool:
        """Whether no cue after the early checks of `_evidence` can fire for a one-word name
        (`name`: its word without a possessive; `after`: the 40 characters after it).

        Each test is a necessary condition of one or more of those cues (the word right before
        or after is a cue word, a comma or an apostrophe follows, the name is an
        abbreviation…), so a name passing them all is untyped without trying the cues one by
        one: three one-word candidates in five. Keep this in step with `_evidence` (the tests in
        tests/nlp/test_fast_paths.py compare the two on every cue)."""
        mark = after[:1]
        gaz = self.gaz
        if (
            _brand_match(name)
            or (after[:2] in _OFFICER_OPENINGS and _OFFICER_AFTER.match(after))
            or (
                after[:2] in _STAFF_OPENINGS
                and not tok.sentence_start
                and _STAFF_AFTER.match(after) is not None
            )
            or ((after[1:4] == "who" or after[1:2].isdigit()) and _PERSON_AFTER.match(after))
            or (len(surface) > 2 and _is_acronym(surface))
            or name in gaz.org_words
        ):
            return False
        rest_after = after
        if after[:2] in _POSSESSIVE_ENDINGS and not _is_word_char(after[2:3]):
            rest_after = after[2:]  # "Acme's newspaper": the word after the possessive
        text = self.text
        if self._deal_word_before(start) >= 0 or self._named_as_ending_before(start):
            return False  # also "shares of", which ends with " of "
        last = last_word_in(text, max(0, start - 60), start)  # "" where none
        before = last.lower()  # `before[-1]` in _evidence
        # ("on" covers _platform_cue: its shorter window must hold a word before the "on")
        if (
            before in _ONE_WORD_BEFORE_CUES
            or before.endswith("-year-old")
            or before.rstrip(",") in _KIN_NOUNS
        ):
            return False
        if before == "founded" or (
            last == "the" and self._founded_before(start, start + len(surface))
        ):
            return False  # "founded Quorvex", "founded the Quorvex"
        if (after[:4] in _COPULA_OPENINGS and _IS_A_BODY.match(after)) or (
            after[:8] == ", which " and _WHICH_TRADES.match(after)
        ):
            return False  # "Quorvex is a small company", "Quorvex, which employs"
        if after[:7] == " and I " and _AND_I.match(after):
            return False  # "Laura and I welcome"
        if mark in (",", ".", ";") and before[-1:] == "," and before[:-1] in ORG_NOUNS:
            return False  # "the copper commission, Cochilco, said"
        next_word = first_word_in(rest_after, 0, len(rest_after)).lower().strip(".,;:")
        if (
            next_word in _ONE_WORD_AFTER_CUES
            or strip_possessive(next_word) in _LEADER_TERMS
            or next_word in _PLURAL_SPEECH
        ):
            return False  # (also "the Kelbrook government's", "Acme say")
        if before == "the" and _BODY_AFTER_MODIFIERS.match(rest_after):
            return False  # "the Mukhabarat intelligence agency"
        # the cues that need a comma or an apostrophe after the name: regular expressions,
        # tried last (most names with a comma after them fail a cheaper test above)
        if mark == ",":
            at = start + len(surface)
            opening = self.text[at : at + 3]  # (what either pattern's match opens with)
            if (
                opening in _DESCRIBED_BODY_OPENINGS and _DESCRIBED_AS_BODY.match(self.text, at)
            ) or (
                opening in _DESCRIBED_PLACE_OPENINGS and _DESCRIBED_AS_PLACE.match(self.text, at)
            ):
                return False  # "Arla, the main Danish provider of dairy products"
            if after[:2] == ", " and self._person_after(after):
                return False  # "Moss, 41,", "Moss, a former coach" (and all _PERSON_AGE)
            place = _COMMA_NAME.match(after)  # "Croydon, London"
            if place and gaz.known.get(place.group(1).strip()) == "PLACE":
                return False
        elif mark in _APOSTROPHES and _ORG_POSSESSION.match(after):
            return False  # "Quorvex's chief executive"
        return not (tok.sentence_start and _SPEAKS_ALONE.match(after))

    def _given_name_then_surname(self, words: list[str], start: int) -> bool:
        """'Christopher R. Hill', 'Tom Ridge', 'John Hall': a known given name (no place's),
        then a middle initial or nothing, then a place's word that is a common surname, not
        after a word of place ("at Murray Hill") or "the", is a person's name."""
        gaz = self.gaz
        given = words[0]
        if given not in gaz.first_names or gaz.known.get(given) is not None:
            return False
        if len(words) == 3:
            if _INITIAL.fullmatch(words[1]) is None:
                return False
        elif len(words) != 2 or words[1] not in _SURNAME_FIRST_PLACE_WORDS:
            return False
        before = last_word_in(self.text, max(0, start - 20), start).lower()
        return before not in _PLACE_PREPOSITIONS and before not in ("the", "of")

    def _first_name_decides(self, words: list[str], start: int, after: str) -> bool:
        """Whether a name of 2+ words opening with a first name (`words`, possessives cut) is
        typed by the first-name rule of `_evidence` (PERSON 2): no check between
        `_no_one_word_cue` and that rule can give anything else.

        Each test is a necessary condition of one or more of those checks (its last word is a
        head, "of" or "for" is in it, an apostrophe or comma follows, the word right before or
        after is a cue word…); checks that give PERSON 2 themselves ("15-year-old Ann Lee")
        need none. Keep this in step with `_evidence` (tests/nlp/test_fast_paths.py compares
        the two on every cue)."""
        gaz = self.gaz
        last = words[-1]
        if (
            last in HONOURS
            or last in _FIRST_NAME_LAST_CUES
            or last in gaz.org_words
            or last in gaz.place_words
            or words[0] in PLACE_OPENERS
            or after[:1] in _ONE_WORD_AFTER_MARKS
            or "of" in words
            or "for" in words
            or any(_is_acronym(w) or w == "&" for w in words)
        ):
            return False
        if self._deal_word_before(start) >= 0:
            return False  # also "shares of", "a stake in"
        before = last_word_in(self.text, max(0, start - 60), start).lower()  # `before[-1]` there
        if before in _FIRST_NAME_BEFORE_CUES or (
            before in ORG_NOUNS and before not in gaz.role_words
        ):
            return False
        next_word = first_word_in(after, 0, len(after)).lower().strip(".,;:")
        return next_word not in _FIRST_NAME_AFTER_CUES

    def _role_for_body_before(self, start: int) -> bool:
        """'a spokeswoman for the Alberta Liquor Commission, ', 'the chairman of the auto firm, '
        right before `start`: a role word, then "of", "for" or "at" and a body named with no
        comma, in the same sentence: a name of two words or more after the comma holds the role
        (but "head of the copper commission, Cochilco," names the commission)."""
        window = self.text[max(0, start - 100) : start - 2]
        cut = max(window.rfind(","), window.rfind(". "), window.rfind('"'), window.rfind("“"))
        words = window[cut + 1 :].lower().split()
        role_words = self.gaz.role_words
        return any(
            w in role_words and nxt in ("of", "for", "at") for w, nxt in pairwise(words[:-1])
        )

    def _person_before_of(self, start: int) -> bool:
        """'Mike McCready of', 'Ann B. Lee of': a given name and a surname right before "of"
        and the name at `start`, so that name is whom they belong to, no person ("the wife of
        Ann Lee" has no name before "of")."""
        words = self.text[max(0, start - 50) : start].split()
        if len(words) < 3:
            return False
        surname, given = words[-2], words[-3]
        if len(given) == 2 and given[1] == "." and len(words) >= 4:
            given = words[-4]  # a middle initial: "Ann B. Lee of"
        return (
            surname[:1].isupper()
            and surname.isalpha()
            and surname not in self.gaz.known
            and surname not in self.gaz.first_names
            and given in self.gaz.first_names
        )

    def _employer_before(self, before: list[str]) -> bool:
        """'head of research at', 'an analyst at', 'Ann Lee, with' before a name and a comma:
        the name is where someone works ("…, with Hudson Square Research, remarked")."""
        if len(before) < 2:
            return False
        if before[-1] == "at":
            return any(w.rstrip(",") in self.gaz.role_words for w in before[-6:-1])
        return before[-1] == "with" and before[-2].endswith(",")

    def _member_of_the_before(self, start: int) -> bool:
        """Whether "member of the" or "members of the" ends right before `start`."""
        text = self.text
        if start < 14 or text[start - 8 : start] != " of the ":
            return False
        return text[max(0, start - 16) : start - 8].lower().endswith(("member", "members"))

    def _told_the_before(self, start: int) -> bool:
        """Whether "told the", "telling the", "tells the" or "tell the" ends right before `start`."""
        text = self.text
        if start < 9 or text[start - 4 : start] != "the ":
            return False
        k = text.rfind(" ", max(0, start - 13), start - 5)
        return text[k + 1 : start - 5] in _TOLD

    def _deal_word_before(self, start: int) -> int:
        """Where the space before a word of _DEAL_WORDS ending right before `start` is, -1 if
        none: `text[max(0, start - 10) : start].endswith(_DEAL_WORDS)` found by the last word
        (one search for a space and a set lookup, not a slice and eight comparisons)."""
        text = self.text
        if start < 3 or text[start - 1] != " ":
            return -1
        k = text.rfind(" ", max(0, start - 10), start - 1)
        return k if k >= 0 and text[k + 1 : start - 1] in _DEAL_WORD_SET else -1

    def _founded_before(self, start: int, end: int) -> bool:
        """'he founded Quorvex', 'co-founded the Quorvex Trust': one founds a body (not "founded
        the Ann Lee Center": a name cut short before its head)."""
        window = self.text[max(0, start - 16) : start]
        return window.endswith(("founded ", "founded the ")) and not _NAME_AFTER.match(
            self.text, end
        )

    def _deal_before(self, start: int) -> bool:
        """'a takeover bid for', 'who also owns' right before `start`: only a company is bought."""
        k = self._deal_word_before(start)
        return (
            k >= 0
            # every match of _DEAL_BEFORE has one of these words before the deal word
            and self.text[max(0, start - 30) : k].endswith(_DEAL_BEFORE_ENDS)
            and _DEAL_BEFORE.search(self.text, max(0, start - 30), start) is not None
        )

    def _called_kind(self, start: int) -> tuple[str | None, int] | None:
        """What the noun before "called", "dubbed" or "known as" right before `start` makes a
        name: a body (ORG), a site (PLACE), a thing that is no entity ((None, 0)); None when
        no such noun says (most names)."""
        window = self.text[max(0, start - 60) : start]
        if not window.endswith(_CALLED_ENDINGS):
            return None
        if window.endswith(", the "):
            m = _APPOSED_OF_BEFORE.search(window)
            if m is None:
                return None
            noun = m.group(1)
            return ("ORG", 2) if noun in ORG_NOUNS or noun in _CALLED_BODIES else None
        m = _CALLED_BEFORE.search(window)
        if m is None:
            return None
        noun = m.group(1)
        single = noun[:-1] if noun.endswith("s") else noun
        if noun in ORG_NOUNS or single in ORG_NOUNS or noun in _CALLED_BODIES:
            return "ORG", 2
        if noun in _CALLED_THINGS or single in _CALLED_THINGS:
            return None, 0
        if noun in PLACE_NOUNS or noun in PLACE_OF_NOUNS or single in PLACE_OF_NOUNS:
            return "PLACE", 2
        return None

    def _named_as_ending_before(self, start: int) -> bool:
        """`text[max(0, start - 11) : start].endswith(_NAMED_AS_ENDINGS)`, its last letter first."""
        return self.text[start - 2 : start - 1] in _NAMED_AS_LAST and self.text[
            max(0, start - 11) : start
        ].endswith(_NAMED_AS_ENDINGS)

    def _person_interviewed(self, words: list[str], before: list[str]) -> bool:
        """'in an interview with Ann Lee': a known first name and a surname, not an outlet."""
        return (
            before[-1] == "with"
            and len(words) == 2
            and words[0] in self.gaz.first_names
            and words[1] not in self.heads
            and words[1] not in self.gaz.known
        )

    def _work_before(self, start: int) -> bool:
        """Whether the word before a title opening with "The" says it is a book, film or show
        ("his memoir The Master of Disguise") or whose it is ("Dawkins' The God Delusion")."""
        before = self.text[max(0, start - 20) : start].split()
        if not before:
            return False
        word = before[-1].rstrip(",:")
        return word.lower() in _WORK_NOUNS or word.endswith(("'", "'s", "’", "’s"))

    def _newspaper_before(self, start: int) -> bool:
        """'Greek daily', 'the weekly' right before `start` (but not 'a daily Aspirin')."""
        words = self.text[max(0, start - 30) : start].split()
        if len(words) < 2:
            return False
        return words[-2] == "the" or self.gaz.known.get(words[-2]) in ("GROUP", "PLACE")

    def _person_apposition(self, end: int) -> bool:
        """'Adrian Wojnarowski, US sport columnist from ESPN, said': after a name's ", Country",
        a role noun within three words, or a speech verb closing the apposition."""
        tail = self.text[end : end + 120]
        head, comma, rest = tail.partition(",")
        words = [w.strip(".;:").lower() for w in head.split()[:3]]
        if any(
            w in self.gaz.role_words or w in _PEOPLE_NOUNS or w[:-1] in self.gaz.role_words
            for w in words
        ):  # "US sport columnist", "US presidents George Washington and …"
            return True
        verb = rest.split(None, 1)[:1] if comma else []
        return bool(verb) and verb[0].strip(".,;:") in SPEECH_VERBS

    def _surname_alone(self, given: str, word: str, start: int, end: int) -> bool:
        """Whether the last word of a given name's pair at `start`…`end` stands alone elsewhere in
        the text ("Hillary Clinton, New York, … Clinton said"): a person's surname, where a
        town named so is written whole ("Glen Innes, Auckland")."""
        text = self.text
        at = text.find(word)
        while at >= 0:
            stop = at + len(word)
            if (
                not start <= at < end
                and not _is_word_char(text[at - 1 : at])
                and text[at - 1 : at] != "-"
                and not _is_word_char(text[stop : stop + 1])
                and not text[max(0, at - len(given) - 1) : at].startswith(given)
            ):
                return True
            at = text.find(word, stop)
        return False

    def _named_as_person_too(self, words: list[str]) -> bool:
        """Whether a name reads as a person's: it opens with a given name, or a lone word is
        written after a given name elsewhere in the article ("Joe Biden" … "Biden")."""
        if words[0] in self.gaz.first_names:
            return True
        if len(words) > 1:
            return False
        text = self.text
        word = words[0]
        at = text.find(word)
        while at >= 0:
            stop = at + len(word)
            if at > 1 and text[at - 1] == " " and not _is_word_char(text[stop : stop + 1]):
                given = last_word_in(text, max(0, at - 20), at - 1)
                if given != "" and given in self.gaz.first_names:
                    return True
            at = text.find(word, stop)
        return False

    def _role_after(self, end: int) -> bool:
        """Whether the word after `end` names people: a role or occupation ("actor", "writer"),
        or "family", "community", "woman"…"""
        word = first_word_in(self.text, end, end + 30).strip(".,;:")
        return word in self.gaz.role_words or word in _PEOPLE_NOUNS

    def _modified_role_after(self, end: int) -> bool:
        """Whether a role follows `end` after one or two lower-case words that modify it ("A.
        Sivanarayana, Andhra Pradesh additional director general": the words after a comma and
        a known place describe a person, not a town of that place)."""
        words = self.text[end : end + 50].split(None, 3)[:3]
        for i, word in enumerate(words[1:], 1):
            if not words[i - 1].isalpha() or not words[i - 1].islower():
                return False
            if words[i - 1] in _NOT_ROLE_MODIFIERS:
                return False
            if word.strip(".,;:") in self.gaz.role_words:
                return True
        return False

    def _given_name_as_surname(self, words: list[str], surface: str, start: int, end: int) -> bool:
        """Whether an unknown word then a given name is one person's name: a given name is a
        surname as often as not ("Saddam Hussein", "Shaikh Ali", "Patty Morris"). Not when the
        pair opens a longer name of the article ("Coretta Scott" of "Coretta Scott King") nor
        stands in quotation marks, a phrase or title cited ("Allahu Akbar", "Uncle John's Band")."""
        if (
            words[1] not in self.gaz.first_names
            or not words[0].isalpha()  # "Vice-president Lee": a title's prefix, not a name
            or self.text[start - 1 : start] in _QUOTE_MARKS
        ):
            return False
        at = self.text.find(surface + " ")
        while at != -1:
            nxt = self.text[at + len(surface) + 1 : at + len(surface) + 2]  # "" at the text's end
            if nxt and _is_cap(nxt):
                return False
            at = self.text.find(surface + " ", at + 1)
        return True

    def _place_then_unknown(self, words: list[str], end: int) -> bool:
        """'Tokyo Electron announced', 'Osaka Gas said', 'Tulsa World wrote': a known place (of
        the hand-written lists or the GeoNames towns) that is no given name,
        before a word that is none either nor a known name, names a body of that place when
        the article gives no person evidence (the second word alone elsewhere, as "Folau" after
        "Israel Folau"; "he" or "she" in the next 200 characters)."""
        first = self._lookup(words[0])
        if (
            (first[1] if first else tier_type(words[0])) != "PLACE"
            or words[0] in self.gaz.first_names
            or words[1] in self.gaz.first_names
            or self._lookup(words[1]) is not None
        ):
            return False
        if _PERSONAL_PRONOUN.search(self.text, end, min(len(self.text), end + 200)):
            return False
        # each name asked reads the whole text: past 40 (thousands of "Tokyo Xxx said"), the
        # rest keep the person a verb of speech makes them, so the cost stays linear
        self.place_then_asked += 1
        if self.place_then_asked > 40:
            return False
        return self.text.count(words[1]) == self.text.count(" ".join(words))

    def _told_outlet(self, words: list[str]) -> bool:
        """'he told Ekho Moskvy': two or three capitalised words told something, none a given
        name or a known name, whose last word the article writes nowhere but in this name, are
        an outlet (a person told something is named again: "Moss told Kaveh Baran … Baran")."""
        if len(words) > 3 or any(
            w in self.gaz.first_names or not w.isalpha() or self._lookup(w) for w in words
        ):
            return False
        # each name asked reads the whole text: past 40 (thousands of "told Xxx Yyy"), the rest
        # stay unconfirmed, so the cost stays linear
        self.told_asked += 1
        if self.told_asked > 40:
            return False
        return self.text.count(words[-1]) == self.text.count(" ".join(words))

    def _speaks_alone(self, word: str, after: str) -> bool:
        """'Winch said he…', 'Quillan told reporters': one unknown capitalised word opening a
        sentence as the subject of a speech verb names a person; plurals ("Prosecutors said"),
        abbreviations, role words and abstract nouns ("Research suggested") do not."""
        verb = _SPEAKS_ALONE.match(after)
        if verb is None:
            return False  # most sentence openers have no speech verb after them
        lower = word.lower()
        # "Blankenship concurred: “…”", "Clemence said, “…”": a name introducing a quotation
        # may end like an abstract noun; a plural still names no one ("Organisers said: “…”")
        quoting = after[verb.end() : verb.end() + 3].lstrip(" ,:")[:1] in _QUOTE_MARKS
        return (
            len(word) > 2
            and not word.isupper()
            and not _is_abbreviation(word)  # "PwC said": a body's abbreviation (see _evidence)
            and ("'" not in word[2:] and "’" not in word[2:])  # "You've said", not "O'Neill said"
            and not lower.endswith("s" if quoting else _NOT_NAME_ENDINGS)
            and lower not in self.gaz.role_words
            and lower not in self.gaz.common_words
            and lower not in self.lower_seen
            and not self._body_elsewhere(word)
            and tier_type(word) != "ORG"  # "Primark said": a body of the lower lists speaks
        )

    def _body_elsewhere(self, word: str) -> bool:
        """Whether the article writes `word` elsewhere as only a body is written ("Dell's share
        price", "Dell spokesman Ann Lee"): then "Dell said" opening a sentence is the company
        speaking, not a person (evidence from the whole article, read only for such openers;
        once a word: an article of many "Dell said" openers reads the text once for Dell)."""
        known = self.bodies_elsewhere.get(word)
        if known is not None:
            return known
        text = self.text
        found = False
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (
                _ORG_POSSESSION.match(text, end) is not None
                or (text[end : end + 2] in _OFFICER_OPENINGS and _OFFICER_AFTER.match(text, end))
            ):
                found = True
                break
            at = text.find(word, end)
        self.bodies_elsewhere[word] = found
        return found

    def _one_common_word_inside(self, words: list[str], toks: list[Token]) -> bool:
        """Whether one word of three is a common word ("Per", "Ramadan") and the other two are
        capitalised words no list knows; a common word opening a sentence is no name's."""
        common = [k for k, w in enumerate(words) if w.lower() in self.gaz.common_words]
        if len(common) != 1 or (
            common[0] == 0 and (toks[0].sentence_start or words[0] in _STYLE_OPENERS)
        ):  # "His Royal Highness, Prince …": a style
            return False
        return all(
            w.isalpha()
            and _is_cap(w)
            and w.lower() not in self.lower_seen
            and w not in THING_WORDS
            and w not in CALENDAR
            and not self._lookup(w)
            for k, w in enumerate(words)
            if k != common[0]
        )

    def _shaped_as_personal_name(self, words: list[str]) -> bool:
        """Unknown words in a shape only people's names have: a given name, a Dutch, German or
        Arabic particle, a surname ("Ireen van Engelen", "Ad van den Berg"), or a given name of
        two syllables joined by a hyphen, the second in lower case, then a short surname
        ("Mei-yueh Ho", "Kuo-ching Lin"; not "Vice-president Lee", "Anti-war Coalition")."""
        first, last = words[0], words[-1]
        middle = words[1:-1]
        if middle:
            if not all(w in _NAME_PARTICLES for w in middle) or len(middle) > 2:
                return False
        elif not (
            len(last) <= 5
            and (hyphen := first.find("-")) > 1
            and first[hyphen + 1 : hyphen + 2].islower()
            and first[hyphen + 1 :].isalpha()
            and first[:hyphen].isalpha()
            and first[:hyphen].lower() not in self.gaz.common_words
            and first[:hyphen].lower() not in _WORD_PREFIXES
            and first[hyphen + 1 :] not in self.lower_seen
        ):
            return False
        return all(
            _is_cap(w)
            and not _is_upper(w)
            and w.replace("-", "").isalpha()
            and w.lower() not in self.gaz.common_words
            and w.lower() not in self.gaz.role_words
            and not self._lookup(w)
            and w not in self.gaz.org_words
            and w not in self.gaz.place_words
            and w not in self.gaz.titles
            and w not in CALENDAR
            for w in (first, last)
        )

    def _one_of_people_before(self, before: list[str]) -> bool:
        """'designers including Coco Chanel', 'actors such as Ann Lee', 'writers like Ann Lee':
        a plural of a role, then an example of it, is a person (`before` lower-cased)."""
        if len(before) < 2:
            return False
        if before[-1] == "as" and before[-2] == "such":
            noun = before[-3] if len(before) >= 3 else ""
        elif before[-1] in ("including", "like"):
            noun = before[-2]
        else:
            return False
        noun = noun.rstrip(",")
        return len(noun) > 3 and noun[-1] == "s" and noun[:-1] in self.gaz.role_words

    def _holder_after_office(self, start: int) -> bool:
        """'the leader of the opposition Shalva Natelashvili', 'member of parliament Ann Lee',
        'head of the General Security service Ann Lee': a role "of" a body named by a common
        noun, right before the name, is the office that person holds (not 'the mayor of the
        city Nowa Huta': a place's noun; 'the company Rio Tinto' is typed before)."""
        lo = max(0, start - 80)
        if self.text.find(" of ", lo, start) < 0:
            return False  # what every match holds (most windows have none: no search)
        m = _ROLE_OF_NOUN_BEFORE.search(self.text, lo, start)
        if m is None:
            return False
        role, noun = m.group(1), m.group(2)
        return (
            (role in self.gaz.role_words or role.rsplit("-", 1)[-1] in self.gaz.role_words)
            and noun not in PLACE_NOUNS
            and noun not in PLACE_OF_NOUNS
            and noun not in ORG_NOUNS
            and noun not in self.gaz.role_words
            and noun not in _LINKING_WORDS  # "director of marketing for Eid Passport"
        )

    def _given_name_opens(self, run: list[Token], lower: str) -> bool:
        """'Art Levinson, chairman of Genentech, adds': a word the article never writes in
        lower case, opening a sentence before one unknown capitalised word and a comma and a
        role ("chairman", "a lawyer"), is a given name (not "Police", "Yesterday")."""
        if len(run) != 2 or lower in self.lower_seen or len(lower) < 3 or lower in _TIME_WORDS:
            return False
        first, second = run[0].text, run[1].text
        if not (_is_cap(first) and _is_cap(second)) or lower.endswith(("ly", "s")):
            return False
        if not self._plain_name([second]) or self._lookup(second) or first in CALENDAR:
            return False
        if self.text[run[1].end : run[1].end + 2] != ", ":
            return False
        words = self.text[run[1].end + 2 : run[1].end + 40].split()[:2]
        if words and words[0] in ("a", "an", "the"):
            words = words[1:]
        return bool(words) and words[0].strip(",.;:") in self.gaz.role_words

    def _role_of_before(self, before: list[str]) -> bool:
        """'the mayor of London, Sadiq Khan,': a role of a body or place, then a comma, names the
        person holding it (`before` is the lower-cased words before the name)."""
        if not before or not before[-1].endswith(","):
            return False
        tail = before[-8:-1]  # "the chairman for the affair of parliament, Ann Lee"
        return any(
            w in ("of", "for", "at", "to")
            and k
            and (
                tail[k - 1] in self.gaz.role_words
                or tail[k - 1].rsplit("-", 1)[-1] in self.gaz.role_words  # "vice-chairman"
            )
            for k, w in enumerate(tail)
        )

    def _named_as_person(self, start: int, first: str) -> bool:
        """'using the pseudonym Katya', 'who gave her name as Dana', 'identified only as
        Marek': a name given for a person who is not otherwise named."""
        cue = _NAMED_AS.search(self.text, max(0, start - 40), start)
        if cue is None:
            return False
        return cue.group(1) is not None or first in self.gaz.first_names

    def _body_of_person_before(self, start: int) -> bool:
        """Whether 'of', 'at' or 'from' right after a capitalised name comes before `start`."""
        words = self.text[max(0, start - 40) : start].split()
        return (
            len(words) >= 2
            and words[-1] in ("of", "at", "from")
            and words[-2][:1].isupper()
            and words[-2].isalpha()
            and words[-2].lower() not in self.lower_seen
        )

    def _shares_of(self, start: int) -> bool:
        """'shares of Quorvex', 'a stake in Quorvex': only a company has shares."""
        if self.text[start - 4 : start] not in (" of ", " in "):
            return False
        before = self.text[max(0, start - 16) : start].lower().split()
        return len(before) >= 2 and before[-2] in _HELD

    def _place_cue(self, before: list[str], start: int, surface: str) -> bool:
        """'in Leek', 'near Ashby': a preposition of place right before the name."""
        return (
            bool(before)
            and before[-1] in ("in", "near")
            and (len(before) < 2 or before[-2] not in _NOT_PLACE_BEFORE_IN)
            and not (before[-1] == "in" and self._after_capitalised_word(start))
            and not any(c.isdigit() for c in surface)
        )  # ("Nobel Prize in Economics": "in" inside a name; no name holds "near": "Georgian
        # National Park near Borzhomi" is a place)

    def _group_before(self, start: int) -> bool:
        """'Ethiopians Dejene Debela', 'Kenyan runner …': a nationality right before a name."""
        words = self.text[max(0, start - 30) : start].split()
        known = self._lookup(words[-1]) if words and words[-1][:1].isupper() else None
        return known is not None and known[1] == "GROUP"

    def _of_known_place(self, after: str) -> bool:
        """'Ann Lee of Kenya': a name followed by 'of' and a known place is a person from there."""
        m = _OF_PLACE.match(after)
        return m is not None and self.gaz.known.get(m.group(1)) == "PLACE"

    def _opens_paragraph_pronoun_speaks(self, toks: list[Token], start: int, end: int) -> bool:
        """'Daphni Leef, credited with …, addressed the crowd. "…", she said.': two unknown words
        opening a paragraph, set off by a comma, name a person when "she" or "he" speaks later in
        that paragraph."""
        if len(toks) != 2 or (start and self.text[start - 1] != "\n"):
            return False
        if self.text[end : end + 2] != ", ":
            return False
        stop = self.text.find("\n", end)
        return (
            _PRONOUN_SPEAKS.search(self.text, end, stop if stop >= 0 else len(self.text))
            is not None
        )

    def _subject_then_pronoun(self, end: int) -> bool:
        """'Patty Morrow co-owns the shop with her partner. She says …': a name opening a sentence
        that names nobody else is the one the next sentence's "He"/"She" takes up."""
        stop = _SENTENCE_STOP.search(self.text, end, min(len(self.text), end + 300))
        if stop is None or not self.text.startswith(("He ", "She "), stop.end()):
            return False
        return _CAPITALISED_WORD.search(self.text, end, stop.start()) is None

    def _described_speaker(self, start: int, end: int) -> bool:
        """'“…,” Ann Orrow, the canton's police minister, said', 'Ann Orrow, one of Reid's
        deputies, said': whether the name at text[start:end] is followed by a description set
        off by commas and then a speech verb, the description naming a person (a role word or
        "man", "woman" …) or the name coming right after a quotation."""
        described = _DESCRIBED_THEN_VERB.match(self.text, end)
        if described is None:
            return False
        if _QUOTE_THEN_NAME.search(self.text, max(0, start - 4), start) is not None:
            return True
        # the description's head: its last word before a clause or phrase after it ("an
        # Egyptian woman who …", "Habre's lawyer in Senegal", "a policeman working at …"), so
        # "Canada's chief rail operator" is an operator, not a chief
        head = ""
        for word in described.group(1).lower().split()[1:]:
            if word in _DESCRIPTION_STOPS or (word.endswith("ing") and len(word) > 5):
                break
            head = word
        roles = self.gaz.role_words
        return (
            head in roles
            or head in _DESCRIBED_PERSON_NOUNS
            or (head.endswith("s") and head[:-1] in roles)
        )

    def _person_after(self, after: str) -> bool:
        """Whether the words after a name describe a person: ", who", ", 54,", ", a former coach"."""
        if after[:2] != ", " and not (
            after[:1] == " " and (after[1:4] == "who" or after[1:2].isdigit())
        ):
            return False  # no match can start so (most names): the pattern is not tried
        m = _PERSON_AFTER.match(after)
        if not m:
            return False
        if m.group(1) and ("'s " in m.group(0) or "’s " in m.group(0)):
            # ", Gaza's deputy health minister,": the role is the head (not ", Canada's chief
            # rail operator,")
            head, _, _ = m.group(1).partition(" of ")  # "Acme's vice president of marketing"
            words = head.split()
            if m.end() < len(after) or head != m.group(1):
                words = words[-1:]  # the whole apposition (or its head) is in view: its last word
            return any(w.lower() in self.gaz.role_words for w in words)
        if (
            m.group(1)
            and after[:4] in (", a ", ", an")
            and " " not in m.group(1)
            and after[m.end() : m.end() + 1] in (",", ".", ";")
            and (self._lookup(m.group(1)) or ("", ""))[1] == "GROUP"
        ):
            return True  # "Ann Orrow, a Republican,", ", a Briton.": a member of a people or party
        if m.group(1) and m.group(1).startswith("one of the "):
            last = m.group(1).rsplit(" ", 1)[-1].lower()  # ", one of the MPs who signed"
            return last.endswith("s") and last[:-1] in self.gaz.role_words
        return not m.group(1) or any(
            w.lower() in self.gaz.role_words
            or (w.count("-") == 1 and w.lower().rsplit("-", 1)[1] in self.gaz.role_words)
            for w in m.group(1).split()
        )  # ", the acting Prime Minister of Iraq", ", former vice-president of Iraq"; a phrase
        # ("head-to-head", "hand-to-mouth") is no role

    def _after_capitalised_word(self, start: int) -> bool:
        """'Nobel Prize in Economics': the preposition sits inside a longer name."""
        words = self.text[max(0, start - 40) : start].split()
        if len(words) < 2 or not words[-2][:1].isupper() or words[-2].endswith((",", ".")):
            return False
        lower = words[-2].lower()  # "Residents in Leek": a sentence opener, not part of a name
        return lower not in self.gaz.common_words and lower not in self.lower_seen

    def _platform_cue(self, start: int, end: int) -> bool:
        if start > 2 and self.text[start - 1] == " " and not self.text[start - 2].isspace():
            pair = self.text[start - 3 : start - 1]  # the word before ends here: is it "on"?
            if pair.isascii() and pair.lower() != "on":
                return False  # the window below, stripped, ends with this pair
        window = self.text[max(0, start - 30) : start].lower()
        if not window.rstrip().endswith("on"):
            return False  # the word before is not "on" (the commonest answer, without splitting)
        before = window.split()
        if len(before) < 2 or before[-1] != "on":
            return False
        if before[-2] in ("posted", "wrote", "tweeted", "shared"):
            return True
        return _PLATFORM_AFTER.match(self.text, end) is not None  # "on X, writing that"


def _comma_then_capital(after: str) -> bool:
    """Whether blanks and an ASCII capital follow the comma that opens `after`: what
    `_COMMA_NAME` must match first (", London"), read without trying the pattern after every
    name that a comma follows."""
    return after[1:2].isspace() and "A" <= first_word_in(after, 1, len(after))[:1] <= "Z"


def _nature_noun_ends(parts: list[str]) -> bool:
    """Whether the noun of nature that opens `parts` (the words after a name: the noun, then the
    rest) heads its phrase: a stop or a comma on it, nothing or a capital after it, or a word of
    _AFTER_NATURE_HEAD ("Kīlauea volcano erupted"), not a noun it modifies ("reservoir plans")."""
    if not parts or parts[0][-1:] in ".,;:!?)":
        return True
    rest = parts[1].split(None, 1) if len(parts) > 1 else []
    word = rest[0] if rest else ""
    return not word[:1].islower() or word.rstrip(".,;:") in _AFTER_NATURE_HEAD


def _place_then_who(before: list[str], role_words: frozenset[str]) -> bool:
    """Whether the lower-case words before a name ("in", "near", "a woman MP from") make it
    where someone is, so that ", who" after it describes that someone, not the name."""
    if not before:
        return False
    if before[-1] in ("in", "near", "outside"):
        return before[-1] != "in" or len(before) < 2 or before[-2] not in _IN_AS_PARTICLE
    return before[-1] == "from" and len(before) > 1 and before[-2] in role_words
