"""The guided checker: one question per screen, its state only in the URL.

``state`` reads and writes the query string (the facts and the peildatum) and walks the engine to
find the questions to ask, in the order of its ``ontbrekende_feiten``; ``text`` turns answers into
plain Dutch for the screens.
"""
