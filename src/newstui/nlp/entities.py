"""Named entities by rules: capitalised runs, gazetteers, titles and context cues, merged per article."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from newstui.model import Entity, Mention
from newstui.nlp.gazetteer import Gazetteer, load_gazetteer
from newstui.nlp.names import PARTICLES, canonical_key, strip_possessive
from newstui.nlp.segment import Token

CONNECTORS = frozenset({"of", "for", "and", "&"})
ORG_NOUNS = frozenset(
    "group company firm union party militia broadcaster newspaper agency charity bank lender carrier airline "
    "regulator chipmaker carmaker automaker retailer insurer club startup outlet platform organisation "
    "organization movement coalition conglomerate giant manufacturer publisher network app brand".split()
)
PLACE_NOUNS = frozenset(
    "facility base airport site plant region province district area suburb neighbourhood neighborhood".split()
)
SPEECH_VERBS = frozenset(
    "said says told added adds wrote writes stated states explained noted argued insisted warned claimed asked "
    "replied continued declared announced acknowledged admitted recalled remarked stressed emphasised "
    "emphasized suggested urged conceded agreed complained predicted posted tweeted cautioned confirmed "
    "accused called described praised criticised criticized".split()
)
_SUFFIX_CUES = {"based": "PLACE", "born": "PLACE", "headquartered": "PLACE"}
_ACRONYM = re.compile(r"[A-Z]{2,6}")


@dataclass
class Candidate:
    """One possible entity mention with typing evidence (strength 0 = untyped, 3 = gazetteer)."""

    start: int
    end: int
    text: str
    words: int
    type: str | None = None
    strength: int = 0
    votes: dict[str, int] = field(default_factory=dict)


def _is_cap(word: str) -> bool:
    first = word[0]
    if first.isupper():
        return True
    head, _, rest = word.partition("-")
    return bool(rest) and head.lower() in PARTICLES and rest[:1].isupper()


def _split_suffix(tok: Token) -> tuple[Token, str | None]:
    """'California-based' → ('California', 'PLACE'); 'Kremlin-backed' → ('Kremlin', None)."""
    head, sep, tail = tok.text.rpartition("-")
    if (
        sep
        and head
        and tail.islower()
        and head[0].isupper()
        and head.split("-")[0].lower() not in PARTICLES
    ):
        return Token(tok.start, tok.start + len(head), head, tok.sentence_start), _SUFFIX_CUES.get(
            tail
        )
    return tok, None


def _chunks(text: str, tokens: list[Token]) -> list[tuple[list[Token], list[str | None]]]:
    """Runs of capitalised words (with inner connectors and particles) separated only by spaces."""
    out, run, cues = [], [], []
    for i, raw in enumerate(tokens):
        tok, cue = _split_suffix(raw)
        lower = tok.text.lower()
        joinable = (
            run and text[run[-1].end : tok.start] == " " and not run[-1].text.endswith(("’s", "'s"))
        )
        is_inner = lower in CONNECTORS or lower in PARTICLES
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _is_cap(tok.text) and not (run and not joinable):
            run.append(tok)
            cues.append(cue)
        elif _is_cap(tok.text):
            out.append((run, cues))
            run, cues = [tok], [cue]
        elif joinable and is_inner and tok.text.islower() and nxt and _is_cap(nxt.text):
            run.append(tok)
            cues.append(None)
        else:
            if run:
                out.append((run, cues))
            run, cues = [], []
            continue
        if cue or (tok is not raw):
            out.append((run, cues))
            run, cues = [], []
    if run:
        out.append((run, cues))
    return [(r, c) for r, c in out if r]


class _EntityFinder:
    """Finds candidates in one text; a fresh instance per article."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.gaz: Gazetteer = load_gazetteer()
        self.lower_seen = {t.text for t in tokens if t.text.islower()}
        self.candidates: list[Candidate] = []
        self.heads = self.gaz.org_words | self.gaz.place_words

    def _surface(self, run: list[Token], i: int, n: int) -> tuple[int, int, str]:
        start, end = run[i].start, run[i + n - 1].end
        last = run[i + n - 1].text
        end -= len(last) - len(strip_possessive(last))
        return start, end, self.text[start:end]

    def _known(self, run: list[Token], i: int) -> int:
        for n in range(min(self.gaz.known_max_words, len(run) - i), 0, -1):
            if run[i + n - 1].text.islower() or run[i].text.islower():
                continue
            if self._surface(run, i, n)[2] in self.gaz.known:
                return n
        return 0

    def _title(self, run: list[Token], i: int) -> int:
        for n in range(min(self.gaz.title_max_words, len(run) - i), 0, -1):
            if " ".join(t.text for t in run[i : i + n]) in self.gaz.titles:
                return n
        return 0

    def scan(self) -> list[Candidate]:
        for run, cues in _chunks(self.text, self.tokens):
            self._scan_run(run, cues)
        return self.candidates

    def _drop_sentence_opener(self, run: list[Token]) -> list[Token]:
        first = run[0]
        lower = strip_possessive(first.text).lower()
        if not first.sentence_start or self._known(run, 0) or self._title(run, 0):
            return run
        if lower in self.gaz.common_words or lower in self.lower_seen:
            run = run[1:]
            while run and run[0].text.islower():
                run = run[1:]
        return run

    def _scan_run(self, run: list[Token], cues: list[str | None]) -> None:
        run = self._drop_sentence_opener(run)
        suffix_cue = cues[-1] if cues else None
        i, person_cue, pending, extending = 0, False, [], False
        while i < len(run):
            tok = run[i]
            n_known = 0 if extending else self._known(run, i)
            if n_known and (
                self._extends_to_named_head(run, i, n_known)
                or self._inside_name(run, i, n_known, pending)
            ):
                extending, n_known = True, 0
            if n_known:
                self._flush(pending, person_cue, suffix_cue if not pending else None)
                pending, person_cue = [], False
                self._add_known(run, i, n_known, suffix_cue if i + n_known == len(run) else None)
                i += n_known
                continue
            n_title = 0 if pending and not _is_title_start(tok) else self._title(run, i)
            if n_title and i + n_title < len(run):
                self._flush(pending, person_cue, None)
                pending, person_cue = [], True
                i += n_title
                continue
            if tok.text.islower() and tok.text in CONNECTORS and not self._joins(run, i, pending):
                self._flush(pending, person_cue, None)
                pending, person_cue, extending = [], False, False
            else:
                pending.append(tok)
            i += 1
        self._flush(pending, person_cue, suffix_cue)

    def _extends_to_named_head(self, run: list[Token], i: int, n: int) -> bool:
        """'Newcastle United', 'Emirates Stadium': a known name followed by words ending in a head noun."""
        rest = run[i + n :]
        if not rest or any(t.text.islower() and t.text not in CONNECTORS for t in rest):
            return False
        heads = self.heads
        words = [strip_possessive(t.text) for t in rest]
        if words[-1] in heads:
            return True
        return any(w in heads and nxt in ("of", "for") for w, nxt in pairwise(words))

    def _inside_name(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'Nathan Lyon' is a person, 'Universities UK' an organisation, despite the known last word."""
        if not pending or self.gaz.known[self._surface(run, i, n)[2]] == "NORP":
            return False
        if n == 1 and pending[-1].text in self.gaz.first_names:
            return True
        return i + n == len(run) and pending[-1].text in self.gaz.org_words

    def _joins(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        if not pending or i + 1 >= len(run):
            return False
        word = run[i].text
        heads = self.heads
        if word in ("of", "for"):
            if run[i + 1].text in self.gaz.first_names:
                return False
            return pending[-1].text in heads or any(t.text in ("of", "for") for t in pending)
        right = []
        for t in run[i + 1 :]:
            if t.text.islower():
                break
            right.append(t)
        if not right or self._known(run, i + 1):
            return False
        joined = any(t.text in ("of", "for") for t in pending)
        if joined:
            return len(right) <= 2
        return right[-1].text in heads and pending[-1].text not in heads

    def _add_known(self, run: list[Token], i: int, n: int, suffix_cue: str | None) -> None:
        start, end, surface = self._surface(run, i, n)
        cand = Candidate(start, end, surface, n, self.gaz.known[surface], 3)
        self.candidates.append(cand)

    def _flush(self, pending: list[Token], person_cue: bool, suffix_cue: str | None) -> None:
        while pending and (pending[-1].text.islower()):
            pending = pending[:-1]
        while pending and pending[0].text.islower() and pending[0].text in CONNECTORS:
            pending = pending[1:]
        if not pending:
            return
        start, end, surface = self._surface(pending, 0, len(pending))
        words = len(pending)
        if words == 1 and len(surface) == 1:
            cand = Candidate(start, end, surface, 1)
            if self._platform_cue(start):
                cand.type, cand.strength = "ORG", 2
                self.candidates.append(cand)
            return
        cand = Candidate(start, end, surface, words)
        cand.type, cand.strength = self._type_of(
            pending, surface, person_cue, suffix_cue, start, end
        )
        self.candidates.append(cand)

    def _type_of(
        self,
        toks: list[Token],
        surface: str,
        person_cue: bool,
        suffix_cue: str | None,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        gaz = self.gaz
        words = [strip_possessive(t.text) for t in toks]
        if words[0] == "The" and not person_cue:
            words = words[1:]
        if len(words) == 1 and words[0].lower() in gaz.common_words:
            return None, 0
        if person_cue:
            return "PERSON", 2
        if suffix_cue:
            return suffix_cue, 2
        if words[-1] in gaz.org_words:
            return "ORG", 2
        if words[-1] in gaz.place_words and len(words) > 1:
            return "PLACE", 2
        head = (
            words[: words.index("of")]
            if "of" in words
            else words[: words.index("for")]
            if "for" in words
            else []
        )
        if any(w in gaz.org_words for w in head):
            return "ORG", 2
        if any(w in gaz.place_words for w in head):
            return "PLACE", 2
        before = self.text[max(0, start - 60) : start].lower().split()
        after = self.text[end : end + 40]
        if before and before[-1] in ORG_NOUNS:
            return "ORG", 2
        if self._platform_cue(start):
            return "ORG", 2
        if re.match(r",\s+(\w[\w ]*?)\b", after):
            nxt = re.match(r",\s+((?:[A-Z][\w’']*\s?){1,3})", after)
            if nxt and gaz.known.get(nxt.group(1).strip()) == "PLACE" and len(words) <= 3:
                return "PLACE", 2
        rest_after = re.sub(r"^['’]s\b", "", after)
        next_word = rest_after.split(None, 1)[0].lower().strip(".,;:") if rest_after.strip() else ""
        if next_word in PLACE_NOUNS:
            return "PLACE", 1
        if next_word in ("mayor", "governor", "premier", "council", "capital") and after.startswith(
            ("'s", "’s")
        ):
            return "PLACE", 1
        if len(words) > 1 and any(_ACRONYM.fullmatch(w) for w in words):
            return "ORG", 1
        if len(words) > 1 and words[0] in gaz.first_names:
            return "PERSON", 2
        if len(words) > 1 and any(w in gaz.org_words for w in words):
            return "ORG", 1
        if 1 < len(words) <= 3 and not any(
            w.lower() in gaz.common_words or w.lower() in self.lower_seen for w in words
        ):
            return "PERSON", 1
        if len(before) >= 2 and before[-2:] == ["according", "to"]:
            return "ORG", 1
        if before and before[-1] == "told":
            return "ORG", 1
        if (
            before
            and before[-1] in ("of", "at", "for")
            and any(w in gaz.role_words for w in before[-5:-1])
        ):
            return "ORG", 1
        if next_word in SPEECH_VERBS or (before and before[-1] in SPEECH_VERBS):
            return "PERSON", 1
        if _ACRONYM.fullmatch(surface) and surface.lower() not in gaz.common_words:
            return "ORG", 1
        if (
            before
            and before[-1] in ("in", "near")
            and (len(before) < 2 or before[-2] not in _NOT_PLACE_BEFORE_IN)
        ):
            return "PLACE", 1
        return None, 0

    def _platform_cue(self, start: int) -> bool:
        before = self.text[max(0, start - 30) : start].lower().split()
        return (
            len(before) >= 2
            and before[-1] == "on"
            and before[-2] in ("posted", "wrote", "tweeted", "shared")
        )


_NOT_PLACE_BEFORE_IN = frozenset(
    "shares stake stakes investment investments interest role jobs job roles".split()
)


def _is_title_start(tok: Token) -> bool:
    return tok.text[0].isupper()


def merge_candidates(candidates: list[Candidate]) -> list[Entity]:
    """Group mentions of one entity: same key, a surname or first name of a full name, an acronym."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        groups[canonical_key(cand.text, "x")].append(cand)
    full_people: dict[str, list[str]] = defaultdict(list)
    initials: dict[str, list[str]] = defaultdict(list)
    for key, cands in groups.items():
        kind = _best_type(cands)
        words = key.split(":", 1)[1].split()
        longest = max(cands, key=lambda c: c.words)
        if kind == "PERSON" and len(words) > 1:
            full_people[words[-1]].append(key)
            full_people[words[0]].append(key)
        if kind in ("ORG", "PLACE") and longest.words > 1:
            caps = [w for w in longest.text.replace("-", " ").split() if w[:1].isupper()]
            initials["".join(w[0] for w in caps).upper()].append(key)
            initials["".join(w[0] for w in longest.text.replace("-", " ").split()).upper()].append(
                key
            )
    for key in list(groups):
        cands = groups[key]
        words = key.split(":", 1)[1].split()
        if len(words) != 1 or max(c.strength for c in cands) >= 3:
            continue
        surface = cands[0].text
        targets = set(full_people.get(words[0], []))
        if not targets and _ACRONYM.fullmatch(surface):
            targets = set(initials.get(surface, []))
        if len(targets) == 1:
            groups[targets.pop()].extend(groups.pop(key))
    entities = []
    for cands in groups.values():
        kind = _best_type(cands)
        if kind is None:
            continue
        name = max(cands, key=lambda c: (c.words, len(c.text), -c.start)).text
        mentions = tuple(
            sorted({Mention(c.start, c.end, c.text) for c in cands}, key=lambda m: m.start)
        )
        entities.append(Entity(name, kind, mentions))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def _best_type(cands: list[Candidate]) -> str | None:
    votes: dict[str, int] = defaultdict(int)
    for cand in cands:
        if cand.type:
            votes[cand.type] += cand.strength + (10 if cand.strength >= 3 else 0)
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], k))


def extract_entities(text: str, tokens: list[Token]) -> list[Entity]:
    """Entities of one article, each under its longest name, with every mention's offsets."""
    return merge_candidates(_EntityFinder(text, tokens).scan())
