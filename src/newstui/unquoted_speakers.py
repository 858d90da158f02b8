"""What an empty `speaker:` result says of the person: not quoted, but in the news, and the
`person:` search that finds them (app and `newstui quotes --speaker`)."""

from __future__ import annotations

from newstui.counts import counted
from newstui.library import Library


def person_query(name: str) -> str:
    """The `person:` query of a name as the user typed it (quoted when it has a space)."""
    plain = name.strip().replace('"', "")
    return f'person:"{plain}"' if any(c.isspace() for c in plain) else f"person:{plain}"


def unquoted_speaker_line(library: Library, name: str) -> str | None:
    """ "Angela Merkel is not quoted; mentioned in 1 story — person:Merkel" when `name` finds no
    quote but a person of that name is an entity of stored articles; None when none is."""
    from newstui.nlp import query_keys

    if not name.strip():
        return None
    keys = tuple(query_keys(name, "PERSON"))
    if not keys:
        return None
    people = library.entities("PERSON", limit=1, name_keys=keys)
    if not people:
        return None
    person = people[0]
    stories = person.stories or person.articles
    return (
        f"{person.name} is not quoted; mentioned in {counted(stories, 'story', 'stories')}"
        f" — {person_query(name)}"
    )
