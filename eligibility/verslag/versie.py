"""The version of the rules an answer is computed with: a hash of the rule files, and the release.

``rules_version()`` is a short sha256 over the files that decide an answer: every parameter
(``parameters/**/*.yaml``), every question module (``questions/*.py``) and the engine's own
modules (the facts, the vocabulary, the sources, the onzekerheden, the Dutch number formats and
the tools' steps in ``verslag/tools.py``). Files are taken in sorted order of their path; each
path and each content goes into the hash, with line endings made ``\\n``, so a checkout on any
system, with or without git metadata, gives the same version for the same rules. Any change to
a rule, a parameter value or a source changes it; a change elsewhere in the portal does not.

``release()`` names the build: the ``PORTAL_RELEASE`` setting or environment variable, set by a
deployment; else ``git describe`` of the checkout, read once; else the version in
``pyproject.toml``. The release is told beside the rules version, not hashed into it: a new
release that leaves the rules alone does not make a record look changed.
"""

import hashlib
import os
import re
import shutil
import subprocess
import tomllib
from functools import cache
from pathlib import Path

from django.conf import settings

ELIGIBILITY = Path(__file__).resolve().parent.parent
PATTERNS = (
    "parameters/**/*.yaml",
    "parameters/__init__.py",
    "questions/*.py",
    "engine.py",
    "facts.py",
    "vocabulary.py",
    "sources.py",
    "wetsteksten.yaml",  # when each linked provision's text starts: it changes the links of an answer
    "labels.py",  # the labels the sentences use
    "onzekerheden.py",
    "onzekerheden.yaml",
    "nl.py",
    "verslag/tools.py",
)
LENGTH = 16  # hex digits: 64 bits, a version name, not a seal (record.seal is the seal)
VERSION_PATTERN = re.compile(rf"^[0-9a-f]{{{LENGTH}}}$")
MAX_RELEASE = 80


def rule_files(root=ELIGIBILITY):
    """The files the rules version covers, in the order they are hashed."""
    found = {path for pattern in PATTERNS for path in root.glob(pattern) if path.is_file()}
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def rules_version(root=ELIGIBILITY):
    """The short sha256 of the rule files under ``root`` (the eligibility folder)."""
    digest = hashlib.sha256()
    for path in rule_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:LENGTH]


@cache
def current():
    """The rules version of this process: the rule files as they were when it first asked."""
    return rules_version()


def _clean(text):
    text = " ".join(str(text).split())
    return text[:MAX_RELEASE]


def _git_describe():
    git = shutil.which("git")
    if not git or not (Path(settings.BASE_DIR) / ".git").exists():
        return ""
    try:
        done = subprocess.run(  # noqa: S603  (a fixed command, no shell, no input from outside)
            [git, "-C", str(settings.BASE_DIR), "describe", "--tags", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return _clean(done.stdout) if done.returncode == 0 else ""


def _package_version():
    try:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return "onbekend"
    return _clean(f"{project.get('name', 'portal')} {project.get('version', '')}")


@cache
def release():
    """The name of this build (see the module's docstring)."""
    configured = getattr(settings, "PORTAL_RELEASE", "") or os.environ.get("PORTAL_RELEASE", "")
    return _clean(configured) or _git_describe() or _package_version()
