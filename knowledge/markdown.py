"""Markdown to the HTML stored in rich text, with the content files' link scheme.

`[tekst](artikel:slug)` and its siblings become Wagtail page links (`<a linktype="page" id="…">`)
so that they survive moves; `begrip:slug` links point at the glossary.

Python-Markdown with two things added that the content needs:
- pipe tables (the `tables` extension; alignment as an ``align`` attribute, never an inline
  ``style``, so pages stay within a strict Content-Security-Policy);
- lists and tables that start right under a line of text. CommonMark lets a list interrupt a
  paragraph ("Lees verder:" and then "- …" on the next line); Python-Markdown glues such lines
  into the paragraph, so a blank line is put in front of them first (`separate_blocks`).

Three outputs: `render_markdown` (HTML for a rich-text field), `markdown_blocks` (StreamField
blocks for a page body: text, and each table as a table block an editor can change in the admin)
and `markdown_to_text` (plain text for search fragments, summaries and meta descriptions).
"""

import re

import markdown
from bs4 import BeautifulSoup, NavigableString
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from django.urls import reverse
from wagtail.rich_text import RichText

PAGE_MODELS = {"artikel": "ArticlePage", "praktijkvoorbeeld": "PracticeExamplePage", "vraag": "QuestionPage"}
LINK_SCHEMES = (*PAGE_MODELS, "begrip")
_LINK = re.compile(r'href="(' + "|".join(LINK_SCHEMES) + r'):([a-z0-9-]+)"')
_EXTENSIONS = ["sane_lists", "tables"]
_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}

_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# Elements after which plain text needs a space, so words of two cells or items never run together.
_BLOCK_TAGS = ("p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt")


class _KeepAttributeOrder(HTMLFormatter):
    """Write HTML back as Markdown made it: escaped like BeautifulSoup's "minimal" formatter, but
    with the attributes in their own order (BeautifulSoup sorts them by default)."""

    def __init__(self):
        super().__init__(entity_substitution=EntitySubstitution.substitute_xml)

    def attributes(self, tag):
        return list(tag.attrs.items())


_KEEP = _KeepAttributeOrder()


class DanglingLink(ValueError):
    """A link to a slug that does not exist."""

    def __init__(self, scheme, slug):
        super().__init__(f"{scheme}:{slug}")
        self.scheme, self.slug = scheme, slug


def find_page(scheme, slug):
    """The page id for a content link, looked up among existing pages."""
    from django.apps import apps

    model = apps.get_model("knowledge", PAGE_MODELS[scheme])
    page_id = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if page_id is None:
        raise DanglingLink(scheme, slug)
    return page_id


def separate_blocks(text):
    """Read the Markdown as CommonMark does where Python-Markdown differs, by adding whitespace:
    a blank line in front of a list or table that starts right under a line of text (and after a
    table or list that a heading or text follows), and a nested list item indented by 2 or 3
    spaces (CommonMark nests it under its parent's text) put at 4, as Python-Markdown needs.
    Code fences and a list item's lazy continuation lines are left alone."""
    out, previous, fenced, in_list = [], "blank", False, False
    for line in (text or "").splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if _FENCE.match(line):
            fenced = not fenced
            kind = "code"
        elif fenced:
            kind = "code"
        elif not line.strip():
            kind = "blank"
        elif _LIST_ITEM.match(line.lstrip(" ")) and (indent < 4 or in_list):
            kind, in_list = "list", True
            if indent >= 2 and indent % 4 and previous in ("list", "blank"):
                line = " " * (indent + 4 - indent % 4) + line.lstrip(" ")
        elif line.startswith(("    ", "\t")):
            kind = "list" if in_list else "code" if previous == "blank" else previous
        elif _HEADING.match(line):
            kind, in_list = "heading", False
        elif _TABLE_ROW.match(line):
            kind, in_list = "table", False
        elif previous == "list":
            kind = "list"  # a lazy continuation of the item above
        else:
            kind, in_list = "text", False
        if (kind in ("list", "table") and previous in ("text", "heading")) or (
            kind in ("text", "heading") and previous in ("table", "list")
        ):
            out.append("")
        out.append(line)
        previous = kind
    return "\n".join(out)


def _to_html(text):
    return markdown.markdown(
        separate_blocks(text),
        extensions=_EXTENSIONS,
        extension_configs=_EXTENSION_CONFIGS,
        output_format="html",
    )


def render_markdown(text, resolve_page=find_page):
    """Render Markdown; resolve_page(scheme, slug) -> page id for page links (or raise DanglingLink)."""

    def replace(match):
        scheme, slug = match.groups()
        if scheme == "begrip":
            return f'href="{reverse("begrip-detail", args=[slug])}"'
        return f'linktype="page" id="{resolve_page(scheme, slug)}"'

    return _LINK.sub(replace, _to_html(text))


def table_value(table):
    """A rendered <table> as the raw value of the body's table block (`knowledge.blocks.TableBlock`):
    plain-text column headings, each cell as rich text (links and emphasis kept)."""
    head = table.find("thead")
    heading_cells = head.find_all("th") if head else []
    body_rows = [row for row in table.find_all("tr") if row.find_parent("thead") is None]
    width = max([len(heading_cells)] + [len(row.find_all(["td", "th"])) for row in body_rows])
    headings = [cell.get_text(" ", strip=True) for cell in heading_cells]
    headings += [""] * (width - len(headings))
    rows = []
    for row in body_rows:
        cells = [cell.decode_contents(formatter=_KEEP).strip() for cell in row.find_all(["td", "th"])]
        cells += [""] * (width - len(cells))
        rows.append({"values": [f"<p>{cell}</p>" if cell else "" for cell in cells]})
    return {
        "columns": [{"type": "tekst", "heading": heading} for heading in headings],
        "rows": rows,
        "caption": "",
    }


def markdown_blocks(text, resolve_page=find_page):
    """Markdown as StreamField blocks for a page body: ("paragraph", RichText) for the text between
    tables and ("table", value) for each table. Empty text gives no block."""
    soup = BeautifulSoup(render_markdown(text, resolve_page), "html.parser")
    blocks, pending = [], []

    def flush():
        html = "".join(pending).strip()
        if html:
            blocks.append(("paragraph", RichText(html)))
        pending.clear()

    for node in soup.contents:
        if getattr(node, "name", None) == "table":
            flush()
            blocks.append(("table", table_value(node)))
        else:
            pending.append(node.decode(formatter=_KEEP) if hasattr(node, "decode") else str(node))
    flush()
    return blocks


def html_to_text(html):
    """Plain text of an HTML fragment, with a space wherever a block ends (strip_tags alone glues
    "…item</li><li>next…" into one word)."""
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    for element in soup.find_all(_BLOCK_TAGS):
        element.append(NavigableString(" "))
    for element in soup.find_all("br"):
        element.replace_with(NavigableString(" "))
    return " ".join(soup.get_text().split())


def markdown_to_text(text):
    """Markdown as plain text: no syntax (no pipes, hashes, list dashes, link targets), one line.

    For search fragments and anything else that shows Markdown outside an HTML page."""
    return html_to_text(_to_html(text))


def referenced(text):
    """All (scheme, slug) links in a Markdown text."""
    return re.findall(r"\]\((" + "|".join(LINK_SCHEMES) + r"):([a-z0-9-]+)\)", text or "")
