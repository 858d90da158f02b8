"""The `[keys]` table: a preset, keys taken off it (`unbind`) and the user's own bindings,
each with its line; an entry that is no binding is ignored with a warning."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newstui.config import KEY_PRESETS, KeysConfig
from newstui.config.lines import at_line, key_line, line_at, table_header, table_start_line


def _toml_pair(key: str, value: str) -> str:
    """`"key" = "value"` as feeds.toml writes it, all but ASCII's printable characters escaped
    (a key is untrusted text: no control sequence reaches the terminal)."""
    import json

    return f"{json.dumps(key)} = {json.dumps(value)}"


def validate_keys(table: Any, raw: str, fail: Any, path: Path) -> KeysConfig:
    """`[keys]`: `preset = "vim" | "emacs"`, then `"headlines.open" = "o"` or a list of keys
    (an unquoted `headlines.open = …` is a nested table in TOML: both read the same)."""
    if not isinstance(table, dict):
        raise fail(table_start_line(raw, "keys"), "'keys' must be a table of binding ids and keys")
    if not table:
        return KeysConfig()
    preset = table.get("preset", "vim")
    if preset not in KEY_PRESETS:
        line = key_line(raw, "preset", "keys") or table_start_line(raw, "keys")
        raise fail(line, f'keys preset must be "vim" or "emacs", not {preset!r}')
    unbind: tuple[str, ...] = ()
    unbind_line = 0
    if "unbind" in table:
        unbind_line = key_line(raw, "unbind", "keys") or table_start_line(raw, "keys")
        given = table["unbind"]
        listed = [given] if isinstance(given, str) else given
        if not isinstance(listed, list) or not all(
            isinstance(k, str) and k.strip() and "," not in k for k in listed
        ):
            raise fail(unbind_line, 'unbind must be a key or a list of keys, like ["j", "D"]')
        unbind = tuple(k.strip() for k in listed)
    header = table_header(raw, "keys")
    table_line = line_at(raw, header.start()) if header else key_line(raw, "keys")
    entries: list[tuple[str, Any]] = []
    tables: list[tuple[str, int]] = []
    ignored: list[str] = []
    for name, value in table.items():
        if name in ("preset", "unbind"):
            continue
        if isinstance(value, dict):
            sub_header = table_header(raw, f"keys.{name}")
            first = f"{name}.{next(iter(value), '')}"  # (`name.sub = …` has no header)
            start = header.end() if header else 0
            line = _binding_line(raw, first, start) or table_line
            tables.append((name, line_at(raw, sub_header.start()) if sub_header else line))
            for sub, v in value.items():
                if isinstance(v, dict):  # [keys.NAME.SUB]: no binding id has three parts
                    deeper = table_header(raw, f"keys.{name}.{sub}")
                    line = line_at(raw, deeper.start()) if deeper else table_line
                    where = at_line(path, line)
                    ignored.append(
                        f"{where}: [keys.{name}.{sub}] is not a key table, ignored: write a "
                        f'binding id and its keys, like "headlines.open" = "o"'
                    )
                else:
                    entries.append((f"{name}.{sub}", v))
        else:
            entries.append((name, value))
    bindings = []
    for binding_id, value in entries:
        line = _binding_line(raw, binding_id, header.end() if header else 0) or table_line
        if not re.fullmatch(r"[a-z_]+\.[a-z_]+", binding_id):
            where = at_line(path, line)
            said = f"{where}: {binding_id!r} under [keys] is not a binding id, ignored: "
            if isinstance(value, str) and re.fullmatch(r"[a-z_]+\.[a-z_]+", value.strip()):
                # newsboat's way round, key then what it does (user test r48 LOW-33)
                turned = _toml_pair(value.strip(), binding_id)
                ignored.append(f"{said}write {turned} (the binding id first, then its key)")
            elif hint := _newsboat_operation_hint(binding_id, value):
                ignored.append(f"{said}{hint}")
            else:
                ignored.append(
                    f"{said}write preset, unbind or a binding id like "
                    '"headlines.open" (see the README\'s Keys section)'
                )
            continue
        keys = [value] if isinstance(value, str) else value
        if (
            not isinstance(keys, list)
            or not keys
            or not all(isinstance(k, str) and k.strip() and "," not in k for k in keys)
        ):
            spaced = isinstance(keys, list) and any(isinstance(k, str) and k == " " for k in keys)
            # a space written as itself (newsboat's `bind-key SPACE`): named, not "not a key"
            hint = ': a space is written "space"' if spaced else ""
            raise fail(
                line, f'keys for {binding_id!r} must be a key or a list of keys, like "o"{hint}'
            )
        from newstui.config.tables import KeyBinding

        bindings.append(KeyBinding(binding_id, tuple(k.strip() for k in keys), line))
    return KeysConfig(preset, tuple(bindings), unbind, unbind_line, tuple(tables), tuple(ignored))


def _newsboat_operation_hint(name: str, value: object) -> str:
    """What to write for an entry in newsboat's words: a value that is newsboat's operation
    (`"x" = "toggle-article-read"`, its bind-key way round) named with newstui's binding id
    and the entry turned round; a name that is one (`"next-unread" = "n"`) named with its id;
    "" for neither."""
    from newstui.sources.newsboat_keys import NEWSBOAT_OPERATIONS, newsboat_key

    operation = value.strip() if isinstance(value, str) else ""
    if meant := NEWSBOAT_OPERATIONS.get(operation):
        said = f"{operation!r} is newsboat's operation name: newstui calls it {meant}; write "
        if name in NEWSBOAT_OPERATIONS:  # no key to turn round (`next = "next-unread"`)
            from newstui.key_actions import KEY_ACTIONS

            now = KEY_ACTIONS[meant].keys[0] if meant in KEY_ACTIONS else ""
            has = f' (it has "{now}" now)' if now else ""
            return f'{said}"{meant}" = and the key you want{has}'
        key = newsboat_key(name) or name
        return f"{said}{_toml_pair(meant, key)} (the binding id first, then its key)"
    if meant := NEWSBOAT_OPERATIONS.get(name):
        return (
            f"did you mean {meant!r}? (newsboat's {name}; every id is listed in the README's "
            "Keys section)"
        )
    return ""


def _binding_line(raw: str, binding_id: str, start: int) -> int:
    """The line of a binding id in the `[keys]` table (quoted, dotted or in a sub-table), or 0."""
    section, dot, name = binding_id.partition(".")
    patterns = [
        rf"(?m)^[ \t]*[\"']{re.escape(binding_id)}[\"'][ \t]*=",
        rf"(?m)^[ \t]*{re.escape(section)}[ \t]*\.[ \t]*{re.escape(name)}[ \t]*="
        if dot  # (a bare name, `next = …`, is no id but has its line)
        else rf"(?m)^[ \t]*{re.escape(binding_id)}[ \t]*=",
    ]
    for pattern in patterns:
        match = re.compile(pattern).search(raw, start)
        if match:
            return raw.count("\n", 0, match.start()) + 1
    sub = re.search(rf"(?m)^[ \t]*\[keys\.{re.escape(section)}\]", raw)
    if sub:
        match = re.compile(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*=").search(raw, sub.end())
        if match:
            return raw.count("\n", 0, match.start()) + 1
    return 0
