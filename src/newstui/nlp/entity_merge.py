"""An article's candidates into entities: mentions grouped by name (surnames, spelling variants, short
forms, company and body names), each group typed by its mentions' vote and the rules, and the Entity
with every mention's offsets."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import Final

from newstui.model import Entity, Mention
from newstui.nlp.entity_cues import (
    _GENERIC_HEADS,
    _KIN_NOUNS,
    _LEGAL_FORMS,
    _MEMBERS_PLURALS,
    _OFFICE_NOUNS,
    _OWN_S,
    _PREPOSITIONS_OF_PLACES,
)
from newstui.nlp.entity_weak import keeps_weak_org, weak_org_features
from newstui.nlp.entity_words import (
    _CACHED_WORDS,
    _T,
    CALENDAR,
    SPEECH_VERBS,
    Candidate,
    _is_acronym,
    _known_first_words,
    first_word_in,
    last_word_in,
    upper_word,
)
from newstui.nlp.gazetteer import Gazetteer, load_gazetteer, us_states
from newstui.nlp.names import (
    _VOWELS,
    fold_words,
    spelling_variant,
    state_long_form,
    strip_possessive,
    untyped_key,
)
from newstui.nlp.segment import _is_word_char

# The classes and their `__new__` (object's) as constants: compiled, a constant is read in one
# instruction, where a global name is a dict lookup and `X.__new__` a method lookup on each call
_ENTITY: Final = Entity
_MENTION: Final = Mention
_NEW: Final = object.__new__


def merge_candidates(candidates: list[Candidate], text: str = "") -> list[Entity]:
    """Group mentions of one entity: same key, a surname or first name of a full name, an acronym;
    each group typed by the rules' vote (`text`: the article they were found in)."""
    groups, confirmed = group_candidates(candidates, text)
    gaz = load_gazetteer()
    entities: list[Entity] = []
    order: list[tuple[int, int]] = []  # (first mention's start, place in `entities`)
    spelt_checks = 0  # quoted words asked whether they open a longer word of the article
    # what an article must hold for a numbered law to be asked of its names
    numbered = " No" in text and _NUMBER_AFTER_NO_IN_TEXT.search(text) is not None
    for key, cands in groups.items():
        kind = rules_type(key, cands, confirmed)
        if kind is None or names_nothing(key, cands, kind, gaz):
            continue
        if numbered and _numbered_document(cands, text):
            continue
        weak = (
            kind in ("PERSON", "ORG")
            and (cands[0].strength if len(cands) == 1 else max(c.strength for c in cands)) <= 1
            and text != ""
        )
        if weak and _titles_a_work(cands, text):
            continue
        if kind == "ORG" and text != "" and _not_a_body(cands, text, gaz):
            continue
        if (
            kind == "ORG"
            and text[cands[0].start - 1 : cands[0].start] in _QUOTE_MARK_CHARS
            and spelt_checks < _SPELT_CHECKS
            and _quoted_alone(cands, text)
        ):
            spelt_checks += 1  # a search of the text each: a few an article, never thousands
            if _opens_longer_word(cands[0].text, text):
                continue  # '"COVI" represents the coronavirus' spells out COVID-19: no body
        entity = _entity(cands, kind)
        if weak and kind == "ORG":  # no list and no cue: the learned decision (entity_weak)
            shares = _shared_words(entity.name, groups)
            if not keeps_weak_org(weak_org_features(entity.name, cands, text, gaz, shares)):
                continue
        first = cands[0].start  # its first mention's start (the model's fields cost more)
        for cand in cands:
            if cand.start < first:
                first = cand.start
        order.append((first, len(entities)))
        entities.append(entity)
    # in the order of their first mentions, ties in the groups' order: a sort of (start, place)
    # pairs (a key function called once an entity cost ~3,000 instructions an article, compiled)
    order.sort()
    return [entities[k] for _, k in order]


def _shared_words(name: str, groups: dict[str, list[Candidate]]) -> int:
    """For a weak ORG's features (entity_weak): 2 when a person's name of the article holds a
    word of `name` (three letters or more, as group keys write it), 1 when two names do (its own
    and another), else 0. Each word is looked for in the keys as a substring first (one search
    a key, no key cut into words but the few that hold it)."""
    found = 0
    for raw in name.split():
        word = strip_possessive(raw).lower()
        if len(word) < 3:
            continue
        held = 0
        for key, cands in groups.items():
            if word in key and word in key[2:].split():
                if _best_type(cands) == "PERSON":
                    return 2
                held += 1
        if held >= 2:
            found = 1
    return found


# "Republic Act No. 3846", "Executive Order No 14": a name cut before its number's "No."
_NUMBER_WORD_ENDS: Final = (" No", " Nos")
_NUMBER_AFTER_NO: Final = re.compile(r"\.? ?\d")
_NUMBER_AFTER_NO_IN_TEXT: Final = re.compile(r" Nos?\.? ?\d")


def _numbered_document(cands: list[Candidate], text: str) -> bool:
    """Whether a mention ends in "No" before a number: a numbered law, order or resolution
    ("Republic Act No. 3846 … states"), whose name the scan cut at "No.", is no body."""
    return any(
        c.text.endswith(_NUMBER_WORD_ENDS) and _NUMBER_AFTER_NO.match(text, c.end) is not None
        for c in cands
    )


# Nouns of works right before a title: "the 2018 superhero film Black Panther" is a film.
_WORKS: Final = frozenset(
    "film movie album novel sitcom documentary musical opera memoir book song biopic".split()
)
_WORK_LASTS: Final = frozenset(w[-1] for w in _WORKS)  # the letters they end with


def _titles_a_work(cands: list[Candidate], text: str) -> bool:
    """Whether a name (with no strong sign of a person or body: the caller asks) is once written
    right after a work's noun in lower case ("the superhero film Black Panther", "his novel Ann
    Vickers"): the title of a work (not annotated), in all its mentions ("the director of Black
    Panther"). Asked of each such name with no search of the text for the nouns first: most
    names follow no word that ends in a noun's last letter, and are passed at once."""
    for c in cands:
        at = c.start - 1
        if at > 1 and text[at] == " " and text[at - 1] in _WORK_LASTS:
            word = last_word_in(text, max(0, at - 14), at)
            if word in _WORKS:
                return True
    return False


# A year in brackets right after a title ("The Harvest (2004)"), or after the authors of a
# citation ("Ross & Kaplan, 2012", "(Ross & Kaplan 2013)", "Ross & Kaplan (2012a)")
_YEAR_IN_BRACKETS: Final = re.compile(r" \((?:1[5-9]|20)\d\d\)")
_CITED_YEAR: Final = re.compile(r",? \(?(?:1[5-9]|20)\d\d[a-z]?[);,]")


def _not_a_body(cands: list[Candidate], text: str, gaz: Gazetteer) -> bool:
    """Whether a group the vote types ORG on weak evidence (no list: strength 2 or less) shows
    in the article that it names no body: a title dated in brackets at every mention ("The
    Harvest (2004)"), the authors of a citation ("Ross & Kaplan, 2012"), an abbreviation of a thing the article
    counts ("LEDs", "RBIs": a body's abbreviation takes no plural), or an abbreviation that is a
    capitalised word of a shouted line or a label on a line of its own ("NOTE", "ANSWER:")."""
    strongest = cands[0].strength if len(cands) == 1 else max(c.strength for c in cands)
    if strongest > 2:
        return False
    last = strip_possessive(cands[0].text.rsplit(" ", 1)[-1])
    if last in gaz.org_words or last.rstrip(".") in _LEGAL_FORMS:
        return False  # "Acme Corporation (1998)": a body's word says what it is
    if all(_dated(c, text) for c in cands):
        return True
    if strongest > 1 or not all(c.words == 1 and _is_acronym(c.text) for c in cands):
        return False
    word = cands[0].text
    if "&" not in word and _written_plural(word, text):
        return True
    return all(_shouted_or_label(c, text) for c in cands)


def _dated(cand: Candidate, text: str) -> bool:
    """Whether a mention is followed by a year in brackets, or is a citation's authors ("&")
    followed by its year: a work's title or authors, when every mention of the name is."""
    after = text[cand.end : cand.end + 9]
    if after[:2] == " (" and _YEAR_IN_BRACKETS.match(after) is not None:
        return True
    return "&" in cand.text and after[:1] in ", (" and _CITED_YEAR.match(after) is not None


def _written_plural(word: str, text: str) -> bool:
    """Whether the article writes the abbreviation `word` with a plural "s" ("43 RBIs")."""
    plural = word + "s"
    at = text.find(plural)
    while at >= 0:
        end = at + len(plural)
        if not text[end : end + 1].isalnum() and not text[at - 1 : at].isalnum():
            return True
        at = text.find(plural, end)
    return False


# How far around a mention a line is read to tell a shouted line (one line, not the article)
_LINE_SPAN: Final = 160


def _shouted_or_label(cand: Candidate, text: str) -> bool:
    """Whether a one-word abbreviation stands alone on its line ("NOTE", "ANSWER:") or in a
    line written in capitals (four words in capitals or more, and more than twice as many as
    words in lower case): a capitalised word, not a body's abbreviation."""
    start = text.rfind("\n", max(0, cand.start - _LINE_SPAN), cand.start) + 1
    end = text.find("\n", cand.end, cand.end + _LINE_SPAN)
    line = text[start : end if end >= 0 else cand.end + _LINE_SPAN]
    words = line.split()
    if len(words) == 1 or (len(words) == 2 and words[1] in (":", "-")):
        return words[0].rstrip(":.") == cand.text  # a label on a line of its own
    capitals = lower = 0
    for w in words:
        if any(ch.islower() for ch in w):
            lower += 1
        elif sum(ch.isupper() for ch in w) >= 2:
            capitals += 1
    return capitals >= 4 and capitals > 2 * lower


_QUOTE_MARK_CHARS: Final = frozenset("\"“”'‘’")


def _quoted_alone(cands: list[Candidate], text: str) -> bool:
    """Whether every mention is one word in quotation marks ('"COVI" represents …')."""
    for c in cands:
        if (
            c.words != 1
            or text[c.start - 1 : c.start] not in _QUOTE_MARK_CHARS
            or text[c.end : c.end + 1] not in _QUOTE_MARK_CHARS
        ):
            return False
    return True


# Quoted one-word names of an article asked whether they spell part of a longer word (each
# asking searches the text: a hostile article of thousands stays linear)
_SPELT_CHECKS: Final = 20


def _opens_longer_word(word: str, text: str) -> bool:
    """Whether the article writes `word` as the start of a longer word ("COVI" of "COVID-19")."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if text[end : end + 1].isalnum() and not text[at - 1 : at].isalnum():
            return True
        at = text.find(word, end)
    return False


def rules_type(key: str, cands: list[Candidate], confirmed: set[str]) -> str | None:
    """The type the rules' vote gives a group of mentions, None for no entity."""
    kind = _best_type(cands)
    if kind in (None, "LANGUAGE") or (kind == "PERSON" and _only_weak_sentence_openers(cands)):
        return None
    if kind == "PERSON" and key not in confirmed and max(c.strength for c in cands) == 0:
        return None  # two unknown capitalised words with no sign of a person
    if (
        kind == "PLACE"
        and len(cands) >= 5
        and max(c.strength for c in cands) == 1
        and all(c.words == 1 and "-" not in c.text for c in cands)
    ):
        placed = sum(1 for c in cands if c.type == "PLACE")
        if placed * 5 < len(cands):
            return None  # "Minetest" 84 times, twice "in Minetest": a place named so often
            # would say so more often (a game, a technique, a people)
    return kind


def names_nothing(key: str, cands: list[Candidate], kind: str, gaz: Gazetteer) -> bool:
    """Whether a typed group names nothing whatever its type: a lone suffix, a title, a head noun."""
    if len(key) <= 8 and key[2:] in _GENERATIONS:  # (a one-word key of six letters at most)
        return True  # "… King Jr. Day": a suffix cut from its name is no one
    if _only_title(cands[0], gaz) if len(cands) == 1 else all(_only_title(c, gaz) for c in cands):
        return True  # "The Vice President, Mike Pence, said": a title alone names no one
    if (
        kind == "PERSON"
        and all(_only_office(c, gaz) for c in cands)
        and any(" " in (c.display or c.text) for c in cands)
    ):
        return True  # "the Senate Minority Leader, Ann Lee,", "Vice Presidents": an office
    # "Universities and research institutes have pledged": no name
    if kind == "PERSON" and all(
        c.words == 1 and c.text.endswith("s") and c.text in _OFFICE_NOUNS for c in cands
    ):
        return True  # "two different Presidents, Richard Nixon and …", "Senators Ann Lee and …"
    return kind == "ORG" and (_only_head_noun(cands, gaz) or _only_generic_head(cands))


def _only_office(cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether a candidate ends in an office and opens with no given name ("Minority Leader",
    "Democratic Representatives", "Health Director"): an office, not a person's name."""
    if cand.strength >= 3:
        return False
    name = cand.display or cand.text
    found = _ONLY_OFFICES.get(name)  # (the same names in article after article)
    if found is None:
        if len(_ONLY_OFFICES) >= _CACHED_WORDS:
            _ONLY_OFFICES.clear()
        words = name.split()
        found = _ONLY_OFFICES[name] = (
            strip_possessive(words[-1]) in _OFFICE_NOUNS and words[0] not in gaz.first_names
        )
    return found


_ONLY_OFFICES: Final[dict[str, bool]] = {}  # _only_office's answer by name (see _CACHED_WORDS)


def _only_generic_head(cands: list[Candidate]) -> bool:
    """Whether every mention is one capitalised common head ("the Cabinet", "this Chamber",
    "the Department") or company word ("the Company believes", "the Group's revenue", "Ltd" cut
    from "Co., Ltd.") that no longer name of the article took as its short form."""
    for c in cands:
        if c.words != 1 or c.display is not None:
            return False
        word = strip_possessive(c.text)
        if word not in _GENERIC_HEADS and word.rstrip(".") not in _COMPANY_SUFFIXES:
            return False
    return True


def _entity(cands: list[Candidate], kind: str) -> Entity:
    """The entity a group of mentions names: its longest name, every mention."""
    if len(cands) == 1:  # most entities are mentioned once
        best = cands[0]
        mentions: tuple[Mention, ...] = (_mention(best.start, best.end, best.text),)
    else:
        best = cands[0]
        for cand in cands:
            if _names_better(cand, best):
                best = cand  # the first of the best, as max() keeps
        mentions = tuple([_mention(start, end, text) for start, end, text in _spans(cands)])
    entity = _NEW(_ENTITY)  # Entity.__new__(Entity)
    fields = entity.__dict__
    name = best.display or best.text
    if name[-2:-1] == "." and name[-1:].isupper() and name[-3:-2].isupper():
        name += "."  # "Washington D.C": dotted letters keep their last dot, a sentence's stop
    fields["name"] = name
    fields["type"] = kind
    fields["mentions"] = mentions
    return entity


def _spans(cands: list[Candidate]) -> list[tuple[int, int, str]]:
    """`sorted({(c.start, c.end, c.text) for c in cands})`: the mentions' spans in order, each
    once; as they stand when their starts rise (most groups: no set of tuples hashed, no sort)."""
    spans = [(c.start, c.end, c.text) for c in cands]
    for k in range(1, len(cands)):
        if cands[k].start <= cands[k - 1].start:
            return sorted(set(spans))
    return spans


def _names_better(a: Candidate, b: Candidate) -> bool:
    """Whether `a` is a better name for an entity than `b`: more words, not in capitals,
    longer, a capital "Party", earlier. `(c.words, not c.text.isupper(), len(c.text), -c.start)`
    compared in turn, as a tuple key would be (a compiled comparison, not a tuple per mention).
    A state's short name is better than its long form ("Iran", not "the Islamic Republic of
    Iran")."""
    if (" of " in a.text or " of " in b.text) and (a_long := state_long_form(a.text) != "") != (
        state_long_form(b.text) != ""
    ):
        return not a_long
    if a.words != b.words:
        return a.words > b.words
    a_cased, b_cased = not upper_word(a.text), not upper_word(b.text)
    if a_cased != b_cased:
        return a_cased
    if len(a.text) != len(b.text):
        return len(a.text) > len(b.text)
    if a.text[-6:] != b.text[-6:] and (a.text[-6:] == " party" or b.text[-6:] == " party"):
        return b.text[-6:] == " party"  # "Liberal Party", not "the Liberal party" before it
    return a.start < b.start


def _mention(start: int, end: int, text: str) -> Mention:
    """`Mention(start, end, text)`, its fields set as the frozen dataclass's `__init__` sets
    them. That `__init__` runs as Python code even in the compiled extractor (about five times
    the instructions of this, for every mention of every article); so does Entity's."""
    mention = _NEW(_MENTION)  # Mention.__new__(Mention)
    fields = mention.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    return mention


def _most_words(cands: list[Candidate]) -> Candidate:
    """`max(cands, key=lambda c: c.words)`: the first of the mentions with the most words, by a
    compiled loop (max calls its key function through the generic call protocol)."""
    longest = cands[0]
    for cand in cands:
        if cand.words > longest.words:
            longest = cand
    return longest


def _add_to(index: dict[str, list[_T]], key: str, value: _T) -> None:
    """`index[key].append(value)` as a defaultdict(list) would do it, for a plain dict."""
    values = index.get(key)
    if values is None:
        index[key] = [value]
    else:
        values.append(value)


def _before_of(name: str) -> str:
    """`re.split(r" (?:of|for|on) ", name)[0]`: the words before the first " of ", " for " or
    " on " ("Bank" in "Bank of Ghana"), cut by str.find (a call of re.split looks its pattern
    up in the module's cache first)."""
    cut = len(name)
    for joiner in (" of ", " for ", " on "):
        at = name.find(joiner)
        if 0 <= at < cut:
            cut = at
    return name[:cut]


# untyped_key by name (see _CACHED_WORDS). Every group key is "x:" and the name's key words
# (untyped_key), so its words are `key[2:]`, split.
_GROUP_KEYS: Final[dict[str, str]] = {}


def _group_key(name: str) -> str:
    key = _GROUP_KEYS.get(name)
    if key is None:
        if len(_GROUP_KEYS) >= _CACHED_WORDS:
            _GROUP_KEYS.clear()
        key = _GROUP_KEYS[name] = untyped_key(name)
    return key


def group_candidates(
    candidates: list[Candidate], text: str = ""
) -> tuple[dict[str, list[Candidate]], set[str]]:
    """Mentions grouped per entity, and the keys of people a surname said something about or
    took up alone (`text`: the article the candidates were found in; without it, no surname
    alone confirms a person)."""
    # Plain dicts filled by _add_to, here and in the merges: in the compiled extractor a
    # defaultdict (a dict subclass) is iterated, indexed and popped through generic calls.
    groups: dict[str, list[Candidate]] = {}
    gaz = load_gazetteer()
    for cand in candidates:
        if cand.type == "PLACE" and cand.words > 1 and text:
            cand = _titled_person(cand, text, gaz)
        if (
            text[cand.end : cand.end + 4] == " Day"
            and not text[cand.end + 4 : cand.end + 5].isalpha()
        ):
            continue  # "Labor Day", "Australia Day", "Canada Day": a holiday, not the name
        key = _group_key(cand.display or cand.text)
        if (
            cand.type == "ORG"
            and cand.words > 1
            and cand.text[:4] == "The "
            and gaz.known.get(cand.text[4:]) == "GROUP"
        ):
            key = "x:the " + key[2:]  # "The Australian", a paper: not the people's word
        _add_to(groups, key, cand)
    if text:
        _people_by_surname_heads(groups, gaz)
        if "(" in text and " (" in text:  # (one character is found by memchr: most have none)
            _join_bracketed_names(groups, text)
        _drop_market_indexes(groups, text)
    full_people: dict[str, list[str]] = {}
    first_surnames: dict[str, list[str]] = {}
    initials: dict[str, list[str]] = {}
    org_caps: list[tuple[list[str], str]] = []  # each ORG name's capitalised words, and its key
    org_heads: dict[str, list[str]] = {}  # "Commission" → "European Commission"
    org_words = load_gazetteer().org_words
    confirmed: set[str] = set()
    untyped_pairs: dict[str, list[str]] = {}  # "orvind" → "Kent Orvind", typed by no cue
    thing_lasts: set[str] = set()  # the last words of places' and bodies' names of two or more
    for key, cands in groups.items():
        kind = _best_type(cands)
        if kind is None and _plain_pair(cands, gaz) and _name_first(cands[0].text, text):
            _add_to(untyped_pairs, key[2:].split()[-1], key)
        if kind == "PERSON" and len(words := key[2:].split()) > 1:
            if words[-1] in _GENERATIONS:  # "Ian Paisley Jr": "Paisley Junior", not "Paisley"
                for suffix in _GENERATIONS[words[-1]]:
                    _add_to(full_people, f"{words[-2]} {suffix}", key)
                if len(words) > 2:  # "King" for "Martin Luther King Jr" (the first introduced)
                    _add_to(full_people, words[-2], key)
                continue
            if len(words) > 2 and words[-1] in _REGNAL_NUMBERS:
                _add_to(full_people, words[-2], key)  # "Campbell" for "John B. Campbell III"
            _add_to(full_people, words[-1], key)
            _add_to(full_people, words[0], key)
            if not cands[0].text.isascii():  # "Schroeder" for "Gerhard Schröder"
                written_out = _umlauts_spelt_out(strip_possessive(cands[0].text))
                if written_out is not None:
                    _add_to(full_people, written_out, key)
            if len(words) > 2:  # "Bielle-Biarrey" for "Louis Bielle-Biarrey"
                _add_to(full_people, " ".join(words[1:]), key)
            if len(words) == 3:  # "Rosselló" for "Ricardo Rosselló Nevares": the first surname
                _add_to(first_surnames, words[1], key)
        if kind not in ("ORG", "PLACE"):
            continue
        if " " in key:
            thing_lasts.add(key.rsplit(" ", 1)[-1])
        longest = _most_words(cands)
        if kind == "ORG" and longest.words > 1:
            head = _before_of(longest.text).split()[-1]
            if head in org_words:
                _add_to(org_heads, head, key)
        if longest.words > 1:
            spelt_words = longest.text.replace("-", " ").split()
            caps = [w for w in spelt_words if upper_word(w[:1])]
            _add_to(initials, "".join(w[0] for w in caps).upper(), key)
            every = "".join(w[0] for w in spelt_words)
            _add_to(initials, every.upper(), key)
            if kind == "ORG":
                org_caps.append((caps, key))
            country = _country_prefix(caps)
            if kind == "ORG" and country and len(caps) - country > 1:
                # "United States Commission on Presidential Debates" is the "CPD"
                _add_to(initials, "".join(w[0] for w in caps[country:]).upper(), key)
    for key in list(groups):
        cands = groups[key]
        surface = cands[0].text
        if " " in surface and not _particle_surname(surface) and not _generation_surname(key):
            continue  # only a one-word name ("Van Halen": a surname) is a short form of another
        words = key[2:].split()
        if not words:
            continue
        name = " ".join(words)
        found = full_people.get(name) or first_surnames.get(name)  # never an empty list
        targets = set(found) if found else set()
        # a gazetteer hit never overrides strong local evidence: "Lawyer Emma Jordan …
        # Jordan said" is the lawyer, when the article names her and "Jordan" speaks
        strongest = cands[0].strength if len(cands) == 1 else max(c.strength for c in cands)
        if (
            not targets
            and len(words) == 1
            and full_people
            and text
            and strongest >= 3
            and 4 <= len(name) <= 12  # the lengths of a given name's openings
        ):
            opened = _people_opened_by(full_people, name)
            short = _nickname_of(opened, cands, groups, text) if opened else None
            if short is not None:
                targets = {short}
                strongest = 0  # the person named before wins over the list's place
        acronym = not targets and (
            _is_acronym(surface) or (upper_word(surface) and _is_initialism(surface))
        )
        spelt = None  # the names whose initials `surface` is
        if acronym:
            spelt = initials.get(surface)
            if spelt is None and org_caps and _best_type(cands) in ("ORG", None):
                spelt = _read_as(surface, org_caps)  # "G7": "Group of Seven"
            elif spelt is not None and len(spelt) > 1 and spelt.count(spelt[0]) < len(spelt):
                spelt = _national_of(spelt, groups)  # most are one name's, listed twice
        if (
            strongest >= 3
            and (len(targets) != 1 or not any(c.speaks or c.type == "PERSON" for c in cands))
            and not (  # a known "DUP" is the "Democratic Unionist Party" the article names,
                spelt  # but "US" is no "US Special …"
                and len(set(spelt)) == 1
                and _best_type(cands) == "ORG"
            )
            and not _heads_one_body(surface, org_heads, groups, key)
        ):
            continue
        # the group's type, asked once, where no person's name took it up (a move below adds
        # untyped mentions to another group, which changes no type)
        best = _best_type(cands) if not targets else None
        if len(targets) > 1:  # "Trump" is Donald Trump, not Donald Trump Jr, when both are named
            targets = {t for t in targets if t.rsplit(" ", 1)[-1] not in _GENERATIONS} or targets
        if len(targets) > 1:
            targets = _first_introduced(targets, groups, words[-1], cands)
        if not targets and spelt:
            targets = set(spelt)
        if not targets and best == "PERSON":  # "Wasif" after "Sally Wasef"
            targets = {
                t for w, ts in full_people.items() if spelling_variant(words[0], w) for t in ts
            }
        if not targets and strongest >= 1 and best == "PERSON":
            pair = untyped_pairs.get(name)  # "Kent Hovind's plan … Hovind, whose …": the
            if pair is not None and len(pair) == 1:  # surname a person makes the pair one
                targets = {pair[0]}
                for cand in groups[pair[0]]:
                    cand.type = "PERSON"
        if not targets and best in ("ORG", None):
            targets = set(org_heads.get(strip_possessive(surface), []))
            if not targets and key + "s" in groups and groups[key + "s"][0].text[-2:] in _OWN_S:
                targets = {key + "s"}  # "chain McDonald's the right": "McDonald's said" later
        targets.discard(key)  # "LRIT" shown as the name it abbreviates is that name already
        if (
            acronym
            and not targets
            and strongest <= 1
            and best == "ORG"
            and _names_a_thing(cands, text)
        ):
            del groups[key]  # "the TGV lines", "the HIFAR nuclear research reactor"
            continue
        if len(targets) == 1:
            # a short form takes the type of the full name it refers to
            target = targets.pop()
            if any(c.type == "PERSON" and c.strength >= 1 for c in cands) or _surname_alone(
                target, name, cands, groups, text
            ):
                confirmed.add(target)  # "Moss said": the surname confirms "Jane Moss" a person
            moved = [_untyped(c) for c in groups.pop(key)]
            into = groups.get(target)
            if into is None:  # a target moved away itself: its key opens a group again, last
                groups[target] = moved
            else:
                into.extend(moved)
    # The ORG names by key, made once and made again only after a merge: every merge below
    # pops the group it moves (none adds a key or changes a group it keeps otherwise), so
    # while `groups` holds as many keys, `_org_names(groups)` gives the same dict.
    orgs = _org_names(groups)
    size = len(groups)
    _merge_org_prefixes(groups, orgs)
    if len(groups) != size:
        orgs, size = _org_names(groups), len(groups)
    _merge_org_tails(groups, orgs)
    if len(groups) != size:
        orgs, size = _org_names(groups), len(groups)
    _merge_national_bodies(groups, orgs)
    _merge_company_short_names(groups, text, orgs if len(groups) == size else None)
    _merge_spelt_people(groups)
    _merge_name_tails(groups, text)
    if thing_lasts and not thing_lasts.isdisjoint(full_people):
        _merge_spelt_things(groups)  # only where a person's last word ends a place's or body's
    _merge_org_abridgements(groups, orgs if len(groups) == size else _org_names(groups))
    return groups, confirmed


# German letters written out in English news: "Schröder" is also "Schroeder", "Müntefering"
# "Muentefering", "Strauß" "Strauss".
_UMLAUTS_SPELT: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _umlauts_spelt_out(name: str) -> str | None:
    """The folded last word of a person's `name` with its umlauts written out ("schroeder" of
    "Gerhard Schröder"), or None when it has none."""
    last = name.rsplit(" ", 1)[-1]
    spelt = last.lower().translate(_UMLAUTS_SPELT)
    if spelt == last.lower():
        return None
    words = fold_words(spelt)
    return words[-1] if words else None


def _people_opened_by(full_people: dict[str, list[str]], name: str) -> set[str]:
    """The people whose first given name `name` opens ("chad" of "chadwick"), as an opening of
    four to twelve letters, two or more short of the whole (empty if none): read for the one
    name asked, not every opening of every name made first."""
    people: set[str] = set()
    size = len(name)
    if not 4 <= size <= 12:
        return people
    for given, keys in full_people.items():
        if " " in given or len(given) < 6 or size >= len(given) - 1 or not given.startswith(name):
            continue
        people.update([key for key in keys if key[2:].split()[0] == given])
    return people


def _nickname_of(
    people: set[str], cands: list[Candidate], groups: dict[str, list[Candidate]], text: str
) -> str | None:
    """The person a known place's one word is the short given name of ("Chadwick Boseman …
    Chad was an anomaly"): the word opens that one person's longer given name (`people`), the
    person is named before it, and no mention of the word follows a preposition of places
    ("in Chad")."""
    if len(people) != 1 or _best_type(cands) != "PLACE":
        return None
    person = next(iter(people))
    named = groups.get(person)
    if not named or min(c.start for c in named) > min(c.start for c in cands):
        return None
    for c in cands:
        before = text[max(0, c.start - 20) : c.start].split()
        if before and before[-1].lower().strip(",") in _PREPOSITIONS_OF_PLACES:
            return None
    return person


# The ends of a web address a company may be named by ("Amazon.com", "Boo.net").
_SITE_SUFFIXES: Final = frozenset(("com", "net", "org"))
# A thing's noun after an abbreviation, with up to four lower-case words between ("the TGV
# lines", "the HIFAR nuclear research reactor", "a MSFS enthusiast website", "the "MIC" mark")
_THING_NOUN_AFTER: Final = re.compile(
    r"[\"'”’]? (?:[a-z][\w-]* ){0,4}?(?:lines?|marks?|reactors?|planes?|aircraft|jets?|"
    r"engines?|missiles?|trains?|satellites?|programmes?|programs?|standards?|protocols?|"
    r"formats?|devices?|chips?|cards?|technology|technologies|vaccines?|virus|viruses|strains?|"
    r"cases?|website|software)\b"
)


def _names_a_thing(cands: list[Candidate], text: str) -> bool:
    """Whether an abbreviation no name of the article spells and no cue types stands before a
    thing's noun in at least half of its mentions, and never speaks: a thing's letters ("the
    TGV lines", "Saudi Arabia's AWACS airborne command and control planes"), no body ("the
    KVX said …": a body speaks)."""
    if not text:
        return False
    things = sum(1 for c in cands if _THING_NOUN_AFTER.match(text, c.end) is not None)
    return things * 2 >= len(cands) and not any(
        c.speaks or first_word_in(text, c.end, c.end + 16) in SPEECH_VERBS for c in cands
    )


_NUMBER_WORDS: Final = {
    word: str(n)
    for n, word in enumerate(
        "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
        "Fifteen Sixteen Seventeen Eighteen Nineteen Twenty".split()
    )
} | {"Thirty": "30", "Forty": "40", "Fifty": "50", "Hundred": "100"}


def _is_initialism(word: str) -> bool:
    """Whether `word` is capitals with digits ("G7", "G20", "P5"): a short form an
    organisation's name may be read out of, as an acronym (see `_is_acronym`) is."""
    return (
        2 <= len(word) <= 8
        and word.isascii()
        and word.isalnum()
        and word.isupper()
        and word[0].isalpha()
        and not word.isalpha()
    )


def _read_as(short: str, org_caps: list[tuple[list[str], str]]) -> list[str]:
    """The keys of the organisations (their capitalised words, and key, in `org_caps`) written
    `short` otherwise than by their plain initials: without a leading "The" ("ADF" for "The
    Alliance Defense Fund"), a number as its digits ("G7" for "Group of Seven"), every capital of
    a word written with several ("BNT" for "BioNTech Group")."""
    keys: list[str] = []
    for caps, key in org_caps:
        words = caps[1:] if caps[0] == "The" and len(caps) > 2 else caps
        if words[0][0] != short[0]:
            continue  # most names: another first letter
        firsts: list[str] = []
        capitals: list[str] = []
        for word in words:
            digits = _NUMBER_WORDS.get(word)
            if digits:
                firsts.append(digits)
                capitals.append(digits)
            else:
                firsts.append(word[0])
                capitals.append("".join(c for c in word if c.isupper()))
        if short in ("".join(firsts).upper(), "".join(capitals)):
            keys.append(key)
    return keys


# The words that join the parts of one body's name the scan cut apart ("UN Stabilization Mission
# in Haiti"), and the text between two parts with none
# (longest first: " in " ends with " " too)
_NAME_LINKS: Final = (" for ", " and ", " the ", " in ", " of ", " on ", " de ", " ")


def _join_bracketed_names(groups: dict[str, list[Candidate]], text: str) -> None:
    """'the UN Stabilization Mission in Haiti (MINUSTAH)': a name the scan cut into parts, one
    a body, that capitals in brackets right after abbreviate is one organisation, and the
    capitals its short form (the parts' own names elsewhere in the article stay)."""
    at = text.find(" (")
    opened: list[int] = []  # where a name before capitals in brackets ends
    while at >= 0:
        close = text.find(")", at + 2, at + 14)
        short = text[at + 2 : close]
        if close > at + 4 and short.isupper() and short.isalnum() and short.isascii():
            opened.append(at)
        at = text.find(" (", at + 2)
    if not opened:
        return  # most brackets hold no capitals
    by_end: dict[int, Candidate] = {}
    by_start: dict[int, str] = {}  # the key of each capitals' group, by where they start
    for key, cands in groups.items():
        for cand in cands:
            by_end[cand.end] = cand
            by_start[cand.start] = key
    for end in opened:
        short_key = by_start.get(end + 2)
        chain: list[Candidate] = []
        last = by_end.get(end)
        while (
            last is not None
            and (last.type != "PERSON" or last.strength == 0)
            and last.text not in CALENDAR  # "This Thursday the … Commission (USCIRF)": a day
        ):
            chain.append(last)
            link = text[max(0, last.start - 5) : last.start]
            cut = next((len(w) for w in _NAME_LINKS if link.endswith(w)), 0)
            last = by_end.get(last.start - cut) if cut else None
        if short_key is None or len(chain) < 2 or not any(c.type == "ORG" for c in chain):
            continue
        start = chain[-1].start
        name = text[start:end]
        if text[end + 2] not in {w[0] for w in name.split() if w[:1].isupper()}:
            continue  # the capitals open with no capital of the name
        for cand in chain:
            key = _group_key(cand.display or cand.text)
            kept = [c for c in groups.get(key, []) if c is not cand]
            if kept:
                groups[key] = kept
            else:
                groups.pop(key, None)
        joined = Candidate(
            start, end, name, len(name.split()), "ORG", 2, chain[-1].sentence_start, None, False
        )
        moved = [_untyped(c) for c in groups.pop(short_key, [])]
        _add_to(groups, _group_key(name), joined)
        groups[_group_key(name)].extend(moved)


# Last words of place names that are also common surnames ("Keith Hall", "Dr Amelia Hill"):
# their place cue gives way to a person's title, a role word or the surname taken up alone.
_SURNAME_HEADS: Final = frozenset(
    "Hill Hills Hall Park Lane Ridge Castle Forest Bay Bridge".split()
)
_SURNAME_HEAD_ENDINGS: Final = tuple(_SURNAME_HEADS)
_SURNAME_HEAD_LASTS: Final = frozenset(head[-1] for head in _SURNAME_HEADS)  # tested first
# Titles only a person bears (not "King", "Lord", "Saint": "King George Island", "Lord Howe Island").
_PERSONAL_TITLES: Final = frozenset("Mr Mrs Ms Miss Mx Dr Prof Professor".split())
# Titles of rank that also name places after the person honoured ("Queen Elizabeth Park", "Prince
# Albert Hall", "Lord Howe Island", "Saint Kilda", "Cardinal Newman Hall"): no person's cue
_PLACE_NAMING_TITLES: Final = frozenset(
    "King Queen Prince Princess Lord Lady Sir Dame Duke Duchess Baron Baroness Emperor Empress"
    " Saint St Pope Father Sister Brother Cardinal Bishop Archbishop Sheikh Sheik Emir Chief"
    " Premier Elder Coach Manager Boss Leader Chair Private Major Captain Capt Commodore".split()
)
# Offices held, before a lone surname that is also a place's word ("Senator Hill said",
# "Secretary Ridge"): a person, as few sites are named "the Senator"
_OFFICE_TITLES: Final = frozenset(
    "President Senator Sen Rep Representative Congressman Congresswoman Governor Gov Mayor"
    " Ambassador Envoy Judge Justice Commissioner Councillor Cllr Speaker Minister Secretary"
    " Chancellor MP".split()
)


# What follows a stock index's name ("the FTSE index", "Nasdaq Composite", "Dow Jones
# Industrial Average", "Standard & Poor's 500"): an index is a number, not a body.
_INDEX_AFTER: Final = re.compile(
    r" (?:[Ii]ndex\b(?! of)|Composite\b|Industrial Average\b|500\b|100\b)|'s (?:500|100)\b"
)


_INDEX_OPENINGS: Final = (" index", " Index", " Composite", " Industrial", " 500", " 100", "'s ")
# The character after the space of each opening that starts with one
_INDEX_SECOND: Final = frozenset("iIC51")


def _before_index(text: str, end: int) -> bool:
    """Whether an index word follows a mention ending at `end` (one of _INDEX_OPENINGS, then
    _INDEX_AFTER). The next one or two characters decide for almost every mention."""
    mark = text[end : end + 1]
    if mark == " ":
        if text[end + 1 : end + 2] not in _INDEX_SECOND:
            return False
    elif mark != "'":
        return False
    return text.startswith(_INDEX_OPENINGS, end) and _INDEX_AFTER.match(text, end) is not None


def _drop_market_indexes(groups: dict[str, list[Candidate]], text: str) -> None:
    """Names an article uses only for a stock index are no entity, nor their initials ("S&P"):
    every mention followed by "index", "Composite", "Industrial Average" or the index's size
    ("the FTSE index", "Nasdaq Composite", "Standard & Poor's 500"), or one so and the others
    one word no list knows, typed by no cue ("the FTSE 100 … the FTSE losing 11%"). Not a
    body's published index ("Transparency International's index", "the Gallup index of …",
    "Gallup said"), nor a place or nationality before "index" ("the UK index")."""
    dropped: list[str] = []
    known = load_gazetteer().known
    for k, cands in groups.items():
        before = 0  # the mentions before an index word
        for c in cands:
            if _before_index(text, c.end) or c.text.endswith("Industrial Average"):
                before += 1
            elif c.strength > 1 or c.words > 1 or c.text in known:
                before = -1  # ("Transparency International's index", "Gallup said")
                break
        if before > 0 and _best_type(cands) in ("ORG", None):
            dropped.append(k)
    if not dropped:
        return
    initials = {
        "".join(w[0] for w in c.text.split() if w[0].isupper() or w == "&")
        for k in dropped
        for c in groups[k]
        if c.words > 1
    }
    for key in dropped:
        del groups[key]
    for key in [k for k, cands in groups.items() if all(c.text in initials for c in cands)]:
        del groups[key]


def _titled_person(cand: Candidate, text: str, gaz: Gazetteer) -> Candidate:
    """A run typed a place by a surname-like last word is a person when a personal title opens
    it or a lower-case role word stands right before it ("Dr Amelia Hill", "Mr. Hall",
    "protester Dick Hill"); the title is no part of the name. Otherwise `cand` itself."""
    words = cand.text.split()
    if words[-1] not in _SURNAME_HEADS or len(words) > 4:
        return cand
    before = text[max(0, cand.start - 30) : cand.start].split()
    if before and before[-1] in _AT_A_PLACE:
        return cand  # "in Prince Alfred Park", "to Dr Hill Street": a place's name
    first = words[0].rstrip(".")
    if first in _PERSONAL_TITLES or (
        len(words) > 2
        and first.lower() in gaz.role_words
        and first not in gaz.titles  # "Queen Elizabeth Park", "King Edward Hill": places
        and words[1] in gaz.first_names
    ):  # "Dr Amelia Hill", "Defender Sam Park" (a role opening a sentence)
        cut = cand.text.find(" ") + 1
        return Candidate(
            cand.start + cut,
            cand.end,
            cand.text[cut:],
            cand.words - 1,
            "PERSON",
            2,
            False,
            None,
            cand.speaks,
        )
    n = _office_title_words(words, gaz)
    if n:  # "Senator Hill", "Defence Minister Robert Hill", "Gen. James Hill"
        at = 0
        for w in words[:n]:
            at = cand.text.index(w, at) + len(w)
        while cand.text[at : at + 1] == " ":
            at += 1
        return Candidate(
            cand.start + at,
            cand.end,
            cand.text[at:],
            cand.words - n,
            "PERSON",
            2,
            False,
            None,
            cand.speaks,
        )
    if (
        before
        and before[-1] in gaz.role_words
        and not any(w in gaz.place_words or w in gaz.org_words for w in words[:-1])
    ):
        return Candidate(
            cand.start, cand.end, cand.text, cand.words, "PERSON", 2, False, None, cand.speaks
        )
    return cand


def _office_title_words(words: list[str], gaz: Gazetteer) -> int:
    """How many words of a title open `words`, a run typed a place by its surname-like last
    word, when the rest is a person's name: a given name (and an initial) and the surname
    after a person's title ("Defence Minister Robert Hill", "Gen. James Hill"), or the surname
    alone after an office ("Senator Hill"); 0 when not so."""
    for n in (2, 1):
        if len(words) <= n:
            continue
        title = " ".join(words[:n]).rstrip(".")
        if title not in gaz.titles or words[0].rstrip(".") in _PLACE_NAMING_TITLES:
            continue
        rest = words[n:]
        if len(rest) == 1:
            office = title.rsplit(" ", 1)[-1]
            return n if office in _OFFICE_TITLES else 0
        if rest[0] in gaz.first_names and (
            len(rest) == 2 or (len(rest) == 3 and len(rest[1].rstrip(".")) == 1)
        ):
            return n
        return 0
    return 0


def _people_by_surname_heads(groups: dict[str, list[Candidate]], gaz: Gazetteer) -> None:
    """A place by its last word that opens with a known first name is a person when that last
    word alone is a person in the same article ("Keith Hall … said Mr. Hall", "Sam Park scored
    … Park said"), though "Victoria Park" stays a place."""
    by_surname: dict[str, list[str]] = {}
    for key, cands in groups.items():
        # the cheap tests first: few groups have a mention ending with a surname head
        for c in cands:
            shown_text = c.text.rstrip()
            if shown_text[-1:] in _SURNAME_HEAD_LASTS and shown_text.endswith(
                _SURNAME_HEAD_ENDINGS
            ):
                break
        else:
            continue
        longest = _most_words(cands)
        shown = longest.text.split()
        if shown[-1] not in _SURNAME_HEADS or shown[0] not in gaz.first_names:
            continue
        words = key[2:].split()
        if len(words) < 2 or len(words) > 3 or _best_type(cands) != "PLACE":
            continue
        _add_to(by_surname, words[-1], key)
    for surname, keys in by_surname.items():
        alone = groups.get("x:" + surname)
        if (
            len(keys) > 1  # "Victoria Park" and "Sam Park": which one "Park" is, is unknown
            or alone is None
            or not any(c.type == "PERSON" and c.strength >= 1 for c in alone)
        ):
            continue
        key = keys[0]
        groups[key] = [
            Candidate(
                c.start, c.end, c.text, c.words, "PERSON", 2, c.sentence_start, c.display, c.speaks
            )
            if c.type == "PLACE"
            else c
            for c in groups[key]
        ]


# Words after which a lone capitalised word is a place, not a surname ("the square at Vellow",
# "Roads to Valesi were closed").
_AT_A_PLACE: Final = frozenset(
    ("in", "at", "near", "to", "from", "into", "towards", "toward", "across", "through")
)


def _surname_alone(
    target: str,
    surname: str,
    cands: list[Candidate],
    groups: dict[str, list[Candidate]],
    text: str,
) -> bool:
    """Whether a lone word, untyped or weakly a person, takes up the full name introduced before
    it by that name's last word, standing alone mid-sentence ("… Mohamedou Ould Slahi. … he
    suspected Slahi had"): articles take people up by their surnames, places and bodies by other
    words ("Garuda" for "Garuda Indonesia"). Not the end of a longer run ("Wikimedia Commons"
    after "Creative Commons")."""
    into = groups.get(target)
    if (
        not text
        or into is None
        or not target.endswith(" " + surname)
        or not all(c.type is None or c.type == "PERSON" for c in cands)
        or min(c.start for c in cands) < min(c.start for c in into)
    ):
        return False
    return any(not c.sentence_start and _stands_alone(text, c.start) for c in cands)


def _stands_alone(text: str, start: int) -> bool:
    """Whether the word at `start` stands as a person's surname would: not after a capitalised
    word of the same run ("Wikimedia Commons"), a hyphen or an apostrophe, nor after a
    preposition of place ("the square at Vellow")."""
    before = text[max(0, start - 40) : start]
    if not before.endswith(" "):
        return not before[-1:].isalnum() and before[-1:] not in ("-", "'", "’")
    words = before.split()
    if not words:
        return True
    last = words[-1]
    if last in _AT_A_PLACE:
        return False
    return not last[:1].isupper() or last[-1] in ",.;:"


_SURNAME_PARTICLES: Final = frozenset(
    "van von de da di du del della der den la le dos das ter".split()
)  # not "al", "el", "as": "Al Gore", "As Bush said" open with a first name or a word


def _particle_surname(surface: str) -> bool:
    """'Van Halen', 'De Niro', 'van der Berg': a surname opening with its particles."""
    space = surface.find(" ")
    if space >= 0 and surface[:space].lower() not in _SURNAME_PARTICLES:
        return False  # the first word is no particle (the commonest answer, without splitting)
    *head, last = surface.split(" ")
    return (
        len(head) <= 2 and all(w.lower() in _SURNAME_PARTICLES for w in head) and last[:1].isupper()
    )


def _merge_spelt_people(groups: dict[str, list[Candidate]]) -> None:
    """'Hamza bin Ladin' in a quoted statement is 'Hamza bin Laden' of the report: two full
    names, word by word the same but for spelling, are one person (kept under the name the
    article gives first, unless only the other is typed a person)."""
    # Only names of as many words, each opening with the same consonant (or any vowel), can be
    # spelling variants of each other: they are compared within such a bucket only.
    buckets: dict[tuple[str, ...], list[str]] = {}
    for key, cands in groups.items():
        if " " in key and any(c.type == "PERSON" for c in cands):
            words = key[2:].split()
            initials = tuple("*" if w[0] in "aeiouy" else w[0] for w in words)
            bucket = buckets.get(initials)
            if bucket is None:
                buckets[initials] = [key]
            else:
                bucket.append(key)
    for people in buckets.values():
        if len(people) > 1:
            _merge_spelt_bucket(groups, people)


def _merge_spelt_bucket(groups: dict[str, list[Candidate]], people: list[str]) -> None:
    """Merge the spelling variants among people's names that may be variants of each other."""
    people.sort(key=lambda k: min(c.start for c in groups[k]))
    # a bucket of thousands (a hostile list of names) reads, for each name, only the later
    # names that share a variant form with it, word by word; a few are read all
    later = _later_variants(people) if len(people) > _INDEXED_BUCKET else None
    for k, key in enumerate(people):
        words = key[2:].split()
        for other in people[k + 1 :] if later is None else [people[j] for j in later(k)]:
            if key not in groups or other not in groups:
                continue
            if not _spelt_alike(words, other[2:].split()):
                continue
            into, moved = (key, other)
            if _best_type(groups[key]) != "PERSON":
                into, moved = (other, key)
            groups[into].extend(c if c.type == "PERSON" else _untyped(c) for c in groups.pop(moved))


def _spelt_alike(words: list[str], others: list[str]) -> bool:
    """Whether two names are word by word the same but for spelling: each word the same,
    spelt differently, a typing slip, or (the first) a short given name of the other."""
    return len(others) == len(words) and all(
        a == b
        or spelling_variant(a, b)
        or (k == 0 and _short_given_name(a, b))
        or _typo_variant(a, b)
        for k, (a, b) in enumerate(zip(words, others, strict=True))
    )


# Names of one bucket compared with every later one up to this many (articles have a few).
_INDEXED_BUCKET: Final = 40


def _later_variants(people: list[str]) -> Callable[[int], list[int]]:
    """For the name at each index of `people` (keys of names of as many words), the indices
    after it of the names whose words may each be variants of its own (the same, spelt
    differently, a typing slip, or a short given name first: `_merge_spelt_bucket`'s test),
    found through the words' variant forms (`_variant_forms`) at the word that has fewest."""
    names = [key[2:].split() for key in people]
    width = len(names[0])
    lengths = [sorted({len(words[p]) for words in names}) for p in range(width)]
    filed: list[dict[str, list[int]]] = [{} for _ in range(width)]
    asks: list[list[list[str]]] = []
    for i, words in enumerate(names):
        asked = []
        for p, word in enumerate(words):
            files, looks = _variant_forms(word, p == 0, lengths[p])
            for form in files:
                filed[p].setdefault(form, []).append(i)
            asked.append(looks)
        asks.append(asked)

    def later(i: int) -> list[int]:
        blocks = [[filed[p].get(f, []) for f in forms] for p, forms in enumerate(asks[i])]
        fewest = min(blocks, key=lambda found: sum(map(len, found)))
        return sorted({j for found in fewest for j in found if j > i})

    return later


def _variant_forms(word: str, first: bool, lengths: list[int]) -> tuple[list[str], list[str]]:
    """(the forms `word` is filed under, the forms it looks up): any word that may be a
    variant of it (`spelling_variant`, `_typo_variant`, or when `first`, `_short_given_name`
    of a word of one of `lengths`) is filed under a form it looks up."""
    n = len(word)
    forms = ["=" + word, "d" + word]
    for i, ch in enumerate(word):
        if ch in _VOWELS:  # "Wasef"/"Wasif": one vowel for another
            forms.append(f"v{i}:{word[:i]}*{word[i + 1 :]}")
        if ch in "kqcsz":  # "Rafik"/"Rafiq": a like letter
            forms.append(f"l{i}:{word[:i]}#{word[i + 1 :]}")
        if i and ch == word[i - 1]:  # "Phillips"/"Philips": a doubled letter
            forms.append("d" + word[:i] + word[i + 1 :])
    if n >= 7:  # "Mastrogiacomo"/"Mastrogiamoco": two letters swapped leave a third as it was
        letters = "".join(sorted(word))
        third = n // 3
        for t, (a, b) in enumerate(((0, third), (third, 2 * third), (2 * third, n))):
            forms.append(f"s{n}:{t}:{word[a:b]}:{letters}")
    files, looks = forms, list(forms)
    if first and n >= 3:  # "Phil"/"Philip": a short given name opening the other
        files = [*forms, "P" + word]
        looks.append("L" + word)
        for m in lengths:
            if 3 <= m <= n - 2:
                files.append(f"L{word[:m]}")
                looks.append(f"P{word[:m]}")
    return files, looks


# Letters one spelling writes for another's: "Rafik"/"Rafiq", "Aziz"/"Azis".
_LIKE_LETTERS: Final = frozenset(
    {("k", "q"), ("q", "k"), ("c", "k"), ("k", "c"), ("s", "z"), ("z", "s")}
)


def _short_given_name(a: str, b: str) -> bool:
    """'Phil'/'Philip', 'Chris'/'Christopher': a given name of three letters or more that
    opens the other, two letters or more shorter (the same person's short name, with the same
    surname); not 'Dan'/'Dana', nor 'Paul'/'Pauline' (the list says a man's, a woman's)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3 or len(long) < len(short) + 2 or not long.startswith(short):
        return False
    sexes = load_gazetteer().first_names
    return len({sexes.get(w.title()) for w in (short, long)} - {None, "u"}) < 2


def _typo_variant(a: str, b: str) -> bool:
    """'Rafik'/'Rafiq': one letter for a like one; 'Mastrogiacomo'/'Mastrogiamoco': two
    letters of a long name swapped (a typing slip)."""
    if len(a) != len(b) or len(a) < 4 or a[0] != b[0]:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) == 1:
        return diff[0] in _LIKE_LETTERS
    return len(diff) == 2 and len(a) >= 7 and diff[0] == diff[1][::-1]


def _merge_name_tails(groups: dict[str, list[Candidate]], text: str) -> None:
    """'Phillip Field' after 'Taito Phillip Field', 'Mujibur Rahman' after 'Sheikh Mujibur
    Rahman': a person's name of two or more words that ends a longer person's name of the
    article (only one) is that person; so is a given name and surname that open and end one
    with middle initials ('George W. Bush' … 'George Bush'; named second, only where no kin is
    named beside either: 'Ann Lee … her mother, Ann K. Lee' are two)."""
    people = {
        key: key[2:].split()
        for key, cands in groups.items()
        if " " in key and _best_type(cands) == "PERSON"
    }
    if len(people) < 2:
        return
    by_last: dict[str, list[str]] = {}  # a tail ends with the longer name's word
    for key, words in people.items():
        _add_to(by_last, words[-1], key)
    # a list of thousands sharing a surname reads only the names that may fit each
    fitting = _LongerNames(people) if len(people) > _INDEXED_BUCKET else None
    gaz = load_gazetteer()
    by_first: dict[str, list[str]] = {}  # names of three words or more by their first word
    for key, words in people.items():
        if len(words) > 2:
            _add_to(by_first, words[0], key)
    for key, words in sorted(people.items(), key=lambda item: len(item[1])):
        same_last = by_last[words[-1]]
        if len(same_last) < 2:
            if len(words) == 2 and words[0] in by_first and key in groups:
                longer = _opened_by_pair(key, words, by_first, by_last, people, groups, text)
                if len(longer) == 1:
                    groups[longer[0]].extend(groups.pop(key))
            continue
        longer = [
            other
            for other in (same_last if fitting is None else fitting.ending(words))
            if len(people[other]) > len(words)
            and people[other][-len(words) :] == words
            and other in groups
        ]
        if not longer and len(words) == 2:  # "George Bush" after "George W. Bush": the given
            longer = [  # name and the surname of a longer name with middle initials, named
                other  # in full first ("Ann Lee … her mother, Ann K. Lee" are two); or with
                for other in (same_last if fitting is None else fitting.opening(words))
                if len(people[other]) > 2  # middle names ("Elijah Cummings … born Elijah
                and people[other][0] == words[0]  # Eugene Cummings"), in either order
                and other in groups
                and (
                    (
                        all(len(w) == 1 for w in people[other][1:-1])
                        and (
                            min(c.start for c in groups[other]) < min(c.start for c in groups[key])
                            or not _kin_named(groups[other] + groups[key], text)
                        )  # "Jerome Powell … Jerome H. Powell": one, unless kin is named
                    )
                    or (
                        all(len(w) > 1 for w in people[other][1:-1])
                        and not _kin_named(groups[other] + groups[key], text)
                    )  # but "Gloria Vanderbilt … her mother, Gloria Morgan Vanderbilt": two
                )
            ]
        if not longer and 1 < len(same_last) <= _INDEXED_BUCKET:
            longer = [  # "Abul Gheit" after "Ahmed Aboul Gheit": the tail spelt another way
                other  # (among a few names of that surname; thousands are never read so)
                for other in same_last
                if len(people[other]) > len(words)
                and other in groups
                and _spelt_tail(words, people[other][-len(words) :])
            ]
        if not longer and len(words) == 2:
            longer = _opened_by_pair(key, words, by_first, by_last, people, groups, text)
        if len(longer) != 1 or key not in groups:
            continue
        other_words = people[longer[0]]
        extra = other_words[: -len(words)] if other_words[0] != words[0] else other_words[1:-1]
        if any(w in gaz.role_words or w.title() in gaz.titles for w in extra):
            continue  # "Bishop Emeritus Dinualdo Gutierrez": a title kept on a longer run
        groups[longer[0]].extend(groups.pop(key))


def _opened_by_pair(
    key: str,
    pair: list[str],
    by_first: dict[str, list[str]],
    by_last: dict[str, list[str]],
    people: dict[str, list[str]],
    groups: dict[str, list[Candidate]],
    text: str,
) -> list[str]:
    """The longer people's names that a given name and surname open and one more surname ends
    ("John Luk" of "John Luk Jok", "Pedro Pierluisi" of "Pedro R. Pierluisi Urrutia": a second
    surname, initials between), not where the article names kin ("Ann Lee … her daughter, Ann
    Lee Orrow") nor the longer name after the pair in one paragraph."""
    found = by_first.get(pair[0])
    if not found or len(found) > _INDEXED_BUCKET or len(pair[1]) < 2:
        return []  # (nor "Charles W" of "Charles W. Dent": an initial, no surname)
    gaz = load_gazetteer()
    longer = []
    for other in found:
        words = people[other]
        if (
            other not in groups
            or words[-2] != pair[1]
            or words[-1] in _GENERATIONS
            or words[-1] in gaz.role_words  # "Ann Lee MP": a title kept on a longer run
            or words[-1].title() in gaz.titles
            or not _surname_glued_on(words[-1], groups[other], text, gaz)
            or "x:" + words[-1] in groups
            or any(k != other for k in by_last.get(words[-1], ()))
        ):  # (nor a name of its own glued on: "Ann Lee Obama has said" in a transcript)
            continue
        if all(len(w) == 1 for w in words[1:-2]) and not _short_then_long_in_paragraph(
            groups[key], groups[other], text
        ):  # ("George Washington crossed … George Washington Carver studied", "Maria Garcia
            # won. Maria Garcia Lopez came second": two people, told apart in one paragraph)
            longer.append(other)
    if len(longer) == 1 and _kin_named(groups[longer[0]] + groups[key], text):
        return []
    return longer


def _short_then_long_in_paragraph(short: list[Candidate], long: list[Candidate], text: str) -> bool:
    """Whether a mention of the short name comes before one of the longer name in the same
    paragraph (no line break between): a writer names one person in full first, and sets a
    second name beside the first only to tell two people apart."""
    for s in short:
        for other in long:
            if s.start < other.start and "\n" not in text[s.start : other.start]:
                return True
    return False


def _surname_glued_on(word: str, cands: list[Candidate], text: str, gaz: Gazetteer) -> bool:
    """Whether `word`, the last of a longer person's name (`cands`), reads as a second surname:
    written with a capital and letters only, never in lower case nor alone in the article (a
    name of its own: "Ann Lee Obama has said" in a transcript), no common, calendar, body's or
    known word ("Ann Lee Story", "Ann Lee Thursday", "Ann Lee Libertarians", "Ann Lee.jpg"), nor
    a wiki category's ("Category:Ann Lee Category:")."""
    last = cands[0].text.rsplit(" ", 1)[-1]
    title = word.title()
    return (
        last[:1].isupper()
        and last.isalpha()
        and word not in gaz.common_words
        and title not in CALENDAR
        and title not in gaz.org_words
        and title not in gaz.place_words
        and title not in gaz.known
        and title.removesuffix("s") not in gaz.known
        and not word.endswith("ians")  # a people's plural: "Ron Paul Libertarians"
        and len(word) > 1
        and not any(text[c.end : c.end + 1] == ":" or c.text == last for c in cands)
        and not stands_alone(text, word)
    )


def _merge_spelt_things(groups: dict[str, list[Candidate]]) -> None:
    """'Ayasofya [Haghia Sophia]' beside 'Hagia Sophia, formerly a church': a name of two words or
    more typed a person only weakly (no speech, no strong cue) and spelt word by word as a place or
    body of the article, the last word the same, is that place or body, under its name (the
    spelt-variant merges of people read people only)."""
    things: dict[str, list[str]] = {}  # each place's or body's last word → their keys
    for key, cands in groups.items():
        if " " in key and _best_type(cands) in ("PLACE", "ORG"):
            _add_to(things, key.rsplit(" ", 1)[-1], key)
    if not things:
        return
    for key in list(groups):
        found = things.get(key.rsplit(" ", 1)[-1]) if " " in key else None
        if found is None or len(found) > _INDEXED_BUCKET:
            continue  # (thousands of bodies of one last word are never read so: linear)
        cands = groups[key]
        if (
            _best_type(cands) != "PERSON"
            or max(c.strength for c in cands) > 1
            or any(c.speaks for c in cands)
        ):
            continue
        words = key[2:].split()
        alike = [
            other
            for other in found
            if other in groups
            and len(other_words := other[2:].split()) == len(words)
            and _spelt_tail(words, other_words)
        ]
        if len(alike) == 1:
            into = groups[alike[0]]
            name = into[0].display or into[0].text
            moved = [_untyped(c) for c in groups.pop(key)]
            for cand in moved:
                cand.display = name
            into.extend(moved)


def _spelt_tail(words: list[str], tail: list[str]) -> bool:
    """Whether `words` are `tail` word by word but for a spelling with one letter more or less
    in a word before the surname ("Abul"/"Aboul"), the surname the same."""
    return (
        words[-1] == tail[-1]
        and any(a != b for a, b in zip(words, tail, strict=True))
        and all(
            a == b or spelling_variant(a, b) or _one_letter_inserted(a, b)
            for a, b in zip(words, tail, strict=True)
        )
    )


def _one_letter_inserted(a: str, b: str) -> bool:
    """'Abul'/'Aboul', 'Hagia'/'Haghia': one word is the other with one letter more, a vowel
    beside another vowel or an "h" after a consonant (transliterations of one name)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1 or len(short) < 3 or short[0] != long[0]:
        return False
    k = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    if long[:k] + long[k + 1 :] != short:
        return False
    extra = long[k]
    if extra in _VOWELS:
        return (k > 0 and long[k - 1] in _VOWELS) or (k + 1 < len(long) and long[k + 1] in _VOWELS)
    return extra == "h" and k > 0 and long[k - 1] not in _VOWELS


class _LongerNames:
    """People's names (key → words) by each of their tails, and by first and last word (those
    of three or more words): the names `_merge_name_tails` may find longer for a name, among
    thousands of one surname, without reading them all."""

    def __init__(self, people: dict[str, list[str]]) -> None:
        self.by_tail: dict[tuple[str, ...], list[str]] = {}
        self.by_ends: dict[tuple[str, str], list[str]] = {}
        for key, words in people.items():
            for k in range(1, len(words)):
                self.by_tail.setdefault(tuple(words[k:]), []).append(key)
            if len(words) > 2:
                self.by_ends.setdefault((words[0], words[-1]), []).append(key)

    def ending(self, words: list[str]) -> list[str]:
        """The longer names that end with `words`, in order."""
        return self.by_tail.get(tuple(words), [])

    def opening(self, words: list[str]) -> list[str]:
        """The names of three or more words that open and end as `words` (two), in order."""
        return self.by_ends.get((words[0], words[-1]), [])


def _name_first(pair: str, text: str) -> bool:
    """Whether the text never writes the pair's first word in lower case: a given name
    ("Kent Hovind"), not a heading's verb ("Why Use Mailchimp?" where "to use it" is written)."""
    return not stands_alone(text, pair.split(" ", 1)[0].lower())


def stands_alone(text: str, word: str) -> bool:
    r"""Whether `word` occurs in `text` with no word character nor hyphen right before or after
    it: `re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)`, found by str.find
    (that search tries its lookbehind at every character of the article, for every pair)."""
    at = text.find(word)
    while at >= 0:
        before = text[at - 1 : at] if at else ""
        after = text[at + len(word) : at + len(word) + 1]
        if (
            before != "-"
            and not _is_word_char(before)
            and after != "-"
            and not _is_word_char(after)
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _plain_pair(cands: list[Candidate], gaz: Gazetteer) -> bool:
    """Whether every mention is the same two capitalised words of letters, no title, role or
    common word among them ("Kent Hovind's"; not "Shadow Treasurer")."""
    for cand in cands:
        words = strip_possessive(cand.text).split()
        if len(words) != 2 or not all(
            w[:1].isupper()
            and w.isalpha()
            and w not in gaz.titles
            and w.lower() not in gaz.role_words
            and w.lower() not in gaz.common_words
            for w in words
        ):
            return False
    return True


def _kin_named(cands: list[Candidate], text: str) -> bool:
    """Whether a word of kinship comes within three words of a mention ("her widowed mother,
    Ann Kay Lee", "Ann Kay Lee, the mother of the athlete"): a relative of the same name, not
    the person."""
    for cand in cands:
        before = _sentence_tail(text[max(0, cand.start - 30) : cand.start])
        near = before.replace(",", " ").split()[-3:]
        near += _sentence_head(text[cand.end : cand.end + 30]).replace(",", " ").split()[:3]
        if any(w.lower() in _KIN_NOUNS for w in near):
            return True
    return False


# A sentence's end inside a mention's context: a paragraph break, or a stop after a word of
# five letters or more (no title: "her mother, Mrs. Ann Lee" reads on across "Mrs.")
_SENTENCE_END: Final = re.compile(r"\n|[a-z]{4}[.!?][\s\"”’]")


def _sentence_tail(before: str) -> str:
    """The part of `before` (the text up to a mention) in the mention's own sentence:
    "…the founding father of Zimbabwe.\n\nRobert Gabriel Mugabe was born" has no kin word."""
    cut = 0
    for end in _SENTENCE_END.finditer(before):
        cut = end.end()
    return before[cut:]


def _sentence_head(after: str) -> str:
    """The part of `after` (the text after a mention) up to the end of its sentence."""
    end = _SENTENCE_END.search(after)
    return after if end is None else after[: end.start() + 1]


def _country_prefix(words: list[str]) -> int:
    """How many leading words of an organisation's name are a known country or nationality."""
    if words[0] not in _known_first_words():
        return 0  # most names open with no known word
    known = load_gazetteer().known
    for n in (3, 2, 1):
        if len(words) > n and known.get(" ".join(words[:n])) in ("PLACE", "GROUP"):
            return n
    return 0


_GENERATIONS: Final = {
    "jr": ("jr", "junior"),
    "junior": ("jr", "junior"),
    "sr": ("sr", "senior"),
    "senior": ("sr", "senior"),
}


# A generation written as a number after a surname ("John B. Campbell III"); after a given
# name alone it is a monarch's ("Elizabeth II": "Elizabeth" stays hers)
_REGNAL_NUMBERS: Final = frozenset(("ii", "iii", "iv"))

_LONG_ENDS: Final = ("junior", "senior")  # the suffixes of _GENERATIONS longer than two letters


def _surname_of_key(key: str) -> str:
    """The last word of a person's key, before a generational suffix ('ian paisley jr')."""
    words = key.rsplit(" ", 2)
    return words[-2] if words[-1] in _GENERATIONS and len(words) > 2 else words[-1]


def _generation_surname(key: str) -> bool:
    """'Paisley Junior', 'Trump Jr': a surname and a generational suffix, a short form."""
    if not key[-1:].isspace() and key[-2:] not in ("jr", "sr") and key[-6:] not in _LONG_ENDS:
        return False  # the last word is no suffix (the commonest answer, without splitting)
    words = key[2:].split()
    return len(words) == 2 and words[1] in _GENERATIONS


def _first_introduced(
    targets: set[str], groups: dict[str, list[Candidate]], surname: str, cands: list[Candidate]
) -> set[str]:
    """'Haddad' after 'Rania Haddad' … 'her brother, Karim Haddad': the surname alone means the
    person the article introduced first, when both share it as surname and came before it."""
    first_use = min(c.start for c in cands)
    starts = {
        key: min(c.start for c in groups[key])
        for key in targets
        if key in groups and _surname_of_key(key) == surname
    }
    if len(starts) != len(targets) or first_use < min(starts.values()):
        return targets
    return {min(starts, key=starts.__getitem__)}


def _merge_org_prefixes(groups: dict[str, list[Candidate]], orgs: dict[str, str]) -> None:
    """'Serum Institute' after 'Serum Institute of India': a leading part of one longer ORG name;
    one word only when it is a body's head noun ("Parliament" after "Parliament of Ruritania")
    or the word before its "of" ("House" after "House of Representatives"; "al-Qaeda" is no
    "al-Qaeda in Iraq"). `orgs`: `_org_names(groups)`."""
    gaz = load_gazetteer()
    org_words = gaz.org_words
    by_lead: dict[str, list[str]] = {}  # "Serum Institute" → its longer names
    for k, full in orgs.items():
        for joint in _OF_IN:
            at = full.find(joint)
            while at >= 0:
                lead = full[:at]
                _add_to(by_lead, lead, k)
                space = lead.rfind(" ")
                if space > 0 and gaz.known.get(lead[:space]) in ("PLACE", "GROUP"):
                    _add_to(by_lead, lead[space + 1 :], k)  # "House": "US House of Representatives"
                at = full.find(joint, at + 1)
    for key, text in orgs.items():
        if key not in groups:
            continue
        # ("House" of "US House of Representatives" and the "House of Representatives" it is
        # named again as: one body, which _merge_national_bodies makes one)
        longer = _national_of([k for k in by_lead.get(text, ()) if k != key], groups)
        if len(longer) == 1 and longer[0] in groups:
            if " " not in text and (
                (text not in org_words and (text + " of ") not in orgs[longer[0]])
                or _placed_elsewhere(groups, key, orgs[longer[0]])
            ):
                continue
            groups[longer[0]].extend(groups.pop(key))


def _merge_org_tails(groups: dict[str, list[Candidate]], orgs: dict[str, str]) -> None:
    """'the Lords' after 'House of Lords', 'Homeland Security' after 'Department of Homeland
    Security': the words after the "of" of one longer ORG name, named alone and typed ORG, are
    that body, when the lists know no name so and its last word is no body's head noun ("the
    European Union" of "Council of the European Union", "the Communist Party" of "Central
    Committee of the Communist Party" and a name with an "of" of its own, "the United Church of
    Christ" of "General Synod of the United Church of Christ", are bodies of their own).
    `orgs`: `_org_names(groups)`."""
    by_tail: dict[str, list[str]] = {}  # "Lords" → the keys of the longer names it ends
    for k, full in orgs.items():
        at = full.find(" of ")
        if at < 0:
            continue  # most names have no "of"
        tail = full[at + 4 :]
        if tail[:4] == "the ":
            tail = tail[4:]
        _add_to(by_tail, tail, k)
    if not by_tail:
        return
    gaz = load_gazetteer()
    for key, name in orgs.items():
        longer = by_tail.get(name)
        if (
            longer is None
            or len(longer) != 1
            or longer[0] == key
            or longer[0] not in groups
            or key not in groups
            or name in gaz.known
            or name[name.rfind(" ") + 1 :] in gaz.org_words
            or " of " in name  # "the Ministry of Economic Affairs" of its "Bureau of the …"
        ):
            continue
        groups[longer[0]].extend(groups.pop(key))


def _placed_elsewhere(groups: dict[str, list[Candidate]], key: str, full: str) -> bool:
    """Whether a mention of the head noun `key` stands right after a place that `full` ("Senate
    of Puerto Rico") does not name: "In Washington, the Senate" is another jurisdiction's body."""
    starts = [c.start for c in groups[key]]
    for cands in groups.values():
        if _best_type(cands) != "PLACE" or cands[0].text in full:
            continue
        for place in cands:
            if any(0 < start - place.end <= 8 for start in starts):
                return True
    return False


_OF_IN: Final = (" of ", " for ", " in ")


# The unions whose bodies are named again without them: "the U.N. Security Council … the
# Security Council", "the EU Commission … the Commission".
_UNION_PREFIXES: Final = frozenset(("UN", "U.N.", "United Nations", "EU", "E.U.", "European Union"))


def _merge_national_bodies(groups: dict[str, list[Candidate]], orgs: dict[str, str]) -> None:
    """'Supreme Court' after 'United States Supreme Court', 'Parliament' after 'Tunisian
    Parliament': the body named again without its country is the same organisation (`orgs`:
    `_org_names(groups)`)."""
    known = load_gazetteer().known
    by_body: dict[str, list[str]] = {}  # "Supreme Court" → the national ones
    for k, full in orgs.items():
        party = full.endswith((" Party", " party"))
        if party:  # "Labor" after "Labor Party" or "the Labor party"
            _add_to(by_body, full[:-6], k)
        of = full.find(" Party of ")
        if of > 0 and known.get(full[of + 10 :]) == "PLACE":
            _add_to(by_body, full[: of + 6], k)  # "the Conservative party" of "Conservative
            # Party of Canada"
        at = full.find(" ")
        while at >= 0:
            country = full[:at]
            if (
                known.get(country) in ("PLACE", "GROUP") and not (party and _state_party(country))
            ) or country in _UNION_PREFIXES:  # "Senate" after "U.S. Senate", "Security
                # Council" after "U.N. Security Council"
                _add_to(by_body, full[at + 1 :], k)
                if party and full.count(" ", at + 1) >= 1:
                    _add_to(by_body, full[at + 1 : -6], k)  # "Labor": "Australian Labor Party"
            at = full.find(" ", at + 1)
    # the longest keys first: "Labor Party" joins "Australian Labor Party" before "Labor" is
    # read (both would be its longer names otherwise)
    for key in sorted(orgs, key=len, reverse=True):
        if key not in groups:
            continue
        name = orgs[key]
        if name.endswith(" party"):  # "the Liberal party" of "Australian Liberal Party"
            name = name[:-6] + " Party"
        longer = {k for k in by_body.get(name, ()) if k != key and k in groups}
        if len(longer) == 1:
            groups[longer.pop()].extend(groups.pop(key))


def _heads_one_body(
    word: str, org_heads: dict[str, list[str]], groups: dict[str, list[Candidate]], key: str
) -> bool:
    """Whether a known body's word ("Congress", "Senate") is the head noun of exactly one longer
    ORG name of the article, with no other place right before it ("the resolution adopted by
    the Congress" after "FIFA Congress"; not "In Washington, the Senate" after "Senate of
    Puerto Rico"): the short form of that body, though the word lists know it alone."""
    heads = org_heads.get(word)
    if heads is None or len(heads) != 1 or heads[0] not in groups:
        return False
    full = max((c.text for c in groups[heads[0]]), key=len)
    return not _placed_elsewhere(groups, key, full)


def _national_of(keys: list[str], groups: dict[str, list[Candidate]]) -> list[str]:
    """The names an abbreviation spells, those named again without their country left out:
    "FDA" spells "US Food and Drug Administration" and the "Food and Drug Administration" it is
    named again as (`_merge_national_bodies` makes them one), one body, not two candidates."""
    known = load_gazetteer().known
    names = {k: max((c.text for c in groups[k]), key=len) for k in keys if k in groups}
    kept = [
        k
        for k, name in names.items()
        if not any(
            other.endswith(" " + name) and known.get(other[: -len(name) - 1]) in ("PLACE", "GROUP")
            for other in names.values()
        )
    ]
    return kept if len(kept) == 1 else keys


def _state_party(place: str) -> bool:
    """Whether a party named with `place` is a US state's ("Florida Democratic Party": the
    state's branch, not the national "Democratic Party") or named with its country's capitals
    ("the U.S. Constitution Party's nominee": the party is the "Constitution Party", apart)."""
    return place in us_states() or place.replace(".", "").isupper()


_COMPANY_SUFFIXES: Final = (
    frozenset("Company Co Corporation Incorporated Group Holdings plc AG".split()) | _LEGAL_FORMS
)
# … and the legal forms written after a name with no comma ("Statoil ASA": see
# entity_passes._join_spaced_legal_forms), which end a company's full name but alone may name
# something else ("the SPA", "SA" for South Australia).
_COMPANY_ENDINGS: Final = _COMPANY_SUFFIXES | frozenset(
    "ASA SA S.A SpA SPA S.p.A NV N.V AB Oyj SCA".split()
)


# The line of business a company's own name ends with ("Cisco Systems", "Apple Computers",
# "Woodside Petroleum"): its leading word alone names the same company, even a listed one
# (unlike a unit's word: "BBC News", "CNN International", "Renault Trucks").
_FIRM_LINE_WORDS: Final = frozenset(
    "Systems Computers Motors Airlines Foods Technologies Industries Communications Networks "
    "Electronics Pharmaceuticals Petroleum".split()
)


def _merge_company_short_names(
    groups: dict[str, list[Candidate]], text: str, orgs: dict[str, str] | None
) -> None:
    """'Ford' after 'Ford Motor Company': a company named again by its leading words, when
    its full name ends in a company suffix and no other organisation begins with them
    (`orgs`: `_org_names(groups)`, or None to make them here)."""
    if not _names_a_company(groups):
        return  # most articles name no "… Company" or "… Group": nothing to look for
    if orgs is None:
        orgs = _org_names(groups)
    gaz = load_gazetteer()
    org_words = gaz.org_words
    by_lead: dict[str, list[str]] = {}
    two_words: list[tuple[str, str]] = []
    for k, full in orgs.items():
        words = full.split()
        if len(words) > 1 and words[-1].rstrip(".") in _COMPANY_ENDINGS:
            if any(w in _MEMBERS_PLURALS for w in words[1:-1]):
                continue  # "Ryanair Pilots Group": its staff's body, not Ryanair named again
            for n in range(1, len(words)):
                _add_to(by_lead, " ".join(words[:n]).rstrip(","), k)  # "Staples, Inc."
            if len(words) == 3 and words[0] in gaz.first_names and words[1] not in org_words:
                _add_to(by_lead, words[1], k)  # "Andersen" of "Arthur Andersen LLP": a firm
                # named after its founder is named again by the surname
        elif (
            len(words) == 2
            and words[1] in org_words
            and words[0] not in org_words
            and (
                words[0] not in gaz.known  # "BBC" is no short form of "BBC News"
                or words[1] in _FIRM_LINE_WORDS  # but "Cisco" is of "Cisco Systems"
            )
            and not _is_acronym(words[0])
            and not all(_heads_a_line(text, c) for c in groups[k])  # "Brevo Review", a heading
        ):
            two_words.append((words[0], k))
    for lead, k in two_words:  # "Kraft" after "Kraft Foods" (a suffix's name comes first:
        if lead not in by_lead:  # "WebSource" is "WebSource Media, L.L.C.", not "… Media")
            _add_to(by_lead, lead, k)
    if not by_lead:
        return
    weak_people = {  # '“…,” Brannock said': one word typed a person by its verb alone, also
        # opening a sentence ("Brightwell says …" after "Brightwell Corp"), or words of which
        # none is a given name ("Time Warner said" after "Time Warner Inc.")
        key: cands[0].text
        for key, cands in groups.items()
        if (cands[0].words == 1 or _no_given_name(cands[0].text, gaz.first_names))
        and _best_type(cands) == "PERSON"
        and (
            max(c.strength for c in cands) <= 1
            or all(c.strength <= 1 or (c.strength == 2 and c.sentence_start) for c in cands)
        )
    }
    for key, text in (orgs | weak_people).items():
        longer = [k for k in by_lead.get(text, ()) if k != key]
        if len(longer) > 1:  # "Livedoor" is "Livedoor Co.", not its "Livedoor Marketing Co."
            longer = [k for k in longer if orgs[k].rsplit(" ", 1)[0].rstrip(",") == text]
        if len(longer) == 1 and key in groups and longer[0] in groups:
            moved = groups.pop(key)
            if key in weak_people:  # its verb's person cue gives way to the company's name
                moved = [_untyped(c) if c.strength == 2 else c for c in moved]
            groups[longer[0]].extend(moved)


def _no_given_name(name: str, first_names: Container[str]) -> bool:
    """Whether no word of `name` is a given name or an initial ("Time Warner", not "Adam
    Aircraft" nor "J. R. Simplot", which may be the founder the company is named after)."""
    return not any(w in first_names or w.endswith(".") or len(w) == 1 for w in name.split())


def _heads_a_line(text: str, cand: Candidate) -> bool:
    """Whether `cand` opens or closes a line that ends with no stop: a heading ("Brevo Review –
    the best for shops" over a section on Brevo) or a link's words ("… or read our full Brevo
    Review"), not a sentence."""
    if not text:
        return False
    end = text.find("\n", cand.end)
    line_end = text[cand.end : end if end >= 0 else len(text)].rstrip()
    if line_end.endswith((".", "!", "?", '"', "”", "’", "'")):
        return False
    return not cand.start or text[cand.start - 1] == "\n" or not line_end


def _names_a_company(groups: dict[str, list[Candidate]]) -> bool:
    """Whether a name of several words ends with a company suffix ("Ford Motor Company") or
    is two words, the last a body's ("Kraft Foods"): `c.text.rsplit(" ", 1)[-1]` of each, cut
    at its last space without making a list."""
    org_words = load_gazetteer().org_words
    for cands in groups.values():
        for c in cands:
            if c.words > 1:
                text = c.text
                last = text[text.rfind(" ") + 1 :]
                if last.rstrip(".") in _COMPANY_ENDINGS or (c.words == 2 and last in org_words):
                    return True
    return False


def _merge_org_abridgements(groups: dict[str, list[Candidate]], orgs: dict[str, str]) -> None:
    """A body named again by its head noun and some of its other words, in any order, is the
    same body, when only one longer name of the article shortens so: 'the Oversight Committee'
    after 'the House Oversight and Reform Committee', 'State Department' after 'United States
    Department of State', 'Tax Office' after 'Australian Taxation Office', 'City Council' after
    'Dyer City Council'. Not the body a longer name is "of" ('European Union' of 'Council of the
    European Union'), nor a party without its place ('Democratic Party' is no 'Iowa Democratic
    Party', a state's branch). `orgs`: `_org_names(groups)`."""
    if len(orgs) < 2:
        return
    gaz = load_gazetteer()
    org_words = gaz.org_words
    by_head: dict[str, list[str]] = {}  # "Department" → the keys of the bodies it heads
    for k, text in orgs.items():
        head = _head_noun(text, org_words)
        if head in org_words:  # not "4" of "Guardian and Channel 4"
            _add_to(by_head, head, k)
    shapes = {  # only the bodies another one shares its head noun with: few articles have any
        k: (head, _body_words(orgs[k], head))
        for head, keys in by_head.items()
        if len(keys) > 1
        for k in keys
    }
    # the longest keys first, so that a middle form ("Foreign Affairs Committee") has joined
    # its longest one ("House Foreign Affairs Committee") before a shorter one counts them
    # a head shared by thousands (a hostile list of "X Corp"): a name reads only the bodies
    # that hold a word of one stem with one of its own (`_stem_keys`), not all of them
    stems: dict[str, dict[str, list[str]]] = {}
    for key in sorted(shapes, key=len, reverse=True):
        head, words = shapes[key]
        if not words or key not in groups:
            continue  # one word: the head noun alone is read elsewhere
        bodies: list[str] | set[str] = by_head[head]
        if len(bodies) > _INDEXED_BUCKET:
            by_stem = stems.get(head)
            if by_stem is None:
                by_stem = stems[head] = {}
                for k in bodies:
                    for stem in {f for w in shapes[k][1] for f in _stem_forms(w)[0]}:
                        _add_to(by_stem, stem, k)
            bodies = min(
                ({k for f in _stem_forms(w)[1] for k in by_stem.get(f, ())} for w in words),
                key=len,
            )
        longer = {
            k
            for k in bodies
            if k != key
            and k in groups
            and _shortens(words, shapes[k][1], head, gaz.known)
            and not _names_its_parent(orgs[key], orgs[k])
        }
        if len(longer) == 1:
            into = longer.pop()
            groups[into].extend(groups.pop(key))


_SHAPE_SKIPPED: Final = frozenset(("of", "for", "on", "the", "and", "&", "in", "de", "The"))


def _head_noun(name: str, org_words: frozenset[str]) -> str:
    """A body's head noun: its last word when that is a body's noun ("House Oversight
    Committee"), else the last before "of"/"for"/"on" ("Department" of "Department of State")."""
    last = name[name.rfind(" ") + 1 :]
    if last in org_words:
        return last
    last = strip_possessive(last)
    if last in org_words or (" o" not in name and " f" not in name):
        return last
    before = _before_of(name)
    return strip_possessive(before[before.rfind(" ") + 1 :]) if len(before) < len(name) else last


def _body_words(name: str, head: str) -> list[str]:
    """A body's words besides its head noun, linking words and possessive endings left out."""
    words = [strip_possessive(w) for w in name.split()]
    rest = [w for w in words if w not in _SHAPE_SKIPPED]
    if head in rest:
        rest.remove(head)
    if not rest and words[0] == "The":
        rest.append("The")  # "The Times" of "The New York Times" only, not of "Khaleej Times"
    return rest


def _shortens(short: list[str], full: list[str], head: str, known: dict[str, str]) -> bool:
    """Whether the words of one body's name (besides their common head) are each written in
    another's, in any order, one word's stem for another ('Tax' for 'Taxation', 'Belgian' for
    'Belgium'), the other longer or reordered; a party's name may only leave out a nationality
    ('Labor Party' of 'Australian Labor Party')."""
    if len(short) > len(full) or short == full:
        return False
    left = list(full)
    for word in short:
        match = next((w for w in left if _same_stem(word, w)), None)
        if match is None:
            return False
        left.remove(match)
    if head == "Party" and left:  # "Ontario Liberal Party", "New Zealand National Party";
        # not "South Australian Liberal Party" ("Liberal Party in Tasmania" is another branch)
        place = " ".join(left)
        return known.get(place) in ("PLACE", "GROUP") and not _state_party(place)
    return True


def _same_stem(a: str, b: str) -> bool:
    """Whether two words of names are one word, or one word's stem and a longer form of it
    ('Tax'/'Taxation', 'State'/'States', 'Belgian'/'Belgium': five letters in common)."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3 or a[0] != b[0]:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 5


def _stem_forms(word: str) -> tuple[list[str], list[str]]:
    """(the forms `word` is filed under, the forms it looks up): a word of one stem with it
    (`_same_stem`: the same, five first letters in common, or one the other's prefix of three
    letters or more) is filed under a form it looks up."""
    files = ["=" + word]
    looks = ["=" + word]
    if len(word) >= 5:  # five letters in common, or a prefix of five or more
        files.append("5" + word[:5])
        looks.append("5" + word[:5])
    if len(word) >= 3:  # the words it is a prefix of (three or four letters), or its prefixes
        files += ["p" + word[:3], "p" + word[:4]]
        if len(word) <= 4:
            looks.append("p" + word)
        looks += ["=" + word[:3], "=" + word[:4]]
    return files, looks


def _names_its_parent(short: str, full: str) -> bool:
    """Whether `full` is a body "of" or "for" the one `short` names: 'Council of the European
    Union', 'Committee for the United Nations' name other bodies than the Union and the UN."""
    for joint in (" of ", " of the ", " for ", " for the "):
        if full.endswith(joint + short) or (joint + short + " ") in full:
            return True
    return False


def _org_names(groups: dict[str, list[Candidate]]) -> dict[str, str]:
    """The longest text of each group typed ORG, by key."""
    names = {}
    for key, cands in groups.items():
        if len(cands) == 1:  # most groups: one mention, its own type
            if cands[0].type == "ORG":
                names[key] = cands[0].text
        elif _best_type(cands) == "ORG":
            longest = cands[0].text  # the first of the longest, as max(key=len) keeps
            for cand in cands:
                if len(cand.text) > len(longest):
                    longest = cand.text
            names[key] = longest
    return names


def _untyped(cand: Candidate) -> Candidate:
    """A copy of `cand` without a type (a short form that takes its full name's type)."""
    return Candidate(
        cand.start,
        cand.end,
        cand.text,
        cand.words,
        None,
        0,
        cand.sentence_start,
        cand.display,
        cand.speaks,
    )


# Words that qualify a role in a job title: "Senior Vice President", "Chief Economist".
_ROLE_QUALIFIERS: Final = frozenset(
    "senior vice deputy assistant associate acting interim chief executive general principal "
    "co first lead managing joint".split()
)


def _only_title(cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether a candidate is only a title or role words ("Vice President", "Senator",
    "Senior Vice President", "Coordinator" in "Tom Clarke, Coordinator of the …")."""
    if cand.strength >= 3:
        return False
    found = _ONLY_TITLES.get(cand.text)  # (the same names in article after article)
    if found is None:
        if len(_ONLY_TITLES) >= _CACHED_WORDS:
            _ONLY_TITLES.clear()
        found = _ONLY_TITLES[cand.text] = _title_words_only(cand.text, gaz)
    return found


_ONLY_TITLES: Final[dict[str, bool]] = {}  # _title_words_only by name (see _CACHED_WORDS)


def _title_words_only(name: str, gaz: Gazetteer) -> bool:
    """Whether `name` (without "The ") is a title or only role words: see `_only_title`."""
    text = name[4:] if name.startswith("The ") else name
    if text in gaz.titles:
        return True
    words = text.lower().replace("-", " ").split()
    return words[-1] in gaz.role_words and all(
        w in gaz.role_words or w in _ROLE_QUALIFIERS for w in words
    )


def _only_head_noun(cands: list[Candidate], gaz: Gazetteer) -> bool:
    """Whether every mention is one plural head noun ("Universities", "Resources") that no
    known name spells and no longer name of the article took as its short form (a singular
    one may stand for a body named in full elsewhere: "the Academy", "Assembly president")."""
    return all(
        c.words == 1
        and (word := strip_possessive(c.text)) in gaz.org_words
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in gaz.known
        and c.display is None
        for c in cands
    )


def _only_weak_sentence_openers(cands: list[Candidate]) -> bool:
    """'Organisers said', 'Developers told us': one capitalised word that only opens sentences,
    with nothing but a weak cue for its type, is a common noun, not a name (when typed PERSON)."""
    return all(c.words == 1 and c.sentence_start and c.strength <= 1 for c in cands)


def _known_site_name(cands: list[Candidate]) -> str:
    """The name before the web address of a known body among `cands` ("Amazon" of a listed
    "Amazon.com"), "" if none."""
    for cand in cands:
        if cand.type == "ORG" and cand.strength >= 3:
            name, dot, suffix = cand.text.rpartition(".")
            if dot and suffix.lower() in _SITE_SUFFIXES and name and "." not in name:
                return name
    return ""


def _best_type(cands: list[Candidate]) -> str | None:
    if len(cands) == 1:  # most entities are mentioned once
        return cands[0].type or None
    only: str | None = None  # mentions of one type (or untyped): no vote to count (no set made)
    for cand in cands:
        kind = cand.type
        if kind is not None and kind != only:
            if only is not None:
                return _voted_type(cands)
            only = kind
    return only or None


def _voted_type(cands: list[Candidate]) -> str | None:
    """The type with most evidence (a gazetteer hit counts 10 more), by name on a tie; a known
    company named by its web address makes its name without the address its own ("Amazon" of
    "Amazon.com" is no river)."""
    site = _known_site_name(cands)
    votes: dict[str, int] = {}
    for cand in cands:
        if cand.type:
            kind = "ORG" if site and cand.text == site else cand.type
            votes[kind] = votes.get(kind, 0) + cand.strength + (10 if cand.strength >= 3 else 0)
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], k))
