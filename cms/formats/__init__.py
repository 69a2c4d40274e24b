"""Date formats where Django's own read wrongly in a sentence (FORMAT_MODULE_PATH). Anything not
set here comes from Django's formats for the language."""
