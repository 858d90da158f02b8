"""The entity scan of one article and its passes over the candidates (see _EntityFinder)."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise
from typing import Final

from newstui.nlp.entity_cues import (
    _AFTER_OR_ABBREVIATION,
    _ALIAS_BEFORE,
    _AMBIGUOUS_LEGAL_FORMS,
    _APPOSITIVE_ORG,
    _BODY_PLURALS,
    _BODY_ROLES,
    _BRACKET_CLOSINGS,
    _BRACKET_OPENINGS,
    _BRACKETED_ABBREVIATION,
    _BRACKETED_GAP,
    _BRIEF_ENDINGS,
    _CAMPUS_AFTER,
    _CAMPUS_HEADS,
    _CAPITAL_NEXT,
    _CASE_NAME,
    _CHANNEL_HEADS,
    _CHANNEL_NUMBER,
    _COMPLEMENT_ENDS,
    _CREDIT_LABEL,
    _CREDIT_MOST,
    _CREDIT_OPENERS,
    _CREDIT_WORDS,
    _DEGREES,
    _DESIGNATED_BEFORE,
    _EPITHET,
    _EVENT_AFTER_OPENINGS,
    _EVENT_AFTER_PLACE,
    _EVENT_ENDS,
    _FIRM_AFTER,
    _GENERATION_WORDS,
    _KIN_NOUNS,
    _LANGUAGES,
    _LEGAL_FORM_OPENINGS,
    _LEGAL_FORMS,
    _LIST_GAP,
    _LIST_GAPS,
    _LIST_INTRODUCERS,
    _LOWER_DOMAIN,
    _LOWER_DOMAIN_ENDS,
    _MEDIA_VERBS,
    _NAME_GOES_ON,
    _NAME_LINKS,
    _NAME_WORD,
    _NEXT_WORD,
    _NO_LEGAL_FORM_AFTER,
    _NOT_EPITHETS,
    _NOTION_BEFORE,
    _NUMBERED_LASTS,
    _NUMBERED_WORDS,
    _ORDINAL_BEFORE,
    _OWN_PAGE_BEFORE,
    _OWNERS,
    _PARTY_PLURALS,
    _PEOPLE_AFTER_LANGUAGE,
    _PLACE_ADJECTIVES,
    _PLACE_BASED_BEFORE,
    _PLACE_PLURALS,
    _PLAY_AFTER,
    _PLAY_BEFORE,
    _PORTFOLIO_BEFORE,
    _PORTFOLIO_TAIL,
    _PRODUCT_AFTER,
    _PRODUCT_BEFORE,
    _PRODUCT_INITIALS,
    _QUOTE_MARKS,
    _ROAD_NUMBER,
    _ROAD_WORDS,
    _ROLE_OF_END,
    _SCORE_AFTER,
    _SOFTWARE_WORD,
    _SPACED_LEGAL_FORM,
    _SPEECH_VERB_AFTER,
    _SPELT_OUT,
    _SPOKEN_BEFORE,
    _SPOKEN_REACH,
    _SQUARE_ABBREVIATION,
    _STORM_HEADS,
    _STORM_NAME,
    _STORM_STARTS,
    _STYLE_OPENERS,
    _TERM_CONNECTORS,
    _TERM_SPLIT,
    _THING_AFTER,
    _TICKER_AFTER,
    _TRADING_PLACES,
    _UNIT_HEADS,
    _UNIT_ORDINAL,
    _WORD_AFTER,
    _abbreviation_tail,
    _by_start,
    _has_of_or_for,
    _initials,
    _no_body_last,
    _people_plural,
    _short_form,
    _sort_by_start,
    _spells_but_one,
    _term_words_start,
    _title_case,
    foreign_name_start,
    model_after,
    name_word_ends_at,
    spoken_after,
    ticker_matches,
)
from newstui.nlp.entity_runs import _party_words, _RunFinder
from newstui.nlp.entity_words import (
    _GROUP_OF_PLACE,
    _HAS_DIGIT,
    _POSSESSIVE_ENDINGS,
    _RELATION_AFTER,
    ALNUM_EDGES,
    CALENDAR,
    COMPASS,
    CONNECTORS,
    ORG_NOUNS,
    PLACE_OPENERS,
    SPEECH_VERBS,
    THING_WORDS,
    Candidate,
    _chunks,
    _has_word_token,
    _is_acronym,
    _is_cap,
    _is_upper,
    _is_word_char,
    decimal_char,
    find_alone,
)
from newstui.nlp.gazetteer import Gazetteer, us_states
from newstui.nlp.names import countries_and_regions, named_states, strip_possessive
from newstui.nlp.segment import Dateline, OpeningGuard, Token, find_all, matches_at

# A preposition right before a name ("from Dell USA", "of Forbes Asia").
_PREPOSITION_BEFORE: Final = re.compile(r"\b(?:from|of|at|for|by|with) $")
# A saint's word right before a name ("Saint Vincent and the Grenadines": see
# _join_known_and_the), read as a title when the runs were cut.
_SAINT_BEFORE: Final = re.compile(r"\b(?:Saint|St\.) $")
# Words that, with a head noun alone, make a generic body's name that "of" a place completes
# ("Supreme Court of New Jersey", "High Court of Justice", "Central Bank of Malta").
_GENERIC_BODY_WORDS: Final = frozenset(
    "National Federal State Provincial Regional Municipal Royal Imperial Supreme High Higher "
    "Central District Circuit Appellate Appeals Crown Magistrates County City Town General "
    "Grand Constitutional Criminal Civil Superior Lower Upper First Second Third".split()
)
# A comma and a region's name after a town's: "of Henderson, Nevada", "of McMinnville, Oregon".
_REGION_AFTER: Final = re.compile(r", ([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)\b")
# Words that name a legislature or its other chamber, and what follows a lower chamber's
# "House" used as a noun's modifier ("House members", "House Speaker Ann Lee")
_LEGISLATURE_WORDS: Final = ("Senat", "Congress", "arliament", "Representatives")
_CHAMBER_AFTER: Final = re.compile(
    r"['’]?s? (?:members?|lawmakers|Speaker|floor|version|vote|Democrats|Republicans|"
    r"Majority|Minority|leaders?|leadership)\b"
)
_AMERICAN: Final = frozenset(("American", "Americans"))
# The organs of a state's executive named by what they do: a nationality's word before them
# ("the Israeli Defense Ministry", "the Finnish Ministry for Foreign Affairs", "the Australian
# Department of Immigration", "the British Foreign Office") says whose they are, context and no
# word of the body's name (issue 10; wikinews-dev9/README.md, "Conventions followed").
_ORGAN_HEADS: Final = frozenset("Ministry Ministries Department".split())
# Faiths' words, which a ministry's name holds as its field ("Islamic Affairs Ministry")
_FAITHS: Final = frozenset(
    "Islamic Muslim Christian Catholic Jewish Hindu Buddhist Sikh Orthodox Protestant Shia "
    "Shiite Sunni Coptic Evangelical".split()
)
_OFFICES_OF_STATE: Final = frozenset(
    ("Foreign Office", "Home Office", "Cabinet Office", "War Office", "Colonial Office",
     "Foreign and Commonwealth Office", "Northern Ireland Office", "Scotland Office")
)  # fmt: skip
# "Senator Arlen Specter, R-PA, said", "Sen. Dodd (D-Conn.)": a US party's letter and a state
# A kind of place's word alone names none: "New York City and State Democrat prosecutors",
# "Prince George's County" cut at the possessive.
_PLACE_KIND_WORDS: Final = frozenset(
    "State City County Province Region District Town Village Municipality Prefecture".split()
)
# A craft's or a structure's noun after a person's name: "the James Webb space telescope".
_NAMESAKE_THING_AFTER: Final = OpeningGuard(
    re.compile(
        r" (?:space |radio |orbiting )?(?:telescope|spacecraft|space probe|rover|lander|orbiter"
        r"|aircraft carrier|submarine|destroyer|warship|icebreaker|bridge|tunnel)s?\b"
    )
)
# A word for an election right after a chamber's name: "the … Republican Senate primary".
# The head nouns of bodies named for what they work against ("Committee against Torture"; see
# _join_against_bodies).
_AGAINST_HEADS: Final = ("Committee", "Campaign", "Coalition", "Convention")
_RACE_NOUN_AFTER: Final = re.compile(
    r" (?:primary|primaries|race|seat|election|elections|nomination|runoff|run-off|caucus"
    r"|caucuses|contest|ticket|candidate|candidates|campaign)\b"
)
_NATIONAL_CHAMBERS: Final = frozenset(
    ("U.S. Senate", "US Senate", "United States Senate", "U.S. House", "US House")
)
_RACE_CHAMBERS: Final = _NATIONAL_CHAMBERS | frozenset(
    ("Senate", "House", "Assembly", "Congress", "State Senate", "House of Representatives")
)
# the last words of those chambers: an ORG candidate ending so is what _split_race_bodies splits
_RACE_CHAMBER_LASTS: Final = tuple(sorted({c.rsplit(" ", 1)[-1] for c in _RACE_CHAMBERS}))
_PARTY_STATE_TAG: Final = re.compile(r"[RDI]-[A-Z][A-Za-z]{1,13}\.?")
# "Students for a Free Tibet", "the Partnership for a Drug-Free America": the capitalised words
# after a name's "for a(n)" (see _join_for_a_names).
_FOR_A_REST: Final = re.compile(r"n? ([A-Z][\w'’-]*(?: (?:of |and )?[A-Z][\w'’-]*)*)")
_INSIDE_BODIES: Final = frozenset(("PLACE", "GROUP"))  # known names a body's name may hold
# "Texas Citizens for Science", "Students & Scholars Against Corporate Misbehavior", "Iraq
# Veterans Against the War": up to two capitalised words, people in the plural (two joined by
# "&"/"and"), "for" or a capitalised "Against" (its "the"), and the capitalised words of the
# cause, ending the name (see _join_cause_bodies).
_CAUSE_ANCHORS: Final = ("s for ", "s Against ")
_CAUSE_BEFORE: Final = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]* ){0,2}?)(?:([A-Z][a-z]+s) (?:&|and) )?$"
)
_CAUSE_REST: Final = re.compile(r"(the )?([A-Z][\w'’-]*(?: (?:of |and |& )?[A-Z][\w'’-]*){0,3})")
_ABROAD_BRANCH: Final = re.compile(r" ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)(?![\w'’-])")
_CAUSE_LOOK_BACK: Final = 60  # characters before the plural read for the words before it
_CAUSE_LEADS_DROPPED: Final = frozenset(("The", "A", "An"))
_QUOTE_OPENERS: Final = frozenset(('"', "“", "‘", "'"))
# What may stand right before a lower-case term that opens a text's words (see _opens_lower_term)
_TERM_OPENERS: Final = frozenset(("\n", "(", '"', "“", ","))
# "told the Sunday Times that", "told the Globe and Mail:", "told the Irrawaddy newsmagazine":
# the capitalised words after "told the" up to the end of the clause ("that", a stop, a
# quotation, a reporting time or an outlet's noun) name the outlet a source spoke to.
_TOLD_OUTLET: Final = re.compile(
    r"told the ([A-Z](?:[\w'’&-]|\.(?=\w))*(?: (?:and |of |& )?[A-Z](?:[\w'’&-]|\.(?=\w))*)*)"
    r"(?=[,.:;]|\s*[\"“]| (?:that|on|in|last|this|earlier|yesterday|today|before|after|when|"
    r"about|newspaper|newsmagazine|magazine|daily|weekly|news agency|radio|television)\b)"
)


# Heads of bodies' names that written in lower case are common nouns, never a body's ("the
# cockpit voice recorder (CVR)", but "Voice of Russia", "Independent Jewish Voices").
_LOWER_NOT_HEADS: Final = frozenset(("voice", "voices"))


# Words before two names joined by "and" that make them no clause's subject.
_NOT_BEFORE_SUBJECT_PAIR: Final = frozenset(
    "the a an of by from in at to for with on between both among and or".split()
)
# Verbs of speech that are as often a plural noun after two names ("… Belt and Rust Belt states").
_NOUN_LIKE_VERBS: Final = frozenset("states notes claims remarks comments answers".split())


# What follows a body's country branch: a lower-case word, or a stop, comma, bracket or line's end.
_WORD_AFTER_BRANCH: Final = re.compile(r"(?: ([a-z]+)\b|[.,;:)(]|\s*\n|$)")
_LOWER_AFTER: Final = re.compile(r" ([a-z]+)\b")
_CLAUSE_WORDS_AFTER: Final = frozenset("that also recently says has is".split())


def _cause_people(word: str, gaz: Gazetteer) -> bool:
    """Whether `word` names people in the plural: a list's ("Veterans") or a people's plural,
    written with an "s" after its singular or known as it is ("Jews")."""
    return _people_plural(word, gaz) or gaz.known.get(word) == "GROUP"


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence or a line (quotation marks aside)."""
    before = text[max(0, at - 4) : at].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?:\n"


# What lies between two places joined by a hyphen: "the Pakistan-Afghanistan border", "the
# Paris-Bucharest route", "China-Canada relations" (each place named; not "Asia-Pacific region").
_BETWEEN_PLACES_AFTER: Final = re.compile(
    r" (?:borders?|frontier|boundary|crossings?|routes?|flights?|road|highway|railway|rail|"
    r"pipeline|corridor|conflict|war|dispute|rivalry|relations|ties|talks|discussions|"
    r"negotiations|meetings?|summit|trade|deal)\b"
)


# Offices held over a place: the name after "the Mayor of" is the town's.
_PLACE_OFFICE_OF: Final = re.compile(
    r"\b(?:[Mm]ayor|[Gg]overnor|[Pp]remier|[Pp]refect)(?:-elect)? of \Z"
)
# Roles held towards a person, not an office ("the mother of Ann Lee, Bo Lee, said").
_RELATIONS: Final = _KIN_NOUNS | frozenset(
    "friend friends lawyer lawyers attorney attorneys relative relatives partner colleague "
    "successor predecessor victim victims".split()
)


class _EntityFinder(_RunFinder):
    """Finds candidates in one text; a fresh instance per article. scan() reads the capitalised runs,
    then passes over the candidates: suffixes, campuses and branches, abbreviations defined and spelt
    out, lists, roads, units, storms and tickers."""

    def scan(self) -> list[Candidate]:
        for dateline in self.datelines:
            self._add_dateline(dateline)
        hyphened: list[Token] = []
        for run, cues in _chunks(self.text, self.tokens, hyphened):
            self._scan_run(run, cues)
        self._split_group_compounds(hyphened)
        self._split_place_compounds(hyphened)
        if any(tok.text[1:2] == "-" for tok in hyphened):  # "R-PA": a letter and a hyphen
            self._drop_party_state_tags()
        self._type_by_use()
        self._type_lists()
        self._join_portfolio_lists()
        self._join_and_names()
        self._join_campus_places()
        if " in " in self.text:
            self._join_known_branches()
        if " and the " in self.text:
            self._join_known_and_the()
        self._join_country_suffixes()
        # (a party's plural is a candidate of its own: cheaper to ask the candidates than the text)
        if any(cand.text in _PARTY_PLURALS for cand in self.candidates):
            self._join_party_branches()
        # Passes that only change candidates of one kind ask the candidates (a dozen or two an
        # article) whether one is of it before searching the whole text for their words.
        if self._org_holds(" Group of ") and " Group of " in self.text:
            self._split_group_of_place()
        text = self.text
        if self._org_ends_with(_RACE_CHAMBER_LASTS) and (
            "Senate " in text or "House " in text or "Assembly " in text or "Congress " in text
        ):
            self._split_race_bodies()  # (the candidates asked only where a chamber is named)
        if "–" in self.text:
            self._join_en_dashed_bodies()
        if " against " in text and self._org_ends_with(_AGAINST_HEADS):
            self._join_against_bodies()
        # each text scanned once, for the bracket alone first (most texts have none, and a
        # character's search is the cheaper)
        rounds = "(" in self.text and " (" in self.text
        squares = "[" in self.text and " [" in self.text
        self._define_spanning_abbreviations(rounds, squares)
        self._expand_defined_acronyms(rounds, squares)
        if squares or rounds:
            self._type_acronyms_spelt_out()
        self._untype_owned_abbreviations()
        if rounds:
            self._untype_term_abbreviations()
            self._drop_stock_tickers()
        if self.airlines:  # "Adam Air was grounded": the airline, not a person named Adam
            for cand in self.candidates:
                if cand.type == "PERSON" and cand.strength < 3 and cand.text in self.airlines:
                    cand.type = "ORG"
        self._add_lower_case_domains()
        if self._one_word_opening("House") and " House" in self.text:
            self._type_lower_chamber()
        if "told the " in self.text:
            self._join_told_outlets()
        if " for a" in self.text:
            self._join_for_a_names()
            _sort_by_start(self.candidates)
        if "s for " in self.text or "s Against " in self.text:
            self._join_cause_bodies()
        if "s Abroad" in self.text:
            self._join_abroad_bodies()
        self._drop_storm_names()
        if " v. " in self.text:
            self._drop_case_parties()
        self._number_roads_and_channels()
        if self._named("Downing Street") and "10 Downing Street" in self.text:
            self._number_downing_street()
        if "st " in self.text or "nd " in self.text or "rd " in self.text or "th " in self.text:
            self._number_units()
        if ", " in self.text:
            self._join_legal_suffixes()
            if self.comma_listed:
                self._join_comma_listed_bodies()
            self._join_generation_suffixes()
        if (
            self._ends_with_stop()
            and "r. " in self.text
            and ("Jr. " in self.text or "Sr. " in self.text)
        ):
            self._join_generation_bodies()
        if self._legal_form_after_org():
            self._join_spaced_legal_forms()
        self._untype_products()
        self._untype_makers_of_models()
        if " of " in self.text or " for " in self.text:
            self._untype_briefs()
            if " of " in self.text:
                self._cut_place_qualifiers()
        if "-based " in self.text:
            self._type_based_bodies()
        if "Ministr" in text or "Department" in text or " Office" in text:
            self._strip_nationality_from_organs()
        self._drop_genera()
        self._type_unknown_people()
        if "designated " in text:
            self._drop_designations()
        if " name " in text or "born " in text or "known as " in text or "ée " in text:
            self._join_stated_aliases()
        self._split_outlets_from_people()
        if "Washington, DC" in text:
            for cand in self.candidates:  # "Washington, DC": the capital's letters, not DC Comics
                if cand.text == "DC" and text.endswith("Washington, ", 0, cand.start):
                    cand.type, cand.display = "PLACE", "Washington"
        if _may_credit(text):
            self._drop_credits()
        for cand in self.candidates:
            if cand.words == 1 and cand.type != "ORG" and cand.text in _PLACE_KIND_WORDS:
                cand.type, cand.strength = None, 0  # "New York City and State prosecutors"
        return self.candidates

    # What the candidates must hold for a pass of scan() to change any (each a necessary
    # condition of its pass, read before the text is searched for the pass's words).

    def _org_holds(self, words: str) -> bool:
        """Whether an ORG candidate's text holds `words` (_split_group_of_place)."""
        return any(cand.type == "ORG" and words in cand.text for cand in self.candidates)

    def _org_ends_with(self, lasts: tuple[str, ...]) -> bool:
        """Whether an ORG candidate's text ends with one of `lasts` (_split_race_bodies)."""
        return any(cand.type == "ORG" and cand.text.endswith(lasts) for cand in self.candidates)

    def _one_word_opening(self, word: str) -> bool:
        """Whether a one-word candidate opens with `word` ("House", "House's":
        _type_lower_chamber)."""
        return any(cand.words == 1 and cand.text.startswith(word) for cand in self.candidates)

    def _named(self, name: str) -> bool:
        """Whether a candidate's text is `name` (_number_downing_street)."""
        return any(cand.text == name for cand in self.candidates)

    def _ends_with_stop(self) -> bool:
        """Whether a candidate of three words or more ends with a full stop ("Martin Luther
        King Jr.": _join_generation_bodies)."""
        return any(cand.words >= 3 and cand.text.endswith(".") for cand in self.candidates)

    def _split_group_compounds(self, hyphened: list[Token]) -> None:
        """'Swiss-Italian citizenship', 'the Sunni-Muslim city': each nationality or faith joined
        by hyphens is a group of its own (`hyphened`: the name tokens with a hyphen). A compound
        typed whole stays so ("a Korean-Canadian actor", before a word for people), and so does
        a hyphenated American ("African-American", "American-Arab"): one group, as the
        annotated sets have it."""
        known = self.gaz.known
        parts_found: list[Candidate] = []
        for tok in hyphened:
            head = tok.text[: tok.text.index("-")]
            if known.get(head) != "GROUP" and known.get(head[:-1]) != "GROUP":
                continue  # most hyphenated names open with no nationality ("Kremlin-backed")
            parts = strip_possessive(tok.text).split("-")
            if not _AMERICAN.isdisjoint(parts) or not all(
                known.get(p) == "GROUP" or (p[-1:] == "s" and known.get(p[:-1]) == "GROUP")
                for p in parts
            ):
                continue  # "Syrian-led", "Korean-born": a nationality and a word
            end = tok.start + sum(map(len, parts)) + len(parts) - 1
            whole = next(
                (c for c in self.candidates if c.start == tok.start and c.end == end), None
            )
            if whole is not None and whole.type == "GROUP":
                continue
            at = tok.start
            for p in parts:
                parts_found.append(Candidate(at, at + len(p), p, 1, "GROUP", 3))
                at += len(p) + 1
            if whole is not None:
                self.candidates.remove(whole)
        if parts_found:
            self.candidates = sorted(self.candidates + parts_found, key=lambda c: c.start)

    def _strip_nationality_from_organs(self) -> None:
        """'the Israeli Defense Ministry' is the ministry `Defense Ministry` and the group
        `Israeli`: a nationality's word before a ministry, a department or an office of state
        (_ORGAN_HEADS, _OFFICES_OF_STATE) is kept as context, not as a word of the name (other
        bodies keep theirs: "Australian Labor Party", "British Army")."""
        known = self.gaz.known
        found: list[Candidate] = []
        for cand in self.candidates:
            if cand.type != "ORG" or cand.words < 3:
                continue
            first, _, rest = cand.text.partition(" ")
            if known.get(first) != "GROUP" or first in _FAITHS or first in _party_words():
                continue  # "the Islamic Heritage Ministry": a faith's word names the field
            words = rest.split()
            if not (
                strip_possessive(words[-1]) in _ORGAN_HEADS
                or (words[0] in _ORGAN_HEADS and words[1] in ("of", "for"))
                or strip_possessive(rest) in _OFFICES_OF_STATE
            ):
                continue
            found.append(Candidate(cand.start, cand.start + len(first), first, 1, "GROUP", 3))
            found[-1].sentence_start = cand.sentence_start
            cand.start += len(first) + 1
            cand.text, cand.words, cand.display = rest, cand.words - 1, None
            cand.sentence_start = False
        if found:
            self.candidates = sorted(self.candidates + found, key=lambda c: c.start)

    def _split_place_compounds(self, hyphened: list[Token]) -> None:
        """'the Pakistan-Afghanistan border', 'the Paris-Bucharest route': known places joined by
        hyphens, in no longer name, are each a place (not "Asia-Pacific" nor "Guinea-Bissau",
        known whole, nor "the Cameroon-Nigeria Mixed Commission", a body's name)."""
        known = self.gaz.known
        found: list[Candidate] = []
        for tok in hyphened:
            parts = strip_possessive(tok.text).split("-")
            if len(parts) < 2 or not all(known.get(p) == "PLACE" for p in parts):
                continue
            if self._lookup("-".join(parts)) is not None or not _BETWEEN_PLACES_AFTER.match(
                self.text, tok.end
            ):
                continue  # ("the Asia-Pacific region", "Congo-Kinshasa": one place's name)
            over = [c for c in self.candidates if c.start < tok.end and c.end > tok.start]
            if any(c.type is not None or (c.start, c.end) != (tok.start, tok.end) for c in over):
                continue
            for c in over:
                self.candidates.remove(c)  # the whole, untyped
            at = tok.start
            for p in parts:
                cand = Candidate(at, at + len(p), p, 1, "PLACE", 2)
                name = self._lookup(p)
                if name is not None and name[0] != p:
                    cand.display = name[0]
                longer = next(
                    (
                        c
                        for c in self.candidates
                        if c.type == "PLACE"
                        and c.words == 2
                        and c.text.startswith(p + " ")
                        and c.text[len(p) + 1 :] in ("Strip", "Region", "Province")
                    ),
                    None,
                )
                if longer is not None:  # "the Israel-Gaza border" after "the Gaza Strip" (not
                    # "the US-Mexico border" after "Mexico City")
                    cand.display = longer.display or longer.text
                found.append(cand)
                at += len(p) + 1
        if found:
            self.candidates = sorted(self.candidates + found, key=lambda c: c.start)

    def _type_by_use(self) -> None:
        """Known words typed by how the sentence uses them: 'learn English', 'in both Arabic and
        English' (a nationality's word as its language: no group, the mention is dropped);
        'Tamil rebels', 'the Basques' (a language's word naming its people: a group); 'the
        Kyoto protocol', 'the Madrid bombings' (a place naming an event or a pact there: the
        mention is no place); 'Irish American' (a nationality before "American": one group)."""
        known = self.gaz.known
        text = self.text
        cands = self.candidates
        dropped: list[Candidate] = []
        for k, cand in enumerate(cands):
            kind = cand.type
            if kind == "PLACE":
                if (
                    cand.strength >= 3
                    and text[cand.end : cand.end + 3] in _EVENT_AFTER_OPENINGS
                    and _EVENT_AFTER_PLACE.match(text, cand.end)
                ):
                    dropped.append(cand)
            elif cand.words != 1:
                continue
            elif kind == "GROUP":
                if cand.strength < 3:
                    continue
                prev = cands[k - 1] if k else None
                if self._spoken(cand, prev, cands[k + 1 : k + 2]):
                    dropped.append(cand)
                elif (
                    cand.text in _AMERICAN
                    and prev is not None
                    and prev.type == "GROUP"
                    and prev.words == 1
                    and text[prev.end : cand.start] == " "
                    and prev not in dropped
                ):  # "the Irish American community", "Indian Americans": one people
                    dropped.append(prev)
                    cand.start, cand.text, cand.words = prev.start, text[prev.start : cand.end], 2
            elif kind == "LANGUAGE":
                if _PEOPLE_AFTER_LANGUAGE.match(text, cand.end):
                    cand.type = "GROUP"  # "Tamil rebels", "Basque independence"
            elif kind is None and cand.text[-1:] == "s" and known.get(cand.text[:-1]) == "LANGUAGE":
                cand.type, cand.strength = "GROUP", 3  # "the Basques", "Tamils"
        for cand in dropped:
            cands.remove(cand)

    def _spoken(self, cand: Candidate, prev: Candidate | None, nxt: list[Candidate]) -> bool:
        """Whether a nationality's word is used as its language: after a verb of speaking or
        learning, before "language" or "speakers", or joined by "and"/"or" to a language."""
        text = self.text
        end = cand.end
        if spoken_after(text, end) or _SPOKEN_BEFORE.search(
            text, max(0, cand.start - _SPOKEN_REACH), cand.start
        ):
            return True
        joined = (" and ", " or ")
        if prev is not None and prev.type == "LANGUAGE" and text[prev.end : cand.start] in joined:
            return True  # "in both Arabic and English"
        # "English and Arabic signs"
        return bool(nxt) and nxt[0].type == "LANGUAGE" and text[cand.end : nxt[0].start] in joined

    def _type_based_bodies(self) -> None:
        """'South Korea-based Cresyn', 'Singapore-based Jin Li Mould Manufacturing': the name
        right after "<place>-based" is a body based there (not a person: no given name)."""
        for cand in self.candidates:
            if (
                cand.strength < 3
                and cand.type != "ORG"
                and self.text[cand.start - 7 : cand.start] == "-based "  # what a match ends with
                and _PLACE_BASED_BEFORE.search(self.text, max(0, cand.start - 40), cand.start)
                and cand.text.split()[0] not in self.gaz.first_names
            ):
                cand.type, cand.strength = "ORG", 2

    def _join_legal_suffixes(self) -> None:
        """'Staples, Inc.', 'WebSource Media, L.L.C.': a company's legal form after a comma is
        the end of its name, not a body of its own."""
        out: list[Candidate] = []
        for cand in self.candidates:
            prev = out[-1] if out else None
            if (
                prev is None
                or cand.text not in _LEGAL_FORMS
                or cand.start != prev.end + 2
                or self.text[prev.end : cand.start] != ", "
                or prev.type not in ("ORG", "PERSON", None)
                or (prev.type != "ORG" and prev.strength >= 3)
            ):
                out.append(cand)
                continue
            end = cand.end + ("." in cand.text and self.text[cand.end : cand.end + 1] == ".")
            joined = Candidate(prev.start, end, self.text[prev.start : end], prev.words + 1)
            joined.type, joined.strength = "ORG", 2
            joined.sentence_start = prev.sentence_start
            out[-1] = joined
        self.candidates = out

    def _legal_form_after_org(self) -> bool:
        """Whether a legal form follows an organisation's name (what `_join_spaced_legal_forms`
        joins): asked at each ORG candidate's end, not searched for in the whole text (the
        pattern opens with a space, so a search tried its alternatives after every word)."""
        text = self.text
        return any(
            cand.type == "ORG"
            and text[cand.end : cand.end + 2] in _LEGAL_FORM_OPENINGS  # " A", " S" …
            and _SPACED_LEGAL_FORM.match(text, cand.end) is not None
            for cand in self.candidates
        )

    def _join_spaced_legal_forms(self) -> None:
        """'Statoil ASA', 'ITV plc', 'Finnair Oyj': a company's legal form right after an
        organisation's name, no comma between, ends that name (a known firm's name stopped
        before it, and the form was a body of its own or dropped). Not "SA" after a people's
        word ("Australian Democrats SA": the party's South Australian branch)."""
        text = self.text
        out: list[Candidate] = []
        cands = self.candidates
        k = 0
        while k < len(cands):
            cand = cands[k]
            k += 1
            m = _SPACED_LEGAL_FORM.match(text, cand.end) if cand.type == "ORG" else None
            if m is None:
                out.append(cand)
                continue
            form = strip_possessive(m.group()[1:])
            if form in _AMBIGUOUS_LEGAL_FORMS and _NO_LEGAL_FORM_AFTER.match(text, m.end()):
                out.append(cand)  # "The BBC SA correspondent", "Microsoft AB tested it"
                continue
            nxt = cands[k] if k < len(cands) else None
            if nxt is not None and nxt.start < m.end():
                if nxt.start != m.start() + 1 or strip_possessive(nxt.text).rstrip(
                    "."
                ) != form.rstrip("."):
                    out.append(cand)  # the form opens a longer name: "SA Police"
                    continue
                k += 1
            if form == "SA" and any(self.gaz.known.get(w) == "GROUP" for w in cand.text.split()):
                out.append(cand)
                if nxt is not None and nxt.start == m.start() + 1:
                    out.append(nxt)
                continue
            end = m.start() + 1 + len(form)  # "Euro Disney SCA's": the name without "'s"
            joined = Candidate(cand.start, end, text[cand.start : end], cand.words + 1)
            joined.type, joined.strength = "ORG", max(cand.strength, 2)
            joined.sentence_start = cand.sentence_start
            out.append(joined)
        self.candidates = out

    def _join_comma_listed_bodies(self) -> None:
        """'the Construction, Forestry, Mining and Energy Union': single capitalised words no
        list knows, each followed by a comma, after "the" and before a body's name of the shape
        "Word and Word(s) Head", are the first fields of that one body's name, no bodies of
        their own."""
        cands = self.candidates
        text = self.text
        k = len(cands) - 1
        while k > 0:
            cand = cands[k]
            if " and " not in cand.text or cand.type not in ("ORG", None):
                k -= 1
                continue
            first, _, rest = cand.text.partition(" and ")
            if " " in first or strip_possessive(rest.rsplit(" ", 1)[-1]) not in self.heads:
                k -= 1
                continue
            j, start = k, cand.start
            while j > 0:
                prev = cands[j - 1]
                if (
                    prev.words != 1
                    or prev.end + 2 != start
                    or text[prev.end : start] != ", "
                    or prev.strength >= 3
                    or self._lookup(prev.text) is not None
                ):
                    break
                j, start = j - 1, prev.start
            if j < k and self._word_before(start) in ("the", "The"):
                body = Candidate(start, cand.end, text[start : cand.end], cand.words + k - j)
                body.type, body.strength = "ORG", 2
                cands[j : k + 1] = [body]
            k = j - 1

    def _join_generation_suffixes(self) -> None:
        """'Martin Luther King, Jr.', 'Ann Lee, Sr.': a generation after a comma ends the
        person's name (with its full stop), not a name of its own."""
        out: list[Candidate] = []
        for cand in self.candidates:
            prev = out[-1] if out else None
            if (
                prev is None
                or cand.text not in _GENERATION_WORDS
                or cand.start != prev.end + 2
                or self.text[prev.end : cand.start] != ", "
                or prev.words < 2
                or prev.type not in ("PERSON", None)
            ):
                out.append(cand)
                continue
            end = cand.end + (self.text[cand.end : cand.end + 1] == ".")
            prev.end, prev.text, prev.words = end, self.text[prev.start : end], prev.words + 1
            prev.type, prev.strength = "PERSON", max(prev.strength, cand.strength, 1)
        self.candidates = out

    def _join_generation_bodies(self) -> None:
        """'the Martin Luther King Jr. Center for Nonviolent Social Change': a person's name
        ending in a generation's "Jr." or "Sr." right before a body's head word ("Center",
        "Foundation", "Library" …) opens the body's name; the stop is no sentence's end."""
        out: list[Candidate] = []
        for cand in self.candidates:
            prev = out[-1] if out else None
            if (
                prev is None
                or cand.type != "ORG"
                or cand.start != prev.end + 1
                or self.text[prev.end] != " "
                or prev.type not in ("PERSON", None)
                or prev.words < 3
                or not prev.text.endswith(".")
                or prev.text.split()[-1].rstrip(".") not in _GENERATION_WORDS
                or cand.text.split()[0] not in self.gaz.org_words
            ):
                out.append(cand)
                continue
            prev.end, prev.text = cand.end, self.text[prev.start : cand.end]
            prev.words += cand.words
            prev.type, prev.strength = "ORG", max(cand.strength, 2)
        self.candidates = out

    def _cut_place_qualifiers(self) -> None:
        """'the Security Savings Bank of Henderson, Nevada', 'Evergreen Aviation & Space Museum
        of McMinnville': a body's name glued to "of" and a place's name, when the article names
        the body elsewhere without it ("… two Security Savings Bank branches"), is the body,
        and the place is a place of its own; not a known name ("Green Party of Canada")."""
        text = self.text
        for cand in [c for c in self.candidates if c.type == "ORG" and c.words > 3]:
            at = text.find(" of ", cand.start, cand.end)
            if at < 0:
                continue
            head = text[cand.start : at]
            rest_at = at + 4 + (4 if text.startswith("the ", at + 4) else 0)
            rest = text[rest_at : cand.end]
            words = head.split()
            if (
                len(words) < 2
                or " of " in rest
                or not rest[:1].isupper()
                or len(rest.split()) > 3
                or strip_possessive(words[-1]) not in self.gaz.org_words
                or self._lookup(cand.text) is not None
                or not self._named_without(head, cand)
            ):
                continue
            known = self._lookup(rest)
            if known is not None and (
                known[1] != "PLACE"  # "Development Committee of the World Bank Group"
                or rest.casefold() in countries_and_regions()  # "Green Party of Ontario",
                or rest in named_states()  # "Communist Party of Brazil": the whole name
            ):
                continue
            if all(w in _GENERIC_BODY_WORDS for w in words[:-1]):
                continue  # "the Supreme Court of New Jersey", "the High Court of Justice"
            region = _REGION_AFTER.match(text, cand.end)
            if region is None or region.group(1) not in named_states():
                continue  # only a town's address: "… of Henderson, Nevada"
            cand.end, cand.text, cand.words, cand.display = at, head, len(words), None
            place = Candidate(rest_at, rest_at + len(rest), rest, len(rest.split()), "PLACE", 1)
            if known is not None:
                place.strength = 3
            self.candidates.append(place)
        _sort_by_start(self.candidates)

    def _named_without(self, head: str, cand: Candidate) -> bool:
        """Whether the text writes `head` (a body's name) elsewhere than in `cand`, not followed
        by "of" there."""
        text = self.text
        at = find_alone(text, head, 0, ALNUM_EDGES)
        while at >= 0:
            if at != cand.start and not text.startswith(" of ", at + len(head)):
                return True
            at = find_alone(text, head, at + len(head), ALNUM_EDGES)
        return False

    def _untype_briefs(self) -> None:
        """'Professor of Economics', 'Minister for Youth and Sports', 'Head of Acquisitions': the
        field or brief after a role and "of"/"for" is no body (unless known or named by a head
        noun: "chairman of Genentech", "director of the Kiel Institute")."""
        for cand in self.candidates:
            if cand.type == "ORG" and cand.strength < 3 and self._is_brief(cand):
                cand.type, cand.strength = None, 0

    def _is_brief(self, cand: Candidate) -> bool:
        """Whether `cand`, right after a role and "of"/"for", names a field or a brief."""
        lo = max(0, cand.start - 40)
        # every match ends the window with " of " or " for ": most windows are not searched
        if not self.text.endswith((" of ", " for "), lo, cand.start):
            return False
        m = _ROLE_OF_END.search(self.text, lo, cand.start)
        if m is None:
            return False
        role = m.group(1)
        if role in _DEGREES:
            return True  # "a Master of Business Administration": a degree's field
        if role.lower() not in self.gaz.role_words and role not in self.gaz.titles:
            return False
        if role.lower() in _BODY_ROLES:
            return False  # "the founder of Email Vendor Selection": one founds a body, not a field
        words = [strip_possessive(w) for w in cand.text.split() if w not in CONNECTORS]
        listed = " and " in cand.text  # "Transport and Regional Services": a list of briefs
        if any(
            (w in self.gaz.org_words and not (listed and k == len(words) - 1))
            or w in self.gaz.first_names
            or w in self.gaz.known
            or not w.isalpha()
            or _is_upper(w)
            for k, w in enumerate(words)
        ):
            return False
        last = words[-1]
        return last.endswith(_BRIEF_ENDINGS) or (listed and last.endswith("s"))

    def _split_group_of_place(self) -> None:
        """'an analyst with Harlow Group of Denver', 'owned by Volvo Group of Sweden': a named
        group followed by "of" and a known place ending the name is the group and where it is
        (a group's name does not go on with "of": "Group of Seven" opens with it)."""
        for k, cand in enumerate(self.candidates):
            if cand.type != "ORG" or " Group of " not in cand.text:
                continue
            m = _GROUP_OF_PLACE.fullmatch(cand.text)
            if not m or self.gaz.known.get(m.group(2)) != "PLACE":
                continue
            at = cand.start + m.start(2)
            body = Candidate(
                cand.start, cand.start + m.end(1), m.group(1), m.group(1).count(" ") + 1
            )
            body.type, body.strength, body.sentence_start = "ORG", 2, cand.sentence_start
            place = Candidate(at, cand.end, m.group(2), m.group(2).count(" ") + 1, "PLACE", 3)
            self.candidates[k : k + 1] = [body, place]

    def _split_race_bodies(self) -> None:
        """'the 2018 West Virginia Republican Senate primary', 'Massachusetts U.S. Senate
        candidate', 'a Democratic Senate candidate': a place or a party's word (or both) and a
        chamber before a word for an election name the contest, no body: the place, the party
        and the chamber, each of its own (so that "the Senate" later in the article is the
        Senate, not "West Virginia Republican Senate")."""
        known, parties = self.gaz.known, _party_words()
        for k in range(len(self.candidates) - 1, -1, -1):
            cand = self.candidates[k]
            if cand.type != "ORG" or not _RACE_NOUN_AFTER.match(self.text, cand.end):
                continue
            words = cand.text.split(" ")
            j = next(
                (
                    j
                    for j in range(min(3, len(words) - 1), 0, -1)
                    if known.get(" ".join(words[:j])) == "PLACE"
                ),
                0,
            )
            party = 1 if j < len(words) - 1 and words[j] in parties else 0
            kind = "GROUP"
            if not party:  # "Greens Senate candidate", "Labor Senate candidate": a party the
                # lists know by its members' plural or as a body
                for n in (2, 1):
                    kind = known.get(" ".join(words[j : j + n])) or ""
                    if j + n < len(words) and kind in ("ORG", "GROUP"):
                        party = n
                        break
            chamber = " ".join(words[j + party :])
            if chamber not in _RACE_CHAMBERS or (not party and chamber not in _NATIONAL_CHAMBERS):
                continue  # "the Texas Senate race": the state's own chamber, maybe
            parts: list[Candidate] = []
            at = cand.start
            if j:
                place = " ".join(words[:j])
                parts.append(Candidate(at, at + len(place), place, j, "PLACE", 3))
                at += len(place) + 1
            if party:
                name = " ".join(words[j : j + party])
                parts.append(Candidate(at, at + len(name), name, party, kind, 3))
            body = Candidate(cand.end - len(chamber), cand.end, chamber, len(words) - j - party)
            body.type, body.strength = "ORG", 2
            parts.append(body)
            parts[0].sentence_start = cand.sentence_start
            self.candidates[k : k + 1] = parts

    def _join_against_bodies(self) -> None:
        """'the United Nations Committee against Torture', 'the Campaign against Arms Trade': a
        committee's, campaign's, coalition's or convention's name goes on past a lower-case
        "against" with the capitalised words of what it works against (the run stopped at the
        lower-case word, and the speech verb after them typed them a person); not before a
        place or a people ("the coalition against Iraq")."""
        cands = _by_start(self.candidates)
        joined: list[Candidate] = []
        for cand in cands:
            prev = joined[-1] if joined else None
            if (
                prev is not None
                and cand.start == prev.end + 9
                and prev.type == "ORG"
                and prev.text.endswith(_AGAINST_HEADS)
                and self.text.startswith(" against ", prev.end)
                and cand.strength < 3
                and cand.type not in ("PLACE", "GROUP")
            ):
                prev.end, prev.text = cand.end, self.text[prev.start : cand.end]
                prev.words, prev.display = prev.words + 1 + cand.words, None
                continue
            joined.append(cand)
        self.candidates = joined

    def _join_en_dashed_bodies(self) -> None:
        """'the Harvard–Smithsonian Center for Astrophysics': a capitalised word joined by an en
        dash (no space) to an organisation's name opens that name, as a hyphen's would."""
        text = self.text
        joined: list[Candidate] = []
        for cand in self.candidates:
            at = cand.start - 1
            if cand.type == "ORG" and at > 0 and text[at] == "–" and text[at - 1].isalnum():
                start = at - 1
                while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".&'"):
                    start -= 1
                if text[start].isupper():
                    while joined and joined[-1].end > start:
                        joined.pop()  # "Harvard" found alone before the dash
                    whole = Candidate(start, cand.end, text[start : cand.end], cand.words + 1)
                    whole.type, whole.strength = "ORG", cand.strength
                    whole.sentence_start = _opens_sentence(text, start)
                    cand = whole
            joined.append(cand)
        self.candidates = joined

    def _untype_products(self) -> None:
        """'the Fedora operating system', 'written in Python', 'Lua-based modding API': software
        or hardware, not a place or a person, wherever the article names it (a known name
        keeps its type); so is a person's name before a craft's or a structure's noun ("the
        James Webb space telescope", "the Gerald Ford aircraft carrier"): a thing named after
        them."""
        products = {
            strip_possessive(c.text)
            for c in self.candidates
            if c.type != "ORG"
            and c.strength < 3
            and (self._product_after(c.end) or self._written_in_code(c.start, c.text))
        }
        products |= self._namesake_things()
        if products:
            for cand in self.candidates:
                if cand.strength < 3 and strip_possessive(cand.text) in products:
                    cand.type, cand.strength = None, 0

    def _namesake_things(self) -> set[str]:
        """The people's names that the article writes only before a craft's or a structure's
        noun ("the James Webb space telescope"): a thing named after them. A name also written
        elsewhere, or its surname alone as a person, is the person there ("In 1987 Ronald Reagan
        said … the Ronald Reagan aircraft carrier docked": review r35 N11)."""
        things = {
            strip_possessive(c.text)
            for c in self.candidates
            if c.type == "PERSON"
            and c.strength < 3
            and _NAMESAKE_THING_AFTER.match(self.text, c.end)
        }
        if not things:
            return things
        for c in self.candidates:
            name = strip_possessive(c.text)
            if name in things and not _NAMESAKE_THING_AFTER.match(self.text, c.end):
                things.discard(name)  # the person named elsewhere
        surnames = {
            strip_possessive(c.text)
            for c in self.candidates
            if c.type == "PERSON" and " " not in c.text.strip()
        }
        return {n for n in things if " " not in n or n.rsplit(None, 1)[-1] not in surnames}

    def _untype_makers_of_models(self) -> None:
        """'a Kelvair 737-800', 'the Aerona A330', 'a Kestrel car', 'Aerona Flight 93': a maker
        named only to name its product (an airline only to name a flight), in the whole article,
        names a thing, not the company (annotators leave such mentions out); one mention as the
        company ("Kelvair said") keeps them all. An airline before its plane or jet is the
        company that flies it ("a Midwest Airlines plane"; not "Aerona Airlines Flight 93")."""
        text = self.text
        if not any(c.type == "ORG" and model_after(text, c.end) for c in self.candidates):
            return  # (most articles: no maker before a model)
        models: dict[str, bool] = {}
        for cand in self.candidates:
            if cand.type == "ORG":
                word = strip_possessive(cand.text)
                model = (
                    cand.text == word
                    and model_after(text, cand.end)
                    and not _operates_vehicle(word, text, cand.end)
                )
                models[word] = models.get(word, True) and model
        if any(models.values()):
            for cand in self.candidates:
                if models.get(cand.text):
                    cand.type, cand.strength = None, 0

    def _product_after(self, end: int) -> bool:
        """'the Fedora operating system', 'ARM-based processors': a product noun right after a
        name; not a firm's ("The Hsinchu-based chip maker", "Espoo-based software company")."""
        text = self.text
        if end >= len(text):
            return False
        follows = text[end]  # `text[end : end + 2]`'s first character, without a slice
        if follows != "-" and (follows != " " or text[end + 1 : end + 2] not in _PRODUCT_INITIALS):
            return False  # no product noun can follow (most names): the pattern is not tried
        m = _PRODUCT_AFTER.match(self.text, end)
        return m is not None and not _FIRM_AFTER.match(self.text, m.end())

    def _written_in_code(self, start: int, name: str) -> bool:
        """'written in Python': a programming language, known or with software in the same
        sentence; not a place ("The letter was written in Kramatorsk")."""
        text = self.text
        if start < 3 or text[start - 1] != " " or text[start - 2] != "n" or text[start - 3] != "i":
            return False  # not after "in " (most names): `text[start - 3 : start]`, unsliced
        if not text[max(0, start - 14) : start].endswith(_PRODUCT_BEFORE):
            return False  # (every ending of _PRODUCT_BEFORE ends with "in ")
        if strip_possessive(name) in _LANGUAGES:
            return True
        left = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start)) + 1
        right = self.text.find(". ", start)
        sentence = self.text[left : right if right >= 0 else len(self.text)]
        return _SOFTWARE_WORD.search(sentence) is not None

    def _number_downing_street(self) -> None:
        """'a 10 Downing Street spokesman': the seat of the British prime minister's office is
        named with its house number, kept as part of the name, and "Downing Street" alone in
        the same article is the same seat."""
        text = self.text
        numbered = False
        for cand in self.candidates:
            if (
                cand.text == "Downing Street"
                and text[cand.start - 3 : cand.start] == "10 "
                and not text[cand.start - 4 : cand.start - 3].isalnum()
            ):
                cand.start -= 3
                cand.text, cand.display, cand.words = "10 Downing Street", None, 3
                numbered = True
        if numbered:
            for cand in self.candidates:
                if cand.text == "Downing Street":
                    cand.display = "10 Downing Street"

    def _number_roads_and_channels(self) -> None:
        """'Interstate 80', 'Route 2', 'Highway 401': a road named by its number is a place;
        'Channel 4', 'Radio 4's Today programme', 'BBC 1', 'Channel 4 News': a broadcaster
        named with its number is one organisation."""
        named = [  # the last letter first: most names end with none of the words'
            c
            for c in self.candidates
            if c.text[-1:] in _NUMBERED_LASTS and c.text.endswith(_NUMBERED_WORDS)
        ]
        if not named:
            return
        text = self.text
        ends: dict[int, Candidate] | None = None  # the places, by end (for "United States")
        grown: list[Candidate] = []  # the channels that took their number
        for cand in named:
            last = cand.text.rsplit(" ", 1)[-1]
            if last in _ROAD_WORDS:
                m = _ROAD_NUMBER.match(text, cand.end)
                if m:
                    if ends is None:
                        ends = {
                            c.end: c
                            for c in self.candidates
                            if c.type == "PLACE" and c.strength >= 2
                        }
                    cand.end = m.end()
                    cand.text = text[cand.start : cand.end]
                    cand.type, cand.strength = "PLACE", 2
                    state = ends.get(cand.start - 1)
                    if state and text[state.end] == " ":  # "United States Route 2"
                        self.candidates.remove(state)
                        cand.start, cand.display = state.start, None
                        cand.text = text[cand.start : cand.end]
                    cand.words = len(cand.text.split())
            elif last in _CHANNEL_HEADS and (cand.strength < 3 or cand.type == "ORG"):
                m = _CHANNEL_NUMBER.match(text, cand.end)
                if m:  # "Channel 10 TV": "Channel 10"
                    cand.end, cand.text, cand.display = m.end(), text[cand.start : m.end()], None
                    cand.type, cand.strength = "ORG", 2
                    cand.words = len(cand.text.split())
                    grown.append(cand)
        if grown:  # "Channel 4 News": its "News" is no name of its own
            self.candidates = [
                c
                for c in self.candidates
                if not any(g is not c and g.start <= c.start and c.end <= g.end for g in grown)
            ]

    def _drop_case_parties(self) -> None:
        """'Brown v. Board of Education', 'Lawrence v. Texas': the parties named in a court
        case's name are the case's name, no mention of a person, a body or a place."""
        for m in _CASE_NAME.finditer(self.text):
            self.candidates = [
                c for c in self.candidates if c.end <= m.start() or c.start >= m.end()
            ]

    def _number_units(self) -> None:
        """'the 7th Armoured Brigade', 'the 501st Legion': a unit named with its ordinal is one
        organisation, the ordinal part of its name."""
        text = self.text
        for cand in self.candidates:
            start = cand.start
            # a match ends "4th " right before the name: a space, and a digit four back
            if start < 4 or text[start - 1] != " " or not decimal_char(text[start - 4]):
                continue  # (most names: no ordinal can end there, nothing split)
            if cand.strength >= 3 or cand.type not in (None, "ORG", "PERSON"):
                continue
            if _UNIT_HEADS.isdisjoint(cand.text.split()):
                continue
            m = _UNIT_ORDINAL.search(self.text, max(0, cand.start - 7), cand.start)
            if m:
                cand.start = m.start()
                cand.text = self.text[cand.start : cand.end]
                cand.words += 1
                cand.type, cand.strength = "ORG", 2
                cand.sentence_start = False

    def _join_told_outlets(self) -> None:
        """'told the Sunday Times that', 'told the Globe and Mail:', 'told the Las Vegas
        Review-Journal.': the outlet a source spoke to, one body across a weekday, "and" or a
        known place inside its name; not a person (a given name first), an office ("told the
        President of Peru") nor what a list already knows ("told the United States",
        "told the Australian news agency": a people's word before the outlet's noun)."""
        gaz = self.gaz
        for m in _TOLD_OUTLET.finditer(self.text):
            start, end = m.span(1)
            name = m.group(1)
            words = name.split()
            if (
                words[0] in gaz.first_names
                or words[0].lower() in gaz.role_words  # "the President of Peru"
                or name in gaz.known
                or strip_possessive(name) in gaz.known
            ):
                continue
            self._join_as_body(start, end, name)
        _sort_by_start(self.candidates)

    def _join_for_a_names(self) -> None:
        """'Students for a Free Tibet', 'Texans for a Republican Majority', 'the Partnership for
        a Drug-Free America': people (a plural) or a body's head, "for a", then capitalised words
        are one body's name, not a group, a place or a fragment; not when the words after "for
        a" are a name a list knows ("a bid against Boeing for a US contract")."""
        text = self.text
        for cand in list(self.candidates):  # the words before "for a": a candidate's
            after = cand.end + 6  # " for a"
            if text[cand.end : after] != " for a":
                continue
            rest = _FOR_A_REST.match(text, after)
            if rest is None:
                continue
            first = strip_possessive(cand.text)
            last = first.rsplit(" ", 1)[-1]
            if (
                not (
                    last in self.heads
                    or last in self.gaz.org_words
                    or (last.endswith("s") and self.gaz.known.get(last) in (None, "GROUP"))
                )
                or rest.group(1) in self.gaz.known
                or text[cand.start - 1 : cand.start] in _QUOTE_OPENERS  # "'Time for a Change'"
            ):
                continue
            start = cand.start + 4 * first.startswith("The ")  # "The Democrats for a …"
            self._join_as_body(start, rest.end(), text[start : rest.end()])

    def _join_cause_bodies(self) -> None:
        """'Texas Citizens for Science', 'Students & Scholars Against Corporate Misbehavior',
        'Iraq Veterans Against the War': people in the plural (a list's, or a people's word and
        "s"), "for" or a capitalised "Against", and a cause in capitals are one body's name with
        the capitalised words right before them (not a sentence's common opener), where the
        runs cut it at "for"/"&" or left it a person, a group or nothing; not "for the" (
        "Lawyers for the Ilois" are lawyers), nor a cause that goes on in capitals or that a
        list names ("Americans for Obama")."""
        text = self.text
        for anchor in _CAUSE_ANCHORS:
            at = text.find(anchor)
            while at >= 0:
                self._join_cause_body_at(at, anchor)
                at = text.find(anchor, at + 1)
        _sort_by_start(self.candidates)

    def _join_cause_body_at(self, at: int, anchor: str) -> None:
        """The body named for a cause whose plural ends at text[at] ("s" of `anchor`), if so."""
        text, gaz = self.text, self.gaz
        after = at + len(anchor)
        rest = _CAUSE_REST.match(text, after)
        if rest is None or (anchor == "s for " and rest.group(1)):
            return  # "Lawyers for the Ilois" are lawyers
        word_start = text.rfind(" ", 0, at) + 1
        plural = text[word_start : at + 1]
        end = rest.end()
        if (
            not _is_cap(plural)
            or _CAPITAL_NEXT.match(text, end)  # the cause goes on: too long to tell
            or text.startswith(" to ", end)  # "asked Afghans for NATO to …"
            or (gaz.known.get(rest.group(2)) or "ORG") != "ORG"  # "Americans for Obama"
        ):
            return
        before = _CAUSE_BEFORE.search(text, max(0, word_start - _CAUSE_LOOK_BACK), word_start)
        if before is None:
            return
        first = before.group(2)
        if not (_cause_people(plural, gaz) or (first and _cause_people(first, gaz))):
            return
        start = before.start()
        for word in before.group(1).split():
            if not (
                word in _CAUSE_LEADS_DROPPED
                or word in gaz.first_names
                or (_opens_sentence(text, start) and word.lower() in gaz.common_words)
            ):
                break
            start += len(word) + 1  # "The Citizens for …", "But Veterans for …"
        self._join_cause_body(start, end, text[start:end])

    def _join_abroad_bodies(self) -> None:
        """'Democrats Abroad', 'Republicans Abroad', 'Democrats Abroad India': a people's or a
        party's plural and a capitalised "Abroad" (and a known place after it: a branch) are one
        body, not a group and a person "Abroad"."""
        text, known = self.text, self.gaz.known
        at = text.find("s Abroad")
        while at >= 0:
            end = at + len("s Abroad")
            start = text.rfind(" ", 0, at) + 1
            plural = text[start : at + 1]
            if (
                (end == len(text) or not _is_word_char(text[end]))
                and _is_cap(plural)
                and _cause_people(plural, self.gaz)
            ):
                place = _ABROAD_BRANCH.match(text, end)
                if place is not None and known.get(place.group(1)) == "PLACE":
                    end = place.end()
                self._join_cause_body(start, end, text[start:end])
            at = text.find("s Abroad", end)
        _sort_by_start(self.candidates)

    def _join_cause_body(self, start: int, end: int, name: str) -> None:
        """As _join_as_body, also where no candidate lies inside ("Iraq Veterans Against the
        War" names no known word) and over a people's or a place's known name."""
        inside = [c for c in self.candidates if c.start < end and c.end > start]
        if any(
            c.start < start or c.end > end or (c.strength >= 3 and c.type not in _INSIDE_BODIES)
            for c in inside
        ):
            return
        joined = Candidate(start, end, name, len(name.split()))
        joined.type, joined.strength = "ORG", 2
        joined.sentence_start = _opens_sentence(self.text, start)
        self.candidates = [c for c in self.candidates if c not in inside]
        self.candidates.append(joined)

    def _join_as_body(self, start: int, end: int, name: str) -> None:
        """The candidates inside text[start:end] (and only they: none runs across its ends, none
        a known name but a place or a people's: "Las Vegas", "Texans") become one ORG candidate,
        `name`."""
        inside = [c for c in self.candidates if c.start < end and c.end > start]
        if not inside or any(
            c.start < start or c.end > end or (c.strength >= 3 and c.type not in _INSIDE_BODIES)
            for c in inside
        ):
            return
        joined = Candidate(start, end, name, len(name.split()))
        joined.type, joined.strength = "ORG", 2
        joined.sentence_start = inside[0].sentence_start and inside[0].start == start
        self.candidates = [c for c in self.candidates if c not in inside]
        self.candidates.append(joined)

    def _type_lower_chamber(self) -> None:
        """'30 House members', 'the House floor', and 'the House' in an article that names a
        legislature (its Senate, a senator, Congress, parliament): "House" alone is the lower
        chamber, a body. When the article writes the chamber's name in full ("the House of
        Commons"), "the House" is its short form, merged into it as a body's leading word is
        ("Democrats in the House said" was a person)."""
        text = self.text
        full = "House of " in text  # (then only "the House": "House members" may be another's)
        named: bool | None = None  # whether the article names a legislature (asked once)
        for cand in self.candidates:
            if (
                cand.words != 1
                or cand.strength >= 3
                or strip_possessive(cand.text) != "House"
                or text[cand.end : cand.end + 1] == "."  # "at the House." (a building as often)
            ):
                continue
            if full or _CHAMBER_AFTER.match(text, cand.end) is None:
                if text[cand.start - 4 : cand.start] not in ("the ", "The "):
                    continue
                if named is None:
                    named = any(w in text for w in _LEGISLATURE_WORDS)
                if not named:
                    continue
            cand.type, cand.strength = "ORG", 2

    def _drop_storm_names(self) -> None:
        """'Hurricane Dorian … Dorian reached the Bahamas': a named storm is a weather event,
        neither a person nor a place, wherever the article names it."""
        if not self.storm_heads:
            return
        names = {
            m.group(1)
            for m in matches_at(_STORM_NAME, self.text, find_all(self.text, _STORM_STARTS))
            if m.group(1) not in self.heads
            and m.group(1) not in THING_WORDS
            and m.group(1) not in self.gaz.known
        }
        if names:
            self.candidates = [
                c
                for c in self.candidates
                if strip_possessive(c.text).split()[-1] not in names
                or (c.words > 1 and c.text.split()[0] not in _STORM_HEADS and c.strength >= 2)
            ]

    def _join_campus_places(self) -> None:
        """'American University in Cairo': a university or college named with its city; 'the
        University of California, San Diego', 'University of Texas at Austin': a state
        university's campus."""
        cands = _by_start(self.candidates)
        for cand in cands:
            if cand.type == "ORG" and cand.text.startswith("University of "):
                self._join_campus(cand)
        for next_at in range(1, len(cands)):  # (pairwise: a generic iterator, compiled)
            cand, nxt = cands[next_at - 1], cands[next_at]
            if (
                cand.type == "ORG"
                and len(words := cand.text.split()) == 2
                and words[1] in _CAMPUS_HEADS
                and self.gaz.known.get(words[0]) == "GROUP"  # a nationality alone names no campus
                and self.text[cand.end : nxt.start] == " in "
                and nxt.type == "PLACE"
                and nxt.strength >= 2
                and nxt.words <= 2
                and not self.text[nxt.end : nxt.end + 2].strip(" ")[:1].isupper()
            ):
                self.candidates.remove(nxt)
                cand.end, cand.text = nxt.end, self.text[cand.start : nxt.end]
                cand.words += 1 + nxt.words

    def _join_known_branches(self) -> None:
        """'al-Qaeda in Iraq', 'al-Qaeda in the Islamic Maghreb': a known body's branch named
        "in" a place is a known name of its own."""
        cands = _by_start(self.candidates)
        for k, cand in enumerate(cands):
            if cand.type != "ORG" or self.text[cand.end : cand.end + 4] != " in ":
                continue
            for n in (1, 2):  # the place's name: one or two candidates ("Islamic", "Maghreb")
                inside = cands[k + 1 : k + 1 + n]
                if len(inside) < n or inside[0].start > cand.end + 8:
                    break
                # "Al Qaeda in Iraq" is found as its usual name is: "al-Qaeda in Iraq"
                head = self.gaz.aliases.get(cand.text.casefold(), cand.text)
                known = self._lookup(head + self.text[cand.end : inside[-1].end])
                if known is not None and known[1] == "ORG":
                    self.candidates = [c for c in self.candidates if c not in inside]
                    cand.end, cand.text = inside[-1].end, self.text[cand.start : inside[-1].end]
                    cand.words = len(cand.text.split())
                    cand.display, cand.strength = known[0], 3
                    break

    def _join_known_and_the(self) -> None:
        """'the Islamic State of Iraq and the Levant': two names joined by "and the" that the
        lists know as one are one (the runs stop before "and the": "the World Bank and the
        United Nations" are two)."""
        cands = _by_start(self.candidates)
        for next_at in range(1, len(cands)):  # (pairwise: a generic iterator, compiled)
            a, b = cands[next_at - 1], cands[next_at]
            if b.start - a.end != 9 or self.text[a.end : b.start] != " and the ":
                continue
            start = a.start
            known = self._lookup(self.text[start : b.end])
            if known is None:  # "Saint Vincent and the Grenadines": the saint read as a title
                saint = _SAINT_BEFORE.search(self.text, max(0, start - 6), start)
                if saint is not None:
                    start = saint.start()
                    known = self._lookup(self.text[start : b.end])
            if known is None or known[1] not in ("ORG", "PLACE") or a not in self.candidates:
                continue
            self.candidates.remove(b)
            a.words += b.words + 2 + (start < a.start)
            a.start, a.end, a.text = start, b.end, self.text[start : b.end]
            a.type, a.strength, a.display = known[1], 3, known[0]

    def _join_country_suffixes(self) -> None:
        """'Tourism Australia', 'Gas Infrastructure Europe', 'Mazars USA': unknown capitalised
        words set right before a known country (a name ending there) name a body in it, not a
        person or nothing beside a place (but "Eastern Europe" is known, "Ann Lee, Australia"
        has a comma). Not in results and scorelines: a word another mention names a person by
        ("Trudeau said … Trudeau Canada's envoy"), a list of such pairs ("Kipchoge Kenya, silver to
        Abdi Belgium", "Thompson Jamaica … Fraser-Pryce Jamaica") or a number after the country
        ("Smith Australia 85")."""
        cands = _by_start(self.candidates)
        pairs = []
        for next_at in range(1, len(cands)):
            cand, place = cands[next_at - 1], cands[next_at]
            if self._names_a_body_in(cand, place):
                pairs.append((cand, place))
        if not pairs:
            return
        listed = self._paired_in_lists([pair for pair in pairs if pair[0].strength < 2])
        people = {  # a word of a name with a person cue ("said", a first name): not a weak guess
            strip_possessive(w)
            for c in cands
            if c.type == "PERSON" and c.strength >= 2
            for w in c.text.split()
        }
        for cand, place in pairs:
            if (
                (
                    cand.sentence_start
                    and cand.words == 1
                    and not (
                        cand.text.isalpha()
                        and not cand.text.endswith(("ing", "ed"))  # "Listed US states were"
                        and self._verb_after(place)
                    )
                )
                or id(cand) in listed
                or _SCORE_AFTER.match(self.text, place.end)
                or (
                    any(w in people for w in cand.text.split())
                    and not self._firm_named_for(cand, cands)
                )
            ):
                continue
            self.candidates.remove(place)
            cand.end, cand.text = place.end, self.text[cand.start : place.end]
            cand.words += place.words
            cand.type, cand.strength = "ORG", 1
            if self.text[cand.start - 5 : cand.start] == " and ":
                self._open_with_hyphened_word(cand)

    def _open_with_hyphened_word(self, cand: Candidate) -> None:
        """'Bio-diversity and Community Rights Action Thailand': a capitalised word whose part
        after a hyphen is lower case names nothing alone (a common noun or a modifier), so
        before "and" and a body's name it opens that name (the run stopped at "and": "Community
        Rights Action" has no head noun to join across it)."""
        end = cand.start - 5
        at = self.text.rfind(" ", max(0, end - 30), end) + 1
        word = self.text[at:end]
        hyphen = word.rfind("-")
        if not (0 < hyphen < len(word) - 2 and word[:1].isupper() and word[hyphen + 1 :].islower()):
            return
        self.candidates = [c for c in self.candidates if not (c.start == at and c.end == end)]
        cand.start, cand.text = at, self.text[at : cand.end]
        cand.words += 2
        cand.sentence_start = _opens_sentence(self.text, at)

    def _firm_named_for(self, cand: Candidate, cands: list[Candidate]) -> bool:
        """Whether `cand`, a word the article also names a person by ("Michael Dell"), is the
        firm named after them here: after a preposition ("from Dell USA", "of Forbes Asia"),
        with the firm's full name elsewhere ("Dell Inc.")."""
        if cand.words != 1 or not _PREPOSITION_BEFORE.search(
            self.text, max(0, cand.start - 6), cand.start
        ):
            return False
        opening = cand.text + " "
        return any(
            c.type == "ORG" and c.strength >= 2 and c.text.startswith(opening) for c in cands
        )

    def _join_party_branches(self) -> None:
        """'the NSW Greens', 'the Ontario Liberals': a known place right before a party named by
        its members' plural is the party's branch there, one body (but "Tasmanian Greens",
        a people's adjective, stays two groups)."""
        cands = _by_start(self.candidates)
        for next_at in range(1, len(cands)):  # (pairwise: a generic iterator, compiled)
            place, party = cands[next_at - 1], cands[next_at]
            if (
                party.text in _PARTY_PLURALS
                and place.type == "PLACE"
                and place.strength >= 3
                and party.start - place.end == 1
                and self.text[place.end] == " "
            ):
                self.candidates.remove(party)
                place.end, place.text = party.end, self.text[place.start : party.end]
                place.words += party.words
                place.type, place.strength = "ORG", 2

    def _names_a_body_in(self, cand: Candidate, place: Candidate) -> bool:
        """Whether `cand` is one to three unknown capitalised words right before the known
        country `place` (a sentence's first word alone counts here too, for the lists)."""
        if (
            place.start - cand.end != 1
            or place.type != "PLACE"
            or place.strength < 3
            or cand.words > 3
            or self.text[cand.end] != " "
            or _CAPITAL_NEXT.match(self.text, place.end)
            or cand.text.rsplit(None, 1)[-1] in _EVENT_ENDS  # "the Six-Day War Israel seized"
        ):
            return False
        if cand.strength == 2 and cand.type == "ORG" and cand.words <= 3:
            return self._cued_body_branch(cand, place)
        if cand.strength >= 2:  # "Novartis India", "Reuters Canada": a known firm's national arm
            return (
                cand.type == "ORG"
                and cand.strength >= 3
                and cand.words == 1
                and not _is_acronym(cand.text)  # "UN Syria envoy", "EU Ukraine summit"
                and not _RELATION_AFTER.match(self.text, place.end)  # "the Boeing Ethiopia crash"
                and self.gaz.known.get(cand.text) == "ORG"
            )
        if (
            cand.strength >= 2
            or self.text[cand.end] != " "
            or _CAPITAL_NEXT.match(self.text, place.end)
            or _ORDINAL_BEFORE.search(self.text, max(0, cand.start - 8), cand.start)
        ):
            return False
        return not any(
            not w[:1].isupper()
            or w in COMPASS
            or w in _PLACE_ADJECTIVES  # "Greater Melbourne", "Ancient Egypt"
            or w in PLACE_OPENERS  # "Port Sudan", "Cape Verde"
            or w in self.gaz.place_words
            or (len(w) > 4 and w.endswith(("an", "ese", "ish")))  # "Roman Egypt": an era
            or w in self.gaz.first_names
            or self.gaz.known.get(w) is not None
            or (w.lower() in self.gaz.common_words and not self._common_words_name(cand, w))
            for w in cand.text.split()
        )

    def _common_words_name(self, cand: Candidate, word: str) -> bool:
        """Whether the common `word` of `cand` may still name a body before a country ("Gas
        Infrastructure Europe", "Six Flags Over Texas"): capitals of two words or more set
        inside a sentence; not a sentence's first word ("Yesterday Estonia"), a word in capitals
        ("PRESIDENT OF THE UNITED STATES") nor a title in quotation marks ("“Looking Down
        Taiwan”")."""
        return (
            not cand.sentence_start
            and (cand.words > 1 or cand.type == "ORG")
            and not (word.isupper() and len(word) > 1)
            and self.text[cand.start - 1 : cand.start] not in _QUOTE_OPENERS
        )

    def _cued_body_branch(self, cand: Candidate, place: Candidate) -> bool:
        """'Labatt USA is', 'SEMI Taiwan predicted', 'Teamsters Canada (Local 31)': a body the
        text's cues type, then a country ending the name before a verb, a clause's word or a
        stop, is the body's branch there; not before a noun ("the WFP Sudan office"), a number
        ("APEC Australia 2007") or a relation ("the Acme Ethiopia crash")."""
        m = _WORD_AFTER_BRANCH.match(self.text, place.end)
        return m is not None and (m.group(1) is None or self._verb_after(place))

    def _verb_after(self, place: Candidate) -> bool:
        """Whether a verb, a link word or a clause's word follows `place` ("Labatt USA is")."""
        m = _LOWER_AFTER.match(self.text, place.end)
        if m is None or _RELATION_AFTER.match(self.text, place.end):
            return False
        word = m.group(1)
        return (
            word in _NAME_LINKS
            or word in SPEECH_VERBS
            or word.endswith("ed")
            or word in _CLAUSE_WORDS_AFTER
        )

    def _paired_in_lists(self, pairs: list[tuple[Candidate, Candidate]]) -> set[int]:
        """The 'Name Country' pairs of a results list: two pairs in one sentence with a comma or
        'and' (and a few lower-case words) between them, or one country after different names."""
        listed: set[int] = set()  # the names' ids (a Candidate is not hashable)
        for (a, a_place), (b, _) in pairwise(pairs):
            if _LIST_GAP.match(self.text[a_place.end : b.start]):
                listed.update((id(a), id(b)))
        names_before: dict[str, set[str]] = defaultdict(set)
        for cand, place in pairs:
            names_before[strip_possessive(place.text)].add(cand.text)
        for cand, place in pairs:
            if len(names_before[strip_possessive(place.text)]) > 1:
                listed.add(id(cand))
        return listed

    def _join_campus(self, cand: Candidate) -> None:
        """'University of California, San Diego': a state university's name goes on to its
        campus after a comma or "at" (not "University of Oxford, England": no US state)."""
        if cand.text[14:] not in us_states():
            return
        m = _CAMPUS_AFTER.match(self.text, cand.end)
        if m is None or _CAPITAL_NEXT.match(self.text, m.end()):
            return  # "University of Texas, Austin Community College": a list
        campus = m.group(1)
        if campus in us_states() or strip_possessive(campus) in CALENDAR:
            return  # "University of Iowa, Ohio State…", "University of Texas at Tuesday's…"
        if (
            m.group(0).startswith(",")
            and (self._lookup(campus) or ("", ""))[1] != "PLACE"
            and not self._campus_in_commas(campus, m.end())
        ):
            return  # after a comma, only a known city is a campus, or a town set off by commas
        inside = [c for c in self.candidates if cand.end < c.start < m.end()]
        if any(c.end > m.end() or c.type in ("ORG", "PERSON") for c in inside):
            return
        self.candidates = [c for c in self.candidates if c not in inside]
        cand.end, cand.text = m.end(), self.text[cand.start : m.end()]
        cand.words = len(cand.text.split())

    def _campus_in_commas(self, campus: str, end: int) -> bool:
        """'University of California, Davis, said': one unknown word between commas after a
        state university names its campus town."""
        return (
            " " not in campus
            and self.text.startswith(", ", end)
            and self._lookup(campus) is None
            and campus.lower() not in self.lower_seen
        )

    def _add_lower_case_domains(self) -> None:
        """'the website payvand.com', 'a column for findlaw.com': an outlet named by its web
        address in lower case, which no capitalised run finds. Not one's own page ("Ann Lee's
        website annlee.info": a page of hers, on every mention) nor an address in quotation
        marks (a name talked about: 'its name, "childporn.info"')."""
        text = self.text
        found: list[re.Match[str]] = []
        for ending in _LOWER_DOMAIN_ENDS:  # each found by str.find: a pattern's search costs
            at = text.find(ending)  # ~1% of all the extractor's work
            while at > 0:
                start = at
                while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
                    start -= 1
                m = _LOWER_DOMAIN.match(text, start)
                if m is not None and m.end() > at and all(f.start() != start for f in found):
                    found.append(m)
                at = text.find(ending, at + 1)
        if not found:
            return
        own = {
            m.group().lower()
            for m in found
            if _OWN_PAGE_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
        }
        for m in found:
            if (
                m.group().lower() in own
                or self.text[m.start() - 1 : m.start()] in _QUOTE_MARKS
                or any(c.start < m.end() and m.start() < c.end for c in self.candidates)
            ):
                continue
            self.candidates.append(Candidate(m.start(), m.end(), m.group(), 1, "ORG", 2))

    def _define_spanning_abbreviations(self, rounds: bool, squares: bool) -> None:
        """'Transport for London (TfL)', 'Pacific Gas and Electric (PG&E)': the words before an
        abbreviation in brackets whose initials spell it are one organisation, whatever names
        were found inside them; the abbreviation alone is that organisation everywhere.
        `rounds`, `squares`: whether the text holds " (" and " [" at all."""
        if rounds:  # (kept: _untype_term_abbreviations reads them too)
            self.bracketed = list(_BRACKETED_ABBREVIATION.finditer(self.text))
        found = list(self.bracketed)
        notions: set[str] = set()  # the names read as notions, lower-case
        if squares:  # "Kentucky Fried Chicken [KFC]"
            found += _SQUARE_ABBREVIATION.finditer(self.text)
        for m in found:
            abbreviation = m.group(1)
            if sum(c.isupper() for c in abbreviation) < 2:
                continue
            start, nested = self._abbreviated_words(m.start(), abbreviation)
            if start < 0:
                start = foreign_name_start(self.text, m.start(), abbreviation)
                if start < 0:
                    continue
            end = m.start()
            if self.text[end - 2 : end] in _POSSESSIVE_ENDINGS:
                end -= 2  # "the United Kingdom's (UK) Conservative Party"
            outer = [c for c in self.candidates if c.start < start < c.end and c.end == end]
            if outer and outer[0].type == "ORG":
                # "the U.S. Department of Justice (DOJ)": the letters leave out the country
                # the name found opens with; the abbreviation is that whole name
                name = outer[0].display or outer[0].text
                for other in self.candidates:
                    if strip_possessive(other.text) == abbreviation:
                        other.display, other.type = name, "ORG"
                        other.strength = max(other.strength, outer[0].strength)
                continue
            inside = [c for c in self.candidates if start <= c.start and c.end <= end]
            if any(c.strength >= 3 and c.start == start and c.end == end for c in inside):
                continue  # a known name already: the other pass defines its abbreviation
            if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
                continue  # one name already found whole: the other pass handles it
            if _no_body_last(self.text[start:end]):
                # "Ballot Interference Prevention Act (BIPA)": a law, not a body, and so is
                # its abbreviation wherever it stands
                for other in self.candidates:
                    if other.strength < 3 and strip_possessive(other.text) == abbreviation:
                        other.type, other.strength = None, 0
                continue
            if nested:  # the body left out of the letters is a name of its own: "African
                # Union" in "United Nations African Union Mission in Darfur (UNAMID)"
                inside = [c for c in inside if c.type != "ORG" or c.strength < 2 or c.words < 2]
            self.candidates = [c for c in self.candidates if c not in inside]
            surface = self.text[start:end]
            # "the Long Range Identification and Tracking (LRIT) system": a system, no body
            kind, strength = (
                (None, 0)
                if _THING_AFTER.match(self.text, m.end())
                or self._names_a_notion(start, surface, abbreviation, m.end())
                else ("ORG", 2)
            )
            if kind is None:
                notions.add(surface.lower())
            cand = Candidate(start, end, surface, len(surface.split()), kind, strength)
            self.candidates.append(cand)
            for other in self.candidates:
                if strip_possessive(other.text) == abbreviation:
                    other.display, other.type, other.strength = surface, kind, strength
        if notions:  # "CentOS 8's End of Life (EOL)", then "the End of Life [EOL]": a notion
            # once is one throughout, whichever came first
            for other in self.candidates:
                if other.strength < 3 and (other.display or other.text).lower() in notions:
                    other.type, other.strength = None, 0

    def _abbreviated_words(self, end: int, abbreviation: str) -> tuple[int, bool]:
        """Where the capitalised words (with 'of', 'for', 'and', 'the' between them) that end at
        `end` start, when their initials spell `abbreviation` (-1 if they do not), and whether
        the letters leave out a word of a body named inside them.

        The last k words are tried for k = 2, 3…; each try also needs every gap between them
        to be one space (or ", " after a capitalised word): the gaps are checked once each, as
        k grows, from the words' offsets read once (not from the Match objects at every try)."""
        text = self.text
        lo = max(0, end - 160)
        if not name_word_ends_at(text, lo, end):
            return -1, False  # no name's word right before the bracket ("said (AFP)")
        words = list(_NAME_WORD.finditer(text, lo, end))
        starts = [w.start() for w in words]
        ends = [w.end() for w in words]
        texts = [w.group() for w in words]
        letters = abbreviation.replace("&", "").replace(".", "")
        n = len(words)
        checked = n - 1  # the gaps after words checked..n-2 are checked (and good)
        loose = -1  # the shortest words the abbreviation spells leaving out one word
        for k in range(2, min(n, 15) + 1):
            first = n - k
            if not texts[first][0].isupper():
                continue
            if any(
                starts[i + 1] - ends[i] != 1
                and not (
                    # "United Nations Educational, Scientific and Cultural Organization (UNESCO)"
                    starts[i + 1] - ends[i] == 2 and text[ends[i]] == "," and texts[i][0].isupper()
                )
                for i in range(first, checked)
            ):
                break
            checked = first
            if ends[n - 1] != end:
                return -1, False
            chosen = texts[first:]
            capitals = [w for w in chosen if w[0].isupper()]
            caps = "".join(w[0] for w in capitals)
            every = "".join(w[0] for w in chosen)
            if k <= 9 and (caps == letters or every.casefold() == letters.casefold()):
                return starts[first], False
            if (
                len(letters) >= 4
                and caps.startswith(letters)
                and len(caps) > len(letters)
                and _abbreviation_tail(chosen, capitals[len(letters) - 1])
            ):  # "United Nations Relief and Works Agency for Palestine Refugees in the Near
                # East (UNRWA)": the abbreviation spells the name before its qualifier
                return starts[first], False
            if loose < 0 and _spells_but_one(letters, chosen):
                loose = starts[first]
        return loose, loose >= 0

    def _expand_defined_acronyms(self, rounds: bool, squares: bool) -> None:
        """'the African Union (AU)': every later 'AU' is that organisation."""
        if not rounds and not squares and ", or " not in self.text:
            return  # every pair below is joined by one (half of all articles hold none)
        cands = _by_start(self.candidates)
        defined: dict[str, str] = {}
        short_forms: set[str] = set()
        things: set[str] = set()  # abbreviations of things ("LRIT system"), no body's
        typed: dict[str, str] = {}  # the type of a name typed by good evidence, by abbreviation
        bodies: list[tuple[Candidate, str]] = []  # names made bodies by their abbreviation
        for next_at in range(1, len(cands)):  # (pairwise: a generic iterator, compiled)
            prev, cand = cands[next_at - 1], cands[next_at]
            if not (
                (  # " (": a gap of two (gaps are mostly long); " [KFC]" as well
                    cand.start - prev.end == 2
                    and self.text[prev.end : prev.end + 2] in _BRACKET_OPENINGS
                    and self.text[cand.end : cand.end + 1] in _BRACKET_CLOSINGS
                )
                or (  # "the Association of Southeast Asian Nations, or ASEAN, a body of"
                    cand.start - prev.end == 5
                    and self.text.startswith(", or ", prev.end)
                    and self.text[cand.end : cand.end + 1] in _AFTER_OR_ABBREVIATION
                    and _is_acronym(cand.text)
                )
            ):
                continue
            if self._abbreviates(prev, cand):
                defined[cand.text] = prev.display or prev.text
                if prev.type and prev.strength >= 2:
                    typed[cand.text] = prev.type
                if (prev.type is None or prev.strength == 0) and _THING_AFTER.match(
                    self.text, cand.end + 1
                ):  # "the Long Range Identification and Tracking (LRIT) system": a system
                    things.add(cand.text)
                elif (prev.type is None or prev.strength == 0) and not _no_body_last(
                    prev.display or prev.text
                ):  # a name given an abbreviation: a body (not a law)
                    if self._names_a_notion(
                        prev.start, prev.display or prev.text, cand.text, cand.end + 1
                    ):
                        things.add(cand.text)
                    else:
                        prev.type, prev.strength = cand.type or "ORG", cand.strength or 1
                        bodies.append((prev, cand.text))
            elif self._short_form_after(prev, cand):
                defined[cand.text] = prev.display or prev.text
                short_forms.add(cand.text)
                if prev.type is None or prev.strength == 0:
                    prev.type, prev.strength = "ORG", 1  # "World Wonder Ring Stardom (Stardom)"
        for prev, abbreviation in bodies:
            if abbreviation in things:  # a notion once is one throughout (as above)
                prev.type, prev.strength = None, 0
        if defined:
            for cand in self.candidates:
                name = defined.get(strip_possessive(cand.text))
                if name:
                    cand.display = name
                    word = strip_possessive(cand.text)
                    if _no_body_last(name) or word in short_forms or word in things:
                        cand.type, cand.strength = None, 0  # "BIPA": the law's abbreviation;
                        # "Stardom said": the body's short form, whatever a cue said
                    elif word in typed and cand.strength <= 1:
                        cand.type, cand.strength = typed[word], 1  # "Kestrel Airport (KEA)":
                        # the airport's letters, though capitals alone read as a body

    def _type_acronyms_spelt_out(self) -> None:
        """'my CMD [Chief Health Director]', 'a SWAG [scientific wild-ass guess]', 'UTT
        [University of Texas at Tyler]': an abbreviation spelt out in brackets right after it is
        what the words in the brackets name: nothing, unless one typed name spans them."""
        cands = _by_start(self.candidates)
        spelt: dict[str, Candidate | None] = {}  # each abbreviation: the name spelt out, or None
        for k, cand in enumerate(cands):
            if cand.display is not None or not _is_acronym(cand.text) or cand.text in spelt:
                continue
            m = _SPELT_OUT.match(self.text, cand.end)
            if m is None or m.group(1)[0].lower() != cand.text[0].lower():
                continue
            whole = [
                c
                for c in cands[k + 1 : k + 3]
                if c.start == m.start(1) and c.end >= m.end(1) - 1 and c.type and c.strength
            ]
            # "QVM [Queen Victoria Market]" is the market; "CMD [Chief Health Director]" names
            # no one: a post or a phrase
            spelt[cand.text] = whole[0] if whole else None
        if not spelt:
            return
        for cand in self.candidates:
            if cand.display is None and (word := strip_possessive(cand.text)) in spelt:
                name = spelt[word]
                if name is None:
                    cand.type, cand.strength = None, 0
                else:
                    cand.display, cand.type = name.display or name.text, name.type
                    cand.strength = name.strength

    def _untype_owned_abbreviations(self) -> None:
        """'their CDMA customers', 'his GPA grades': capitals after a possessive pronoun stand for
        one's own thing (a network, a score), no body, on every mention of the article."""
        text = self.text
        owned: set[str] = set()
        for cand in self.candidates:
            if (
                cand.strength < 3
                and cand.type == "ORG"
                and cand.words == 1
                and text[cand.start - 1 : cand.start] == " "
                and _is_acronym(cand.text)
                and len(cand.text) > 2
            ):
                k = text.rfind(" ", max(0, cand.start - 7), cand.start - 1)
                if text[k + 1 : cand.start - 1].lower() in _OWNERS:
                    owned.add(cand.text)
        if owned:
            for cand in self.candidates:
                if cand.strength < 3 and cand.display is None and cand.text in owned:
                    cand.type, cand.strength = None, 0

    def _untype_term_abbreviations(self) -> None:
        """'polymerase chain reaction (PCR)', 'matrix-assisted laser desorption/ionization
        (MALDI)': an abbreviation of lower-case words is a term, no body, on every mention."""
        terms = {
            m.group(1)
            for m in self.bracketed  # (`rounds`: read by _define_spanning_abbreviations)
            if _is_acronym(m.group(1))
            and (
                self._spells_lower_words(m.start(), m.group(1))
                or self._opens_lower_term(m.start(), m.group(1))
            )
            and foreign_name_start(self.text, m.start(), m.group(1)) < 0
        }
        if terms:
            for cand in self.candidates:
                if cand.strength < 3 and strip_possessive(cand.text) in terms:
                    cand.type, cand.strength = None, 0

    def _drop_stock_tickers(self) -> None:
        """'Lionbridge (LIOX)', 'Apple shares (AAPL)', '(NYSE: KRX)': capitals in brackets
        after one word of a company's name, after shares or an exchange are its stock ticker, no
        body's abbreviation (nothing is abbreviated from one word), unless the article uses
        them again outside brackets."""
        tickers: set[int] = set()
        for m in ticker_matches(self.text):
            code = m.group(2)
            if not m.group(1) and not self._one_word_name_before(m.start(), code):
                continue
            if not _has_word_token(self.text[: m.start()] + self.text[m.end() :], code):
                tickers.add(m.start(2))
        if tickers:
            self.candidates = [c for c in self.candidates if c.start not in tickers]

    def _drop_party_state_tags(self) -> None:
        """'Senator Arlen Specter, R-PA, said', 'Rep. Ramstad (R-Minn.)': a party's letter and
        a state after a comma or bracket are a politician's party and state, no name."""
        self.candidates = [
            c
            for c in self.candidates
            if not (
                c.text[1:2] == "-"
                and (self.text[c.start - 2 : c.start] == ", " or self.text[c.start - 1] == "(")
                and _PARTY_STATE_TAG.fullmatch(c.text)
            )
        ]

    def _one_word_name_before(self, at: int, code: str) -> bool:
        """Whether `text[:at]` ends with "shares", "stock", a one-word name found as a candidate
        or a company's name ending in its legal form (the `_TICKER` match at `at` holds the
        comma and the bracket)."""
        before = self.text[max(0, at - 7) : at]
        if before.endswith((" shares", " stock")):
            return True
        for cand in self.candidates:
            if cand.end == at and "'" not in cand.text:
                if cand.words == 1:
                    # not the last word of a longer name ("Notes from Kestrel (NFK)")
                    gap = self.text.rfind(" ", 0, cand.start - 1)
                    return self.text[gap + 1 : cand.start - 1] not in _NAME_LINKS
                # "Bowne & Co, (BNE)": after a legal form, capitals that are not the name's
                # initials ("Ford Motor Company (FMC)" abbreviates the name)
                words = cand.text.split()
                return words[-1].rstrip(".") in _TICKER_AFTER and not _initials(
                    cand.text
                ).startswith(code[:2])
        return False

    def _opens_lower_term(self, end: int, abbreviation: str) -> bool:
        """'the mixed member proportional representation (MMP)', 'an intrauterine device (IUD)':
        two or more lower-case words after "the", "an", "or"… (not after a capitalised word),
        none a body's noun, the first opening with the abbreviation's first letter, name a term
        even when their initials do not spell it all ("the state water authority (SWA)" is a
        body: its noun says so)."""
        at = _term_words_start(self.text, max(0, end - 120), end)
        if at < 0:
            return False
        words = _TERM_SPLIT.split(self.text[at:end].rstrip())
        term: list[str] = []
        for word in reversed(words):
            if word in _TERM_CONNECTORS or word == "or":
                break
            if not word[:1].islower():
                return False  # "Iraqi security forces (ISF)": a capitalised word opens it
            term.append(word)
        else:
            if at > 0 and self.text[at - 1 : at] not in _TERM_OPENERS:
                return False
        return (
            len(term) >= 2
            and term[-1][0] == abbreviation[0].lower()
            and not any(
                w in ORG_NOUNS or (w.capitalize() in self.heads and w not in _LOWER_NOT_HEADS)
                for w in term
            )
        )

    def _spells_lower_words(self, end: int, abbreviation: str) -> bool:
        """Whether the words ending at `end`, some in lower case (not only "from", "of": "Notes
        from Poland (NFP)") and none a body's head noun, spell `abbreviation` by their
        initials (connecting words may be left out)."""
        at = _term_words_start(self.text, max(0, end - 120), end)
        if at < 0:
            return False
        words = _TERM_SPLIT.split(self.text[at:end])
        letters = list(abbreviation.lower())
        spelt: list[str] = []
        for word in reversed(words):
            if not letters:
                break
            if word[0].lower() == letters[-1]:
                letters.pop()
                spelt.append(word)
            elif word not in _TERM_CONNECTORS:
                return False
        return (
            not letters
            and any(w[0].islower() and w not in self.gaz.common_words for w in spelt)
            and not any(w.capitalize() in self.heads and w not in _LOWER_NOT_HEADS for w in spelt)
        )

    def _abbreviates(self, prev: Candidate, cand: Candidate) -> bool:
        """Whether `cand`, in brackets right after the name `prev`, is its abbreviation (a
        person's only when it is their initials: "Sigmar Gabriel (SPD)" names his party)."""
        return (
            prev.words > 1
            and (
                prev.type != "PERSON"
                or prev.strength == 0
                or cand.text == _initials(prev.display or prev.text)
            )
            and (
                _is_acronym(cand.text)
                # "Transport for London (TfL)": the initials of every word, as written
                or cand.text == "".join(w[0] for w in (prev.display or prev.text).split())
            )
            and (
                _initials(prev.display or prev.text).startswith(cand.text[0])
                # "Kurdistan Workers' Party (PKK)": initials of the name in another language
                or (
                    prev.type in ("ORG", None)
                    and len(set(cand.text) & set(_initials(prev.display or prev.text))) >= 1
                    and self.gaz.known.get(cand.text) != "PLACE"
                )
                # "German Aerospace Center (DLR)": a body's abbreviation in its own language
                or (prev.type == "ORG" and prev.strength >= 2 and cand.text not in self.gaz.known)
            )
        )

    def _names_a_notion(self, start: int, name: str, abbreviation: str, after: int) -> bool:
        """'CentOS 8's End of Life (EOL)', 'argued against Universal Basic Income (UBI)': an
        abbreviated phrase after a possessive or a verb's "against/on/for", with no "the" before
        it, no body's head noun or known name in it and no speech after its abbreviation names a
        notion or a thing, not a body ("the Disease Surveillance Team (DST)", "Deutsche Welle
        (DW) reported", "PG&E", "Lawyers for Black Lives Matter (BLM)", "a volunteer with
        Alcoholics Anonymous (AA)" name bodies)."""
        if (
            not _NOTION_BEFORE.search(self.text, max(0, start - 40), start)
            or "&" in abbreviation
            or self.text[max(0, start - 4) : start].lower() == "the "
            or any(
                word in self.heads or word[:-1] in self.heads or word in self.gaz.known
                for word in name.split()
            )
        ):  # "Council of Australian Governments", "People's Protection Units", "Pacific Gas…"
            return False
        m = _NEXT_WORD.match(self.text, after)
        return m is None or (m.group(1) not in SPEECH_VERBS and m.group(1) not in _MEDIA_VERBS)

    def _short_form_after(self, prev: Candidate, cand: Candidate) -> bool:
        """'University of Colorado at Boulder (CU Boulder)', 'Philippine Institute of Volcanology
        and Seismology (Phivolcs)': a body's short form in brackets right after its name."""
        name = prev.display or prev.text
        if cand.text in self.gaz.known or not _short_form(cand.text, name):
            return False
        if prev.type == "ORG" and prev.strength >= 2:
            return True
        # "World Wonder Ring Stardom (Stardom)": an untyped name's last words in brackets
        return (
            (prev.type is None or prev.strength == 0)
            and prev.words > 1
            and name.endswith(" " + cand.text)
        )

    def _type_unknown_people(self) -> None:
        """Two unknown capitalised words shaped as a person's name (no list holds the given
        name, no cue typed them) are a person where the article's use says so: a body's
        possessive before them, a lower-case word or a stop after, and the last word taken up
        alone elsewhere ("NBC's Lester Holt that … his interview with Holt": its journalist, not
        its product, "NASA's Space Shuttles."),
        a player's part in a match ("a Flacco pass to Anquan Boldin", "recovered by Tarell
        Brown", "a Ray Rice fumble")."""
        text = self.text
        cands = self.candidates
        for k, cand in enumerate(cands):
            if cand.type != "PERSON" or cand.strength != 0 or cand.words != 2:
                continue
            before = text[max(0, cand.start - 40) : cand.start]
            if before[-3:] in ("'s ", "’s "):
                owner = cands[k - 1] if k > 0 else None
                if (
                    owner is not None
                    and owner.type == "ORG"
                    and owner.end in (cand.start - 3, cand.start - 1)  # (its 's, or not)
                    and _lower_or_stop_next(text, cand.end)
                    and _surname_taken_up(text, cand)
                ):
                    cand.strength = 1
            elif _PLAY_BEFORE.search(before) is not None or (
                before.endswith((" a ", " an ")) and _PLAY_AFTER.match(text, cand.end)
            ):
                cand.strength = 1

    def _drop_designations(self) -> None:
        """'a U.S.-designated Foreign Terrorist Organization': a label a government gives a
        class of bodies names none (the body it is given to is named apart). A listed body, or
        one a capitalised word goes on after, names its own ("designated a UNESCO World
        Heritage Site")."""
        text = self.text
        known = self.gaz.known
        self.candidates = [
            c
            for c in self.candidates
            if c.type != "ORG"
            or _DESIGNATED_BEFORE.search(text, max(0, c.start - 30), c.start) is None
            or known.get(c.text) == "ORG"
            or _capital_next(text, c.end)
        ]

    def _join_stated_aliases(self) -> None:
        """'Ginger Baker was born Peter Edward Baker', 'Jon Huber, who performed under the ring
        name Luke Harper': a name the text gives as another of a person's is that person's
        (shown under one name), the person being the one named last before it in its sentence
        ("Natsu Higuchi, also known as Natsuko Higuchi")."""
        text = self.text
        cands = self.candidates
        for k, cand in enumerate(cands):
            if cand.type != "PERSON" or cand.start < 6:
                continue
            if _ALIAS_BEFORE.search(text, max(0, cand.start - 30), cand.start) is None:
                continue
            sentence = text.rfind(". ", 0, cand.start) + 1
            person = next(
                (
                    c
                    for c in reversed(cands[:k])
                    if c.start >= sentence and c.type == "PERSON" and c.words >= 2
                ),
                None,
            )
            if person is not None:
                cand.display = person.display or person.text

    def _split_outlets_from_people(self) -> None:
        """'told MSNBC Cummings "was a great man"': a body's listed name or acronym glued before
        a name the article gives a person elsewhere is two names, the body and the person."""
        known = self.gaz.known
        found: list[Candidate] = []
        for cand in self.candidates:
            if cand.type != "ORG" or cand.words != 2:
                continue
            first, _, rest = cand.text.partition(" ")
            if not rest[:1].isupper() or known.get(rest):
                continue
            if known.get(first) != "ORG" and not (first.isupper() and first.isalpha()):
                continue  # a listed body or an acronym ("MSNBC", "CNN")
            if not any(
                c is not cand
                and c.type == "PERSON"
                and (c.text == rest or c.text.endswith(" " + rest))
                for c in self.candidates
            ):
                continue
            at = cand.start + len(first) + 1
            found.append(Candidate(at, cand.end, rest, 1, "PERSON", 2, False))
            cand.end, cand.text, cand.words, cand.display = at - 1, first, 1, None
            cand.strength = max(cand.strength, 3)
        if found:
            self.candidates.extend(found)
            _sort_by_start(self.candidates)

    def _drop_credits(self) -> None:
        """'Placards. Image: John Lubbock (flickr).': the names of a picture's credit are no
        entities of the story (a name the story itself names keeps its other mentions)."""
        spans = credit_spans(self.text)
        if spans:
            self.candidates = [
                c for c in self.candidates if not any(a <= c.start < b for a, b in spans)
            ]

    def _drop_genera(self) -> None:
        """'Caudipteryx zoui … in Caudipteryx': a capitalised word that a Latin species' epithet
        follows once in the article is a genus there, so none of its mentions is an entity."""
        text = self.text
        genera: set[str] = set()
        for cand in self.candidates:
            if cand.words != 1 or cand.strength >= 3 or cand.text in genera:
                continue
            name = strip_possessive(cand.text)
            if not name.isalpha() or not name[1:].islower():
                continue
            at = text.find(name + " ")
            while at >= 0:
                m = _EPITHET.match(text, at + len(name) + 1)
                if (
                    m is not None
                    and m.group() not in _NOT_EPITHETS
                    and (at == 0 or not text[at - 1].isalnum())
                ):
                    genera.add(cand.text)
                    break
                at = text.find(name + " ", at + 1)
        if genera:
            self.candidates = [
                c
                for c in self.candidates
                if strip_possessive(c.text) not in genera and c.text not in genera
            ]

    def _join_portfolio_lists(self) -> None:
        """'Department for Culture, Media and Sport': an organisation named after a list of fields."""
        cands = _by_start(self.candidates)
        for k, cand in enumerate(cands):
            if cand.type != "ORG" or cand.strength < 2 or not _has_of_or_for(cand.text):
                continue
            m = _PORTFOLIO_TAIL.match(self.text, cand.end)
            if not m:
                continue
            inside = [c for c in cands[k + 1 :] if c.start < m.end()]
            if any(c.strength >= 3 or (c.type == "PERSON" and c.strength >= 2) for c in inside):
                continue
            if any(
                c.type == "ORG"
                and c.strength >= 2
                and c.end < m.end()
                and c.text.rsplit(" ", 1)[-1] in self.heads
                for c in inside
            ):
                continue  # "the Sioux Tribes of Fort Peck, Blackfeet Nation, Crow Tribe and …":
                # a body with its own head noun before a comma is a list's item, no field of one
                # body's name ("National Union of Rail, Maritime and Transport Workers" is one)
            self.candidates = [c for c in self.candidates if c not in inside]
            cand.end, cand.text = m.end(), self.text[cand.start : m.end()]
            cand.words = len(cand.text.split())

    def _add_dateline(self, dateline: Dateline) -> None:
        for start, end in dateline.places:
            surface = self.text[start:end]
            known = self._lookup(surface) or self._lookup(surface.upper())
            cand = Candidate(start, end, surface, len(surface.split()), "PLACE", 2)
            if known:
                cand.display, cand.type, cand.strength = known[0], known[1], 3
            elif surface.isupper():
                cand.display = _title_case(surface)
            self.candidates.append(cand)

    def _type_lists(self) -> None:
        """'Bhola, Patuakhali and Barguna': untyped names listed with places are places too."""
        text = self.text
        # a bracket after a member is no member: "Ann Lee (PS), Bo Kett (PC) and …"
        cands = [
            c
            for c in _by_start(self.candidates)
            if text[c.start - 1 : c.start] != "(" or text[c.end : c.end + 1] != ")"
        ]
        lists: list[list[Candidate]] = []
        for next_at in range(1, len(cands)):  # (pairwise: a generic iterator, compiled)
            prev, cand = cands[next_at - 1], cands[next_at]
            gap = text[prev.end : cand.start] if cand.start - prev.end <= 6 else ""
            if (
                gap not in _LIST_GAPS
                and text[prev.end : prev.end + 2] in (" (", ", ")
                and (bracketed := _BRACKETED_GAP.fullmatch(text, prev.end, cand.start))
            ):
                gap = bracketed.group(1)  # "Ann Lee (PS), Bo Kett", "Ama, 17, Efua, 14 and …"
            elif not gap:
                continue  # a gap too wide for ", and " or " to "
            if gap == " to " and self.text[max(0, prev.start - 5) : prev.start] == "from ":
                self._type_route(prev, cand)  # "a bus from Smolensk to Kaluga"
            if gap in _LIST_GAPS:
                if lists and lists[-1][-1] is prev:
                    lists[-1].append(cand)
                else:
                    lists.append([prev, cand])
        for members in lists:
            # a group heading the list names no member's type: "three Samoans, Pale Tuli, …"
            kinds = {c.type for c in members if c.type and c.strength >= 2 and c.type != "GROUP"}
            if len(members) == 2 and self._pair_speaks(members):
                self._type_speaking_pair(members)  # "Acme and Brightwell criticised the plan"
            if not kinds and self._people_named_alike(members):
                kinds = {"PERSON"}  # "Sunny Tesk and Amjid Orvall, who …": both people
            if (
                not kinds
                and len(members) >= 3
                and self._place_list_opener(members[0].start, max(c.words for c in members))
            ):
                kinds = {"PLACE"}  # "branches at Leek, Cheadle and Biddulph": names listed as sites
            if self._org_list_around(members):
                self._type_listed_bodies(members)
                continue  # "businesses such as Ama Cafe and Bo Tools": bodies, whatever else
            if self._place_list_after(members[0].start) and not (
                len(members) == 2 and self.text[members[0].end : members[1].start] == ", "
            ):  # "in the villages of Illyr, Ann Lee leads": a clause begins, no list goes on
                self._type_listed_places(members)
                continue  # "towns around Belfast, including Ballymena, Larne and …": places
            if len(kinds) != 1 or kinds & {"GROUP", "LANGUAGE"}:
                continue
            kind = kinds.pop()
            if kind == "PERSON" and _PORTFOLIO_BEFORE.search(
                self.text, max(0, members[0].start - 30), members[0].start
            ):
                self._untype_brief(members)
                continue
            if (
                kind == "ORG"
                and len(members) == 2
                and self.text[members[0].end : members[1].start] == ", "
            ):
                continue  # "hit the Azores, Met Éireann, the weather service": no list
            if (
                kind == "PERSON"
                and len(members) == 2
                and self.text[members[0].end : members[1].start] == ", "
                and self._after_role_of(members[0].start)
            ):
                first = members[0]
                if (
                    first.strength == 0
                    and _PLACE_OFFICE_OF.search(self.text, max(0, first.start - 24), first.start)
                    and not any(w in THING_WORDS for w in first.text.split())
                ):
                    first.type, first.strength = "PLACE", 1  # "the Mayor of Qara Tappah, …"
                continue  # "the minister of National Defense, Paulo Portas", "the director of
                # Gate Gourmet, Richard Wells": the office's field, body or place, then its holder
            for cand in members:
                if (
                    (
                        cand.type is None
                        or (cand.strength == 0 and (kind == "PERSON" or len(members) >= 3))
                    )
                    and cand.words <= 3
                    and not any(w in THING_WORDS or w in CALENDAR for w in cand.text.split())
                    and not (kind == "PERSON" and cand.text.startswith("The "))  # a title
                    and not (kind == "PERSON" and _is_acronym(cand.text))  # "Ann Lee, MP,"
                    and not (kind == "PERSON" and self._names_an_office(cand))
                ):
                    cand.type, cand.strength = kind, 1

    def _pair_speaks(self, members: list[Candidate]) -> bool:
        """Whether two names joined by "and" are the subject of a verb of speech right after
        them ("Acme and Brightwell criticised the plan", "Moss and Reid said")."""
        first, second = members
        if (
            self.text[first.end : second.start] != " and "
            or self.text[second.end : second.end + 1] != " "
        ):
            return False  # (not "… by the Cavaliers and Flash Seats, said Ann Lee": inverted)
        m = _SPEECH_VERB_AFTER.match(self.text, second.end)
        if m is None or m.group(1) not in SPEECH_VERBS or m.group(1) in _NOUN_LIKE_VERBS:
            return False  # (nor "… Corn Belt and Rust Belt states": a noun)
        before = self.text[max(0, first.start - 12) : first.start].split()
        # the pair is the clause's subject: not the object of a preposition or a determiner's
        # ("villagers from both Yitzhar and Shalhevet accused", "an official of the Blues and
        # Royals said", "The Foreign Affairs and Trade Minister described")
        return not before or before[-1].lower() not in _NOT_BEFORE_SUBJECT_PAIR

    def _type_speaking_pair(self, members: list[Candidate]) -> None:
        """Two names speaking together are of one kind: a name typed by nothing but the verb
        (one word, no more than its weak PERSON) takes its partner's firmer type ("Acme Corp
        and Brightwell said": a body), and an untyped one its partner's ("Acme and Brightwell
        criticised": both as the verb types them, not one dropped)."""
        first, second = members
        for cand, other in ((first, second), (second, first)):
            if other.type not in ("PERSON", "ORG") or cand.words > 3:
                continue
            if cand.type is None or cand.strength == 0:
                # a sentence's first word so named is kept as a name ("Moss and Reid said"),
                # unless the article writes it in lower case ("Organisers and Reid said")
                opener = cand.sentence_start and cand.words == 1
                if opener and (cand.text.lower() in self.lower_seen or cand.text.endswith("s")):
                    continue
                cand.type, cand.strength = other.type, 2 if opener else 1
            elif (
                cand.type == "PERSON"
                and cand.strength == 1
                and cand.words == 1
                and other.type == "ORG"
                and other.strength >= 2
            ):
                cand.type = "ORG"

    def _people_named_alike(self, members: list[Candidate]) -> bool:
        """'Sunny Tesk and Amjid Orvall, who …', 'Ethiopians Dejene Debela, 2:05:46, and Asefa
        Mengstu': a list of two or three words' names no list knows, one a person by a weaker
        cue, the others untyped, are all people."""
        person = False
        for cand in members:
            words = cand.text.split()
            if (
                not 2 <= len(words) <= 3
                or not all(_is_cap(w) and w.isalpha() for w in words)
                or not self._plain_name(words)
            ):
                return False
            if cand.type == "PERSON" and cand.strength == 1:
                person = True
            elif cand.type is not None and cand.strength > 0:
                return False
        return person

    def _names_an_office(self, cand: Candidate) -> bool:
        """'Ann Lee, Shadow Minister for …', 'the First Lady, Ann Lee', 'Ann Lee, Bishop-Emeritus
        of …', 'His Royal Highness, Prince Bo': words beside a person that name an office or a
        style (a title or role word after them or ending them, "His"/"Her" or "The" opening
        them), not someone's name; a given name among them makes them a name."""
        words = cand.text.split()
        if words[0] in _STYLE_OPENERS:
            return True
        gaz = self.gaz
        if any(w in gaz.first_names for w in words):
            return False
        after = _WORD_AFTER.match(self.text, cand.end)
        if after and (after.group(1) in gaz.titles or after.group(1).lower() in gaz.role_words):
            return True
        return all(part in gaz.titles for part in strip_possessive(words[-1]).split("-"))

    def _after_role_of(self, start: int) -> bool:
        """Whether a role and "of" (or "of the") end the text right before `start` ("the mayor of
        ", "Additional Director of ")."""
        lo = max(0, start - 40)
        if not self.text.endswith((" of ", " of the "), lo, start):
            return False
        end = start - 4 if self.text.endswith(" the ", lo, start) else start
        m = _ROLE_OF_END.search(self.text, lo, end)
        if m is None or self.text[m.end() - 4 : m.end()] != " of ":
            return False
        role = m.group(1)
        return role.lower() not in _RELATIONS and (
            role.lower() in self.gaz.role_words or role in self.gaz.titles
        )  # (not "the mother of Ann Lee, Bo Lee": a relation of a person)

    def _untype_brief(self, members: list[Candidate]) -> None:
        """'Minister for Education, Science and Training, Julie Bishop': the fields of a brief, up
        to the one after "and", name nothing; the holder after them is no list's member."""
        last = 0
        for k in range(1, len(members)):
            if "and" in self.text[members[k - 1].end : members[k].start]:
                last = k
                break
        for cand in members[: last + 1]:
            if cand.strength < 2:
                cand.type, cand.strength = None, 0

    def _type_listed_bodies(self, members: list[Candidate]) -> None:
        """Members of a list of bodies are bodies, unless a list knows them, they name a people
        or a kind ("B2B and B2C firms"), or the name goes on ("Focus on the Family")."""
        for cand in members:
            if (
                cand.strength < 3
                and cand.type != "GROUP"
                and not (
                    cand.type == "PLACE"
                    and cand.strength >= 2
                    and cand.text.rsplit(" ", 1)[-1] not in _TRADING_PLACES
                    and " and " not in cand.text  # "Vanguard and State Street": two of the
                    and " & " not in cand.text  # listed firms run together; only one a street
                )  # "Harbour Street", "Old Town": its own name says it is a place, where a
                # business may be, not one (but "Ama Hotel", "Bo Gallery" trade)
                and cand.words <= 4
                and not _NAME_GOES_ON.match(self.text, cand.end)
                and not _HAS_DIGIT.search(cand.text)
                and not any(w in THING_WORDS or w in CALENDAR for w in cand.text.split())
            ):
                cand.type, cand.strength = "ORG", 2

    def _place_list_after(self, start: int) -> bool:
        """'towns around Belfast, including', 'the three provinces,', 'the settlements of': a
        plural of places right before a list (or before "including", "such as", "like", "of")
        says its members are places."""
        before = self.text[max(0, start - 40) : start].lower().split()
        if before and before[-1] in _LIST_INTRODUCERS | {"of"}:
            before = before[:-2] if before[-2:-1] == ["such"] else before[:-1]
            if before and before[-1].endswith(","):
                before[-1] = before[-1][:-1]  # "towns around Belfast, including"
                return len(before) >= 3 and before[-3] in _PLACE_PLURALS
        return bool(before) and before[-1].rstrip(",") in _PLACE_PLURALS

    def _type_listed_places(self, members: list[Candidate]) -> None:
        """Members of a list of places are places, unless a list or strong evidence says
        otherwise (a known body, a person by a given name)."""
        text = self.text
        for cand in members:
            if (
                cand.strength < 2
                and cand.type != "GROUP"
                and cand.words <= 3
                and not (
                    text[cand.end : cand.end + 1] == " "
                    and text[cand.end + 1 : cand.end + 2].isupper()
                )
            ):  # (but "Navi Mumbai": a name that goes on is read whole by a later pass)
                cand.type, cand.strength = "PLACE", 2

    def _org_list_around(self, members: list[Candidate]) -> bool:
        """'businesses include A, B and C', 'channels A, B and C', 'firms such as A and B', 'A
        and B are the largest companies': a plural noun of bodies says what the listed names are
        ("the A and B companies": the last name before the noun, typed by `_evidence`)."""
        text = self.text
        before = text[max(0, members[0].start - 40) : members[0].start].rsplit(None, 4)
        if before and before[-1] in ("the", "The"):
            before.pop()
        if len(before) >= 2 and before[-1] in _LIST_INTRODUCERS:
            noun = before[-3] if before[-2:] == ["such", "as"] and len(before) >= 3 else before[-2]
            if noun.lower() in _BODY_PLURALS:
                return True
        if before and before[-1].lower() in _BODY_PLURALS:
            return True
        end = members[-1].end
        if not text.startswith((" are ", " were "), end):
            return False  # (most lists: no words split)
        after = text[end : end + 50].split(None, 6)[:6]
        for word in after[1:]:  # "A and B are the most indebted companies"
            if word.rstrip(".,;:") in _BODY_PLURALS:
                return True
            if word[-1:] in ".,;:" or word[:1].isupper() or word in _COMPLEMENT_ENDS:
                return False  # "A and B are built by small teams": not what they are
        return False

    def _place_list_opener(self, start: int, longest: int) -> bool:
        """'in', 'at', 'near' before a list; 'from' too when no name in it is over two words
        ("appliances from Dolgellau, Harlech and Blaenau Ffestiniog")."""
        before = self.text[max(0, start - 12) : start].split()
        return bool(before) and (
            before[-1] in ("in", "at", "near") or (before[-1] == "from" and longest <= 2)
        )

    def _type_route(self, a: Candidate, b: Candidate) -> None:
        """'from Smolensk to Kaluga': two names of one or two words, neither known nor typed by
        stronger evidence, are the ends of a journey: places."""
        pair = (a, b)
        weak = [c for c in pair if c.strength < 2 and c.type in (None, "PERSON", "PLACE")]
        known = [c for c in pair if c.type == "PLACE" and c.strength >= 2]
        if not weak or len(weak) + len(known) != 2:
            return
        if any(
            c.words > 2 or any(w in CALENDAR or not w[1:].islower() for w in c.text.split())
            for c in weak
        ):
            return  # "from CentOS Linux to CentOS Stream": product names
        for cand in weak:
            cand.type, cand.strength = "PLACE", 1

    def _join_and_names(self) -> None:
        """'Law and Justice, the main opposition party': two words joined by "and" named as one
        organisation by an appositive; the same words elsewhere in the article join too."""
        cands = _by_start(self.candidates)
        pairs = []
        for next_at in range(1, len(cands)):
            a, b = cands[next_at - 1], cands[next_at]
            if (
                b.start - a.end == 5  # " and " (gaps are mostly long: no slice of them)
                and self.text.startswith(" and ", a.end)
                and a.words == b.words == 1
                and a.strength < 2
                and b.strength < 2
            ):
                pairs.append((a, b))
        names = {
            f"{a.text} and {b.text}"
            for a, b in pairs
            if (m := _APPOSITIVE_ORG.match(self.text, b.end))
            and any(w in ORG_NOUNS for w in m.group(1).split())
        }
        for a, b in pairs:
            if f"{a.text} and {b.text}" in names and b in self.candidates:
                self.candidates.remove(b)
                a.end, a.text, a.words = b.end, self.text[a.start : b.end], 3
                a.type, a.strength = "ORG", 2


def _may_credit(text: str) -> bool:
    """Whether `text` holds a word a picture's credit opens with (most texts hold none)."""
    return (
        "Image" in text
        or "Photo" in text
        or "Picture" in text
        or "Credit" in text
        or "Video" in text
        or "Illustration" in text
    )


def credit_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each picture credit in `text`, its label left out: "Image: John Lubbock
    (flickr)." at a line's end, "(Photo: Reuters)". A stretch with a lower-case word other than
    "via", "courtesy", "flickr" … is a caption, not a credit."""
    spans: list[tuple[int, int]] = []
    for m in _CREDIT_LABEL.finditer(text):
        at = m.start()
        before = text[at - 1] if at > 0 else "\n"
        bracketed = before == "("
        if not (
            before == "\n"
            or bracketed
            or (before == " " and (m.group(1) == ":" or text[at - 2 : at - 1] in _CREDIT_OPENERS))
            or (m.group(1) == ":" and before.isalpha())  # "Tomas VellImage: …", glued
        ):
            continue  # "a Photo by the river": no label
        start = m.end()
        end = text.find(")" if bracketed else "\n", start)
        if end < 0:
            end = len(text)
        if end - start > _CREDIT_MOST or end == start:
            continue
        words = text[start:end].replace("/", " ").split()
        if all(_credit_word(w) for w in words):
            spans.append((start, end))
    return spans


def _credit_word(word: str) -> bool:
    """Whether `word` may stand in a picture's credit: a capitalised name's word, an initial,
    one of _CREDIT_WORDS ("via", "(flickr)")."""
    core = word.strip("().,;:'\"\u201c\u201d")
    return core == "" or not core[:1].islower() or core.casefold() in _CREDIT_WORDS


def _capital_next(text: str, end: int) -> bool:
    """Whether the word after `end` (past one space) opens with a capital."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


def _lower_or_stop_next(text: str, end: int) -> bool:
    """Whether a lower-case word or a stop, comma or colon follows `end`."""
    nxt = text[end : end + 2]
    return nxt[:1] in (".", ",", ":", ";") or (nxt[:1] == " " and nxt[1:].islower())


def _surname_taken_up(text: str, cand: Candidate) -> bool:
    """Whether the last word of `cand` stands alone elsewhere in `text`, as a surname does
    ("… with Holt," after "Lester Holt"): not after or before a capitalised word ("Train
    Simulator 2" takes up no "Flight Simulator")."""
    first, _, last = cand.text.rpartition(" ")
    at = text.find(last)
    while at >= 0:
        end = at + len(last)
        if (
            at != cand.start + len(first) + 1
            and (at == 0 or not text[at - 1].isalnum())
            and not text[end : end + 1].isalnum()
            and not _capital_before(text, at)
            and not _capital_next(text, end)
        ):
            return True
        at = text.find(last, end)
    return False


def _operates_vehicle(name: str, text: str, end: int) -> bool:
    """Whether `name`, an airline's ("Midwest Airlines", "Kelbo Airways"), comes before a
    word for its aircraft ("plane", "jet"), not a flight's number or a model's."""
    return (
        name.endswith(_AIRLINE_ENDS)
        and text[end + 1 : end + 2].islower()
        and not text.startswith(" flight", end)  # "American Airlines flight 77": the flight
    )


_AIRLINE_ENDS: Final = (" Airlines", " Airways", " Air Lines", " Airline")


def _capital_before(text: str, start: int) -> bool:
    """Whether a capitalised word ends right before `start` (past one space), the word not
    closing a clause ("Train Simulator"; not "Lee, Holt")."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalnum():
        return False
    at = start - 2
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return text[at].isupper()
