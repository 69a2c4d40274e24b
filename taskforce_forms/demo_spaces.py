"""The demo's Task Force spaces, A1 and C3, so that a newcomer sees a living space after
`make run`: accepted Team Members from several regions and organizations, some sharing their
e-mail address and some not, what they offered on the join form, and what the members know.
Their Leaders and Representatives come from the demo inbox (`demo_data.APPLICATIONS`).
Development only."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info

from home.localized import in_default_language
from strategy_pages.choices import Role
from strategy_pages.models import ObjectivePage

from .demo_data import demo_applicant, replay
from .join.submission import submit
from .models import (
    Application,
    ApplicationStatus,
    KnowledgeEntry,
    KnowledgeKind,
    MembershipStatus,
    Region,
)

P, M = MembershipStatus.PARTNER, MembershipStatus.MEMBER
SPACES = ("A1", "C3")

# username: (first name, last name, organization, country, membership, language)
DEMO_MEMBERS = {
    "nour": ("Nour", "Al-Masri", "National Agricultural Research Center", "JO", P, "ar"),
    "aroha": ("Aroha", "Ngata", "Manaaki Whenua Landcare Research", "NZ", P, "en"),
    "tomas": ("Tomáš", "Novák", "Czech University of Life Sciences", "CZ", P, "en"),
    "ana": ("Ana", "Souza", "Embrapa Cerrados", "BR", P, "es"),
    "thabo": ("Thabo", "Molefe", "Grain Farmers' Association of South Africa", "ZA", M, "en"),
}

# (username, task force, shares their e-mail address, contributions, details, days ago)
DEMO_TEAM = [
    (
        "nour",
        "A1",
        True,
        ["literature", "ongoing_activities"],
        "Studies of soil carbon in Jordan's drylands; the national NDC review of 2025.",
        130,
    ),
    (
        "aroha",
        "A1",
        True,
        ["projects", "funding_search"],
        "A soil carbon monitoring project on Māori land, and contacts at two climate funds.",
        95,
    ),
    (
        "tomas",
        "A1",
        False,
        ["literature"],
        "A review of soil carbon in EU national inventories.",
        60,
    ),
    (
        "ana",
        "C3",
        True,
        ["projects", "funding_search"],
        "Credit lines for conservation agriculture in the Cerrado.",
        110,
    ),
    (
        "thabo",
        "C3",
        False,
        ["ongoing_activities"],
        "Farmers' trials of reduced tillage.",
        75,
    ),
    (
        "nour",
        "C3",
        False,
        ["literature"],
        "What dryland farmers in Jordan spend on soil.",
        40,
    ),
]

# The Leaders of the demo spaces share their address; the Representatives do not.
SHARING_LEADERS = ("amina", "james")

L, A, PR, F = (
    KnowledgeKind.LITERATURE,
    KnowledgeKind.ACTIVITY,
    KnowledgeKind.PROJECT,
    KnowledgeKind.FUNDER,
)
# task force: (type, title, link, description, region index or None, language, author)
DEMO_KNOWLEDGE = {
    "A1": [
        (
            L,
            "Le carbone organique des sols dans les CDN d'Afrique de l'Ouest",
            "https://example.org/cdn-afrique-de-l-ouest",
            "How fifteen West African NDCs count soil organic carbon, and what they leave out.",
            0,
            "fr",
            "amina",
        ),
        (
            L,
            "الكربون العضوي في تربة الأراضي الجافة في الأردن",
            "",
            "Soil organic carbon under rangeland and olive groves in Jordan, 2015–2024.",
            1,
            "ar",
            "nour",
        ),
        (
            L,
            "Soil carbon in national greenhouse gas inventories: Tier 2 options",
            "https://example.org/tier-2",
            "What a country needs to move its soil carbon estimates from Tier 1 to Tier 2.",
            None,
            "en",
            "tomas",
        ),
        (
            A,
            "Ghana's NDC revision: the agriculture working group",
            "",
            "Meets monthly until the revised NDC is submitted; open to written contributions.",
            0,
            "en",
            "kwame",
        ),
        (
            A,
            "Monitoreo de carbono en suelos altoandinos",
            "https://example.org/andes",
            "A pilot measuring soil carbon in three Andean communities of Peru.",
            3,
            "es",
            "carlos",
        ),
        (
            PR,
            "Soil carbon baselines for Kerala's organic farms",
            "",
            "Sampling on 300 farms to give the state's climate plan a baseline.",
            1,
            "en",
            "priya",
        ),
        (
            PR,
            "Soil carbon monitoring on Māori land",
            "https://example.org/whenua",
            "Iwi-led monitoring of soil carbon on pastoral land, for the national inventory.",
            1,
            "en",
            "aroha",
        ),
        (
            F,
            "Green Climate Fund: Readiness Programme",
            "https://example.org/gcf-readiness",
            "Funds the preparation of NDC measures, soil carbon accounting included.",
            None,
            "en",
            "amina",
        ),
        (
            F,
            "NDC Partnership: support requests",
            "",
            "Countries ask for help with their NDC; members match them with partners.",
            None,
            "en",
            "kwame",
        ),
    ],
    "C3": [
        (
            L,
            "The economics of soil health practices on 100 farms",
            "https://example.org/soil-health-economics",
            "Net income per acre before and after adopting soil health practices.",
            4,
            "en",
            "james",
        ),
        (
            L,
            "Rentabilidad de la agricultura de conservación en el Cerrado",
            "",
            "Ten years of costs and yields of no-till soy and maize.",
            3,
            "es",
            "ana",
        ),
        (
            A,
            "Soil health finance round table, Johannesburg",
            "",
            "Banks and farmers' associations meet each quarter on lending for soil health.",
            0,
            "en",
            "thabo",
        ),
        (
            A,
            "Carbon farming pilots in Lower Saxony",
            "https://example.org/niedersachsen",
            "Forty farms paid per tonne of soil carbon stored, verified by sampling.",
            2,
            "de",
            "emma",
        ),
        (
            PR,
            "Blended finance for soil restoration in the Sahel",
            "",
            "A first-loss fund to make restoration loans bankable; partners sought.",
            0,
            "fr",
            "james",
        ),
        (
            PR,
            "A credit line for no-till planters in Mato Grosso",
            "",
            "A cooperative bank's proposal, waiting for a guarantee.",
            3,
            "en",
            "ana",
        ),
        (
            F,
            "IFAD: Adaptation for Smallholder Agriculture Programme",
            "https://example.org/asap",
            "Grants for smallholders' adaptation; soil health is one of its aims.",
            None,
            "en",
            "emma",
        ),
        (
            F,
            "Land Degradation Neutrality Fund",
            "https://example.org/ldn-fund",
            "Invests in land restoration projects with a return.",
            None,
            "en",
            "james",
        ),
    ],
}


@transaction.atomic
def seed_spaces(password, secretariat):
    """Fills the A1 and C3 spaces once (a space that has its demo Team Members is left as it
    is); returns their members' logins as (created in this run, username, what they are in the
    spaces)."""
    users = {
        username: demo_applicant(username, password, person)
        for username, person in DEMO_MEMBERS.items()
    }
    filled = set()
    for task_force in in_default_language(ObjectivePage.objects).filter(code__in=SPACES):
        if not Application.objects.filter(task_force=task_force, user__in=users.values()).exists():
            fill_space(task_force, users, secretariat)
            filled.add(task_force.code)
    return [
        (bool(codes & filled), username, description)
        for username, (codes, description) in space_members().items()
    ]


def fill_space(task_force, users, secretariat):
    now = timezone.now()
    for username, code, shares, contributions, details, days_ago in DEMO_TEAM:
        if code != task_force.code:
            continue
        submitted_at = now - timedelta(days=days_ago)
        application = Application(
            user=users[username],
            task_force=task_force,
            role=Role.TEAM_MEMBER,
            answers={"contributions": contributions, "details": details},
            consent_to_processing=True,
            consent_to_share_contact=shares,
            language=users[username].profile.preferred_language,
            submitted_at=submitted_at,
        )
        submit(application, notify=False)
        replay(application, [ApplicationStatus.ACCEPTED], submitted_at, secretariat)
    Application.objects.members_of(task_force).filter(
        role=Role.LEADER, user__username__in=SHARING_LEADERS
    ).update(consent_to_share_contact=True)
    add_knowledge(task_force, now)


def add_knowledge(task_force, now):
    regions = list(in_default_language(Region.objects))
    authors = get_user_model().objects.in_bulk(
        [entry[-1] for entry in DEMO_KNOWLEDGE[task_force.code]], field_name="username"
    )
    for days_ago, entry in enumerate(DEMO_KNOWLEDGE[task_force.code], start=1):
        kind, title, url, description, region, language, author = entry
        KnowledgeEntry.objects.create(
            task_force=task_force,
            kind=kind,
            title=title,
            url=url,
            description=description,
            region=regions[region] if region is not None else None,
            source_language=language,
            author=authors.get(author),
            created_at=now - timedelta(days=3 * days_ago),
        )


def space_members():
    """username: (the codes of their demo spaces, what they are there, e.g. "Task Force Leader
    of A1 (shares e-mail); reads French")."""
    members = (
        Application.objects.members()
        .filter(task_force__code__in=SPACES)
        .select_related("user__profile", "task_force")
        .order_by("task_force__code", "role", "user__username")
    )
    codes, roles, languages = {}, {}, {}
    for application in members:
        username, code = application.user.username, application.task_force.code
        shares = " (shares e-mail)" if application.consent_to_share_contact else ""
        codes.setdefault(username, set()).add(code)
        roles.setdefault(username, []).append(f"{application.get_role_display()} of {code}{shares}")
        languages[username] = application.user.profile.preferred_language
    return {
        username: (codes[username], ", ".join(roles[username]) + reads(languages[username]))
        for username in roles
    }


def reads(language):
    return "" if language == "en" else f"; reads {get_language_info(language)['name']}"
