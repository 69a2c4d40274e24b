"""The goals and objectives as every page's navigation shows them, kept until they change.

A publish renews the cached pages (`home.page_cache.PAGES`), but most publishes (a target, a
description) leave every title, code and URL as it was: the tree is kept under a generation of
its own (`TREE`), renewed only when a publish changes what it shows. The first render after
such a publish then finds the tree ready.
"""

import hashlib

from django.db.models import F
from wagtail.models import Page

from home.page_cache import TREE, remembered

# What the templates show of a page in the tree, and the specific fields they show beside.
SHOWN = ("id", "title", "path", "depth", "url_path", "locale_id", "slug", "translation_key")
SPECIFIC = {
    "letter": F("goalpage__letter"),
    "statement": F("goalpage__statement"),
    "code": F("objectivepage__code"),
    "label": F("objectivepage__label"),
}


def live_tree(path, depth, levels=2):
    """The live pages `levels` deep below the page at `path` and `depth`, each with
    `.live_children`: base pages carrying the few specific fields the templates show (a goal's
    letter and statement, an objective's code and label). One query, until the tree changes."""
    return remembered(
        f"live-tree:{path}:{depth}:{levels}",
        lambda: query_tree(path, depth, levels),
        generation=TREE,
    )


def query_tree(path, depth, levels):
    pages = (
        live_pages()
        .filter(path__startswith=path, depth__gt=depth, depth__lte=depth + levels)
        .only(*SHOWN)
    )
    children = {path: []}
    for page in pages:
        siblings = children.get(page.path[: -page.steplen])
        if siblings is not None:
            page.live_children = children[page.path] = []
            siblings.append(page)
    return children[path]


def live_pages():
    return Page.objects.live().annotate(**SPECIFIC).order_by("path")


def tree_fingerprint():
    """A digest of everything any `live_tree` may show, for every page of the site."""
    digest = hashlib.blake2b(digest_size=20)
    for row in live_pages().values_list(*SHOWN, *SPECIFIC):
        digest.update(repr(row).encode())
    return digest.hexdigest()


def forget_tree_on_change(**_signal_arguments):
    """Connected to a publish, an unpublish and a slug change (`signal_handlers`)."""
    TREE.renew_on_change(tree_fingerprint)
