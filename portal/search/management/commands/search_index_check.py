"""Compare the Whoosh index with the database and repair the difference.

    python manage.py search_index_check            # find and repair
    python manage.py search_index_check --dry-run  # only report
    python manage.py search_index_check --deep     # also compare every document's content

Finds objects that are missing from the index (an indexing run killed midway, a save whose index
write failed) and documents whose object is gone (a delete that never reached the index); with
``--deep`` also documents whose content is out of date. An index of an old schema is rebuilt
beside the live one (``update_index``), and the folders of interrupted rebuilds are removed. Exit status 1 when a difference was
found and not repaired (``--dry-run``), so it can run from cron or a health check.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend

from portal.search.backend import WhooshSearchBackend
from portal.search.documents import build_document, expected_docids


class Command(BaseCommand):
    help = "Vergelijk de zoekindex met de database en herstel de verschillen."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="Search backend name (default: default)")
        parser.add_argument("--dry-run", action="store_true", help="Only report, change nothing")
        parser.add_argument("--deep", action="store_true", help="Also compare the content of every document")

    def handle(self, *args, **options):
        backend = get_search_backend(options["backend"])
        if not isinstance(backend, WhooshSearchBackend):
            self.stdout.write(
                f"Backend {options['backend']!r} keeps its index in the database: nothing to check."
            )
            return
        store = backend.store
        index = backend.get_index()
        if not store.is_current():
            if options["dry_run"]:
                raise CommandError("The index is missing or has an old schema: run update_index.")
            self.stdout.write("Index missing or of an old schema: rebuilding it beside the live one.")
            call_command("update_index", backend_name=options["backend"], verbosity=0)
        if not options["dry_run"]:
            for folder in store.remove_leftovers():
                self.stdout.write(f"Removed the folder of an interrupted rebuild: {folder}")

        expected = expected_docids()
        indexed = store.digests()
        missing = sorted(set(expected) - set(indexed))
        stale = sorted(set(indexed) - set(expected))
        outdated = []
        if options["deep"]:
            for key, (model, pk) in expected.items():
                if key in indexed:
                    obj = model.get_indexed_objects().filter(pk=pk).first()
                    if obj is not None and build_document(model, obj)["digest"] != indexed[key]:
                        outdated.append(key)

        self.stdout.write(
            f"{len(expected)} objects, {len(indexed)} documents: {len(missing)} missing, "
            f"{len(stale)} stale" + (f", {len(outdated)} out of date" if options["deep"] else "") + "."
        )
        for label, keys in (("missing", missing), ("stale", stale), ("out of date", outdated)):
            for key in keys[:20]:
                self.stdout.write(f"  {label}: {key}")
            if len(keys) > 20:
                self.stdout.write(f"  ... and {len(keys) - 20} more {label}")

        if not (missing or stale or outdated):
            return
        if options["dry_run"]:
            raise CommandError("The index differs from the database (dry run: nothing repaired).")

        to_add = {}
        for key in missing + outdated:
            model, pk = expected[key]
            to_add.setdefault(model, []).append(pk)
        for model, pks in to_add.items():
            for start in range(0, len(pks), 500):
                objs = list(model.get_indexed_objects().filter(pk__in=pks[start : start + 500]))
                index.add_items(model, objs)
        index.delete_docids(stale)
        self.stdout.write(
            self.style.SUCCESS(f"Repaired: {len(missing) + len(outdated)} written, {len(stale)} deleted.")
        )
