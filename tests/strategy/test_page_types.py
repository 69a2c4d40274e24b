"""Which page goes where, and how codes are checked, through the real admin forms."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from strategy_pages.models import GoalPage, ObjectivePage, StrategyPage

from ..factories import StaffClient


def objective_form_data(
    code, title="A new objective", label="New", statement="Today", footnotes=()
):
    return nested_form_data(
        {
            "title": title,
            "slug": code.lower() + "-new",
            "code": code,
            "label": label,
            "description": "What the world looks like then.",
            "targets": streamfield(
                [
                    (
                        "milestone",
                        {
                            "milestone": "baseline",
                            "year": 2020,
                            "statements": streamfield([("item", statement)]),
                        },
                    ),
                ]
            ),
            "footnotes": streamfield(
                [("footnote", {"marker": marker, "text": "A note."}) for marker in footnotes]
            ),
        }
    )


def strategy_form_data():
    return nested_form_data(
        {
            "title": "Join our Task Forces",
            "slug": "task-forces",
            "lead": "Join us",
            "intro": rich_text("<p>Intro</p>"),
            "join_steps": streamfield(
                [("step", {"title": "Log in", "text": rich_text("<p>Log in.</p>"), "action": ""})]
            ),
            "roles": streamfield(
                [
                    (
                        "role",
                        {
                            "role": "leader",
                            "name": "Task Force Leader",
                            "responsibilities": streamfield([("item", "Lead")]),
                        },
                    )
                ]
            ),
            "nomination_note": "The Secretariat nominates.",
        }
    )


class PageTreeRulesTests(WagtailPageTestCase):
    client_class = StaffClient  # Wagtail's helpers sign a superuser in

    def test_strategy_only_under_home(self):
        self.assertAllowedParentPageTypes(StrategyPage, {HomePage})
        self.assertCanNotCreateAt(Page, StrategyPage)

    def test_goals_only_under_the_strategy(self):
        self.assertAllowedParentPageTypes(GoalPage, {StrategyPage})
        self.assertCanCreateAt(StrategyPage, GoalPage)
        self.assertCanNotCreateAt(HomePage, GoalPage)
        self.assertCanNotCreateAt(GoalPage, GoalPage)

    def test_objectives_only_under_a_goal(self):
        self.assertAllowedParentPageTypes(ObjectivePage, {GoalPage})
        self.assertAllowedSubpageTypes(ObjectivePage, set())
        self.assertCanCreateAt(GoalPage, ObjectivePage)
        self.assertCanNotCreateAt(StrategyPage, ObjectivePage)
        self.assertCanNotCreateAt(HomePage, ObjectivePage)

    def test_one_strategy_per_home(self):
        home = HomePage.objects.get(locale=Locale.get_default())
        self.assertFalse(StrategyPage.can_create_at(home))


class ObjectiveCodeTests(WagtailPageTestCase):
    client_class = StaffClient  # Wagtail's helpers sign a superuser in

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
        cls.goal_a = GoalPage.objects.get(letter="A", locale=Locale.get_default())

    def setUp(self):
        self.client.force_login(self.admin)

    def test_an_editor_creates_an_objective_with_a_fresh_code(self):
        self.assertCanCreate(self.goal_a, ObjectivePage, objective_form_data("A9"))
        self.assertTrue(ObjectivePage.objects.filter(code="A9").exists())

    def create(self, data):
        return self.client.post(
            f"/admin/pages/add/strategy_pages/objectivepage/{self.goal_a.pk}/", data
        )

    def test_a_code_used_in_the_same_language_is_refused(self):
        response = self.create(objective_form_data("A1"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A1 is already used by another page in this language.")

    def test_a_code_must_start_with_its_goals_letter(self):
        response = self.create(objective_form_data("B9"))
        self.assertContains(response, "An objective of goal A has a code starting with A.")

    def test_a_malformed_code_is_refused(self):
        response = self.create(objective_form_data("A-1"))
        self.assertContains(response, "Enter the goal&#x27;s letter followed by a number")
        self.assertFalse(ObjectivePage.objects.filter(code="A-1").exists())

    def test_lower_case_codes_are_normalised(self):
        self.create(objective_form_data("a8"))
        self.assertTrue(ObjectivePage.objects.filter(code="A8").exists())

    def test_a_marker_without_its_footnote_is_refused(self):
        statement = "The Top 20* and 80** institutions."
        response = self.create(objective_form_data("A7", statement=statement))
        self.assertContains(
            response, "The markers *, ** are used in the text but have no footnote."
        )
        self.assertFalse(ObjectivePage.objects.filter(code="A7").exists())
        self.assertContains(response, "The Top 20* and 80** institutions.")  # kept on the form

        response = self.create(objective_form_data("A7", statement=statement, footnotes=["*"]))
        self.assertContains(response, "The marker ** is used in the text but has no footnote.")

    def test_markers_with_their_footnotes_are_accepted(self):
        statement = "The Top 20* and 80** institutions, 5 × 3 = 15."
        data = objective_form_data("A7", statement=statement, footnotes=["*", "**"])
        self.assertCanCreate(self.goal_a, ObjectivePage, data)

    def test_the_same_code_exists_once_per_language(self):
        codes = ObjectivePage.objects.filter(code="C3").values_list(
            "locale__language_code", flat=True
        )
        self.assertCountEqual(codes, ["en", "fr", "es", "ar", "zh-hans", "ru"])

    def test_every_page_type_opens_in_the_editor_and_previews(self):
        preview_data = {
            StrategyPage: strategy_form_data(),
            ObjectivePage: objective_form_data("A1"),
        }
        for model in (HomePage, StrategyPage, GoalPage, ObjectivePage):
            page = model.objects.filter(locale=Locale.get_default()).first()
            with self.subTest(model=model.__name__):
                self.client.force_login(self.admin)
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
                self.assertPageIsPreviewable(page, post_data=preview_data.get(model))

    def test_pages_without_streamfields_save_through_the_editor(self):
        for model in (HomePage, GoalPage):
            self.assertPageIsEditable(model.objects.filter(locale=Locale.get_default()).first())


class GoalLetterTests(WagtailPageTestCase):
    client_class = StaffClient  # Wagtail's helpers sign a superuser in

    def test_a_second_goal_a_is_refused(self):
        admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
        self.client.force_login(admin)
        strategy = StrategyPage.objects.get(locale=Locale.get_default())
        response = self.client.post(
            f"/admin/pages/add/strategy_pages/goalpage/{strategy.pk}/",
            nested_form_data(
                {"title": "Again", "slug": "again", "letter": "A", "statement": "Twice."}
            ),
        )
        self.assertContains(response, "A is already used by another page in this language.")
