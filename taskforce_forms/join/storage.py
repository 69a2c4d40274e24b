"""A formtools storage that keeps the join form's answers in the database, per user and form.

A user who leaves half-way resumes later, on any device, where they stopped.
"""

from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage

from home.prepared import PreparedQuery

from ..models import JoinDraft

# Read on every step of the join form.
DRAFT = PreparedQuery(
    lambda user_id, key: JoinDraft.objects.filter(user_id=user_id, key=key), int, str
)


class DraftStorage(BaseStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = DRAFT.first(self.request.user.pk, self.prefix)
        if self.draft is None:
            self.draft = JoinDraft(user=self.request.user, key=self.prefix)
            self.init_data()
        else:
            self.data = self.draft.data

    def set_step_data(self, step, cleaned_data):
        """Keeps the step's own fields only (formtools passes the whole post), without NUL
        characters: PostgreSQL's JSON cannot hold them, and no valid answer has one."""
        if isinstance(cleaned_data, MultiValueDict):
            cleaned_data = dict(cleaned_data.lists())
        prefix = f"{step}-"
        super().set_step_data(
            step,
            {
                without_nul(name): [without_nul(value) for value in values]
                for name, values in cleaned_data.items()
                if name.startswith(prefix)
            },
        )

    @property
    def empty(self):
        """Nothing answered yet, nor a step reached."""
        return not (self.data.get(self.step_data_key) or self.data.get(self.step_key))

    def update_response(self, response):
        super().update_response(response)
        drafts = JoinDraft.objects.filter(user=self.request.user, key=self.prefix)
        if self.empty:
            if self.draft.pk:  # a first visit has no draft to forget: no query
                drafts.delete()
        elif self.draft.pk:
            # An update, not a save: a draft deleted meanwhile, because the form was sent by
            # a double click or from another tab, must not come back.
            drafts.filter(pk=self.draft.pk).update(data=self.data, updated_at=timezone.now())
        else:
            drafts.update_or_create(
                user=self.request.user, key=self.prefix, defaults={"data": self.data}
            )


def without_nul(text):
    return text.replace("\x00", "")
