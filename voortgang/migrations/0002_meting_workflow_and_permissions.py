"""Metingen go through the same review as pages.

Redacteur: adds and edits metingen and submits them for review; cannot publish.
Eindredacteur: also publishes, deletes, locks and unlocks.
The workflow "Redactionele review" (knowledge 0002) is assigned to the meting content type.
"""

from django.db import migrations

KINDS = {
    "Redacteur": ["add", "change"],
    "Eindredacteur": ["add", "change", "delete", "publish", "lock", "unlock"],
}


def assign(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="voortgang", model="meting")
    for group_name, kinds in KINDS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for kind in kinds:
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{kind}_meting", defaults={"name": f"Can {kind} meting"}
            )
            group.permissions.add(perm)
    workflow = Workflow.objects.filter(name="Redactionele review").first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def unassign(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="voortgang", model="meting").first()
    if content_type is not None:
        apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("voortgang", "0001_meting"),
        ("knowledge", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(assign, unassign)]
