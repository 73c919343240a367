"""Whoosh documents: what one model object becomes in the index (see ``portal.search.schema``).

``build_document(model, obj)`` reads the model's ``search_fields``; ``docid`` names a document;
``expected_docids`` lists what the database says should be indexed (for rebuilds and
``search_index_check``).
"""

import hashlib

from django.utils.encoding import force_str
from modelsearch.backends.base import get_model_root
from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField, get_indexed_models

from portal.search import analysis, schema


def content_types(model):
    """The content type names of ``model`` and every indexed ancestor."""
    names = []
    current = model
    while current is not None:
        names.append(current.indexed_get_content_type())
        current = current.indexed_get_parent()
    return names


def docid(model, pk):
    """The document id: the top concrete model (``wagtailcore.page`` for every page) and the pk."""
    return f"{get_model_root(model)._meta.label_lower}:{pk}"


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(_flatten(v) for v in value.values())
    if isinstance(value, (list, tuple, set)):
        return "\n".join(_flatten(v) for v in value)
    return force_str(value)


def _values(value):
    """A related manager, queryset, list or single value as a list."""
    if value is None:
        return []
    if callable(getattr(value, "all", None)):  # a related manager or a queryset
        return list(value.all())
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [value]


def _collect_text(obj, search_fields, prefix, doc, spell, boosted):
    for field in search_fields:
        if isinstance(field, SearchField):
            text = _flatten(field.get_value(obj))
            if text:
                name = schema.search_field_name(prefix + field.field_name)
                doc[name] = f"{doc[name]}\n{text}" if name in doc else text
                boosted.append((field.boost or 1.0, text))
                spell.append(text)
        elif isinstance(field, AutocompleteField):
            text = _flatten(field.get_value(obj))
            if text:
                name = schema.autocomplete_field_name(prefix + field.field_name)
                doc[name] = f"{doc[name]}\n{text}" if name in doc else text
        elif isinstance(field, RelatedFields):
            for sub_obj in _values(field.get_value(obj)):
                _collect_text(sub_obj, field.fields, f"{prefix}{field.field_name}__", doc, spell, boosted)


def build_document(model, obj):
    """The Whoosh document (a dict of field name -> value) for one object."""
    doc = {"docid": docid(model, obj.pk), "ct": " ".join(content_types(model))}
    spell = []
    boosted = []
    nulls = []
    search_fields = model.get_search_fields()
    _collect_text(obj, search_fields, "", doc, spell, boosted)
    if boosted:
        doc[schema.ALL_FIELD] = analysis.boosted_text(boosted)
    for field in search_fields:
        if not isinstance(field, FilterField):
            continue
        kind = schema.filter_kind(field.get_type(model))
        name = f"{kind}_{field.get_attname(model)}"
        encoded = []
        for value in _values(field.get_value(obj)):
            if value is None:
                continue
            try:
                encoded.append(schema.encode(kind, value))
            except schema.Unencodable:
                continue
        if not encoded:
            nulls.append(field.get_attname(model))
        elif kind == "fs":
            doc[name] = schema.join_strings(encoded)
        else:
            doc[name] = encoded if len(encoded) > 1 else encoded[0]
    if nulls:
        doc["nulls"] = " ".join(nulls)
    if spell:
        doc["spell"] = "\n".join(spell)
    doc["digest"] = document_digest(doc)
    return doc


def document_digest(doc):
    payload = repr(sorted((k, v) for k, v in doc.items() if k != "digest")).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(payload, digest_size=12).hexdigest()


# ---------------------------------------------------------------------------------------------
# Index (modelsearch's interface)
# ---------------------------------------------------------------------------------------------


def expected_docids(models=None):
    """docid -> (model, pk) for every object that should be in the index."""
    expected = {}
    for model in models or get_indexed_models():
        queryset = model.get_indexed_objects().prefetch_related(None).select_related(None)
        for pk in queryset.values_list("pk", flat=True).iterator(chunk_size=2000):
            expected[docid(model, pk)] = (model, pk)
    return expected
