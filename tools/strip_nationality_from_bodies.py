"""List, and with --write change, the annotated organisations that keep a nationality before a
state's executive organ, so every non-blind set follows one convention (round 52; issue 10:
"titles and nationalities stripped from names but kept as context").

The convention (wikinews-dev9/README.md, "Conventions followed"): a nationality's word written
before a ministry, a government department or a British-style office of state ("the Israeli
Defense Ministry", "the Finnish Ministry for Foreign Affairs", "the Australian Department of
Immigration", "the British Foreign Office") says whose the organ is: it is context, not part of
the body's name. The organisation is annotated without it (`Defense Ministry`, `Ministry for
Foreign Affairs`, `Department of Immigration`, `Foreign Office`), and the nationality is a GROUP
of its own in the sets that annotate groups. Other bodies keep a nationality that opens the name
they are known by (`Australian Labor Party`, `British Army`, `Canadian Press`, `Norwegian
Parliament`).

A parliament or a government annotated by its bare word where the text writes it only after one
nationality ("the Canadian Parliament" → `Parliament`) gets the nationality back.
For each case this script renames the entity (or drops it where the article's annotation
already holds the organ's bare name, the two being one body), renames it as the speaker of its
quotes, and adds the GROUP where the set annotates groups and the article has no entry for the
nationality (its singular or plural). Every change is printed; a file is written back in the
form it was read in. Blind sets are never opened (tools/blind_sets.py): only the folders named in
SETS are read, and the script refuses a blind one.

Usage: python tools/strip_nationality_from_bodies.py [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind_sets import is_blind  # a tools/ sibling

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlp"
DEMONYMS = ROOT / "src" / "newstui" / "nlp" / "data" / "demonyms.txt"
# The non-blind annotated sets (the work sets, the check set wikinews-dev11, wikinews-dev12)
SETS = (
    DATA,
    DATA / "dev2",
    DATA / "heldout",
    DATA / "wikinews-dev",
    *(DATA / f"wikinews-dev{n}" for n in range(3, 13)),
)
# The state's bodies that keep a nationality opening their name: a parliament, a government
KEEPING_BODIES = frozenset("Parliament Government".split())
# A ministry's or department's head word: "Foreign Ministry", "Ministry of Defence"
ORGAN_HEADS = frozenset("Ministry Ministries Department".split())
# The offices of state named by what they do (British usage)
OFFICES = frozenset(
    ("Foreign Office", "Home Office", "Cabinet Office", "War Office", "Colonial Office",
     "Foreign and Commonwealth Office", "Northern Ireland Office", "Scotland Office")
)  # fmt: skip


def demonyms() -> frozenset[str]:
    """The nationalities' words of the shipped list (nlp/data/demonyms.txt)."""
    lines = DEMONYMS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def organ_without_nationality(name: str, peoples: frozenset[str]) -> tuple[str, str] | None:
    """(nationality, organ) when `name` is a nationality's word and a state's executive organ
    ("Turkish Foreign Ministry" → ("Turkish", "Foreign Ministry")), else None."""
    first, _, rest = name.partition(" ")
    if first not in peoples or not rest:
        return None
    words = rest.split()
    if rest in OFFICES or (len(words) >= 2 and words[-1] in ORGAN_HEADS):
        return first, rest
    if len(words) >= 3 and words[0] in ORGAN_HEADS and words[1] in ("of", "for"):
        return first, rest
    return None


def _dumps_like(article: dict, raw: str) -> Callable[[dict], str]:
    """How `raw` was written from `article`: json.dumps with its indent, and its final newline."""
    newline = "\n" if raw.endswith("\n") else ""
    for indent in (1, 2, None):
        for ascii_only in (False, True):
            if raw == json.dumps(article, indent=indent, ensure_ascii=ascii_only) + newline:
                return partial(_dumps, indent=indent, ascii_only=ascii_only, newline=newline)
    raise SystemExit(f"cannot tell how the file was written: {raw[:40]!r}")


def _dumps(article: dict, indent: int | None, ascii_only: bool, newline: str) -> str:
    return json.dumps(article, indent=indent, ensure_ascii=ascii_only) + newline


def fix_article(article: dict, peoples: frozenset[str], groups: bool) -> list[str]:
    """Change `article` in place to the convention; what was changed, one line each."""
    changes: list[str] = []
    entities = article["entities"]
    for entity in list(entities):
        found = (
            organ_without_nationality(entity["name"], peoples) if entity["type"] == "ORG" else None
        )
        if found is None:
            continue
        people, organ = found
        old = entity["name"]
        same = next((e for e in entities if e["name"] == organ), None)
        if same is not None and same["type"] != "ORG":
            changes.append(f"LEFT {old!r}: {organ!r} is annotated {same['type']}")
            continue
        if same is not None:
            entities.remove(entity)
            changes.append(f"{old!r} ORG → {organ!r} (already annotated: one body)")
        else:
            entity["name"] = organ
            changes.append(f"{old!r} ORG → {organ!r}")
        for quote in article["quotes"]:
            if quote["speaker"] == old:
                quote["speaker"] = organ
                changes.append(f"  speaker of {quote['text'][:40]!r}… → {organ!r}")
        names = {e["name"] for e in entities}
        if groups and people not in names and people + "s" not in names:
            entities.append({"name": people, "type": "GROUP"})
            changes.append(f"  + {people!r} GROUP")
    return changes


def restore_nationality(article: dict, peoples: frozenset[str]) -> list[str]:
    """The other way: a parliament or government annotated by its bare word ("Parliament")
    where the text writes it only after one nationality ("the Canadian Parliament") gets its
    nationality back, as the convention keeps it; the nationality's GROUP entry goes when the
    text names the people nowhere else."""
    changes: list[str] = []
    text, entities = article["text"], article["entities"]
    for entity in list(entities):
        name = entity["name"]
        if entity["type"] != "ORG" or name not in KEEPING_BODIES:
            continue
        before = {m.group(1) for m in re.finditer(rf"(?:\b(\w+) )?\b{re.escape(name)}\b", text)}
        people = next(iter(before)) if len(before) == 1 else None
        if people is None or people not in peoples:
            continue
        whole = f"{people} {name}"
        if any(e["name"] == whole for e in entities):
            continue
        entity["name"] = whole
        changes.append(f"{name!r} ORG → {whole!r}")
        for quote in article["quotes"]:
            if quote["speaker"] == name:
                quote["speaker"] = whole
                changes.append(f"  speaker of {quote['text'][:40]!r}… → {whole!r}")
        alone = re.findall(rf"\b{re.escape(people)}s?\b(?! {re.escape(name)}\b)", text)
        group = next((e for e in entities if e["name"] == people and e["type"] == "GROUP"), None)
        if group is not None and not alone:
            entities.remove(group)
            changes.append(f"  - {people!r} GROUP (named only inside {whole!r})")
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the changed files back")
    args = parser.parse_args(argv)
    peoples = demonyms()
    total = 0
    for folder in SETS:
        if is_blind(folder.name):
            raise SystemExit(f"{folder.name}: a blind set, never read here")
        paths = sorted(folder.glob("*.json"))
        articles = {p: p.read_text(encoding="utf-8") for p in paths}
        parsed = {p: json.loads(raw) for p, raw in articles.items()}
        groups = any(e["type"] == "GROUP" for a in parsed.values() for e in a["entities"])
        for path in paths:
            dumps = _dumps_like(parsed[path], articles[path])
            changes = fix_article(parsed[path], peoples, groups)
            changes += restore_nationality(parsed[path], peoples)
            if not changes:
                continue
            total += sum(not line.startswith(" ") for line in changes)
            print(f"{folder.name}/{path.name}")
            for line in changes:
                print(f"  {line}")
            if args.write:
                path.write_text(dumps(parsed[path]), encoding="utf-8")
    print(f"== {total} organisations {'changed' if args.write else 'to change'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
