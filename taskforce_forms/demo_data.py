"""A realistic inbox for `seed_demo`: applicants from several regions, applications to several
Task Forces in every role and status, and access requests. Development only."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.localized import in_default_language
from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage

from .join.submission import submit
from .models import (
    AccessRequest,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    MembershipStatus,
    Organization,
    Profile,
    Region,
)

P, M, N = MembershipStatus.PARTNER, MembershipStatus.MEMBER, MembershipStatus.NONE

# username: (first name, last name, organization, country, membership, language)
APPLICANTS = {
    "amina": ("Amina", "Diallo", "Institut Sénégalais de Recherches Agricoles", "SN", P, "fr"),
    "kwame": ("Kwame", "Mensah", "Soil Research Institute Ghana", "GH", P, "en"),
    "lucia": ("Lucía", "Fernández", "Instituto Nacional de Tecnología Agropecuaria", "AR", P, "es"),
    "wei": ("Wei", "Zhang", "Chinese Academy of Agricultural Sciences", "CN", P, "zh-hans"),
    "olga": ("Olga", "Ivanova", "Dokuchaev Soil Science Institute", "RU", P, "ru"),
    "youssef": (
        "Youssef",
        "Benali",
        "Institut National de la Recherche Agronomique",
        "MA",
        P,
        "ar",
    ),
    "emma": ("Emma", "Schmidt", "Thünen Institute", "DE", P, "en"),
    "james": ("James", "Walker", "Soil Health Institute", "US", P, "en"),
    "priya": ("Priya", "Nair", "Kerala Organic Farmers' Network", "IN", M, "en"),
    "carlos": ("Carlos", "Mendoza", "Cooperativa Agraria Los Andes", "PE", M, "es"),
    "fatima": ("Fatima", "Haddad", "", "LB", N, "ar"),
    "sophie": ("Sophie", "Martin", "", "FR", N, "fr"),
    "ivan": ("Ivan", "Petrov", "Volga Farmers' Union", "RU", M, "ru"),
    "mei": ("Mei", "Chen", "", "CN", N, "zh-hans"),
}

S = ApplicationStatus
# (username, task force, role, region index or None, history of statuses, days ago)
APPLICATIONS = [
    ("amina", "A1", Role.LEADER, None, [S.SHORTLISTED, S.NOMINATED], 240),
    ("kwame", "A1", Role.REGIONAL_REPRESENTATIVE, 0, [S.NOMINATED], 200),
    ("lucia", "A1", Role.REGIONAL_REPRESENTATIVE, 3, [S.SHORTLISTED], 150),
    ("emma", "A1", Role.REGIONAL_REPRESENTATIVE, 2, [], 20),
    ("priya", "A1", Role.TEAM_MEMBER, None, [S.ACCEPTED], 180),
    ("carlos", "A1", Role.TEAM_MEMBER, None, [S.ACCEPTED], 90),
    ("sophie", "A1", Role.TEAM_MEMBER, None, [], 6),
    ("wei", "B2", Role.LEADER, None, [S.SHORTLISTED], 120),
    ("olga", "B2", Role.LEADER, None, [S.NOT_SELECTED], 110),
    ("mei", "B2", Role.TEAM_MEMBER, None, [], 12),
    ("james", "C3", Role.LEADER, None, [S.NOMINATED], 300),
    ("james", "C1", Role.REGIONAL_REPRESENTATIVE, 4, [], 3),
    ("emma", "C3", Role.REGIONAL_REPRESENTATIVE, 2, [S.NOMINATED], 160),
    ("ivan", "C3", Role.TEAM_MEMBER, None, [S.DECLINED], 70),
    ("fatima", "C3", Role.TEAM_MEMBER, None, [], 2),
    ("youssef", "D1", Role.LEADER, None, [], 9),
    ("amina", "D1", Role.TEAM_MEMBER, None, [S.ACCEPTED], 60),
    ("olga", "E1", Role.REGIONAL_REPRESENTATIVE, 2, [S.SHORTLISTED], 45),
    ("priya", "E1", Role.TEAM_MEMBER, None, [S.WITHDRAWN], 100),
    ("lucia", "F3", Role.LEADER, None, [S.NOMINATED], 30),
    ("carlos", "F3", Role.TEAM_MEMBER, None, [], 1),
    ("kwame", "F1", Role.TEAM_MEMBER, None, [S.ACCEPTED], 15),
]

ACCESS_REQUESTS = [
    ("Nguyen Thi Lan", "lan.nguyen@example.org", "Vietnam Soil Science Society", "VN", M, "en"),
    (
        "Jean-Baptiste Kouassi",
        "jb.kouassi@example.org",
        "Université Félix Houphouët-Boigny",
        "CI",
        P,
        "fr",
    ),
    ("María José Rojas", "mj.rojas@example.org", "Fundación Suelos Vivos", "CL", N, "es"),
    (
        "Ахмед Садыков",
        "a.sadykov@example.org",
        "Kazakh Research Institute of Soil Science",
        "KZ",
        M,
        "ru",
    ),
]


@transaction.atomic
def create_demo_inbox(password, secretariat):
    """Creates the demo applicants and their applications once; returns how many it created."""
    if Application.objects.filter(user__username__in=APPLICANTS).exists():
        return 0
    users = {username: demo_applicant(username, password) for username in APPLICANTS}
    task_forces = {page.code: page for page in in_default_language(ObjectivePage.objects)}
    regions = list(in_default_language(Region.objects))
    now = timezone.now()
    for username, code, role, region, history, days_ago in APPLICATIONS:
        submitted_at = now - timedelta(days=days_ago, hours=len(username))
        application = Application(
            user=users[username],
            task_force=task_forces[code],
            role=role,
            region=regions[region] if region is not None else None,
            answers=demo_answers(role, code),
            consent_to_processing=True,
            consent_to_publication=username != "olga",
            language=users[username].profile.preferred_language,
            submitted_at=submitted_at,
        )
        submit(application, notify=False)
        replay(application, history, submitted_at, secretariat)
    for name, email, organization, country, claim, language in ACCESS_REQUESTS:
        AccessRequest.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "organization_name": organization,
                "country": country,
                "membership_claim": claim,
                "language": language,
                "message": "I would like to contribute to the Task Forces on soil carbon.",
            },
        )
    return len(APPLICATIONS)


def demo_applicant(username, password, person=None):
    """The demo user `username`, as `person` (an `APPLICANTS` row) describes them."""
    first, last, organization_name, country, membership, language = person or APPLICANTS[username]
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created:
        user.set_password(password)
        user.save()
    organization = None
    if organization_name:
        organization, _ = Organization.objects.get_or_create(
            name=organization_name,
            defaults={"country": country, "membership_status": membership},
        )
    Profile.objects.update_or_create(
        user=user,
        defaults={"organization": organization, "country": country, "preferred_language": language},
    )
    return user


def demo_answers(role, code):
    if role == Role.TEAM_MEMBER:
        return {
            "contributions": ["literature", "projects"],
            "details": f"Field trials on soil organic carbon relevant to {code}.",
        }
    return {
        "qualification": (
            "Fifteen years of research on soil organic carbon, national NDC working group "
            f"member, and coordinator of a regional network relevant to objective {code}."
        ),
        "availability": "all",
        "availability_note": "",
    }


def replay(application, history, submitted_at, secretariat):
    """Writes the application's history as if the Secretariat had decided it over time."""
    status = S.SUBMITTED
    for step, to_status in enumerate(history, start=1):
        actor = application.user if to_status == S.WITHDRAWN else secretariat
        ApplicationEvent.objects.create(
            application=application,
            from_status=status,
            to_status=to_status,
            actor=actor,
            note="" if actor == application.user else "Decided at the monthly review.",
            created_at=submitted_at + timedelta(days=7 * step),
        )
        status = to_status
    if status != S.SUBMITTED:
        Application.objects.filter(pk=application.pk).update(status=status)
