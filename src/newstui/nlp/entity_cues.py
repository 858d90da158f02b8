"""The context cues the entity scan reads around a name: word lists and patterns of speech, media, roles,
deals, places, products, storms, roads and tickers, and the small tests built on them."""

from __future__ import annotations

import re
from typing import Final

from newstui.nlp.entity_words import (
    _START,
    CALENDAR,
    CONNECTORS,
    ORG_NOUNS,
    PLACE_NOUNS,
    SPEECH_VERBS,
    WEEKDAYS,
    Candidate,
    _is_acronym,
    _is_lower,
)
from newstui.nlp.gazetteer import Gazetteer
from newstui.nlp.names import strip_possessive
from newstui.nlp.segment import OpeningGuard, Token, find_all, matches_at, paragraph_spans

# ", who", ", 54,", ", a former minister", ", Gaza's deputy health minister": what follows a
# person's name.
_PRONOUN_SPEAKS: Final = re.compile(
    r"\b(?:[Ss]he|[Hh]e) (?:said|says|added|told|explained|stated)\b"
)
_SPEECH_VERB_AFTER: Final = re.compile(r",? (?:also |later )?([a-z]+)\b")
_PERSON_AFTER: Final = re.compile(
    r",? (?:who|whose|\d{1,3},)|, (?:(?:a|an|the|your|our|his|her|their|also) |[A-Z][\w-]*['’]s )?"
    r"((?:[\w-]+ ){0,3}[\w-]+)"
)
_OWN_S: Final = ("'s", "’s")
# What follows a business's own "'s" but never a possessive: a verb, a stop, a comma.
_OWN_POSSESSIVE_AFTER: Final = re.compile(
    r"(?:[,.;)]| (?:said|says|announced|reported|stated|added|confirmed|declined|will|would|"
    r"plans|planned|opened|closed|employs|sells|sold)\b)"
)
# What only an organisation has: "Quorvex's chief executive", "Quorvex's shares".
_ORG_POSSESSION: Final = re.compile(
    r"['’]s (?:chief executive|chief financial officer|chief operating officer|ceo|cfo|"
    r"chairman|chairwoman|board|shares|stock|share price|headquarters|shareholders|"
    r"subsidiary|revenue|revenues|profits?|sales|customers|website|app|co-founder|"
    r"editor-in-chief|editorial director|managing director|executive director|"
    # a business's own with up to two words before ("Telstra's 2G GSM network", "Acme's new
    # factory", "Acme's 3,000 employees")
    r"(?:[\w,.-]+ ){0,2}(?:network|factory|factories|plant|stores|employees|workforce|"
    r"subsidiaries|products|brands|shareholders))\b",
    re.IGNORECASE,
)
# What only a company has after its "'s", even one named like a listed place ("Amazon's
# shareholders", "Orinoco's chief financial officer"): a place has none of them (a place's
# "chief executive" is Hong Kong's head of government, so that one is asked of towns only).
_FIRM_ONLY_POSSESSION: Final = re.compile(
    r"['’]s (?:(?:ceo|cfo|chief financial officer|chief operating officer|share price|"
    r"stock price|shareholders|subsidiary|subsidiaries|co-founder|market value)\b|"
    r"(?P<chief>chief executive)\b)",
    re.IGNORECASE,
)
# An outlet or journal: "published on Monday in X", "in an interview with X", "X reported".
_MEDIA_VERBS: Final = frozenset("reported reports broadcast published".split())
_MEDIA_BEFORE: Final = frozenset(
    (
        ("interview", "with"),
        ("writing", "in"),
        ("appeared", "in"),
        ("reported", "by"),
        # "Keo was quoted as saying by Deutsche Presse-Agentur", "as quoted by Kelmar Vesti"
        ("saying", "by"),
        ("quoted", "by"),
    )
)
# What an outlet does to what it prints, before "by the" and a name of two words or more:
# "described by the Daily Hive as", "documents obtained by the Austin American-Statesman"
# (nobody is "the" Ann Lee; a one-word name there is no outlet: "obtained by the Guardian"
# is typed by its list, "described by the Pope" is no name).
_MEDIA_BY_THE: Final = frozenset(
    "reported published quoted obtained described cited broadcast aired revealed".split()
)


# Whom only a body employs, after its name: "Border Patrol agents", "Kelmar Vesti officials".
_STAFF_OF_BODIES: Final = frozenset(
    "agents officers officials troopers inspectors investigators staffers".split()
)
# "Flight Global is reporting that", "Kelmar Vesti has reported": an auxiliary, then reporting.
_AUXILIARIES: Final = frozenset("is was has had".split())
_REPORTING_AFTER: Final = re.compile(
    r" (?:(?:is|was) (?:also )?reporting|(?:has|had) (?:also )?reported)\b"
)  # (not "is reported to": passive, the one reported on)


_PUBLISHED_WHEN: Final = frozenset(
    "on this last earlier later the online today yesterday week month year".split()
)
_MEDIA_LAST: Final = frozenset(second for _, second in _MEDIA_BEFORE) | {
    "in"
}  # how _media_before ends


def _media_by_the(before: list[str]) -> bool:
    """Whether "reported by the", "obtained by the", … (_MEDIA_BY_THE) ends `before`."""
    return (
        len(before) >= 3
        and before[-1] == "the"
        and before[-2] == "by"
        and before[-3] in _MEDIA_BY_THE
    )


def _media_before(before: list[str]) -> bool:
    if not before or before[-1] not in _MEDIA_LAST:
        return False  # the commonest answer, without making a tuple
    if tuple(before[-2:]) in _MEDIA_BEFORE:
        return True
    if before[-1] != "in" or "published" not in before[-7:-1]:
        return False
    k = len(before) - 1 - before[-7:-1][::-1].index("published") - 1
    # "published on Wednesday in PLoS One", "published earlier this month in …": only the
    # time of publication between (not "published by police in Kelmouth")
    return all(
        w in _PUBLISHED_WHEN or w[:1].isdigit() or w.title() in CALENDAR for w in before[k + 1 : -1]
    )


# Buildings that also name the body inside them: a place after "to", "at", "in", else the body.
_SEATS: Final = frozenset(
    "White House|Kremlin|Pentagon|Whitehall|Downing Street|10 Downing Street|Elysee Palace|"
    "Élysée Palace|Blue House|"
    "Zhongnanhai|Quai d'Orsay|Capitol|Capitol Hill".split("|")
)
_AT_PLACE: Final = re.compile(
    r"\b(?:to|at|in|inside|outside|near|into|from|on|of) (?:the )?$", re.IGNORECASE
)
# ", Liberal)", ", Labor)": a party's word closing a member's brackets after their seat.
_PARTY_CLOSES: Final = re.compile(r", ([A-Z][a-z]+)\)")
# Right after a name, where its capitalised run ends (not " and Investigations", " Finland":
# a longer name cut there).
_RUN_ENDS: Final = re.compile(r"(?:[,;:.)]|['’]s\s+(?![A-Z])|\s+(?!and [A-Z]|of [A-Z]|[A-Z])|$)")
_HELD: Final = frozenset("shares stake stakes stock".split())
# How the names of occupations end ("ranger", "sculptor", "florist", "mechanic", "attendant").
_AGENT_ENDINGS: Final = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ic", "ee", "eer")
# "Quorvex boss Ann Lee", "Quorvex founder Ann Lee": an officer only a company or body has.
_OFFICER_OPENINGS: Final = frozenset((" b", " c", " C", " f", " s", " a", " e", " d", " g"))
_OFFICER_AFTER: Final = re.compile(
    r" (?:boss|chief executive|CEO|chairman|chairwoman|founder|co-founder|"
    # "Kelmar spokesman Ann Lee", "Citi analyst Ann Lee", "Grateful Dead drummer Mickey Hart"
    r"spokesman|spokeswoman|spokesperson|analyst|economist|"
    r"drummer|guitarist|bassist|singer) (?:[A-Z]|Mr|Ms|Dr|Sir)"
)
# "Kelmar Vesti columnist Ann Lee", "Globe and Mail correspondent Ann Lee": an outlet's own staff
# (not after a sentence's first word alone: "Veteran journalist Ann Lee", "Foreign correspondent").
_STAFF_OPENINGS: Final = frozenset((" c", " r", " e", " a", " j", " p"))
_STAFF_AFTER: Final = re.compile(
    r" (?:columnist|correspondent|reporter|editor|anchor|journalist|commentator|presenter)"
    r" (?:[A-Z]|Mr|Ms|Dr|Sir)"
)
# What a family is called after its name: "a member of the Bin Laden family" is one of hers.
_FAMILY_AFTER: Final = re.compile(r" (?:family|families|clan|household|dynasty)\b")
# "a takeover bid for Quorvex", "the purchase of Quorvex", "who also own Quorvex": a company.
_DEAL_WORDS: Final = (
    " of ",
    " for ",
    " with ",
    " in ",
    " own ",
    " owns ",
    " acquired ",
    " bought ",
)
# The deal words without their spaces (each is " word "), and the words one of them follows in
# every match of _DEAL_BEFORE (a guard before its search: see _deal_before).
_DEAL_WORD_SET: Final = frozenset(w[1:-1] for w in _DEAL_WORDS)
_DEAL_BEFORE_ENDS: Final = tuple(
    "takeover acquisition purchase subsidiary merger shareholder shareholders bid also who "
    "which that employees workers staff customers subscribers offices headquarters".split()
)  # keep in step with _DEAL_BEFORE (tests/nlp/test_fast_paths.py compares the two)
_DEAL_BEFORE: Final = re.compile(
    r"\b(?:(?:takeover|acquisition|purchase|subsidiary|merger|shareholders?) (?:bid )?"
    r"(?:of|for|with|in)|(?:bid for)|(?:who|which|that)(?: also)? (?:owns?|acquired|bought)|"
    # "employees of Zanon", "the offices of Forever Elmwood": only a body has staff and offices
    r"(?:employees|workers|staff|customers|subscribers|offices|headquarters) of) $"
)
_DOMAIN: Final = re.compile(
    r"[A-Z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|org|net|co|news|info|tv|io|gov|edu)"
    r"(?:\.[a-z]{2})?|[A-Z][\w-]*\.(?:[a-z]{2})"
)
# A web address written in lower case ("on the website payvand.com", "a column for findlaw.com",
# "mysite.co.uk"): not in a link's path, an e-mail address or a file's name.
_LOWER_DOMAIN: Final = re.compile(
    r"(?<![\w.@/-])[a-z0-9][a-z0-9-]{2,}(?:\.[a-z0-9-]+)*"
    r"\.(?:com?|org)(?:\.[a-z]{2})?(?![\w/@-]|\.\w)"
)
_OWN_PAGE_BEFORE: Final = re.compile(r"\w['’]s (?:own )?(?:website|web site|site|blog|homepage) \Z")
_LOWER_DOMAIN_ENDS: Final = (".co", ".org")  # each costs a scan of every text
# "Ann Lee of the Hajo assembly said": a member of a body, speaking
_MEMBER_SPEAKS: Final = re.compile(
    r" (?:of|from) the [\w’' -]{1,60}? (?:said|says|told|added|stated|wrote|tweeted)\b"
)
_COMMA_SPEECH: Final = OpeningGuard(
    re.compile(
        r", (?:said|says|told|added|wrote|tweeted|stated|posted|explained|replied|responded|"
        r"commented|remarked)\b"
    )
)
# "Ann Lee of Kenya won", "Ann Lee from the Green camp said": a person from a known place or body
_OF_PLACE: Final = re.compile(r" (?:of|from) (?:the )?([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)")
# "Ann Lee of the Kelmouth tribal office told": a name, its body, then its own speech verb
_OF_BODY_SPEAKS: Final = re.compile(
    r" (?:of|from) (?:the )?[A-Z][^.;:,\"“”()]{0,80}? (?:said|says|told|tells|added|explained|"
    r"commented|replied|responded|remarked)\b"
    # "Ann Orrow in The Times describes …": a columnist in her paper (writing verbs only)
    r"| in [Tt]he [A-Z][^.;:,\"“”()]{0,40}? (?:writes|wrote|describes|described|argues|argued)\b"
)
# What gives a person's name: a pseudonym or alias (any word), else a known first name
_NAMED_AS: Final = re.compile(
    r"(?:\b(pseudonym|alias|nom de guerre)|\b(?:the|a|first) name|\b[Mm]y name is|"
    r"\bidentified (?:(?:him|her)self |themselves )?(?:only )?as|"
    r"\bgave (?:his|her|their) name as) $"
)  # "identified himself only as Alan", "My name is Jason"
_NAMED_AS_ENDINGS: Final = ("pseudonym ", "alias ", "guerre ", "name ", " as ", "name is ")
_NAMED_AS_LAST: Final = frozenset(
    e[-2] for e in _NAMED_AS_ENDINGS
)  # their letters before the space
# What follows a people's name used as a surname ("Serdar Tatar, Ann Lee and …"): ", who", a
# list going on, a speech verb.
_AFTER_PERSON_SURNAME: Final = re.compile(r",? who\b|, [A-Z]| and [A-Z]| (?:said|says|told)\b")
# Nouns of people before "named": "a man named Ann Orrow", "an official named …".
_PEOPLE_NAMED: Final = frozenset(
    "man woman boy girl person people official officer soldier suspect student teenager "
    "resident worker journalist activist lawyer judge doctor pilot driver".split()
)
_PERSON_AGE: Final = re.compile(r", \d{1,3},")
# ", a nurse at the hospital, said", ", who has worked there for years, told": a description of
# one person between a name and its speech verb
_DESCRIBED_THEN_SPEAKS: Final = re.compile(
    r",\s(a|an|who)\s[^,.;:\"“”]{1,80},\s(?:also\s+|later\s+)?(?:said|says|told|tells|added|"
    r"wrote|explained|stated|argued|insisted|warned|recalled|remarked|replied|noted)\b"
)
# '“…,” remarked the chief economist for Acme in Tokyo, ': after a quotation, its speech verb and
# the speaker's description, the name set beside it is the speaker's.
_INVERTED_SPEAKER_BEFORE: Final = re.compile(
    r"[”\"’'],?\s+(?:said|says|remarked|added|explained|noted|wrote|warned|observed|commented|"
    r"stated|argued|continued|insisted|told\s+[\w.]+)\s+(?:the|a|an|its|his|her|their|another)\s"
    r"[^.;:\"“”()\n]{3,100},\s$"
)
# '“…,” Ann Orrow, the canton's police minister, said', 'Ann Orrow, the paper's graphics
# editor, told': a name, a description of one set off by commas (group 1), then its speech verb
_QUOTE_THEN_NAME: Final = re.compile(r"[”\"],?\s+$")
_DESCRIBED_THEN_VERB: Final = re.compile(
    r",\s?((?:a|an|the|one|another|his|her|its|their|(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*['’]s)\s"
    r"[^,.;:\"“”()\n]{1,80}),\s"
    r"(?:also\s+|later\s+)?(?:said|says|told|tells|added|wrote|explained|stated|argued|"
    r"insisted|warned|recalled|remarked|replied|noted|commented)\b"
)
# The nouns of a person that a description may hold besides the role words ("an Egyptian woman
# who witnessed the carnage,"): plurals after "one of" are read singular
_DESCRIBED_PERSON_NOUNS: Final = frozenset("man woman boy girl person".split())
# Words that end a description's head noun: "the mayor of …", "a nurse at …", "a man who …"
_DESCRIPTION_STOPS: Final = frozenset(
    "who whose which that of in at for from with on to by near based since and".split()
)
# What only a person has: "Ann Lee's wife", "Ann Lee's funeral", "Ann Lee's header".
_PERSON_POSSESSION: Final = re.compile(
    r"['’]s (?:wife|husband|son|daughter|sons|daughters|father|mother|brother|sister|widow|"
    r"parents|children|girlfriend|boyfriend|fiancée?|death|funeral|birthday|grave|memoir|"
    r"autobiography|header|assist|penalty|attempt|family|life|career|lawyer|lawyers|attorney|"
    r"attorneys|spokesman|spokeswoman|body|remains|health|condition|illness|killer|murder|"
    r"assassination|arrest|resignation|reign|presidency|premiership|character|mother-in-law|"
    r"father-in-law|son-in-law|daughter-in-law|successor|predecessor|biography|rise)\b"
)
_QUOTE_MARKS: Final = frozenset("\"“‘'")
# A court case: capitalised words, " v. ", capitalised words ("of", "the" inside); a bare " v "
# is also a sports fixture ("England v Australia"), left alone.
_CASE_NAME: Final = re.compile(
    r"(?:[A-Z][\w'’&-]* )+v\. [A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|of|the)(?![\w'’]))*"
)
# The head nouns of armed units named by an ordinal: "the 3rd Infantry Division".
_UNIT_HEADS: Final = frozenset(
    "Legion Brigade Brigades Regiment Division Battalion Corps Squadron Fleet Army Infantry "
    "Cavalry Airborne Commando Flotilla Circuit".split()
)
_UNIT_ORDINAL: Final = re.compile(r"(?<![\w.,])\d{1,4}(?:st|nd|rd|th) \Z")
# A broadcaster named with its number ("Channel 4", "Radio 4", "BBC 1", "Channel 10 TV"): a
# channel's head word, then the number (not a count, a decimal, a time or a share: "Channel
# 4,000", "Radio 4.5", "BBC 24/7", "BBC 5%"), and "News" after it ("Channel 4 News").
_CHANNEL_HEADS: Final = ("Channel", "Radio", "BBC", "ITV", "TV")
# What comes before "Channel" in a broadcaster's name ("Fox News Channel", "the Sci Fi Channel",
# "ABS-CBN News Channel"), where "Channel" after a place names a strait ("the English Channel").
_CHANNEL_GENRES: Final = frozenset(
    "News Business Sports Sport Weather History Discovery Movie Movies Music Shopping Food Travel "
    "Comedy Fi Science Learning Kids Family Entertainment Clips Television TV Cartoon Nature "
    "Documentary Lifestyle Parliamentary YouTube Youtube".split()
)
_CHANNEL_NUMBER: Final = re.compile(r" \d{1,2}(?![\d/:%-]|[.,]\d| ?per)(?: News\b)?")
_PORTFOLIO_TITLES: Final = frozenset("Minister Secretary Commissioner Spokesperson".split())
# Who holds a brief: the name after "the Secretary of" is a field, not a body (not annotated).
_PORTFOLIO_BEFORE: Final = re.compile(
    r"\b(?:Minister|Ministers|Secretary|Commissioner)(?: of State)? (?:for|of) (?:the )?\Z"
)  # "Minister for Health", "the Secretary of State for Defence", "the Minister of the Interior"
_PORTFOLIO_HOLDERS: Final = frozenset("secretary secretaries minister ministers".split())
# Holders of a chair named by its field: "Professor of Psychiatry", "Lecturer of Law" (a field,
# no body: a university is "at" or "," after it).
_CHAIR_HOLDERS: Final = frozenset("professor professors lecturer lecturers".split())
# Degrees named by their field: "a Master of Business Administration", "Bachelor of Laws" (the
# field is no body, whatever its head noun).
_DEGREES: Final = frozenset("Master Masters Bachelor Bachelors".split())
# The words a minister's brief is made of ("Corrective Services", "International Development",
# "Home Affairs"), and what follows a brief named before its holder ("Environment spokesman Ann
# Lee", "the Union Home minister"): such a name is the brief, no body (round 39).
_BRIEF_WORDS: Final = frozenset(
    "Affairs Development Environment Environmental Health Education Justice Finance Trade "
    "Transport Energy Agriculture Immigration Employment Defence Defense Interior Home Foreign "
    "International Cooperation Co-operation Corrective Services Industry Industries Tourism "
    "Culture Heritage Sport Sports Fisheries Forestry Housing Planning Infrastructure "
    "Communications Information Broadcasting Technology Science Innovation Water Resources "
    "Mines Mining Emergency Climate Change Welfare Social Public Works Higher Advanced Local "
    "Women Children Youth Family Families Veterans Indigenous Arts Economic Commerce Consumer "
    "Natural Rural Regional Urban Relations Overseas Aid Constitutional Electoral Small "
    "Business Enterprise Digital Human Rights Disability Multicultural Citizenship Customs "
    "Revenue Protection Conservation Land Lands Roads Safety Ports Aviation Telecommunications "
    "Union Opposition Shadow Junior Presidential and &".split()
)
# Words that open a brief but never end one ("Union Home", "Shadow Health": "Union spokesman" is a
# trade union's).
_BRIEF_OPENERS: Final = frozenset("Union Opposition Shadow Junior and &".split())
# The holder of a brief after it ("Environment minister", "Environment spokesman Chris Huhne"); a
# spokesman only before a name: "A Social Services spokesman said" speaks for the department.
_BRIEF_HOLDER_AFTER: Final = re.compile(
    r" (?:[Mm]inisters?|[Ss]ecretary|[Cc]ritic|[Pp]ortfolio)\b| [Ss]pokes(?:man|woman|person),? [A-Z]"
)
_PLATFORM_AFTER: Final = re.compile(r",? (?:writing|saying|posting|adding)\b")
_APPOSITIVE_ORG: Final = re.compile(r", (?:the|a|an) ((?:[\w-]+ ){0,3}[\w-]+)")
_OCCUPATION_ENDINGS: Final = ("ologist", "ographer", "ician", "ist", "onomer")
_CAMPUS_HEADS: Final = frozenset("University College Institute School".split())


def _has_of_or_for(name: str) -> bool:
    """Whether `name` holds " of " or " for " (a test in the string, not a pattern's search)."""
    return " of " in name or " for " in name


_CAP: Final = r"[A-Z][\w’'-]*"
_PORTFOLIO_TAIL: Final = OpeningGuard(
    re.compile(rf"(?:, {_CAP}(?: {_CAP})?)+,? (?:and|&) {_CAP}(?: {_CAP})?(?![\w’'])")
)
_TITLE_FUNCTION_WORDS: Final = frozenset("the of and for on in at to a an".split())
# "the businesses", "such firms as": plural nouns of bodies (_org_list_around), and the words
# between one and the list it introduces ("businesses include", "firms such as", "are").
_BODY_PLURALS: Final = frozenset(
    [noun[:-1] + "ies" if noun.endswith("y") else noun + "s" for noun in ORG_NOUNS]
    + "businesses firms broadsheets teams".split()
)
_LIST_INTRODUCERS: Final = frozenset("include includes included including like as are were".split())
# Plurals of places that say what the names listed after them are ("towns around Belfast,
# including A, B and C", "the three provinces, A, B and C", "the settlements of A, B and C").
_PLACE_PLURALS: Final = frozenset(
    "towns cities villages provinces districts regions counties settlements suburbs "
    "neighbourhoods neighborhoods islands municipalities prefectures areas states".split()
)
_NAME_GOES_ON: Final = re.compile(r" (?:on|of|for) (?:the |a )?[A-Z]")  # "Focus on the Family"
# Prepositions that end the complement of "A and B are": what follows is no longer what A and B
# are ("are built by small teams", "are sold to firms"); "among" goes on ("are among the firms").
_COMPLEMENT_ENDS: Final = frozenset("by to of for with from in on at into within than".split())
_LIST_GAPS: Final = frozenset((" and ", ", and ", ", ", " or ", ", or "))  # r",? and |, |,? or "
# A list's gap after a member's bracket or age: " (PS), ", " (Greens) and ", ", 17 and ".
_BRACKETED_GAP: Final = re.compile(
    r"(?: \([^()\n]{1,30}\)|, \d{1,3}(?::\d\d){0,2})(, | and |, and | or |, or )"
)  # "Ann Lee (PS), Bo Kett", "Ama, 17, Efua, 14 and …", "Ann Lee, 2:05:46, and Bo Kett"
# Last words of a law, an award or a vote, never of a body: "the Ballot Interference Prevention
# Act", "the JWP Junior Championship", "the 2020 US Presidential Election" (names not annotated).
_NOT_NAME_HEADS: Final = frozenset(
    "Act Acts Treaty Accord Accords Regulations Directive Amendment Amendments Prize Prizes Award "
    "Awards Medal Medals Trophy Championship Championships MVP Election Elections Primary "
    "Primaries Caucus Caucuses Show Constitution Law Laws Bill Bills License Licence "
    # a pact's or a document's: "the Central American Free Trade Agreement", "the Army Field
    # Manual" (a body's words inside it name no body)
    "Licensed Agreement Agreements Protocol Charter Declaration Manual Handbook".split()
)
# "the Commonwealth Games", "the Olympic Games": an event after "the" (not "EB Games", a shop).
_EVENT_GAMES: Final = "Games"
# Last words of a rank or post ("Royal Society University Research Fellow", "Woman Grand
# Master"), of a scheme or a system ("Commercial Crew Program", "Automatic Identification
# System"), of a day ("International Women's Day") or an adjective before a lower-case noun
# ("the 2000 US Presidential election"): whatever opens it, the name is no body's.
_NOT_BODY_LAST: Final = frozenset(
    "Master Masters Fellow Manager Representative Vice Chairman Chairwoman Chairperson Director "
    "Secretary Spokesman Spokeswoman Spokesperson Correspondent Editor Professor Lecturer "
    "Researcher Officer Adviser Advisor Ambassador Commissioner Councillor Councilor Treasurer "
    "Program System Day Days Presidential Parliamentary Congressional Gubernatorial Mayoral "
    "Senatorial Linux Tax Taxes Skills Index Survey".split()
)

_NO_BODY_LAST: Final = _NOT_NAME_HEADS | _NOT_BODY_LAST
# Lower-case nouns of things an unknown abbreviation names as a modifier ("his PAN card", "the
# GBR code", "the ARIEL program", "STIG standards"): a card, a code or a scheme, not a body.
_ACRONYM_THINGS: Final = frozenset(
    "card cards code codes program programs programme programmes standard standards format "
    "formats protocol protocols file files test tests number numbers system systems software "
    "chip chips score scores scale rating ratings technique techniques technology device devices "
    "mode cable cables signal signals scan scans scanner spectrometer gene genes vaccine "
    "licence license certificate certificates classification transmitter transmitters receiver "
    "receivers antenna antennas handset handsets phone phones modem modems router routers setup "
    "setups set-up set-ups camp camps reactor reactors missile missiles tag tags".split()
)
# After "a", "an": what cannot open the noun phrase the article goes with, so the abbreviation
# is that noun ("an ICU you need", "an XLR capable of", "any LSP thinking of").
_NO_NOUN_AFTER: Final = frozenset("you that which to and or is was in on at for with".split())
_BASED_WHERE: Final = re.compile(r" based (?:in|at|on|near|out|outside|inside)\b")


# Possessive pronouns: capitals right after one stand for a thing ("their CDMA customers").
_OWNERS: Final = frozenset("his her its their my our your".split())


def _thing_abbreviation(before: list[str], next_word: str, after: str) -> bool:
    """'their UMTS based network', 'an ICU you need': capitals standing for a thing, not a body
    (`before`: the lower-case words before them; `after`: the text right after them)."""
    if next_word == "based" and not _BASED_WHERE.match(after):
        return True  # (but "NATO based in Brussels")
    return (
        bool(before)
        and before[-1] in ("a", "an", "any", "several")
        and (
            not next_word.isalpha()
            or next_word in _NO_NOUN_AFTER
            or next_word.endswith(("able", "ible", "ing"))
        )
    )  # (but "a USAID official": the article goes with the noun after)


# Last words that end a thing's name, never a person's ("James Webb Space Telescope", "Marine One").
_NO_SURNAMES: Final = frozenset(
    "Telescope Collider Act Acts Treaty Prize Prizes Award Awards Amendment Amendments License "
    "Licence Doctrine One Inquiry Inquest Report Review".split()
)
# Last words of an office, never of a person's name ("Minority Leader", "Health Director").
_OFFICE_NOUNS: Final = frozenset(
    "Leader Leaders Representative Representatives President Presidents Director Directors "
    "Officer Officers Secretary Secretaries Minister Ministers Chairman Spokesman Spokeswoman "
    "Spokesperson Commissioner Governor Senator Senators Manager Adviser Advisor Advisors".split()
)
# Heads that stand alone for no particular body ("the Cabinet", "this Chamber", "Party members",
# "Media reports", "the Council is unwilling", "Museum staff stayed", "Library hours were cut"),
# unlike "Parliament", "Congress", "the Senate" or "the Army", which name one (they are
# annotated; so is a team called "University").
_GENERIC_HEADS: Final = frozenset(
    "Cabinet Chamber Department Administration Board Federation Society Committee Commission "
    "Ministry Agency Office Bureau Directorate Secretariat Presidency Council Union Party Network "
    "Media Online Project Front Museum Library Hospital School Clinic Division Infantry "
    "Cavalry Fleet Command Committees".split()
)  # (round 35: a lone military head, "Infantry backed by tanks", "represents Division 4")
_ROMAN_NUMERAL: Final = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Offices of a place: "the mayor of Yartsevo", "governor of New York" (but "director of X": a body).
# Parties named by their members' plural (GROUP in the lists): after a known place, a branch.
_PARTY_PLURALS: Final = frozenset(("Greens", "Liberals", "Nationals"))
# Who sits for a constituency: "MP for Henley", "the member for Kelso", "MSP for Fife".
_SEAT_HOLDERS: Final = frozenset("mp mps msp msps mla mlas mpp mhk member td am".split())
# Last words of events' names ("Forbes Global CEO Conference", "PV Taiwan Exhibition"): weak
# evidence of a body inside such a name (a capitals' word, an organisation's word) types nothing.
_EVENT_HEADS: Final = frozenset(
    "Conference Summit Exhibition Showcase Seminar Symposium Olympiad PlugFest Celebration "
    "Ceremony".split()
)
_PLACE_OFFICES: Final = frozenset(
    "mayor mayors governor governors premier deputy-mayor lord-mayor".split()
)
# Words before a title that name a work, not an outlet: "the film The Last Days", "his memoir
# The Master of Disguise", "hosted The Doris Day Show" (titles of works are not annotated).
_WORK_NOUNS: Final = frozenset(
    "book books film films movie movies memoir memoirs novel novels album albums song songs single "
    "series sitcom show shows play plays musical documentary debut episode poem opera titled "
    "entitled hosted filming starring starred drama dramas comedy prequel sequel".split()
)
# Words inside a title of a work that no body's or person's name holds: pronouns, "is", "than".
_TITLE_WORDS: Final = frozenset(
    "Who Whom Is Are Was Were Am Than You Your Yours We Me My Us".split()
)
# A title opening with "The" cut at an "of" before more capitals: "The Wealth of Nations", "The
# Philosophy of Grammar", "The Life of the Mind" (a body's head noun joins its "of" itself).
_TITLE_OF_AFTER: Final = re.compile(r" of (?:the |an? )?[A-Z]")
# A title opening with "The" that goes on past an "of" to a pronoun: "The Time of Your Life".
_TITLE_GOES_ON: Final = re.compile(r" (?:of|for|in|to|and|with) (?:Your|My|Our|Their|You|Me|Us)\b")
# Last words of a building or a site, a PLACE even when a body's name opens it ("Army Hospital").
# "Mayo Clinic", "Blakely Care Center": a clinic, like a hospital, is where patients are treated
_FACILITY_HEADS: Final = frozenset("Hospital Headquarters Complex Clinic Clinics".split())
# A mission abroad is a body ("the British Embassy is investigating", "a US Embassy spokesman")
# but the building where something happens to it or near it ("demonstrated outside the
# Australian Embassy", "the attack on the US Embassy in Baghdad", "seized the U.S. Embassy").
_MISSION_HEADS: Final = frozenset("Embassy Consulate".split())
_AT_A_BUILDING: Final = re.compile(
    r"(?:\b(?:outside(?: of)?|near|inside|into|at|in|around|behind)|\bfront of|\battack(?:s|ed)?"
    r" (?:on|against)|\bbombing of|\bbombed|\bstormed|\bseized|\boccupied|\bbesieged) the $"
)
_FACILITY_PAIRS: Final = frozenset(
    f"{kind} {centre}"
    for kind in (
        "Medical",
        "Space",
        "Convention",
        "Care",
        # buildings named for what is done in them ("the World Trade Center", "Melbourne
        # Custody Centre"), not for a field ("Taiwan Design Center" is a body)
        "Trade",
        "Training",
        "Custody",
        "Detention",
        "Shopping",
        "Visitor",
        "Visitors",
        "Conference",
        "Exhibition",
        "Sports",
        "Leisure",
        "Civic",
        "Holding",
    )
    for centre in ("Center", "Centre")
)
_FACILITY_LAST: Final = frozenset(pair.rsplit(" ", 1)[-1] for pair in _FACILITY_PAIRS)
# Heads of place names that are also businesses' names ("Ama Hotel", "the Bo Gallery"): a list
# of businesses may hold them (not a street, a town or a river).
_TRADING_PLACES: Final = frozenset(
    "Hotel Gallery Inn Tavern Lodge Motel Hostel Resort Theatre Theater Ranch Plaza Arena".split()
)
# A licence or copyright line closing an item: "Source: Wikinews, licensed CC BY 2.5 (© Wikinews
# contributors)." Its names credit the text; they are not what the article is about.
_CREDIT_MARKS: Final = re.compile(r"©|\bCC BY\b|\bCreative Commons\b|\bAll rights reserved\b")


def _abbreviation_tail(words: list[str], last_spelt: str) -> bool:
    """Whether the words after `last_spelt` (the name's last word an abbreviation spells)
    open with "for", "in" or "of": a qualifier the abbreviation leaves out."""
    at = words.index(last_spelt)
    return at + 1 < len(words) and words[at + 1] in ("for", "in", "of")


def _spells_but_one(letters: str, words: list[str]) -> bool:
    """Whether the initials of `words` (with or without their lower-case links) spell `letters`
    (four or more) once one capitalised word inside them is left out: "United Nations African
    Union Mission in Darfur (UNAMID)", "Arctic Council Nordic Union Patrol in Svalbard (ACNPS)"."""
    if len(letters) < 4 or len(words) > len(letters) + 3:
        return False
    folded = letters.casefold()
    for spelling in (words, [w for w in words if w[0].isupper()]):
        if len(spelling) == len(letters) + 1:
            initials = "".join(w[0] for w in spelling).casefold()
            if any(
                spelling[j][0].isupper() and initials[:j] + initials[j + 1 :] == folded
                for j in range(1, len(spelling) - 1)
            ):
                return True
    return False


# Words a name in French, Spanish, Italian or Portuguese links its words with, left out of its
# abbreviation ("Confédération générale du travail (CGT)").
_FOREIGN_LINKS: Final = frozenset(
    "de du des la le les et del di da dos das do y per pour sur".split()
)
# A name's words in a foreign style before a bracketed abbreviation: a capital, then lower case.
_FOREIGN_NAME_BEFORE: Final = re.compile(r"[a-z,] ([A-Z][^\W\d_]+(?: [^\W\d_]+){1,6})$")


def foreign_name_start(text: str, end: int, abbreviation: str) -> int:
    """Where a body's name written as some languages write it, a capital then lower-case words
    joined by a linking word of theirs, ending at `end` starts when its initials spell
    `abbreviation` without the linking words ("head of the Confédération générale du travail
    (CGT)"); -1 if none. Mid-sentence only, and an English term has no such link ("Internet
    service provider (ISP)")."""
    m = _FOREIGN_NAME_BEFORE.search(text, max(0, end - 80), end)
    if m is None or len(abbreviation) < 3 or not abbreviation.isupper():
        return -1
    words = m.group(1).split()
    for k in range(len(words) - 1, 0, -1):  # the longest words that start with a capital
        chosen = words[k - 1 :]
        if not chosen[0][0].isupper() or not all(w.islower() for w in chosen[1:]):
            continue
        spelt = [w for w in chosen if w not in _FOREIGN_LINKS]
        if (
            len(spelt) < len(chosen)
            and "".join(w[0] for w in spelt).lower() == abbreviation.lower()
        ):
            return end - len(" ".join(chosen))
    return -1


def _no_body_last(name: str) -> bool:
    """Whether the last word of a name given an abbreviation in brackets says it names no body
    ("… Act (BIPA)", "Woman Grand Master (WGM)", "Flight Simulator X (FSX)")."""
    last = _last_word(name)
    return last in _NO_BODY_LAST or _is_version(last)


def _is_version(word: str) -> bool:
    """'XP', 'X', 'IV': the edition ending a product's name ("Windows XP", "Flight Simulator X")."""
    return (
        word == "XP"
        or (  # but not a lone "I" ("Pech-de-l'Azé I" is a site)
            word[:1] in ("I", "V", "X")
            and word != "I"
            and _ROMAN_NUMERAL.fullmatch(word) is not None
        )
    )


def _last_word(name: str) -> str:
    return name.rsplit(None, 1)[-1] if name else ""


def alternatives_openings(pattern: re.Pattern[str], size: int) -> frozenset[str]:
    """The first `size` characters (its opening space included) of every match of a pattern
    written " (?:a|b|…)…" or " (a|b|…)…", each alternative opening with `size` - 1 plain
    characters: a slice
    of the text not among them is a position where the pattern cannot match (no call of it)."""
    written = pattern.pattern
    opening = " (?:" if written.startswith(" (?:") else " ("
    assert written.startswith(opening)
    alternatives = written[len(opening) : written.index(")")].split("|")
    assert all(re.escape(a[: size - 1]) == a[: size - 1] for a in alternatives)
    return frozenset(" " + a[: size - 1] for a in alternatives)


# The label of a turn in an interview transcript, as Wikinews writes them: "((WSS))  Why?",
# "((Ann Lee))  Yes." (a name as the label is still a person's), "((hi))" before a quote in Hindi.
# Words that make a title of a title ("White House Press Secretary Joe Lockhart", "Council
# Acting Director Ann Lee", "US Special Representative"): no part of the body named before.
_TITLE_MODIFIERS: Final = frozenset(
    "Acting Deputy Special Senior Assistant Associate Principal Interim Executive Permanent "
    "Press Joint".split()
)
# A title's last word before a pair of briefs and an officer's word: "Chief Marketing and
# Innovation Officer Mark Chmiel", "Senior Research and Policy Director Ann Lee" (one title).
_TITLE_MODIFIERS_OF_PAIRS: Final = frozenset("Chief Senior Deputy Vice Assistant Associate".split())
# Words that name a body's level before a known body's name: "National Security Council" and
# "Federal Parliament" are bodies of their own, not the UN's Security Council or a parliament.
_BODY_LEVELS: Final = frozenset(
    "National Federal State Provincial Regional Municipal Royal Imperial Supreme".split()
)
# A company's legal form written after its name and a comma ("Staples, Inc.").
_LEGAL_FORMS: Final = frozenset("Inc Ltd LLC L.L.C Corp PLC LLP GmbH Limited".split())
# A company's legal form written right after its name with no comma ("Statoil ASA", "ITV plc",
# "Finnair Oyj", "Euronext N.V."): the end of the name, no body of its own.
_SPACED_LEGAL_FORM: Final = re.compile(
    r" (?:ASA|SA|S\.A\.|SpA|SPA|S\.p\.A\.|AG|NV|N\.V\.|AB|Oyj|plc|PLC|SCA|GmbH|Ltd|Inc|Corp|"
    r"LLC|Limited)(?:['’]s)?(?![\w&'’-])"
)
_LEGAL_FORM_OPENINGS: Final = alternatives_openings(_SPACED_LEGAL_FORM, 2)  # " A", " S" …
# The short forms that are also common abbreviations (A/B, South Africa or Australia, Nevada,
# Attorney General), and what after one shows it is no legal form: "The BBC SA correspondent",
# "Microsoft AB tested the feature" (a region's desk, an A/B test).
_AMBIGUOUS_LEGAL_FORMS: Final = frozenset("AB SA NV AG".split())
_NO_LEGAL_FORM_AFTER: Final = re.compile(
    r" (?:correspondents?|bureau|desk|editor|reporters?|office|team|branch|division|"
    r"tests?|tested|testing)\b"
)
# What follows "…, or ASEAN" when the abbreviation is given as another name for the one before.
_AFTER_OR_ABBREVIATION: Final = frozenset((",", ")", ".", ";", ":"))
# What happens to a person, named after "of": "the assassination of Rafiq Hariri".
# What only a person does, right after a name: "Ann Orrow resigned", "… was sworn in".
_PERSON_VERB_AFTER: Final = re.compile(
    r" (?:has |had |later |then )?(?:resigned|died|married|testified|retired|apologi[sz]ed|"
    r"reports from|reported from|"  # a correspondent: "Ann Orrow reports from Kabul"
    r"was (?:elected|re-elected|sworn in|appointed|sentenced|arrested|jailed|killed|"
    r"injured|wounded|hanged|executed|kidnapped|abducted|assassinated|acquitted|convicted))\b"
)
# Particles inside people's names only (not "de", "la", "al": "Rio de Janeiro", "Al Jazeera").
_NAME_PARTICLES: Final = frozenset("van von der den ter ten bin ibn bint".split())
# Portuguese, Spanish and Italian particles inside a person's name ("Domingos da Camara"): places
# have them too ("Foz do Iguaçu"), so only a person cue makes such a name a person.
_ROMANCE_PARTICLES: Final = frozenset("da de do dos das del di".split())
# Prefixes joined to a word by a hyphen ("Vice-president", "Anti-war"): no given name's syllable.
_WORD_PREFIXES: Final = frozenset(
    "anti pro non self co ex vice mid post pre multi well long short half semi cross counter "
    "inter intra over under re sub super ultra neo pan".split()
)
# A place's words that, after a people's word, may modify a noun ("Zimbabwean State
# institutions", "the Hawaiian Island chain"), and a lower-case noun right after a name (no
# verb, preposition or conjunction: "the Hawaiian Island of Maui", "the Irish State said";
# "announced" ends in "ed").
_MODIFYING_PLACE_WORDS: Final = frozenset("State Island".split())
_NOUN_AFTER: Final = re.compile(
    r" (?!(?:of|in|on|at|to|for|from|with|by|and|or|but|as|is|was|are|were|has|had|have|will|"
    r"would|could|can|may|must|said|says|that|which|who|where|when|after|before|also|since|"
    r"under|over|near|into|off|itself|its)\b)[a-z]{3,}(?<!ed)\b"
)
# A person's pronoun near a name: person evidence ("Israel Folau said he"; _place_then_unknown).
_PERSONAL_PRONOUN: Final = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
# "Ann Orrow and his partisans", "… and her husband": a name taken up at once by "his"/"her".
_KIN_PRONOUN_AFTER: Final = re.compile(r" and (?:his|her) ")
# "Ann Orrow, defended his product", "Ann Orrow shook her head": the name's own clause takes
# it up by a pronoun only a person has.
_OWN_PRONOUN_AFTER: Final = re.compile(
    r",? (?:(?!(?:where|when|which|while|after|before|since|until|because|that|as|if|with|"
    r"for|to|from|in|at|on|by|of|about|and|or|but|than|like)\b)[a-z]+ ){0,2}?"
    r"(?:his|her|himself|herself)\b"
)  # not "Nowa Huta, where her father worked", "moved to Nowa Huta with her family"
# What only people do to a team, a body or a work: "managed by Ann Orrow", "founded by …".
_BY_PERSON: Final = frozenset(
    "managed coached chaired headed founded co-founded directed written authored composed "
    "painted narrated".split()
)
# A role "of" a body named by a common noun, right before a name: "the leader of the opposition ",
# "member of parliament ", "head of the General Security service ".
_ROLE_OF_NOUN_BEFORE: Final = re.compile(r"\b([a-z-]+) of (?:the )?(?:[A-Za-z-]+ ){0,3}?([a-z]+) $")
# Words that link a name to what comes before it, never the noun of a body ("chairman of the ").
_LINKING_WORDS: Final = frozenset("the a an and or of for with from into to at on in by as".split())
# The end of a sentence and the gap before the next ("… partner. She"), and a capitalised
# word inside a sentence (another name the pronoun after it could take up).
_SENTENCE_STOP: Final = re.compile(r"[.!?][\"”’']?\s+")
_CAPITALISED_WORD: Final = re.compile(r"\b[A-Z]")
# Words of time that open a sentence right before a name ("Yesterday Ann Lee said"), never a
# given name even when the article writes them in lower case nowhere else.
_TIME_WORDS: Final = frozenset(
    "today yesterday tomorrow tonight now then later earlier meanwhile recently again also".split()
)
_PERSON_EVENTS: Final = frozenset(
    "death assassination murder killing funeral trial arrest execution widow kidnapping "
    "abduction resignation extradition sentencing conviction acquittal detention release "
    "imprisonment".split()
)
# "South Korea-based ": a capitalised place and "-based" right before a name ("bio-based" is not).
_PLACE_BASED_BEFORE: Final = re.compile(r"(?<![\w.-])[A-Z][\w.]*-based \Z")
# A role and "of"/"for" right before a name ("Professor of ", "Minister for "): group 1 the role.
_ROLE_OF_END: Final = re.compile(r"\b([A-Za-z]+) (?:of|for) \Z")
# Endings of the abstract nouns that name a field or a brief ("Economics", "Acquisitions").
_BRIEF_ENDINGS: Final = tuple("tion sion ment ence ance ity ics ogy ship ness ism ions".split())
# Roles held only in a body, never over a field ("founder of", "owner of", "CEO of").
_BODY_ROLES: Final = frozenset(("founder", "cofounder", "owner", "co-owner", "ceo"))
# Words that make a place of a place ("Greater Melbourne", "Mainland China", "Ancient Egypt").
_PLACE_ADJECTIVES: Final = frozenset(
    "Greater Upper Lower Inner Outer Mainland Metropolitan Rural Ancient Modern Medieval Colonial "
    "Imperial Old New Little Central Middle Far Near Continental Coastal Provincial".split()
)
_ORDINAL_BEFORE: Final = re.compile(r"\d(?:st|nd|rd|th) $")  # "21st Century Australia": an era
# A campus after a state university's name: ", San Diego", " at Austin", " at Mānoa".
_CAMPUS_AFTER: Final = re.compile(r"(?:, | at )([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)(?![\w’'-])")
_SCORE_AFTER: Final = re.compile(r",? \(?\d")  # "Smith Australia 85": a scoreline
_LIST_GAP: Final = re.compile(r"(?:,| and|, and|;) (?:[a-z]+ ){0,3}\Z")  # ", silver to "
_CAPITAL_NEXT: Final = re.compile(r" [A-Z]")  # a capitalised word right after: the name goes on
_ADJECTIVE_ENDINGS: Final = ("al", "ic", "ive", "ous", "ary")  # "Domestic", "Cultural", "Executive"
# An abbreviation's words spelt out in brackets right after it: " [Chief Health Director]".
_SPELT_OUT: Final = re.compile(r" [\[(]([A-Za-z][\w’'-]*(?: [\w’'-]+){1,7})[\])]")
_BY_AUTHOR: Final = re.compile(
    r" by [A-Z][a-z]+ [A-Z]"
)  # a title and its author: "… by Sam Harris"
_THING_AFTER: Final = re.compile(  # a thing's noun after a name's bracketed abbreviation
    r" (?:system|systems|program|programme|standard|protocol|format|code|scheme|device|test)\b"
)
# A model's designation or a vehicle right after its maker: "Kelvair 737-800", "Aerona A330",
# "a Kestrel car", or a flight's number after its airline ("Aerona Flight 93": the flight, an
# event) (not "Channel 10", "BBC 1": a channel's number is part of its name).
_MODEL_AFTER: Final = re.compile(  # (not a year: "National Crime Records Bureau 2016 statistics")
    r" (?:(?!(?:19|20)\d\d\b)[A-Z]{0,2}\d{3}[\w+-]*|[Ff]light \d|(?:car|cars|jet|jets|jetliner|airliner|airliners|aircraft|"
    r"plane|planes|helicopter|helicopters|truck|trucks)\b)"
)
# The first letters of _MODEL_AFTER's words that are no capital nor digit ("car", "flight").
_MODEL_INITIALS: Final = frozenset("fcjapht")


def model_after(text: str, end: int) -> bool:
    """Whether `_MODEL_AFTER` matches at `end`; after most names no capital, digit nor
    vehicle's initial follows the space, and the pattern is not tried."""
    if text[end : end + 1] != " ":
        return False
    follows = text[end + 1 : end + 2]
    if not follows or not (
        "A" <= follows <= "Z" or follows in _MODEL_INITIALS or follows.isdecimal()
    ):
        return False  # (`\d` is a decimal digit of any script: `isdecimal`)
    return _MODEL_AFTER.match(text, end) is not None


_PRODUCT_AFTER: Final = re.compile(  # a product's noun right after its name
    r"(?:-based)? (?:operating systems?|software|APIs?|processors?|chips?|programming language|"
    r"interpreter|compiler|web browser|browser|game engine|video game|smartphones?|modding)\b"
)
# The first letters of _PRODUCT_AFTER's nouns: after a name's " ", only these may open one.
_PRODUCT_INITIALS: Final = frozenset("osApciwbgvm")
_PRODUCT_BEFORE: Final = ("written in ", "programmed in ", "coded in ", "scripted in ")
_FIRM_AFTER: Final = re.compile(  # "chip maker", "software company": a firm, not a product
    r" (?:makers?|company|companies|firms?|start-?ups?|manufacturers?|developers?|groups?|"
    r"giants?|producers?|suppliers?|vendors?|retailers?|businesse?s?|corporations?|entrepreneurs?)\b"
)
_LANGUAGES: Final = frozenset(  # "written in Python": programming languages
    "Python Lua Rust C Java JavaScript TypeScript Go Golang Perl PHP Ruby Haskell Fortran COBOL "
    "Pascal Swift Kotlin Scala Erlang Elixir Lisp Julia MATLAB Assembly Basic BASIC Dart Zig "
    "OCaml Prolog Smalltalk Ada Clojure Nim Crystal Tcl Bash Solidity".split()
)
_SOFTWARE_WORD: Final = re.compile(  # software in the sentence of "written in X"
    r"\b(?:software|code|coded|program|programs|programming|programmer|apps?|application|"
    r"library|libraries|tool|tools|scripts?|compiler|interpreter|APIs?|open[- ]source|"
    r"framework|modding|firmware|operating system|kernel|game engine|plugins?|GitHub)\b"
)
_TERM_SPLIT: Final = re.compile(r"[ /-]")
# A nationality's word used as its language ("learn English", "speaks French", "in both
# Arabic and English", "the English language version"), searched for right before the word
# (up to `_SPOKEN_REACH` characters) and matched right after it: a language, not a group.
_SPOKEN_BEFORE: Final = re.compile(
    r"(?<![\w-])(?:speak|speaks|spoke|spoken|speaking|learn|learns|learned|learnt|learning|fluent in|"
    r"knowledge of|translated into|dubbed into|subtitled in|known in|in both) $"
)
_SPOKEN_REACH: Final = 18
_SPOKEN_AFTER: Final = re.compile(
    r"[ -](?:language|languages|speakers?|translations?|subtitles|dialects?|lessons)\b"
)
_SPOKEN_AFTER_INITIALS: Final = frozenset("lstd")  # its nouns' first letters


def spoken_after(text: str, end: int) -> bool:
    """Whether `_SPOKEN_AFTER` matches at `end` (tried only when a space or a hyphen, then
    the first letter of one of its nouns, follows)."""
    mark = text[end : end + 1]
    return (
        (mark == " " or mark == "-")
        and text[end + 1 : end + 2] in _SPOKEN_AFTER_INITIALS
        and _SPOKEN_AFTER.match(text, end) is not None
    )


# A lower-case noun of an event or a pact right after a place's name ("the Kyoto protocol", "the
# 2004 Madrid bombings", "the Sydney declaration", "the Kursk disaster"): the place names the
# event, and is no place of the article (the annotated sets leave it out).
_EVENT_AFTER_PLACE: Final = re.compile(
    r" (?:protocol|accords?|declaration|treaty|bombings?|massacre|disaster|round|process)\b"
)
_EVENT_AFTER_OPENINGS: Final = alternatives_openings(_EVENT_AFTER_PLACE, 3)  # " pr", " ac" …
# A people's word after a language's name ("Tamil rebels", "Basque independence", "the
# Yoruba community"): the people, a group (the language is never an entity).
_PEOPLE_AFTER_LANGUAGE: Final = re.compile(
    r" (?:rebels?|separatists?|separatism|militants?|insurgents?|insurgency|guerrillas?|"
    r"fighters|people|peoples|community|communities|minority|population|civilians|refugees|"
    r"independence|nationalists?|nationalism|homeland|diaspora|tribes?|tribesmen|leaders?|"
    r"politicians|parties|origin|descent|militias?|villages?|villagers|ethnic)\b"
)
_TERM_JOINERS: Final = " /-"  # what the words before "(PCR)" allow between its words


def _is_term_char(char: str) -> bool:
    """Whether `char` is one of the words' characters ([\\w’'])."""
    return char.isalnum() or char == "_" or char == "’" or char == "'"


def _is_ascii_letter(char: str) -> bool:
    """[A-Za-z]: what opens each word."""
    return ("a" <= char <= "z") or ("A" <= char <= "Z")


def _term_words_start(text: str, lo: int, end: int) -> int:
    """Where the words before "(PCR)" start in `text[lo:end]` (the search of a pattern the
    test holds as its oracle: tests/nlp/test_merge_shortcuts.py), -1 if none: found from `end`
    backwards, one run of word characters at a time. The pattern
    ends with \\Z, so the search tried it from each of the window's 120 starts (~20,000
    instructions a call in the compiled extractor).

    The match is the leftmost start from which `text[start:end]` is words opening with A-Z or
    a-z, one of " /-" between two: in the last run of word characters, its first letter; when
    that letter opens the run and a joiner comes before it, the run before may go on the same."""
    found = -1
    k = end
    while True:
        run = k
        while run > lo and _is_term_char(text[run - 1]):
            run -= 1
        first = run
        while first < k and not _is_ascii_letter(text[first]):
            first += 1
        if first == k:
            return found  # no word here: the words after it (if any) are the match
        if first > run:
            return first  # a word opens inside the run: nothing before it can join on
        found = first
        if run - 1 < lo or text[run - 1] not in _TERM_JOINERS:
            return found
        k = run - 1


_TERM_CONNECTORS: Final = frozenset("and of for the on in to a an by with".split())
_PLACE_HEADS: Final = frozenset(  # "Alice Springs", "Grace Bay": the last word of a place
    "Springs Falls Bay Beach Harbour Harbor Island Islands Lake Valley Heights Hills Creek Point "
    "Park City Town Village Mountain Mountains River Port Coast Cove Ridge Hill Sound".split()
)
_PLACE_PREPOSITIONS: Final = frozenset(  # "near Alice Springs, Australia": a place follows
    "in near at from outside around across into to towards toward throughout via".split()
)
_PREPOSITIONS_OF_PLACES: Final = _PLACE_PREPOSITIONS | {"of"}  # "fans of Kelmouth Tatar, …"
_NOTION_BEFORE: Final = re.compile(  # "CentOS 8's End of Life", "argued for Universal Basic Income",
    # "the CentOS End Of Life": a possessive, a verb's preposition or a name qualifying the phrase
    r"(?:['’]s|\b(?:against|on|(?:argu|campaign|call|push|lobb[iy]|advocat)[a-z]* for)"
    r"|(?<=[a-z] )[A-Z][A-Za-z0-9]*) \Z"
)
_NEXT_WORD: Final = re.compile(r",? ([a-z]+)")  # the lower-case word right after a name
_WORD_AFTER: Final = re.compile(r" ([A-Za-z]+)")  # the word right after a name, any case
# A lower-case word (group 1) or a comma and a description's first word right after a name.
_VERB_OR_APPOSITION_AFTER: Final = re.compile(r" ([a-z]+)\b|, (?:a|an|the|who)\b")
# Words that open a style or an office, never a name: "His Royal Highness", "The" left of a title.
_STYLE_OPENERS: Final = frozenset("His Her Their Your The".split())
_GLUED_STOP: Final = re.compile(r"(\w*[a-z]{2})\.([A-Z][a-z]\w*)")  # "Afghanistan.Trump": see above
_TRANSCRIPT_LABEL: Final = re.compile(r"\(\(([^()\n]{1,40})\)\)[ \t]*")


def _credit_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the short licence or copyright lines among the last two paragraphs."""
    return [
        (start, end)
        for start, end in paragraph_spans(text)[-2:]
        if _CREDIT_MARKS.search(text, start, end) and text.count(" ", start, end) < 40
    ]


# What `_no_one_word_cue` looks for: every word right before or after a one-word name that
# some cue in `_evidence` needs. The marks are what `_first_name_decides` stops at (the one-word
# proof tries the cues needing a comma or an apostrophe).
_ONE_WORD_AFTER_MARKS: Final = frozenset((",", "'", "’"))
_APOSTROPHES: Final = frozenset(("'", "’"))
_ONE_WORD_BEFORE_CUES: Final = (
    ORG_NOUNS
    | SPEECH_VERBS
    | _MEDIA_LAST
    | frozenset("daily weekly of to at for in near on".split())
)
_SPEECH_HEADS: Final = frozenset(("Address", "Addresses"))
_ADDRESS_AFTER: Final = re.compile(r" address(?:es)?\b")
# "Israel's Maariv newspaper", "the Sun and Daily Mirror newspapers": what a title is.
_OUTLET_NOUNS: Final = frozenset(
    "newspaper newspapers tabloid tabloids broadsheet magazine magazines".split()
)
# What a company or a channel is (rules-18): "New Zealand's Hell Pizza company", "the state-owned
# Dubai World conglomerate", "the Nakheel and Limitless companies", "the Jamaah Ansharut Daulah
# network" (not after a given name: "Ann Lee company director").
_BODY_NOUNS_AFTER: Final = frozenset(
    "company companies firm conglomerate corporation channel network agency militia website".split()
)
# What only a body of members is, even after a given name: "the Islamist Abu Sayyaf group", "the
# governing Likud party", "the rival Fatah faction", "the Vlaams Blok party" (not after a
# possessive: "Mr. Berger's group" is his).
_MEMBERS_NOUNS_AFTER: Final = frozenset("party group movement faction militia".split())


# "the Mukhabarat intelligence agency", "the Kel-Kel opposition youth organization", "the
# White Rose dissident group": after "the" and a name, one or two lower-case words and the noun
# of a body name that body (right before the noun it may be part of the name: "the Houthi
# movement" is annotated whole).
_BODY_AFTER_MODIFIERS: Final = re.compile(
    r" (?:[a-z][a-z-]+ ){1,2}(?:agency|organi[sz]ation|movement|group|sect|militia|think tank|"
    r"party|faction)\b"
    r"(?! of\b)"  # "the Acme group of companies": the words say what kind of group
)


def _names_one_body(before: str, noun: str) -> bool:
    """Whether a name after the text `before` and then a body's `noun` names that body ("the
    Dubai World conglomerate", "the Nakheel and Limitless companies"), not a kind ("a Content
    Creator network", "for B2B and B2C companies")."""
    if _ARTICLE_A_BEFORE.search(before):
        return False
    return noun[-1] != "s" or _THE_LIST_BEFORE.search(before) is not None


_ARTICLE_A_BEFORE: Final = re.compile(r"(?:^|\s)[Aa]n? $")
# "the Nakheel and ": the first names of a list of bodies after "the", up to the last "and".
_THE_LIST_BEFORE: Final = re.compile(r"\b[Tt]he (?:[A-Z]\S*\s){1,4}and $")


# What a leader's name stands for: "the Kelbrook government", "Ovid Tarrant's rule".
_LEADER_TERM: Final = re.compile(
    r" (administration|government|presidency|premiership|regime|reign|rule|era)\b"
)
_LEADER_OPENINGS: Final = frozenset((" ", "'", "’"))
_LEADER_TERM_OPENINGS: Final = alternatives_openings(_LEADER_TERM, 3)  # " ad", " go" …
# A people's adjective between a leader's possessive and the term: "Hussein's Iraqi regime".
_PEOPLE_ADJECTIVE: Final = re.compile(r" ([A-Z][a-z]+)(?= )")
_LEADER_TERMS: Final = frozenset(
    "administration government presidency premiership regime reign rule era".split()
)
# Endings of adjectives that qualify a government ("the Provisional government", "the
# Democratic administration", "the Federal government"), never taken for a leader's name.
_QUALIFIER_ENDINGS: Final = ("al", "ic", "ist", "ary", "ity", "ion", "ian", "ern", "ive")
_GOVERNMENT_QUALIFIERS: Final = frozenset(
    "Interim Caretaker Puppet Green Unity Shadow Exile Rebel Reform Junta Minority".split()
)
# What ends a name after a bare word of kinship: "survived by wife Maureen.", "children Bo and".
_KIN_NAME_END: Final = re.compile(r"[.,;:)]|\s+(?:and|or)\s|\s*$")
_KIN_DETERMINERS: Final = frozenset(
    "his her their its my our your the a an one two three four five six seven eight nine "
    "ten both".split()
)
# Words of kinship that name the relative after them ("his wife Maureen", "sons Wyatt and …").
_KIN_NOUNS: Final = frozenset(
    "wife husband widow widower son sons daughter daughters child children mother father "
    "brother brothers sister sisters grandson grandsons granddaughter granddaughters "
    "grandchildren stepson stepdaughter fiancé fiancée fiance fiancee nephew niece".split()
)
# The plural ones: "the brothers of Taizé", "Sisters of Mercy" may name a community's members.
_KIN_PLURALS: Final = frozenset(
    "sons daughters brothers sisters grandsons granddaughters children grandchildren".split()
)


def _determines_kin(word: str) -> bool:
    """Whether `word` before a word of kinship makes it one's own relatives ("his", "their",
    "Orrow's", "three", "the"), where a bare plural is anyone's ("women and children")."""
    word = word.lower()
    return word in _KIN_DETERMINERS or word.isdigit() or word.endswith(("'s", "’s", "s'"))


_AND_I: Final = re.compile(r" and I (?:[a-z]|have\b|am\b|was\b|were\b|will\b)")
_ONE_WORD_AFTER_CUES: Final = (
    _LEADER_TERMS
    | _MEDIA_VERBS
    | PLACE_NOUNS
    | SPEECH_VERBS
    | frozenset(("mayor", "governor", "premier", "council", "capital"))
    | _OUTLET_NOUNS
    | _BODY_NOUNS_AFTER
    | _MEMBERS_NOUNS_AFTER
)
# What `_first_name_decides` looks for: the last words, the words right before ("on" covers
# _platform_cue, "with", "in", "by" _media_before; ORG_NOUNS are asked apart) and the words
# right after a full name that some check before the first-name rule needs.
_FIRST_NAME_LAST_CUES: Final = _NOT_NAME_HEADS | _FACILITY_HEADS | _FACILITY_LAST
# The forms of "tell": its object is the one told, a person or, as "the …", an outlet or a body.
_TOLD: Final = frozenset("told tells telling tell".split())
_FIRST_NAME_BEFORE_CUES: Final = _MEDIA_LAST | frozenset("daily weekly of on the".split())
# (not _MEDIA_VERBS: "David Morrow reports" is a reporter, rules-18)
_FIRST_NAME_AFTER_CUES: Final = _OUTLET_NOUNS | PLACE_NOUNS | _MEMBERS_NOUNS_AFTER
_NOT_PLACE_BEFORE_IN: Final = frozenset(
    "shares stake stakes investment investments interest role jobs job roles "
    # a field, not a place: "the Nobel Prize in Physics", "a degree in Economics" (rules-10)
    "prize prizes award awards medal degree degrees doctorate phd diploma major bachelor's "
    "master's masters course courses".split()
)


def _without_weekdays(
    run: list[Token], cues: list[str | None]
) -> tuple[list[Token], list[str | None]]:
    """A run without the weekday names that open it ("On Friday Ford Motor Company said") or
    close a time zone ("UTC Thursday")."""
    lo, hi = 0, len(run)
    while lo < hi and run[lo].text in WEEKDAYS:
        lo += 1
    if hi - lo == 2 and run[hi - 1].text in WEEKDAYS and run[lo].text.isupper():
        hi -= 1  # "0000 UTC Thursday"; but "Super Tuesday" and "Good Friday" are names
    while lo < hi and _is_lower(run[lo].text):
        lo += 1
    while hi > lo and run[hi - 1].text.islower():
        hi -= 1
    return run[lo:hi], cues[lo:hi]


_PEOPLE_NOUNS: Final = frozenset(
    "family families community communities people descent heritage man woman men women boy "
    "girl couple".split()
)


_WAR_NAMES: Final = frozenset(
    tuple(name.split())
    for name in (
        "World War I",
        "World War II",
        "World War One",
        "World War Two",
        "First World War",
        "Second World War",
    )
)


def _without_world_war(
    run: list[Token], cues: list[str | None]
) -> tuple[list[Token], list[str | None]]:
    """The run without a world war's name at its start ("World War I Police remained…": the
    war is an event, and the "I." ending it looked like an initial)."""
    if tuple(t.text.rstrip(".") for t in run[:3]) in _WAR_NAMES:
        return run[3:], cues[3:]
    return run, cues


# Last words of an event's name after which a run may go on with the clause's subject when an
# opening phrase has no comma: "After the Gulf War Saddam Hussein stayed", "In the 1967 Six-Day
# War Israel seized", "2008 Presidential Election Barack Obama has won"
_EVENT_ENDS: Final = frozenset(
    "War Wars Election Elections Olympics Games Cup Revolution Crisis Summit Massacre "
    "Championships Championship Referendum Uprising".split()
)


# Last words of a war's or a crisis's name after a place's ("the Persian Gulf War", "the Balkan
# Wars", "the Suez Crisis"): the run names the event, not the place (events are not annotated).
_WAR_ENDS: Final = frozenset("War Wars Crisis Revolution Uprising Massacre".split())
# A field's word before a country's name that names the country's body for that field ("Hockey
# Canada", "Sport Canada", "Team Canada", "Cricket Australia", "Statistics Canada"): an
# organisation, not the country.
_NATIONAL_FIELDS: Final = frozenset(
    "Hockey Sport Sports Team Athletics Swimming Cycling Rowing Football Soccer Basketball "
    "Tennis Rugby Cricket Golf Netball Baseball Volleyball Curling Skate Ski Canoe Gymnastics "
    "Triathlon Boxing Judo Equestrian Sailing Statistics Health Transport Tourism Heritage "
    "Environment Parks Screen Infrastructure Historic Natural".split()
)


# A military facility's lower-case noun after a name ("the Al Asad air base", "Bagram airbase",
# "the Kadena air field"): the name is the base's place, though its words be given names.
_FACILITY_AFTER: Final = re.compile(
    r" (?:(?:air|naval|navy|army|military|marine|marines|airforce) (?:base|station|field)|airbase|"
    r"airfield|air-base)\b"
)
# What a battle is fought at: "the battle of Tora Bora", "the Battle of Fallujah" (a place).
_BATTLE_OF: Final = ("battle of ", "Battle of ", "siege of ", "Siege of ")


# A species' lower-case Latin epithet after a capitalised genus ("Caudipteryx zoui", "Aedes
# aegypti", "Escherichia coli"): the genus is no place, person or body, wherever the article names
# it. Lower-case English words of those endings that follow a name ("a Nairobi taxi") are not.
_EPITHET: Final = re.compile(r"[a-z]{3,}(?:i|ensis|oides)\b(?!-)")
_NOT_EPITHETS: Final = frozenset(
    "taxi taxis safari bikini alibi khaki chili broccoli spaghetti salami graffiti confetti "
    "semi mini maxi kiwi origami sushi wasabi tsunami yeti".split()
)


# What a player does or has done to him in a match's account, right before an unknown two-word
# name ("a Flacco pass to Anquan Boldin", "a fumble that was recovered by Tarell Brown", "a
# penalty by Chykie Brown", "kicked it off to Jacoby Jones"): the name is a player's.
_PLAY_BEFORE: Final = re.compile(
    r"(?:\bpass(?:es)? (?:to|from)|\b(?:kicked|punted|passed|handed|tossed|threw|lobbed|"
    r"crossed|flicked|headed)(?: (?:it|the ball))?(?: off| back)? to|"
    r"\b(?:recovered|intercepted|tackled|sacked|fouled|saved|blocked|assisted|punted|"
    r"returned|caught|substituted|brought down) by|"
    r"\b(?:run|penalty|foul|tackle|sack|interception|fumble|header|cross|assist|catch|"
    r"conversion|save|shot|strike|free kick|corner|dribble|touchdown) (?:by|from|of)) $"
)
# What a player did, after his name and "a" before it ("a Ray Rice fumble").
_PLAY_AFTER: Final = re.compile(
    r" (?:fumble|interception|touchdown|field goal|header|penalty|free kick|own goal|"
    r"hat-trick|hat trick|strike)\b"
)


# A person's other name the text states ("Ginger Baker was born Peter Edward Baker", "performed
# under the ring name Luke Harper", "Jane Roe (née Smith)"): the name after it is the same
# person's, read at the end of the text before a PERSON candidate.
_ALIAS_BEFORE: Final = re.compile(
    r"(?:\bborn|\bn[ée]e|\b(?:ring|stage|pen|birth|real|maiden|given) name|"
    r"\b(?:better|also|professionally) known as) $"
)
# A label a government gives ("a U.S.-designated Foreign Terrorist Organization", "designated as
# a Specially Designated Global Terrorist"): a class of bodies, not one body.
_DESIGNATED_BEFORE: Final = re.compile(r"(?:[\w.]-designated|\bdesignated(?: as)? an?) $")


# A picture's credit: "Placards. Image: John Lubbock (flickr).", "(Photo: Reuters)",
# "Photograph: Stefan Rousseau/PA", "Photo by Jane Roe", "Kamala Harris Image: U.S. Senate.": the
# label opens a line, follows a sentence's end or an opening bracket (or, with its colon, any
# word: a caption's), and the credit runs to the line's end (or the bracket's close). Who took
# or lent a picture is no person or body of the story.
_CREDIT_LABEL: Final = re.compile(
    r"(?:(?:Photo|Image|Picture)s? credits?|Photos?|Images?|Pictures?|Photographs?|Credits?|"
    r"Video|Illustration)(:| by| courtesy of) "
)
# What may stand right before a label with no colon ("… march. Photo by Jane Roe").
_CREDIT_OPENERS: Final = frozenset('.!?)]\u201d"')
_CREDIT_WORDS: Final = frozenset(
    "via and of the courtesy flickr from for by public domain cc by-sa sa".split()
)
_CREDIT_MOST: Final = 80  # characters: a credit is a few names


# Staff or members of a firm named in a body of theirs ("Ryanair Pilots Group", "Ford Workers
# Union", "Apple Shareholders Association"): the body is theirs, not the firm's own name.
_MEMBERS_PLURALS: Final = frozenset(
    "Pilots Workers Employees Staff Shareholders Members Drivers Passengers Customers "
    "Investors Fans Users Owners Retirees Pensioners Engineers Nurses Teachers".split()
)


# The last words of multi-sport events' names ("four Olympic Games", "the 2008 Summer Olympic
# Games", "the Winter Olympics"): an event, no body (events are not annotated; "Special
# Olympics", an organisation, ends otherwise).
_GAMES_EVENTS: Final = frozenset(
    "Olympic Games|Olympic games|Paralympic Games|Summer Olympics|Winter Olympics|"
    "Summer Paralympics|Winter Paralympics|Commonwealth Games|Asian Games|Youth Olympics".split("|")
)


# A capitalised name and a lower-case noun right before a name ("Cleo magazine Ann Lee"): group 1
# the name before the noun.
_NAME_THEN_NOUN: Final = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*) [a-z]+ \Z")
_ARTICLE_WORDS: Final = frozenset("The A An This That Its Their His Her Our".split())


# People a cause-named body is made of, past a people's plural ("Women for America First",
# "Veterans for Peace"; not occupations: "Lawyers for Siméus", "Officials for N. Korea" are
# the ones acting for someone).
_PEOPLE_PLURALS: Final = frozenset(
    "Women Men Citizens Parents Mothers Fathers Families Friends Veterans Voters People Youth "
    "Residents Neighbours Neighbors Taxpayers Patients Consumers Students Workers".split()
)


def _people_plural(word: str, gaz: Gazetteer) -> bool:
    """Whether `word` names people in the plural, as the first word of a body named for a cause
    ("Veterans for Peace", "Americans for Prosperity", "Citizens for Science")."""
    if word in _PEOPLE_PLURALS:
        return True
    if len(word) < 4 or word[-1] != "s" or not word.isalpha():
        return False
    return gaz.known.get(word[:-1]) == "GROUP"


def _all_groups(parts: list[str], gaz: Gazetteer) -> bool:
    return all(gaz.known.get(strip_possessive(p)) == "GROUP" for p in parts)


def _is_title_start(tok: Token) -> bool:
    code = ord(tok.text[0])
    if code < 128:
        return 65 <= code <= 90  # A-Z: `isupper` of an ASCII character, without the method call
    return tok.text[0].isupper()


def _described(before: list[str]) -> bool:
    """Whether "the" opens the last three words before a name, within its sentence."""
    recent = before[-3:]
    for k in range(len(recent) - 1, -1, -1):
        if recent[k].endswith((".", "!", "?")):
            recent = recent[k + 1 :]
            break
    return "the" in recent


def _short_form(short: str, name: str) -> bool:
    """Whether `short` is a short form of the body `name` given in brackets after it: an
    abbreviation and a word of the name ("University of Colorado at Boulder (CU Boulder)"), or
    one word of the name's syllables in order ("Philippine Institute of Volcanology and
    Seismology (Phivolcs)")."""
    words = short.split()
    name_words = name.split()
    if len(words) > 1:
        return (
            len(words) <= 3
            and all(w in name_words or _is_acronym(w) for w in words)
            and any(w in name_words for w in words)
            and any(_is_acronym(w) for w in words)
        )
    if short in name_words[1:]:
        return True  # "World Wonder Ring Stardom (Stardom)", "Harland University (Harland)"
    if len(short) < 4 or _is_acronym(short) or short[0].lower() != name[0].lower():
        return False
    letters = iter(name.lower())
    return all(c in letters for c in short.lower())  # its letters in order, a subsequence


def _initials(name: str) -> str:
    """'the African Union' → 'AU'."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _title_case(name: str) -> str:
    """'CAPE TOWN' → 'Cape Town', "N'DJAMENA" → "N'Djamena"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), name)


def _sort_by_start(cands: list[Candidate]) -> None:
    """`cands.sort(key=lambda c: c.start)`, in place: nothing to do when they are in order (a
    pass mostly adds nothing), where the sort calls its key function for every candidate."""
    for k in range(1, len(cands)):
        if cands[k].start < cands[k - 1].start:
            cands.sort(key=_START)
            return


def _by_start(cands: list[Candidate]) -> list[Candidate]:
    """`sorted(cands, key=_START)`: a copy when they are in order already (as the scan mostly
    leaves them), sorted only when not (a key call per candidate from the sort otherwise)."""
    for k in range(1, len(cands)):
        if cands[k].start < cands[k - 1].start:
            return sorted(cands, key=_START)
    return list(cands)


# Generational suffixes after a surname, folded, each with its other spellings.
# Generation suffixes as written after a name ("Ann Lee Jr.", "Martin Luther King, Jr.").
_GENERATION_WORDS: Final = frozenset("Jr Sr Jnr Snr".split())
# "The mayor of London, Sadiq Khan, said": a name set beside "the <role> of <Name>,".
_ROLE_OF_BEFORE: Final = re.compile(
    r"\b[Tt]he (?:[a-z-]+ ){0,2}(?:mayor|governor|president|chairman|chairwoman|chair|head|"
    r"leader|director|chief executive|founder|minister|secretary|spokesman|spokeswoman|"
    r"spokesperson|editor|owner|captain|coach|manager|ceo) (?:of|at|for) "
    r"(?:the )?[A-Z][\w.'’-]*(?: (?:of |and )?[A-Z][\w.'’-]*){0,4}, $"
)
_ROAD_WORDS: Final = tuple("Interstate Route Highway Motorway Expressway Freeway".split())
# The words a road's or a channel's number follows, and their last letters (tested first).
_NUMBERED_WORDS: Final = _ROAD_WORDS + _CHANNEL_HEADS
_NUMBERED_LASTS: Final = frozenset(word[-1] for word in _NUMBERED_WORDS)
_ROAD_NUMBER: Final = re.compile(r" \d{1,4}[A-Z]?\b(?![.,]\d)")
_BRACKETED_ABBREVIATION: Final = re.compile(r" \(([A-Z][A-Za-z&.]{1,9})\)")
_SQUARE_ABBREVIATION: Final = re.compile(r" \[([A-Z][A-Za-z&.]{1,9})\]")
_BRACKET_OPENINGS: Final = frozenset((" (", " ["))  # before an abbreviation given in brackets
_BRACKET_CLOSINGS: Final = frozenset((")", "]"))
_TICKER_AFTER: Final = _LEGAL_FORMS | {"Co", "Corporation", "Company", "plc", "SA", "AG", "NV"}
# An aside in brackets after a name, then a capitalised word: the name goes on past the aside
# ("the Japanese Government (Mombusho) Scholarship program").
_ASIDE_THEN_NAME: Final = re.compile(r" \([^()\n]{1,40}\) [A-Z]")
# Words that link a name's words: a capitalised word after one may end a longer name.
_NAME_LINKS: Final = CONNECTORS | {"from", "the", "de", "du", "des", "di", "da", "in", "to", "at"}
# ", the main Danish provider of", ", a company which", ", a non-profit rescue organization in":
# a body described after its name (the head noun last, then a stop or a word that goes on a
# noun phrase; no "of" before it: "Ann Lee, a member of the party" is a person).
# Up to three words describing a body before its noun ("the main Danish", "a non-profit"), and
# the nouns of bodies a description ends in.
_BODY_MODIFIERS: Final = r"(?:(?!(?:of|for|in|at|to|from|with|and|the|who|whose)\b)[\w’'-]+ ){0,3}"
_BODY_DESCRIBED: Final = (
    r"company|firm|provider|operator|carrier|airline|bank|lender|retailer|chain|"
    r"manufacturer|carmaker|automaker|producer|organisation|organization|charity|agency|"
    r"newspaper|broadcaster|website|magazine|journal|periodical|insurer|publisher|"
    r"conglomerate|corporation|"
    r"subsidiary|nonprofit|non-profit|consultancy|tabloid|broadsheet|movement|coalition|"
    # "Operation Truth, a New York-based advocacy group for …", "Business Roundtable, an
    # association of chief executives", "Ipsos, a polling firm": a body of members
    r"group|association|federation|foundation|pollster|think tank|watchdog|legislature|parliament"
)
_DESCRIPTION_END: Final = (
    r"(?:[,.;:]| (?:which|that|who|of|in|near|on|based|for|with|from|and|to|owned|run|against)\b"
    r"| (?!saying\b)[a-z]{3,}ing\b)"  # ", a firm specialising in": what it does
)
_DESCRIBED_AS_BODY: Final = re.compile(
    r", (?:a|an|the) "
    + _BODY_MODIFIERS
    + f"(?:{_BODY_DESCRIBED}|daily|weekly|channel|station)"
    + _DESCRIPTION_END
)
# ", a northern village,", ", the main street of Manila", ", a southern sea port in Iraq",
# ", formerly a church": a place (a building too) described after its name.
_DESCRIBED_AS_PLACE: Final = re.compile(
    r", (?:(?:formerly|once|now) )?(?:a|an|the) "
    + _BODY_MODIFIERS
    + r"(?:village|town|city|port|seaport|suburb|district|province|region|settlement|island|"
    + r"neighbourhood|neighborhood|county|municipality|resort|street|river|valley|camp|"
    # "Hagia Sophia, formerly a Greek Orthodox church": a building is a place
    + r"church|cathedral|basilica|mosque|temple|synagogue|monastery|shrine|palace|castle|fortress|"
    + r"monument|landmark|building|tower|skyscraper|bridge|stadium)"
    + _DESCRIPTION_END
)
# What a match of _DESCRIBED_AS_BODY and of _DESCRIBED_AS_PLACE opens with (", a", ", an",
# ", the"; ", formerly", ", once", ", now"): tested before either pattern is tried.
_DESCRIBED_BODY_OPENINGS: Final = frozenset((", a", ", t"))
_DESCRIBED_PLACE_OPENINGS: Final = _DESCRIBED_BODY_OPENINGS | {", f", ", o", ", n"}
# "a program called RAPIDGate", "a research group called FurScience", "stations called Al-Alam":
# the noun before "called", "dubbed" or "known as" says what the name is.
_CALLED_ENDINGS: Final = (
    "called ",
    "dubbed ",
    "known as ",
    "called the ",
    "known as the ",
    ", the ",  # "the legislature of Taiwan, the Legislative Yuan": see _APPOSED_OF_BEFORE
)
_CALLED_BEFORE: Final = re.compile(
    r"\b([a-z][a-z-]+)(?: of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})?,? "
    r"(?:called|dubbed|known as) (?:the )?$"
)
# "the legislature of Taiwan, the Legislative Yuan,": a body's noun of a place, then its name in
# apposition (a body only: "the capital of Peru, the …" says nothing here).
_APPOSED_OF_BEFORE: Final = re.compile(
    r"\b([a-z][a-z-]+) of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}, the $"
)
# Things a name may be "called" that are no entity (products, works, plans, vehicles).
_CALLED_THINGS: Final = frozenset(
    "program programme drink movie film book novel game app software system drug product song "
    "album show series plan scheme report document policy device vehicle rocket ship boat vessel "
    "plane aircraft car model technique method virus disease syndrome operation project "
    "initiative festival event conference exercise weapon missile satellite spacecraft "
    "phenomenon theory character".split()
)
# Bodies a name may be "called" besides ORG_NOUNS ("a group called the Big Foot Riders").
_CALLED_BODIES: Final = frozenset(
    "station stations tank legislature parliament assembly team blog site forum".split()
)
_COPULA_OPENINGS: Final = frozenset((" is ", " was"))
# "Quorvex is a small company", "Quorvex was New Zealand's distributor of": what the name is.
_IS_A_BODY: Final = re.compile(
    r" (?:is|was) (?:a|an|the|(?:[A-Z][\w.-]* ){0,2}[A-Z][\w.-]*['’]s) "
    + _BODY_MODIFIERS
    + f"(?:{_BODY_DESCRIBED}|distributor|supplier|maker|brewer|developer|startup|start-up|"
    + "business|group|party|union|network)"
    + _DESCRIPTION_END
)
# "Quorvex, which employs 300 people": what only a business does.
_WHICH_TRADES: Final = re.compile(
    r", which (?:also |now |still )?(?:employs|employed|owns|owned|manufactures|sells|"
    r"publishes|acquired|bought)\b"
)
_NAME_AFTER: Final = re.compile(r" [A-Z]")
_NAME_DASHES: Final = frozenset("-–—")
# Newspapers' head words that are also offices held by the person named after them.
_OFFICE_PAPER_HEADS: Final = frozenset("Examiner Observer Monitor Inquirer".split())
# A stock ticker in brackets: "(LIOX)", ", (BNE)", "(NYSE: KRX)", "(Nasdaq:AAPL)"
_TICKER: Final = re.compile(
    r",? \(((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX|NZX|HKEX|SGX|TSE|OTC)\s?:\s?)?([A-Z]{2,5})\)"
)


def ticker_matches(text: str) -> list[re.Match[str]]:
    """`_TICKER.finditer(text)`'s matches, tried only where one can open: every match holds
    " (", after its comma when it has one (a search for a pattern opening with an optional
    comma tries every character: 4% of the extractor's instructions)."""
    starts = [at - 1 if text[at - 1 : at] == "," else at for at in find_all(text, (" (",))]
    return matches_at(_TICKER, text, starts)


_NAME_WORD: Final = re.compile(
    r"(?<![\w’'&.-])(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|&)(?![\w’'])"
)
_NAME_WORD_LOWER: Final = frozenset(("of", "for", "and", "the", "on", "in", "&"))


def _is_name_word_char(char: str) -> bool:
    """[\\w’'&.-]: a character of a `_NAME_WORD` match (and none is right before one)."""
    return char.isalnum() or char in "_’'&.-"


def name_word_ends_at(text: str, lo: int, end: int) -> bool:
    """Whether a match of `_NAME_WORD.finditer(text, lo, end)` ends at `end`: a match opens only
    where none of its characters is right before it, so it is the whole run of them ending at
    `end`, opening at `lo` or after with A-Z or being one of the lower-case words."""
    start = end
    while start > 0 and _is_name_word_char(text[start - 1]):
        start -= 1
    if start < lo or start == end:
        return False
    return "A" <= text[start] <= "Z" or text[start:end] in _NAME_WORD_LOWER


# Prefixes of a ship's name ("HMS Victory", "RMS Queen Elizabeth 2", "MV Alan Kurdi"): the run they
# open names a vessel, neither its navy or line (an ORG) nor a person in it ("Queen Mary").
_SHIP_PREFIXES: Final = frozenset("HMS HMAS HMCS HMNZS USS USNS USCGC RMS MV".split())
_STORM_HEADS: Final = ("Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical Depression")
_STORM_OPENERS: Final = frozenset(
    "Hurricane Typhoon Cyclone Storm Tropical Subtropical Super".split()
)
_STORM_NAME: Final = re.compile(
    r"\b(?:Hurricane|(?:Super )?Typhoon|Cyclone|(?:Tropical |Subtropical )?Storm|"
    r"Tropical Depression) ([A-Z][a-z]+)\b(?!-)"
)
# Where a _STORM_NAME match may start (only there is it tried: see segment.matches_at).
_STORM_STARTS: Final = (
    "Hurricane",
    "Super ",
    "Typhoon",
    "Cyclone",
    "Tropical ",
    "Subtropical ",
    "Storm",
)
_AFTER_HEAD: Final = frozenset(("of", "for", "on", "and"))


# Officials' roles written before a surname alone ("Administrator Bolden"); not "Star", "Executive".
_OFFICIAL_ROLES: Final = frozenset(
    "Administrator Prosecutor Inspector Superintendent Detective Sergeant Spokesman Spokeswoman "
    "Spokesperson Commissioner Director Coordinator Ombudsman Registrar Magistrate Coroner Sheriff "
    "Marshal Warden Chairman Chairwoman Chairperson Treasurer Auditor Solicitor Barrister "
    "Attorney".split()
)
_INITIAL: Final = re.compile(r"[A-Z]\.?")  # "W.", the middle initial of "George W. Bush"


def broadcast_channel(words: list[str], gaz: Gazetteer) -> bool:
    """Whether a name ending in "Channel" names a broadcaster, not a strait: a genre or platform
    word before it ("Fox News Channel", "Sci Fi Channel", "YouTube Channel"), a known body ("the
    Disney Channel") or letters ("the CPAC Channel")."""
    if len(words) < 2 or words[-1] != "Channel":
        return False
    before = words[:-1]
    return (
        before[-1] in _CHANNEL_GENRES
        or gaz.known.get(" ".join(before)) == "ORG"
        or (len(before[-1]) > 1 and before[-1].replace("-", "").isupper())
    )
