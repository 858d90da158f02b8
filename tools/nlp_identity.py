"""Check that the extractor at a git revision and this tree give byte-identical analyses.

Run from the repository root: `python tools/nlp_identity.py [--against main] [--shared ../shared]`.
Speed work on `src/newstui/nlp/` must not change any output; this compares every quote (text,
offsets, speaker) and entity (name, type, every mention's offsets and text) on every text the
NLP may be run on: the annotated sets under tests/data/nlp/ (never a blind set: a folder whose
name contains "blind", tools/blind_sets.py), the string literals of tests/nlp/, the shared seed
article, the shared Wikinews articles less the blind indices of /work/annot/selection.json
(when that file is not there, only its first 119 lines, the ones open to development: the file
is never read past them), and variants of each (random cuts, shuffled paragraphs, upper- and
lower-cased stretches) for edge cases real texts lack. The story sketch the analysis worker
makes of each text (newstui.stories) is compared too. Exits 1 and names the first texts that
differ.

`--lib DIR` runs the package built in DIR (`setup.py build --build-lib DIR`, the mypyc-compiled
extractor as installed) in place of this tree's src/, so the compiled-only branches are compared
too; `--against` takes such a folder as well as a git revision.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SELECTION = Path("/work/annot/selection.json")
# Without the selection, the lines of the shared Wikinews file open to development (1-119).
READABLE_LINES = 119
# Folders and selection keys of blind sets (tools/blind_sets.py): never run on here.
sys.path.insert(0, str(Path(__file__).resolve().parent))  # blind_sets.py beside this file
from blind_sets import annotated_files, is_blind  # noqa: E402

# Child process: import newstui from the given src/, analyse every text, print one JSON line each.
_DUMP = """
import json, sys
sys.path.insert(0, sys.argv[1])
import newstui
assert newstui.__file__.startswith(sys.argv[1]), newstui.__file__
from newstui.nlp import segment
print(json.dumps(segment._COMPILED))
from newstui.nlp.rules import RulesExtractor
from newstui.stories import story_sketch
extractor = RulesExtractor()
for text in json.load(open(sys.argv[2], encoding="utf-8")):
    a = extractor.analyse(text)
    s = story_sketch(text)
    print(json.dumps([
        [[q.text, q.start, q.end, q.speaker] for q in a.quotes],
        [[e.name, e.type, [[m.start, m.end, m.text] for m in e.mentions]] for e in a.entities],
        [s.packed.hex() if s.packed is not None else None, list(s.keys)],
    ], ensure_ascii=False))
"""


DATA = ROOT / "tests" / "data" / "nlp"


def allowed_texts(shared: Path, data: Path = DATA) -> list[tuple[str, str]]:
    """(name, text) of every text the check may run the extractor on."""
    texts: list[tuple[str, str]] = []
    for path in annotated_files(data):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and isinstance(doc.get("text"), str):
            texts.append((str(Path("tests/data/nlp") / path.relative_to(data)), doc["text"]))
    for path in sorted((ROOT / "tests" / "nlp").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value) >= 12
            ):
                texts.append((f"{path.name}:{node.lineno}", node.value))
    seed = shared / "seed_article.txt"
    if seed.exists():
        texts.append(("seed_article", seed.read_text(encoding="utf-8")))
    articles = shared / "wikinews" / "articles.jsonl"
    if articles.exists():
        texts += _wikinews_texts(articles)
    return texts


def _wikinews_texts(articles: Path) -> list[tuple[str, str]]:
    """The shared Wikinews articles less the selection's blind indices; without the selection,
    the first READABLE_LINES lines only (the file is not read past them)."""
    blind: set[int] = set()
    stop: int | None = READABLE_LINES
    if SELECTION.exists():
        selection = json.loads(SELECTION.read_text(encoding="utf-8"))
        blind = {i for key, ids in selection.items() if is_blind(key) for i in ids}
        stop = None
    texts = []
    with articles.open(encoding="utf-8") as lines:
        for i, line in enumerate(itertools.islice(lines, stop)):
            if i not in blind:
                texts.append((f"wikinews:{i}", json.loads(line)["text"]))
    return texts


def with_variants(texts: list[tuple[str, str]], seed: int = 5) -> list[tuple[str, str]]:
    """The texts and, for each, two random cuts, a paragraph shuffle and two case changes."""
    rng = random.Random(seed)
    out = list(texts)
    for name, text in texts:
        if len(text) < 50:
            continue
        for k in range(2):
            a = rng.randrange(len(text))
            out.append((f"{name}#cut{k}", text[a : rng.randrange(a, len(text) + 1)]))
        paragraphs = text.split("\n")
        rng.shuffle(paragraphs)
        out.append((f"{name}#shuffled", "\n".join(paragraphs)))
        a = rng.randrange(len(text))
        b = min(len(text), a + 600)
        out.append((f"{name}#upper", text[:a] + text[a:b].upper() + text[b:]))
        out.append((f"{name}#lower", text[:a] + text[a:b].lower() + text[b:]))
    return out


def _default_shared() -> Path:
    """../shared beside this checkout, else beside the main checkout (from a git worktree)."""
    beside = ROOT.parent / "shared"
    if beside.exists():
        return beside
    common = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return Path(common).parent.parent / "shared" if common else beside


def _analyses(src: Path, texts_file: Path) -> tuple[bool, list[str]]:
    """Whether the extractor imported from `src` is compiled, and one line per text."""
    out = subprocess.run(
        [sys.executable, "-c", _DUMP, str(src), str(texts_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    compiled, *lines = out.stdout.splitlines()
    return json.loads(compiled), lines


def _built_package(folder: Path) -> Path:
    """`folder` when it holds a built newstui package, else exit naming the problem."""
    if not (folder / "newstui" / "nlp").is_dir():
        sys.exit(f"nlp_identity: {folder}: no built newstui package (setup.py build --build-lib)")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--against",
        default="main",
        metavar="REF",
        help="git revision, or a folder holding a built package (main)",
    )
    parser.add_argument(
        "--lib",
        type=Path,
        metavar="DIR",
        help="run the package built in DIR (setup.py build --build-lib DIR) instead of src/",
    )
    parser.add_argument("--shared", type=Path, default=_default_shared())
    args = parser.parse_args()
    new_src = _built_package(args.lib) if args.lib else ROOT / "src"
    texts = with_variants(allowed_texts(args.shared))
    shared = sum(name.startswith(("wikinews:", "seed_article")) for name, _ in texts)
    print(f"{len(texts)} texts, {shared} of them from {args.shared}")
    with tempfile.TemporaryDirectory() as tmp:
        if Path(args.against).is_dir():
            old_src = _built_package(Path(args.against))
        else:
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", args.against, "src/newstui"],
                check=True,
                capture_output=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            old_src = Path(tmp) / "src"
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps([t for _, t in texts]), encoding="utf-8")
        old_compiled, old = _analyses(old_src, texts_file)
        new_compiled, new = _analyses(new_src, texts_file)
    builds = {True: "compiled", False: "pure Python"}
    print(f"{args.against}: {builds[old_compiled]}; {new_src}: {builds[new_compiled]}")
    differ = [name for (name, _), a, b in zip(texts, old, new, strict=True) if a != b]
    if differ:
        print(f"{len(differ)} of {len(texts)} texts differ from {args.against}: {differ[:10]}")
        return 1
    print(f"identical to {args.against} on {len(texts)} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
