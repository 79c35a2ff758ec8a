"""Reading the app's pages as a browser sends them back: the hidden fields of a form, the text a
reader sees."""
from __future__ import annotations

import re
from html import unescape


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of a page (the CSRF token and the form's one-time key)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = unescape(value.group(1)) if value else ""
    return fields


def page_text(html: str) -> str:
    """The page's words as a reader sees them: tags dropped (a passage may carry marks inside
    it, such as the deciding words of evidence), entities read, spacing as in the HTML."""
    return unescape(re.sub(r"<[^>]+>", "", html))
