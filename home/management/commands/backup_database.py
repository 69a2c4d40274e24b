from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home import backup


class Command(BaseCommand):
    help = (
        "Writes a consistent copy of the database to FILE while the site runs: SQLite's online "
        "backup, or pg_dump's custom format for PostgreSQL. Media files are not included."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the backup (replaced if it exists).")

    def handle(self, *args, file, **options):
        try:
            path = backup.backup(file)
        except backup.BackupRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(
            f"Backed up the database to {path} ({path.stat().st_size:,} bytes). "
            f"Archive the media files too: {settings.MEDIA_ROOT}"
        )
