"""eligibility/management/commands/check_rules.py: the engine from the shell."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from eligibility.engine import evaluate

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("check_rules", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_the_same_json_as_the_api():
    out, _ = run(
        "quotum",
        "--feiten",
        '{"sector": "overheid", "jaar": 2019, "quotumtekort_berekend": 3.47}',
        "--peildatum",
        "2020-10-31",
    )
    expected = evaluate(
        "quotum", {"sector": "overheid", "jaar": 2019, "quotumtekort_berekend": 3.47}, "2020-10-31"
    )
    assert json.loads(out) == expected


@pytest.mark.parametrize(
    "args, veld",
    [
        (["banen", "--feiten", '{"uren_per_week": -1}'], "feiten.uren_per_week"),
        (["banen", "--feiten", "{geen json"], "feiten"),
        (["banen", "--feiten", "[1]"], "feiten"),
        (["banen", "--peildatum", "2024-02-30"], "peildatum"),
        (["pensioen"], "vraag"),
    ],
)
def test_invalid_input_exits_2_with_the_errors(args, veld):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("check_rules", *args, stdout=out, stderr=err)
    assert caught.value.returncode == 2
    assert json.loads(out.getvalue())["fouten"][0]["veld"] == veld
    assert veld in err.getvalue()


def test_the_shell_sees_exit_status_0_and_2():
    manage = [sys.executable, str(ROOT / "manage.py"), "check_rules"]
    ok = subprocess.run(
        [*manage, "banen", "--feiten", '{"uren_per_week": 25.5}', "--peildatum", "2024-01-01"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["antwoord"]["banen"] == 1.0
    bad = subprocess.run(
        [*manage, "banen", "--feiten", '{"uren_per_week": "veel"}'],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert bad.returncode == 2
    assert json.loads(bad.stdout)["fouten"][0]["veld"] == "feiten.uren_per_week"
