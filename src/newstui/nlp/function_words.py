"""Function words that tell an English text from one in another language (rules.py's gate).

The rules read English: their verbs of saying, titles, word lists and capitalisation cues are
English ones. A text whose function words are another language's gets only what does not rest
on English (see rules.py `outside_english`). Each list leaves out the words the other languages,
or names, share with it: "in", "on", "to", "a", "was", "is", "will", "die", "met" are words
of German, Dutch, French or Polish too; "de", "la", "le", "del", "da", "di", "van", "von", "der",
"den", "el", "al", "des", "das", "dos" open names in English news ("Ursula von der Leyen").
"""

from __future__ import annotations

from typing import Final

# Common in any English prose, none of them a word of the languages below; each also capitalised
# and in capitals ("THE": a text written in capitals is English too).
_ENGLISH_WORDS: Final = (
    "the of and that with said says told are were has have his her he she they their would from "
    "this which who been not it its I we you our there but after about"
).split()
ENGLISH: Final = frozenset(
    spelt for word in _ENGLISH_WORDS for spelt in (word, word.capitalize(), word.upper())
)
# Common function words of German, French, Spanish, Italian, Portuguese, Dutch, Turkish and
# Polish, lower case (capitalised, "Die", "Los", "Les" open English names and titles, but for a
# few)…
_LATIN_WORDS: Final = (
    "les une est pas ne je nous vous il elle qui que dans sur avec aux cette sont été mais "
    "selon leur "  # French
    "los las una es en y por para con se su lo como pero más fue dijo según este esta "
    "sus "  # Spanish
    "che della delle sono è gli nel nella anche ha hanno alla degli "  # Italian
    "os uma não com ao mais foi disse também pela pelo seu sua são "  # Portuguese
    "und ist nicht mit ein eine sich auf dem einem einen bis zu sie wir werden wird hat "
    "auch sagte bei nach für über vom zum zur im "  # German
    "het een niet zijn voor op ook te naar om aan bij wordt werd zei heeft maar nog "  # Dutch
    "ve bir bu için ile olarak olan çok daha gibi ancak dedi ise "  # Turkish
    "i na się że nie jest od po jak przez dla są który które tym tak "  # Polish
    # verbs of saying after a quote, of no English sentence ("«…», ha detto Giorgetti")
    "déclaré affirmé souligné afirmó declaró aseguró señaló explicó añadió detto dichiarato "
    "affermato spiegato afirmou declarou garantiu acrescentou erklärte betonte verklaarde aldus "
    "powiedział powiedziała stwierdził stwierdziła dodał dodała "
    # capitalised: pronouns and adverbs that open a sentence, no English name
    "Je Nous Vous Ich Wir Ik Wij Pero Según Selon"
).split()
# … and of Greek and Russian, capitalised too (no English name is written in their letters)
_GREEK_CYRILLIC_WORDS: Final = (
    "και το η ο της του να με σε για που ότι τα οι την των από δεν θα είπε στο στην τον "
    "δήλωσε τόνισε ανέφερε "
    "и в не на что с по о как это из за от для он она но к а его до также заявил сказал "
    "заявила сказала отметил отметила"
).split()
OTHER: Final = frozenset(
    [*_LATIN_WORDS, *_GREEK_CYRILLIC_WORDS, *(w.capitalize() for w in _GREEK_CYRILLIC_WORDS)]
)
# Each word's vote: True for English, False for another language.
VOTES: Final = {word: False for word in OTHER} | {word: True for word in ENGLISH}
LONGEST: Final = max(map(len, VOTES))
