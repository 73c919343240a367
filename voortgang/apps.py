from django.apps import AppConfig


class VoortgangConfig(AppConfig):
    name = "voortgang"
    verbose_name = "Voortgang"
