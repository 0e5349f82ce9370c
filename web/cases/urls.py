from django.urls import path

from cases.views import dashboard, report, work

app_name = "cases"

urlpatterns = [
    path("report/", report.report, name="report"),
    path("report/young-people/", report.report_young, name="report_young"),
    path("report/sent/", report.sent, name="sent"),
    path("report/status/<str:token>/", report.status, name="status"),
    path("cases/report/", report.report_staff, name="report_staff"),
    path("cases/mine/", report.mine, name="mine"),
    path("cases/", work.case_list, name="list"),
    path("cases/dashboard/", dashboard.dashboard, name="dashboard"),
    path("cases/<str:reference>/", work.case_detail, name="case"),
    path("cases/<str:reference>/move/", work.case_move, name="move"),
    path("cases/<str:reference>/assign/", work.case_assign, name="assign"),
    path("cases/<str:reference>/note/", work.case_note, name="note"),
    path("cases/<str:reference>/action/", work.case_action, name="action"),
    path(
        "cases/<str:reference>/action/<int:action_id>/done/", work.action_done, name="action_done"
    ),
    path("cases/<str:reference>/person/", work.case_person, name="person"),
    path("cases/<str:reference>/link/", work.case_link, name="link"),
    path("cases/<str:reference>/evidence/<int:evidence_id>/", work.case_evidence, name="evidence"),
    path("cases/<str:reference>/export.pdf", work.case_export, name="export"),
]
