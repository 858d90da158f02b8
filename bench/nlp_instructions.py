"""Instructions of one NLP extractor pass, this tree against a git revision (valgrind).

    python bench/nlp_instructions.py (--against REF | --against-lib DIR) [--step 4] [--compiled]

CPU time side by side (`nlp_eval.py --against`) cannot resolve a few per cent on a loaded
machine (at load 10 two runs of five gave 1.02x and 1.00x for one change); the instruction
count that valgrind's cachegrind reports does not depend on the load. Each side runs twice
under valgrind with one hash seed: the texts analysed once (imports, word lists, caches), and
once more; the difference is one pass. Texts: every STEP-th text that tools/nlp_identity.py
allows (annotated sets less blind folders, tests/nlp literals, shared Wikinews less the blind
indices). Needs valgrind; about a minute at step 4. `--compiled` counts both sides compiled by
mypyc as setup.py builds them at install (REF must have the compiled build; a few minutes
more for the two builds), instead of the importable (editable: pure Python) package.
`--against-lib DIR` counts a package already built in DIR (`setup.py build --build-lib DIR`)
instead of a git revision.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

# this folder's: the package of a git revision, unpacked; this tree's package compiled
from nlp_eval import _old_source, compiled_revision, compiled_source

ROOT = Path(__file__).resolve().parent.parent
_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from newstui.nlp.rules import RulesExtractor
texts = json.load(open(sys.argv[2], encoding="utf-8"))
extractor = RulesExtractor()
for _ in range(1 + int(sys.argv[3])):
    for text in texts:
        extractor.analyse(text)
"""
_VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _identity_tool() -> ModuleType:
    """tools/nlp_identity.py, for its choice of allowed texts."""
    spec = importlib.util.spec_from_file_location(
        "nlp_identity", ROOT / "tools" / "nlp_identity.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def instructions(src: Path, texts_file: Path, passes: int) -> int:
    """Instructions valgrind counts for importing newstui from `src` and 1 + `passes` passes."""
    out = subprocess.run(
        [*_VALGRIND, sys.executable, "-c", _CHILD, str(src), str(texts_file), str(passes)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = _REFS.search(out.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count: {out.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    against = parser.add_mutually_exclusive_group(required=True)
    against.add_argument("--against", metavar="REF", help="git revision")
    against.add_argument(
        "--against-lib", type=Path, metavar="DIR", help="a built package folder (setup.py build)"
    )
    parser.add_argument("--step", type=int, default=4, help="every STEP-th allowed text (4)")
    parser.add_argument(
        "--compiled",
        action="store_true",
        help="count both sides compiled by mypyc (as installed), not the importable package",
    )
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    tool = _identity_tool()
    texts = [text for _, text in tool.allowed_texts(tool._default_shared())][:: args.step]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        ref = args.against or str(args.against_lib)
        new_src = compiled_source(Path(tmp) / "new") if args.compiled else ROOT / "src"
        if args.against_lib:
            old_src = args.against_lib
        elif args.compiled:
            built = compiled_revision(args.against, Path(tmp) / "old")
            if built is None:
                sys.exit(f"{args.against} has no compiled build (no setup.py): drop --compiled")
            old_src = built
        else:
            old_src = _old_source(args.against, Path(tmp))
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        per_pass = {}
        for name, src in ((ref, old_src), ("this tree", new_src)):
            per_pass[name] = instructions(src, texts_file, 1) - instructions(src, texts_file, 0)
    old, new = per_pass[ref], per_pass["this tree"]
    build = "compiled" if args.compiled else "as importable"
    print(
        f"{len(texts)} texts, {words:,} words ({build}): {ref} {old:,} instructions a pass "
        f"({old / words:,.0f} a word), this tree {new:,} ({new / words:,.0f} a word), "
        f"ratio {old / new:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
