"""The visitor's pages with a form, fetched through the test client in the states a visitor
sees them: empty, and sent back with errors. Shared by the tests of what these pages say to
assistive technologies."""

from html.parser import HTMLParser

from ..factories import apply, member_user, partner_user, region, visitor_user
from .steps import QUALIFICATION, post_step, step_url

ACCESS_REQUEST = {
    "name": "Ana Pereira",
    "email": "ana@example.org",
    "organization_name": "Embrapa",
    "country": "BR",
    "membership_claim": "partner",
}


class Markup(HTMLParser):
    """A page's elements in source order, its forms' elements, its ids, the ids its ARIA
    attributes refer to, and its title."""

    REFERENCES = ("aria-describedby", "aria-labelledby")

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.forms = []  # (the form's attributes, its elements)
        self.in_form = False
        self.ids = set()
        self.references = []
        self.title = ""
        self.in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "form":
            self.forms.append((attributes, []))
            self.in_form = True
        elif self.in_form:
            self.forms[-1][1].append((tag, attributes))
        self.in_title = tag == "title"
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in self.REFERENCES:
            for target in (attributes.get(name) or "").split():
                self.references.append((tag, name, target))

    def handle_endtag(self, tag):
        self.in_title = False
        if tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data

    def dangling_references(self):
        return [reference for reference in self.references if reference[2] not in self.ids]

    def find_all(self, tag, **attributes):
        """The elements `tag` with these attributes; None stands for an attribute's presence."""
        return [
            attrs
            for name, attrs in self.elements
            if name == tag
            and all(key in attrs and attrs[key] == value for key, value in attributes.items())
        ]

    def visitor_form(self):
        """The elements of the page's form sent with POST that is not the logout button."""
        forms = [
            elements
            for attrs, elements in self.forms
            if attrs.get("method") == "post" and "action" not in attrs
        ]
        assert len(forms) == 1, forms
        return forms[0]


SENT_BACK = "sent back: "  # the name of a page shown again because its form had errors


def sent_back(name):
    return name.startswith(SENT_BACK)


def join_steps(client):
    """Every step of the join form, for each path through it, as first shown and sent back."""
    pages = {}
    client.force_login(visitor_user())
    pages["role, some roles unavailable"] = client.get(step_url("role"))
    pages[f"{SENT_BACK}role"] = post_step(client, "role")
    post_step(client, "role", {"role": "team_member"})
    pages["contribution"] = client.get(step_url("contribution"))
    pages[f"{SENT_BACK}contribution"] = post_step(client, "contribution")
    post_step(client, "contribution", {"contributions": ["projects"]})
    pages["review for a team member"] = client.get(step_url("review"))
    pages[f"{SENT_BACK}review for a team member"] = post_step(client, "review")

    client.force_login(partner_user())
    pages["role"] = client.get(step_url("role"))
    post_step(client, "role", {"role": "regional_representative"})
    pages["region"] = client.get(step_url("region"))
    pages[f"{SENT_BACK}region"] = post_step(client, "region")
    post_step(client, "region", {"region": region("Europe").pk})
    pages["call for information"] = client.get(step_url("qualification"))
    pages[f"{SENT_BACK}call for information"] = post_step(
        client, "qualification", {"qualification": "Me."}
    )
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    pages["review for a candidate"] = client.get(step_url("review"))
    pages[f"{SENT_BACK}review for a candidate"] = post_step(client, "review")
    client.logout()
    return pages


def account_pages(client):
    """Logging in, asking for a login, the profile and the password, as first shown and sent
    back; and the applications' pages."""
    pages = {
        "login": client.get("/en/accounts/login/"),
        f"{SENT_BACK}login": client.post(
            "/en/accounts/login/", {"username": "nobody", "password": "wrong"}
        ),
        "request a login": client.get("/en/accounts/request-login/"),
        f"{SENT_BACK}request a login": client.post(
            "/en/accounts/request-login/", {**ACCESS_REQUEST, "name": "", "email": "ana"}
        ),
        "reset the password": client.get("/en/accounts/password/reset/"),
        f"{SENT_BACK}reset the password": client.post(
            "/en/accounts/password/reset/", {"email": "ana"}
        ),
    }
    user = member_user()
    client.force_login(user)
    pages["profile"] = client.get("/en/accounts/profile/")
    pages[f"{SENT_BACK}profile"] = client.post(
        "/en/accounts/profile/", {"first_name": "", "last_name": "", "preferred_language": "en"}
    )
    pages["change the password"] = client.get("/en/accounts/password/change/")
    pages[f"{SENT_BACK}change the password"] = client.post(
        "/en/accounts/password/change/",
        {"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    )
    application = apply(user)
    pages["my applications"] = client.get("/en/my-applications/")
    pages["my application"] = client.get(f"/en/my-applications/{application.pk}/")
    client.logout()
    return pages
