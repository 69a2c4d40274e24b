"""Translations of the site's pages: they follow their English page (`sync`); the Translations
report and the editor's panel say how far each has come (`report`, `panels`, `views`)."""
