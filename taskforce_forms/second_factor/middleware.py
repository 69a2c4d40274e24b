"""The second factor before any admin page, and short staff sessions."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .devices import has_enrolled
from .policy import is_staff_member, needs_second_factor
from .sessions import is_staff_session, keep_or_end, start_staff_session

# What a signed-in person reaches in the admin before the second factor: signing in and out,
# the forgotten-password screens, what every admin page loads (translations, icons) and the
# second factor's own steps.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "second_factor_verify",
    "second_factor_enrol",
}


def is_admin_request(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class StaffSessionMiddleware:
    """Ends a staff session that was idle or lasted too long (`sessions`): the next admin page
    asks for the password and the second factor again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_staff_session(request):
            keep_or_end(request)
        return self.get_response(request)


class SecondFactorMiddleware:
    """Sends whoever must sign in with a second factor, and has not in this session, from any
    admin page to the code step, or to enrolment when they have no device yet. With only the
    password, no admin page answers: no list, no export, no dashboard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_admin_request(request):
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        if not is_staff_session(request) and is_staff_member(user):
            start_staff_session(request)  # a session begun before these limits existed
        if request.resolver_match.url_name in OPEN_VIEWS or user.is_verified():
            return None
        if not needs_second_factor(user):
            return None
        step = "second_factor_verify" if has_enrolled(user) else "second_factor_enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
