"""The user's keys: a vim (default) or emacs preset plus the `[keys]` table of feeds.toml,
checked against the app's binding ids and turned into a Textual keymap (`App.set_keymap`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping

from textual.binding import Binding, BindingType
from textual.keys import KEY_NAME_REPLACEMENTS, REPLACED_KEYS, Keys, key_to_character

from newstui.config import KeyPreset, KeysConfig
from newstui.config.lines import at_line
from newstui.errors import ConfigError
from newstui.sources.newsboat_keys import NEWSBOAT_OPERATIONS

_BEGIN, _END = "alt+less_than_sign,home", "alt+greater_than_sign,end"

# Emacs-style movement: C-n/C-p, M-</M->, C-v/M-v, C-g to go back, C-s to search, M-x palette.
EMACS: dict[str, str] = {
    "headlines.down": "ctrl+n,down",
    "headlines.up": "ctrl+p,up",
    "headlines.first": _BEGIN,
    "headlines.last": _END,
    "headlines.page_down": "ctrl+v,pagedown",
    "headlines.page_up": "alt+v,pageup",
    "headlines.open": "enter,ctrl+o",
    "headlines.back": "ctrl+g,escape",
    "list.down": "ctrl+n,down",
    "list.up": "ctrl+p,up",
    "list.first": _BEGIN,
    "list.last": _END,
    "list.choose": "enter,ctrl+o",
    "list.back": "ctrl+g,escape",
    "reader.scroll_down": "ctrl+n,down",
    "reader.scroll_up": "ctrl+p,up",
    "reader.top": _BEGIN,
    "reader.bottom": _END,
    "reader.back": "ctrl+g,escape",
    "reader.page_down": "ctrl+v,space",
    "reader.page_up": "alt+v,b",
    "app.search": "ctrl+s,slash",
    "app.command_palette": "alt+x",
    # C-g cancels every box too (it typed a "g" into the search box, or did nothing)
    "search.cancel": "ctrl+g,escape",
    "command.cancel": "ctrl+g,escape",
    "view_name.cancel": "ctrl+g,escape",
    "choice.cancel": "ctrl+g,escape,q",
    "confirm.no": "ctrl+g,n,escape,q,enter",
    "sort.cancel": "ctrl+g,escape,q",
    "help.close": "ctrl+g,escape,q,question_mark",
    "downloads.close": "ctrl+g,escape,q,L",
    "speaker_quotes.close": "ctrl+g,escape,q",
}
PRESETS: dict[KeyPreset, dict[str, str]] = {"vim": {}, "emacs": EMACS}
_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_KEY_NAMES = {key.value for key in Keys} | {"space", "tab", "enter", "escape", "backspace"}


def _char_name(char: str) -> str:
    """Textual's name for a printable character's key: its Unicode name, but "slash", "minus",
    "plus", "at", "underscore" and "backslash" where Textual shortens it (a binding to
    "solidus" would never fire)."""
    name = unicodedata.name(char, "").lower().replace(" ", "_").replace("-", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


_KEY_NAMES |= {_char_name(c) for c in map(chr, range(33, 127)) if not c.isalnum()}
# The names of keys that type a character into a text box (letters and digits are themselves).
_TYPED_NAMES = {_char_name(c) for c in map(chr, range(32, 127)) if not c.isalnum()}
# A priority binding (it runs before the focused widget sees its key) → its twin that is not: a
# key one types, given to the first, goes to the second, so the search box keeps it (`:` for
# the palette, as newsboat's command line, typed `:` in the search box into the palette).
PRIORITY_TWINS = {"app.command_palette": "app.command_line"}


def typed_key(key: str) -> bool:
    """True for a key that types a character into a text box: `a`, `:` (colon), space."""
    return len(key) == 1 or key in _TYPED_NAMES


def key_name(key: str) -> str | None:
    """Textual's name for a key as a user writes it ("?" → "question_mark", "Ctrl+N" →
    "ctrl+n"), as `?` help and the palette show it ("Ctrl-N", "PgDn", "Esc", "↓"), or as
    newsboat's config writes it ("^R" → "ctrl+r", "NPAGE" → "pagedown"); None when it is not
    a key."""
    if caret := re.fullmatch(r"\^([A-Za-z])", key):  # newsboat's ^R: Ctrl-R
        return f"ctrl+{caret[1].lower()}"
    key = _NEWSBOAT_KEYS.get(key, key)
    if labelled := _LABELLED_MODIFIERS.fullmatch(key):  # "Ctrl-N", "Alt->", "Ctrl--"
        key = labelled[1].replace("-", "+") + labelled[2]
    if len(key) > 1 or key in _LABEL_KEYS:
        *mods, last = key.split("+")
        key = "+".join([*mods, _LABEL_KEYS.get(last.casefold(), last)])
    *mods, last = key.split("+") if len(key) > 1 else [key]
    if any(m.lower() not in _MODIFIERS for m in mods) or not last:
        return None
    if len(last) == 1:
        if not last.isprintable() or last.isspace():
            return None
        base = last if last.isalnum() else _char_name(last)
        if mods and base.isalpha():
            base = base.lower()  # ctrl+N is what terminals send for ctrl+n
    else:
        base = last.lower()
        if base not in _KEY_NAMES:
            return None
    return "+".join([*(m.lower() for m in mods), base])


_NEWSBOAT_KEYS = {"PPAGE": "pageup", "NPAGE": "pagedown", "ESC": "escape"}

# newsboat names the palette does not offer as another way to a command: its own Quit and
# Help are found by those words already (quit is Back here)
_NOT_IN_PALETTE = frozenset({"quit", "hard-quit", "help"})


def newsboat_names(binding_id: str | None) -> list[str]:
    """newsboat's operation names for a binding (`reload-all` for app.refresh_all), as the
    command palette finds it by them."""
    return [
        name
        for name, meant in NEWSBOAT_OPERATIONS.items()
        if meant == binding_id and name not in _NOT_IN_PALETTE
    ]


def binding_keys(bindings: Iterable[BindingType]) -> dict[str, str]:
    """Each binding id's own keys ("j,down"); an id two bindings share has the keys of both."""
    keys: dict[str, list[str]] = {}
    for b in bindings:
        if isinstance(b, Binding) and b.id:
            keys.setdefault(b.id, []).extend(b.key.split(","))
    return {i: ",".join(dict.fromkeys(k.strip() for k in listed)) for i, listed in keys.items()}


def build_keymap(keys: KeysConfig, path: object, defaults: Mapping[str, str]) -> dict[str, str]:
    """The keymap for `App.set_keymap`, as newsboat's unbind-key and bind-key work: the preset,
    then the `unbind` keys taken off every binding that has them, then the user's keys added
    to their binding's. `defaults` holds every binding id's own keys. An unknown id, a key
    that is not a key, or a binding left with no key is a ConfigError naming the file and line
    (`known_entries` first takes out, with a warning, what an unknown id was given and an unbind
    of a key no binding has); an unbind that finds its key gone already does nothing."""
    keymap = dict(PRESETS[keys.preset])

    def current(binding_id: str) -> list[str]:
        return keymap.get(binding_id, defaults.get(binding_id, "")).split(",")

    unbound: dict[str, str] = {}  # a binding id the unbind list took every key of: the key
    where = f"{path}:{keys.unbind_line}" if keys.unbind_line else str(path)
    for entry in keys.unbind:
        scoped = _SCOPED.fullmatch(entry)  # "headlines.down:j": that binding only
        key = scoped[2] if scoped else entry
        name = _named(key, where)
        if scoped and scoped[1] not in defaults:
            raise ConfigError(
                f"{where}: no key binding with id {scoped[1]!r}{_nearest(scoped[1], set(defaults))}"
            )
        holders = [i for i in ([scoped[1]] if scoped else defaults) if name in current(i)]
        for binding_id in holders:  # (none: an entry known_entries warned of, or one unbound twice)
            left = [k for k in current(binding_id) if k != name]
            keymap[binding_id] = ",".join(left)
            if not left:
                unbound[binding_id] = entry
    for binding in keys.bindings:
        at = at_line(path, binding.line)
        if binding.id not in defaults:
            raise ConfigError(
                f"{at}: no key binding with id {binding.id!r}{_nearest(binding.id, set(defaults))}"
            )
        names = [_named(key, at) for key in binding.keys]
        kept = [k for k in current(binding.id) if k]
        keymap[binding.id] = ",".join(dict.fromkeys([*kept, *names]))
        unbound.pop(binding.id, None)
    for priority, twin in PRIORITY_TWINS.items():
        if twin in defaults and (typed := [k for k in current(priority) if typed_key(k)]):
            keymap[priority] = ",".join(k for k in current(priority) if k not in typed)
            keymap[twin] = ",".join(dict.fromkeys([*filter(None, current(twin)), *typed]))
            unbound.pop(twin, None)
    for binding_id, entry in unbound.items():
        # ("ID:KEY" is the way out only for a key unbound from every binding: the advice was
        # given to an unbind already written so)
        scoped = _SCOPED.fullmatch(entry)
        key = scoped[2] if scoped else entry
        only = "" if scoped else f', or unbind it from one binding only ("ID:{key}")'
        raise ConfigError(
            f"{where}: unbind {entry!r} leaves {binding_id} with no key: give it another one "
            f'("{binding_id}" = "…"){only}'
        )
    return keymap


def known_entries(
    keys: KeysConfig, path: object, defaults: Mapping[str, str]
) -> tuple[KeysConfig, list[str]]:
    """The `[keys]` table without what no binding has (a `[keys.NAME]` table no binding id
    starts with, an unknown id, given keys or unbound from: "ID:KEY", a key unbound that no
    binding, or not the binding named, has: "ctrl+y"), and a one-line warning
    for each, naming the file, the line and what is valid: the app starts with the rest (it said
    nothing of an unknown table)."""
    from dataclasses import replace

    tables = sorted({binding_id.partition(".")[0] for binding_id in defaults})
    warnings = list(keys.ignored)
    unknown_tables = set()
    for name, line in keys.tables:
        if name not in tables:
            unknown_tables.add(name)
            at = at_line(path, line)
            warnings.append(
                f"{at}: no key table [keys.{name}], ignored (tables: {', '.join(tables)}; "
                "the README's Keys section lists the ids)"
            )
    kept = []
    for binding in keys.bindings:
        if binding.id in defaults:
            kept.append(binding)
        elif binding.id.partition(".")[0] not in unknown_tables:  # (said once, for its table)
            at = at_line(path, binding.line)
            warnings.append(
                f"{at}: no key binding with id {binding.id!r}, ignored"
                f"{_nearest(binding.id, set(defaults))}"
            )
    unbind = []
    where = at_line(path, keys.unbind_line)
    preset = PRESETS[keys.preset]
    for entry in keys.unbind:
        scoped = _SCOPED.fullmatch(entry)
        if scoped is not None and scoped[1] not in defaults:
            warnings.append(
                f"{where}: unbind {entry!r}: no key binding with id {scoped[1]!r}, ignored"
                f"{_nearest(scoped[1], set(defaults))}"
            )
            continue
        named = key_name(scoped[2] if scoped else entry)  # (not a key: build_keymap says so)
        ids = [scoped[1]] if scoped else list(defaults)
        if named is not None and not any(
            named in preset.get(i, defaults.get(i, "")).split(",") for i in ids
        ):
            key = scoped[2] if scoped else entry
            why = f"{scoped[1]} has no key {key!r}" if scoped else "no binding has that key"
            warnings.append(f"{where}: unbind {entry!r}: {why}, ignored")
            continue
        unbind.append(entry)
    return replace(keys, bindings=tuple(kept), unbind=tuple(unbind)), warnings


_SCOPED = re.compile(r"([a-z_]+\.[a-z_]+):(.+)")


def _named(key: str, where: str) -> str:
    """Textual's name for a key the user wrote, or a ConfigError naming where."""
    name = key_name(key)
    if name is None:
        said = f"{where}: {key!r} is not a key"
        if meant := NEWSBOAT_OPERATIONS.get(key.strip()):  # (bind-key's words: an operation)
            said += f" but newsboat's operation name: newstui calls it {meant}; give it a key"
        raise ConfigError(f'{said} (e.g. "o", "ctrl+n", "f5")')
    return name


def _nearest(given: str, known: set[str]) -> str:
    """A hint after an unknown binding id: the nearest id, if one is near, and where all are."""
    import difflib

    last = given.rpartition(".")[2].casefold()
    near = [k for k in known if last and last in k.rpartition(".")[2]]  # "star": toggle_star
    if len(near) != 1:  # by its words before its spelling: "refresh" is what the ids that
        # refresh hold (user test r51 LOW-3: headlines.refresh was "headlines.first")
        words = {w for w in last.split("_") if w}

        def shared(k: str) -> int:
            return len(words & set(k.rpartition(".")[2].split("_")))

        best = max((shared(k) for k in known), default=0)
        near = sorted(k for k in known if best and shared(k) == best)
        if not 1 <= len(near) <= 3:
            near = difflib.get_close_matches(given, sorted(known), n=1, cutoff=0.7)
    guess = f"did you mean {' or '.join(repr(k) for k in near)}? " if near else ""
    return f" ({guess}every id is listed in the README's Keys section)"


def check_key_clashes(
    keys: KeysConfig,
    path: object,
    sections: Iterable[tuple[str, Iterable[Binding]]],
    keymap: Mapping[str, str],
    every_pane: Collection[str] = ("Anywhere",),
) -> None:
    """A key the user gave a binding that another binding of the same pane (or one that works
    anywhere: the `every_pane` sections) also answers to is a ConfigError naming the line: of two
    pane bindings one would never run; an anywhere binding would be hidden in that pane (the
    pane's binding wins)."""
    lines = {binding.id: binding.line for binding in keys.bindings}
    # a typed key given to a priority binding is its twin's (build_keymap), from the user's
    # line for the first: (twin, key) → the id that line gave it (r44 H1: `s` for the palette
    # was never checked, and took starring over)
    given_to_twin = {
        (twin, name): binding.id
        for binding in keys.bindings
        if (twin := PRIORITY_TWINS.get(binding.id))
        for written in binding.keys
        if (name := key_name(written)) is not None and typed_key(name)
    }

    def given_as(binding: Binding, key: str) -> str | None:
        """The id of the user's line that gave this binding this key, if a line did."""
        said = given_to_twin.get((binding.id or "", key), binding.id)
        return said if said in lines else None

    listed = [(name, list(bindings)) for name, bindings in sections]
    anywhere = [b for name, bindings in listed if name in every_pane for b in bindings]
    first_every = next((n for n, _ in listed if n in every_pane), None)
    section_of = {id(b): name for name, bindings in listed for b in bindings}
    # an overlap the app is built with (`/` finds in the reader, searches elsewhere) is no
    # clash when the user restates it
    preset = PRESETS[keys.preset]
    for pane, bindings in listed:
        if pane in every_pane and pane != first_every:
            continue  # (the first such section checks all of them together)
        scope = anywhere if pane in every_pane else [*bindings, *anywhere]
        holders: dict[str, list[Binding]] = {}
        for binding in scope:
            for key in keys_of(binding, keymap).split(","):
                if binding not in holders.setdefault(key, []):
                    holders[key].append(binding)
        for key, holding in holders.items():
            # of two user bindings, the later line made the clash
            given = [b for b in holding if given_as(b, key) is not None]
            mine = max(given, key=lambda b: lines[given_as(b, key) or ""], default=None)
            mine_id = given_as(mine, key) if mine is not None else None
            if mine is None or mine_id is None:
                continue
            clash = next(
                (
                    b
                    for b in holding
                    if (b.id or b.action) != mine.id
                    and not (key in _keys(b, preset) and key in _keys(mine, preset))
                ),
                None,
            )
            if clash is not None:
                where = f"{path}:{lines[mine_id]}" if lines[mine_id] else str(path)
                hidden = next(
                    (b for b in (mine, clash) if pane not in every_pane and b in anywhere), None
                )
                effect = (
                    f"{mine_id if hidden is mine else hidden.id or hidden.action} would be "
                    f"hidden in the {pane} pane"
                    if hidden is not None and (mine in anywhere) != (clash in anywhere)
                    else "one of them would never run"
                )
                # the other binding's own section: an article key is no Sources key
                # ("The article (any pane)" → "The article")
                label = section_of.get(id(clash), pane).split(" (")[0]
                # the key taken off the other binding is the way out too (confirm.no's Enter)
                # (its only key: an unbind leaving it none is refused, so another key first);
                # keys add to a binding's: another key for the other one would not free this one
                unbind = f'unbind "{clash.id}:{key_label(key)}"'
                if len(_keys(clash, keymap)) < 2:
                    unbind = f"move {clash.id} off {key_label(key)} (add it a key, then {unbind})"
                way_out = f"give {mine_id} another key" + (f", or {unbind}" if clash.id else "")
                from newstui.tui.screens.keyed_box import named_keys

                said = named_keys(clash.tooltip or clash.description, keymap)
                raise ConfigError(
                    f"{where}: {key_label(key)!r} for {mine_id} is also the key of "
                    f"{clash.id or clash.action} ({label}: {said}); "
                    f"{effect}: {way_out}"
                )


def _keys(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    return keys_of(binding, keymap).split(",")


def keys_of(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to once the keymap is applied."""
    return keymap.get(binding.id, binding.key) if binding.id else binding.key


_KEY_LABELS = {
    "down": "↓",
    "up": "↑",
    "right": "→",
    "left": "←",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift-Tab",
    "space": "Space",
    "question_mark": "?",
    "slash": "/",
    "home": "Home",
    "end": "End",
    "pagedown": "PgDn",
    "pageup": "PgUp",
}


_LABEL_KEYS = {label.casefold(): name for name, label in _KEY_LABELS.items() if "+" not in name}
_LABELLED_MODIFIERS = re.compile(r"((?:(?:ctrl|shift|alt|meta|super|hyper)-)+)(.+)", re.IGNORECASE)


def key_label(key: str) -> str:
    """A key as the user types it: "number_sign" → "#", "ctrl+n" → "Ctrl-N", "down" → "↓"."""
    if key in _KEY_LABELS:
        return _KEY_LABELS[key]
    *mods, base = key.split("+")
    base = _KEY_LABELS.get(base) or key_to_character(REPLACED_KEYS.get(base, base)) or base
    return "-".join([*(m.capitalize() for m in mods), base.upper() if mods else base])


def keys_label(binding: Binding, keymap: Mapping[str, str]) -> str:
    """Every key of a binding as typed, keymap applied ("j ↓"), as `?` help and the palette
    show them."""
    return " ".join(key_label(k) for k in keys_of(binding, keymap).split(","))
