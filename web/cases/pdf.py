"""The case file as a PDF, for governors or the police: the report, chronology and evidence.

Uses DejaVu Sans where the system has it (any language, any punctuation); otherwise the
PDF core font with text reduced to Latin-1, so an export never fails on a character.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone
from fpdf import FPDF

from cases import conf
from cases.chronology import chronology
from cases.evidence import path_of
from cases.models import Case, EvidenceKind
from cases.workflow import Workflow

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


class CaseFile(FPDF):
    def __init__(self, reference: str) -> None:
        super().__init__(format="A4")
        self.reference = reference
        self.unicode = (DEJAVU / "DejaVuSans.ttf").exists()
        if self.unicode:
            self.add_font("body", "", str(DEJAVU / "DejaVuSans.ttf"))
            self.add_font("body", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
        self.family = "body" if self.unicode else "helvetica"
        self.set_auto_page_break(True, margin=18)
        self.set_title(f"Case file {reference}")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.cell(
            0, 6, self.clean(f"{self.reference} · confidential · page {self.page_no()}"), align="C"
        )

    def clean(self, text: str) -> str:
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(self.family, "B", 13)
        self.multi_cell(0, 7, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family, "", 10)

    def para(self, text: str) -> None:
        self.multi_cell(0, 5, self.clean(text or "—"), new_x="LMARGIN", new_y="NEXT")


def case_pdf(case: Case, workflow: Workflow) -> bytes:
    pdf = CaseFile(case.reference)
    pdf.add_page()
    pdf.set_font(pdf.family, "B", 16)
    pdf.cell(0, 10, pdf.clean(f"Case file {case.reference}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 10)
    pdf.para(f"Exported {timezone.localtime():%d %B %Y %H:%M}. Confidential.")
    _summary(pdf, case, workflow)
    pdf.heading("What was reported")
    pdf.para(case.what_happened)
    pdf.heading("Chronology")
    for event in chronology(case, workflow):
        who = f" ({event.who})" if event.who else ""
        pdf.set_font(pdf.family, "B", 10)
        pdf.para(f"{timezone.localtime(event.at):%d %b %Y %H:%M} {event.title}{who}")
        pdf.set_font(pdf.family, "", 10)
        if event.detail:
            pdf.para(event.detail)
    _evidence(pdf, case)
    return bytes(pdf.output())


def _summary(pdf: CaseFile, case: Case, workflow: Workflow) -> None:
    route = workflow.route(case.escalation_route)
    rows = [
        ("Stage", workflow.stage(case.state).label),
        ("Received", f"{timezone.localtime(case.created_at):%d %B %Y %H:%M}"),
        (
            "Severity",
            case.get_severity_display() + (" (safeguarding)" if case.safeguarding else ""),
        ),
        ("Categories", ", ".join(case.categories) or "none"),
        ("Where", case.platform or "not given"),
        ("Assigned to", case.assigned_to.get_username() if case.assigned_to else "nobody"),
        (
            "People",
            ", ".join(str(p.person) for p in case.people.select_related("person")) or "none",
        ),
    ]
    if case.outcome:
        rows.append(("Outcome", case.outcome))
    if route:
        rows.append(("Escalated to", f"{route.label}: {case.escalation_reason}"))
    pdf.heading("Summary")
    for label, value in rows:
        pdf.para(f"{label}: {value}")


def _evidence(pdf: CaseFile, case: Case) -> None:
    pdf.heading("Evidence")
    for item in case.evidence.all():
        if item.kind == EvidenceKind.LINK:
            pdf.para(f"Link: {item.url}")
        elif item.kind == EvidenceKind.TEXT:
            pdf.para(f"Pasted text:\n{item.text}")
        else:
            pdf.para(f"Screenshot {item.pk} (SHA-256 {item.sha256})")
            path = path_of(conf.evidence_dir(), item.stored_name)
            if path.exists():
                width = min(170.0, (item.width or 800) * 0.2)
                pdf.image(str(path), w=width)
