"""The entity scan's view of one article and the lookups every step asks (see _FinderBase)."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from newstui.nlp.entity_cues import (
    _GLUED_STOP,
    _OCCUPATION_ENDINGS,
    _OFFICIAL_ROLES,
    _OWN_POSSESSIVE_AFTER,
    _OWN_S,
    _TITLE_MODIFIERS,
    _TITLE_MODIFIERS_OF_PAIRS,
    _TRANSCRIPT_LABEL,
    _credit_lines,
)
from newstui.nlp.entity_words import (
    _NUMBER_AFTER,
    _START,
    CALENDAR,
    COMPASS,
    THING_WORDS,
    Candidate,
    LowerCaseWords,
    _dot_inside_word,
    _head_nouns,
    _is_acronym,
    _is_cap,
    _is_lower,
    _is_upper,
    _may_close_known,
    _may_open_known,
    _particle_lowered,
    apostrophes_dropped,
    title_lengths,
)
from newstui.nlp.gazetteer import Gazetteer, load_gazetteer
from newstui.nlp.names import strip_possessive
from newstui.nlp.segment import Dateline, Token, paragraph_spans

# Ranks that are also parts of a family name ("Sacha Baron Cohen"): no title after a given name.
_NOBLE_NAME_PARTS: Final = frozenset(("Baron", "Earl", "Duke"))
# Titles that are also names of brands and venues ("Commodore Business Machines", "the Commodore
# Ballroom", "Emperor Entertainment"): titles only before a given name or one unknown surname.
_BRAND_TITLES: Final = frozenset(("Commodore", "Emperor", "Empress"))
# Courtesy titles of other languages ("Madame Lagarde", "Herr Scholz"): a title only before a
# given name or a surname the article writes after a given name too ("Madame Tussauds" is none).
_COURTESY_ABROAD: Final = frozenset(
    "Madame Madam Monsieur Mme Mlle Mademoiselle Herr Frau Senor Señor Senora Señora Signor "
    "Signora".split()
)
# Endings of the adjectives that describe a role before a name ("Technical Lead", "Clinical
# Director", "Regional Manager", "Senior Analyst", "Creative Director").
_DESCRIBING_ENDINGS: Final = ("ical", "al", "ive", "ior", "ary", "ic")

if TYPE_CHECKING:  # (entity_runs imports this module)
    from newstui.nlp.entity_runs import _RunTail


# A line of up to this many words between paragraphs, with no stop after it, opening with a
# capital, is a heading even in sentence case ("Kids TV among media buy"): Wikinews writes its
# section headings so (see _is_section_heading).
_SENTENCE_CASE_HEADING_WORDS: Final = 6
_SECTION_HEADING_CHARS: Final = 80


class _FinderBase:
    """One article as the entity scan reads it (datelines, credit lines and transcript or image labels
    dropped, headings found) with the lookups every step asks: the gazetteer, known names, titles."""

    def __init__(self, text: str, tokens: list[Token], datelines: list[Dateline]) -> None:
        self.text = text
        self.tokens = tokens
        for dateline in datelines:  # its words are candidates already; tokens are in text order
            lo = bisect.bisect_left(self.tokens, dateline.places[0][0], key=_START)
            hi = bisect.bisect_left(self.tokens, dateline.end, key=_START)
            self.tokens = self.tokens[:lo] + self.tokens[hi:]
        if "©" in text or "CC BY" in text or "Creative Commons" in text:
            for lo_pos, hi_pos in _credit_lines(text):  # the feed's licence line names no one
                lo = bisect.bisect_left(self.tokens, lo_pos, key=_START)
                hi = bisect.bisect_left(self.tokens, hi_pos, key=_START)
                self.tokens = self.tokens[:lo] + self.tokens[hi:]
        if "(" in text and "((" in text:  # (one character is found by memchr: most texts have none)
            self._drop_transcript_labels()
        if _dot_inside_word(text) and any("." in t.text for t in self.tokens):
            self._split_glued_sentences()
        if ":" in text and "Image:" in text:
            self._drop_image_labels()
        if "@" in text:  # "@RedHat", "KN@PPSTER": a handle or an address is no name
            self.tokens = [t for t in self.tokens if text[t.start - 1 : t.start] != "@"]
        self.datelines = datelines
        self.gaz: Gazetteer = load_gazetteer()
        self.lower_seen = LowerCaseWords(text)
        self.storm_heads = False  # whether a run opens with "Hurricane", "Typhoon"…
        self.saint_places: set[str] | None = None  # see _saint_names_a_place
        self.airlines: set[str] = set()  # "Adam Air" of "Adam Air Flight 574": see _scan_run
        self.comma_listed = False  # a body "Word and … Head" right after a comma: see _joins
        self.result_sides: dict[str, bool] = {}  # towns asked of _side_of_scored_result
        self.sport: bool | None = None  # whether the article speaks of a league sport
        self.teams: dict[str, str] = {}  # a team's nickname: its full name ("Lakers")
        self.company_places: set[str] = set()  # place-like names a company's noun named a firm
        self.firm_places: dict[str, bool] = {}  # listed places the article makes firms: see
        # _firm_named_like_place
        self.candidates: list[Candidate] = []
        # the matches of " (ABC)" (entity_passes: only when the text holds " (")
        self.bracketed: list[re.Match[str]] = []
        self.heads = _head_nouns()
        self.headings = [
            (s, e)
            for s, e in paragraph_spans(text)
            if self._is_heading(s, e) or self._is_section_heading(s, e)
        ]
        # see _drop_sentence_opener: by word, one dict for a word before a comma, one for others
        self.lone_openers: dict[str, bool] = {}
        self.bodies_elsewhere: dict[str, bool] = {}  # see _TypingFinder._body_elsewhere
        self.place_then_asked = 0  # names _TypingFinder._place_then_unknown read the text for
        self.told_asked = 0  # names _TypingFinder._told_outlet read the text for
        self.lone_openers_comma: dict[str, bool] = {}
        self.heading_starts = [start for start, _ in self.headings]
        self.run_tail: _RunTail | None = None  # the last run's facts: see _extends_to_named_head
        # the last run's title starts and the runs cut before them: see _officer_after_body
        self.titles_run: list[Token] | None = None
        self.title_starts: list[int] = []
        self.officer_cuts: dict[int, list[Token]] = {}
        self.lower_run: list[Token] | None = None  # the run `last_lower` is of: see _last_lower
        self.last_lower = -1

    def _drop_transcript_labels(self) -> None:
        """An interview transcript labels each turn ("((WSS))  Why?", "((Ann Lee))  Yes."): an
        interviewer's initials name no one, and the word after any label opens a sentence."""
        initials: set[int] = set()
        openers: set[int] = set()
        for m in _TRANSCRIPT_LABEL.finditer(self.text):
            if _is_acronym(m.group(1)):
                initials.add(m.start(1))
            openers.add(m.end())
        tokens = []
        for t in self.tokens:
            if t.start in initials:
                continue
            if t.start in openers and not t.sentence_start:
                t = Token(t.start, t.end, t.text, True)  # a copy: the caller's tokens stay
            tokens.append(t)
        self.tokens = tokens

    def _split_glued_sentences(self) -> None:
        """'troops in Afghanistan.Trump said': a full stop with no space after it between two
        words is a sentence's end (not "U.S", "Portfolio.hu"): the token is two words, the
        second opening a sentence."""
        tokens = []
        for t in self.tokens:
            m = _GLUED_STOP.fullmatch(t.text) if "." in t.text else None
            if m is None:
                tokens.append(t)
                continue
            stop = t.start + m.end(1)
            tokens.append(Token(t.start, stop, m.group(1), t.sentence_start))
            tokens.append(Token(stop + 1, t.end, m.group(2), True))  # copies: the caller's stay
        self.tokens = tokens

    def _drop_image_labels(self) -> None:
        """'Kamala Harris Image: U.S. Senate.', 'Bill HammonsImage: …': a caption names what it
        shows, then 'Image:' and the credit; the label is no part of the name before it."""
        tokens = []
        for t in self.tokens:
            if t.text.endswith("Image") and self.text.startswith(":", t.end):
                if t.text == "Image":
                    continue
                if t.text[-6].islower():  # "HammonsImage": glued to the caption's last word
                    t = Token(t.start, t.end - 5, t.text[:-5], t.sentence_start)  # a copy
            tokens.append(t)
        self.tokens = tokens

    def _is_heading(self, start: int, end: int) -> bool:
        """A short line without a full stop, most of its words capitalised: a title or heading."""
        text = self.text
        last = end  # the last character that `text[start:end].strip()` keeps, found in place
        while last > start and text[last - 1].isspace():
            last -= 1
        if last == start or text[last - 1] in ".!?,;:”’\"'":
            return False  # most paragraphs end with a stop: no need to cut out and count words
        line = text[start:last].strip()
        words = line.split()
        if len(words) > 12 or len(words) < 2:
            return False
        capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        return capitalised >= 0.6 * len(words)

    def _is_section_heading(self, start: int, end: int) -> bool:
        """A short line in sentence case between two paragraphs, with no stop after it: a
        section's heading as Wikinews writes it ("Kids TV among media buy"), not a whole short
        text ("He joined the Ministry today")."""
        text = self.text
        if start == 0 or end >= len(text) or end - start > _SECTION_HEADING_CHARS:
            return False  # (most paragraphs: longer than any such heading)
        last = end
        while last > start and text[last - 1].isspace():
            last -= 1
        if last == start or text[last - 1] in ".!?,;:”’\"'" or not text[start].isupper():
            return False
        words = text.count(" ", start, last) + 1
        return 2 <= words <= _SENTENCE_CASE_HEADING_WORDS

    def _surface(self, run: list[Token], i: int, n: int) -> tuple[int, int, str]:
        start, end = run[i].start, run[i + n - 1].end
        last = run[i + n - 1].text
        if ("'" in last or "’" in last) and not (n == 1 and self._own_possessive(last, end)):
            end -= len(last) - len(strip_possessive(last))
        return start, end, self.text[start:end]

    def _own_possessive(self, word: str, end: int) -> bool:
        """'McDonald's said', 'at Pellmann's, a chain': an "'s" before a verb or a stop belongs
        to the name (a business named for its founder); a possessive is followed by a noun."""
        return (
            word[-2:] in _OWN_S
            and len(word) > 4
            and _OWN_POSSESSIVE_AFTER.match(self.text, end) is not None
            and word[:-2].lower() not in self.gaz.common_words
            and word[:-2] not in self.gaz.titles  # "at Lord's", "the Lord's Prayer"
            and not any(c.type == "PERSON" and c.text.endswith(word[:-2]) for c in self.candidates)
            and self._lookup(word[:-2]) is None  # "sales of the top seller Toyota's.": a known
        )  # name's possessive; "Ann Lee … the warrant was Lee's.": a person named before

    def _lookup(self, surface: str) -> tuple[str, str] | None:
        """(usual name, type) of a known name, also when written in capitals ("LONDON")."""
        kind = self.gaz.known.get(surface)
        if kind:
            return surface, kind
        if surface[-1:] == "s" and self.gaz.known.get(surface[:-1]) == "GROUP":
            return surface, "GROUP"  # "Ethiopians", "Kenyans": the plural of a nationality
        if "." in surface and len(surface) <= 8:
            compact = surface.replace(".", "")  # "U.S" → "US"
            if compact.isupper() and compact in self.gaz.known:
                return compact, self.gaz.known[compact]
        if len(surface) > 3 and _is_upper(surface):
            name = self.gaz.known_upper.get(surface)
            if name:
                return name, self.gaz.known[name]
        lowered = _particle_lowered(surface)
        if lowered and lowered in self.gaz.known:
            return lowered, self.gaz.known[lowered]
        if ("'" in surface or "’" in surface) and ("'" in surface[1:-1] or "’" in surface[1:-1]):
            found = self._lookup(apostrophes_dropped(surface))
            if found:
                return found  # "Shi'ite", "al-Qa’ida": "Shiite", "al-Qaida" spelled so
        if " & " in surface:
            found = self._lookup(surface.replace(" & ", " and "))
            if found:
                return found  # "Trinidad & Tobago": a listed "Trinidad and Tobago" written so
        return None

    def _known(self, run: list[Token], i: int) -> int:
        """How many words from run[i] on form a known name (longest first); 0 if none."""
        if not _may_open_known(run[i].text):
            return 0  # most capitalised words open no known name: one cached answer says so
        start = run[i].start
        text = self.text
        for n in range(min(self.gaz.known_max_words, len(run) - i), 0, -1):
            tok = run[i + n - 1]
            last = tok.text
            if _is_lower(last):
                continue
            word = strip_possessive(last)
            end = tok.end - (len(last) - len(word))
            if (
                n > 1
                and end - start > 8
                and text[tok.start - 1] == " "
                and not _may_close_known(word)
            ):
                continue  # no known name ends with this word: _lookup would find none
            if self._lookup(text[start:end]):
                return n
        return 0

    def _title(self, run: list[Token], i: int) -> int:
        # "Press Secretary", "Acting Director": a title's modifier opens the title
        j = i + 1 if run[i].text in _TITLE_MODIFIERS and i + 1 < len(run) else i
        if (
            i
            and len(run) - j == 3
            and run[i - 1].text in self.gaz.org_words
            and run[j].text.lower() in self.gaz.role_words
        ):
            return j - i + 1  # "Acme Research Institute Director Ane Alencar": the body's officer
        if j > i:
            n = self._title(run, j)
            return n + 1 if n else 0
        if run[i].text not in self.gaz.title_first_words:
            if (
                i == 0
                and run[0].sentence_start
                and len(run) > 2
                and _is_cap(run[1].text)
                and (
                    run[0].text.lower() in self.gaz.role_words or self._occupation_before_name(run)
                )
            ):
                return 1  # "Lawyer Emma Jordan said": a role word capitalised by the sentence
            if i == 0 and 3 <= len(run) <= 4 and self._role_before_name(run):
                return 1  # "newly elected Assemblywoman Selena Torres", "CEO Andy Vesey"
            if len(run) - i == 2 and self._role_before_surname(run, i):
                return 1  # "Administrator Bolden stated", "Prosecutor Quill said"
            if self._described_role(run, i):
                return 2  # "WHO Technical Lead Maria Van Kerkhove": a role and its describing word
            if (
                i + 2 < len(run)
                and run[i].text[-1:] == "s"
                and run[i].text[:-1] in self.gaz.titles
                and (
                    run[i + 1].text in self.gaz.first_names
                    or self._plain_name([t.text for t in run[i + 1 : i + 3]])
                )
            ):
                return 1  # "Senators Ann Lee and …", "Representatives Ann Lee, Bo Kett": a title
                # for each person of a list
            return 0
        if (
            run[i].text in _NOBLE_NAME_PARTS
            and i
            and i + 1 < len(run)
            and (
                run[i - 1].text in self.gaz.first_names
                or (  # an unknown word opening the run: "Sacha"
                    i == 1
                    and not run[0].sentence_start
                    and run[0].text not in self.gaz.known
                    and run[0].text not in self.gaz.titles
                    and run[0].text.lower() not in self.gaz.role_words
                )
            )
            and (i == 1 or run[i - 2].text not in self.gaz.titles)
        ):
            return 0  # "Sacha Baron Cohen": a rank between a given name and a surname is a name's
        lengths = title_lengths()[run[i].text]  # (a key: run[i] opens a title)
        for n in range(min(self.gaz.title_max_words, len(run) - i), 0, -1):
            if n not in lengths:
                continue  # no title of n words opens with run[i] (most n: "President" has one)
            if " ".join(t.text for t in run[i : i + n]) in self.gaz.titles:
                if run[i].text in _BRAND_TITLES and not self._holder_after_brand_title(run, i + 1):
                    return 0  # "the Commodore Ballroom", "Commodore Business Machines"
                if run[i].text in _COURTESY_ABROAD and not self._named_in_full(run, i + 1):
                    return 0  # "Madame Tussauds": a museum, no Madame's surname
                if n == 1 and run[i].text == "Dean" and self._dean_as_given_name(run, i):
                    return 0  # "founded by Dean Kamen": a given name, no university's dean
                if any(
                    t.text in THING_WORDS for t in run[i + n : i + n + 3]
                ) and not self._brief_then_full_name(run, i + n):
                    return 0  # "the GNU General Public License": a thing's name, no title
                if (
                    i + n + 2 < len(run)
                    and run[i + n + 1].text.lower() in self.gaz.role_words
                    and run[i + n].text not in self.gaz.first_names
                    and run[i + n].text.lower() not in self.gaz.role_words
                    and not self._lookup(run[i + n].text)
                ):
                    return n + 2  # "Chief Technical Officer Chris Wright": one title
                if (
                    i + n + 4 < len(run)
                    and run[i + n - 1].text in _TITLE_MODIFIERS_OF_PAIRS
                    and run[i + n + 1].text in ("and", "&")
                    and run[i + n + 3].text.lower() in self.gaz.role_words
                    and all(
                        run[k].text not in self.gaz.first_names
                        and run[k].text.lower() not in self.gaz.role_words
                        and not self._lookup(run[k].text)
                        for k in (i + n, i + n + 2)
                    )
                ):
                    return n + 4  # "Chief Marketing and Innovation Officer Mark Chmiel"
                if self._role_after_title(run, i + n):
                    return n + 1  # "World Bank Chief Economist Indermit Gill": one title
                return n
        if len(run) - i == 2 and self._role_before_surname(run, i):
            return 1  # "U.S. Attorney Bash": a title's first word as a title of its own
        return 0

    def _named_in_full(self, run: list[Token], i: int) -> bool:
        """Whether run[i:] names a person the article also names in full: a listed given name,
        or one surname that follows a listed given name elsewhere ("Madame Lagarde" beside
        "Christine Lagarde")."""
        if i >= len(run):
            return False
        if run[i].text in self.gaz.first_names:
            return True
        if len(run) - i != 1:
            return False
        surname = " " + strip_possessive(run[i].text)
        at = self.text.find(surname)
        while at > 0:
            before = self.text[max(0, at - 30) : at].rsplit(None, 1)
            if before and before[-1] in self.gaz.first_names:
                return True
            at = self.text.find(surname, at + len(surname))
        return False

    def _role_after_title(self, run: list[Token], i: int) -> bool:
        """Whether run[i], right after a title, is a role word ending that title before a name
        ("Chief Economist Indermit Gill", "Chief Executive Officer Tim Cook"): a role word that
        is no given name, then a capitalised word that is no role word."""
        if i + 1 >= len(run):
            return False
        word, nxt = run[i].text, run[i + 1].text
        return (
            word.lower() in self.gaz.role_words
            and word not in self.gaz.first_names
            and _is_cap(nxt)
            and nxt.lower() not in self.gaz.role_words
        )

    def _described_role(self, run: list[Token], i: int) -> bool:
        """Whether run[i:i + 2] is a describing word and a role before a given name and a surname
        ("Technical Lead Maria Van Kerkhove", "Clinical Director Ann Lee"): the first with an
        adjective's ending (not "Ocean Science Director …"), no name nor body's word ("U.S.
        Army General …", "Police Commissioner …": a body's title), the second a role word or
        "Lead" but no title (those are read as titles), then a listed given name."""
        if i + 3 >= len(run):
            return False
        first, role = run[i].text, run[i + 1].text
        return (
            (role == "Lead" or role.lower() in self.gaz.role_words)
            and run[i + 2].text in self.gaz.first_names
            and first.endswith(_DESCRIBING_ENDINGS)
            and first not in self.gaz.first_names
            and first not in self.gaz.org_words
            and first not in self.heads
            and role not in self.gaz.titles
            and not self._lookup(first)
            and role not in self.gaz.first_names
            and _is_cap(run[i + 3].text)
        )

    def _dean_as_given_name(self, run: list[Token], i: int) -> bool:
        """Whether "Dean" before a name is a given name: the article speaks of no dean in lower
        case, no "the", "a" or body's word stands before it and no "of" after it ("Economists
        Jim Cole and Dean Maki", "Sen. Dean Florez"; not "the Dean of Law", "School Dean Ann
        Lee", nor "Dean Okafor" where a story calls her "the dean", nor before a given name and a
        surname: "Dean Martha Lee")."""
        if i + 1 >= len(run) or not _is_cap(run[i + 1].text) or "dean" in self.lower_seen:
            return False
        if (
            i + 2 < len(run)
            and run[i + 1].text in self.gaz.first_names
            and _is_cap(run[i + 2].text)
        ):
            return False  # "Dean Martha Lee said": a full name after it, Dean is the title
        if i:
            return run[i - 1].text not in self.gaz.org_words and run[i - 1].text not in self.heads
        before = self.text[max(0, run[i].start - 12) : run[i].start].split()
        return not before or before[-1].lower() not in ("the", "a", "an", "as")

    def _holder_after_brand_title(self, run: list[Token], i: int) -> bool:
        """Whether run[i:] names the holder of a title that brands and venues share: a given
        name ("Commodore Frank Bainimarama") or one to three unknown words, none a common word
        nor a place's or body's head ("Commodore Esala Teleni"; not "Commodore Ballroom")."""
        if i >= len(run):
            return False
        if run[i].text in self.gaz.first_names:
            return True
        if len(run) - i > 3:
            return False
        gaz = self.gaz
        for tok in run[i:]:
            word = strip_possessive(tok.text)
            if (
                word in gaz.place_words
                or word in gaz.org_words
                or word.lower() in gaz.common_words
                or self._lookup(word)
            ):
                return False
        return True

    def _role_before_name(self, run: list[Token]) -> bool:
        """A capitalised role word ("Assemblywoman", "CEO") before two or three unknown
        capitalised words that end in no head noun: the role of the person named after it."""
        if not 3 <= len(run) <= 4 or run[0].text.lower() not in self.gaz.role_words:
            return False
        for tok in run[1:]:
            word = strip_possessive(tok.text)
            lower = word.lower()
            if (
                not _is_cap(word)
                or word in self.heads
                or word in CALENDAR
                or lower in self.gaz.common_words
                or lower in self.lower_seen
                or lower in self.gaz.role_words
            ):
                return False
        return not self._known(run, 0) and not self._known(run, 1)

    def _role_before_surname(self, run: list[Token], i: int) -> bool:
        """An official's role word ending a run before one unknown capitalised word:
        'Administrator Bolden', 'NASA Administrator Bolden', 'Prosecutor Quill'."""
        word = strip_possessive(run[i + 1].text)
        return (
            run[i].text in _OFFICIAL_ROLES
            and self._name_follows(run, i + 1)
            and word.lower() not in self.gaz.common_words
            and word.lower() not in self.lower_seen
            and word.lower() not in self.gaz.role_words
            and word not in THING_WORDS
            and not _NUMBER_AFTER.match(self.text, run[i + 1].end)
        )

    def _occupation_before_name(self, run: list[Token]) -> bool:
        """'Immunologist Kris Andersen', 'Physician Ana Ruiz': an occupation noun ("-ologist",
        "-ician", "-ist") opening the sentence before a name that ends in no head noun."""
        lower = run[0].text.lower()
        return (
            lower.endswith(_OCCUPATION_ENDINGS)
            and lower not in self.lower_seen
            and lower not in self.gaz.common_words
            and run[0].text not in self.gaz.first_names
            and not self._known(run, 0)
            and not self._known(run, 1)
            and strip_possessive(run[-1].text) not in self.heads
            and not any(_is_lower(t.text) for t in run[1:3])
        )

    def _name_follows(self, run: list[Token], i: int) -> bool:
        """Whether run[i] is a capitalised word that is neither known, a head noun, nor a title."""
        if i >= len(run) or not _is_cap(run[i].text) or run[i].text in CALENDAR:
            return False
        word = strip_possessive(run[i].text)
        return (
            word not in self.heads
            and not self._known(run, i)
            and not self._title(run, i)
            and word not in COMPASS
        )

    def _is_place(self, run: list[Token], i: int, n: int) -> bool:
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "PLACE"

    def _brief_then_full_name(self, run: list[Token], j: int) -> bool:
        """'Minister for the Olympics Tessa Jowell': a brief after a title, then a known given
        name and a surname ending the run (the brief's thing word makes no thing's name)."""
        if j >= len(run) or run[j].text not in ("for", "of"):
            return False
        k = j + 1 + (j + 1 < len(run) and run[j + 1].text == "the")
        return (
            len(run) - k >= 3
            and all(_is_cap(t.text) for t in run[k:])
            and run[-2].text in self.gaz.first_names
            and run[-1].text not in THING_WORDS
        )

    def _plain_name(self, words: list[str]) -> bool:
        """Whether `words` hold no known name, head noun, title, role or common word."""
        gaz = self.gaz
        return not any(
            w in gaz.known
            or w in self.heads
            or w in gaz.org_words
            or w in gaz.place_words
            or w in gaz.titles
            or w.lower() in gaz.role_words
            or w.lower() in gaz.common_words
            or w.lower() in self.lower_seen
            for w in words
        )
