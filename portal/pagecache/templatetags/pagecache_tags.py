"""``{% fragment "name" vary... [if condition] %}...{% endfragment %}``: portal/pagecache/fragments.py.

With ``if condition`` the fragment is cached only when the condition holds (an index page's own
filter links, not made-up values), else rendered each time.
"""

from django import template
from django.utils.safestring import mark_safe

from portal.pagecache import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary, condition):
        self.nodelist, self.name, self.vary, self.condition = nodelist, name, vary, condition

    def render(self, context):
        if self.condition is not None and not self.condition.resolve(context):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        vary = [v.resolve(context) for v in self.vary]
        request = context.get("request")
        return mark_safe(fragments.cached(request, name, vary, lambda: self.nodelist.render(context)))  # noqa: S308 - rendered template output


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    condition = None
    if len(bits) > 3 and bits[-2] == "if":
        condition = parser.compile_filter(bits[-1])
        bits = bits[:-2]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]], condition
    )
