"""Turn a parsed query (newstui.query) into a parameterised SQL condition over `articles a`.

Text parts become one FTS5 MATCH per run of text terms, every user term an FTS5 string; every
other value is a bound parameter. No user text is ever part of the SQL or of FTS5 syntax.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta

from newstui.local_times import DATE_ONLY, day_start
from newstui.model.names import name_key
from newstui.query import (
    SURNAME_PREFIX,
    Age,
    And,
    DateBound,
    EntityRef,
    Fact,
    Node,
    Not,
    Or,
    QuoteText,
    Source,
    Speaker,
    Term,
    TitleSymbols,
    fts_string,
)
from newstui.store.folder_sql import folder_sources
from newstui.store.person_names import (
    PERSON_KEY,
    full_name,
    one_name,
    speaker_wanted,
    spellings,
)
from newstui.store.schema_sql import PREFIX_INDEX
from newstui.store.search_fold import name_fold, search_words

ENTITY_TYPES = {"PERSON": ("PERSON",), "ORG": ("ORG",), "PLACE": ("PLACE",)}
GROUP_TYPES = ("GROUP", "NORP")  # NORP: nationalities, religious and political groups

# The articles' full-text indexes: words stemmed (`floods` finds `flood`), and the same words
# unstemmed (schema 31), what a prefix is matched against: `toky*` finds Tokyo (stemmed, the
# prefix was read as `toki`, and `evacuat*` as nothing `evacuated` became).
WORD_INDEX = "articles_fts"
TEXT_INDEXES = (WORD_INDEX, PREFIX_INDEX)
FTS_MATCHES = "SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?"
PREFIX_MATCHES = f"SELECT rowid AS id FROM {PREFIX_INDEX} WHERE {PREFIX_INDEX} MATCH ?"
INDEX_MATCHES = {WORD_INDEX: FTS_MATCHES, PREFIX_INDEX: PREFIX_MATCHES}
QUOTE_MATCHES = (
    "SELECT DISTINCT q.article_id AS id FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
    "WHERE quotes_fts MATCH ?"
)
QUOTED = "SELECT DISTINCT article_id AS id FROM quotes"
MatchSet = Callable[[str, list[object]], tuple[str, list[object], int | None]]
"""(SELECT of distinct ids, its parameters) → SQL for the same ids (e.g. a table they were saved
in), its parameters and how many ids that is when known."""
# A set of at most this many ids is where a query starts: its articles are looked up by id and
# sorted, instead of scanning every article in list order and testing each against the set.
SMALL_SET = 2000
_FACTS = {
    "unread": "+a.read = 0",  # tested in the covering index, not used to pick one
    "starred": "+a.starred = 1",
    "fulltext": "a.fulltext_status = 'ok'",
    "fulltext_error": "a.fulltext_status = 'failed'",
    "enclosure": 'instr(a.links, \'"kind": "enclosure"\') > 0',
}


Read = Callable[[str, list[object]], int]
"""(SELECT of one number, its parameters) → that number, read from the store: what a plan is
chosen by (how many mentions an entity set has)."""
# An entity mentioned in at least this share of the articles is tested on each article in list
# order (a probe of its mentions), so a listing stops at its limit: person:Maria, where every
# article names a Maria, looked up and sorted all 100,000 before showing the newest 100.
DENSE_SHARE = 2


def query_condition(
    node: Node,
    now: datetime | None = None,
    match_set: MatchSet | None = None,
    read: Read | None = None,
) -> tuple[str, list[object]]:
    """A SQL boolean expression over `articles a` and its parameters; `now` anchors `age:`;
    `match_set` may stand in for the sets of ids a text part matches (see store.match_sets);
    `read` lets an entity part be planned by how many articles it may match (DENSE_SHARE)."""
    return _Compiler(now or datetime.now(UTC), match_set, read).compile(node)


def _like_contains(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _age_cutoff(now: datetime, seconds: int) -> str:
    """The moment `seconds` before now; one before the year 1 (age:<999999w) is the year 1's
    start, which every article is younger than."""
    try:
        return _iso(now - timedelta(seconds=seconds))
    except OverflowError:
        return _iso(datetime.min.replace(tzinfo=UTC))


def day_bound(node: DateBound) -> tuple[str, list[object]]:
    """`after:DAY` (from its first moment) or `before:DAY` (up to it) on `a.sort_date` (also
    `quotes --since DAY`'s), the reader's local day
    (local_times.ZONE), as the dates shown are. An article whose date came without a time
    (stored at midnight UTC, see local_times.DATE_ONLY) is shown on its own day, which west of
    UTC starts before the local one: it is counted on the day shown. A real midnight UTC
    (`timed_midnight`, schema 53) is a time like any other."""
    start = _iso(day_start(node.day))
    date_only = f"{node.day.isoformat()}{DATE_ONLY}"
    if node.op == "after":
        if start > date_only:
            return "(a.sort_date >= ? OR (a.sort_date = ? AND a.timed_midnight IS NULL))", [
                start,
                date_only,
            ]
        return "a.sort_date >= ?", [start]
    if start > date_only:
        return "(a.sort_date < ? AND (a.sort_date <> ? OR a.timed_midnight = 1))", [
            start,
            date_only,
        ]
    return "a.sort_date < ?", [start]


def fts_term(term: Term) -> str:
    """A text term as one FTS5 string (a prefix's with its *), split into words as the index
    reads them (a CJK term: a phrase of its characters, found inside a longer run)."""
    return fts_string(search_words(term.text)) + ("*" if term.prefix else "")


# Set while the store's prefix index is not filled yet (its rebuild mark pending: another
# process held the write lock at the open, or the file is read-only): prefixes are then matched
# by stems, as before schema 31, not against an empty index (found nothing, silently).
_PREFIXES_STEMMED: ContextVar[bool] = ContextVar("prefixes_stemmed", default=False)


@contextmanager
def prefixes_stemmed(stemmed: bool) -> Iterator[None]:
    """Within the block, a one-word prefix is matched in the stemmed index when `stemmed`."""
    token = _PREFIXES_STEMMED.set(stemmed)
    try:
        yield
    finally:
        _PREFIXES_STEMMED.reset(token)


def term_index(term: Term) -> str:
    """The index a text term is matched against: a prefix of one word, the words unstemmed (it
    is what words start with); any other term, a phrase's prefix too, the stemmed words (the
    unstemmed index keeps no positions: schema 31); every term while that index is not filled
    (prefixes_stemmed)."""
    if not term.prefix or _PREFIXES_STEMMED.get():
        return WORD_INDEX
    words = search_words(term.text).split()
    return PREFIX_INDEX if len(words) == 1 and words[0].isalnum() else WORD_INDEX


def fts_expression(node: Node, index: str = WORD_INDEX) -> str | None:
    """The node as one FTS5 expression over `index` when it is made of text terms only, each
    matched against that index (term_index), else None."""
    if isinstance(node, Term):
        if term_index(node) != index:
            return None
        string = fts_term(node)
        return f"{{{node.column}}} : {string}" if node.column else string
    if isinstance(node, Or):
        parts = [fts_expression(p, index) for p in node.parts]
        if any(p is None for p in parts):
            return None
        return "(" + " OR ".join(f"({p})" for p in parts) + ")"
    if isinstance(node, And):
        positive = [fts_expression(p, index) for p in node.parts if not isinstance(p, Not)]
        negative = [fts_expression(p.part, index) for p in node.parts if isinstance(p, Not)]
        if not positive or any(p is None for p in [*positive, *negative]):
            return None
        text = "(" + " AND ".join(f"({p})" for p in positive) + ")"
        if negative:
            text += " NOT (" + " OR ".join(f"({n})" for n in negative) + ")"
        return text
    return None


def text_index(node: Node) -> str | None:
    """The index a node is one FTS5 expression over (fts_expression), None when none."""
    return next((i for i in TEXT_INDEXES if fts_expression(node, i) is not None), None)


def node_matches(node: Node) -> tuple[str, list[object]] | None:
    """The SELECT of the ids (each once) of the articles a node matches when it is one set (text
    terms, a quote's words, having quotes), else None."""
    for index in TEXT_INDEXES:
        text = fts_expression(node, index)
        if text is not None:
            return INDEX_MATCHES[index], [text]
    if isinstance(node, QuoteText):  # its words in this order, in the quotes' own index
        return QUOTE_MATCHES, [fts_string(search_words(node.text))]
    if node == Fact("quotes"):
        return QUOTED, []
    return None


GROUP_KEY = "GROUP:group:"  # how a stored group's key starts (entities.key)


def group_forms(key: str) -> list[str]:
    """The other key a group is stored under when the query names its people and the article
    its adjective, or the other way round: "Kurds" (group:kurd) and "Kurdish", "Jews" and
    "Jewish" (README's `group:Kurds` found nothing, user test r38 L12); nationalities the
    analysis pairs with their country already."""
    if not key.startswith(GROUP_KEY):
        return []
    word = key[len(GROUP_KEY) :]
    if " " in word or len(word) < 3:
        return []
    if word.endswith("ish") and len(word) > 5:
        return [GROUP_KEY + word[:-3]]
    return [GROUP_KEY + word + "ish"]


def entity_ids_sql(keys: tuple[str, ...]) -> tuple[str, list[object]]:
    """SELECT of the ids of the entities with one of these keys (NameKeys entries), as their
    canonical name or as another name an article used for them (entity_names); a person's
    full name also finds the same person written with more or fewer middle names or initials
    (store.person_names), looked up among those with its surname or its first name (indexes:
    no scan of every entity). A full name does not find a lone surname's entity ("Mugabe"
    alone may be another Mugabe): the store joins a lone surname to the full name itself when
    it can tell whose it is. Titles before a person's name are dropped (person_names.TITLES);
    a name alone finds every person with it as any of their names ("Tedros", "Mugabe"), and a
    surname its spellings ending otherwise in y/i (person_names.spellings)."""
    full = [k for k in keys if not k.startswith(SURNAME_PREFIX)]
    short = [k.removeprefix(SURNAME_PREFIX) for k in keys if k.startswith(SURNAME_PREFIX)]
    names = [name for name in map(full_name, full) if name is not None]
    full += [PERSON_KEY + words for words, _, _ in names]  # its key without titles
    full += [form for key in full for form in group_forms(key)]  # Kurds: also Kurdish
    alone = [name for name in map(one_name, full) if name is not None]
    for name in alone:  # a name alone: a surname, spelt either way
        short += [f"person:{spelt}" for spelt in spellings(name)]
    sql = (
        "SELECT e.id FROM entities e WHERE e.key IN (SELECT value FROM json_each(?)) "
        "UNION SELECT e.id FROM entities e WHERE e.short_key IN (SELECT value FROM json_each(?)) "
        "UNION SELECT n.entity_id FROM entity_names n WHERE n.key IN (SELECT value FROM json_each(?))"
    )
    params: list[object] = [json.dumps(full), json.dumps(short), json.dumps(full)]
    for name in dict.fromkeys(alone):
        # any of a person's names (first, middle or surname): one pass over the people's keys
        # in the key index, no row read (" tedros " in " tedros adhanom ghebreyesus ")
        sql += (
            " UNION SELECT e.id FROM entities e WHERE e.key >= ? AND e.key < ?"
            " AND instr(' ' || substr(e.key, ?) || ' ', ?) > 0"
            " UNION SELECT n.entity_id FROM entity_names n WHERE n.key >= ? AND n.key < ?"
            " AND instr(' ' || substr(n.key, ?) || ' ', ?) > 0"
        )
        people = [PERSON_KEY, PERSON_KEY[:-1] + ";", len(PERSON_KEY) + 1, f" {name} "]
        params += people + people
    for words, first, surname in dict.fromkeys(names):
        # keys of this first name: from "PERSON:person:robert " up to (not) "…robert!"
        low, high = f"{PERSON_KEY}{first} ", f"{PERSON_KEY}{first}!"
        sql += (
            " UNION SELECT e.id FROM entities e WHERE e.short_key IN"
            " (SELECT value FROM json_each(?)) AND same_person(e.key, ?)"
            " UNION SELECT e.id FROM entities e WHERE e.key >= ? AND e.key < ?"
            " AND same_person(e.key, ?)"
            " UNION SELECT n.entity_id FROM entity_names n WHERE n.key >= ? AND n.key < ?"
            " AND same_person(n.key, ?)"
        )
        surnames = json.dumps([f"person:{spelt}" for spelt in spellings(surname)])
        params += [surnames, words, low, high, words, low, high, words]
    return sql, params


def _written_speaker(name: str, keys: tuple[str, ...]) -> tuple[str, list[object]]:
    """The condition on a quote's speaker as written (speaker_quotes), its parameters."""
    escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    written = "q.speaker = ? COLLATE NOCASE OR q.speaker LIKE ? ESCAPE '\\'"
    written_params: list[object] = [name, f"% {escaped}"]
    wanted = speaker_wanted(keys)
    if wanted is not None:
        written += " OR named_speaker(q.speaker, ?)"
        written_params.append(wanted)
    return written, written_params


def speaker_quote_test(
    name: str, keys: tuple[str, ...], entities: tuple[str, list[object]]
) -> tuple[str, list[object]]:
    """speaker_quotes' choice as a test of one quote q (on each quote of an article: a dense
    speaker, Speaker in _Compiler), its parameters."""
    select, params = entities
    written, written_params = _written_speaker(name, keys)
    if not keys:
        return f"(+q.speaker_entity_id IN ({select}) OR {written})", [*params, *written_params]
    return (
        f"(+q.speaker_entity_id IN ({select}) OR +q.speaker = ?"
        f" OR (q.speaker_entity_id IS NULL AND ({written})))",
        [*params, name, *written_params],
    )


def speaker_quotes(
    column: str,
    name: str,
    keys: tuple[str, ...],
    entities: tuple[str, list[object]] | None = None,
) -> tuple[str, list[object]]:
    """SELECT of `column` (`q.id`, `q.article_id`) of the quotes q of a speaker (`speaker:`,
    `quotes --speaker`): by its entity (entity_ids_sql of `keys`, or `entities`' SELECT), and a
    speaker with no entity by the name as written, any case (the whole of it, or its last
    words: "Peskov" finds "Dmitry Peskov"), and by the person rules an entity is found by (a
    full name with more or fewer middle names, a name alone among its names:
    person_names.named_speaker); one with an entity also by the name exactly as written
    (indexed lookups: by entity, by name, and the quotes with no entity)."""
    select, params = entities if entities is not None else entity_ids_sql(keys)
    written, written_params = _written_speaker(name, keys)
    sql = f"SELECT {column} FROM quotes q WHERE q.speaker_entity_id IN ({select}) UNION "
    if not keys:  # no key function (the store's own callers): the name as written, any quote
        return sql + f"SELECT {column} FROM quotes q WHERE {written}", [*params, *written_params]
    sql += (
        f"SELECT {column} FROM quotes q WHERE q.speaker = ? UNION "
        f"SELECT {column} FROM quotes q WHERE q.speaker_entity_id IS NULL AND ({written})"
    )
    return sql, [*params, name, *written_params]


# The articles whose title names one of the places {entities} selects, by the name stored for
# it, as written (case too: the `US` of a title is not `us`): what the headline says happened
# where, which the text may not name again (the analysis reads the text only). Found by the
# title's words (the index, CJK split as it reads them), checked by the letters.
_TITLED = (
    "SELECT t.id FROM entities e, articles_fts f JOIN articles t ON t.id = f.rowid "
    "WHERE e.id IN ({entities}) AND e.type = 'PLACE' "
    "AND f.articles_fts MATCH '{{title}} : \"' || replace(search_words(e.name), '\"', '\"\"') || '\"' "
    "AND instr(t.title, e.name) > 0"
)
_TEXT_COST = 3


def _cost(node: Node) -> int:
    """How dear a node is to test on one article: a column of the listing index (0), a source
    or a partial index (1), a set from mentions or quotes (2), text (3), mixed (4)."""
    if isinstance(node, Not):
        return _cost(node.part)
    if isinstance(node, DateBound | Age) or node in (Fact("unread"), Fact("starred")):
        return 0
    if node == Fact("quotes"):
        return 2
    if isinstance(node, Fact | Source):
        return 1
    if isinstance(node, EntityRef | Speaker):
        return 2
    if isinstance(node, QuoteText | TitleSymbols) or text_index(node) is not None:
        return _TEXT_COST
    return 4


class _Compiler:
    def __init__(self, now: datetime, match_set: MatchSet | None, read: Read | None) -> None:
        self.now = now
        self.match_set = match_set
        self.read = read

    def matching(self, select: str, params: list[object]) -> tuple[str, list[object]]:
        """`+a.id IN` the ids `select` yields. `+a.id`: test membership while scanning an index
        in list order instead of looking up each matching article's row (rows hold the whole
        text, and a common word matches most of them); a small known set is looked up."""
        size = None
        if self.match_set is not None:
            select, params, size = self.match_set(select, params)
        plus = "" if size is not None and size <= SMALL_SET else "+"
        return f"{plus}a.id IN ({select})", params

    def compile(self, node: Node) -> tuple[str, list[object]]:
        select = node_matches(node)
        if select is not None:
            return self.matching(*select)
        if isinstance(node, And):
            return self.conjunction(node)
        if isinstance(node, Or):
            parts = [self.compile(p) for p in node.parts]
            return "(" + " OR ".join(s for s, _ in parts) + ")", [v for _, ps in parts for v in ps]
        if isinstance(node, Not):
            sql, params = self.compile(node.part)
            return f"NOT ({sql})", params
        if isinstance(node, Fact):
            return _FACTS[node.name], []
        if isinstance(node, Source):
            return self.source(node)
        if isinstance(node, DateBound):
            return day_bound(node)
        if isinstance(node, Age):
            cutoff = _age_cutoff(self.now, node.seconds)
            return ("a.sort_date >= ?" if node.op == "<" else "a.sort_date < ?"), [cutoff]
        if isinstance(node, EntityRef):
            entities, params = self.entities(node.kind, node.name, node.keys)
            mentioned = f"SELECT m.article_id FROM mentions m WHERE m.entity_id IN ({entities})"
            if node.kind == "PLACE":
                return f"a.id IN ({mentioned} UNION {_TITLED.format(entities=entities)})", [
                    *params,
                    *params,
                ]
            if self.dense(entities, params):
                # each article in list order: its own mentions (primary key), the entity ids
                # a set made once (`+`: not one probe of the entity index per id and article)
                return (
                    "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id"
                    f" AND +m.entity_id IN ({entities}))",
                    params,
                )
            return f"a.id IN ({mentioned})", params
        if isinstance(node, Speaker):
            return self.speaker(node)
        if isinstance(node, TitleSymbols):  # each title read: ~12 ms CPU for 80,000 articles
            return "instr(a.title, ?) > 0", [node.text]
        assert isinstance(node, Term | QuoteText)  # pragma: no cover - node_matches took them
        raise AssertionError(node)

    def dense(
        self,
        entities: str,
        params: list[object],
        rows: str = "SELECT 1 FROM mentions m WHERE m.entity_id IN ({})",
    ) -> bool:
        """Whether the entities' `rows` (mentions, or quotes) are at least a DENSE_SHARE share
        of the articles: counted up to that many only, from the entity index (a few ms)."""
        if self.read is None:
            return False
        articles = self.read("SELECT coalesce(max(id), 0) FROM articles", [])
        enough = articles // DENSE_SHARE
        if enough < SMALL_SET:
            return False
        found = self.read(
            f"SELECT count(*) FROM ({rows.format(entities)} LIMIT ?)", [*params, enough]
        )
        return found >= enough

    def conjunction(self, node: And) -> tuple[str, list[object]]:
        """Text parts in one MATCH (negated ones with FTS5 NOT), the rest ANDed beside it,
        cheapest test first: SQLite tests a row's conditions in the order written."""
        tests: list[tuple[int, str, list[object]]] = []
        claimed: list[Node] = []
        for index in TEXT_INDEXES:
            text_pos = [p for p in node.parts if fts_expression(p, index) is not None]
            text_neg = [
                p
                for p in node.parts
                if isinstance(p, Not) and fts_expression(p.part, index) is not None
            ]
            claimed += [*text_pos, *text_neg]
            if text_pos:
                sql, ps = self.compile(
                    And((*text_pos, *text_neg))
                    if len(text_pos) + len(text_neg) > 1
                    else text_pos[0]
                )
                tests.append((_TEXT_COST, sql, ps))
            elif text_neg:
                expression = " OR ".join(f"({fts_expression(p.part, index)})" for p in text_neg)
                sql, ps = self.matching(INDEX_MATCHES[index], [expression])
                tests.append((_TEXT_COST, f"NOT {sql}", ps))
        rest = [p for p in node.parts if p not in claimed]
        tests += [(_cost(part), *self.compile(part)) for part in rest]
        tests.sort(key=lambda test: test[0])
        return "(" + " AND ".join(sql for _, sql, _ in tests) + ")", [
            v for _, _, ps in tests for v in ps
        ]

    def source(self, node: Source) -> tuple[str, list[object]]:
        if node.kind == "tag":  # (a folder holds its subfolders: model.folders)
            sources, folder = folder_sources(node.value)
            return f"+a.feed_id IN ({sources})", folder
        # (LIKE ignores the case of ASCII letters only: feed:SÜDDEUTSCHE found nothing); the
        # name or URL folded as search folds words too: feed:lodz finds "Łódź Daily"
        wanted, folded = name_key(node.value), name_fold(node.value)
        contains = "instr(name_key(s.name), ?) > 0 OR instr(name_key(s.url), ?) > 0"
        params: list[object] = [wanted, wanted]
        if folded:  # (a value of blanks only folds to nothing, which every name holds)
            contains += " OR instr(name_fold(s.name), ?) > 0 OR instr(name_fold(s.url), ?) > 0"
            params += [folded, folded]
        return f"+a.feed_id IN (SELECT s.id FROM feeds s WHERE {contains})", params

    def entities(
        self, kind: str | None, name: str, keys: tuple[str, ...]
    ) -> tuple[str, list[object]]:
        """SELECT of the ids of entities a name stands for: its keys, else its exact name."""
        types = GROUP_TYPES if kind == "GROUP" else ENTITY_TYPES.get(kind or "", ())
        if not keys:  # no key function: the canonical name, any case
            where = "e.name = ? COLLATE NOCASE"
            params: list[object] = [name]
            if types:
                where += " AND e.type IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(types))
            return f"SELECT e.id FROM entities e WHERE {where}", params
        return entity_ids_sql(keys)

    def speaker(self, node: Speaker) -> tuple[str, list[object]]:
        entities = self.entities(None, node.name, node.keys)  # any type that speaks
        if self.dense(*entities, "SELECT 1 FROM quotes q WHERE q.speaker_entity_id IN ({})"):
            # each article in list order: its own quotes (quotes_article), as an entity is
            test, params = speaker_quote_test(node.name, node.keys, entities)
            return f"EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND {test})", params
        quotes, params = speaker_quotes("q.article_id", node.name, node.keys, entities)
        return f"a.id IN ({quotes})", params
