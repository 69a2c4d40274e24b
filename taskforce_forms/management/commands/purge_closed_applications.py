from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest

from taskforce_forms.privacy import retention


def days(value):
    number = int(value)
    if number < 1:
        raise ArgumentTypeError("must be a number of days, 1 or more")
    return number


class Command(BaseCommand):
    help = (
        "Deletes applications declined, not selected or withdrawn that have not changed for "
        "APPLICATION_RETENTION_DAYS, with their history and e-mails, e-mails sent or "
        "cancelled more than MAIL_RETENTION_DAYS ago, and entries of the record of access to "
        "personal data older than ACCESS_RECORD_RETENTION_DAYS. Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=days,
            default=settings.APPLICATION_RETENTION_DAYS,
            help="Keep closed applications this many days after their last change "
            "(default: APPLICATION_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument(
            "--mail-days",
            type=days,
            default=settings.MAIL_RETENTION_DAYS,
            help="Keep sent and cancelled e-mails this many days "
            "(default: MAIL_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument(
            "--access-record-days",
            type=days,
            default=settings.ACCESS_RECORD_RETENTION_DAYS,
            help="Keep the record of access to personal data this many days "
            "(default: ACCESS_RECORD_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted; delete nothing."
        )

    def handle(self, *args, days, mail_days, access_record_days, dry_run, **options):
        if dry_run:
            self.list_applications(days)
        purge = retention.purge(days, mail_days, access_record_days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {purge.applications} closed applications unchanged for {days} days "
            f"(with {purge.events} history entries) and {purge.mails} e-mails."
        )
        self.stdout.write(
            f"{verb} {purge.access_records} entries of the access record older than "
            f"{access_record_days} days."
        )

    def list_applications(self, days):
        """By number, Task Force, role and status: enough to check, no one's name in a log."""
        applications = retention.closed_applications(days).annotate(
            last_change=Greatest("updated_at", Coalesce(Max("events__created_at"), "updated_at"))
        )
        for application in applications.select_related("task_force").order_by("pk"):
            self.stdout.write(
                f"  #{application.pk}  {application.task_force.code}  {application.role}  "
                f"{application.status}  last changed {application.last_change:%Y-%m-%d}"
            )
