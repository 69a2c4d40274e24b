"""Receivers: the cached tree of goals and objectives forgotten when a publish changes it."""

from wagtail.signals import page_published, page_slug_changed, page_unpublished

from .tree import forget_tree_on_change


def connect():
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(forget_tree_on_change, dispatch_uid=f"tree_{signal}")
