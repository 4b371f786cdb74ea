"""The briefing as a Word document the secretariat edits before signing: real headings,
paragraphs and tables (not pictures of text), Times New Roman as administrative
documents use, A4 portrait with the appendices in a landscape section, the demo
notice in every section's header and "Trang x/y" in the footer."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from nq57 import labels
from nq57.briefing.outline import Block, Chart, Document, Grid, Header, Part, cell_text
from nq57.text import nfc

FONT = "Times New Roman"
BODY, TABLE = Pt(13), Pt(10)
RED = RGBColor(0xD5, 0x5E, 0x00)
HEADING_FILL = "DCE3EC"
GROUP_FILL = "F2F5F9"


def _tint(hex_colour: str, amount: float = 0.6) -> str:
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _fonts(document: WordDocument) -> None:
    """Times New Roman everywhere, Vietnamese included (the east-Asian slot too)."""
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "Caption", "Header", "Footer"):
        style = document.styles[name]
        font = style.font
        font.name = FONT
        font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(slot), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
    document.styles["Footer"].font.size = Pt(9)
    document.styles["Normal"].font.size = BODY
    document.styles["Heading 1"].font.size = Pt(13)
    document.styles["Heading 2"].font.size = Pt(13)


def _page(section: Section, landscape: bool) -> None:
    short, long_ = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    section.left_margin, section.right_margin = (Cm(2), Cm(1.5)) if landscape else (
        Cm(3), Cm(1.5))
    section.top_margin = section.bottom_margin = Cm(2)


def _field(paragraph: WordParagraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    begin, instruction, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                               OxmlElement("w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instruction)
    run._r.append(end)
    run.font.size = Pt(9)


def _header_footer(document: WordDocument, header: Header) -> None:
    section = document.sections[0]
    top = section.header.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if header.demo:
        run = top.add_run(nfc(header.demo))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(10), RED
    bottom = section.footer.paragraphs[0]
    bottom.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words = labels.BRIEFING_TEXTS["page"].split("{page}")
    bottom.add_run(nfc(f"{header.footer}    {words[0]}")).font.size = Pt(9)
    _field(bottom, "PAGE")
    bottom.add_run(nfc(words[1].split("{pages}")[0])).font.size = Pt(9)
    _field(bottom, "NUMPAGES")


def _text(paragraph: WordParagraph, text: str, *, bold: bool = False, italic: bool = False,
          size: Pt | None = None, underline: bool = False) -> None:
    run = paragraph.add_run(nfc(text))
    run.bold, run.italic, run.underline = bold, italic, underline
    if size is not None:
        run.font.size = size


def _centered(cell: _Cell, lines: list[tuple[str, bool, bool, bool]]) -> None:
    """Lines in a header-block cell: (text, bold, italic, underline)."""
    first = True
    for text, bold, italic, underline in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, text, bold=bold, italic=italic, underline=underline, size=Pt(12.5))


def _no_borders(table: WordTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _layout_table(document: WordDocument, widths: tuple[Cm, ...]) -> WordTable:
    """A borderless one-row table placing blocks side by side (header, signature)."""
    table = document.add_table(rows=1, cols=len(widths))
    table.autofit = False
    _no_borders(table)
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = width
        cell.width = width
    keep = OxmlElement("w:cantSplit")  # the block stays on one page
    table.rows[0]._tr.get_or_add_trPr().append(keep)
    return table


def _header_block(document: WordDocument, header: Header) -> None:
    block = _layout_table(document, (Cm(7.5), Cm(9.0)))
    left, right = block.rows[0].cells
    _centered(left, [(header.superior, False, False, False), (header.issuer, True, False, True),
                     ("", False, False, False), (header.number, False, False, False)])
    _centered(right, [(header.nation, True, False, False), (header.motto, True, False, True),
                      ("", False, False, False), (header.dateline, False, True, False)])
    document.add_paragraph()
    for text, size in ((header.title, Pt(14)), (header.subject, BODY),
                       (header.subject_scope, BODY)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, text, bold=True, size=size)
    document.add_paragraph().alignment = WD_ALIGN_PARAGRAPH.CENTER
    intro = document.add_paragraph()
    intro.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _text(intro, header.intro, italic=True, size=Pt(12))
    if header.demo:
        notice = document.add_paragraph()
        run = notice.add_run(nfc(labels.BRIEFING_TEXTS["demo_long"]))
        run.bold, run.font.color.rgb = True, RED


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _cell(cell: _Cell, text: str, *, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _text(paragraph, text, bold=bold, size=TABLE)


def _repeat_header(table: WordTable) -> None:
    row = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row.append(repeat)


def _grid(document: WordDocument, grid: Grid, width: float) -> None:
    groups = dict(grid.groups)
    table = document.add_table(rows=1, cols=len(grid.fields))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(f.width for f in grid.fields)
    widths = [Cm(width * f.width / total) for f in grid.fields]
    for column, size in zip(table.columns, widths, strict=True):
        column.width = size
    for cell, field, size in zip(table.rows[0].cells, grid.fields, widths, strict=True):
        cell.width = size
        _cell(cell, field.header, bold=True)
        _shade(cell, HEADING_FILL)
    _repeat_header(table)
    for index, values in enumerate(grid.rows):
        if index in groups:
            row = table.add_row().cells
            merged = row[0].merge(row[-1])
            _cell(merged, groups[index], bold=True)
            _shade(merged, GROUP_FILL)
        cells = table.add_row().cells
        for cell, field, value, size in zip(cells, grid.fields, values, widths, strict=True):
            cell.width = size
            _cell(cell, cell_text(field, value), right=field.numeric)
            if field.kind == "status" and value:
                _shade(cell, _tint(labels.STATUS_COLORS[str(value)]))
    document.add_paragraph()


def _block(document: WordDocument, block: Block, width: float) -> None:
    if isinstance(block, Grid):
        _grid(document, block, width)
    elif isinstance(block, Chart):
        document.add_picture(io.BytesIO(block.png), width=Cm(min(width, 15.5)))
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = document.add_paragraph(style="Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _text(caption, block.caption, italic=True, size=Pt(11))
    elif block.style == "subheading":
        document.add_heading(nfc(block.text), level=2)
    else:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if block.style == "warning":
            run = paragraph.add_run(nfc(block.text))
            run.bold, run.font.color.rgb = True, RED
        else:
            _text(paragraph, block.text, italic=block.style == "note")


def _part(document: WordDocument, part: Part, width: float) -> None:
    heading = document.add_heading(nfc(part.heading), level=1)
    if part.landscape:
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in part.blocks:
        _block(document, block, width)


def _closing(document: WordDocument, header: Header) -> None:
    block = _layout_table(document, (Cm(8.0), Cm(8.5)))
    left, right = block.rows[0].cells
    first = left.paragraphs[0]
    _text(first, labels.BRIEFING_RECIPIENTS_TITLE, bold=True, italic=True, size=Pt(12))
    for line in header.recipients:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, line, size=Pt(11))
    lines = [(header.signer_for, True, False, False), (header.signer, True, False, False),
             (header.signature_hint, False, True, False)]
    _centered(right, [line for line in lines if line[0]])


def render(document: Document) -> bytes:
    """The .docx file of an outlined briefing."""
    word = new_document()
    _fonts(word)
    _page(word.sections[0], landscape=False)
    word.core_properties.title = nfc(f"{document.header.title} {document.header.subject}")
    word.core_properties.author = labels.APP_TITLE
    word.core_properties.language = "vi-VN"
    _header_footer(word, document.header)
    _header_block(word, document.header)
    for part in document.body:
        _part(word, part, 16.5)
    _closing(word, document.header)
    for part in document.appendices:
        section = word.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True)
        _part(word, part, 26.0)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()

