"""Page routing in two queries instead of two per level of the path.

Wagtail routes ``/kennisbank/een-artikel/`` by walking the tree: for each path component one query
for the child by slug and one for its specific page. The page's ``url_path`` already holds the
whole path, so one query finds every page along it and one more loads the last one's specific
page. The result is the same as the walk's:

- an ancestor with routable sub-URLs (``RoutablePageMixin``, such as the vragenbank's
  ``stel-een-vraag/``) gets the remaining path first, as in Wagtail: when its URL patterns match
  it, this gives up and Wagtail walks the tree itself;
- the last page answers with its own ``route(request, [])``, so "live or 404" and a routable
  page's own root view are Wagtail's;
- a path that matches no page is Wagtail's walk too (a 404, or a sub-URL of a routable page).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route_descendant(root, request, path_components):
    """The RouteResult for ``path_components`` below ``root``, or None to let Wagtail walk."""
    if not path_components:
        return None
    paths = [root.url_path + "/".join(path_components[: n + 1]) + "/" for n in range(len(path_components))]
    found = {
        url_path: (pk, content_type)
        for pk, url_path, content_type in Page.objects.filter(url_path__in=paths).values_list(
            "pk", "url_path", "content_type_id"
        )
    }
    if paths[-1] not in found:
        return None
    for depth, url_path in enumerate(paths[:-1], start=1):
        if url_path not in found:
            return None
        model = ContentType.objects.get_for_id(found[url_path][1]).model_class()
        if model is None:
            return None
        if issubclass(model, RoutablePageMixin):
            rest = "/" + "/".join(path_components[depth:]) + "/"
            try:
                model.get_resolver().resolve(rest)
            except Http404:  # no sub-URL of this ancestor matches: on to the next
                continue
            return None
    pk, content_type = found[paths[-1]]
    model = ContentType.objects.get_for_id(content_type).model_class()
    if model is None:
        return None
    page = model.objects.filter(pk=pk).first()
    if page is None:
        return None
    return page.route(request, [])
