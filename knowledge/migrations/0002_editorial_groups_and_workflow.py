"""Editorial roles and the review workflow.

Redacteur: writes and edits pages and snippets, submits for review, cannot publish.
Eindredacteur: everything a Redacteur can, plus approve/publish and close submitted questions.
Workflow "Redactionele review": one task, approved by an Eindredacteur, on the whole tree.
"""

from django.db import migrations

REDACTIE = "Redacteur"
EINDREDACTIE = "Eindredacteur"
SNIPPETS = ["begrip", "bron", "organisatie", "thema", "spoor", "sector", "doelgroep", "werksoort"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    redactie, _ = Group.objects.get_or_create(name=REDACTIE)
    eindredactie, _ = Group.objects.get_or_create(name=EINDREDACTIE)
    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    page_perms = {
        REDACTIE: ["add", "change"],
        EINDREDACTIE: ["add", "change", "publish", "lock", "unlock"],
    }
    for group in (redactie, eindredactie):
        group.permissions.add(access_admin)
        for kind in page_perms[group.name]:
            perm = permission(apps, "wagtailcore", "page", f"{kind}_page", f"Can {kind} page")
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
        for model in SNIPPETS:
            kinds = ["add", "change"] + (["delete"] if group == eindredactie else [])
            for kind in kinds:
                group.permissions.add(
                    permission(apps, "knowledge", model, f"{kind}_{model}", f"Can {kind} {model}")
                )
        group.permissions.add(
            permission(apps, "knowledge", "submittedquestion", "change_submittedquestion", "Can change ingezonden vraag"),
            permission(apps, "knowledge", "submittedquestion", "view_submittedquestion", "Can view ingezonden vraag"),
        )
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for kind in ("add", "choose"):
                perm = permission(apps, app_label, model, f"{kind}_{model}", f"Can {kind} {model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
    eindredactie.permissions.add(
        permission(apps, "knowledge", "submittedquestion", "close_submittedquestion", "Ingezonden vraag afsluiten"),
        permission(apps, "knowledge", "submittedquestion", "delete_submittedquestion", "Can delete ingezonden vraag"),
    )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Eindredactie", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([eindredactie])
    workflow, _ = Workflow.objects.get_or_create(name="Redactionele review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow for the whole tree: replace Wagtail's default "Moderators approval" on the root.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[REDACTIE, EINDREDACTIE]).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Redactionele review").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Eindredactie").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
