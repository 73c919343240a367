"""Facet filters for index pages: plain GET parameters, counts per term, no JavaScript."""

from urllib.parse import urlencode

from django.db.models import Count, Q


class FacetFilter:
    """Filter a page queryset by taxonomy slugs in GET (?thema=a&sector=b) and count per term.

    Counts are computed for each facet with the *other* facets applied, so a visitor sees how
    many results a click will give.
    """

    def __init__(self, queryset, facets, params):
        self.base = queryset
        self.facets = facets
        self.raw = {f: params.getlist(f) for f in facets}
        self.selected = {f: [v for v in self.raw[f] if v][:10] for f in facets}
        self.queryset = self._apply(queryset, skip=None)

    def _apply(self, queryset, skip):
        for facet, slugs in self.selected.items():
            if facet != skip and slugs:
                queryset = queryset.filter(**{f"{facet}__slug__in": slugs})
        return queryset.distinct()

    def _query(self, facet, slug, add):
        chosen = {f: list(v) for f, v in self.selected.items()}
        values = chosen[facet]
        if add:
            values.append(slug)
        else:
            values.remove(slug)
        return "?" + urlencode([(f, v) for f, vs in chosen.items() for v in vs])

    def groups(self):
        """[(facet label, facet, [term dicts])] with count, selection and toggle link."""
        model = self.base.model
        result = []
        for facet in self.facets:
            term_model = model._meta.get_field(facet).related_model
            ids = self._apply(self.base, skip=facet).values("pk")
            rel = model._meta.get_field(facet).related_query_name()
            terms = term_model.objects.annotate(
                n=Count(rel, filter=Q(**{f"{rel}__in": ids}), distinct=True)
            ).filter(Q(n__gt=0) | Q(slug__in=self.selected[facet]))
            entries = []
            for term in terms:
                selected = term.slug in self.selected[facet]
                entries.append(
                    {
                        "term": term,
                        "count": term.n,
                        "selected": selected,
                        "url": self._query(facet, term.slug, add=not selected),
                    }
                )
            if entries:
                result.append((term_model._meta.verbose_name.capitalize(), facet, entries))
        return result

    @property
    def canonical(self):
        """True when every value asked for is a known term, once: only such a filter URL is a page
        worth sharing through the page cache (arbitrary values would each make a cache entry)."""
        for facet, values in self.raw.items():
            if not values:
                continue
            if len(set(values)) != len(values) or values != self.selected[facet]:
                return False
            term_model = self.base.model._meta.get_field(facet).related_model
            if term_model.objects.filter(slug__in=values).count() != len(values):
                return False
        return True

    @property
    def active(self):
        return any(self.selected.values())
