"""Whether a text reads as English: the rules' language gate, apart from the rules so that a
reader asking it (`show`, the app's line under a byline) loads only the word counts, not the
whole extractor (nlp/rules.py keeps only what English bears out in another language)."""

from __future__ import annotations

from typing import Final

from newstui.nlp.function_words import LONGEST, VOTES
from newstui.nlp.segment import word_case_counts, word_votes

# A text reads as English when " the ", " of " and " and " stand this often in its first
# _CUE_WINDOW characters (nearly every English article: reading its words costs 1-2% of the
# compiled extractor's instructions, these three searches a third of that)
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
_LONG_TEXT: Final = 300
_CHARS_A_WORD: Final = 150


def reads_as_english(text: str) -> bool:
    """Whether the rules may read `text` as English: its function words are English ones, or
    too few to tell (an English article quoting a French sentence is English)."""
    window = min(len(text), _CUE_WINDOW)  # most English texts: three C searches, no word read
    cues = text.count(" the ", 0, window) + text.count(" of ", 0, window)
    if cues + text.count(" and ", 0, window) >= _CUES_ENOUGH:
        return True
    english, other = word_votes(text, VOTES, LONGEST, _ENGLISH_ENOUGH)
    if english >= _ENGLISH_ENOUGH and english >= 2 * other:
        return True
    if other >= _OTHER_ENOUGH and other > 3 * english:
        return False  # "« Je ne démissionnerai pas », a affirmé Michel Barnier."
    if len(text) < _LONG_TEXT or english * _CHARS_A_WORD >= len(text):
        return True
    # prose of a language no list holds, not a list of names or scores ("Image: Ann Lee.")
    words, _, capital_or_short = word_case_counts(text)
    return (words - 1 - capital_or_short) * 2 < words
