"""The Task Forces' people: regions, organizations, profiles, requests for a login."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.localized import in_active_language
from home.prepared import PreparedQuery

from ..time_zones import validate_time_zone


class Region(TranslatableMixin, index.Indexed, models.Model):
    """One of the Initiative's regions, which a Regional Representative represents."""

    name = models.CharField(_("name"), max_length=100, help_text=_("The region's name."))
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Regions are listed from the lowest number up.")
    )

    panels = ["name", "sort_order"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def names_in_active_language(cls):
        """Region names by translation key, in the visitor's language, in one query."""
        return dict(
            cls.objects.filter(locale__language_code=get_language()).values_list(
                "translation_key", "name"
            )
        )

    @classmethod
    def name_in_active_language(cls, region_field="region"):
        """An annotation: the name of the row's region in the visitor's language."""
        return in_active_language(cls, region_field, "name")


class MembershipStatus(models.TextChoices):
    PARTNER = "partner", _("Partner of “4 per 1000”")
    MEMBER = "member", _("Member of “4 per 1000”")
    NONE = "none", _("Neither member nor partner")


class Organization(index.Indexed, models.Model):
    """A body users belong to; its membership status decides which roles they may take."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = CountryField(_("country"), blank=True)
    membership_status = models.CharField(
        _("membership status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.NONE,
        help_text=_(
            "Only people from a partner organization may lead a Task Force or represent a region."
        ),
    )

    panels = ["name", "country", "membership_status"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_partner(self):
        return self.membership_status == MembershipStatus.PARTNER

    def record_membership_change(self, previous_status, changed_by):
        """Keeps who changed the membership status, when, and from what."""
        if previous_status != self.membership_status:
            MembershipChange.objects.create(
                organization=self,
                from_status=previous_status or "",
                to_status=self.membership_status,
                changed_by=changed_by,
            )


class MembershipChange(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="membership_changes",
        verbose_name=_("organization"),
    )
    from_status = models.CharField(
        _("from"), max_length=10, choices=MembershipStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=MembershipStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.organization}: {self.from_status or '—'} → {self.to_status}"


class Profile(models.Model):
    """What the site knows of a user beyond their login. The Secretariat sets the organization."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organization"),
    )
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "Meeting times are shown in this zone. Without one, in your browser's zone, or "
            "else your country's."
        ),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)


def person_name(user):
    """How the site names a person: their full name, or their username without one."""
    return user.get_full_name() or user.username


def user_organization(user):
    """The organization `user` belongs to, or None."""
    profile = user_profile(user)
    return profile.organization if profile else None


# Read on every step of the join form, for who may take which role.
PROFILE = PreparedQuery(lambda user_id: Profile.objects.filter(user_id=user_id), int)


def user_profile(user):
    """`user.profile`, or None (for nobody, as an erased application's user, too): read,
    unless already loaded, by SQL compiled once."""
    if user is None or not user.is_authenticated:
        return None
    relation = Profile.user.field.remote_field
    if not relation.is_cached(user):
        profile = PROFILE.first(user.pk)
        relation.set_cached_value(user, profile)
        if profile is not None:
            relation.field.set_cached_value(profile, user)
    return getattr(user, "profile", None)


class AccessRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AccessRequest.Status.PENDING)


class AccessRequest(models.Model):
    """A visitor without a login asking the Secretariat for one."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organization_name = models.CharField(_("organization"), max_length=200)
    country = CountryField(_("country"))
    membership_claim = models.CharField(
        _("membership of the organization"),
        max_length=10,
        choices=MembershipStatus.choices,
        help_text=_("What the visitor says of their organization; the Secretariat checks it."),
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.TextField(_("note"), blank=True)

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"
