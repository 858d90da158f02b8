"""Score newstui's entities against a silver PERSON/ORG/PLACE set made from the GUM corpus.

GUM (github.com/amir-zeldes/gum; annotations CC BY 4.0) annotates by hand every entity mention of
~200 English documents of many genres with a type and, for named ones, a Wikipedia identity. This
tool reads a local git mirror of it (nothing of GUM is shipped or committed), rebuilds each
document's text from its tokens, runs the extractor on it and prints per-type P/R/F1 of the
entities; `-v` lists the errors by class. It is text the rules were never tuned on, so its figure
is a check of how the rules generalise; the annotated work sets stay the reference.

The silver set, from `dep/*.conllu` (MISC `Entity=(id-etype-infstat-salience-centering-minspan-
link-identity`):
- a mention is *named* when its head token (the one whose syntactic head lies outside the mention)
  is a proper noun (UPOS PROPN), or is capitalised and the mention has a Wikipedia identity;
  nominal mentions ("the school", "the U.S. government": head "government") and pronouns are not;
- GUM `person` -> PERSON, `organization` -> ORG, `place` -> PLACE; other GUM types (abstract,
  object, event, ...) are not scored but are named when an extra entity is one of them;
- a mention made of titles only ("Mr. President", "Madam Speaker") or naming God is no name;
- a person mention whose head is plural ("the Romans", "the Kennedys") is a group of people, which
  newstui types GROUP or not at all: left out;
- one silver entity per GUM entity (its coreference chain) in a document; its names are the
  capitalised stretches of its named mentions without determiners, a trailing "'s" or leading
  titles ("Dr.", "President"), so "Dr. William Glennie", "William Glennie" and "Glennie" all name
  it. An extracted entity is right when its canonical key (`newstui.nlp.canonical_key`) is one of
  a same-typed silver entity's names' keys; a silver entity is found when one of its names is
  extracted with its type.
Where GUM's conventions differ from the project's (so the figure is a floor, not an exact score):
GUM types buildings, venues and vehicles' names as places or objects; it types a newspaper or a
band as an organisation where the project often does too; it nests place names inside names
("Aberdeen" inside "Aberdeen Grammar School"), which the project does not count as a mention.

Documents: every GUM genre but `news` (never read: the project keeps it blind, and the tool
refuses any GUM_news_ file) and `reddit` (its texts are not in the repository). Texts of the
non-commercial genres (fiction, whow, letter, podcast, essay) are read locally only.

Usage: PYTHONPATH=src python tools/gum_silver.py [--mirror DIR] [--genre bio ...] [-v]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newstui.nlp import canonical_key, get_extractor

MIRROR = Path("/work/.mirror/amir-zeldes+gum/repo")
COMMIT = "72ce5ac14978a324c2fd18d49484e65292cbe316"
GENRES = (
    "academic",
    "bio",
    "conversation",
    "court",
    "essay",
    "fiction",
    "interview",
    "letter",
    "podcast",
    "speech",
    "textbook",
    "vlog",
    "voyage",
    "whow",
)
BLIND_PREFIX = "GUM_news_"
TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
SCORED = ("PERSON", "ORG", "PLACE")
TITLES = frozenset(
    "Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Prof. Professor Sir Lord Lady Saint St. King Queen Prince "
    "Princess President Senator Governor General Captain Judge Justice Pope Rev. Father".split()
)
NOT_NAMES = frozenset({"God", "Devil", "Madam", "Speaker", "Mayor", "Chairman", "Mother"})
JOINERS = frozenset({"of", "and", "&", "de", "the", "for", "on", "du", "la", "van", "von", "al"})


@dataclass
class Token:
    form: str
    upos: str
    xpos: str
    feats: str
    head: int  # index in the document's token list, -1 for the root


@dataclass
class Entity:
    kind: str  # the GUM type
    named: bool = False
    names: set[str] = field(default_factory=set)


def _git(mirror: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(mirror), *args], capture_output=True, text=True, check=True
    ).stdout


def documents(mirror: Path, genres: tuple[str, ...]) -> list[str]:
    """The dep/ documents of `genres` (never a GUM_news_ one)."""
    names = []
    for path in _git(mirror, "ls-tree", "--name-only", COMMIT, "dep/").split():
        doc = path.removeprefix("dep/").removesuffix(".conllu")
        parts = doc.split("_")
        if len(parts) < 3 or parts[0] != "GUM" or parts[1] not in genres:
            continue
        assert not doc.startswith(BLIND_PREFIX) and "blind" not in doc.lower(), doc
        names.append(doc)
    return names


def _entity_marks(value: str) -> list[tuple[str, str, str | None, bool]]:
    """The openings and closings in one token's `Entity=` value: (id, kind, identity, closes now)
    for an opening, (id, "", None, True) for a closing."""
    marks: list[tuple[str, str, str | None, bool]] = []
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            spec = value[i + 1 : j].split("-", 7)
            closes = j < len(value) and value[j] == ")"
            identity = spec[7] if len(spec) > 7 and spec[7] else None
            marks.append((spec[0], spec[1] if len(spec) > 1 else "", identity, closes))
            i = j + 1 if closes else j
        elif value[i].isdigit():
            j = i
            while j < len(value) and value[j].isdigit():
                j += 1
            marks.append((value[i:j], "", None, True))
            i = j + 1
        else:
            i += 1
    return marks


def parse(conllu: str) -> tuple[str, dict[str, Entity]]:
    """The text of one document (paragraphs joined by a blank line) and its entities."""
    tokens: list[Token] = []
    paragraphs: list[list[tuple[str, bool]]] = []
    spans: list[tuple[str, str, str | None, int, int]] = []
    open_: dict[str, list[tuple[str, str | None, int]]] = defaultdict(list)
    sent_start = 0
    skip_to = 0
    for line in conllu.splitlines():
        if line.startswith("# newpar"):
            if not line.startswith("# newpar_block") or not paragraphs or paragraphs[-1]:
                paragraphs.append([])
        elif line.startswith("# sent_id"):
            sent_start = len(tokens)
            if not paragraphs:
                paragraphs.append([])
        elif line and line[0].isdigit():
            cols = line.split("\t")
            tid = cols[0]
            if "." in tid:
                continue
            no_space = "SpaceAfter=No" in cols[9]
            if "-" in tid:
                skip_to = int(tid.split("-")[1])
                paragraphs[-1].append((cols[1], no_space))
                continue
            if int(tid) > skip_to:
                paragraphs[-1].append((cols[1], no_space))
            head = int(cols[6])
            tokens.append(Token(cols[1], cols[3], cols[4], cols[5], sent_start + head - 1))
            at = len(tokens) - 1
            for part in cols[9].split("|"):
                if not part.startswith("Entity="):
                    continue
                for eid, kind, identity, closes in _entity_marks(part[7:]):
                    if kind:
                        open_[eid].append((kind, identity, at))
                    if closes and open_[eid]:
                        kind_, identity_, start = open_[eid].pop()
                        spans.append((eid, kind_, identity_, start, at + 1))
        elif not line:
            skip_to = 0
    text = "\n\n".join(
        "".join(form + ("" if no_space else " ") for form, no_space in para).strip()
        for para in paragraphs
        if para
    )
    entities: dict[str, Entity] = {}
    for eid, kind, identity, start, end in spans:
        entity = entities.setdefault(eid, Entity(kind))
        names = _mention_names(tokens, start, end, kind, identity)
        if names is not None:
            entity.named = True
            entity.names |= names
    return text, entities


def _mention_names(
    tokens: list[Token], start: int, end: int, kind: str, identity: str | None
) -> set[str] | None:
    """The names a named mention gives its entity, None when the mention is not named."""
    head = next((i for i in range(start, end) if not start <= tokens[i].head < end), start)
    word = tokens[head]
    capital = word.form[:1].isupper()
    if not (word.upos == "PROPN" or (identity and capital)):
        return None
    if word.upos == "PRON" or (not capital and word.upos != "PROPN"):
        return None
    if kind == "person" and (word.xpos == "NNPS" or "Number=Plur" in word.feats):
        return None  # a group of people ("the Romans"): GROUP or nothing in newstui
    forms = [t.form for t in tokens[start:end]]
    # capitalised stretches, joined across "of", "&", "de" ... between capitalised words
    names: set[str] = set()
    i = 0
    while i < len(forms):
        if not forms[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(forms) and (
            forms[j][:1].isupper()
            or forms[j] in ("'s", "’s", ".", "-")
            or (forms[j] in JOINERS and j + 1 < len(forms) and forms[j + 1][:1].isupper())
            or (forms[j : j + 2] == ["of", "the"] and forms[j + 2 : j + 3][:1] != [])
        ):
            j += 1
        run = forms[i:j]
        while run and run[-1] in ("'s", "’s", "-", "."):
            run = run[:-1]
        if run and run[0] in ("The", "A", "An"):
            run = run[1:]
        if run and not all(w in TITLES or w in NOT_NAMES for w in run):
            bare = run
            while len(bare) > 1 and bare[0] in TITLES:
                bare = bare[1:]
            names.add(" ".join(run))
            names.add(" ".join(bare))
        i = j
    whole = forms[1:] if forms[0] in ("the", "The", "a", "A", "an", "An") else forms
    while whole and whole[-1] in ("'s", "’s", ",", ".", "-"):
        whole = whole[:-1]
    if names and whole and whole[0][:1].isupper():
        names.add(" ".join(whole))  # the mention as a whole: "University of California, Berkeley"
    return {
        n.replace(" .", ".")
        .replace(" - ", "-")
        .replace(" ,", ",")
        .replace(" 's", "'s")
        .replace(" ’s", "’s")
        for n in names
    } or None


def silver(entities: dict[str, Entity]) -> dict[str, list[set[str]]]:
    """Per scored type, the name-key sets of the document's named silver entities."""
    out: dict[str, list[set[str]]] = {t: [] for t in SCORED}
    for entity in entities.values():
        kind = TYPES.get(entity.kind)
        if kind is None or not entity.named:
            continue
        out[kind].append({canonical_key(n, kind) for n in entity.names})
    return out


def other_named(entities: dict[str, Entity]) -> dict[str, str]:
    """Untyped key of every named GUM mention's name -> its GUM type, whatever the type."""
    out: dict[str, str] = {}
    for entity in entities.values():
        for name in entity.names:
            out.setdefault(canonical_key(name, "x"), entity.kind)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR, help="git mirror of amir-zeldes/gum")
    parser.add_argument("--genre", nargs="+", default=list(GENRES), choices=GENRES)
    parser.add_argument("--backend", default="rules")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the errors by class")
    args = parser.parse_args()
    if not (args.mirror / "HEAD").exists() and not (args.mirror / ".git").exists():
        raise SystemExit(f"{args.mirror}: no git mirror of amir-zeldes/gum (give --mirror)")
    extractor = get_extractor(args.backend)
    docs = documents(args.mirror, tuple(args.genre))
    counts: Counter[str] = Counter()
    errors: dict[str, list[str]] = defaultdict(list)
    words = 0
    for doc in docs:
        text, entities = parse(_git(args.mirror, "show", f"{COMMIT}:dep/{doc}.conllu"))
        words += len(text.split())
        gold = silver(entities)
        gum_types = other_named(entities)  # to say what GUM made of an extra entity
        analysis = extractor.analyse(text)
        pred = {t: {} for t in SCORED}  # type -> key -> name
        for e in analysis.entities:
            if e.type in SCORED:
                pred[e.type][canonical_key(e.name, e.type)] = e.name
        for kind in SCORED:
            known = set().union(*gold[kind]) if gold[kind] else set()
            counts[f"{kind}_gold"] += len(gold[kind])
            counts[f"{kind}_found"] += sum(bool(keys & pred[kind].keys()) for keys in gold[kind])
            counts[f"{kind}_pred"] += len(pred[kind])
            counts[f"{kind}_right"] += sum(key in known for key in pred[kind])
            for keys in gold[kind]:
                if keys & pred[kind].keys():
                    continue
                others = [
                    t
                    for t in SCORED
                    if t != kind
                    for k in keys
                    if k.replace(kind.lower(), t.lower(), 1) in pred[t]
                ]
                label = f"missed {kind} typed {others[0]}" if others else f"missed {kind}"
                errors[label].append(f"{doc}: {sorted(keys)[0].split(':', 1)[1]}")
            for key, name in pred[kind].items():
                if key in known:
                    continue
                gum = gum_types.get("x:" + key.split(":", 1)[1])
                label = f"extra {kind}, GUM {gum}" if gum else f"extra {kind}, no GUM mention"
                errors[label].append(f"{doc}: {name}")
    print(
        f"backend {extractor.name} {extractor.version} on {len(docs)} GUM documents "
        f"({words:,} words; genres {', '.join(args.genre)}) at {COMMIT[:12]}"
    )
    tot: Counter[str] = Counter()
    for kind in SCORED:
        g, f, p, r = (counts[f"{kind}_{x}"] for x in ("gold", "found", "pred", "right"))
        tot.update(gold=g, found=f, pred=p, right=r)
        _line(kind, g, f, p, r)
    _line("PER/ORG/PLACE", tot["gold"], tot["found"], tot["pred"], tot["right"])
    if args.verbose:
        for label in sorted(errors, key=lambda k: -len(errors[k])):
            print(f"\n== {label}: {len(errors[label])}")
            for line in errors[label]:
                print(f"  {line}")


def _line(kind: str, gold: int, found: int, pred: int, right: int) -> None:
    p = right / pred if pred else 1.0
    r = found / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(
        f"entities {kind:<13} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
        f"({right}/{pred} extracted right, {found}/{gold} silver found)"
    )


if __name__ == "__main__":
    sys.exit(main())
