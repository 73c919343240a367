"""One module per question; shared building blocks in predicates.py."""
