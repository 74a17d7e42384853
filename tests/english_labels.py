"""Visible English labels of the Wagtail admin that must never show on a Vietnamese screen.

Matched as whole, case-sensitive words in the visible text of a page (not in URLs, attributes
or scripts), by the login-page test and the browser walk of the admin.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

ENGLISH_LABELS = [
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Reports",
    "Settings",
    "Search",
    "Save draft",
    "Publish",
    "Unpublish",
    "Log out",
    "Sign in",
    "Forgotten password?",
    "Username",
    "Password",
    "Remember me",
    "Add child page",
    "Edit",
    "Delete",
    "Workflows",
    "Users",
    "Groups",
    "Snippets",
    "Help",
    "Account",
    "Preview",
    "Status",
    "Title",
    "Live",
    "Draft",
    "Submit for moderation",
    "Add an image",
    "Collections",
    "Sort by",
    "Filter",
    "Created",
    "Updated",
    "Type",
    "Locked pages",
    "Aging pages",
    "Site history",
    "Page types usage",
    "Add a user",
    "Name",
    "Last login",
    "Active",
    "Log in",
    "Moderators",
    "Editors",
    "approval",
    "Editor Guide",
    "What's new",
    "More actions",
    "Page explorer",
    "Email",
]

_PATTERNS = {label: re.compile(r"(?<![\w-])" + re.escape(label) + r"(?![\w-])") for label in ENGLISH_LABELS}


def english_labels_in(text: str, labels: list[str] | None = None) -> list[str]:
    """The labels of ``labels`` (default: all) found as whole words in ``text``."""
    return [label for label in labels or ENGLISH_LABELS if _PATTERNS[label].search(text)]


class _VisibleText(HTMLParser):
    HIDDEN = {"script", "style", "template", "noscript", "svg", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """Text a reader sees in an HTML document (roughly: no scripts, styles, templates, head)."""
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())
