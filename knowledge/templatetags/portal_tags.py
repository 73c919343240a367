from django import template
from django.utils.text import capfirst

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html")
def page_breadcrumbs(page):
    """Home > … > this page, from the page tree."""
    # Title and URL are on the base Page: no .specific() query per ancestor type.
    ancestors = page.get_ancestors().filter(depth__gt=1)
    crumbs = [("Home" if p.depth == 2 else p.title, p.url) for p in ancestors]
    if page.depth == 2:
        return {"crumbs": []}
    return {"crumbs": crumbs + [(page.title, page.url)]}


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*pairs):
    """Breadcrumbs for views outside the page tree: breadcrumbs 'Begrippen' '/begrippen/' …"""
    crumbs = [("Home", "/")] + [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
    return {"crumbs": crumbs}


@register.filter
def page_type_label(page):
    """The page's kind as visitors read it: its model's verbose name ("Kennisartikel", …)."""
    return capfirst(page.specific_class._meta.verbose_name)


@register.filter
def plain_text(html):
    """Rendered rich text as one line of plain text; words of adjacent blocks stay apart."""
    from knowledge.markdown import html_to_text

    return html_to_text(html)
