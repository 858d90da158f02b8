"""Capitalised runs into candidate names: where a name starts and ends (see _RunFinder)."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from newstui.nlp.entity_cues import (
    _ADJECTIVE_ENDINGS,
    _AFTER_HEAD,
    _AFTER_PERSON_SURNAME,
    _AGENT_ENDINGS,
    _ASIDE_THEN_NAME,
    _AT_PLACE,
    _BODY_LEVELS,
    _EVENT_ENDS,
    _GENERATION_WORDS,
    _INITIAL,
    _NAME_DASHES,
    _NATIONAL_FIELDS,
    _OFFICE_PAPER_HEADS,
    _OFFICER_AFTER,
    _PORTFOLIO_TITLES,
    _PREPOSITIONS_OF_PLACES,
    _QUOTE_MARKS,
    _SEATS,
    _SHIP_PREFIXES,
    _SPEECH_VERB_AFTER,
    _STAFF_AFTER,
    _STORM_OPENERS,
    _TITLE_FUNCTION_WORDS,
    _VERB_OR_APPOSITION_AFTER,
    _WAR_ENDS,
    _is_title_start,
    _people_plural,
    _without_weekdays,
    _without_world_war,
)
from newstui.nlp.entity_evidence import _TypingFinder
from newstui.nlp.entity_words import (
    _CLOCK_MARKS,
    _DIGIT_SPACES,
    _GLUED_TITLES,
    _HAS_DIGIT,
    _MASTHEAD_WORDS,
    _MONTH_DATE_WORDS,
    _MONTH_PREPOSITIONS,
    _MONTHS,
    _NUMBER_AFTER,
    _RELATION_AFTER,
    _SAINT_HEADED,
    _SAINT_PLACE,
    _SAINT_PLACE_BEFORE,
    _SENTENCE_OPENERS,
    _WEEKDAY_PAPERS,
    _WEEKDAYS,
    ALNUM_EDGES,
    COMPASS,
    CONNECTORS,
    LETTER_AFTER_EDGES,
    ORG_NOUNS,
    POST_NOMINALS,
    SPEECH_OPENERS,
    SPEECH_VERBS,
    WEEKDAYS,
    Candidate,
    _is_acronym,
    _is_cap,
    _is_lower,
    _is_upper,
    _is_word_char,
    _may_open_known,
    counts_name,
    find_alone,
    first_word_in,
    hyphened_compass,
    last_word_in,
)
from newstui.nlp.gazetteer import load_gazetteer, tier_type
from newstui.nlp.names import (
    PARTICLES,
    countries_and_divisions,
    countries_and_regions,
    strip_possessive,
)
from newstui.nlp.segment import NICKNAME_MARKS, OpeningGuard, Token, find_all, nickname_end

# An honorific right before a word ("Mr. ", "Mrs ", "Dr. "): the word is a person's surname.
_HONORIFIC_BEFORE: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? \Z")
# The last two characters before the space of every match of _HONORIFIC_BEFORE
_HONORIFIC_ENDS: Final = frozenset(
    ending
    for title in ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")
    for ending in (title[-2:], title[-1] + ".")
)
# An age after a name, then the sentence going on ("Hamilton, 38, is"), not a list's figures
# ("3,700 in Germany, 1,600 in UK", "According to the ABC, 4,500 people", "led by Paris, 12,
# and London, 9", "Labour, 412, or the Conservatives": review r38 A1), where the next name
# follows; "Hamilton, 38, and his team", "Everest, 31, then told" are ages (review r39 A1b);
# no age is over 119 ("Labour, 412, the Conservatives").
_AGE_AFTER: Final = OpeningGuard(
    re.compile(
        r", (?:\d{1,2}|1[01]\d), (?!(?:and|or|ahead of|followed by|then|with|while) (?:the )?[A-Z])[a-z]"
    )
)
# Head nouns of institutions named with a place or person before them ("Columbia University")
# or "of" after them ("University of Michigan"): one opening a name joined across "and" and
# another ending the words after it make two institutions, not one name.
_INSTITUTION_HEADS: Final = frozenset(
    "University College Institute Academy School Hospital Museum Library Foundation".split()
)
# A counted name before, then "and"/"or": this name is the list's next ("Paris, 12, and London, 9").
_COUNT_BEFORE: Final = re.compile(r", \d{1,3}, (?:and|or) \Z")

# The verbs of a game's result between two sides ("Caloundra defeated Wynnum"): sides, no towns
# A trade's one word after a people's word makes a company's name ("British Gas", "Scottish
# Power", "Indian Railways", "American Express"), not a nationality and a lone word. Only these
# words, only right after the people's word and ending the capitals: "Pacific Gas and
# Electric", "Samjhauta Express" (a train) and "Simon Power" stay as they were, and "the
# Indian Railway" (a line, or the company's name misspelt) too.
# Words that open a place's name before another place's ("Fort Yukon", "Lake Victoria", "Port
# Moresby"): the two are one place, not the opener and a known place.
# Words that open an officer's title before its role word ("Managing Director", "Senior Vice
# President", "Acting Director"): cut from a body's name with the role after it.
_TITLE_QUALIFIERS: Final = frozenset(
    "managing senior vice deputy assistant associate acting interim executive principal joint".split()
)
# A country's letters, as news writes them before a body's name ("US", "U.S.", "UK").
# (a token ends before a name's last stop: "U.S")
_COUNTRY_LETTERS: Final = frozenset("US U.S U.S. USA U.S.A U.S.A. UK U.K U.K.".split())
# ... and "Chief", "Lead": the words a title opens with before a role ("Chief Economist").
_TITLE_OPENERS: Final = _TITLE_QUALIFIERS | {"chief", "lead"}
_PLACE_NAME_OPENERS: Final = frozenset("Fort Port Mount Mt Lake Cape Isle Loch River".split())
# "Sheikh" after a given name is a word of a person's name, no title: "Khalid Sheikh Mohammed",
# "Abdullahi Sheikh Ismail" (a title opening the run stays one: "Emir Sheikh Tamim").
_NAME_SHEIKHS: Final = frozenset({"Sheikh", "Sheik"})
# Words that open parties' names before a listed party's ("Social Democratic Party", "Progressive
# Conservative Party", "Free Democratic Party"): common words, so no list knows them as names.
_PARTY_NAME_OPENERS: Final = frozenset(
    "Social Free Progressive Popular Independent Reform Radical Civic Agrarian Patriotic "
    "Constitutional Moderate Revolutionary Peasant Unionist Neutral Centre Center".split()
)
# A company's legal form written in full or short, which ends its name ("AWB Limited", "Blues
# Incorporated"), and the lower-case words of a run that then join it to nothing after it.
_NAME_ENDING_FORMS: Final = frozenset(
    "Ltd Ltd. Limited Inc Inc. Incorporated LLC PLC plc LLP GmbH Pty".split()
)
_AFTER_LEGAL_FORM_SPLITS: Final = frozenset("to for of and in at on the".split())
# Given names that "Sheikh" opens as a family name, not a title: Bangladesh's Sheikh Mujibur
# Rahman and his family ("Prime Minister Sheikh Hasina", "Sheikh Rehana")
_SHEIKH_FAMILY_NAMES: Final = frozenset(
    "Hasina Mujibur Mujib Rehana Fazilatunnesa Fazlul Selim Helal Tapash Taposh".split()
)
_PEOPLES_TRADES: Final = frozenset(
    "Gas Power Railways Rail Express Aerospace Telecom Telecommunications Steel Tobacco "
    "Electric Water Coal".split()
)
# A lower-case noun after "<body> <country>" that makes the country the body's beat or a
# meeting's side, not its branch: "the BBC Gaza correspondent", "an EU Africa summit".
_BEAT_AFTER: Final = re.compile(
    r"(?:['’]s)? (?:correspondents?|analysts?|bureau|desk|editor|reporters?|expert|"
    r"representatives?|envoy|specialist|coordinator|meeting|border|policy|mission|"
    r"operations?|office|programme|program|team|tour|conference|forum|troops|forces|"
    r"campaign)\b"
)
# A lower-case word right after a name, and the words after a person's name that make it no
# modifier of a noun (see _modifies_noun): verbs of being and having, linking words.
_LOWER_WORD: Final = re.compile(r" ([a-z]+)\b")
# What follows a verb opening a sentence as an order ("Unite the party", "Target the weak
# spots", "Unite behind him"): a listed body's one-word name there is the verb
_IMPERATIVE_OBJECT: Final = re.compile(r" (?:the|our|your|their|behind|against|together)\b")
# A compass word before a team's town is part of its name ("the South Sydney Rabbitohs").
_TOWN_COMPASS: Final = frozenset("North South East West".split())
# Head nouns that end a body's own name, not its field's, after "of" (see _second_body_after_of):
# "Glendon College of York University", "Laboratories of Chunghwa Telecom Co."
_NAMED_BODY_HEADS: Final = frozenset(
    "University College School Institute Academy Hospital Church Party Company Co Corporation "
    "Corp Inc Ltd Group Bank Army Navy Club Foundation Trust".split()
)
# A verb in the past right after a name ("Amnesty International USA launched …"): no noun.
_PAST_VERB_AFTER: Final = re.compile(r" [a-z]{2,}ed\b")
# Nor a word that opens a clause or a phrase ("told Sky News Australia that …").
_NO_NOUN_AFTER: Final = re.compile(
    r" (?:that|the|a|an|this|these|its|their|last|about|over|into|under|today|yesterday|"
    r"earlier|recently|again|not|so|if|when|while|because|says)\b"
)
# A verb right after a saint's name: the saint acts ("St. Brannoc drove the wolves out").
_SAINT_ACTS: Final = re.compile(
    r" (?:[a-z]+ed|said|says|wrote|writes|drove|told|was|is|has|had|gave|made|went|came|took)\b"
)
# Words before a saint revered, not a place named ("prayed to St. Jude", "the shrine of St. Anne",
# "celebrate St. Joseph"), and a saint's "of <Place>" after the name ("St. Clare of Assisi").
_SAINT_REVERED_BEFORE: Final = re.compile(
    r"(?:\bpray(?:s|ed|ing)? to|\b(?:celebrat|venerat|honou?r)[a-z]* |"
    r"\b(?:statue|shrine|feast|relics?|tomb|icon|image|intercession|devotion|cult) of) ?$"
)
_SAINT_OF_PLACE: Final = re.compile(r" of [A-Z][a-z]")
_SAINTS_DAY: Final = re.compile(r"(?:['’]s)? [Dd]ay\b")
# A day's number after a month: "May 11", "October 8th", "September 11th,".
_DAY_NUMBER: Final = re.compile(r" (?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\b(?![\d:.,]\d)")
# Words that name a day with a weekday, not a person or a place before it ("Easter Sunday",
# "Good Friday", "Cyber Monday", "Red Friday").
_DAY_NAMERS: Final = frozenset(
    "Easter Maundy Shrove Whit Trinity Remembrance Mothering Cyber Giving Pancake Holy Ash "
    "Good Great Black Blue Red Green White Palm Super Bloody Fat Clean Low Manic Freaky "
    "Casual Spirit Mad".split()
)
# A list, table or credit around "<given> <second> <known word>" that makes the known word the
# next column, not a surname: a number or ";" after it ("Tomas Hradek Liverpool 20, Marek Zelenka
# Chelsea 18", "Jane Whitcombe Labour 12,345;"; not a comma: "Anders Fogh Rasmussen, Prime
# Minister of Denmark"), a credit word or a list's colon before the given name ("Photo by Anna
# Kowalczyk Reuters", "Reporting by Sarah Mills London", "Contact: Peter Olofsson Ericsson").
_COLUMN_AFTER: Final = re.compile(r"(?:['’]s)?\s*\(?[\d;]")
# ("by" alone credits only opening a line or a sentence, "By Anna Kowalczyk Reuters": "a speech
# by Anders Fogh Rasmussen" names the speaker)
_CREDIT_BEFORE: Final = re.compile(
    r"(?:(?:^|\W)(?:[Pp]hotos?|[Pp]icture|[Rr]eporting|[Ee]diting|[Cc]ontact|[Cc]redit)(?:\s+by)?"
    r"|(?:^|[\n.!?])\s*[Bb]y|:)\s*$"
)
# A later item of a list a colon opens, after an item's number: "Goals: Tomas Hradek Liverpool
# (2), Marek Zelenka Chelsea."
_LISTED_AFTER_COLON: Final = re.compile(r":[^\n.!?:]*[\d)]\s*(?:,|\band)\s*$")
# Another item of the same form beside it, a given name first: "Tomas Hradek Liverpool, Marek
# Zelenka Chelsea and Ivan Petrov Arsenal were named"
_NEXT_ITEM: Final = re.compile(r"(?:,|\s+and)\s+([A-Z][a-z]+)\s+[A-Z][\w-]*\s+([A-Z][\w-]*)\b")
_PREVIOUS_ITEM: Final = re.compile(
    r"(?<![\w.])([A-Z][a-z]+)\s+[A-Z][\w-]*\s+([A-Z][\w-]*)(?:,|\s+and)\s+$"
)
_NAME_LINKS: Final = frozenset(
    "is was has had have will would could may might can who whose which and or of in on at to "
    "for with from by as after before also told wants met".split()
)
# A team of a league sport named by its town and a nickname in the plural ("Los Angeles
# Lakers", "Charlotte Hornets", "Cleveland Indians"): only where the article speaks of such a
# sport (`_SPORT_WORDS`), the nickname ends the run and no role, party or word the article writes
# in lower case is it. These nicknames of the North American leagues make a team after any one to
# three capitalised words ("Golden State Warriors", "Charlotte Hornets": no known place); any
# other capitalised plural only after a known place ("Houston Texans", "Kansas City Chiefs").
_TEAM_NICKNAMES: Final = frozenset(
    "Lakers Hornets Celtics Knicks Mavericks Nuggets Pistons Pacers Clippers Grizzlies "
    "Timberwolves Pelicans Raptors SuperSonics Sonics Cavaliers Warriors Rockets Bucks Suns "
    "Wizards Nets Spurs Blazers Bulls 76ers Falcons Ravens Bengals Broncos Packers Colts Jaguars "
    "Raiders Chargers Dolphins Steelers 49ers Seahawks Buccaneers Redskins Cowboys Bears Rams "
    "Diamondbacks Braves Orioles Cubs Astros Dodgers Marlins Brewers Yankees Mets Phillies "
    "Padres Mariners Rays Rangers Expos Ducks Coyotes Bruins Sabres Flames Blackhawks Oilers "
    "Canadiens Predators Devils Flyers Penguins Sharks Canucks".split()
)
# Head nouns that also name a minister's field ("Armed Forces Minister", "Police and Emergency
# Services Minister", "Union Coal Minister": India's central government), unlike a body's
# ("Home Office Minister Tony Lee" keeps the Home Office).
_BRIEFS: Final = frozenset(
    "Services Forces Resources Technology Communications Energy Mining Cabinet Union".split()
)
# Compass words of two halves, which the lists also know as bodies ("Southwest", "Northwest":
# airlines): before a known place they make one place's name with it ("Southwest Delhi").
_COMPASS_COMPOUNDS: Final = frozenset(
    "Northeast Northwest Southeast Southwest North-East North-West South-East South-West".split()
)
# The last words of a building's name (see _names_building), and the bodies a building named
# "<body> House" houses: "Parliament House", "Government House" (not "State House", which US
# news also writes for a state's lower chamber, nor "Freedom House", a body).
_BUILDING_WORDS: Final = frozenset(("Building", "Buildings"))
_HOUSED_BODIES: Final = frozenset("Parliament Government Council Court Custom Customs".split())
# An agency's head word before "of": "Department of Buildings" is the agency, no building (but
# "the Bank of America Building" is one).
_AGENCY_HEADS: Final = frozenset(
    "Department Ministry Office Bureau Board Commission Agency".split()
)
_BUILDING_ENDS: Final = frozenset(
    w + s for w in ("Building", "Buildings", "House") for s in ("", "'s", "’s", "'", "’")
)
# Capitalised past participles that, before "by", are a verb after a name, no word of it ("a
# Hospital Built by my taxes", "Stadium Owned by the City").
_PASSIVE_PARTICIPLES: Final = frozenset(
    "Built Made Owned Run Operated Founded Funded Backed Sponsored Designed Managed Financed".split()
)
# The last words of a run asked about above (_scan_run): a building's, or such a participle.
_SPECIAL_RUN_ENDS: Final = _BUILDING_ENDS | _PASSIVE_PARTICIPLES
# The first word of a two-word nickname ("Red Sox", "Maple Leafs", "Blue Jays", "Trail Blazers").
_NICKNAME_OPENERS: Final = frozenset("Red Blue White Maple Golden Trail".split())
_PLURAL_ENDS: Final = ("s", "x", "'", "’")  # "Lakers", "Red Sox", "the Lakers' coach"
# A verb of publishing after a newspaper's title opening a sentence ("The Scotsman uncovers").
_PUBLISHES_AFTER: Final = re.compile(
    r" (?:reports|reported|reveals|revealed|uncovers|uncovered|publishes|published|quotes|"
    r"quoted|editorialised|editorialized|says in an editorial)\b"
)
# What may follow "The" and a people's word that are a paper's title: no lower-case word but a
# paper's noun or a verb of publishing ("in The Australian newspaper", "The Australian reported").
_PAPER_WORD_AFTER: Final = re.compile(
    r"(?! [a-z])| (?:newspaper|paper|daily|weekly|magazine|editorial|columnist|reporter|"
    r"correspondent|journalist|website|reported|reports|revealed|reveals|wrote|writes|"
    r"published|publishes|uncovered|uncovers|quotes|editorialised|editorialized|predicted|"
    r"quoted|said|says|claimed|stated|being|has|had|is|was|which|that|whose)\b"
)
# A paper's noun after "The" and a people's word: "The Thai newspaper" describes an outlet by its
# country unless the paper is titled so (`_PEOPLE_WORD_PAPERS`: "The Australian newspaper").
_PAPER_NOUN_AFTER: Final = re.compile(r" (?:newspaper|paper|daily|weekly|magazine)\b")
_PEOPLE_WORD_PAPERS: Final = frozenset(
    ("Australian", "East African", "Scotsman", "Hindu", "Tennessean", "Oklahoman")
)
_TEAM_NOUNS: Final = re.compile(r"\b(?:team|club|franchise)\b")
_SPORT_WORDS: Final = re.compile(
    r"\b(?:NBA|NFL|MLB|NHL|MLS|NBL|AFL|NRL|IPL|baseball|basketball|football|hockey|soccer|"
    r"rugby|cricket|sports?|playoffs?|quarterback|pitcher|rookie|touchdowns?|stadium|drafted|"
    r"draft pick)\b"
)
_RESULT_VERBS: Final = "defeated|beat|lost to|drew with|drew against|thrashed|edged"
# What after a town's name says the article uses it otherwise (see _may_be_town): a longer
# name goes on ("Blenheim Palace"), or a game's result
# A letter naming a grade, a group or a side before its noun ("A grade", "Group B matches"; not
# "I": "World War I veterans").
_GRADE_LETTER_NOUN: Final = re.compile(
    r"[A-HJ-Z] (?:grades?|teams?|sides?|squads?|reserves?|leagues?|divisions?|matches|match|"
    r"games?|ladder|fixtures?|table|standings)\b"
)
# A capitalised word and a participle or "language" joined by a hyphen, before a lower-case
# noun: "English-language", "Iranian-backed", "Kremlin-run" modify the noun, name nothing.
_MODIFIER_TAIL: Final = re.compile(
    r"[A-Z][\w.]*-(?:language|speaking|based|backed|led|owned|run|controlled|funded|"
    r"sponsored|affiliated|born|made|style|era)"
)
_LOWER_WORD_AFTER: Final = re.compile(r" [a-z]")
_TOWN_AFTER: Final = re.compile(rf" [A-Z]|,? (?:{_RESULT_VERBS})\b")
# A game's result after one side and before the other, and its score right after the other side
# ("defeated Wynnum 45 points to 24", "defeated Caboolture 43–5"; see _side_of_scored_result)
_RESULT_AFTER: Final = re.compile(rf",? (?:{_RESULT_VERBS}) ")
_RESULT_BEFORE: Final = re.compile(rf"\b(?:{_RESULT_VERBS}) $")
_SCORE: Final = re.compile(r" \d{1,3}(?:\s?[–-]\s?| points? to )\d{1,3}\b")
# … and before it: an article ("the Monchegorsk"), a capitalised word mid-sentence ("Space
# Shuttle Atlantis"), a game's result ("beat Wynnum")
_TOWN_BEFORE: Final = re.compile(
    rf"(?:\b(?:[Aa]n?|[Tt]he)|[a-z,;] [A-Z][\w-]*|\b(?:{_RESULT_VERBS})) $"
)


# The chambers whose seats are districts numbered by an ordinal ("the 7th Congressional District",
# "the 12th Assembly District", "the seventh Legislative District").
_SEAT_KINDS: Final = frozenset("Congressional Legislative Assembly Senate Senatorial House".split())
_SEAT_ORDINAL: Final = re.compile(
    r"(?:\d(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|\w+tieth|\w+-(?:first|second|third|\w+th)))"
    r"(?:,? (?:and|&) \w+)? \Z",
    re.IGNORECASE,
)
# What a court is of after its name ("Supreme Court of Appeals", "High Court of Justice",
# "Supreme Court of Cassation"): the court's own name, not a known court and a word after it.
_COURT_KINDS: Final = frozenset(
    "Appeal Appeals Justice Cassation Arbitration Review Final Criminal Civil Judicature".split()
)
# Parties named by an English word the lists know as the party itself ("Labor", "Labour"):
# "the Labor party" is that party, as written, like "the Liberal party".
_PARTY_ORG_WORDS: Final = frozenset(("Labor", "Labour"))


@cache
def _party_words() -> frozenset[str]:
    """The groups that name a party ("Liberal", "Conservative"): a known body's name is the
    word and "Party" ("Conservative Party", "Liberal Party of Australia")."""
    known = load_gazetteer().known
    parties = {
        name.split(" Party", 1)[0]
        for name, kind in known.items()
        if kind == "ORG" and " Party" in name
    }
    return frozenset(name for name in parties if known.get(name) == "GROUP")


# "I" as the subject of a verb right after a name: "Michael Siegel I am a professor".
_I_SPEAKS: Final = re.compile(
    r"(?:['’](?:m|ve)\b| (?:am|think|believe|feel|guess|mean|hope|really|just)\b)"
)  # not "was", "had", "said": "Louis I was king", "Elizabeth I had"


# Words of a sentence's grammar that open it before a body's name ("Other Cabinet members",
# "After Cabinet signed off", "Six Party talks"): no word of the name (see _opener_names_body).
# Plural heads that end generic phrases as often as bodies' names ("Emergency Services"): kept
# opening a sentence only with a known or national word. ("Forces" tried: on the open corpus
# "Emergency Coalition Forces" was right, "U.S.¶Special Forces" wrong: left out.)
_GENERIC_PLURAL_HEADS: Final = frozenset(("Services",))
_OPENER_GRAMMAR_WORDS: Final = frozenset(
    "the a an our their his her its my your this that these those one two three four five six "
    "seven eight nine ten other another many some all both each every most several no any "
    "after before since when while if as at in on for with by from under over during about "
    "yesterday today tomorrow however meanwhile also now then first second third last next "
    "such former new".split()
)
# Adjectives that open bodies' names and keep a known name inside them the body's ("International
# Labour Organization officials said", "National Security Council spokesman …", "Federal Bureau of
# Investigation agents": not "Labour", "Security Council" and a lone "Bureau of Investigation").
_BODY_OPENING_WORDS: Final = frozenset(
    "international national federal central royal supreme constitutional".split()
)

# "Count[ies]": an editor's letters
_EDITOR_COMPLETES: Final = OpeningGuard(re.compile(r"\[[a-z]+\]"))
# A conjunction or adverb before "I" in a transcript run on without a stop ("yes As I said",
# "((Jaya)) As I said"): the pronoun and its clause's opener, not a king's numeral ("Louis I").
_OPENERS_BEFORE_I: Final = frozenset(
    "as if when so because since while before after until though although and but or "
    "then now yes well also once".split()
)


# The last character of a quotation (or the comma closing the words before a verb of saying)
_QUOTE_ENDS: Final = frozenset(",\"”’'")
_ACCORDING_TO: Final = ("according to ", "According to ")


class _RunTail:
    """Facts of a run's words from `start` on, read by `_extends_to_named_head` for each known
    name in the run (once a run, not once a name: the names of "NATO NATO …" each read the rest)."""

    def __init__(self, run: list[Token], start: int, heads: frozenset[str]) -> None:
        self.run = run
        self.start = start
        self.words = [strip_possessive(t.text) for t in run[start:]]
        # the last index past `start` of a lower-case word other than a connector or "the"
        # after "of"/"for", and the last of a head noun followed by a word in _AFTER_HEAD
        self.last_lower = -1
        self.last_head_joined = -1
        for k in range(start, len(run)):
            word = run[k].text
            if (
                _is_lower(word)
                and word not in CONNECTORS
                and not (word == "the" and run[k - 1].text in ("of", "for"))
            ):
                self.last_lower = k
        words = self.words
        for k in range(len(words) - 1):
            if words[k] in heads and words[k + 1] in _AFTER_HEAD:
                self.last_head_joined = start + k


def _modifier_opener(word: str) -> bool:
    """Whether a capitalised word reads as a gerund ("Voting", "Joining") or a hyphened modifier
    whose last part is lower case ("Two-term", "Long-time", "US-based"), not a name's word."""
    if len(word) >= 6 and word.endswith("ing"):
        return True
    hyphen = word.rfind("-")
    return 0 < hyphen < len(word) - 2 and word[hyphen + 1 :].islower()


class _RunFinder(_TypingFinder):
    """Capitalised runs into candidates: where a name starts and ends (sentence openers, titles, joins
    across "of" and "and", portfolios, known names inside a run) and each name flushed with its type."""

    def _drop_sentence_opener(self, run: list[Token]) -> list[Token]:
        first = run[0]
        if not first.sentence_start:
            return run
        if len(run) == 1:  # "The", "But", "Police": the same few words open most sentences
            text = self.text
            comma = first.end < len(text) and text[first.end] == ","  # the answer may differ
            answers = self.lone_openers_comma if comma else self.lone_openers
            kept = answers.get(first.text)  # the token's own string: its hash is kept
            if kept is None:
                kept = answers[first.text] = bool(self._opener_kept(run))
            return run if kept else []
        return self._opener_kept(run)

    def _opener_kept(self, run: list[Token]) -> list[Token]:
        """What a run opening a sentence keeps: a common word, an adverb or a verb of an
        inverted attribution opening it is not part of a name. For one word the answer depends
        only on the word and whether a comma follows (remembered per article)."""
        first = run[0]
        lower = strip_possessive(first.text).lower()
        known = self._known(run, 0)
        if (
            len(run) == 1
            and known == 1
            and self.gaz.known.get(first.text) == "PLACE"
            and lower in self.lower_seen
        ):
            return []  # "Nice to be with you": a place name that is also a word, opening a sentence
        if (
            len(run) == 1
            and known == 1
            and self.gaz.known.get(first.text) == "ORG"
            and _IMPERATIVE_OBJECT.match(self.text, first.end)
        ):
            return []  # "Unite the party first", "Target the weak spots": a verb, no body
        if (
            len(run) > 1
            and _is_acronym(first.text)
            and self.text[first.start - 1 : first.start] in ("\n", "")
            and run[1].text.lower() in self.gaz.common_words
            and strip_possessive(run[1].text) not in self.heads  # "NBC News reported"
            and not self._title(run, 1)  # "US Major Alan Kabakoff said": a title, a name
            and known < 2  # "UN High Commissioner for Human Rights Navi Pillay": a known office
            and not any(t.text in self.gaz.first_names for t in run[2:-1])  # "EU High
            # Representative for Foreign Affairs Catherine Ashton": a person named after it
        ):
            return run[:1]  # "MS Although we used…": an interviewee's initials open the answer
        if known or self._title(run, 0):
            return run
        if (
            len(run) > 1
            and _modifier_opener(first.text)
            and (_is_acronym(run[1].text) or self._known(run, 1))
        ):
            return run[1:]  # "Voting GOP or DEM is …", "Two-term ANC leader Mbeki …": a gerund
            # or a hyphened modifier opening the sentence before a known name is none of its words
        if len(run) == 1 and first.text in _MASTHEAD_WORDS:
            return []  # "Monitor compliance in real time": a masthead's word alone is a word
        if len(run) > 1 and lower in SPEECH_OPENERS:
            return run[1:]  # "Remarked Acme scientist Tia Curry, “…”": an inverted attribution
        if len(run) == 1 and lower.endswith("ly") and self.text[first.end : first.end + 1] == ",":
            return []  # "Specifically, …": an adverb opening a sentence
        if (
            first.text in COMPASS
            and len(run) > 1
            and (n := self._known(run, 1))
            and self._is_place(run, 1, n)
        ):
            return run  # "North Wales Fire and Rescue Service said": the region's name
        if (
            (lower in self.gaz.common_words or lower in self.lower_seen)
            and not self._given_name_opens(run, lower)
            and not (len(run) > 1 and self._written_inside_sentence(run))
            and not (
                len(run) > 2 and run[1].text == "for" and self._people_for_cause(run, 1, run[:1])
            )
            and not self._opener_names_body(run, lower)
        ):  # (but "Veterans for Peace said": a body named for its cause)
            run = run[1:]
            while run and _is_lower(run[0].text):
                run = run[1:]
        return run

    def _opener_names_body(self, run: list[Token], lower: str) -> bool:
        """'State Department spokesperson …', 'Federal Communications Commission chairman …',
        'Solar Systems is planning …': a common word opening a sentence before words ending in
        a body's word, with no known name, given name or title among them, is the body's own
        first word (dropped, it left "Department" alone or nothing; after "International",
        "National", "Federal" … a known name inside and a body's word before "of" are its own:
        "International Labour Organization", "Federal Bureau of Investigation"); not a word of the
        sentence's grammar ("Other Cabinet members", "After Cabinet signed"), a participle or
        an adverb ("Affected Airlines", "Currently Police …"), nor in a heading."""
        if (
            len(run) < 2
            or (
                strip_possessive(run[-1].text) not in self.gaz.org_words
                and not (lower in _BODY_OPENING_WORDS and self._head_before_of(run))
            )
            or run[-1].text == "Media"  # "State Media complained": the medium, no body
            or run[-1].text in _GENERIC_PLURAL_HEADS  # "Emergency Services were called": a
            # generic plural, capitalised by the sentence start
            or lower in _OPENER_GRAMMAR_WORDS
            or lower.endswith(("ly", "ed", "ing"))
            or self._in_heading(run[0].start)
        ):
            return False
        for j in range(1, len(run)):
            if (
                (self._known(run, j) and lower not in _BODY_OPENING_WORDS)
                or run[j].text in self.gaz.first_names
                or (_is_title_start(run[j]) and self._title(run, j))
            ):
                return False
        return not self._title(run, 0)

    def _head_before_of(self, run: list[Token]) -> bool:
        """Whether a body's word stands right before the run's first "of" or "for" ("Bureau of
        Investigation", "Organisation for Security")."""
        for j in range(2, len(run) - 1):
            if run[j].text in ("of", "for"):
                return strip_possessive(run[j - 1].text) in self.gaz.org_words
        return False

    def _in_heading(self, at: int) -> bool:
        """Whether `at` lies in a heading's line (see `headings`)."""
        return any(start <= at < end for start, end in self.headings)

    def _written_inside_sentence(self, run: list[Token]) -> bool:
        """'British bank Northern Rock received … ¶ Northern Rock, based in Newcastle': whether
        the run's first two words are written together elsewhere after a lower-case word or a
        comma, so the common word opening this sentence is the name's own, kept."""
        text = self.text
        pair = text[run[0].start : run[1].end]
        at = text.find(pair)
        while at >= 0:
            if at != run[0].start and at > 1 and text[at - 1] == " ":
                mark = text[at - 2]
                if mark == "," or (mark.isalpha() and mark.islower()):
                    return True
            at = text.find(pair, at + 1)
        return False

    def _scan_run(self, run: list[Token], cues: list[str | None]) -> None:
        if (
            run[0].sentence_start
            and len(run) > 2
            and self.text[run[0].start - 1 : run[0].start] in ("", "\n")
        ):
            k = self._glued_heading(run)
            if k:  # "France On Monday, France announced": a heading glued to the first sentence
                self._scan_run(run[:k], cues[:k])
                opener = Token(run[k].start, run[k].end, run[k].text, True)
                run, cues = [opener, *run[k + 1 :]], cues[k:]
        if (
            len(run) > 1
            and run[0].text in _SHIP_PREFIXES
            and run[1].start == run[0].end + 1
            and not run[1].text[:1].isdigit()
        ):
            return  # "RMS Queen Elizabeth 2 will not sail", "rescued by the MV Alan Kurdi": a ship
        if len(run) > 1 and run[-1].text in _SPECIAL_RUN_ENDS:  # (most runs: one lookup)
            if run[-1].text in _PASSIVE_PARTICIPLES and self.text.startswith(" by ", run[-1].end):
                run, cues = run[:-1], cues[:-1]  # "a Hospital Built by my taxes": the verb ends it
            if len(run) > 1 and self._names_building(run):
                start, end, surface = self._surface(run, 0, len(run))
                self.candidates.append(Candidate(start, end, surface, len(run), "PLACE", 2))
                return  # "Government Buildings", "Old Parliament House": the building, no body
        if (
            len(run) > 1
            and run[1].text == "District"
            and run[0].text in _SEAT_KINDS
            and _SEAT_ORDINAL.search(self.text, max(0, run[0].start - 12), run[0].start)
        ):  # "Maryland's 7th Congressional District", "the 23rd Congressional District of
            # Texas": an electoral seat by its number, no place of its own (its state is)
            if len(run) > 3 and run[2].text == "of":
                self._scan_run(run[3:], cues[3:])
            return
        if run[0].text in _STORM_OPENERS:
            self.storm_heads = True  # "Hurricane Dorian", "Tropical Storm Barry": see below
        if run[0].sentence_start:
            if len(run) == 2 and run[0].text == "The" and self._paper_opens_sentence(run):
                start, end, surface = self._surface(run, 0, 2)  # "The Scotsman reported"
                self.candidates.append(Candidate(start, end, surface, 2, "ORG", 2))
                return
            run = self._drop_sentence_opener(run)
        if (
            len(run) > 1
            and run[0].text in _CLOCK_MARKS
            and self.text[run[0].start - 2 : run[0].start] in _DIGIT_SPACES
        ):
            run, cues = (
                run[1:],
                cues[1:],
            )  # "at 3 PM Eastern Time": a clock time, not "PM" the title
        if (
            len(run) > 1
            and (run[0].text in WEEKDAYS or run[-1].text in WEEKDAYS)
            and not self._weekday_paper(run)
        ):
            run, cues = _without_weekdays(run, cues)  # "On Friday Ford Motor Company announced"
            if not run:
                return
        if (
            len(run) > 1
            and run[-1].text == "Flight"
            and _NUMBER_AFTER.match(self.text, run[-1].end)
        ):
            # "Adam Air Flight 574": a flight number names no entity; its airline does
            run, cues = run[:-1], [*cues[:-2], "ORG"]
            self.airlines.add(" ".join(t.text for t in run))
        if len(run) > 2 and run[1].text in ("War", "World"):
            run, cues = _without_world_war(run, cues)  # "World War II", an event: no entity
            if not run:
                return
        if len(run) > 2:
            k = self._subject_after_event(run)
            if k:  # "After the Gulf War Saddam Hussein stayed": the event, then the subject
                self._scan_run(run[:k], cues[:k])
                run, cues = run[k:], cues[k:]
        if len(run) > 1 and run[-1].text[-1:] in _PLURAL_ENDS:
            k = self._team_start(run)
            if k >= 0:  # "the Los Angeles Lakers": the town's team, no place
                if k:
                    self._scan_run(run[:k], cues[:k])
                start, end, surface = self._surface(run, k, len(run) - k)
                self.candidates.append(Candidate(start, end, surface, len(run) - k, "ORG", 2))
                nick = (
                    run[-2].text + " " + run[-1].text
                    if run[-2].text in _NICKNAME_OPENERS
                    else run[-1].text
                )
                self.teams[strip_possessive(nick)] = surface
                return
        if self.teams and len(run) <= 2:
            full = self.teams.get(strip_possessive(" ".join(t.text for t in run)))
            if full is not None:  # "the Lakers" after "the Los Angeles Lakers": the team
                start, end, surface = self._surface(run, 0, len(run))
                self.candidates.append(
                    Candidate(start, end, surface, len(run), "ORG", 2, display=full)
                )
                return
        if len(run) > 2:
            k = self._to_before_known(run)
            if k:  # "flew with Japan Airlines to Taipei": two names, "to" between them
                self._scan_run(run[:k], cues[:k])
                k += 1
                while k < len(run) and _is_lower(run[k].text):
                    k += 1  # "… Incorporated for the Rolling Stones": the name after "the"
                if k < len(run):
                    self._scan_run(run[k:], cues[k:])
                return
        if len(run) == 1:  # three runs in four are one word: the loop below, short-cut
            if _may_open_known(run[0].text) and self._known(run, 0):
                self._add_known(run, 0, 1, cues[-1])
            else:
                self._flush(run, False, cues[-1])
            return
        if len(run) > 1 and _EDITOR_COMPLETES.match(self.text, run[-1].end):
            run, cues = run[:-1], cues[:-1]  # "Tulare Count[ies]": a word an editor's brackets
            # complete is no name's word ("Tulare Count" a place)
        if len(run) > 1 and run[-1].text == "I" and run[-2].text.lower() in _OPENERS_BEFORE_I:
            run, cues = run[:-2], cues[:-2]  # "yes As I said": "As I" names no one
            if not run:
                return
        if len(run) > 1 and run[-1].text == "I" and _I_SPEAKS.match(self.text, run[-1].end):
            run, cues = run[:-1], cues[:-1]  # "Michael Siegel I am a professor": a transcript's
            # speaker label, then "I" speaking (not "Louis I", a king)
        post_nominal = False
        while len(run) > 1 and run[-1].text in POST_NOMINALS:
            run, cues, post_nominal = run[:-1], cues[:-1], True  # "Jane Moss KC" is Jane Moss
        if not run:
            return
        suffix_cue = cues[-1] if cues else None
        pending: list[Token] = []
        i, person_cue, extending = 0, False, False
        named_body = self._org_noun_before(run)
        while i < len(run):
            tok = run[i]
            n_known = 0 if extending or not _may_open_known(tok.text) else self._known(run, i)
            if n_known == 1 and tok.text in _COMPASS_COMPOUNDS and self._place_after(run, i + 1):
                n_known = 0  # "Southwest Delhi", "Northwest London": no airline's branch
            if (
                n_known
                and (
                    (i and self._opens_nickname(tok))  # 'Pieter "Dutch" Molen': no nationality
                    or (named_body and pending)  # "the magazine Scientific American": nor here
                    or self._extends_to_named_head(run, i, n_known)
                    or self._inside_name(run, i, n_known, pending, person_cue)
                    or self._part_of_longer_name(run, i, n_known)
                    or (
                        n_known == 1
                        and not pending
                        and i + 2 < len(run)
                        and run[i + 1].text == "for"
                        and self._people_for_cause(run, i + 1, run[i : i + 1])
                    )  # "Americans for Prosperity": a people's word opening a body for a cause
                )
            ):
                extending, n_known = True, 0
            elif n_known == 1 and not pending and self._known_word_as_given_name(run, i):
                extending, n_known, person_cue = True, 0, True  # "Chelsea Staub, agreed"
            elif n_known == 1 and i and self._role_in_title(run, i):
                extending, n_known = True, 0  # "Chief Economist Ann Lee": no magazine
            kind = (
                self._compass_kind(run, i, n_known, pending[-1].text)
                if n_known
                and pending
                and (
                    pending[-1].text in COMPASS
                    or pending[-1].text in _COMPASS_COMPOUNDS
                    or pending[-1].text == "Greater"
                    or hyphened_compass(pending[-1].text)
                )
                else None
            )
            if (
                kind is None
                and n_known == 1
                and pending
                and pending[-1].text == "New"
                and tier_type("New " + tok.text) == "PLACE"
            ):
                kind = "PLACE"  # "New London, Connecticut", "New Britain": a town of its own
                # that the known place in its name would hide
            if kind:
                # "South East Asia": two compass words; "Greater Melbourne": its metropolitan
                # area; "Central American countries", "the South Ossetian rebels": a people's
                k = 2 if len(pending) > 1 and pending[-2].text in ("North", "South") else 1
                self._flush(pending[:-k], person_cue, None)
                start, end, surface = self._surface(run, i - k, n_known + k)
                self.candidates.append(Candidate(start, end, surface, n_known + k, kind, 2))
                pending, person_cue = [], False
                i += n_known
                continue
            if (
                n_known
                and i + n_known == len(run) - 1
                and run[-1].text in _WAR_ENDS
                and self._is_place(run, i, n_known)
            ):
                return  # "the Persian Gulf War", "the Suez Crisis": an event named after a
                # place names no place (nor anything the capitals before it open)
            if (
                n_known
                and len(pending) == 1
                and i + n_known == len(run)
                and pending[0].text in _NATIONAL_FIELDS
                and self._surface(run, i, n_known)[2].casefold() in countries_and_regions()
            ):  # "Hockey Canada", "Sport Canada", "Team Canada": the country's body for a field
                start, end, surface = self._surface(run, i - 1, 1 + n_known)
                self.candidates.append(Candidate(start, end, surface, 1 + n_known, "ORG", 2))
                return
            if n_known and pending and self._levels_a_body(run, i, n_known, pending):
                start, end, surface = self._surface(run, i - len(pending), len(pending) + n_known)
                cand = Candidate(start, end, surface, len(pending) + n_known, "ORG", 2)
                self.candidates.append(cand)
                pending, person_cue = [], False
                i += n_known
                continue
            n_body = self._country_body(run, i, n_known) if n_known else 0
            if n_body:
                self._flush(pending, person_cue, None)
                pending, person_cue = [], False
                start, end, surface = self._surface(run, i, n_known + n_body)
                self.candidates.append(Candidate(start, end, surface, n_known + n_body, "ORG", 2))
                i += n_known + n_body
                continue
            n_branch = self._body_branch(run, i, n_known) if n_known else 0
            if n_branch:  # "Amnesty International USA": the body's branch, one name
                self._flush(pending, person_cue, None)
                pending, person_cue = [], False
                start, end, surface = self._surface(run, i, n_known + n_branch)
                cand = Candidate(start, end, surface, n_known + n_branch, "ORG", 2)
                self.candidates.append(cand)
                i += n_known + n_branch
                continue
            n_unit = self._firm_unit(run, i, n_known) if n_known and not pending else 0
            if n_unit:  # "Nielsen Media Research", "ABC Radio National": the firm's own unit
                start, end, surface = self._surface(run, i, n_known + n_unit)
                cand = Candidate(start, end, surface, n_known + n_unit, "ORG", 2)
                self.candidates.append(cand)
                i += n_known + n_unit
                continue
            n_people = self._people_body(run, i, n_known) if n_known and not pending else 0
            if n_people:  # "the Lebanese Army": no nationality, a body
                start, end, surface = self._surface(run, i, n_people)
                self.candidates.append(Candidate(start, end, surface, n_people, "ORG", 2))
                i += n_people
                if i < len(run) and self._named_alone_elsewhere(run[i:]):
                    person_cue = True  # "the Thai News Agency Sondhi Limthongkul": a person
                continue
            if n_known and len(pending) == 1 and self._titled_people_word(run, i, n_known):
                # "The Australian", "The East African": a paper
                start, end, surface = self._surface(run, i - 1, 1 + n_known)
                self.candidates.append(Candidate(start, end, surface, 1 + n_known, "ORG", 2))
                pending, person_cue = [], False
                i += n_known
                continue
            if n_known:
                self._flush(pending, person_cue, suffix_cue if not pending else None)
                pending, person_cue = [], False
                if not self._names_portfolio(run, i, n_known):
                    self._add_known(
                        run, i, n_known, suffix_cue if i + n_known == len(run) else None
                    )
                i += n_known
                continue
            n_title = (
                0
                if (
                    pending
                    and (
                        not _is_title_start(tok)
                        or pending[-1].text in ("of", "for")
                        or (tok.text in _NAME_SHEIKHS and self._sheikh_in_name(run, i, pending))
                    )
                )
                or (
                    tok.text in _NAME_SHEIKHS
                    and i + 1 < len(run)
                    and run[i + 1].text in _SHEIKH_FAMILY_NAMES
                )  # "Sheikh Hasina": the family's name
                else self._title(run, i)
            )  # "Ministry of Justice and Public Security": a title word after "of" is no title
            if (
                n_title
                and i + n_title < len(run)
                and not self._title_names_a_thing(run, i + n_title)
                and not self._title_opens_body(run, i + n_title)
                and not self._saint_names_a_place(run, i, n_title)
                and not (
                    pending and all(t.text in _GENERATION_WORDS for t in run[i + n_title :])
                )  # "Martin Luther King Jr.": a surname before the suffix, no title
            ):  # "General Motors Company" is no general, "St. George Hotel" no saint
                if not self._names_a_brief(pending, tok):
                    self._flush(pending, person_cue, None)
                pending, person_cue = [], True
                i = self._skip_portfolio(run, i + n_title)
                continue
            if (
                (_is_lower(tok.text) or tok.text == "&")
                and tok.text in CONNECTORS
                and not self._joins(run, i, pending)
            ):
                self._flush(pending, person_cue, None)
                pending, person_cue, extending = [], False, False
            else:
                pending.append(tok)
            i += 1
        person_cue = person_cue or (post_nominal and len(pending) > 1)
        self._flush(pending, person_cue, suffix_cue)

    def _subject_after_event(self, run: list[Token]) -> int:
        """Where a name opens after an event's last word inside one run ("Gulf War | Saddam
        Hussein", "Six-Day War | Israel", "Summer Olympics | London"): a listed given name then
        another capitalised word, or a listed place or person, right after the event's word; 0
        if none."""
        for k in range(1, len(run) - 1):
            if run[k].text not in _EVENT_ENDS or self.text[run[k].end : run[k].end + 1] != " ":
                continue
            nxt = run[k + 1]
            if nxt.text in self.gaz.first_names and k + 2 < len(run) and _is_cap(run[k + 2].text):
                return k + 1
            n = self._known(run, k + 1) if _may_open_known(nxt.text) else 0
            if n and (self._lookup(self._surface(run, k + 1, n)[2]) or ("", ""))[1] in (
                "PLACE",
                "PERSON",
            ):
                return k + 1
        return 0

    def _names_building(self, run: list[Token]) -> bool:
        """Whether the run ends with "Building(s)" ("the Union Buildings", "the Chrysler
        Building") or is a body's word and "House" ("Government House", "Old Parliament House",
        "Customs House"): a building, as the annotated sets type facilities, not the body it
        houses (nor "Parliament" and no name); not an agency's "Department of Buildings"."""
        last = run[-1].text
        if last not in _BUILDING_ENDS:
            return False  # (nearly every run: one set lookup, no possessive stripped)
        last = strip_possessive(last)
        if last in _BUILDING_WORDS:
            if _is_lower(run[0].text):
                return False
            for k in range(len(run) - 2, 0, -1):
                if run[k].text == "of":
                    return run[k - 1].text not in _AGENCY_HEADS  # "Department of Buildings"
            return True
        return last == "House" and run[-2].text in _HOUSED_BODIES

    def _place_after(self, run: list[Token], i: int) -> bool:
        """Whether a known place's name opens run[i:]."""
        if i >= len(run):
            return False
        n = self._known(run, i)
        return n > 0 and self._is_place(run, i, n)

    def _sheikh_in_name(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        """'Khalid Sheikh Mohammed': "Sheikh" between a given name (one or two capitalised words
        no title opened) and a capitalised word is a word of the name."""
        return (
            len(pending) <= 2
            and i + 1 < len(run)
            and _is_cap(run[i + 1].text)
            and all(t.text.isalpha() and _is_cap(t.text) for t in pending)
            and not any(t.text.lower() in self.gaz.role_words for t in pending)
            and pending[-1].text != "Amir"  # "Father Amir Sheikh Saad": the ruler's title
            and self.text[max(0, pending[0].start - 4) : pending[0].start].lower() != "the "
        )

    def _to_before_known(self, run: list[Token]) -> int:
        """Where "to" after a body's word is the preposition before a known place or body
        ("Japan Airlines to Taipei", "Ford Motor Company to General Motors"), not a word of the
        body's aim ("Committee to Protect Journalists"), or where a lower-case word follows a
        company's legal form ("AWB Limited to Saddam Hussein"); 0 if none."""
        for k in range(1, len(run) - 1):
            if run[k].text in _AFTER_LEGAL_FORM_SPLITS and run[k - 1].text in _NAME_ENDING_FORMS:
                return k  # "paid by AWB Limited to Saddam Hussein", "Blues Incorporated for the
                # Rolling Stones": a company's legal form ends its name
            if run[k].text == "to":
                n = self._known(run, k + 1)
                if n:
                    known = self._lookup(self._surface(run, k + 1, n)[2])
                    if known is not None and known[1] in ("PLACE", "ORG"):
                        return k
        return 0

    def _officer_after_body(self, run: list[Token], at: int) -> list[Token] | None:
        """The run cut where an officer's title and name follow words ending in a body's word
        from run[at] on ("Anchorage | Police Department Lt. Paul Honeman", "Mandalay | Resort
        Group President Glenn Schaeffer"): the body's name ends there. None if not: the first
        title decides, and it is no longer title opened by the body's word ("White House Press
        Secretary") nor a portfolio's ("US Energy Secretary", "Police Minister"). The run's
        title starts and cuts are kept for the run (each known name of a run asks)."""
        if self.titles_run is not run:
            self.titles_run = run
            self.title_starts = [
                k for k in range(1, len(run) - 1) if _is_title_start(run[k]) and self._title(run, k)
            ]
            self.officer_cuts = {}
        for k in self.title_starts:
            if k < at:
                continue
            n = self._title(run, k)
            if (
                k == at
                or run[k - 1].text not in self.gaz.org_words
                or run[k].text in _PORTFOLIO_TITLES
                or k + n >= len(run)
                or not _is_cap(run[k + n].text)
                or any(j + self._title(run, j) > k for j in range(max(at, k - 3), k))
            ):
                return None
            cut = self.officer_cuts.get(k)
            if cut is None:
                cut = self.officer_cuts[k] = run[:k]
            return cut
        return None

    def _team_start(self, run: list[Token]) -> int:
        """Where a league team's name opens in a run ending in a capitalised plural ("Los
        Angeles Lakers", "the NFL's Houston Texans"), in an article about a league sport; -1
        if none. Its town is one to three capitalised words; a nickname of `_TEAM_NICKNAMES`
        makes a team after a known place or "the" ("the Charlotte Hornets"), any other plural
        only after a known place, with a sport's word or "team"/"club" near in its sentence
        (or named so before), and when it is no
        head noun, role, party or word the article writes in lower case ("the Geneva
        Conventions", "the Turin Olympics", "New York Times" are no teams)."""
        if self.sport is False:
            return -1
        nick = 2 if len(run) > 2 and run[-2].text in _NICKNAME_OPENERS else 1
        last = strip_possessive(run[-1].text)
        listed = last in _TEAM_NICKNAMES or (nick == 2 and last in ("Sox", "Jays", "Leafs"))
        if not listed and (
            last[-1:] != "s"
            or not _is_cap(last)
            or _is_upper(last)
            or last in self.heads
            or last[:-1].lower() in self.gaz.role_words
            or last[:-1] in self.gaz.titles
            or last[:-1] in _party_words()
            or last in _party_words()
            or (last in self.gaz.known and self.gaz.known[last] != "GROUP")
            or last.lower() in self.lower_seen  # (a search of the text: asked last)
        ):
            return -1
        town_end = len(run) - nick
        for k in range(max(0, town_end - 3), town_end):
            if not all(_is_cap(t.text) and not _is_upper(t.text) for t in run[k:town_end]):
                continue
            town = self._surface(run, k, town_end - k)[2]
            known = self._lookup(town)
            if (known[1] if known else tier_type(town)) != "PLACE" and not (
                listed and self.text[run[k].start - 4 : run[k].start] in ("the ", "The ")
            ):
                continue
            if self.sport is None:  # asked once an article, only here: a search of the text
                self.sport = _SPORT_WORDS.search(self.text) is not None
            if not self.sport:
                return -1
            if k and run[k - 1].text in _TOWN_COMPASS:
                k -= 1  # "the South Sydney Rabbitohs", "the North Queensland Cowboys"
            if listed:
                return k
            lo, hi = max(0, run[k].start - 80), run[-1].end + 80  # its sentence, near it
            lo = max(lo, self.text.rfind(". ", lo, run[k].start) + 1)
            stop = self.text.find(". ", run[-1].end, hi)
            hi = stop if stop >= 0 else hi
            near = _SPORT_WORDS.search(self.text, lo, hi) or _TEAM_NOUNS.search(self.text, lo, hi)
            named = self._surface(run, k, len(run) - k)[2] in self.teams.values()  # named before
            return k if near or named else -1
        return -1

    def _saint_names_a_place(self, run: list[Token], i: int, n_title: int) -> bool:
        """'St. Thomas, Ontario', 'Saint Marys, Georgia': a saint's name that ends the run right
        before ", " and a known place is a town, not a person called by a title; so is one after
        "in"/"at"/"near" ("held in Saint Vincent and the Grenadines"), and one the text names
        with a body's or place's head noun ("Saint Francis Hospital … Saint Francis said")."""
        if n_title != 1 or run[i].text not in ("St", "Saint"):
            return False
        if run[i].text == "St" and i and run[i - 1].text in self.gaz.first_names:
            return True  # "Judge Amy St. Eve": a surname
        if (
            run[i].text == "St"
            and not (
                self.text[run[i].start - 2 : run[i].start] == ", "
                and self.text[run[-1].end : run[-1].end + 1] == ","
            )
            and not (len(run) - i <= 3 and _SAINT_ACTS.match(self.text, run[-1].end))
            and not self._saint_revered(run, i)
        ):  # (but "Simms, St. Amand, St. Denis, …": a list, left to its other names; and "St.
            # Brannoc drove the wolves out": a saint who acts)
            return True  # "St. Petersburg", "St Kilda": the abbreviation names places
        if i == 0 and self._word_before(run[0].start) in _SAINT_PLACE_BEFORE:
            return True
        if not 1 <= len(run) - i - 1 <= 2:
            return False
        if self.saint_places is None:  # every "St. X, Place" of the text: "the St. X plant" too
            self.saint_places = {
                m.group(1)
                for m in _SAINT_PLACE.finditer(self.text)
                if self.gaz.known.get(m.group(2)) == "PLACE"
            } | {m.group(1) for m in _SAINT_HEADED.finditer(self.text) if m.group(2) in self.heads}
        return strip_possessive(" ".join(t.text for t in run[i + 1 :])) in self.saint_places

    def _saint_revered(self, run: list[Token], i: int) -> bool:
        """'prayed to St. Jude', 'the shrine of St. Anne', 'St. Clare of Assisi': "St." and a
        name that the words around make a saint revered (a title), not a place."""
        if len(run) - i < 2 or _SAINTS_DAY.match(self.text, run[-1].end):
            return False  # "celebrate St. Patrick's Day": a day, left to the day's rule
        if len(run) - i > 2:  # "St. Clare of Assisi" (one run): a saint named by a place
            return run[i + 2].text == "of" and len(run) - i <= 4
        before = self.text[max(0, run[i].start - 24) : run[i].start].lower()
        return bool(
            _SAINT_REVERED_BEFORE.search(before) or _SAINT_OF_PLACE.match(self.text, run[-1].end)
        )

    def _glued_heading(self, run: list[Token]) -> int:
        """How many words of a known place open a paragraph right before a capitalised word that
        only opens sentences ("Sudan The International Criminal Court (ICC) …"), 0 if not so."""
        n = self._known(run, 0) if _may_open_known(run[0].text) else 0
        if not n or n >= len(run) - 1 or run[n].text not in _SENTENCE_OPENERS:
            return 0
        known = self._lookup(self._surface(run, 0, n)[2])
        return n if known is not None and known[1] == "PLACE" else 0

    def _title_names_a_thing(self, run: list[Token], j: int) -> bool:
        """'General Motors Company', 'St. George Hotel': the words after a title end in a head
        noun of a body or place with no lower-case word between ("Dr. Ann Lee of the University
        of Cape Town" is a person)."""
        last = strip_possessive(run[-1].text)
        if last in self.gaz.org_words:
            # "Dr. Ann Lee of Scripps Research Institute": a given name, then the body's name
            return not (
                self._last_lower(run) >= j
                and (self._given_name_after_brief(run, j) or self._plain_name_before_of(run, j))
            )
        return last in self.heads and self._last_lower(run) < j

    def _plain_name_before_of(self, run: list[Token], j: int) -> bool:
        """'Dr. Mara Telby of Elmgrove Hospital': two or three capitalised words no list knows,
        none a body's or place's head, between the title and "of" are a person's name (a given
        name no list holds), not the start of the body's name."""
        k = j
        while k < len(run) and run[k].text != "of":
            word = run[k].text
            if (
                not _is_cap(word)
                or word in self.gaz.org_words
                or word in self.heads
                or self._known(run, k)
            ):
                return False
            k += 1
        return k < len(run) and 2 <= k - j <= 3

    def _title_opens_body(self, run: list[Token], j: int) -> bool:
        """'the General Confederation of Labour', 'the General Administration of Customs': a
        body's head noun and "of"/"for" right after a title word (at `j`) are a body's name."""
        return (
            j + 1 < len(run)
            and run[j + 1].text in ("of", "for")
            and run[j].text in self.gaz.org_words
        )

    def _last_lower(self, run: list[Token]) -> int:
        """The index of the run's last lower-case word, or -1; read once a run (a run of
        "Mr Smith Mr Smith …" asks for each title)."""
        if self.lower_run is not run:
            self.lower_run = run
            self.last_lower = -1
            for k, tok in enumerate(run):
                if _is_lower(tok.text):
                    self.last_lower = k
        return self.last_lower

    def _given_name_after_brief(self, run: list[Token], j: int) -> bool:
        """Whether a given name and a capitalised word follow at `j`, or after a brief there
        ("Minister for the Arts Ann Lee of …"); after a one-word brief the given name may be
        unknown when the article uses the surname alone ("Chief of Staff Toshio Tamogami of …")."""
        g = j
        if run[j].text in ("for", "of"):
            k = j + 1 + (j + 1 < len(run) and run[j + 1].text == "the")
            g = k
            while g < len(run) and _is_cap(run[g].text) and run[g].text not in self.gaz.first_names:
                g += 1
            if (g == len(run) or not _is_cap(run[g].text)) and self._unknown_name_after_brief(
                run, k + 1
            ):
                return True
        return g + 1 < len(run) and run[g].text in self.gaz.first_names and _is_cap(run[g + 1].text)

    def _unknown_name_after_brief(self, run: list[Token], g: int) -> bool:
        """Two capitalised words at `g` before a lower-case word, the second used alone elsewhere
        in the article: 'Toshio Tamogami of …' then 'Tamogami said'."""
        if g + 2 >= len(run) or not _is_lower(run[g + 2].text):
            return False
        given, surname = run[g].text, run[g + 1].text
        if not (given.isalpha() and surname.isalpha() and _is_cap(given) and _is_cap(surname)):
            return False
        if self._lookup(given) or self._lookup(surname) or surname in self.heads:
            return False
        alone = [
            at
            for at in find_all(self.text, (surname,))
            if at != run[g + 1].start
            and self.text[at - 1 : at] == " "
            and not _is_word_char(self.text[at + len(surname) : at + len(surname) + 1] or " ")
        ]
        return any(self.text[max(0, at - len(given) - 1) : at - 1] != given for at in alone)

    def _org_noun_before(self, run: list[Token]) -> bool:
        """'the magazine Scientific American', 'law firm Sidley Austin': after a noun naming a
        kind of body, the capitalised words are that body's one name."""
        start = run[0].start
        if self.text[start - 1 : start] != " " or not self.text[start - 2 : start - 1].isalpha():
            return False
        word = last_word_in(self.text, max(0, start - 16), start - 1)  # (a letter ends it)
        return word in ORG_NOUNS and not (
            word in self.gaz.role_words and run[0].text in self.gaz.first_names
        )

    def _opens_nickname(self, tok: Token) -> bool:
        """Whether `tok` is the first word of a nickname in quotation marks inside a name."""
        mark = tok.start - 1
        return self.text[mark : tok.start] in NICKNAME_MARKS and nickname_end(self.text, mark) > 0

    def _names_a_brief(self, pending: list[Token], title: Token) -> bool:
        """'the Indian External Affairs Minister Pranab Mukherjee', 'Electoral Commissioner Ed
        Lee': one to three capitalised words right before a minister's, secretary's or
        commissioner's title are the brief the title holds, no one's name, when no word of them
        is a given name, a known name, a body's or a place's head noun (but a field's before
        "Minister": "Armed Forces Minister", `_BRIEFS`) or in capitals (so "Nagpur Police
        Commissioner", "Tulsa County Commissioner" keep their body and place)."""
        if title.text not in _PORTFOLIO_TITLES or not 0 < len(pending) <= 3:
            return False
        gaz = self.gaz
        for tok in pending:
            word = tok.text
            if word in ("and", "&") and tok is not pending[0] and tok is not pending[-1]:
                continue  # "Foreign Affairs and Trade Minister"
            if (
                not _is_cap(word)
                or _is_upper(word)
                or word in gaz.first_names
                or (word in self.heads and not (title.text == "Minister" and word in _BRIEFS))
                or self._lookup(word) is not None
            ):
                return False
        return tier_type(self.text[pending[0].start : pending[-1].end]) is None

    def _names_portfolio(self, run: list[Token], i: int, n: int) -> bool:
        """'Labour Minister Ana Ruiz', 'Health Secretary': a known word naming a ministerial brief."""
        nxt = run[i + n].text if i + n < len(run) else ""
        if nxt not in _PORTFOLIO_TITLES or (i and run[i - 1].text not in self.gaz.titles):
            return False
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "ORG"  # "US Secretary of State": a place stays

    def _weekday_paper(self, run: list[Token]) -> bool:
        """'the Sunday Times', 'The Sunday Telegraph reported': a weekday after "the" and before a
        newspaper's word opens the paper's name, and stays in it; not before a place's or a
        body's head noun ("the Sunday Times Square parade" is a day's parade in Times Square,
        "the Saturday Post Office raffle" the Post Office's)."""
        return (
            run[0].text in WEEKDAYS
            and run[1].text in _WEEKDAY_PAPERS
            and (
                len(run) == 2
                or run[2].text == "Magazine"
                or (
                    run[2].text not in self.gaz.place_words
                    and run[2].text not in self.gaz.org_words
                )
            )
            and self.text[run[0].start - 4 : run[0].start] in ("the ", "The ")
        )

    def _extends_to_named_head(self, run: list[Token], i: int, n: int) -> bool:
        """'Newcastle United', 'Emirates Stadium': a known name followed by words ending in a head noun."""
        at = i + n  # the rest of the run: run[at:]
        last = run[at - 1]
        if "'" in last.text or "’" in last.text or self.text[last.end : last.end + 1] in ("'", "’"):
            return False  # "House of Representatives' Committee on …": the body's own committee
        if at == len(run) or (_is_lower(run[at].text) and run[at].text not in CONNECTORS):
            return False
        if len(run) - at > 2:
            cut = self._officer_after_body(run, at)
            if cut is not None:  # "Anchorage Police Department Lt. Paul Honeman": the body's
                run = cut  # name ends at the title: the rest is read up to it
        # the rest's facts, kept for the run: a run of n known names ("NATO NATO …") asks n times
        tail = self.run_tail
        if tail is None or tail.run is not run or at < tail.start:
            tail = self.run_tail = _RunTail(run, at, self.heads)
        if tail.last_lower > at:
            return False  # a lower-case word in the rest (not a connector, nor "of the")
        words = tail.words
        first = words[at - tail.start]
        n_rest = len(run) - at
        if first == "and" and n_rest > 1 and self._known(run, at + 1) == n_rest - 1:
            return False  # "the United States and United Kingdom": two known names
        if first == "and" and words[-1] in self.gaz.place_words and self._is_place(run, i, n):
            return False  # "Las Vegas and Atlantic City": a known place and another place
        if (
            first == "of"
            and last.text == "Court"
            and n_rest > 1
            and all(w in _COURT_KINDS for w in words[at - tail.start + 1 :])
        ):
            return True  # "the Supreme Court of Appeals", "Supreme Court of Justice": one court
        if words[-1] in self.heads:
            if words[-1] == "Party" and self._letters_before_party(run, i):
                return False  # "the US Libertarian Party": see _country_body
            # "U.S. Securities and Exchange Commission": the country's own known body instead
            return self._country_body(run, i, n) != n_rest
        if tail.last_head_joined >= at:
            return True  # "American Airlines and …", "US Commission on Presidential Debates"
        # "Islamic State of Iraq and Syria": a known body named after the places it claims
        known = self._lookup(self._surface(run, i, n)[2])
        return (
            known is not None
            and known[1] == "ORG"
            and first == "of"
            and self._names_places(words[at - tail.start + 1 :])
        )

    def _names_places(self, words: list[str]) -> bool:
        """Whether `words` ("the United States", "Iraq and Syria") are known places joined by
        "and": "Supreme Court of the United States" is one body."""
        if words[:1] == ["the"]:
            words = words[1:]
        names = " ".join(words).split(" and ")
        return bool(words) and all(self.gaz.known.get(name) == "PLACE" for name in names)

    def _compass_kind(self, run: list[Token], i: int, n: int, before: str) -> str | None:
        """PLACE or GROUP when the known name at run[i] is a place, or a nationality ending the
        name after a compass word (`before`), so that the word makes one name with it."""
        known = self._lookup(self._surface(run, i, n)[2])
        if known is None or known[1] not in ("PLACE", "GROUP"):
            return None
        if known[1] == "PLACE":
            return "PLACE"
        ends = i + n == len(run) or _is_lower(run[i + n].text)  # "Northern American and …"
        return "GROUP" if ends and before != "Greater" else None

    def _levels_a_body(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'National Security Council', 'Federal Parliament': words naming a body's level right
        before a known body's name make a body of its own, not the UN's council or a parliament."""
        if not all(t.text in _BODY_LEVELS for t in pending):
            return False
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "ORG"

    def _country_body(self, run: list[Token], i: int, n: int) -> int:
        """'United States House of Representatives': a known place right before a known
        organisation names the country's own body; the organisation's length, or 0."""
        n_rest = self._known(run, i + n) if i + n < len(run) else 0
        last = run[i + n - 1]
        if n_rest and ("'" in last.text or self.text[last.end : last.end + 1] in ("'", "’")):
            return 0  # "the United States' Centers for Disease Control": the body, then the place
        if not n_rest or not (
            self._is_place(run, i, n)
            or (n == 1 and n_rest > 1 and self.gaz.known.get(run[i].text) == "GROUP")
        ):  # "Libyan House of Representatives", but "the Republican Senate" is the Senate
            return 0
        if n == 1 and i + n + n_rest == len(run) and self._letters_before_party(run, i):
            return 0  # "the UK Conservative Party": the country's letters before a party's own
            # name say where it is, not its name
        rest = self._lookup(self._surface(run, i + n, n_rest)[2])
        return n_rest if rest and rest[1] == "ORG" else 0

    def _known_body_then(self, run: list[Token], i: int, n: int) -> bool:
        """Whether run[i : i + n] is a known organisation's name, not possessive ("Amnesty's
        USA office"), with one to three words of the run after it: the shape of the body's
        branch (_body_branch) or unit (_firm_unit)."""
        at = i + n
        if at >= len(run) or len(run) - at > 3:
            return False
        last = run[at - 1]
        if "'" in last.text or "’" in last.text or self.text[last.end : last.end + 1] in ("'", "’"):
            return False
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "ORG"

    def _body_branch(self, run: list[Token], i: int, n: int) -> int:
        """'Amnesty International USA', 'Greenpeace Australia Pacific', 'Sky News Australia': a
        known organisation's name, then the names of countries or big regions ending the run,
        is the body's branch there; the places' length in tokens, or 0. Not a beat ("the BBC
        Gaza correspondent", "a CIA Middle East analyst") nor a city ("CNN Washington")."""
        if not self._known_body_then(run, i, n) or (n == 1 and _is_acronym(run[i].text)):
            return 0  # (nor an abbreviation: "the UN Syria envoy", "an EU Ukraine summit")
        at = i + n
        regions = countries_and_regions()
        k = at
        while k < len(run):
            m = self._known(run, k)
            if not m or run[k + m - 1].text[-2:] in ("'s", "’s"):
                return 0
            if self._surface(run, k, m)[2].casefold() not in regions:
                return 0
            k += m
        end = run[-1].end
        if _BEAT_AFTER.match(self.text, end) or _RELATION_AFTER.match(self.text, end):
            return 0  # "the BBC Kenya correspondent", "the Boeing Ethiopia crash"
        if (
            self._modifies_noun(end)
            and not _PAST_VERB_AFTER.match(self.text, end)
            and not _NO_NOUN_AFTER.match(self.text, end)
        ):
            return 0  # "the World Bank Africa report": a noun the names describe, no branch
        return k - at

    def _firm_unit(self, run: list[Token], i: int, n: int) -> int:
        """'Nielsen Media Research', 'ABC Radio National', 'Barclays Wealth Management': a
        known organisation's name, then capitalised words no list knows, one a body's word,
        ending the run (and the unit's place after the body's word: "BBC Radio Merseyside"),
        name the organisation's unit (one name, not the firm and a body "Media Research");
        their length in tokens, or 0. Not a person ("BBC George Entwistle"), a title ("Sirius
        CEO"), nor a thing the names describe ("the White House Press Correspondence dinner";
        but "the Nielsen Media Research spokesman", "… company")."""
        if not self._known_body_then(run, i, n):
            return 0
        at = i + n
        org_words = self.gaz.org_words
        has_body_word = False
        k = at
        while k < len(run):
            word = strip_possessive(run[k].text)
            n_known = self._known(run, k)
            if n_known and has_body_word:  # "BBC Radio Merseyside": the unit's place
                place = self._lookup(self._surface(run, k, n_known)[2])
                if place is None or place[1] != "PLACE":
                    return 0
                k += n_known
                continue
            if len(word) == 1 and has_body_word:
                break  # "the Ford Motor Company F announcing": its ticker ends the name
            if (
                not _is_cap(word)
                or _is_acronym(word)
                or n_known
                or self._title(run, k)
                or word in self.gaz.first_names
                or word.lower() in self.gaz.role_words
            ):
                return 0
            has_body_word = has_body_word or word in org_words
            k += 1
        if not has_body_word:
            return 0
        end = run[k - 1].end
        noun = _LOWER_WORD.match(self.text, end)
        if (
            noun is not None
            and self._modifies_noun(end)
            and not _PAST_VERB_AFTER.match(self.text, end)
            and not _NO_NOUN_AFTER.match(self.text, end)
            and noun.group(1) not in self.gaz.role_words
            and noun.group(1) not in ORG_NOUNS
        ):
            return 0  # "the White House Press Correspondence dinner", "Microsoft Exchange
            # Server mail system": a thing named; not "the Nielsen Media Research spokesman"
        return k - at

    def _inside_name(
        self, run: list[Token], i: int, n: int, pending: list[Token], person_cue: bool = False
    ) -> bool:
        """'Nathan Lyon' and 'Sofia Marchetti' are people, 'Universities UK' and 'Bank of Ghana'
        organisations, despite the known word in them; so is 'Actor Denzel Washington'."""
        known = self._lookup(self._surface(run, i, n)[2])
        if known is None:
            return False
        if known[1] in ("GROUP", "LANGUAGE"):
            return (
                self._given_name_like_group(run, i, n, pending)
                or self._surname_like_group(run, i, n, pending)
                or self._group_in_body(run, i, n, pending)
            )
        if (
            pending
            and pending[-1].text in ("of", "for", "on", "the")
            and not (
                i + n == len(run)
                and all(_is_lower(t.text) for t in pending)
                and self.text[run[-1].end : run[-1].end + 1] not in _NAME_DASHES
            )
        ):  # "Bank of Ghana", but "the President of the United States": a title cut before
            # (but "the Harvard–Smithsonian Center": a name goes on past the dash)
            return True
        if n == 1 and run[i].text in self.gaz.first_names and self._name_follows(run, i + 1):
            return True
        if not pending:
            return False
        if (
            pending[-1].text in _PARTY_NAME_OPENERS
            and n > 1
            and run[i + n - 1].text == "Party"
            and known[1] == "ORG"
        ):
            return True  # "the Social Democratic Party", "the Progressive Conservative Party":
            # a word of the party's own name before a listed one ("Democratic Party")
        if (
            len(pending) == 1
            and pending[0].text in _PLACE_NAME_OPENERS
            and known[1] == "PLACE"
            and i + n == len(run)
        ):
            return True  # "Fort Yukon", "Lake Victoria", "Mount Lebanon": the opener's place
        if len(pending) > 2 and pending[-2].text == "to" and pending[-3].text in self.gaz.org_words:
            return True  # "Global Coalition to Defeat ISIS": the aim's object ends the body's name
        if n == 1 and (
            pending[-1].text in self.gaz.first_names or (person_cue and len(pending) == 1)
        ):
            return True
        if (
            n == 1
            and i + 1 == len(run)
            and len(pending) == 2
            and pending[0].text in self.gaz.first_names
            and self._middle_name(pending[1].text)
            and not _is_acronym(run[i].text)
            and not self._surname_elsewhere(pending[1], run[i])
            and not (  # "deputy leader Julia Gillard Australia's first female deputy"
                run[i].text[-2:] in ("'s", "’s") and self._is_place(run, i, n)
            )
            and not self._modifies_noun(run[i].end)  # "Tony Blair Labour policies"
            and not _COLUMN_AFTER.match(self.text, run[i].end)
            and not _CREDIT_BEFORE.search(
                self.text, max(0, pending[0].start - 24), pending[0].start
            )
            and not self._in_name_list(pending[0].start, run[i].end)
        ):
            return True  # "Anders Fogh Rasmussen": a given name, a middle name, the surname
        if (
            n == 1
            and len(pending) > 1
            and len(pending[-1].text) == 1
            and pending[-1].text.isupper()
            and pending[-2].text in self.gaz.first_names
        ):
            return True  # "William S. Saturn", "Sam C. Jackson": a surname after an initial
        return i + n == len(run) and pending[-1].text in self.gaz.org_words

    def _middle_name(self, word: str) -> bool:
        """Whether `word` may be a person's second name: capitalised, no known name, head noun,
        title or common word ("Fogh" in "Anders Fogh Rasmussen"; not "Labour", "Airlines")."""
        gaz = self.gaz
        return (
            _is_cap(word)
            and word.isalpha()
            and word not in gaz.known
            and word not in self.heads
            and word not in gaz.org_words
            and word not in gaz.place_words
            and word not in gaz.titles
            and word.lower() not in gaz.common_words
            and word.lower() not in gaz.role_words
        )

    def _in_name_list(self, start: int, end: int) -> bool:
        """Whether the capitals text[start:end] are an item of a list of people each followed by
        a column (a club, a party, a town): after a colon line's numbered item, or beside an
        item of the same form, a given name first and a known body's or place's word last
        ("Tomas Hradek Liverpool, Marek Zelenka Chelsea"; not "Anders Fogh Rasmussen, Prime
        Minister of Denmark", "Barack Hussein Obama and Anders Fogh Rasmussen")."""
        text = self.text
        line = max(text.rfind("\n", 0, start) + 1, start - 200)
        if _LISTED_AFTER_COLON.search(text, line, start):
            return True
        for item in (
            _NEXT_ITEM.match(text, end),
            _PREVIOUS_ITEM.search(text, max(0, start - 60), start),
        ):
            if item and item.group(1) in self.gaz.first_names:
                known = self._lookup(item.group(2))
                if known is not None and known[1] in ("ORG", "PLACE"):
                    return True
        return False

    def _modifies_noun(self, end: int) -> bool:
        """Whether a lower-case word after `end` makes the capitals before it a modifier of a
        noun ("Tony Blair Labour policies"), not a verb's subject or a clause's end."""
        m = _LOWER_WORD.match(self.text, end)
        if m is None:
            return False
        word = m.group(1)
        # "A speech by Anders Fogh Rasmussen opened the summit": a verb in the past, no noun
        past = len(word) > 5 and word.endswith("ed")
        return not past and word not in SPEECH_VERBS and word not in _NAME_LINKS

    def _surname_elsewhere(self, middle: Token, known: Token) -> bool:
        """Whether the article writes `middle` elsewhere without the known word after it: the
        person's surname ("Mike Rann Labor" in a table, "Rann said"), the known word no part of
        the name."""
        text, word = self.text, middle.text
        after = " " + known.text
        at = find_alone(text, word, 0, ALNUM_EDGES)
        while at >= 0:
            if at != middle.start and not text.startswith(after, at + len(word)):
                return True
            at = find_alone(text, word, at + len(word), ALNUM_EDGES)
        return False

    def _known_word_as_given_name(self, run: list[Token], i: int) -> bool:
        """'Chelsea Staub, agreed', 'Austin Merrow … Merrow said': a place's or a club's word
        before an unknown surname ending the run is a given name when the pair or the surname
        alone is the subject of a speech verb."""
        known = self._lookup(run[i].text)
        if i + 2 != len(run) or known is None or known[1] not in ("PLACE", "ORG"):
            return False
        surname = run[i + 1]
        word = surname.text
        if (
            not word.isalpha()
            or _is_upper(word)
            or word in self.gaz.org_words
            or word.lower() in self.gaz.common_words
            or self._lookup(word) is not None
        ):
            return False
        for at in find_all(self.text, (word,)):
            end = at + len(word)
            if (at and _is_word_char(self.text[at - 1])) or (
                end < len(self.text) and _is_word_char(self.text[end])
            ):
                continue
            m = _SPEECH_VERB_AFTER.match(self.text, end)
            if m and m.group(1) in SPEECH_VERBS:
                return True
        # "Army intelligence officer Chelsea Manning": a role's lower-case word right before
        # says a person is named, whatever a list knows of the first word
        return i == 0 and self._word_before(run[0].start) in self.gaz.role_words

    def _given_name_like_group(
        self, run: list[Token], i: int, n: int, pending: list[Token]
    ) -> bool:
        """'Christian Lindner', 'Christian Pulisic': a faith's or nationality's word that is also a
        given name, opening a run's name before an unknown capitalised word, is the person's
        given name (not 'Christian Democrats', 'Christian Aid': a known word follows)."""
        return (
            n == 1
            and not pending
            and run[i].text in self.gaz.first_names
            and self._name_follows(run, i + 1)
            and not (
                i + 2 == len(run)
                and strip_possessive(run[i + 1].text) == run[i + 1].text
                and self.text[run[i + 1].end : run[i + 1].end + 1] not in ("'", "’")
                and self._modifies_noun(run[i + 1].end)
            )
        )  # but "Christian Orthodox believers": a faith's words before a noun

    def _surname_like_group(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'Hassan English', 'Ahmed al Kurd': a nationality's word ending a run after a given
        name (and a particle) is the person's surname."""
        if n != 1 or i + 1 != len(run) or not 1 <= len(pending) <= 2:
            return False
        if run[i].text.endswith("s"):
            return False
        if len(pending) == 2 and pending[1].text not in PARTICLES:
            return False  # "Ann Lee British champion": a full name, then a nationality
        if pending[0].text in self.gaz.first_names:
            return True
        return (  # "Serdar Tatar, Mohamad Shnewer and …": in a list of names
            len(pending) == 1
            and self._word_before(pending[0].start) not in _PREPOSITIONS_OF_PLACES
            and self._plain_name([pending[0].text])
            and not self._lookup(pending[0].text)
            and _AFTER_PERSON_SURNAME.match(self.text, run[i].end) is not None
        )

    def _group_opens_rest(self, run: list[Token], i: int, n: int, before: Token) -> bool:
        """'Culture and Islamic Guidance Ministry', 'Ministry of Culture and Islamic Guidance': a
        nationality's or faith's word right after "and" with more capitalised words after it, to
        the run's end, is the start of the second half of one name, no group of its own; not
        after a known name (`before`, the word before "and": "Dutch and German Police")."""
        if i + n >= len(run) or not all(_is_cap(t.text) for t in run[i + n :]):
            return False
        if self._lookup(before.text) is not None:
            return False
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "GROUP"

    def _group_in_body(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'Organization of American States', 'Society of American Archivists', 'Union for a
        Democratic Future': a nationality or party word after a body's head noun and "of"/"for"
        (and an article), with more of the name after it, is inside it; so is one after "and"
        inside a body's name ('Culture and Islamic Guidance Ministry')."""
        k = len(pending) - 1
        if (
            k > 0
            and pending[k].text in ("and", "&")
            and self._group_opens_rest(run, i, n, pending[k - 1])
            and (
                strip_possessive(run[-1].text) in self.gaz.org_words
                or any(t.text in ("of", "for") for t in pending)
            )
        ):
            return True
        if k > 1 and pending[k].text in ("a", "an", "the"):
            k -= 1
        return (
            k > 0
            and pending[k].text in ("of", "for")
            and i + n < len(run)
            and _is_cap(run[i + n].text)
            and any(strip_possessive(t.text) in self.gaz.org_words for t in pending[:k])
        )

    def _people_body(self, run: list[Token], i: int, n: int) -> int:
        """'the Lebanese Army', 'Thai News Agency', 'African National Congress': a people's
        word opening capitalised words that end in a body's head noun opens that body's name,
        no nationality of its own; the name's length in tokens, or 0."""
        if (
            n != 1
            or i + 1 >= len(run)
            or self.gaz.known.get(run[i].text) != "GROUP"
            or run[i].text in _party_words()  # "the Republican Senate" is the Senate
        ):
            return 0
        if (
            run[i + 1].text in _PEOPLES_TRADES
            and (
                i + 2 == len(run)
                or (  # "American Express and Visa"; not "European Coal and Steel Community"
                    i + 4 == len(run)
                    and run[i + 2].text == "and"
                    and run[i + 3].text not in _PEOPLES_TRADES
                    and strip_possessive(run[i + 3].text) not in self.gaz.org_words
                )
            )
            and not self._title_cased(run[i].start)
        ):
            return 2  # "British Gas", "Indian Railways": a company named by its trade; also
            # before "and" another name ("American Express and Visa"); not in a title-cased
            # headline ("Europe's Reliance On Russian Gas")
        k = i + 1
        while k < len(run):
            word = run[k].text
            n_known = self._known(run, k)
            if n_known:  # "Republican United States Senator": a place's name, no body's
                known = self._lookup(self._surface(run, k, n_known)[2])
                if known is None or known[1] not in ("ORG", "GROUP"):
                    return 0
            if strip_possessive(word) in self.gaz.org_words:
                while k + 1 < len(run) and strip_possessive(run[k + 1].text) in self.gaz.org_words:
                    k += 1  # "Thai News Agency": the head is the last of them
                # the body ends the run or a title or a known name follows it; not any name
                # ("the Thai News Agency Sondhi Limthongkul, a critic": typed as one run)
                after = k + 1
                if (
                    after == len(run)
                    or self._title(run, after)
                    or run[after].text.lower() in self.gaz.role_words
                    or self._known(run, after)
                    or self._named_alone_elsewhere(run[after:])
                ):
                    return after - i
                return 0
            if not _is_cap(word):
                return 0  # "British Prime Minister": a title, no body's name
            k += max(n_known, 1)
        return 0

    def _title_cased(self, at: int) -> bool:
        """Whether the line around `at` capitalises its words as a headline does: no lower-case
        word of four letters or more in it (within 200 characters either side)."""
        text = self.text
        start = max(text.rfind("\n", 0, at) + 1, at - 200)
        end = text.find("\n", at)
        end = min(at + 200, len(text) if end < 0 else end)
        return not any(
            len(word) > 3 and word[0].islower() and word.isalpha()
            for word in text[start:end].split()
        )

    def _named_alone_elsewhere(self, tail: list[Token]) -> bool:
        """'the Thai News Agency Sondhi Limthongkul, a critic … against Sondhi': the words
        after a body's head are a person's name of two or three words when the article writes
        its first word again on its own, no head noun among them."""
        if not 2 <= len(tail) <= 3 or any(t.text in self.heads for t in tail):
            return False
        word = tail[0].text
        if not word.isalpha() or self._lookup(word) is not None:
            return False
        at = find_alone(self.text, word, 0, LETTER_AFTER_EDGES)
        while at == tail[0].start:
            at = find_alone(self.text, word, at + 1, LETTER_AFTER_EDGES)
        return at >= 0

    def _titled_people_word(self, run: list[Token], i: int, n: int) -> bool:
        """'broadsheets, The Sydney Morning Herald and The Australian', 'a column in The
        Scotsman', 'according to The East African newspaper': a people's word alone after a
        capital "The" mid-sentence, ending the run, is a newspaper's title, no nationality
        ("the Australian" would be a person), when no lower-case word follows it but a paper's
        noun or a verb of publishing ("*The Irish fixed-line market", "The Japanese army":
        a list's or a heading's capital); before a paper's noun only a paper titled so ("…,"
        The Thai newspaper reported" describes one)."""
        the = run[i - 1]
        word = self._surface(run, i, n)[2]
        return (
            i + n == len(run)
            and the.text == "The"
            and _PAPER_WORD_AFTER.match(self.text, run[i + n - 1].end) is not None
            and not the.sentence_start
            and (
                word in _PEOPLE_WORD_PAPERS
                or _PAPER_NOUN_AFTER.match(self.text, run[i + n - 1].end) is None
            )
            and word[-1:] != "s"  # "The Greens", "The Americans": a party, a people
            and self.gaz.known.get(word) == "GROUP"
            and self.text[the.start - 1 : the.start] not in _QUOTE_MARKS
            and not self._in_heading(the.start)
        )

    def _paper_opens_sentence(self, run: list[Token]) -> bool:
        """'The Scotsman uncovers …', 'The Australian reported': "The" and a people's word alone
        opening a sentence before a verb of publishing is a newspaper (a person is said to say
        or tell, not to report or publish: "The Australian said" stays a person's words)."""
        word = run[1].text
        return (
            word[-1:] != "s"
            and self.gaz.known.get(word) == "GROUP"
            and _PUBLISHES_AFTER.match(self.text, run[1].end) is not None
        )

    def _part_of_longer_name(self, run: list[Token], i: int, n: int) -> bool:
        """'West Texas Intermediate', 'Paris Agreement': a place name inside another name (but
        "governor of Alaska Sarah Palin", "Senator from Vermont Bernie Sanders": a known first
        name and a surname follow the place)."""
        return (
            n == 1
            and self._is_place(run, i, n)
            and not self._letters_before_party(run, i)
            and self._name_follows(run, i + 1)
            and not (
                i + 2 < len(run)
                and _is_cap(run[i + 2].text)
                and (
                    (
                        self.text[max(0, run[i].start - 4) : run[i].start] in (" of ", " to ")
                        and (
                            run[i + 1].text in self.gaz.first_names
                            or self._title_before_posting(run[i].start - 4)
                        )
                    )
                    or (
                        self.text[max(0, run[i].start - 4) : run[i].start] == " in "
                        and run[i + 1].text in self.gaz.first_names
                        and self._role_before_posting(run[i].start - 4)
                    )
                    or (  # "Senator from Vermont Bernie Sanders": the seat, then its holder
                        self.text[max(0, run[i].start - 6) : run[i].start] == " from "
                        and run[i + 1].text in self.gaz.first_names
                        and (
                            self._title_before_posting(run[i].start - 6)
                            or self._role_before_posting(run[i].start - 6)
                        )
                    )
                )
            )
        )

    def _role_in_title(self, run: list[Token], i: int) -> bool:
        """Whether run[i], a known name, is a role's word after a word opening a title ("Chief
        Economist", "Senior Economist": the listed magazine's name is the officer's role)."""
        return (
            run[i].text.lower() in self.gaz.role_words and run[i - 1].text.lower() in _TITLE_OPENERS
        )

    def _letters_before_party(self, run: list[Token], i: int) -> bool:
        """Whether run[i] is a country's letters opening the rest of the run, a party's name that
        the lists do not know with them ("the UK Conservative Party", "the US Libertarian
        Party's": the country, then the party; not "UK Independence Party")."""
        return (
            run[i].text in _COUNTRY_LETTERS
            and strip_possessive(run[-1].text) == "Party"
            and len(run) - i > 2
            and self._lookup(self._surface(run, i, len(run) - i)[2]) is None
        )

    def _role_before_posting(self, at: int) -> bool:
        """'the UN representative in Burundi Carolyn McAskie': a role word right before " in "
        and a place (at `at`), so a given name after the place opens its holder's name."""
        word = self.text[max(0, at - 20) : at].rsplit(None, 1)[-1:]
        return bool(word) and word[0].lower() in self.gaz.role_words

    def _title_before_posting(self, at: int) -> bool:
        """'the US Ambassador to Iraq Zalmay Khalilzad': a title right before " to "/" of " and
        a place (at `at`), so the words after the place are its holder's name."""
        word = self.text[max(0, at - 20) : at].rsplit(None, 1)[-1:]
        return bool(word) and word[0] in self.gaz.titles

    def _people_then_leader(self, body: list[Token]) -> bool:
        """'Australian Howard', 'British Blair' before "Government": a people's adjective, then
        one word that no list knows, the leader's name (not "British Labour")."""
        known = self._lookup(body[0].text)
        word = body[1].text
        return (
            known is not None
            and known[1] in ("GROUP", "PLACE")
            and _is_cap(word)
            and not _is_upper(word)
            and word.isalpha()
            and self._plain_name([word])
            and not self._lookup(word)
        )

    def _skip_portfolio(self, run: list[Token], i: int) -> int:
        """After 'Minister', skip 'for International Affairs' or 'for the Environment' when a
        name follows it."""
        if i >= len(run) or run[i].text not in ("for", "of"):
            return i
        first = i + 1 + (i + 1 < len(run) and run[i + 1].text == "the")
        j = first
        while j < len(run) and (
            _is_cap(run[j].text)
            or (  # "for Foreign and Commonwealth Affairs David Miliband": one portfolio
                run[j].text in ("and", "&")
                and 0 < j - first <= 2  # not "of the Assembly Ann Lee and Director of …"
                and j + 1 < len(run)
                and _is_cap(run[j + 1].text)
                and run[j + 1].text not in self.gaz.first_names
                and run[j + 1].text not in self.gaz.title_first_words
            )
        ):
            j += 1
        if j - first < 3 or strip_possessive(run[j - 1].text) in self.heads:
            return i  # "Dean of UC Varden School of Law": a body, no name, after the title
        for k in range(first, j - 2):
            if run[k].text in self.gaz.first_names and _INITIAL.fullmatch(run[k + 1].text):
                # "Governor of Michigan George W. Romney", "Press Secretary for George W.
                # Bush": a given name and an initial open the name, the words before are the
                # portfolio (a place's, or none)
                if k > first and self._is_place(run, first, k - first):
                    self._add_portfolio_place(run, first, k - first)
                return k
        n = j - 2 - first
        if self._known(run, first) > n:
            return i  # "the Premier of New South Wales": one known place, no name after it
        if n and self._is_place(run, first, n):  # "First Minister of Scotland Nicola Sturgeon"
            self._add_portfolio_place(run, first, n)
        if j - first > 3 and run[j - 3].text in self.gaz.first_names:
            return j - 3  # "Minister of Information Ann Azim Khan": a given name and two more
        return j - 2

    def _add_portfolio_place(self, run: list[Token], first: int, n: int) -> None:
        """The place a title's portfolio names ("Minister of Scotland"), as the lists know it."""
        start, end, surface = self._surface(run, first, n)
        name, kind = self._lookup(surface) or (surface, "PLACE")
        cand = Candidate(start, end, surface, n, kind, 3)
        cand.display = name if name != surface else None
        self.candidates.append(cand)

    def _possessive_opens_name(self, tok: Token) -> bool:
        """'London's Webber Academy': a place's "'s" right before another capitalised name owns
        that name, so the place ends no body's name before it ("the University of Birmingham
        and London's Webber Academy" are two; "… of New York and New Jersey's chief" is one)."""
        text = self.text
        return (
            tok.text[-2:] in ("'s", "’s")
            and text[tok.end : tok.end + 1] == " "
            and text[tok.end + 1 : tok.end + 2].isupper()
        )

    def _joins(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        if not pending or i + 1 >= len(run):
            return False
        word = run[i].text
        heads = self.heads
        if word == "on":  # "Committee on Foreign Affairs", "Convention on Climate Change"
            return pending[-1].text in self.gaz.org_words and not _HAS_DIGIT.search(
                run[i + 1].text
            )  # (not "the Kennedy Space Center on STS-1": a mission, a flight, a road)
        if word in ("of", "for"):
            if run[i + 1].text in self.gaz.first_names:
                return False
            if (
                word == "of"
                and i + 3 == len(run)
                and len(pending) > 1
                and run[i + 1].text == "the"
                and _is_acronym(run[i + 2].text)
            ):
                return False  # "the Central Election Commission of the ROC", "Mysore Division of
                # the SWR": a body's own name, then the letters of the country or the body it
                # belongs to, named apart (one word before "of" is no name: "Bank of the USA")
            if word == "for" and self._people_for_cause(run, i, pending):
                return True  # "Veterans for Peace", "Women for America First"
            if (
                word == "of"
                and (len(pending) > 1 or pending[0].text in _PORTFOLIO_TITLES)
                and pending[-1].text in heads
                and self._second_body_after_of(run, i, pending)
            ):
                return False  # "the Army Council of the Provisional Irish Republican Army": a
                # body of its own (its own head noun) that belongs to another; "Commissioner of
                # the Erie County Health Department": an officer's title, then the body
            if pending[-1].text in heads or any(t.text in ("of", "for") for t in pending):
                return True
            if (
                word == "of"
                and pending[-1].text == "House"
                and (run[i + 1].text.endswith("s") or run[i + 1].text in self.gaz.org_words)
            ):
                return True  # "House of Councillors", "House of Assembly": a chamber
            if word == "for" and self._for_cause_body(run, i, pending):
                return True
            # "International Committee on Taxonomy of Viruses" (but "… on Trade of New York")
            return any(t.text == "on" for t in pending) and not self._known(run, i + 1)
        right: list[Token] = []
        joined = any(t.text in ("of", "for", "on") for t in pending)
        for k in range(i + 1, len(run)):
            t = run[k]
            if _is_lower(t.text):
                break
            if (
                joined
                and right
                and 2 <= len(run) - k - 1 <= 3
                and self._officer_title(t.text)
                and not any(_is_lower(u.text) for u in run[k + 1 :])
            ):
                break  # "Office of Science and Technology Policy Director John Holdren": the
                # body's name ends before its officer's title and name
            right.append(t)
        if not right:
            return False
        n_known = self._known(run, i + 1)
        if n_known and self._group_opens_rest(run, i + 1, n_known, pending[-1]):
            n_known = 0  # "Ministry of Culture and Islamic Guidance": a faith's word opens the rest
        if n_known:
            # "Port Authority of New York and New Jersey": one body named after two places
            return (
                joined
                and word == "and"
                and i + 1 + n_known == len(run)
                and self._is_place(run, i + 1, n_known)
                and any(
                    self._is_place(pending, len(pending) - k, k)
                    for k in (1, 2, 3)
                    if k < len(pending)
                )
                and not self._possessive_opens_name(run[-1])
            )
        if word == "&":
            return len(right) <= 3  # "Marks & Spencer": an ampersand between capitals joins a name
        if len(pending) == 1 and len(pending[0].text) > 2 and _is_acronym(pending[0].text):
            return False  # "SCIRI and BADR Corps", "the DOD and Department of Homeland Security":
            # a body's letters, then another body (no name opens with letters and "and")
        if joined and (self._opens_second_body(run, i + 1) or _is_acronym(right[0].text)):
            return False  # "University of Kelmouth and Centre for Marine Studies", "University
            # of Bristol and UC Davis", "the Department of Energy and KELCO": two bodies
        if (
            joined
            and len(right) >= 2
            and pending[0].text in _INSTITUTION_HEADS
            and strip_possessive(right[-1].text) in _INSTITUTION_HEADS
        ):
            return False  # "University of Michigan and Columbia University": a body's head
            # noun opens the name and another ends the words after "and": two institutions
        if joined and len(right) == 2 and right[0].text in self.gaz.first_names:
            return False  # "University of Kelmouth and Ann Lee of Acme": a person, not a body
        if joined:
            # "Committee for Domestic and External Security Coordination": an adjective right
            # after "of"/"for" ends no name, the words after "and" finish it
            return len(right) <= 2 or (
                len(right) <= 4
                and len(pending) > 1
                and pending[-2].text in ("of", "for")
                and pending[-1].text.endswith(_ADJECTIVE_ENDINGS)
            )
        if (
            word == "and"
            and len(pending) == 1
            and len(right) == 1
            and i + 2 == len(run)
            and pending[0].text not in self.gaz.first_names
            and (
                _OFFICER_AFTER.match(self.text, right[0].end) is not None
                or _STAFF_AFTER.match(self.text, right[0].end) is not None
            )
        ):
            return True  # "Globe and Mail columnist Jane Taber": one employer before one of
            # its staff named (two would take the plural: "Acme and Brightwell analysts")
        # "American Airlines and JetBlue" are two; "University and College Union" (a head noun
        # alone before "and" names nothing by itself) is one
        if len(pending) > 1 and pending[0].text in self.gaz.first_names:
            return False  # "Randy Leonard and Multnomah County district attorney …": two
        if word == "and" and self._names_a_body(pending):
            return False  # "Bell Helicopter and Textron Systems", "the FBI and Justice
            # Department": a body the lists know, then another
        last = right[-1].text  # "Food and Agriculture Organization's chief": its possessive
        if "'" in last or "’" in last:
            last = strip_possessive(last)
        if last not in heads or (
            pending[-1].text in heads
            and len(pending) > 1
            and not (
                len(right) == 2
                and right[0].text in self.gaz.org_words
                and last in self.gaz.org_words
            )
        ):  # (but "Australian Securities and Investments Commission": two fields of one
            # body, each a body's word, before its head)
            return False
        if len(pending) == 1 and self.text[pending[0].start - 2 : pending[0].start] == ", ":
            self.comma_listed = True  # "the Construction, Forestry, Mining and Energy Union"
        return True

    def _names_a_body(self, words: list[Token]) -> bool:
        """Whether `words` (from "the" on, if it opens them) are the whole name of a known
        organisation."""
        if words[0].text in ("the", "The"):
            words = words[1:]
        if not words:
            return False
        known = self._lookup(self.text[words[0].start : words[-1].end])
        return known is not None and known[1] == "ORG"

    def _officer_title(self, word: str) -> bool:
        """Whether `word` is a title or role an officer of a body is named by ("Director")."""
        return word in self.gaz.titles or word.lower() in self.gaz.role_words

    def _second_body_after_of(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        """Whether the words after the "of" at run[i] name a second body: capitalised words
        (after "the") to the run's end ending in a body's head noun, no known place ("Central
        Bank of the Russian Federation" is one bank), after a first body of two words or more
        with no "of"/"for" of its own (pending)."""
        if strip_possessive(run[-1].text) not in self.heads:
            return False  # (the cheapest test first: most runs end in no head noun)
        the = i + 1 < len(run) and run[i + 1].text == "the"
        j = i + 1 + the
        right = run[j:]
        if len(right) < 2 or not all(_is_cap(t.text) for t in right):
            return False
        if any(t.text in ("of", "for", "and", "&") for t in pending):
            return False
        n = self._known(run, j)
        if n and self._is_place(run, j, n):
            return False
        # with no "the", words ending in a body's word name its field ("the Australian Council
        # of Social Service", "Bureau of Mediation Services") unless a known name opens them
        # or a named body's head ends them ("Glendon College of York University"); a place's
        # head is a place ("25th Marine Regiment of Brook Park")
        last = strip_possessive(run[-1].text)
        return the or n > 0 or last not in self.gaz.org_words or last in _NAMED_BODY_HEADS

    def _people_for_cause(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        """'Veterans for Peace', 'Women for America First': one word naming people in the
        plural, "for" (run[i]) and up to four capitalised words ending the run name one body."""
        rest = run[i + 1 :]
        return (
            len(pending) == 1
            and 0 < len(rest) <= 4
            and _is_cap(rest[0].text)
            and _is_cap(rest[-1].text)
            and all(_is_cap(t.text) or t.text in ("of", "and", "the") for t in rest)
            and _people_plural(pending[0].text, self.gaz)
            and not self.text.startswith(" to ", rest[-1].end)  # "asked Afghans for NATO to"
        )

    def _for_cause_body(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        """'the Cinema for Peace Foundation', 'Americans for Prosperity Foundation': one word (no
        known name but a people's), "for" and a cause ending in a body's head noun name one body
        (run[i] is the "for")."""
        first = pending[0]
        if len(pending) != 1 or first.sentence_start or first.text in self.gaz.first_names:
            return False
        right = []
        for t in run[i + 1 : i + 5]:
            if _is_lower(t.text):
                break
            right.append(t)
        return (
            0 < len(right) <= 3
            and strip_possessive(right[-1].text) in self.gaz.org_words
            and (i + 1 + len(right) == len(run) or _is_lower(run[i + 1 + len(right)].text))
            and (self._lookup(first.text) or ("", "GROUP"))[1] == "GROUP"  # "Americans for …"
        )

    def _opens_second_body(self, run: list[Token], i: int) -> bool:
        """Whether run[i] opens a name of its own: a head noun followed by "of" or "for"."""
        return (
            run[i].text in self.gaz.org_words
            and i + 1 < len(run)
            and run[i + 1].text in ("of", "for")
        )

    def _add_known(self, run: list[Token], i: int, n: int, suffix_cue: str | None) -> None:
        start, end, surface = self._surface(run, i, n)
        name, kind = self._lookup(surface) or (surface, "PLACE")
        if (
            kind in ("GROUP", "ORG")
            and self.text.startswith(" part", end)
            and self.text.startswith((" party", " parties"), end)
            and (name in _party_words() or name in _PARTY_ORG_WORDS)
        ):
            if self.text.startswith(" party", end) and not self.text[end + 6 : end + 7].isalpha():
                # "the Liberal party", "the Labor party": a party named by its word, as written,
                # with its small "party" (not its people, nor the word alone); a party's own
                # name before it is the name alone ("the Likud party": Likud, as the sets write)
                cand = Candidate(start, end + 6, surface + " party", n + 1, "ORG", 3)
                if name != surface:
                    cand.display = name + " party"
                self.candidates.append(cand)
                return
            if kind == "GROUP":
                return  # "the Liberal and Conservative parties": no people
        if (
            kind == "ORG"
            and name in _SEATS
            and _AT_PLACE.search(self.text, max(0, start - 12), start)
        ):
            kind = "PLACE"  # "a trip to the White House", but "the White House said"
        if (
            n == 1
            and kind in ("PLACE", "ORG")
            and (
                (
                    _AGE_AFTER.match(self.text, end)
                    and name not in countries_and_divisions()
                    and not _COUNT_BEFORE.search(self.text, max(0, start - 12), start)
                )
                or (  # (its match ends with the space before the name: asked only then, and
                    # after the two characters that end one of its words: "Mr", "rs", "s." …)
                    self.text[start - 1 : start] == " "
                    and self.text[start - 3 : start - 1] in _HONORIFIC_ENDS
                    and _HONORIFIC_BEFORE.search(self.text, max(0, start - 6), start)
                )
            )
        ):  # "Hamilton, 38, is a seven-time champion", "Mr. Everest said": a person's own
            # (a country's or state's count is a table's: "Germany, 12, leads": review r39 A1b)
            self.candidates.append(Candidate(start, end, surface, n, "PERSON", 2))  # evidence
            return  # beats a list's place or body (no place has an age, nor a "Mr.")
        if n == 1 and kind == "PLACE" and name == surface and self._firm_named_like_place(surface):
            kind = "ORG"  # "Orinoco's shareholders … sales at Orinoco": a company named like a
            # listed place, at every mention (local evidence beats the list)
        cand = Candidate(start, end, surface, n, kind, 3)
        if name != surface:
            cand.display = name
        if n == 1 and kind != "PERSON":
            after = first_word_in(self.text, end, end + 16)
            cand.speaks = (
                after != "" and after.rstrip(".,;") in SPEECH_VERBS
            ) or self._speech_verb_before(start, end)  # "Jordan said.", "“…,” said Redmond": local
            # evidence
        self.candidates.append(cand)

    def _speech_verb_before(self, start: int, end: int) -> bool:
        """'“…,” said Redmond', '“…” added Houston', 'according to Lagos,': a verb of saying
        right after a quote's close, or "according to" and the name alone before a comma or a
        stop (not "according to Iranian officials"), before the name at `start`. Read in place:
        the 20 characters before it, their last space and the word after it, as
        `text[start-20:start][:-1].rpartition(" ")` cuts them, without the window's copies."""
        text = self.text
        if text[start - 1 : start] != " ":  # (start 0: no window, no space)
            return False
        if start >= 13 and text[start - 13 : start] in _ACCORDING_TO:
            return text[end : end + 1] in (",", ".")
        lo = max(0, start - 20)
        space = text.rfind(" ", lo, start - 1)  # the verb's space
        return (
            space > lo
            and text[space - 1 : space] in _QUOTE_ENDS
            and text[space + 1 : start - 1] in SPEECH_VERBS
        )

    def _flush(self, pending: list[Token], person_cue: bool, suffix_cue: str | None) -> None:
        if len(pending) == 1:  # one word, the commonest: only the trims and checks for one word
            first = pending[0]
            if _is_lower(first.text) or first.text == "&" or first.text == "The":
                return  # (a lone "The": a title's article cut from a known name after it)
            if first.text in POST_NOMINALS and self.text[first.start - 2 : first.start] == ", ":
                return  # "Mark Tedeschi, QC, said": letters after a name, no one's name
        else:
            while pending and (_is_lower(pending[-1].text) or pending[-1].text == "&"):
                pending = pending[:-1]
            if (
                len(pending) > 1
                and "-" in pending[-1].text
                and _MODIFIER_TAIL.fullmatch(pending[-1].text)
                and _LOWER_WORD_AFTER.match(self.text, pending[-1].end)
            ):  # "the Voice of Russia English-language web site": a modifier of the noun
                # after it, no word of the name
                pending = pending[:-1]
            while pending and (
                _is_lower(pending[0].text)
                or (
                    pending[0].text.lower() in _TITLE_FUNCTION_WORDS
                    and len(pending) > 1
                    and (pending[0].text != "The" or pending[0].sentence_start)
                )
            ):
                pending = pending[1:]
            if (
                len(pending) > 1
                and len(pending[-1].text) == 1
                and _GRADE_LETTER_NOUN.match(self.text, pending[-1].start)
            ):
                pending = pending[:-1]  # "the Sunshine Coast Rugby Union A grade", "Group A
                # matches": a grade's or a group's letter before its noun is no part of a name
            while (
                len(pending) > 1
                and pending[0].text in _WEEKDAYS
                and not self._weekday_paper(pending)
            ):
                pending = pending[1:]  # "on Tuesday Mitsotakis met": the day is no part of the name
            if len(pending) > 1 and pending[0].text in _MONTHS and self._month_is_a_date(pending):
                pending = pending[1:]  # "In August William Delahunt met": the month is no name
            if len(pending) > 1 and self._date_ends(pending):
                pending = pending[:-1]  # "said Ann Orrow Saturday", "near Jamestown May 11":
                # the day or the date after a name is no part of it
                while len(pending) > 1 and pending[-1].text.lower() in _TITLE_FUNCTION_WORDS:
                    pending = pending[:-1]  # "… of Ann Orrow On November 5": a heading's
            if not pending:
                return
            if (
                len(pending) > 1  # ("IN AUGUST, THE Government said": "Government" alone)
                and strip_possessive(pending[-1].text) == "Government"
                and pending[-2].text not in _TITLE_FUNCTION_WORDS
            ):
                # "the Australian Government", "the UK Government's": a country's or a
                # state's government, capitalised, is a body of its own (the sets annotated
                # since rules-15 name it so); "the Howard Government" is its leader's
                body = pending[:-1]
                named = body
                while len(named) > 1 and named[-1].text in _BODY_LEVELS:
                    named = named[:-1]  # "the Australian Federal Government", "the Kurdistan
                    # Regional Government": the country's, at its level
                known = self._lookup(self.text[named[0].start : named[-1].end])
                if named is not body and (known is None or known[1] not in ("PLACE", "GROUP")):
                    known = self._lookup(self.text[body[0].start : body[-1].end])
                kind = known[1] if known else None
                if kind is None and len(body) > 1 and body[0].text in COMPASS:
                    rest = self._lookup(self.text[body[1].start : body[-1].end])
                    kind = rest[1] if rest else None  # "the Western Australian Government"
                if kind in ("PLACE", "GROUP") and not _ASIDE_THEN_NAME.match(
                    self.text, pending[-1].end
                ):  # but "the Japanese Government (Mombusho) Scholarship": a longer name's words
                    start, end, surface = self._surface(pending, 0, len(pending))
                    self.candidates.append(Candidate(start, end, surface, len(pending), "ORG", 2))
                elif known:
                    self._add_known(body, 0, len(body), None)
                elif len(body) == 2 and self._people_then_leader(body):
                    self._add_known(body, 0, 1, None)  # "the Australian Howard Government":
                    self._flush(body[1:], True, None)  # the nation's, and its leader's
                else:
                    first = body[0]
                    leader = len(body) == 1 and self._leader_of_term(
                        [first.text],
                        first.text,
                        first.start,
                        self.text[first.end : first.end + 40].lower(),
                    )  # "the Howard Government": as "the Howard government", its leader
                    self._flush(body, leader, None)
                return
            while (
                len(pending) > 1
                and pending[-1].text.lower() in self.gaz.role_words
                and pending[-2].text not in ("of", "for", "the", "and")
                and not (
                    len(pending) > 2
                    and pending[-3].text in ("of", "for", "and")
                    and pending[-2].text.endswith(_ADJECTIVE_ENDINGS)
                )
                and any(strip_possessive(t.text) in self.gaz.org_words for t in pending[:-1])
            ):
                pending = pending[:-1]  # "the State Department Spokesperson": the body, then a role
                # (but "Centre for Social Justice": an adjective after "for" and the role word
                # are the cause the body is for; "Museum of Flight CEO" is its officer)
            if (
                len(pending) == 1
                and pending[0].text in POST_NOMINALS
                and self.text[pending[0].start - 2 : pending[0].start] == ", "
            ):
                return  # "Mark Tedeschi, QC, said": letters after a name, no one's name
            if len(pending) >= 3 and self._occupation_before_person(pending):
                pending, person_cue = pending[1:], True  # "Ranger Ann Lee", "Co-author Ann Lee"
            split = self._person_at_end(pending) if len(pending) >= 3 else 0
            if split:  # "Kelmouth County Attorney John Reid": the body, then its officer
                body = pending[:split]
                roles = len(body)
                while body and body[-1].text.lower() in self.gaz.role_words:
                    body = body[:-1]
                while len(body) < roles and body and body[-1].text.lower() in _TITLE_QUALIFIERS:
                    body = body[:-1]  # "Algebra Capital Managing Director Dino Kronfol": the
                    # words that open the officer's title are not the firm's
                if body and len(body) <= 2 and body[-1].text in _OFFICE_PAPER_HEADS:
                    body = []  # "Examiner Jane Lowe", "Medical Examiner Jane Lowe": her office
                self._flush(body, False, None)
                pending, person_cue, suffix_cue = pending[split:], True, None
        start, end, surface = self._surface(pending, 0, len(pending))
        words = len(pending)
        if words == 1 and "." in surface:
            title, _, surname = surface.partition(".")
            if title in _GLUED_TITLES and _is_cap(surname) and "." not in surname:
                # "Mr.Bush said": a title glued to the surname, no space between
                start, surface, person_cue = start + len(title) + 1, surname, True
        if words > 2 and pending[-1].text in _GENERATION_WORDS and self.text[end : end + 1] == ".":
            end += 1  # "Ann Lee Jr. said": the suffix's full stop is the name's, "said" follows
            surface = self.text[start:end]
        if words == 1 and len(surface) == 1:
            cand = Candidate(start, end, surface, 1)
            if self._platform_cue(start, end):
                cand.type, cand.strength = "ORG", 2
                self.candidates.append(cand)
            return
        cand = Candidate(start, end, surface, words, sentence_start=pending[0].sentence_start)
        cand.type, cand.strength = self._type_of(
            pending, surface, person_cue, suffix_cue, start, end
        )
        if cand.type is None and (tier := tier_type(surface)) is not None:
            if tier == "ORG":
                if not self._a_thing(surface):
                    cand.type, cand.strength = "ORG", 1  # a listed company or news body
            elif self._may_be_town(surface):
                cand.type, cand.strength = "PLACE", 1  # a town of GeoNames
            elif self._side_of_scored_result(surface):
                cand.type, cand.strength = "ORG", 1  # "Caloundra defeated Wynnum 45 points
                # to 24": a club named after its town
        self.candidates.append(cand)

    def _a_thing(self, name: str) -> bool:
        """Whether the article counts `name` somewhere ("a Nano", "an Airbus"): a product
        called after its maker, or a thing, not the company its list knows."""
        return counts_name(self.text, name)

    def _may_be_town(self, name: str) -> bool:
        """Whether the article lets `name`, a town of the GeoNames list, be the town: not when
        it has an article ("the Monchegorsk", a ship), is part of a longer name ("Blenheim
        Palace", "Space Shuttle Atlantis": the name's short form), or is a side of a result
        ("Caloundra defeated Wynnum": a club named after its town). Only the name's own
        places in the text are read (a search of the whole text for each name cost 1 %)."""
        text = self.text
        at = find_alone(text, name, 0, ALNUM_EDGES)
        while at >= 0:
            end = at + len(name)
            if _TOWN_AFTER.match(text, end) or _TOWN_BEFORE.search(text, max(0, at - 40), at):
                return False
            at = find_alone(text, name, end, ALNUM_EDGES)
        return True

    def _side_of_scored_result(self, name: str) -> bool:
        """Whether `name`, a town of the GeoNames list that the article does not let be the
        town, is a side of a game's result with its score ("Maroochydore defeated Caboolture
        43–5", "Caloundra defeated Wynnum 45 points to 24"): a club named after its town (not
        "Lincoln defeated Douglas in 1858"). Asked once a name (each of its mentions asks)."""
        known = self.result_sides.get(name)
        if known is not None:
            return known
        text = self.text
        side = False
        at = find_alone(text, name, 0, ALNUM_EDGES)
        while at >= 0 and not side:
            end = at + len(name)
            verb = _RESULT_AFTER.match(text, end)
            if verb is not None:
                side = _SCORE.search(text, verb.end(), verb.end() + 40) is not None
            else:
                side = bool(_RESULT_BEFORE.search(text, max(0, at - 20), at)) and bool(
                    _SCORE.match(text, end)
                )
            at = find_alone(text, name, end, ALNUM_EDGES)
        self.result_sides[name] = side
        return side

    def _month_is_a_date(self, pending: list[Token]) -> bool:
        """Whether the month opening a run is a date's, not a name's word: after a word that
        makes it one ("In August William Delahunt met", "In June Nanjing Automobile bid", "On
        21 March Veja published"); after "by" or "from" ("a song by June Tabor") only before a
        given name and more."""
        before = self._word_before(pending[0].start)
        if before in _MONTH_DATE_WORDS or before.isdigit():
            return True
        return (
            len(pending) > 2
            and pending[1].text in self.gaz.first_names
            and before in _MONTH_PREPOSITIONS
        )

    def _date_ends(self, pending: list[Token]) -> bool:
        """Whether the last word of a run is a date's, not the name's: a weekday after a
        name's word ("Ann Orrow Saturday"; not "Good Friday", "Easter Sunday", "Mail on
        Sunday": a day's own name), or a month before a day's number ("Jamestown May 11"; not
        "Theresa May 10", a given name's surname)."""
        last = pending[-1].text
        word = pending[-2].text
        if last in _WEEKDAYS:
            return word not in _DAY_NAMERS and word.lower() not in self.gaz.common_words
        return (
            last in _MONTHS
            and _DAY_NUMBER.match(self.text, pending[-1].end) is not None
            and not (len(pending) == 2 and word in self.gaz.first_names)
        )

    def _word_before(self, start: int) -> str:
        """The word right before `start`, in lower case ("" at the text's start)."""
        words = self.text[max(0, start - 12) : start].split()
        return words[-1].lower() if words else ""

    def _occupation_before_person(self, pending: list[Token]) -> bool:
        """'Ranger Ann Lee said', 'and Co-author Ann Lee', 'and CEO Ann Lee': a role word, or
        an unknown word opening the sentence, before a known first name and one or two more
        capitalised words is the person's occupation, not part of the name."""
        if not 3 <= len(pending) <= 4:
            return False
        first, rest = pending[0], pending[1:]
        word = strip_possessive(first.text)
        lower = word.lower()
        if (
            word in self.gaz.first_names
            or word in self.heads
            or any(not _is_cap(t.text) or strip_possessive(t.text) in self.heads for t in rest)
            or any("." in t.text for t in rest)  # "Edward Snowden.Image: …", a caption
            or self._lookup(word)
        ):
            return False
        roles = self.gaz.role_words
        if lower in roles or lower.rsplit("-", 1)[-1] in roles:
            return rest[0].text in self.gaz.first_names or not any(
                self._lookup(t.text) or t.text.lower() in self.gaz.common_words for t in rest
            )
        return (
            first.sentence_start
            and rest[0].text in self.gaz.first_names
            # "Ranger Ann Lee", "Born Ann Lee": not "Noordin Mohammad Top", named so again
            and (lower.endswith(_AGENT_ENDINGS) or self.text.count(word) == 1)
            and lower not in self.lower_seen
        )

    def _person_at_end(self, pending: list[Token]) -> int:
        """Where a person's name (a known first name and one more word) ends a longer run that
        names a body and a role before it ("Royal Society Research Fellow Ann Lee"); 0 if not."""
        if len(pending) < 3:
            return 0
        first, last, before = pending[-2], pending[-1], pending[:-2]
        role = before[-1].text.lower()
        if (
            (
                first.text not in self.gaz.first_names
                and not self._unknown_name_after_role(pending)
                and not self._unknown_name_after_body(pending)
            )
            or before[-1].text in self.gaz.first_names
            or not _is_cap(last.text)
            or strip_possessive(last.text) in self.heads
            or self._lookup(strip_possessive(last.text))
            or _is_lower(before[-1].text)
        ):
            return 0
        if (
            role in self.gaz.role_words
            or role.rstrip("s") in self.gaz.role_words
            or any(t.text in self.heads for t in before)
            or self._after_office_of(pending[0].start)
        ):
            return len(pending) - 2
        return 0

    def _unknown_name_after_role(self, pending: list[Token]) -> bool:
        """'Minetest CEO Perttu Ahola': two plain capitalised words no list knows, after a role
        word that follows a name, are a person's name (whose first name the list lacks)."""
        role, first, last = pending[-3].text, pending[-2].text, pending[-1].text
        return (
            len(pending) >= 4
            and (
                role.lower() in self.gaz.role_words
                or (
                    role in self.gaz.org_words
                    # "the Commission on International Religious Freedom said": a body's word
                    # right after its "of"/"on"/"for" opens what the body is of, and the
                    # capitalised words after it finish that, no officer's name
                    and pending[-4].text not in CONNECTORS
                    and self._clause_goes_on(pending[-1].end)
                )
            )
            and all(
                w[1:].islower()
                and w not in self.heads
                and w.lower() not in self.gaz.common_words
                and not self._lookup(w)
                for w in (first, strip_possessive(last))
            )
        )

    def _clause_goes_on(self, end: int) -> bool:
        """Whether a past or speech verb, or a comma and a description, follows `end`: 'the
        Foreign Policy Commission Kazem Jalali dismissed …', 'the News Agency Ann Orrow, a
        critic of …' (a body's head noun, then its officer); not 'the Visitor Complex following'."""
        after = _VERB_OR_APPOSITION_AFTER.match(self.text, end)
        return after is not None and (
            after.group(1) is None
            or after.group(1).endswith("ed")
            or after.group(1) in SPEECH_VERBS
        )

    def _unknown_name_after_body(self, pending: list[Token]) -> bool:
        """'the attorney for the Eastern District of Kelmouth Ann Orrow': two plain words no
        list knows, after a known name that an office's "of"/"for" opens, are its officer's
        name."""
        first, last, body = pending[-2].text, strip_possessive(pending[-1].text), pending[:-2]
        if not self._plain_name([first, last]) or self._lookup(first) or self._lookup(last):
            return False
        if any(not _is_cap(w) or "." in w for w in (first, last)):
            return False
        return self._after_office_of(pending[0].start) and any(
            self._lookup(self._surface(body, len(body) - n, n)[2])
            for n in (1, 2, 3)
            if n <= len(body)
        )

    def _after_office_of(self, start: int) -> bool:
        """Whether "Director of", "the chair of the", "spokesperson for the" comes right before
        `start`: the run after it names a body, and a person named at its end holds that office
        ("Director of National Intelligence Ann Lee")."""
        words = self.text[max(0, start - 40) : start].split()
        if words and words[-1] == "the":
            words.pop()
        if len(words) < 2 or words[-1] not in ("of", "for"):
            return False
        office = words[-2]
        return office.lower() in self.gaz.role_words or office in self.gaz.titles
