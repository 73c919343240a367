"""StreamField blocks shared by the content pages (one BaseStreamBlock, as in bakerydemo)."""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock


class CalloutBlock(blocks.StructBlock):
    """A highlighted box, e.g. 'Let op' or 'Onzeker'."""

    soort = blocks.ChoiceBlock(
        choices=[("info", "Informatie"), ("warning", "Let op"), ("ok", "Goed om te weten")],
        default="info",
    )
    tekst = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = "Kader"
        description = "Een opvallend kader met een waarschuwing of tip"


class ParameterBlock(blocks.StructBlock):
    """Shows a rules parameter's value in force, read from the same YAML as the rules module."""

    parameter = blocks.CharBlock(help_text="Naam van de parameter, bijv. banen.uren_per_week")
    label = blocks.CharBlock(required=False, help_text="Tekst voor de waarde, bijv. '1 baan ='")

    class Meta:
        icon = "code"
        template = "blocks/parameter_block.html"
        label = "Waarde uit de regelmodule"
        description = "Toont de waarde die op vandaag geldt, met bron"


class TableBlock(TypedTableBlock):
    """A table with column headings; each cell is short rich text (links and emphasis).

    Rich text itself cannot hold a table that an editor can change, so the content files' pipe
    tables load as this block (knowledge.markdown.markdown_blocks)."""

    tekst = blocks.RichTextBlock(features=["bold", "italic", "link"], label="Tekst")

    def get_context(self, value, parent_context=None):
        """Each cell with its column heading, which a phone shows beside it (the rows stack)."""
        context = super().get_context(value, parent_context)
        headings = [column["heading"] for column in value.columns]
        context["table_rows"] = [list(zip(headings, row, strict=False)) for row in value.rows]
        return context

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = "Tabel"
        description = "Een tabel met kolomkoppen"


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        label="Tekst",
    )
    callout = CalloutBlock()
    parameter = ParameterBlock()
    table = TableBlock()
