"""newstui: a terminal news reader that understands what it shows."""

__version__ = "0.1.0"


def nlp_build() -> str:
    """'compiled' when the NLP extractor runs as mypyc-compiled modules (setup.py), else
    'pure Python'. Looks at the installed files only: no NLP module is imported."""
    import os  # not pathlib: every command's parser asks (--version), pathlib costs ~17M
    from importlib.machinery import EXTENSION_SUFFIXES

    nlp = os.path.join(os.path.dirname(__file__), "nlp")
    compiled = any(
        os.path.exists(os.path.join(nlp, f"entities{suffix}")) for suffix in EXTENSION_SUFFIXES
    )
    return "compiled" if compiled else "pure Python"
