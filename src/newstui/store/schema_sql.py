"""SQL the schema's steps and the store's statements share: a stored text unpacked, a quote's words,
the full-text indexes' names, rebuilds and triggers."""

from __future__ import annotations

from collections.abc import Callable


def unpacked(value: str) -> str:
    """SQL for a stored text, summary or links as text. inflate() is a dict's lookup (C) of the
    texts being inserted, else zlib.decompress, or '' for a value that does not unpack (a
    damaged store; sql_functions.KnownTexts): a signal's exception raised inside it is kept and raised
    again once the statement fails (kept_stops.kept_stop), not lost to SQLite."""
    return (
        f"(CASE WHEN typeof({value}) = 'blob' THEN CAST(inflate({value}) AS TEXT) ELSE {value} END)"
    )


def quote_span(quote: str, text: str) -> str:
    """SQL for the words of quote row `quote` in the SQL text `text` of its article."""
    return f"substr({text}, {quote}.start + 1, {quote}.end - {quote}.start)"


def quote_words(quote: str, article: str = "a") -> str:
    """SQL for the words of quote row `quote`: its span of the text of article row `article`
    (stored texts are packed since schema 18; `unpacked` reads both forms)."""
    return quote_span(quote, unpacked(f"{article}.text"))


def indexed_quote_words(quote: str) -> str:
    """SQL for the words of quote row `quote` as the quote index reads them since schema 30:
    quote_words with each CJK character a word (cjk_apart, as the articles' index)."""
    return f"cjk_apart({quote_words(quote)})"


# The full-text index's trigger statements from v18 on: a row's words out (given the words as
# indexed: its old text unpacked) and in.
FTS_FORGET_OLD = f"""INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
        VALUES ('delete', old.id, old.title, old.author, {unpacked("old.text")});"""
FTS_ADD_NEW = f"""INSERT INTO articles_fts (rowid, title, author, text)
        VALUES (new.id, new.title, new.author, {unpacked("new.text")});"""


# What brings a full-text index back in step with the stored rows, by its name: the articles'
# index reads every stored text again (a damaged one counts as ''); the quote index, which keeps
# no text (contentless), is emptied and given every stored quote's words from its article.
# (the articles' unstemmed index, for prefixes, since v31: rebuilt with the articles' index)
PREFIX_INDEX = "articles_prefix_fts"
INDEX_REBUILDS: dict[str, list[str]] = {
    "articles_fts": [
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
        f"INSERT INTO {PREFIX_INDEX} ({PREFIX_INDEX}) VALUES ('rebuild')",
    ],
    PREFIX_INDEX: [f"INSERT INTO {PREFIX_INDEX} ({PREFIX_INDEX}) VALUES ('rebuild')"],
    "quotes_fts": [
        "INSERT INTO quotes_fts (quotes_fts) VALUES ('delete-all')",
        f"""INSERT INTO quotes_fts (rowid, text)
        SELECT q.id, search_words({quote_words("q")})
        FROM quotes q JOIN articles a ON a.id = q.article_id""",  # (schema 48's folded_quote_words)
    ],
}


def marking_triggers(
    mark: str,
    forget_old: str = FTS_FORGET_OLD,
    add_new: str = FTS_ADD_NEW,
    words: Callable[[str], str] = quote_words,
) -> list[str]:
    """The triggers of the articles and their quotes from v26 on (made again by each version
    that changes how they mark): a row's words out (and in), and the index marked for a rebuild
    when the old text did not unpack. `mark` is what a mark runs, given the index's name by
    stale_index(name), which returns it: the statement's rows follow (FROM/WHERE);
    `forget_old` and `add_new` give the articles' index a row's words (as FTS_FORGET_OLD and
    FTS_ADD_NEW until v28), `words` the quote index a quote's (quote_words until v30)."""
    articles = mark.format(index="articles_fts")
    quotes = mark.format(index="quotes_fts")
    return [
        "DROP TRIGGER IF EXISTS articles_ad",
        "DROP TRIGGER IF EXISTS articles_au",
        "DROP TRIGGER IF EXISTS quotes_fts_ad",
        "DROP TRIGGER IF EXISTS quotes_fts_au",
        f"""
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        {forget_old}
        {articles} WHERE damaged_text(old.text);
    END
    """,
        f"""
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        {forget_old}
        {add_new}
        {articles} WHERE damaged_text(old.text);
    END
    """,
        f"""
    CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text)
        SELECT 'delete', old.id, {words("old")} FROM articles a WHERE a.id = old.article_id;
        {quotes} FROM articles a
        WHERE a.id = old.article_id AND damaged_text(a.text);
    END
    """,
        f"""
    CREATE TRIGGER quotes_fts_au AFTER UPDATE OF article_id, start, end ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text)
        SELECT 'delete', old.id, {words("old")} FROM articles a WHERE a.id = old.article_id;
        {quotes} FROM articles a
        WHERE a.id = old.article_id AND damaged_text(a.text);
        INSERT INTO quotes_fts (rowid, text)
        SELECT new.id, {words("new")} FROM articles a WHERE a.id = new.article_id;
    END
    """,
    ]
