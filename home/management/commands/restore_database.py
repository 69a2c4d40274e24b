from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home import backup


class Command(BaseCommand):
    help = (
        "Replaces the database with a backup made by backup_database, after checking it is one "
        "of this site. The current database is kept aside first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup to restore.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument(
            "--keep-previous-in",
            metavar="DIRECTORY",
            help="Where to keep the current database (default: beside the backup).",
        )

    def handle(self, *args, file, interactive, keep_previous_in, **options):
        try:
            backup.check(file)
            if interactive and not self.confirmed(file):
                self.stdout.write("Restore cancelled: nothing was replaced.")
                return
            restored = backup.restore(file, keep_previous_in=keep_previous_in)
        except backup.BackupRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.report(file, restored)

    def confirmed(self, file):
        database = connection.settings_dict["NAME"]
        try:
            answer = input(
                f"This replaces the database {database} with {file}; the current one is kept "
                "aside. Type 'yes' to continue: "
            )
        except EOFError:
            return False
        return answer.strip().lower() == "yes"

    def report(self, file, restored):
        self.stdout.write(self.style.SUCCESS(f"Restored the database from {file}."))
        if restored.previous:
            self.stdout.write(f"The database as it was is kept in {restored.previous}")
        if restored.missing_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup predates {len(restored.missing_migrations)} migrations of this "
                    "code: run `manage.py migrate`."
                )
            )
        if restored.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup has {len(restored.unknown_migrations)} migrations this code "
                    "does not know: it was made by a newer version of the site."
                )
            )
        self.stdout.write(f"Restore the media files of the same date into {settings.MEDIA_ROOT}")
