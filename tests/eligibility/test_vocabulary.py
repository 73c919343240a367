"""One vocabulary: a fact carries its own question, help and begrippen, a doelgroep ground its
label and entry facts, and no other module lists them again, so adding a ground is the ground
(questions/doelgroep.py) and its facts (vocabulary.py), nothing else."""

import ast
import pathlib

from django.conf import settings

from eligibility.questions import doelgroep
from eligibility.vocabulary import FACTS, VOCABULARY

ELIGIBILITY = pathlib.Path(settings.BASE_DIR) / "eligibility"
BEGRIPPEN = pathlib.Path(settings.BASE_DIR) / "content" / "begrippen"


def test_every_begrip_a_fact_links_to_exists():
    missing = [
        (f.name, slug) for f in FACTS for slug in f.begrippen if not (BEGRIPPEN / f"{slug}.md").exists()
    ]
    assert missing == []
    assert sum(bool(f.begrippen) for f in FACTS) >= 40  # the checker links them on its screens


def test_every_ground_has_a_label_and_entry_facts_of_the_vocabulary():
    for rule in doelgroep.GRONDEN:
        assert rule.label and rule.label != rule.id and "_" not in rule.label, rule.id
        assert rule.entry and all(name in VOCABULARY for name in rule.entry), rule.id
        assert doelgroep.LABELS[rule.id] == rule.label


def _string_literals(path):
    """The string literals of a module, but not the begrip slugs of a fact (``begrippen=``)."""
    tree = ast.parse(path.read_text())
    slugs = {
        id(node)
        for keyword in ast.walk(tree)
        if isinstance(keyword, ast.keyword) and keyword.arg == "begrippen"
        for node in ast.walk(keyword.value)
    }
    return {
        (node.value, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in slugs
    }


def test_no_module_lists_a_ground_again():
    """A ground's id is typed only where the ground is declared (and a fact that shares its name
    in the vocabulary): screens, sentences and the API take it from the rule."""
    grounds = {rule.id for rule in doelgroep.GRONDEN} | {doelgroep.UITSLUITING.id}
    facts = set(VOCABULARY)
    found = [
        (str(path.relative_to(ELIGIBILITY)), value, line)
        for path in ELIGIBILITY.rglob("*.py")
        if path.name != "doelgroep.py" and "migrations" not in path.parts
        for value, line in _string_literals(path)
        if value in grounds and value not in facts
    ]
    assert found == []


def test_the_check_finds_a_ground_typed_elsewhere(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('if grond == "wsw_indicatie":\n    Fact("x", begrippen=("praktijkroute",))\n')
    assert _string_literals(sample) == {("wsw_indicatie", 1), ("x", 2)}
