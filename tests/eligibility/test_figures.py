"""Say each legal fact once: no sentence of the rules module types a figure that a dated parameter holds.

The numbers and dates a sentence states (25,5 · 1.331 · 40.575 · € 5.000 · 1 augustus · 1 mei 2015)
come from the parameter in force, formatted by eligibility.nl. This test reads every string of the
module's code (docstrings and comments aside) and the checker templates and fails on a figure that is
also a parameter value or a parameter's start date. Years on their own are left out: they name laws
and documents (Wajong 2015, Kamerbrief 2023). The titles of cited documents in eligibility/sources.py
are citations, not rules, and are left out too.
"""

import ast
import datetime
import re
from pathlib import Path

from eligibility.nl import MONTHS, format_value, nl_date
from eligibility.parameters import PARAMETERS

ROOT = Path(__file__).resolve().parents[2]
CODE = [path for path in sorted((ROOT / "eligibility").rglob("*.py")) if path.name != "sources.py"]
TEMPLATES = sorted((ROOT / "templates" / "eligibility").rglob("*.html"))
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d{3,})(?![\w,]|\.\d)")
MONTH = "|".join(MONTHS)
DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTH})(?: \d{{4}})?\b")


def _figures():
    """Every parameter value and start date as a sentence would write it."""
    figures = set()

    def add(value, year_like=True):
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float) and not (
            year_like and isinstance(value, int) and 1990 <= value <= 2100
        ):
            figures.update({format_value(value), str(value)})
        elif isinstance(value, datetime.date):
            figures.add(nl_date(value))
        elif isinstance(value, dict) and set(value) == {"dag", "maand"}:
            figures.add(format_value(value))
        elif isinstance(value, dict):
            for item in value.values():
                add(item)

    for param in PARAMETERS.values():
        for start, entry in zip(param.dates, param.entries, strict=True):
            add(entry.value, year_like="euro" not in param.unit)  # € 2.000 is an amount, 2019 a year
            figures.add(nl_date(start))
    return {
        figure for figure in figures if len(re.sub(r"\D", "", figure)) >= 2 or re.search(r"[a-z]", figure)
    }


def _strings(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and ast.get_docstring(node, clean=False) is not None
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _typed_figures(text, figures):
    return [hit for hit in DATE.findall(text) + NUMBER.findall(text) if hit in figures]


def test_the_figures_are_the_parameters_own():
    figures = _figures()
    assert {"25,5", "1.331", "40.575", "5.000", "2.000", "1 augustus", "1 mei 2015"} <= figures


def test_no_sentence_of_the_rules_module_types_a_figure_of_a_parameter():
    figures = _figures()
    found = [
        f"{path.relative_to(ROOT)}:{line}: {hits}"
        for path in CODE
        for line, text in _strings(path)
        if (hits := _typed_figures(text, figures))
    ]
    found += [
        f"{path.relative_to(ROOT)}:{number}: {hits}"
        for path in TEMPLATES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if (hits := _typed_figures(line, figures))
    ]
    assert not found, found


def test_a_typed_figure_is_found():
    figures = _figures()
    assert _typed_figures(
        "De drempel is 40.575 uur; een baan is 25,5 uur; uiterlijk 1 augustus.", figures
    ) == [
        "1 augustus",
        "40.575",
        "25,5",
    ]
    assert _typed_figures("Wajong 2015, artikel 38b, 12,5 uur", figures) == []
