"""The Whoosh schema of the portal index, and how model values become index terms.

One index holds every indexed model. A document is one object:

- ``docid``: "<top concrete model>:<pk>" (``wagtailcore.page:12``), unique, stored.
- ``digest``: stored hash of the document, so ``search_index_check --deep`` finds stale ones.
- ``ct``: every content type from the top-level model down to the object's own class, so a
  search on ``Page`` finds an ``ArticlePage`` and a search on ``Novel`` never finds a ``Book``.
- ``s_<path>``: a ``SearchField`` (``path`` is ``title`` or ``authors__name`` for one inside
  ``RelatedFields``), analysed as Dutch text with positions for phrases. Boosts are applied at
  query time, so a change of boost needs no reindex.
- ``x_all``: the same text once more, all fields together, each word weighted by its field's
  boost: queries over all fields need one term per word. Boosts are applied at index time here
  (a changed boost needs ``update_index``), at query time for ``fields=`` searches.
- ``a_<path>``: an ``AutocompleteField``, unstemmed, for prefix matching.
- ``spell``: every searchable word unstemmed: the vocabulary for "Bedoelde u ...?".
- ``fi_/ff_/fd_/fs_<name>``: a top-level ``FilterField`` as integer, float, date-time or exact
  string, for filters on the Whoosh side and for facets. ``nulls`` names the filter fields
  whose value is empty, for ``isnull``.

Dynamic (glob) fields keep the schema independent of the models: a new page type or search
field needs a reindex of its objects, never a new schema.
"""

import datetime
import decimal
import uuid

from django.db import models
from django.utils import timezone
from whoosh import fields
from whoosh.analysis import RegexTokenizer

from portal.search.analysis import boosted_text_analyzer, plain_analyzer, text_analyzer

#: Bump when the schema or the analysis changes in a way that needs a full rebuild; an index
#: with another version is recreated by update_index and reported by search_index_check.
SCHEMA_VERSION = 5

INT_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
    "BooleanField",
    "NullBooleanField",
    "TimeField",
    "DurationField",
}
FLOAT_TYPES = {"FloatField", "DecimalField"}
DATE_TYPES = {"DateField", "DateTimeField"}

# A sort of "minus infinity" for values outside the numeric range (never matched by a filter).
INT_BITS = 64


def build_schema():
    schema = fields.Schema(
        docid=fields.ID(unique=True, stored=True),
        digest=fields.STORED(),
        ct=fields.KEYWORD(),
        spell=fields.TEXT(analyzer=plain_analyzer(), phrase=False),
        nulls=fields.KEYWORD(),
    )
    schema.add("s_*", fields.TEXT(analyzer=text_analyzer(), phrase=True), glob=True)
    schema.add("x_*", fields.TEXT(analyzer=boosted_text_analyzer(), phrase=True), glob=True)
    schema.add("a_*", fields.TEXT(analyzer=plain_analyzer(), phrase=False), glob=True)
    schema.add("fi_*", fields.NUMERIC(numtype=int, bits=INT_BITS, signed=True), glob=True)
    schema.add("ff_*", fields.NUMERIC(numtype=float, bits=64), glob=True)
    schema.add("fd_*", fields.DATETIME(), glob=True)
    schema.add("fs_*", fields.ID(analyzer=RegexTokenizer(VALUE_SEPARATED)), glob=True)
    return schema


#: Several values of one string filter field are stored joined by the ASCII unit separator.
SEPARATOR = "\x1f"
VALUE_SEPARATED = "[^\x1f]+"


def join_strings(values):
    return SEPARATOR.join(v.replace(SEPARATOR, " ") for v in values)


def search_field_name(path):
    return "s_" + path


#: All searchable text of a document in one field, every word weighted by its field's boost
#: (see ``analysis.boosted_text``): searched when a query names no fields, one term per word.
ALL_FIELD = "x_all"


def autocomplete_field_name(path):
    return "a_" + path


def filter_kind(internal_type):
    if internal_type in INT_TYPES:
        return "fi"
    if internal_type in FLOAT_TYPES:
        return "ff"
    if internal_type in DATE_TYPES:
        return "fd"
    return "fs"


class Unencodable(Exception):
    """A value that the index cannot represent for this field (the filter goes to the database)."""


def encode(kind, value):
    """A Python value as the index stores it in a filter field of ``kind``."""
    if isinstance(value, models.Model):
        value = value.pk
    if kind == "fi":
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, datetime.time):
            return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond
        if isinstance(value, datetime.timedelta):
            return int(value.total_seconds() * 1_000_000)
        if isinstance(value, (int, str)) and not isinstance(value, bool):
            try:
                number = int(value)
            except ValueError as exc:
                raise Unencodable(value) from exc
            if -(2 ** (INT_BITS - 1)) <= number < 2 ** (INT_BITS - 1):
                return number
        raise Unencodable(value)
    if kind == "ff":
        if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
            return float(value)
        raise Unencodable(value)
    if kind == "fd":
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.make_naive(value, datetime.UTC)
            return value
        if isinstance(value, datetime.date):
            return datetime.datetime(value.year, value.month, value.day)
        raise Unencodable(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return str(value)
    raise Unencodable(value)


def decode(kind, field_type, value):
    """The inverse of ``encode`` for facet values (``value`` as read back from the index)."""
    if kind == "fi":
        if field_type in ("BooleanField", "NullBooleanField"):
            return bool(value)
        if field_type == "TimeField":
            micro = int(value)
            seconds, micro = divmod(micro, 1_000_000)
            return datetime.time(seconds // 3600, (seconds // 60) % 60, seconds % 60, micro)
        return int(value)
    if kind == "fd" and field_type == "DateField":
        return value.date()
    return value
