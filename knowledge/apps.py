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
            from portal.search import service, synonyms

            # The search API's types (DESIGN.md's contract), in this order, and its facets.
            service.register_type("artikel", "knowledge.ArticlePage", "Kennisartikel")
            service.register_type("praktijkvoorbeeld", "knowledge.PracticeExamplePage", "Praktijkvoorbeeld")
            service.register_type("vraag", "knowledge.QuestionPage", "Vraag en antwoord")
            service.register_type("begrip", "knowledge.Begrip", "Begrip")
            service.register_facet("thema", "knowledge.Thema", "Thema")
            service.register_facet("spoor", "knowledge.Spoor", "Spoor")
            service.register_facet("sector", "knowledge.Sector", "Sector")
            synonyms.register_source("begrippen", begrip_synonyms, models=[self.get_model("Begrip")])
