from django.apps import AppConfig, apps


def begrip_synonyms():
    """A begrip's term and afkorting are equivalent; each of its synoniemen leads to them."""
    from knowledge.snippets import Begrip

    return [
        ([b.term, b.afkorting], b.synoniemen_list)
        for b in Begrip.objects.only("term", "afkorting", "synoniemen")
    ]


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Kennisbank"

    def ready(self):
        if apps.is_installed("portal.search"):
            from portal.search import synonyms

            synonyms.register_source("begrippen", begrip_synonyms, models=[self.get_model("Begrip")])
