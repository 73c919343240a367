"""Only the portal's own groups (Redacteur, Eindredacteur, made in 0002): remove the "Moderators"
and "Editors" groups that Wagtail's initial-data migrations create, after those have run."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def remove_default_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0008_submission_reply_text_and_date"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0005_add_page_lock_permission_to_moderators"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailimages", "0002_initial_data"),
    ]

    # Not reversed: the default groups are not part of this portal.
    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
