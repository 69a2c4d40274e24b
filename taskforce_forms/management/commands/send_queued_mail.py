from django.core.management.base import BaseCommand

from taskforce_forms.outbox import delivery


class Command(BaseCommand):
    help = (
        "Sends the e-mails that are due: failed ones whose next attempt has come and queued "
        "ones no task picked up. Run it every few minutes (cron, a systemd timer)."
    )

    def handle(self, *args, **options):
        due = delivery.due_mails().values_list("pk", flat=True)
        results = [delivery.deliver(mail_id) for mail_id in due]
        sent = results.count(delivery.Status.SENT)
        failed = results.count(delivery.Status.FAILED)
        self.stdout.write(f"{len(results)} due, {sent} sent, {failed} failed again.")
