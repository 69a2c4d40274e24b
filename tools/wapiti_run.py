"""Debian's wapiti 3.0.4, with its URL exclusions (`-x`) working on Python 3.11.

Its wildcard patterns end with the global flags (`\\Z(?ms)`), which Python 3.11 refuses, so any
`-x` stops the scan; the same patterns are compiled here with the flags first. Run with Debian's
Python (/usr/bin/python3), which has wapitiCore.
"""

import re
import sys

from wapitiCore.main.wapiti import wapiti_main
from wapitiCore.net import crawler


def wildcard_translate(pattern):
    return re.compile("(?ms)" + ".*".join(re.escape(part) for part in pattern.split("*")) + r"\Z")


crawler.wildcard_translate = wildcard_translate

if __name__ == "__main__":
    sys.argv[0] = "wapiti"
    sys.exit(wapiti_main())
