"""modelsearch's index interface on the Whoosh index store, and ``update_index``'s rebuilder."""

from modelsearch.backends.base import BaseIndex

from portal.search.documents import build_document, docid, expected_docids


class WhooshIndex(BaseIndex):
    """modelsearch's index interface on an ``IndexStore`` (the backend's, or the store of a
    rebuild's new folder)."""

    def __init__(self, backend, store=None):
        super().__init__(backend)
        self.store = store or backend.store

    def get_key(self):
        return self.store.path

    def __str__(self):
        return f"whoosh:{self.store.path}"

    def refresh(self):
        # Every search refreshes its searcher; nothing to do.
        pass

    def reset(self):
        self.store.reset()

    def add_model(self, model):
        pass

    def add_items(self, model, items):
        self.store.apply(documents=[build_document(model, obj) for obj in items])

    def add_item(self, obj):
        self.add_items(type(obj), [obj])

    def delete_item(self, item):
        self.delete_docids([docid(type(item), item.pk)])

    def delete_docids(self, docids):
        self.store.apply(deletions=docids)


class WhooshRebuilder:
    """``update_index``'s rebuild.

    With the current schema, in place: every object is written again (replacing its old
    document), then documents whose object is gone are deleted; searches keep working and a
    run killed midway leaves every document in place. When the schema changed (or there is no
    index yet), into a new folder beside the live index, swapped in by ``finish``: a run
    killed midway leaves the old index serving (``IndexStore.begin_build``)."""

    def __init__(self, index):
        self.index = index
        self.build = None

    def start(self):
        store = self.index.store
        if store.is_current():
            return self.index
        self.build = store.begin_build()
        self.index = WhooshIndex(self.index.backend, store=self.build.staging)
        return self.index

    def finish(self):
        prune_stale(self.index)
        self.index.store.optimize()
        if self.build is not None:
            self.build.swap()
            self.build = None


def prune_stale(index):
    stale = index.store.doc_ids() - set(expected_docids())
    index.delete_docids(stale)
    return stale
