"""The briefing as a PDF to sign and file: A4 portrait (the appendices' wide tables on
landscape pages), embedded fonts with Vietnamese letters, text composed (NFC), the
demo notice and "Trang x/y" on every page, a bookmark per part."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.fonts import FontFace

from nq57 import labels
from nq57.briefing import fonts
from nq57.briefing.outline import Block, Chart, Document, Grid, Header, Paragraph, Part, cell_text
from nq57.text import nfc

# Margins of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), mm.
LEFT, RIGHT, TOP, BOTTOM = 30.0, 15.0, 20.0, 20.0
BODY, SMALL, TABLE = 12.0, 9.0, 8.5
INK = (0, 0, 0)
GREY = (90, 90, 90)
RED = (213, 94, 0)  # labels.STATUS_COLORS["red"]
HEADING_FILL = (220, 227, 236)
_NO_SYMBOLS = str.maketrans({s: "" for s in labels.STATUS_SYMBOLS.values()})


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _tint(hex_colour: str, amount: float = 0.6) -> tuple[int, int, int]:
    """The colour mixed with white, so black text on it stays readable."""
    return tuple(round(c + (255 - c) * amount) for c in _rgb(hex_colour))  # type: ignore[return-value]


class _Pdf(FPDF):
    def __init__(self, header: Header, symbols: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = header
        self.symbols = symbols

    def text_of(self, text: str) -> str:
        text = nfc(text)
        return text if self.symbols else text.translate(_NO_SYMBOLS).strip()

    def header(self) -> None:
        if self.report.demo:
            self.set_y(7)
            self.set_font("Body", "B", SMALL)
            self.set_text_color(*RED)
            self.cell(0, 5, self.text_of(self.report.demo), align="C")
            self.set_text_color(*INK)
            self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Body", "", SMALL - 1)
        self.set_text_color(*GREY)
        width = (self.w - self.l_margin - self.r_margin) / 2
        self.cell(width, 5, self.text_of(self.report.footer), align="L")
        page = labels.BRIEFING_TEXTS["page"].format(page=self.page_no(), pages="{nb}")
        self.cell(width, 5, self.text_of(page), align="R")
        self.set_text_color(*INK)


def _document(header: Header) -> _Pdf:
    found = fonts.find()
    pdf = _Pdf(header, symbols=found.symbols is not None)
    pdf.add_font("Body", "", str(found.regular))
    pdf.add_font("Body", "B", str(found.bold))
    pdf.add_font("Body", "I", str(found.italic))
    pdf.add_font("Body", "BI", str(found.bold_italic))
    if found.symbols is not None:
        pdf.add_font("Symbols", "", str(found.symbols))
        pdf.set_fallback_fonts(["Symbols"], exact_match=False)
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(auto=True, margin=BOTTOM)
    pdf.set_title(nfc(f"{header.title} {header.subject} — {header.subject_scope}"))
    pdf.set_author(nfc(header.issuer))
    pdf.set_creator(labels.APP_TITLE)
    pdf.set_lang("vi")
    return pdf


def _lines(pdf: _Pdf, x: float, width: float, rows: list[tuple[str, str, float, bool]]) -> float:
    """Centered lines in a column starting at x: (text, style, size, underline)."""
    for text, style, size, underline in rows:
        pdf.set_x(x)
        pdf.set_font("Body", style, size)
        pdf.multi_cell(width, size * 0.45, pdf.text_of(text), align="C",
                       new_x="LEFT", new_y="NEXT")
        if underline:
            y = pdf.get_y() + 0.5
            # As long as the words on one line; a third of the column under a name
            # that wraps (Nghị định 30/2020/NĐ-CP, Phụ lục I).
            length = pdf.get_string_width(pdf.text_of(text))
            half = (length if length <= width else width / 3) / 2
            middle = x + width / 2
            pdf.line(middle - half, y, middle + half, y)
            pdf.set_y(y + 1.5)
    return pdf.get_y()


def _header_block(pdf: _Pdf, header: Header) -> None:
    top = pdf.get_y()
    left_width, right_x = 72.0, LEFT + 70.0
    right_width = pdf.w - RIGHT - right_x
    left_end = _lines(pdf, LEFT - 6, left_width, [
        (header.superior, "", BODY - 0.5, False),
        (header.issuer, "B", BODY - 0.5, True),
        (header.number, "", BODY, False)])
    pdf.set_y(top)
    right_end = _lines(pdf, right_x, right_width, [
        (header.nation, "B", BODY - 0.5, False),
        (header.motto, "B", BODY, True)])
    pdf.set_xy(right_x, right_end + 2)
    pdf.set_font("Body", "I", BODY)
    pdf.multi_cell(right_width, 5.5, pdf.text_of(header.dateline), align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_end, pdf.get_y()) + 6)
    for text, style, size in ((header.title, "B", 14.0), (header.subject, "B", BODY + 0.5),
                              (header.subject_scope, "B", BODY + 0.5)):
        pdf.set_font("Body", style, size)
        pdf.multi_cell(0, size * 0.45, pdf.text_of(text), align="C", new_x="LMARGIN",
                       new_y="NEXT")
    middle = pdf.w / 2 + (LEFT - RIGHT) / 2
    pdf.line(middle - 20, pdf.get_y() + 1.5, middle + 20, pdf.get_y() + 1.5)
    pdf.ln(5)
    pdf.set_font("Body", "I", BODY - 1)
    pdf.multi_cell(0, 5, pdf.text_of(header.intro), align="J", new_x="LMARGIN", new_y="NEXT")
    if header.demo:
        pdf.set_text_color(*RED)
        pdf.set_font("Body", "B", BODY - 1)
        pdf.multi_cell(0, 5, pdf.text_of(labels.BRIEFING_TEXTS["demo_long"]), align="J",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)


def _paragraph(pdf: _Pdf, block: Paragraph) -> None:
    if block.style == "subheading":
        pdf.ln(1.5)
        pdf.set_font("Body", "B", BODY)
    elif block.style == "note":
        pdf.set_font("Body", "I", BODY - 0.5)
    elif block.style == "warning":
        pdf.set_font("Body", "B", BODY)
        pdf.set_text_color(*RED)
    else:
        pdf.set_font("Body", "", BODY)
    pdf.multi_cell(0, 5.6, pdf.text_of(block.text), align="J" if block.style == "body" else "L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(0.8)


def _grid(pdf: _Pdf, grid: Grid) -> None:
    total = sum(f.width for f in grid.fields)
    widths = [pdf.epw * f.width / total for f in grid.fields]
    pdf.set_font("Body", "", TABLE)
    heading = FontFace(emphasis="BOLD", fill_color=HEADING_FILL)
    group_style = FontFace(emphasis="BOLD", fill_color=(242, 245, 249))
    groups = dict(grid.groups)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=TABLE * 0.48,
                   headings_style=heading, width=pdf.epw, padding=0.8, align="LEFT") as table:
        table.row([pdf.text_of(f.header) for f in grid.fields])
        for index, values in enumerate(grid.rows):
            if index in groups:
                table.row().cell(pdf.text_of(groups[index]), colspan=len(grid.fields),
                                 style=group_style)
            row = table.row()
            for field, value in zip(grid.fields, values, strict=True):
                style = None
                if field.kind == "status" and value:
                    style = FontFace(fill_color=_tint(labels.STATUS_COLORS[str(value)]))
                row.cell(pdf.text_of(cell_text(field, value)),
                         align="RIGHT" if field.numeric else "LEFT", style=style)
    pdf.set_font("Body", "", BODY)
    pdf.ln(2)


def _chart(pdf: _Pdf, chart: Chart) -> None:
    width = min(pdf.epw, 150.0)
    pdf.image(io.BytesIO(chart.png), x=pdf.l_margin + (pdf.epw - width) / 2, w=width)
    pdf.set_font("Body", "I", SMALL + 1)
    pdf.multi_cell(0, 5, pdf.text_of(chart.caption), align="C", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(1)


def _block(pdf: _Pdf, block: Block) -> None:
    if isinstance(block, Paragraph):
        _paragraph(pdf, block)
    elif isinstance(block, Grid):
        _grid(pdf, block)
    else:
        _chart(pdf, block)


def _part(pdf: _Pdf, part: Part, *, centered: bool = False) -> None:
    pdf.ln(2)
    pdf.set_font("Body", "B", BODY + 1)
    pdf.start_section(nfc(part.heading))
    pdf.multi_cell(0, 6.5, pdf.text_of(part.heading), align="C" if centered else "L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    for block in part.blocks:
        _block(pdf, block)


def _closing(pdf: _Pdf, header: Header) -> None:
    if pdf.get_y() > pdf.h - BOTTOM - 45:
        pdf.add_page()
    pdf.ln(6)
    top = pdf.get_y()
    pdf.set_font("Body", "BI", BODY)
    pdf.cell(80, 6, pdf.text_of(labels.BRIEFING_RECIPIENTS_TITLE), new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("Body", "", BODY - 1)
    for line in header.recipients:
        pdf.multi_cell(80, 5, pdf.text_of(line), new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    x = LEFT + 85.0
    pdf.set_y(top)
    rows = [(header.signer_for, "B", BODY, False), (header.signer, "B", BODY, False),
            (header.signature_hint, "I", BODY - 1, False)]
    _lines(pdf, x, pdf.w - RIGHT - x, [r for r in rows if r[0]])
    pdf.set_y(max(bottom, pdf.get_y()) + 20)


def render(document: Document) -> bytes:
    """The PDF file of an outlined briefing."""
    header = document.header
    pdf = _document(header)
    pdf.add_page()
    _header_block(pdf, header)
    for part in document.body:
        _part(pdf, part)
    _closing(pdf, header)
    for part in document.appendices:
        pdf.add_page(orientation="L")
        _part(pdf, part, centered=True)
    return bytes(pdf.output())
