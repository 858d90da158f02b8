"""Whether a stored person's name is the person a query names, written with more or fewer names.

A person query ("Robert Mugabe", `quotes --speaker`, `person:`, `speaker:`) finds the stored
people whose key (folded: case, accents, punctuation and name particles gone) has the same
surname and the same first name, and whose middle names agree: a name without middle names
stands for one with any ("Robert Mugabe" is "Robert Gabriel Mugabe"); two names that both
have them need the same number, each the same word or its initial ("John F. Kennedy" is
"John Fitzgerald Kennedy", "George W. Bush" is not "George H. W. Bush"). An initial stands
for any name with its letter, a first name's too ("R. Mugabe"). A generation ("Jr.", "III")
is left out of the comparison unless both names have one. "Roberta Mugabe", "Grace Mugabe"
and "Robert Smith" are other people. A lone surname is no full name: see query_sql. A person
with two Spanish surnames is also found by the pair ("López Obrador") and by the first name
with the first surname ("Wanda Vázquez" for Wanda Vázquez Garced): _by_surnames.

A title or honorific typed before the name (TITLES: "President Trump", "Dr. Anthony Fauci",
"Prime Minister Boris Johnson") is dropped before it is compared (name_words). A surname, or a
name typed alone, also finds its spellings ending in y, i, yy, ii, iy or yi (spellings:
"Zelensky" is "Zelenskyy" and "Zelenskiy", "Dmitri" is "Dmitry"), only for a word of six
letters or more, so no first name or short surname finds another ("Terri" is not "Terry").
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Final

PERSON_KEY: Final = "PERSON:person:"  # how a stored person's key starts (entities.key)
GENERATIONS: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Titles and honorifics a reader types before a name, as a key folds them (lower case, no dots):
# dropped from the start of a person query while a name is left after them.
TITLES: Final = frozenset(
    {
        "president", "vice", "prime", "minister", "chancellor", "premier", "secretary",
        "senator", "sen", "congressman", "congresswoman", "rep", "representative", "governor",
        "gov", "mayor", "ambassador", "commissioner", "judge", "justice", "chief", "foreign",
        "finance", "defence", "defense", "health", "general", "gen", "admiral", "colonel", "col",
        "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "dr", "doctor", "prof",
        "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "pope",
        "cardinal", "archbishop", "bishop", "rev", "reverend", "father", "rabbi", "imam",
        "ayatollah", "sheikh", "king", "queen", "prince", "princess", "emperor", "former",
    }
)  # fmt: skip
# the endings one spelling of a name has where another has another (Zelensky, Zelenskyy, Zelenskiy)
ENDINGS: Final = ("y", "i", "yy", "ii", "iy", "yi")
SPELT_FROM: Final = (
    6  # letters a word needs for its ending to vary (Dmitri/Dmitry, not Terri/Terry)
)


def name_words(words: str) -> list[str]:
    """The words of a typed person name (a key's, folded) without the titles before it: "president
    donald trump" is "donald trump"; a title alone ("general") is kept."""
    parts = words.split()
    while len(parts) > 1 and parts[0] in TITLES:
        parts = parts[1:]
    return parts


def spellings(word: str) -> list[str]:
    """The word and the spellings of it that differ only by the ending (ENDINGS): "zelensky" is
    also "zelenskyy", "zelenskiy", …; a shorter word, or one ending otherwise, only itself."""
    stem = word.rstrip("iy")
    if len(word) < SPELT_FROM or stem == word or len(stem) < SPELT_FROM - 2:
        return [word]
    return [word, *(stem + ending for ending in ENDINGS if stem + ending != word)]


def same_spelling(a: str, b: str) -> bool:
    """Whether two name words are one name (equal, or spellings of it)."""
    return a == b or (len(a) >= SPELT_FROM and b in spellings(a))


# Spanish names give two surnames, the father's then the mother's ("Andrés Manuel López Obrador"),
# and the news writes the pair ("López Obrador") or the given name with the first one ("Wanda
# Vázquez" for Wanda Vázquez Garced). A stored name's next-to-last word is read as a first surname
# when it looks like one: a patronymic in -ez (López, Vázquez, Pérez, González …) or one of these
# (as keys fold them); an English middle name ("Tommy Lee Jones", "Mary Ann Lee") is none.
FIRST_SURNAMES: Final = frozenset(
    {
        "garcia", "pena", "calderon", "torres", "ruiz", "diaz", "moreno", "castro", "ortega",
        "morales", "rojas", "vargas", "herrera", "medina", "castillo", "romero", "navarro",
        "ramos", "reyes", "guzman", "mendoza", "rivera", "aguilar", "ortiz", "delgado", "molina",
        "rubio", "iglesias", "munoz", "duque", "sanz", "cabrera", "guerrero", "salinas", "zapata",
    }
)  # fmt: skip


# given names that end as the patronymics do ("Mary Inez Smith" is no Smith of two surnames)
GIVEN_IN_EZ: Final = frozenset({"inez", "ynez", "agnez", "ignez"})


def _first_surname(word: str) -> bool:
    """Whether a (folded) name word reads as the first of two Spanish surnames."""
    if word in GIVEN_IN_EZ:
        return False
    return (len(word) >= 4 and word.endswith("ez")) or word in FIRST_SURNAMES


def _by_surnames(stored: list[str], wanted: list[str]) -> bool:
    """Whether `wanted` names a stored person of two Spanish surnames as the news writes them:
    both surnames, after none or some of the given names ("lopez obrador", "manuel lopez
    obrador" for "andres manuel lopez obrador"), or the first name and the first surname
    ("wanda vazquez" for "wanda vazquez garced")."""
    if len(stored) > 3 and stored[-1] in GENERATIONS:
        stored = stored[:-1]
    if len(stored) < 3 or len(wanted) < 2 or not _first_surname(stored[-2]):
        return False
    given = stored[:-2]
    if wanted[-2] == stored[-2] and same_spelling(stored[-1], wanted[-1]):  # the pair
        return len(wanted) < len(stored) and all(name in given for name in wanted[:-2])
    return len(wanted) == 2 and wanted[1] == stored[-2] and _same_word(stored[0], wanted[0])


def _parts(words: list[str]) -> tuple[str, list[str], str, str] | None:
    """(first name, middle names, surname, generation or ''), None for fewer than two names."""
    generation = ""
    if len(words) > 2 and words[-1] in GENERATIONS:
        generation = words[-1]
        words = words[:-1]
    if len(words) < 2:
        return None
    return words[0], words[1:-1], words[-1], generation


def _same_word(a: str, b: str) -> bool:
    """The same name, or one is the other's initial."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def same_person(stored: str | None, wanted: str | None) -> bool:
    """SQL same_person(key, words): whether the stored key (`PERSON:person:robert gabriel
    mugabe`, or its words alone) names the person of `wanted`'s words (`robert mugabe`)."""
    if not stored or not wanted:
        return False
    stored_words = stored.rpartition(":")[2].split()
    wanted_words = wanted.rpartition(":")[2].split()
    if _by_surnames(stored_words, wanted_words):
        return True
    one, other = _parts(stored_words), _parts(wanted_words)
    if one is None or other is None:
        return False
    first, middle, surname, generation = one
    first2, middle2, surname2, generation2 = other
    if not same_spelling(surname, surname2) or not _same_word(first, first2):
        return False
    if generation and generation2 and generation != generation2:
        return False
    if middle and middle2:
        return len(middle) == len(middle2) and all(map(_same_word, middle, middle2))
    return True


def full_name(key: str) -> tuple[str, str, str] | None:
    """For a person key typed in a query that is a full name (two words or more): its words
    (what same_person compares), its first name and its surname (where the stored candidates
    are looked up); None for any other key."""
    if not key.startswith(PERSON_KEY):
        return None
    words = " ".join(name_words(key[len(PERSON_KEY) :]))
    parts = _parts(words.split())
    return None if parts is None else (words, parts[0], parts[2])


def one_name(key: str) -> str | None:
    """For a person key typed in a query that is one name once titles are dropped ("tedros",
    "president trump"), that name; None for any other key."""
    if not key.startswith(PERSON_KEY):
        return None
    words = name_words(key[len(PERSON_KEY) :])
    return words[0] if len(words) == 1 else None


_NOT_A_NAME_CHARACTER: Final = re.compile(r"[^\w\s]+")


def written_name_words(name: str) -> list[str]:
    """A name as an article wrote it (a quote's speaker with no entity) folded as keys are:
    case, accents, apostrophes and punctuation gone, titles before it dropped ("Mr. José
    Ramos-Horta" is "jose ramos horta")."""
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("'", "")
    return name_words(_NOT_A_NAME_CHARACTER.sub(" ", plain).replace("_", " ").casefold())


@lru_cache(maxsize=64)
def _wanted(wanted: str) -> tuple[list[str], set[str]]:
    full, alone = json.loads(wanted)
    return full, set(alone)


def named_speaker(speaker: str | None, wanted: str) -> bool:
    """SQL named_speaker(speaker, wanted): whether a speaker as written names a person a query
    wants, by the rules a stored person is found by (same_person for a full name, any of its
    names for a name alone). `wanted`: JSON [full names' words, names alone (with their
    spellings)], as speaker_wanted makes it."""
    if not speaker:
        return False
    full, alone = _wanted(wanted)
    words = written_name_words(speaker)
    if alone.intersection(words):
        return True
    joined = " ".join(words)
    return any(same_person(joined, name) for name in full)


def speaker_wanted(keys: tuple[str, ...]) -> str | None:
    """named_speaker's `wanted` for these query keys (NameKeys entries), None when they name no
    person."""
    full = [name[0] for name in map(full_name, keys) if name is not None]
    alone = [spelt for name in map(one_name, keys) if name is not None for spelt in spellings(name)]
    return json.dumps([full, alone]) if full or alone else None
