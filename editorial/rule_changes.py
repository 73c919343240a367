"""Compare the rules YAML files with the versions the portal last saw, and flag the pages that cite
what changed.

``check()`` runs at ``make run`` (after migrate and the content load), at deploy and from
``manage.py check_parameter_changes``. The first run on a database only stores the files as they
are (a baseline: no flags). After that, each file whose hash differs from its snapshot is compared
value by value: a new dated value, a changed or removed value, or changed references of a value
each become a ``RuleChange`` with the old and new value and the date it takes effect, and every
page that cites the parameter gets a ``ReviewFlag``. History is never edited, so in practice a
rule change is a new dated value: the flag then says "5.000 euro → 6.000 euro per 1 januari 2027".

The question modules (eligibility/questions/*.py) are watched too, by hash: a changed module is a
changed rule, and flags the kennisartikelen its rules link to.
"""

import datetime
import hashlib
import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from editorial.citations import CitationIndex, describe
from editorial.models import ParameterSnapshot, ReviewFlag, RuleChange
from eligibility.parameters import format_value

logger = logging.getLogger(__name__)


def watched_dirs():
    """The folders of the rules: the parameters (YAML) and the questions (a module each)."""
    configured = getattr(settings, "EDITORIAL_RULE_DIRS", None)
    if configured:
        return [Path(d) for d in configured]
    base = Path(settings.BASE_DIR) / "eligibility"
    return [base / "parameters", base / "questions"]


@dataclass
class RuleFile:
    """One rules file: its key (``parameters/quotum/heffing_per_baan.yaml``), the rule name it
    stands for (``quotum.heffing_per_baan``; files outside parameters/ get their folder in front:
    ``questions.quotum``) and its content in JSON form: the parsed YAML, or for a question module
    its hash and the kennisartikelen its rules link to."""

    key: str
    name: str
    sha256: str
    content: dict

    @property
    def is_parameter(self):
        return isinstance(self.content.get("values"), dict)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(_jsonable(k)): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _rule_name(folder, relative):
    dotted = ".".join(relative.with_suffix("").parts)
    return dotted if folder.name == "parameters" else f"{folder.name}.{dotted}"


_STRING = re.compile(r"""["']([a-z0-9]+(?:-[a-z0-9]+)+)["']""")


def _module_content(raw, sha256):
    """A question module as the snapshot keeps it: which kennisartikelen its rules link to (a
    change to the module is a change to those rules; its source text itself is not stored)."""
    from eligibility.sources import KENNISARTIKELEN

    slugs = set(_STRING.findall(raw.decode("utf-8", errors="replace"))) & set(KENNISARTIKELEN)
    return {"module": sha256, "kennisartikel": sorted(slugs)}


def _rule_paths(folder):
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".yaml" or (path.suffix == ".py" and path.name != "__init__.py"):
            yield path


def read_files(dirs=None):
    """({key: RuleFile}, [error messages]) for every rules file under the watched folders."""
    files, errors = {}, []
    for folder in dirs or watched_dirs():
        if not folder.is_dir():
            continue
        for path in _rule_paths(folder):
            relative = path.relative_to(folder)
            key = f"{folder.name}/{relative.as_posix()}"
            raw = path.read_bytes()
            sha256 = hashlib.sha256(raw).hexdigest()
            if path.suffix == ".py":
                files[key] = RuleFile(key, _rule_name(folder, relative), sha256, _module_content(raw, sha256))
                continue
            try:
                content = yaml.safe_load(raw.decode("utf-8"))
            except (UnicodeDecodeError, yaml.YAMLError) as exc:
                errors.append(f"{key}: geen geldige YAML ({exc.__class__.__name__})")
                continue
            if not isinstance(content, dict):
                errors.append(f"{key}: geen mapping")
                continue
            files[key] = RuleFile(key, _rule_name(folder, relative), sha256, _jsonable(content))
    return files, errors


def _collect(content, wanted):
    """Every string value under key ``wanted`` anywhere in the content (also in lists)."""
    found = set()
    if isinstance(content, dict):
        for key, value in content.items():
            if key == wanted:
                values = value if isinstance(value, list) else [value]
                found.update(v for v in values if isinstance(v, str) and v)
                found.update(
                    v["slug"] for v in values if isinstance(v, dict) and isinstance(v.get("slug"), str)
                )
            else:
                found |= _collect(value, wanted)
    elif isinstance(content, list):
        for item in content:
            found |= _collect(item, wanted)
    return found


def kennisartikelen(*contents):
    return set().union(*(_collect(c or {}, "kennisartikel") for c in contents))


def bronnen(*contents):
    return set().union(*(_collect(c or {}, "bron") for c in contents))


# Comparing two versions of a file


def _date(text):
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def _show(value, unit):
    if isinstance(value, str) and _date(value):
        value = _date(value)
    shown = format_value(value)
    return f"{shown} {unit}" if unit and value is not None and not isinstance(value, bool) else shown


def _in_force(values, day):
    """The entry of ``values`` in force on ISO date ``day`` (the latest start on or before it)."""
    earlier = [d for d in values if str(d) <= day]
    return values[max(earlier)] if earlier else None


def _references(entry):
    refs = (entry or {}).get("reference") or []
    return "; ".join(str(r.get("titel", "")) if isinstance(r, dict) else str(r) for r in refs)


def _value(entry):
    return entry.get("value") if isinstance(entry, dict) else entry


def _shown(entry, unit):
    """An entry's value as a visitor reads it, marked when the source calls it provisional."""
    shown = _show(_value(entry), unit)
    return f"{shown} (voorlopig)" if isinstance(entry, dict) and entry.get("voorlopig") else shown


def compare(name, old, new):
    """The unsaved ``RuleChange`` s between two versions (``None``: the file did not exist)."""
    content = new or old
    unit = str(content.get("unit") or "")
    if not isinstance(content.get("values"), dict):
        return [] if old == new else [RuleChange(parameter=name, kind=RuleChange.Kind.FILE)]
    old_values = (old or {}).get("values") or {}
    new_values = (new or {}).get("values") or {}
    if new is None:
        latest = old_values[max(old_values)] if old_values else None
        return [
            RuleChange(
                parameter=name,
                kind=RuleChange.Kind.REMOVED,
                old=_shown(latest, unit) if latest else "",
            )
        ]
    changes = []
    for day in sorted(set(old_values) | set(new_values)):
        before, after = old_values.get(day), new_values.get(day)
        change = RuleChange(parameter=name, takes_effect=_date(day))
        if day not in old_values:
            previous = _in_force(old_values, day)
            change.kind = RuleChange.Kind.ADDED
            change.old = _shown(previous, unit) if previous is not None else ""
            change.new = _shown(after, unit)
        elif day not in new_values:
            now_in_force = _in_force(new_values, day)
            change.kind = RuleChange.Kind.REMOVED
            change.old = _shown(before, unit)
            change.new = _shown(now_in_force, unit) if now_in_force is not None else ""
        elif _shown(before, unit) != _shown(after, unit):
            change.kind = RuleChange.Kind.CHANGED
            change.old, change.new = _shown(before, unit), _shown(after, unit)
        elif _references(before) != _references(after):
            change.kind = RuleChange.Kind.REFERENCE
            change.old, change.new = _references(before), _references(after)
        else:
            continue
        change.old, change.new = change.old[:500], change.new[:500]
        changes.append(change)
    return changes


@dataclass
class CheckResult:
    files: int = 0
    baseline: bool = False
    changed_files: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    errors: list = field(default_factory=list)


@transaction.atomic
def check(dirs=None):
    """Compare every watched file with its snapshot; record changes and flag the citing pages."""
    files, errors = read_files(dirs)
    result = CheckResult(files=len(files), errors=errors)
    snapshots = {s.path: s for s in ParameterSnapshot.objects.select_for_update()}
    now = timezone.now()
    if not snapshots:
        ParameterSnapshot.objects.bulk_create(
            ParameterSnapshot(path=f.key, sha256=f.sha256, content=f.content, seen_at=now)
            for f in files.values()
        )
        result.baseline = True
        return result

    index = None
    unreadable = {error.split(":", 1)[0] for error in errors}
    for key in sorted(set(files) | set(snapshots)):
        if key in unreadable:
            continue  # keep the last good snapshot until the file can be read again
        current, snapshot = files.get(key), snapshots.get(key)
        if current and snapshot and current.sha256 == snapshot.sha256:
            continue
        old = snapshot.content if snapshot else None
        name = current.name if current else _snapshot_name(snapshot)
        changes = compare(name, old, current.content if current else None)
        result.changed_files.append(key)
        if changes:
            if index is None:
                index = CitationIndex()
            content = (old, current.content if current else None)
            citing = index.citing(name, kennisartikelen(*content), bronnen(*content))
            for change in changes:
                change.path, change.found_at = key, now
                change.save()
                result.changes.append(change)
                for page, how in citing.items():
                    flag, created = ReviewFlag.objects.get_or_create(
                        page=page,
                        change=change,
                        defaults={
                            "cited_as": describe(how)[:255],
                            "checked_before": page.laatst_gecontroleerd,
                            "flagged_at": now,
                        },
                    )
                    if created:
                        result.flags.append(flag)
        if current and snapshot:
            snapshot.sha256, snapshot.content, snapshot.seen_at = current.sha256, current.content, now
            snapshot.save()
        elif current:
            ParameterSnapshot.objects.create(
                path=key, sha256=current.sha256, content=current.content, seen_at=now
            )
        else:
            snapshot.delete()
    return result


def _snapshot_name(snapshot):
    folder, _, relative = snapshot.path.partition("/")
    return _rule_name(Path(folder), Path(relative))


def resolve_flags(page_id, checked_on):
    """Close the page's open flags when it was checked again (``checked_on``, a date) after it was
    flagged: a laatst-gecontroleerd date newer than the one at the flag, and not before the flag."""
    if not checked_on:
        return 0
    open_flags = ReviewFlag.objects.filter(page_id=page_id, resolved_at__isnull=True).only(
        "flagged_at", "checked_before"
    )
    done = [
        flag.pk
        for flag in open_flags
        if checked_on >= timezone.localdate(flag.flagged_at)
        and (flag.checked_before is None or checked_on > flag.checked_before)
    ]
    if done:
        ReviewFlag.objects.filter(pk__in=done).update(resolved_at=timezone.now())
    return len(done)
