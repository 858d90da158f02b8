"""newstui: a terminal news reader that understands what it shows."""

__version__ = "0.1.0"


def nlp_build() -> str:
    """'compiled' when the NLP extractor runs as mypyc-compiled modules (setup.py), else
    'pure Python'. Looks at the installed files only: no NLP module is imported."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from pathlib import Path

    nlp = Path(__file__).parent / "nlp"
    compiled = any((nlp / f"entities{suffix}").exists() for suffix in EXTENSION_SUFFIXES)
    return "compiled" if compiled else "pure Python"
