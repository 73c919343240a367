"""Who sees the editorial reports: the Redacteuren and Eindredacteuren (and superusers)."""

import rules

from knowledge.rules import is_editor

rules.add_perm("editorial.view_reports", is_editor)
