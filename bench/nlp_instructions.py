"""Instructions of one NLP extractor pass, this tree against a git revision (valgrind).

    python bench/nlp_instructions.py --against REF [--step 4]

CPU time side by side (`nlp_eval.py --against`) cannot resolve a few per cent on a loaded
machine (at load 10 two runs of five gave 1.02x and 1.00x for one change); the instruction
count that valgrind's cachegrind reports does not depend on the load. Each side runs twice
under valgrind with one hash seed: the texts analysed once (imports, word lists, caches), and
once more; the difference is one pass. Texts: every STEP-th text that tools/nlp_identity.py
allows (annotated sets less blind folders, tests/nlp literals, shared Wikinews less the blind
indices). Needs valgrind; about a minute at step 4.
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

from nlp_eval import _old_source  # this folder's: the package of a git revision, unpacked

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
    parser.add_argument("--against", required=True, metavar="REF", help="git revision")
    parser.add_argument("--step", type=int, default=4, help="every STEP-th allowed text (4)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    tool = _identity_tool()
    texts = [text for _, text in tool.allowed_texts(tool._default_shared())][:: args.step]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        old_src = _old_source(args.against, Path(tmp))
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        per_pass = {}
        for name, src in ((args.against, old_src), ("this tree", ROOT / "src")):
            per_pass[name] = instructions(src, texts_file, 1) - instructions(src, texts_file, 0)
    old, new = per_pass[args.against], per_pass["this tree"]
    print(
        f"{len(texts)} texts, {words:,} words: {args.against} {old:,} instructions a pass "
        f"({old / words:,.0f} a word), this tree {new:,} ({new / words:,.0f} a word), "
        f"ratio {old / new:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
