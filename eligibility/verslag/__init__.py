"""Beslisverslagen: checker and calculator answers as re-runnable decision records.

- ``versie``: the rules version (a hash of the rule files) and the release;
- ``tools``: the answer as each tool computes it;
- ``record``: making, sealing, reading a record, and the record as a link;
- ``compare``: computing a record again under today's rules and saying what changed;
- ``views`` and ``api``: the record page, the check of a saved record, ``POST /api/checks/verslag``.
"""
