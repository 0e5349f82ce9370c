"""Making a report: the public form, the young people's form, the staff form, the status page.

The public forms need no sign-in and are rate-limited per address. After a report is saved
the reporter sees its reference and private status link once (carried to the next page in
the session, so a reload does not send the report twice).
"""

from __future__ import annotations

from accounts.decorators import capability_required
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import conf, spam
from cases.actions import do_submit_report
from cases.followups import current_policy
from cases.forms import BaseReportForm, PublicReportForm, StaffReportForm, YoungReportForm
from cases.permissions import access_status, my_reports
from cases.workflow import Workflow

SESSION_KEY = "cases.just_reported"
SUPPORT_LINKS = [
    ("Childline", "0800 1111", "https://www.childline.org.uk"),
    ("Report Remove (Childline and the IWF)", "", "https://www.childline.org.uk/remove"),
    ("Samaritans", "116 123", "https://www.samaritans.org"),
    ("Shout (text)", "85258", "https://giveusashout.org"),
]


def _client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _submit(request: HttpRequest, form: BaseReportForm, template: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        if form.source != "staff" and not spam.allow_submission(_client_address(request)):
            form.add_error(
                None,
                _(
                    "Too many reports have been sent from here in the last hour. "
                    "Please try again later, or phone the school."
                ),
            )
        else:
            case, token = do_submit_report(
                form.report_data(), request.user, str(conf.evidence_dir())
            )
            request.session[SESSION_KEY] = {
                "reference": case.reference,
                "token": token,
                "young": form.source == "young",
            }
            return redirect("cases:sent")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "support_links": SUPPORT_LINKS}
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    form = PublicReportForm(request.POST or None, request.FILES or None)
    return _submit(request, form, "cases/report.html")


@require_http_methods(["GET", "POST"])
def report_young(request: HttpRequest) -> HttpResponse:
    form = YoungReportForm(request.POST or None, request.FILES or None)
    return _submit(request, form, "cases/report_young.html")


@capability_required("can_report_as_staff")
@require_http_methods(["GET", "POST"])
def report_staff(request: HttpRequest) -> HttpResponse:
    form = StaffReportForm(request.POST or None, request.FILES or None)
    return _submit(request, form, "cases/report_staff.html")


def sent(request: HttpRequest) -> HttpResponse:
    just = request.session.pop(SESSION_KEY, None)
    if just is None:
        messages.info(request, _("Your report was already sent. Keep your status link safe."))
        return redirect("cases:report")
    link = request.build_absolute_uri(reverse("cases:status", args=[just["token"]]))
    context = {
        "reference": just["reference"],
        "status_link": link,
        "young": just["young"],
        "support_links": SUPPORT_LINKS,
    }
    return render(request, "cases/sent.html", context)


def status(request: HttpRequest, token: str) -> HttpResponse:
    """Progress only: the stage and its date, never what the case says or who is in it."""
    case = access_status(token)
    workflow = Workflow.for_policy(current_policy())
    response = render(
        request,
        "cases/status.html",
        {"case": case, "stage": workflow.stage(case.state), "support_links": SUPPORT_LINKS},
    )
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address
    response["Cache-Control"] = "no-store"
    return response


@capability_required("can_check_posts")
def mine(request: HttpRequest) -> HttpResponse:
    workflow = Workflow.for_policy(current_policy())
    rows = [(case, workflow.stage(case.state)) for case in my_reports(request)]
    return render(request, "cases/mine.html", {"rows": rows})
