"""Where an edit puts new `[[…]]` entries in feeds.toml: after the table's last entry, its
comments and the file's other parts where they were, a blank line between tables."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newstui.config.edit_lock import toml_document
from newstui.config.lines import header_lines

if TYPE_CHECKING:  # (tomlkit: imported by the edits that use it)
    from tomlkit.items import Table


# A table header ([keys], [[views]]): tomlkit appends an entry to an array of tables with no blank
# line between it and the next table's header.
_TABLE_HEADER = re.compile(r"\[\[?[\w.\"' -]+\]\]?[ \t]*(?:#.*)?")


def tables_parted(text: str) -> str:
    """The config text with a blank line before each table header right under a setting (a
    comment line above a header stays with it)."""
    lines: list[str] = []
    for line in text.split("\n"):
        above = lines[-1].strip() if lines else ""
        if above and not above.startswith("#") and _TABLE_HEADER.fullmatch(line):
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def with_entries(raw: str, table: str, entries: list[Table]) -> str:
    """The config text with these `[[table]]` entries written after the last one it has (at its
    end when it has none), the rest of it as it was. tomlkit, appending to an array of tables
    the file writes in two places (a feed after the `[[views]]`), moved the later part up to the
    first and left its comments behind (user test r38 L18); when the file's layout does not
    allow it, tomlkit's own writing."""
    import tomllib

    import tomlkit  # only editing needs it

    piece = tomlkit.document()
    listed = tomlkit.aot()
    for entry in entries:
        listed.append(entry)
    piece[table] = listed
    lines = raw.splitlines(keepends=True)
    at = _entry_end(lines, headers[-1]) if (headers := header_lines(raw, table)) else len(lines)
    before = "".join(lines[:at])
    text = (before.rstrip("\n") + "\n\n" if before.strip() else "") + tomlkit.dumps(piece)
    if at < len(lines):  # the blank line before what follows, as it had one
        text += ("" if not lines[at].strip() else "\n") + "".join(lines[at:])
    doc = toml_document(raw)
    if table not in doc:
        doc[table] = tomlkit.aot()
    for entry in entries:
        doc[table].append(entry)
    whole = tomlkit.dumps(doc)
    try:
        same = tomllib.loads(text) == tomllib.loads(whole)
    except tomllib.TOMLDecodeError:  # (an inline `feeds = [...]` array, say)
        same = False
    return text if same else whole


def _entry_end(lines: list[str], header: int) -> int:
    """The index of the line after the entry whose header is line `header` (1-based): before
    the next header, the comment block right above it (a blank line or none between), the
    blank lines above that block and ruled headings above those; but a block glued under the
    entry's last line with a blank line below it, or a block further up, is the entry's own
    (review r39 CF1: a commented-out `# fulltext = "always"` under feed A went under the feed
    `add` wrote after A)."""
    end = next(
        (i for i in range(header, len(lines)) if re.match(r"[ \t]*\[", lines[i])), len(lines)
    )
    if end == len(lines):
        return end

    def blanks_above(at: int) -> int:
        while at - 1 >= header and not lines[at - 1].strip():
            at -= 1
        return at

    def block_above(at: int) -> int:
        while at - 1 >= header and lines[at - 1].lstrip().startswith("#"):
            at -= 1
        return at

    below = end
    end = blanks_above(end)
    block = block_above(end)
    first = True
    while block < end and (first or any(HEADING_COMMENT.match(x) for x in lines[block:end])):
        heading = any(HEADING_COMMENT.match(x) for x in lines[block:end])
        if lines[block - 1].strip() and end < below and not heading:
            break  # glued under the entry's last line, a blank line below: the entry's own
        below = block
        end, first = blanks_above(block), False
        block = block_above(end)
    return end


def appended_parted(text: str, table: str, count: int) -> str:
    """The config text with a blank line above each of the last `count` `[[table]]` headers
    (the entries just appended), even under a comment: tomlkit wrote `[[feeds]]` right under the
    example's last line, `# tags = ["saved"]`, and `remove` then took that comment with it."""
    lines = text.split("\n")
    for line in reversed(header_lines(text, table)[-count:] if count else ()):
        if line >= 2 and lines[line - 2].strip():
            lines.insert(line - 1, "")
    return "\n".join(lines)


# A comment that heads a section of the file, ruled off: "# --- tech ---", "## Tech ##", "# Tech ==="
HEADING_COMMENT = re.compile(r"[ \t]*#+\s*(?:[-=*~_#]{2,}.*|.*\S\s*[-=*~_#]{2,})\s*$")
