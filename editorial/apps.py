from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redactie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from editorial import signals

        signals.register()
