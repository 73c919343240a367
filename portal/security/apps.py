from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "portal.security"
    label = "portal_security"
    verbose_name = "Beveiliging"
    default_auto_field = "django.db.models.BigAutoField"
