from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "portal.operations"
    label = "portal_operations"
    verbose_name = "Beheer"
