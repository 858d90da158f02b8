"""Whether a text reads as English: the rules' language gate, apart from the rules so that a
reader asking it (`show`, the app's line under a byline) loads only the word counts, not the
whole extractor (nlp/rules.py keeps only what English bears out in another language)."""

from __future__ import annotations

import re
from typing import Final

from newstui.nlp.function_words import LONGEST, VOTES
from newstui.nlp.segment import word_case_counts, word_votes

# A text reads as English when " the ", " of " and " and " stand this often in its first
# _CUE_WINDOW characters, of its prose when a quote stands there (nearly every English article:
# reading its words costs 1-2% of the compiled extractor's instructions, these three searches a
# third of that)
_CUES_ENOUGH: Final = 3
_CUE_WINDOW: Final = 1000
# Else it reads as English once this many of its English function words are read (function_words)
# and they are at least twice its other languages' (an English text: within its first sentences)
_ENGLISH_ENOUGH: Final = 6
# Otherwise it reads as another language when those words are at least _OTHER_ENOUGH and more
# than three times the English ones ("Barnier said: « Je ne démissionnerai pas »." is English:
# three to one); or when it is prose (most words lower case and longer than three
# characters) this long with fewer English function words than one in _CHARS_A_WORD characters
# (English prose has one in about thirty): a language of no list
_OTHER_ENOUGH: Final = 3
# Prose outside the quotes too short to tell reads as another language when it holds this many
# of their words and no English one
_OTHER_LEANS: Final = 2
_LONG_TEXT: Final = 300
_CHARS_A_WORD: Final = 150
# A quoted stretch within a paragraph, by the marks of each language: “…” „…“ ”…” (Finnish,
# Swedish) «…» »…« ‹…› ‚…‘ (German, Czech) "…" 「…」 ‘…’ '…' (a single mark opens only where no
# letter stands before it, and within the quote stands only between two letters: "don't",
# ‘It’s’). Each alternative opens with its mark, so a search skips to those; each quote's search
# stops at the next mark that could open one, so a paragraph of unclosed marks costs one pass.
_QUOTED: Final = re.compile(
    r"“[^“”\n]*”|„[^„“”\n]*[“”]|”[^“”\n]*”|«[^«»\n]*»|»[^»«\n]*«|‹[^‹›\n]*›|‚[^‚‘’\n]*[‘’]"
    r'|"[^"\n]*"|「[^「」\n]*」'
    r"|‘(?<!\w‘)(?:[^‘’\n]|’(?<=\w’)(?=\w))*’(?!\w)"
    r"|'(?<!\w')(?:[^'\n]|'(?<=\w')(?=\w))*'(?!\w)"
)


def reads_as_english(text: str, declared: str | None = None) -> bool:
    """Whether the rules may read `text` as English: the function words of its own prose, what
    it quotes left out, are English ones, or too few to tell (an English article quoting a
    French sentence is English; a German one quoting Kennedy's English is German). `declared`:
    the language its feed or entry declares (a tag, "de", "fr-ca"): when that is another
    language than English, a text too short (or too mixed) to tell reads as that language;
    clear evidence wins over any declaration (feeds mislabel: many say "en-us" whatever they
    hold, and a wrong "de" does not make an English text German)."""
    window = min(len(text), _CUE_WINDOW)  # most English texts: three C searches, no word read
    if _cues(text, window) >= _CUES_ENOUGH and _QUOTED.search(text, 0, window) is None:
        return True
    foreign = declares_other_language(declared)  # then only evidence reads it as English
    prose = _QUOTED.sub(" ", text)
    if len(prose) < len(text):  # what it quotes left out, when its prose can tell
        verdict = _verdict(prose, guess=not foreign)
        if verdict is not None:
            return verdict
        if foreign:  # its own prose cannot tell: its declared language does, not its quotes
            return False
        english, other = word_votes(prose, VOTES, LONGEST, _ENGLISH_ENOUGH)
        if english == 0 and other >= _OTHER_LEANS:
            return False  # "… a cité Churchill devant les députés : « … » Selon lui, …"
    if foreign:
        return _verdict(text, guess=False) is True
    return _verdict(text) is not False  # a text all quotes: what it quotes tells


def declares_other_language(declared: str | None) -> bool:
    """Whether a declared language tag ("de", "fr-CA", "en_GB") names a language other than
    English; None (nothing declared) and any "en" do not."""
    if not declared:
        return False
    return declared.replace("_", "-").partition("-")[0].lower() != "en"


def _cues(text: str, window: int) -> int:
    """How often " the ", " of " and " and " stand in the first `window` characters of `text`."""
    cues = text.count(" the ", 0, window) + text.count(" of ", 0, window)
    return cues + text.count(" and ", 0, window)


def _verdict(text: str, guess: bool = True) -> bool | None:
    """Whether `text` reads as English (True), as another language (False), or too few of its
    words tell (None: a short text). `guess` False: a long text whose function words are too
    few either way is None too, not guessed from how many of its words are capitalised."""
    if _cues(text, min(len(text), _CUE_WINDOW)) >= _CUES_ENOUGH:
        return True
    english, other = word_votes(text, VOTES, LONGEST, _ENGLISH_ENOUGH)
    if english >= _ENGLISH_ENOUGH and english >= 2 * other:
        return True
    if other >= _OTHER_ENOUGH and other > 3 * english:
        return False  # "« Je ne démissionnerai pas », a affirmé Michel Barnier."
    if len(text) < _LONG_TEXT:
        return None
    if english * _CHARS_A_WORD >= len(text):
        return True
    if not guess:
        return None
    # prose of a language no list holds, not a list of names or scores ("Image: Ann Lee.")
    words, _, capital_or_short = word_case_counts(text)
    return (words - 1 - capital_or_short) * 2 < words
