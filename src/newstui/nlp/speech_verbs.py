"""Verbs of saying and the words around them in other languages than English: the quote-first
form of European news, "„…“, sagte Friedrich Merz", "« … », a affirmé Michel Barnier" (rules.py
`outside_english` gives such a quote to the person named after the verb).

Data only: the commonest verbs of each language (past and present tense, masculine and feminine
where they differ), the articles and possessives that may stand before a speaker's title, and
the words that say the name after the verb is not the speaker ("sagte er nach einem Treffen mit
…", "dijo tras reunirse con …").
"""

from __future__ import annotations

from typing import Final

# Each language's verbs of saying that follow a quote, with their auxiliary where the tense
# takes one ("a affirmé", "ha detto")
SPEECH_VERBS: Final = (
    # German
    "sagte",
    "sagt",
    "erklärte",
    "erklärt",
    "betonte",
    "betont",
    "meinte",
    "so",
    # French
    "a déclaré",
    "a affirmé",
    "a dit",
    "a ajouté",
    "a expliqué",
    "a souligné",
    "a estimé",
    "a assuré",
    "a indiqué",
    "a répondu",
    "a lancé",
    "a reconnu",
    "a raconté",
    "a confié",
    "a précisé",
    "a insisté",
    "a martelé",
    "a prévenu",
    "a rappelé",
    "a poursuivi",
    "a commenté",
    "a regretté",
    "a dénoncé",
    "a réagi",
    "a jugé",
    "déclare",
    "affirme",
    "explique",
    "estime",
    "souligne",
    "ajoute",
    "précise",
    "poursuit",
    "raconte",
    "confie",
    "rappelle",
    "insiste",
    # Spanish
    "dijo",
    "afirmó",
    "declaró",
    "aseguró",
    "señaló",
    "explicó",
    "añadió",
    "indicó",
    "subrayó",
    "sostuvo",
    "advirtió",
    "agregó",
    "destacó",
    # Italian
    "ha detto",
    "ha dichiarato",
    "ha affermato",
    "ha spiegato",
    "ha aggiunto",
    "ha sottolineato",
    "ha commentato",
    "ha ribadito",
    "dice",
    # Portuguese
    "disse",
    "afirmou",
    "declarou",
    "garantiu",
    "explicou",
    "acrescentou",
    "referiu",
    "sublinhou",
    # Dutch
    "zei",
    "zegt",
    "aldus",
    "verklaarde",
    "stelde",
    "benadrukte",
    # Swedish, Danish, Norwegian, Finnish
    "sa",
    "sade",
    "säger",
    "sagde",
    "siger",
    "sier",
    "sanoi",
    "sanoo",
    # Polish
    "powiedział",
    "powiedziała",
    "stwierdził",
    "stwierdziła",
    "dodał",
    "dodała",
    "podkreślił",
    "podkreśliła",
    "zaznaczył",
    "zaznaczyła",
    "oświadczył",
    "oświadczyła",
    "mówi",
    # Czech
    "řekl",
    "řekla",
    "uvedl",
    "uvedla",
    # Greek
    "δήλωσε",
    "είπε",
    "τόνισε",
    "ανέφερε",
    "σημείωσε",
    "υπογράμμισε",
    "πρόσθεσε",
    # Russian
    "сказал",
    "сказала",
    "заявил",
    "заявила",
    "отметил",
    "отметила",
    "подчеркнул",
    "подчеркнула",
    "добавил",
    "добавила",
    "сообщил",
    "сообщила",
    "пояснил",
    "пояснила",
    # Ukrainian
    "сказав",
    "заявив",
    "зазначив",
    "зазначила",
    "додав",
    "додала",
)

# Articles, possessives and courtesy titles before a speaker's title or name ("dijo la ministra
# …", "δήλωσε ο πρόεδρος", "a déclaré pour sa part …", "a dit M. Barnier"): not counted among
# the words between the verb and the name
SPEAKER_ARTICLES: Final = frozenset(
    "der die den dem des ein eine einer "  # German
    "le la les l' un une du sa son ses "  # French
    "el los las una su sus "  # Spanish
    "il lo gli i suo "  # Italian
    "o a os as um uma seu sua do da "  # Portuguese
    "de het een zijn haar "  # Dutch
    "ο η οι του της τον την των "  # Greek
    "M. Mme Mme. Dr. Dr Prof. Sr. Sra. Hr. Fr. Herr Frau".split()  # a name's courtesy title
)

# Words after the verb that say its subject is another (a pronoun: "sagte er am Montag") or that
# what follows is not the speaker ("a déclaré après avoir rencontré …", "dijo tras …", "so dass
# …": a clause of its own)
NOT_THE_SPEAKER: Final = frozenset(
    "dass daß que che że что ότι dat att että "
    "er sie es ihm ihr nach vor während gegenüber laut "  # German
    "elle lui après avant lors devant face pendant à au "  # French ("il": Italian article)
    "él ella tras después antes ante durante "  # Spanish
    "lei egli dopo prima davanti "  # Italian
    "ele ela após perante "  # Portuguese
    "hij zij ze na tijdens "  # Dutch
    "han hon hän "  # Swedish, Finnish
    "on ona ono po przed podczas "  # Polish, Russian in Latin letters
    "он она они после перед во при "  # Russian
    "αυτός αυτή μετά πριν κατά".split()  # Greek
)
