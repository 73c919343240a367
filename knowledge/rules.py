"""Object permissions that Wagtail's own permissions do not cover (django-rules).

Wagtail decides who may edit and publish pages (groups + the review workflow). What it does not
know is the life cycle of a submitted question: any editor may pick one up, but only an
Eindredacteur may close it (answered or rejected), because closing erases the asker's address.
"""

import rules

REDACTIE = "Redacteur"
EINDREDACTIE = "Eindredacteur"

is_redacteur = rules.is_group_member(REDACTIE)
is_eindredacteur = rules.is_group_member(EINDREDACTIE)
is_editor = is_redacteur | is_eindredacteur | rules.is_superuser

rules.add_perm("knowledge.close_submittedquestion", is_eindredacteur | rules.is_superuser)
rules.add_perm("knowledge.handle_submittedquestion", is_editor)
