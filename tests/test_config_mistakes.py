"""Config mistakes named exactly (user test r32 L4–L6): a typo in a required key is the unknown
key it is, a value of the wrong type says so, and a per-feed setting's error names the feed and
its line."""

from pathlib import Path

import pytest

from newstui.config import load_config
from newstui.errors import ConfigError


def _message(tmp_path: Path, text: str) -> str:
    path = tmp_path / "feeds.toml"
    path.write_text(text, "utf-8")
    return _message_of(path)


def _message_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[feeds]]\nulr = "https://a/x"\nname = "A"\n',
            ":2: unknown key 'ulr' in feed entry (did you mean 'url'?)",
        ),
        (
            '[settings]\ntimeout = 5\n\n[[local]]\npth = "/tmp"\n',
            ":5: unknown key 'pth' in local entry (did you mean 'path'?)",
        ),
        (
            '[sync]\nurl = "https://rss.example/api/greader.php"\nusr = "alice"\n'
            'password_env = "P"\n',
            ":3: unknown key 'usr' in [sync] (did you mean 'user'?)",
        ),
        (
            '[[views]]\nnmae = "V"\nquery = "x"\n',
            ":2: unknown key 'nmae' in view entry (did you mean 'name'?)",
        ),
    ],
)
def test_a_typo_in_a_required_key_is_named_with_the_key_it_is_nearest_to(tmp_path, text, expected):
    message = _message(tmp_path, text)
    assert expected in message
    assert "has no" not in message


def test_an_unknown_sync_key_far_from_every_key_lists_the_keys_sync_takes(tmp_path):
    message = _message(tmp_path, '[sync]\ncolour = "red"\n')
    assert ":2: unknown key 'colour' in [sync] (it takes service, url, user," in message


def test_a_feed_with_no_url_and_no_typo_still_says_it_has_no_url(tmp_path):
    assert ":1: feed entry has no 'url'" in _message(tmp_path, '[[feeds]]\nname = "A"\n')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[views]]\nname = "V"\nquery = 5\n', ":3: 'query' of view 'V' must be a string, not 5"),
        (
            '[[filters]]\nquery = ["a"]\n',
            ":2: 'query' of filter must be a string, not ['a']",
        ),
    ],
)
def test_a_query_that_is_not_a_string_says_so(tmp_path, text, expected):
    path = tmp_path / "feeds.toml"
    path.write_text(text, "utf-8")
    config = load_config(path)
    (entry,) = (*config.views, *config.filters)
    assert entry.problem.startswith(str(path))
    assert expected in entry.problem
    assert "has no 'query'" not in entry.problem


def test_an_empty_query_still_says_the_view_has_none(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[views]]\nname = "V"\nquery = " "\n', "utf-8")
    assert ":1: view 'V' has no 'query'" in load_config(path).views[0].problem


def test_a_bad_per_feed_fulltext_names_the_feed_and_its_line(tmp_path):
    message = _message(tmp_path, '[[feeds]]\nurl = "https://a/x"\nname = "A"\nfulltext = "Auto"\n')
    assert ":4: 'fulltext' of feed 'A' must be \"auto\", true or false, not 'Auto'" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[views]]\nname = "V"\n\n# a comment\nquery = "title:("\n', ":5: view 'V': query "),
        ('[[filters]]\nname = "F"\naction = "read"\nquery = "(a"\n', ":4: filter 'F': query "),
    ],
)
def test_a_query_that_does_not_parse_is_reported_at_its_own_line(tmp_path, text, expected):
    # r33 leftovers c: it was reported at the entry's [[views]] / [[filters]] line
    path = tmp_path / "feeds.toml"
    path.write_text(text, "utf-8")
    config = load_config(path)
    (entry,) = (*config.views, *config.filters)
    assert f"{path}{expected}" in entry.problem, entry.problem


def test_a_view_named_like_a_feed_is_warned_of_with_its_line(tmp_path):
    """User test r34 L2: a hand-written view named like a feed was accepted silently and Sources
    listed the name twice (the `S` box refuses such a name)."""
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[[feeds]]\nname = "Many 03"\nurl = "https://a.example/f"\n\n'
        '[[views]]\nname = "many 03"\nquery = "tokyo"\n\n'
        '[[views]]\nname = "Tokyo"\nquery = "tokyo"\n',
        "utf-8",
    )
    config = load_config(path)
    assert [v.name for v in config.views] == ["many 03", "Tokyo"]  # still a view
    assert config.warnings == (
        f"{path}:6: view 'many 03' has a source's name: Sources lists both; "
        "give the view another name",
    )


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ('"news, world"', 'like tags = ["news", "world"], not \'news, world\''),
        ('"news,world"', 'like tags = ["news", "world"], not \'news,world\''),
    ],
)
def test_tags_written_as_one_string_of_several_say_to_write_a_list(tmp_path, tags, expected):
    """User test r37 L8: `tags = "news, world"` (a newsboat urls line's habit) was taken
    silently as one tag "news, world"."""
    message = _message(tmp_path, f'[[feeds]]\nurl = "https://a/x"\nname = "A"\n\ntags = {tags}\n')
    assert message.endswith(f":5: 'tags' of feed 'A' must be a list, {expected}")


def test_a_local_sources_tags_as_one_string_of_several_name_it(tmp_path):
    message = _message(tmp_path, '[[local]]\npath = "clips"\ntags = "saved,  later"\n')
    assert ":3: 'tags' of local source 'clips' must be a list, like tags = " in message
    assert '["saved", "later"]' in message


def test_one_tag_alone_may_still_be_a_string(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nurl = "https://a/x"\ntags = " news "\n', "utf-8")
    assert load_config(path).feeds[0].tags == ("news",)


def test_one_tag_of_several_words_may_still_be_a_string(tmp_path):
    # review r37 C1: `tags = "World News"`, one tag the last release took, stopped every
    # command with a hint to write two tags
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nurl = "https://a/x"\ntags = "World News"\n', "utf-8")
    assert load_config(path).feeds[0].tags == ("World News",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[settings]\nmark_read_on_open = "yes"\n',
            ":2: setting 'mark_read_on_open' must be true or false, not 'yes'",
        ),
        (
            "[settings]\nspeaker_tags = 1\n",
            ":2: setting 'speaker_tags' must be true or false, not 1",
        ),
        ('[settings]\nfulltext = "sometimes"\n', ":2: setting 'fulltext' must be \"auto\", true"),
        (
            "[settings]\npager = 42\n",
            ":2: setting 'pager' must be a command string, like \"less -R\", not 42",
        ),
        (
            "[settings]\ndownload_dir = 5\n",
            ":2: setting 'download_dir' must be a folder path, not 5",
        ),
    ],
)
def test_a_wrong_setting_names_its_value_in_words_a_user_knows(tmp_path, text, expected):
    """User test r37 L3: "setting 'mark_read_on_open' must be a bool", without the value, and
    "fulltext must be …" beside "setting 'X' must be …"."""
    message = _message(tmp_path, text)
    assert expected in message
    assert "bool" not in message


@pytest.mark.parametrize("word", ["yes", "no", "True"])
def test_a_yes_or_no_written_bare_as_newsboat_writes_it_says_to_write_true_or_false(tmp_path, word):
    message = _message(tmp_path, f"[settings]\ntimeout = 5\nmark_read_on_open = {word}  # mine\n")
    assert message.endswith(f":3: invalid TOML: Invalid value (write true or false, not {word})")


def test_another_invalid_value_gets_no_true_or_false_hint(tmp_path):
    message = _message(tmp_path, "[settings]\nbrowser = w3m\n")
    assert message.endswith(':2: invalid TOML: Invalid value (quote it: browser = "w3m")')


@pytest.mark.parametrize(
    ("line", "hint"),
    [  # user test r48 L12: the bare TOML parser message said nothing of what to write
        ("url = http://host/f.xml", '(quote it: url = "http://host/f.xml")'),
        ('browser "w3m %u"', '(newsboat syntax? write browser = "w3m %u")'),
        ("reload-time 60", "(newsboat syntax? write refresh_minutes = 60)"),
        ("show-read-feeds no", "(newsboat syntax? write show_read_feeds = false)"),
    ],
)
def test_a_hand_edit_slip_in_newsboat_s_syntax_says_what_to_write(tmp_path, line, hint):
    message = _message(tmp_path, f"[settings]\n{line}\n")
    assert ":2: invalid TOML: " in message and message.endswith(hint)


@pytest.mark.parametrize("name", ["urls", "config"])
def test_newsboat_s_own_file_given_as_the_config_names_the_import(tmp_path, name):
    """`newstui --config ~/.newsboat/urls` (newsboat's -u habit) said only "invalid TOML"."""
    (tmp_path / "urls").write_text("http://a.example/f.xml news\n", "utf-8")
    (tmp_path / "config").write_text('reload-time 60\nbrowser "w3m %u"\n', "utf-8")
    message = _message_of(tmp_path / name)
    assert f"newsboat's {name}" in message and "not a newstui config" in message
    assert f"`newstui opml import {tmp_path / 'urls'}`" in message


def test_a_mistake_is_named_on_its_line_in_each_copy_read_of_one_file_and_after_an_edit(
    tmp_path: Path,
) -> None:
    """The lines of a config's entries are found once per text read (an import reads the file
    again at each step: its lines were looked up in a copy kept from the step before, compared
    with it character by character at each line, 23 s for 20,000 feeds): each copy, and the
    text once edited, names the line of its own."""
    from newstui.config import parse_config

    path = tmp_path / "feeds.toml"
    feeds = "".join(f'[[feeds]]\nurl = "https://f{n}.example/rss"\n\n' for n in range(300))
    broken = f'{feeds}[[feeds]]\nurl = "https://x.example/rss"\nnmae = "X"\n'
    for text in (broken, "".join(list(broken)), f"# mine\n\n{broken}"):
        with pytest.raises(ConfigError) as info:
            parse_config(path, text)
        line = text.count("\n", 0, text.index("nmae")) + 1
        assert str(info.value).startswith(f"{path}:{line}: unknown key 'nmae'")
