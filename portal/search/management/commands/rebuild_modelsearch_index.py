"""modelsearch's own name for ``update_index`` (Wagtail ships the command only under that name);
modelsearch's shared backend tests call it by this one."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command  # noqa: F401
