from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_the_gap(apps, schema_editor):
    """Existing queries were last seen no later than their gap: take its date (or today)."""
    import datetime

    GapQuery = apps.get_model("editorial", "GapQuery")
    ContentGap = apps.get_model("editorial", "ContentGap")
    gap_date = ContentGap.objects.filter(pk=OuterRef("gap_id")).values("last_seen")[:1]
    GapQuery.objects.update(last_seen=Subquery(gap_date))
    GapQuery.objects.filter(last_seen__isnull=True).update(last_seen=datetime.date.today())


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="gapquery",
            name="last_seen",
            field=models.DateField(blank=True, null=True, verbose_name="laatst gezien"),
        ),
        migrations.RunPython(from_the_gap, migrations.RunPython.noop),
    ]
