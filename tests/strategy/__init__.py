"""The strategy's content: the loader and the page types."""
