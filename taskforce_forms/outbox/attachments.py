"""Files attached to an e-mail, built when it is sent from the records its context refers to,
as its body is: a retry carries what is true then, and the outbox keeps no copy of them.

An area registers a builder for its e-mail templates (`register`); the outbox knows no area."""

from django.utils import translation

_builders = {}


def register(template, build):
    """`build(mail, context)` returns the (filename, content, MIME type) of each file to attach
    to the e-mails of `template`, its context's references already read."""
    _builders[template] = build


def built_for(mail, context):
    build = _builders.get(mail.template)
    if build is None:
        return []
    with translation.override(mail.language):
        return build(mail, context)
