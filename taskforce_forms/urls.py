"""The public site's accounts, join form, applications and Task Force spaces; mounted under each
language."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .accounts.views import (
    LoginView,
    PasswordResetView,
    ProfileView,
    RequestLoginSentView,
    RequestLoginView,
)
from .join.views.my_applications import (
    MyApplicationsView,
    MyApplicationView,
    WithdrawApplicationView,
)
from .join.views.wizard import JoinDoneView, JoinTaskForceView
from .spaces.idea_views import IdeasView, IdeaTeamView, MoveIdeaView, ProposeIdeaView
from .spaces.meeting_views import (
    CancelMeetingView,
    ChangeMeetingView,
    MeetingsView,
    MinutesView,
    ScheduleMeetingView,
)
from .spaces.views import (
    ContactSharingView,
    KnowledgeEntryView,
    KnowledgeExportView,
    SpaceView,
)

ACCOUNTS = "taskforce_forms/accounts"

urlpatterns = [
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name=f"{ACCOUNTS}/password_change.html",
            success_url=reverse_lazy("password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name=f"{ACCOUNTS}/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        PasswordResetView.as_view(
            template_name=f"{ACCOUNTS}/password_reset.html",
            email_template_name=f"{ACCOUNTS}/password_reset_email.txt",
            subject_template_name=f"{ACCOUNTS}/password_reset_subject.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name=f"{ACCOUNTS}/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name=f"{ACCOUNTS}/password_reset_confirm.html",
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=f"{ACCOUNTS}/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("accounts/profile/", ProfileView.as_view(), name="profile"),
    path("accounts/request-login/", RequestLoginView.as_view(), name="request_login"),
    path("accounts/request-login/sent/", RequestLoginSentView.as_view(), name="request_login_sent"),
    path("join/<str:code>/", JoinTaskForceView.as_view(), name="join_task_force"),
    path("join/<str:code>/sent/", JoinDoneView.as_view(), name="join_task_force_done"),
    path("join/<str:code>/<str:step>/", JoinTaskForceView.as_view(), name="join_task_force_step"),
    path("my-applications/", MyApplicationsView.as_view(), name="my_applications"),
    path("my-applications/<int:pk>/", MyApplicationView.as_view(), name="my_application"),
    path(
        "my-applications/<int:pk>/withdraw/",
        WithdrawApplicationView.as_view(),
        name="withdraw_application",
    ),
    path("spaces/<str:code>/", SpaceView.as_view(), name="task_force_space"),
    path(
        "spaces/<str:code>/contact-details/",
        ContactSharingView.as_view(),
        name="space_contact_sharing",
    ),
    path(
        "spaces/<str:code>/knowledge/", KnowledgeEntryView.as_view(), name="space_knowledge_entry"
    ),
    path(
        "spaces/<str:code>/knowledge.<str:file_format>",
        KnowledgeExportView.as_view(),
        name="space_knowledge_export",
    ),
    path("spaces/<str:code>/meetings/", MeetingsView.as_view(), name="task_force_meetings"),
    path("spaces/<str:code>/meetings/new/", ScheduleMeetingView.as_view(), name="schedule_meeting"),
    path(
        "spaces/<str:code>/meetings/<int:pk>/change/",
        ChangeMeetingView.as_view(),
        name="change_meeting",
    ),
    path(
        "spaces/<str:code>/meetings/<int:pk>/cancel/",
        CancelMeetingView.as_view(),
        name="cancel_meeting",
    ),
    path(
        "spaces/<str:code>/meetings/<int:pk>/minutes/",
        MinutesView.as_view(),
        name="meeting_minutes",
    ),
    path("spaces/<str:code>/ideas/", IdeasView.as_view(), name="space_ideas"),
    path("spaces/<str:code>/ideas/new/", ProposeIdeaView.as_view(), name="space_idea_propose"),
    path("spaces/<str:code>/ideas/<int:pk>/team/", IdeaTeamView.as_view(), name="space_idea_team"),
    path("spaces/<str:code>/ideas/<int:pk>/move/", MoveIdeaView.as_view(), name="space_idea_move"),
]
