"""Six languages: translated content and interface, the glossary, and translations that follow
their English page."""
