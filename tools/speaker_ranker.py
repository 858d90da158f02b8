"""Speaker candidates and their features, for a learned ranker of who speaks (issue 10).

For each quotation the candidates are the people, bodies and places named near it outside
quotations, the rules' own choice, the rules' previous speaker and nobody (None). Each has a few
string features: where it stands, the words around it, its type, whether the rules chose it. A
linear model scores them; train_speakers.py (beside this file) trains one on the annotated sets
and prints its cross-validation against the rules. The extractor does not use it: it gained
nothing over the rules (README, "Who is speaking: a learned ranker"). Pure Python, deterministic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newstui.nlp.speakers import SPEECH_AFTER, VERB, SpeakerFinder

_WINDOW_SENTENCES = 2  # candidates come from the quote's sentence and this many before it
# Words kept as themselves in "the word before/after a name" features; others by their shape
_CUE_WORDS = frozenset(
    "said says told tells added according to by from of for at with and in on the a an his her "
    "their its spokesman spokeswoman spokesperson minister president leader chief official "
    "director statement interview quoted asked wrote posted tweeted".split()
)
_PREPOSITIONS = frozenset("according to by from of for at with in on".split())


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of a quotation (None: nobody) and its features."""

    speaker: str | None
    features: tuple[str, ...]


def _bucket(n: int, edges: Iterable[int] = (0, 2, 5, 10, 20, 40)) -> str:
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


def candidates(finder: SpeakerFinder, k: int, rules: list[str | None]) -> list[Candidate]:
    """The candidates for quotation `k` of `finder` (nobody first), with their features;
    `rules` are the rules' speakers of every quotation (`finder.speakers()`)."""
    span = finder.spans[k]
    masked, sentences, paragraphs = finder.masked, finder.sentences, finder.paragraph_starts
    i_open = bisect.bisect_right(sentences, span.open_mark) - 1
    sent_start, sent_end = sentences[i_open], finder.sentence_bounds(span.close_mark)[1]
    par = bisect.bisect_right(paragraphs, span.open_mark) - 1
    how, rule, short = finder.how[k], rules[k], span in finder.short
    prev = next((s for s in reversed(rules[:k]) if s), None)
    head, tail = masked[sent_start : span.open_mark], masked[span.close_mark + 1 : sent_end]
    verb_head = VERB.search(head) is not None
    context = (
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
    for m in finder.mentions_in(sentences[max(0, i_open - _WINDOW_SENTENCES)], sent_end):
        name = m.entity.name
        counts[name] = counts.get(name, 0) + 1
        if span.open_mark < m.end and m.start < span.close_mark:
            continue
        distance = (
            m.start - span.close_mark if m.start >= span.close_mark else span.open_mark - m.end
        )
        if name not in nearest or distance < nearest[name][0]:
            nearest[name] = (distance, m.start, m.end)
    out = [Candidate(None, tuple(f"none&{c}" for c in context))]
    names = list(nearest) + [n for n in dict.fromkeys((rule, prev)) if n and n not in nearest]
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
        feats += [
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


def score(weights: Mapping[str, float], candidate: Candidate) -> float:
    """The linear model's score of one candidate."""
    return sum(weights.get(f, 0.0) for f in candidate.features)


def best(weights: Mapping[str, float], options: list[Candidate]) -> Candidate:
    """The highest-scoring candidate; a tie goes to the earlier one (nobody first): stable."""
    top, top_score = options[0], score(weights, options[0])
    for c in options[1:]:
        s = score(weights, c)
        if s > top_score:
            top, top_score = c, s
    return top
