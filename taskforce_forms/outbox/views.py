"""The outbox in the Secretariat's admin: where each e-mail stands; failed ones sent again."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail_modeladmin.views import WMABaseView

from ..inbox.admin import SecretariatIndexView
from ..inbox.views import DecisionInspectView
from ..models import OutgoingMail
from .messages import send_again


class OutgoingMailIndexView(SecretariatIndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_send_again"] = (
            self.permission_helper.user_can_decide(self.request.user)
            and OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).exists()
        )
        return context


class OutgoingMailInspectView(DecisionInspectView):
    """Where an e-mail stands; a failed one can be sent again at once."""

    def act(self, request):
        report_sending(request, OutgoingMail.objects.filter(pk=self.instance.pk))
        return self.back()

    def get_context_data(self, **kwargs):
        can_send_again = self.instance.status == OutgoingMail.Status.FAILED
        return super().get_context_data(
            can_send_again=can_send_again
            and self.permission_helper.user_can_decide(self.request.user),
            **kwargs,
        )


class SendFailedMailAgainView(WMABaseView):
    """The outbox's "Send the failed e-mails again", for when the mail server is back."""

    http_method_names = ["post"]

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_decide(user)

    def post(self, request, *args, **kwargs):
        report_sending(request, OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED))
        return redirect(self.index_url)


def report_sending(request, mails):
    """Sends `mails` again now and tells the Secretariat how it went."""
    tried = send_again(mails)
    if not tried:
        messages.info(request, _("No failed e-mail is waiting to be sent again."))
        return
    still_failed = OutgoingMail.objects.filter(
        pk__in=tried, status=OutgoingMail.Status.FAILED
    ).count()
    if still_failed:
        messages.error(
            request,
            ngettext(
                "%(count)d e-mail could not be sent again; the mail server still refuses it.",
                "%(count)d e-mails could not be sent again; the mail server still refuses them.",
                still_failed,
            )
            % {"count": still_failed},
        )
    sent = len(tried) - still_failed
    if sent:
        messages.success(
            request,
            ngettext("%(count)d e-mail sent.", "%(count)d e-mails sent.", sent) % {"count": sent},
        )
