"""knowledge.markdown: tables, lists right under a line of text, the link scheme, StreamField
blocks and plain text."""

import pytest
from wagtail.rich_text import RichText

from knowledge.blocks import BaseStreamBlock
from knowledge.markdown import (
    DanglingLink,
    html_to_text,
    markdown_blocks,
    markdown_to_text,
    render_markdown,
    separate_blocks,
)

TABLE = """Zo reken je:

| Situatie | Berekening | Banen |
|---|---:|---|
| 1 medewerker, 20 uur | 20 ÷ 25,5 | **0,78** |
| [Wajonger](begrip:wajong) | zie [vraag](vraag:uren) | 1,00 |

Iemand die voltijds werkt, telt dus voor meer dan één baan."""


def no_page(scheme, slug):
    raise DanglingLink(scheme, slug)


def test_a_pipe_table_becomes_a_table_without_inline_style():
    html = render_markdown(TABLE, resolve_page=lambda scheme, slug: 7)
    assert "<table>" in html and '<th align="right">Berekening</th>' in html
    assert "|" not in html and "style=" not in html
    assert '<td><a href="/begrippen/wajong/">Wajonger</a></td>' in html
    assert '<a linktype="page" id="7">vraag</a>' in html


def test_a_list_right_under_a_line_of_text_is_a_list():
    html = render_markdown("Lees verder:\n- [Eerste](begrip:lkv)\n- Tweede\n\nEinde.")
    assert html.startswith("<p>Lees verder:</p>\n<ul>\n<li>")
    assert html.count("<li>") == 2 and "- " not in html


def test_an_ordered_list_and_a_table_under_text_and_text_under_a_table():
    html = render_markdown(
        "Stappen:\n1. een\n2. twee\n\nTabel:\n| a | b |\n|---|---|\n| 1 | 2 |\nNa de tabel."
    )
    assert "<ol>" in html and html.count("<li>") == 2
    assert "<table>" in html and "<p>Na de tabel.</p>" in html


def test_a_lazy_continuation_line_stays_in_its_list_item():
    html = render_markdown("- een\nloopt door\n- twee")
    assert html.count("<li>") == 2 and "<p>" not in html


def test_a_heading_right_under_a_list_is_a_heading():
    html = render_markdown("- een\n## Kop\nTekst")
    assert "<h2>Kop</h2>" in html and "<li>een</li>" in html


def test_code_fences_and_ordinary_text_are_left_alone():
    text = "```\nregel\n- geen lijst\n```"
    assert separate_blocks(text) == text
    assert separate_blocks("Een zin.\nNog een zin.") == "Een zin.\nNog een zin."
    assert separate_blocks("") == ""


def test_a_dangling_page_link_raises():
    with pytest.raises(DanglingLink):
        render_markdown("[x](artikel:bestaat-niet)", resolve_page=no_page)


def test_markdown_blocks_split_the_text_around_each_table():
    blocks = markdown_blocks(TABLE, resolve_page=lambda scheme, slug: 7)
    assert [kind for kind, _ in blocks] == ["paragraph", "table", "paragraph"]
    table = blocks[1][1]
    assert [c["heading"] for c in table["columns"]] == ["Situatie", "Berekening", "Banen"]
    assert table["rows"][0]["values"] == [
        "<p>1 medewerker, 20 uur</p>",
        "<p>20 ÷ 25,5</p>",
        "<p><strong>0,78</strong></p>",
    ]
    assert markdown_blocks("  \n") == []


def test_a_ragged_table_gets_empty_cells():
    blocks = markdown_blocks("| a | b | c |\n|---|---|---|\n| 1 |\n")
    assert blocks[0][1]["rows"][0]["values"] == ["<p>1</p>", "", ""]


@pytest.mark.django_db
def test_the_table_block_renders_an_accessible_table():
    stream = BaseStreamBlock()
    value = stream.to_python(
        [
            {"type": kind, "value": value.source if isinstance(value, RichText) else value}
            for kind, value in markdown_blocks(TABLE, resolve_page=lambda scheme, slug: 7)
        ]
    )
    html = value[1].render()
    assert '<th scope="col" class="utrecht-table__header-cell" role="columnheader">Berekening</th>' in html
    assert (
        '<td class="utrecht-table__cell" role="cell" data-label="Banen"><p><strong>0,78</strong></p></td>'
        in html
    )
    assert "Situatie" in " ".join(stream.get_searchable_content(value))


@pytest.mark.django_db
def test_an_empty_corner_heading_is_an_empty_cell_not_an_empty_header():
    stream = BaseStreamBlock()
    raw = [
        {"type": kind, "value": value}
        for kind, value in markdown_blocks("| | 2025 |\n|---|---|\n| Duur | 3 jaar |")
    ]
    html = stream.to_python(raw)[0].render()
    assert '<td class="utrecht-table__header-cell"></td><th scope="col"' in html
    assert "></th>" not in html  # axe: empty-table-header


def test_markdown_to_text_has_no_syntax_and_no_glued_words():
    text = markdown_to_text("## Kop\n\nLees **dit**:\n- [een](begrip:lkv)\n- twee\n\n" + TABLE)
    assert text.startswith("Kop Lees dit: een twee Zo reken je: Situatie Berekening Banen 1 medewerker")
    for syntax in ("|", "#", "**", "](", "begrip:", "\n"):
        assert syntax not in text
    assert markdown_to_text("") == ""


def test_html_to_text_keeps_words_of_adjacent_blocks_apart():
    assert html_to_text("<ul><li>een</li><li>twee</li></ul><p>drie<br>vier</p>") == "een twee drie vier"


def test_a_list_nested_by_three_spaces_is_nested():
    html = render_markdown(
        "1. **Kies een vorm.**\n   - Extra afspraken\n   - Een proeftuin\n2. Stuur op vast werk."
    )
    assert html.count("<ol>") == 1 and html.count("<ul>") == 1
    assert "<li><strong>Kies een vorm.</strong><ul>" in html and "- " not in html


def test_a_paragraph_after_a_list_and_a_blank_line_is_a_paragraph():
    html = render_markdown("- een\n- twee\n\nNa de lijst.\n  - geen lijst maar een nieuwe")
    assert "<p>Na de lijst.</p>" in html and html.count("<ul>") == 2


def test_plain_text_is_unescaped_text_for_the_template_to_escape():
    assert html_to_text("<p>Wet &amp; regels &lt;b&gt;</p>") == "Wet & regels <b>"
    assert markdown_to_text("Wet & regels\n\n<script>alert(1)</script>") == "Wet & regels"


def test_markdown_blocks_keep_escapes_and_attribute_order():
    blocks = markdown_blocks(
        "Lees [x](vraag:a) &amp; &lt;b&gt;\n\n| a | b |\n|---|---|\n| [x](vraag:a) | 2 &lt;script&gt; |",
        resolve_page=lambda scheme, slug: 7,
    )
    assert blocks[0][1].source == '<p>Lees <a linktype="page" id="7">x</a> &amp; &lt;b&gt;</p>'
    assert blocks[1][1]["rows"][0]["values"] == [
        '<p><a linktype="page" id="7">x</a></p>',
        "<p>2 &lt;script&gt;</p>",
    ]
