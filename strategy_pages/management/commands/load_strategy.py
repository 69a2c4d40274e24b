from django.core.management.base import BaseCommand

from strategy_pages.loader import DATA_FILE, StrategyLoader, read_strategy, read_translations


class Command(BaseCommand):
    help = (
        "Builds the Strategy, its Goals and Objectives, in every language, from the data file. "
        "Existing pages are left alone unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite pages whose content differs from the data file (publishes a revision).",
        )
        parser.add_argument("--file", default=str(DATA_FILE), help="The data file to load.")

    def handle(self, *args, update, file, **options):
        report = StrategyLoader(
            read_strategy(file), update=update, translations=read_translations()
        ).load()
        for name in report.created:
            self.stdout.write(f"created  {name}")
        for name in report.updated:
            self.stdout.write(f"updated  {name}")
        style = self.style.SUCCESS if report.changed else self.style.NOTICE
        self.stdout.write(style(report.summary()))
