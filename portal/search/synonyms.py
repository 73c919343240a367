"""Synonym and abbreviation groups, applied to the query (so a change needs no reindex).

Two sources, both editable by editors: ``synonyms.yaml`` beside this module and the Begrip
snippets (term, afkorting and synoniemen form one group). The groups are cached per process and
rebuilt when a Begrip is saved or deleted or when the file changes.
"""

import os
import threading
from functools import lru_cache

import yaml

from portal.search.analysis import words

SYNONYMS_FILE = os.path.join(os.path.dirname(__file__), "synonyms.yaml")
#: Longest phrase (in words) looked for in a query.
MAX_PHRASE = 6

_lock = threading.Lock()
_state = {"generation": 0}


def invalidate(**kwargs):  # noqa: ARG001 (signal receiver)
    """Signal receiver: the Begrip snippets changed."""
    with _lock:
        _state["generation"] += 1


def _file_groups():
    try:
        with open(SYNONYMS_FILE, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or []
    except (OSError, yaml.YAMLError):
        return []
    return [[str(item) for item in group] for group in data if isinstance(group, list)]


def _begrip_entries():
    """[(heads, synonyms)] from the Begrip snippets: term and afkorting are equivalent; a synonym
    leads to them (one way: "besluit" finds "AMvB", but "AMvB" does not find every "besluit")."""
    from django.apps import apps
    from django.db import DatabaseError

    if not apps.is_installed("knowledge"):
        return []
    try:
        from knowledge.models import Begrip

        return [
            ([b.term, b.afkorting], b.synoniemen_list)
            for b in Begrip.objects.only("term", "afkorting", "synoniemen")
        ]
    except DatabaseError:
        return []


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
    for heads, synonyms in _begrip_entries():
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
