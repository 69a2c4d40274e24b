"""Many applications at once, to measure the inbox as the Secretariat will live with it."""

from datetime import timedelta
from random import Random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.localized import in_default_language
from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage
from taskforce_forms.join.submission import submit_many
from taskforce_forms.models import (
    Application,
    ApplicationStatus,
    MembershipStatus,
    Organization,
    Profile,
    Region,
)

# No "nominated": at most one per Task Force (and region), which random data would break.
STATUSES = [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.DECLINED,
    ApplicationStatus.NOT_SELECTED,
    ApplicationStatus.WITHDRAWN,
]
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class Command(BaseCommand):
    help = "Creates COUNT fake applications from fake applicants (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=4_1000)

    @transaction.atomic
    def handle(self, *args, count, seed, **options):
        if not settings.DEBUG:
            raise CommandError("make_applications only runs with DEBUG on: it writes fake people.")
        # Fake data, repeatable: no secret.
        self.rng = Random(seed)  # noqa: S311  # nosec B311
        task_forces = list(in_default_language(ObjectivePage.objects))
        regions = list(in_default_language(Region.objects))
        applicants = self.applicants(-(-count // len(task_forces)))
        now = timezone.now()
        applications = []
        for number in range(count):
            applicant = applicants[number // len(task_forces)]
            role = self.rng.choices(list(Role), weights=[1, 2, 7])[0]
            applications.append(
                Application(
                    user=applicant,
                    task_force=task_forces[number % len(task_forces)],
                    role=role,
                    region=self.rng.choice(regions)
                    if role == Role.REGIONAL_REPRESENTATIVE
                    else None,
                    answers={"contributions": ["literature"], "details": f"Fake answer {number}"},
                    consent_to_processing=True,
                    language=self.rng.choice(LANGUAGES),
                    status=self.rng.choice(STATUSES),
                    submitted_at=now - timedelta(minutes=self.rng.randint(0, 60 * 24 * 365)),
                )
            )
        submit_many(applications)
        self.stdout.write(f"Created {count} applications from {len(applicants)} applicants.")

    def applicants(self, number):
        User = get_user_model()
        start = User.objects.count()
        users = User.objects.bulk_create(
            [
                User(
                    username=f"applicant{start + index}",
                    email=f"applicant{start + index}@example.org",
                    first_name="Applicant",
                    last_name=str(start + index),
                    password=make_password(None),  # unusable: nobody logs in as them
                )
                for index in range(number)
            ],
            batch_size=1000,
        )
        users = list(User.objects.filter(username__in=[user.username for user in users]))
        organizations = Organization.objects.bulk_create(
            [
                Organization(
                    name=f"Organization {start + index}",
                    membership_status=self.rng.choice(list(MembershipStatus)),
                )
                for index in range(max(1, number // 5))
            ]
        )
        Profile.objects.bulk_create(
            [Profile(user=user, organization=self.rng.choice(organizations)) for user in users],
            batch_size=1000,
        )
        return users
