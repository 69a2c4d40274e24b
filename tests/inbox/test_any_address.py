"""Whatever query string reaches the applications list, as the Secretariat, the answer is the
list (or, for an export whose address is clean, the file): never a server error, and what the
list does not offer changes nothing it shows. `make fuzz` searches far longer.

Each example runs in its own transaction (hypothesis.extra.django.TestCase).
"""

import datetime
from urllib.parse import urlencode

from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from taskforce_forms.models import ApplicationStatus

from ..factories import (
    apply,
    member_user,
    partner_user,
    region,
    secretariat_user,
    sign_in_with_second_factor,
)
from .test_addresses import APPLICATIONS, messages_of, shown

# The filters the list offers, with some of their choices.
OFFERED = {
    "status": st.sampled_from(["waiting", "all", *ApplicationStatus.values]),
    "role__exact": st.sampled_from(["leader", "regional_representative", "team_member"]),
    "goal": st.sampled_from("ABCDEF"),
    "task_force": st.sampled_from(["A1", "C3", "F3"]),
    "user__profile__organization__membership_status__exact": st.sampled_from(["partner", "member"]),
    "submitted_at__gte": st.datetimes(timezones=st.just(datetime.UTC)).map(str),
    "q": st.sampled_from(["paula", "Tester", "example.org"]),
    "o": st.sampled_from(["1", "-1", "0.4"]),
}
characters = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be sent
hostile_text = st.one_of(
    st.text(characters, max_size=50),
    st.sampled_from(["", "\x00", "a\x00b", "<script>", "1e3", "-1", "٣", "None", "2026-02-30"]),
    st.integers().map(str),
    st.text(characters, min_size=1, max_size=3).map(lambda unit: (unit * 5_000)[:5_000]),
)
unoffered_names = st.one_of(
    st.sampled_from(
        [
            "user__password__startswith",
            "user__password",
            "user__email__contains",
            "user__nope",
            "pk__in",
            "id__gt",
            "status__exact",
            "region__name",
            "answers__contains",
            "submitted_at__year",
        ]
    ),
    st.text(characters, min_size=1, max_size=30),
).filter(
    lambda name: (
        name not in OFFERED and name not in {"region", "submitted_at__lt", "ot", "p", "e", "export"}
    )
)


class AnyAddressProperties(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.secretariat = secretariat_user()
        apply(partner_user("paula"), "A1")
        apply(member_user("manuel"), "C3", region=region("Africa"))

    def setup_example(self):
        super().setup_example()
        cache.clear()

    def get(self, pairs):
        sign_in_with_second_factor(self.client, self.secretariat)
        response = self.client.get(f"{APPLICATIONS}?{urlencode(pairs)}")
        assert response.status_code == 200
        assert "\x00" not in response.content.decode(errors="replace")
        return response

    @given(
        offered=st.dictionaries(st.sampled_from(list(OFFERED)), st.none()).flatmap(
            lambda names: st.fixed_dictionaries({name: OFFERED[name] for name in names})
        ),
        unoffered=st.lists(st.tuples(unoffered_names, hostile_text), min_size=1, max_size=4),
        export=st.sampled_from([None, "csv", "xlsx"]),
    )
    def test_what_the_list_does_not_offer_changes_nothing(self, offered, unoffered, export):
        asked = [*offered.items(), *unoffered]
        if export:
            asked.append(("export", export))
        response = self.get(asked)
        assert response["Content-Type"].startswith("text/html"), "no export with a bad address"
        assert messages_of(response), "what was left out is said"
        assert shown(response) == shown(self.get(list(offered.items())))
