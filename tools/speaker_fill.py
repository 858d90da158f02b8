"""A learned fill of missing speakers (issue 10): where the rules name nobody, a linear model
ranks the entities named near the quotation, and its best speaks if it beats nobody by a margin.

The candidates of a quotation are the people, bodies and places named in its sentence and the two
before or its paragraph and the one before (outside quotations), the rules' own choice, the rules'
previous speaker and nobody. Each is described by a few string features (where it stands, the
words around it, its type, whether the rules chose it, the last person named when "he said"
attributes the quote, how often the article names it); the weights are an averaged perceptron's, trained on the annotated sets by
tools/train_speakers.py and kept beside this file in speaker_fill.json. Pure Python, deterministic.
A tool, not part of the package: the extractor does not call it, because on rules-15 it loses in
cross-validation (README, "Who is speaking: a learned fill").
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from newstui.nlp.speaker_cues import SPEECH_AFTER, VERB
from newstui.nlp.speakers import SpeakerFinder

WEIGHTS_FILE: Final = "speaker_fill.json"
# The model's best speaks only when its score beats nobody's by more than this (chosen by
# leave-one-folder-out cross-validation on rules-14: README, "Who is speaking: a learned fill")
FILL_MARGIN: Final = 3.0
_WINDOW_SENTENCES: Final = 2  # candidates come from the quote's sentence and this many before it
# Words kept as themselves in "the word before/after a name" features; others by their shape
_CUE_WORDS: Final = frozenset(
    "said says told tells added according to by from of for at with and in on the a an his her "
    "their its spokesman spokeswoman spokesperson minister president leader chief official "
    "director statement interview quoted asked wrote posted tweeted".split()
)
_PREPOSITIONS: Final = frozenset("according to by from of for at with in on".split())
FILLING_TYPES: Final = frozenset(("PERSON", "ORG", "PLACE", "GROUP"))
# How the rules found a quote's speaker (SpeakerFinder.how) when the fill may give one: they found
# no attribution ("nobody"), or none for a short fragment. Where they found one that names no
# entity ("before"/"after": 'described by the council as', 'one resident said'), nobody stands.
_FILLABLE: Final = frozenset(("nobody", "short"))


def fillable(how: str, quote: str) -> bool:
    """Whether the fill may name a speaker for `quote`, which the rules found `how` and gave None:
    not a short fragment that is a name ('named it "Operation Clearwater"': no one's words)."""
    if how not in _FILLABLE:
        return False
    words = quote.split()
    return how != "short" or not words or not all(w[:1].isupper() for w in words)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible speaker of a quotation (None: nobody) and its features."""

    speaker: str | None
    features: tuple[str, ...]


def _bucket(n: int, edges: tuple[int, ...] = (0, 2, 5, 10, 20, 40)) -> str:
    last = 0
    for edge in edges:
        if n <= edge:
            return str(edge)
        last = edge
    return f">{last}"


def _shape(word: str) -> str:
    bare = word.lower().strip(",.;:")
    return bare if bare in _CUE_WORDS else ("<cap>" if word[:1].isupper() else "<w>")


def _word_before(masked: str, pos: int) -> str:
    if masked[pos - 1 : pos] in (",", "(", "—", "–"):
        return "<punct>"
    words = masked[max(0, pos - 30) : pos].split()
    return _shape(words[-1]) if words else "^"


def _word_after(masked: str, pos: int) -> str:
    rest = masked[pos : pos + 30]
    if rest[:1] in (",", ".", ";", ":", ")"):
        return "<punct>"
    if rest[:2] in ("'s", "’s"):
        return "<poss>"
    words = rest.split()
    return _shape(words[0]) if words else "$"


# A pronoun speaking right before the quote ("He said", ", she added") or right after it ("…," he said)
_PRONOUN_SAYS: Final = re.compile(
    rf"\b(?:he|she|they|He|She|They)\s+(?:[a-z]+ly\s+)?(?:{VERB.pattern})[\s,:]*$"
)
_SAYS_PRONOUN: Final = re.compile(
    rf"[\s,]*(?:(?:he|she|they)\s+(?:[a-z]+ly\s+)?(?:{VERB.pattern})|(?:{VERB.pattern})\s+(?:he|she|they)\b)"
)


def _quote_shape(quote: str) -> str:
    """What a quotation looks like: markup, a name (every word capitalised), one word, or words."""
    if any(c in quote for c in "|={}"):
        return "markup"
    words = quote.split()
    if len(words) <= 1:
        return "word"
    if all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "the", "for") for w in words):
        return "name"
    return "sentences" if any(w[-1:] in ".!?" for w in words[:-1]) else "words"


def _recency(finder: SpeakerFinder, start: int, end: int) -> dict[str, int]:
    """The people named in [start, end), numbered from the last named (0) back, up to 2."""
    order: dict[str, int] = {}
    for m in reversed(finder.mentions_in(start, end)):
        if m.entity.type == "PERSON" and m.entity.name not in order:
            order[m.entity.name] = min(len(order), 2)
    return order


def _article_counts(finder: SpeakerFinder) -> dict[str, int]:
    """How often each entity is named in the article (outside quotations)."""
    counts: dict[str, int] = {}
    for m in finder.mentions:
        counts[m.entity.name] = counts.get(m.entity.name, 0) + 1
    return counts


def _most_mentioned(counts: dict[str, int], types: dict[str, str], name: str) -> bool:
    """Whether `name` is the most named entity of its type in the article (ties included)."""
    kind = types.get(name)
    mine = counts.get(name, 0)
    return mine > 0 and all(c <= mine for n, c in counts.items() if types.get(n) == kind)


def candidates(finder: SpeakerFinder, k: int, rules: list[str | None]) -> list[Candidate]:
    """The candidates for quotation `k` of `finder` (nobody first), with their features;
    `rules` are the rules' speakers of every quotation (`finder.speakers()`)."""
    span = finder.spans[k]
    masked, sentences, paragraphs = finder.masked, finder.sentences, finder.paragraph_starts
    i_open = bisect.bisect_right(sentences, span.open_mark) - 1
    sent_start, sent_end = sentences[i_open], finder.sentence_bounds(span.close_mark)[1]
    par = bisect.bisect_right(paragraphs, span.open_mark) - 1
    how, rule, short = finder.how[k], rules[k], span in finder.short
    prev: str | None = None
    for earlier in reversed(rules[:k]):
        if earlier:
            prev = earlier
            break
    head, tail = masked[sent_start : span.open_mark], masked[span.close_mark + 1 : sent_end]
    verb_head = VERB.search(head) is not None
    context: tuple[str, ...] = (
        "bias",
        f"how={how}",
        f"short={short}",
        f"opens_par={par < 0 or not masked[paragraphs[par] : span.open_mark].strip()}",
        f"verb_tail={VERB.search(tail[:80]) is not None}",
        f"verb_head={verb_head}",
        f"colon={head.rstrip().endswith(':')}",
        f"rule_none={rule is None}",
    )
    nearest: dict[str, tuple[int, int, int]] = {}  # name → (distance, start, end) of its nearest
    counts: dict[str, int] = {}
    # the window: the quote's sentence and the two before, or its paragraph and the one before
    # when they reach further back
    window = min(sentences[max(0, i_open - _WINDOW_SENTENCES)], paragraphs[max(0, par - 1)])
    quote_words = len(finder.text[span.start : span.end].split())
    pronoun = _PRONOUN_SAYS.search(head) is not None or _SAYS_PRONOUN.match(tail) is not None
    recent = _recency(finder, window, span.open_mark)
    article = _article_counts(finder)
    context += (
        f"shape={_quote_shape(finder.text[span.start : span.end])}",
        f"shape={_quote_shape(finder.text[span.start : span.end])}&how={how}",
        f"qlen={_bucket(quote_words, (3, 8, 20, 40))}",
        f"pronoun={pronoun}",
        f"pronoun={pronoun}&how={how}",
    )
    for m in finder.mentions_in(window, sent_end):
        name = m.entity.name
        counts[name] = counts.get(name, 0) + 1
        if span.open_mark < m.end and m.start < span.close_mark:
            continue
        distance = (
            m.start - span.close_mark if m.start >= span.close_mark else span.open_mark - m.end
        )
        if name not in nearest or distance < nearest[name][0]:
            nearest[name] = (distance, m.start, m.end)
    out = [Candidate(None, tuple([f"none&{c}" for c in context]))]
    names = list(nearest)
    for extra in (rule, prev):
        if extra and extra not in nearest and extra not in names:
            names.append(extra)
    by_distance = sorted(nearest, key=lambda n: nearest[n][0])
    for name in names:
        kind = finder.types.get(name, "DESCRIBED")
        is_rule = name == rule
        feats = [
            "bias",
            f"type={kind}",
            f"rule={is_rule}",
            f"rule={is_rule}&how={how}",
            f"rule={is_rule}&type={kind}",
            f"prev={name == prev}",
            f"prev={name == prev}&how={how}",
        ]
        if name not in nearest:
            feats += ["far", f"far&how={how}"]
            out.append(Candidate(name, tuple(feats)))
            continue
        _, start, end = nearest[name]
        after = start >= span.close_mark
        i_m = bisect.bisect_right(sentences, start) - 1
        gap = masked[span.close_mark + 1 : start] if after else masked[end : span.open_mark]
        side = "after" if after else f"before{min(i_open - i_m, 2)}"
        wb, wa = _word_before(masked, start), _word_after(masked, end)
        speech_after = SPEECH_AFTER.match(masked, end) is not None
        subject = (
            i_m == i_open
            and not after
            and wb not in _PREPOSITIONS
            and not any(
                o.entity.type in ("PERSON", "ORG") for o in finder.mentions_in(sent_start, start)
            )
        )  # the first person or body of the quote's own sentence, not after a preposition
        following = masked[end : end + 20].split()[:1]
        ending = (
            following[0][-2:]
            if following and following[0].isalpha() and following[0].islower()
            else "-"
        )
        i_par = bisect.bisect_right(paragraphs, start) - 1
        pars_away = _bucket(abs(par - i_par), (0, 1))
        rank = recent.get(name, -1)
        most = _most_mentioned(article, finder.types, name)
        crossed_bare = any(
            not finder.mentions_in(paragraphs[p], paragraphs[p + 1])
            for p in range(min(par, i_par) + 1, max(par, i_par))
        )  # a paragraph naming nobody between them
        nearness = min(by_distance.index(name), 2)
        feats += [
            f"nearest={nearness}",
            f"nearest={nearness}&side={side}",
            f"nearest={nearness}&how={how}",
            f"pars={pars_away}",
            f"pars={pars_away}&type={kind}",
            f"recent={rank}&type={kind}",
            f"recent={rank}&pronoun={pronoun}",
            f"recent={rank}&pronoun={pronoun}&how={how}",
            f"most={most}",
            f"most={most}&how={how}",
            f"article_count={_bucket(article.get(name, 0), (1, 2, 4, 8))}",
            f"bare_par_crossed={crossed_bare}",
            f"qlen={_bucket(quote_words, (3, 8, 20, 40))}&side={side}",
            f"side={side}",
            f"side={side}&type={kind}",
            f"side={side}&dist={_bucket(len(gap.split()))}",
            f"side={side}&rule={is_rule}",
            f"par_crossed={bisect.bisect_right(paragraphs, start) - 1 != par}",
            f"wb={wb}",
            f"wa={wa}",
            f"side={side}&wb={wb}",
            f"side={side}&wa={wa}",
            f"speech_after={speech_after}",
            f"side={side}&speech_after={speech_after}",
            f"verbs_between={_bucket(len(VERB.findall(gap)), (0, 1))}",
            f"first_in_sentence={not finder.mentions_in(sentences[i_m], start)}",
            f"count={_bucket(counts[name], (1, 2))}",
            f"how={how}&side={side}",
            f"subject={subject}",
            f"subject={subject}&short={short}",
            f"subject={subject}&verb_head={verb_head}",
            f"ending={ending}&side={side}",
        ]
        out.append(Candidate(name, tuple(feats)))
    return out


def score(weights: dict[str, float], candidate: Candidate) -> float:
    """The linear model's score of one candidate."""
    total = 0.0
    for f in candidate.features:
        total += weights.get(f, 0.0)
    return total


def probabilities(weights: dict[str, float], options: list[Candidate]) -> list[float]:
    """Each candidate's probability of being the speaker under a logistic model (the softmax of
    the linear scores over the quotation's candidates)."""
    scores = [score(weights, c) for c in options]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def best(weights: dict[str, float], options: list[Candidate]) -> Candidate:
    """The highest-scoring candidate; a tie goes to the earlier one (nobody first): stable."""
    top, top_score = options[0], score(weights, options[0])
    for c in options[1:]:
        s = score(weights, c)
        if s > top_score:
            top, top_score = c, s
    return top


def fill_choice(
    weights: dict[str, float], options: list[Candidate], types: dict[str, str], margin: float
) -> str | None:
    """The model's speaker among `options` if it beats nobody by more than `margin` and is an
    entity of the article (`types`: its names' types), else None."""
    top = best(weights, options)
    if top.speaker is None or types.get(top.speaker) not in FILLING_TYPES:
        return None
    if score(weights, top) - score(weights, options[0]) > margin:
        return top.speaker
    return None


@cache
def shipped_weights() -> dict[str, float]:
    """The weights kept beside this file (tools/train_speakers.py --write)."""
    path = Path(__file__).with_name(WEIGHTS_FILE)
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return {str(f): float(w) for f, w in loaded["weights"].items()}


def filled_speakers(
    finder: SpeakerFinder,
    rules: list[str | None],
    weights: dict[str, float] | None = None,
    margin: float = FILL_MARGIN,
) -> list[str | None]:
    """`rules` (the rules' speakers of `finder`'s quotations) with the model's speaker where they
    name nobody and the model is sure enough; `rules` itself when nothing changes."""
    if None not in rules:
        return rules
    model = shipped_weights() if weights is None else weights
    out = rules
    for k, speaker in enumerate(rules):
        if speaker is not None:
            continue
        span = finder.spans[k]
        if not fillable(finder.how[k], finder.text[span.start : span.end]):
            continue
        choice = fill_choice(model, candidates(finder, k, rules), finder.types, margin)
        if choice is not None:
            if out is rules:
                out = list(rules)
            out[k] = choice
    return out
