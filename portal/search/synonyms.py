"""Synonym and abbreviation groups, applied to the query (so a change needs no reindex).

Two kinds of source, both editable by editors: ``synonyms.yaml`` beside this module, and the
sources other apps register with ``register_source`` (the knowledge app: a Begrip's term,
afkorting and synoniemen). The groups are cached per process and rebuilt when the file changes
or an object of a registered source's models is saved or deleted.
"""

import logging
import os
import threading
from functools import lru_cache

import yaml
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save

from portal.search.analysis import words

logger = logging.getLogger(__name__)

SYNONYMS_FILE = os.path.join(os.path.dirname(__file__), "synonyms.yaml")
#: Longest phrase (in words) looked for in a query.
MAX_PHRASE = 6

_lock = threading.Lock()
_state = {"generation": 0}
#: name -> callable giving [(heads, synonyms)]
_sources = {}


def invalidate(**kwargs):  # noqa: ARG001 (signal receiver)
    """Signal receiver: a registered source changed."""
    with _lock:
        _state["generation"] += 1


def register_source(name, entries, models=()):
    """Add (or replace) the synonym source ``name``.

    ``entries()`` returns ``[(heads, synonyms)]``: the heads (strings, empty ones ignored) are
    equivalent to each other; each synonym leads to them, one way ("besluit" finds "AMvB", but
    "AMvB" does not find every "besluit"). Saving or deleting an object of ``models`` rebuilds
    the groups. Call it from an app's ``AppConfig.ready``."""
    _sources[name] = entries
    for model in models:
        uid = f"portal_search_synonyms_{name}_{model._meta.label_lower}"
        post_save.connect(invalidate, sender=model, weak=False, dispatch_uid=f"{uid}_saved")
        post_delete.connect(invalidate, sender=model, weak=False, dispatch_uid=f"{uid}_deleted")
    invalidate()


def _file_groups():
    try:
        with open(SYNONYMS_FILE, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or []
    except (OSError, yaml.YAMLError):
        return []
    return [[str(item) for item in group] for group in data if isinstance(group, list)]


def _source_entries():
    """[(heads, synonyms)] of every registered source (one that cannot be read is left out)."""
    found = []
    for name, entries in list(_sources.items()):
        try:
            found.extend(entries())
        except DatabaseError:  # no table yet (migrations), or the database is away
            logger.warning("Synonym source %r could not be read", name, exc_info=True)
    return found


def _useful(member):
    """Members that would expand far too much are left out: one or two letters, bare numbers."""
    return member and not (len(member) == 1 and (len(member[0]) < 3 or member[0].isdigit()))


@lru_cache(maxsize=4)
def _groups(generation, file_mtime):
    """{folded word tuple: sorted alternatives (folded word tuples, the member itself excluded)}."""
    table = {}

    def link(sources, targets):
        for source in sources:
            if _useful(source) and len(source) <= MAX_PHRASE:
                table.setdefault(source, set()).update(t for t in targets if t != source and _useful(t))

    for group in _file_groups():
        members = {tuple(words(item)) for item in group}
        link(members, members)
    for heads, synonyms in _source_entries():
        head_members = {tuple(words(h)) for h in heads if h}
        link(head_members, head_members)
        link({tuple(words(s)) for s in synonyms}, head_members)
    return {member: sorted(alts) for member, alts in table.items() if alts}


def synonym_table():
    try:
        mtime = os.path.getmtime(SYNONYMS_FILE)
    except OSError:
        mtime = 0
    return _groups(_state["generation"], mtime)


def segment(query_words):
    """Split a list of folded words into units: ("word", w) or ("group", span, alternatives).

    Longest match first, left to right: "social return bij inkoop" gives the group of
    "social return" and then the words "bij" and "inkoop".
    """
    table = synonym_table()
    units = []
    i = 0
    while i < len(query_words):
        for length in range(min(MAX_PHRASE, len(query_words) - i), 0, -1):
            span = tuple(query_words[i : i + length])
            alternatives = table.get(span)
            if alternatives:
                units.append(("group", span, alternatives))
                i += length
                break
        else:
            units.append(("word", query_words[i]))
            i += 1
    return units


def is_known(word):
    """Whether a single folded word is a synonym member (then it is never 'misspelled')."""
    return (word,) in synonym_table()
