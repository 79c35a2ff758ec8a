"""Layout checks shared by the browser journeys."""
from __future__ import annotations


def expect_fits(page_widths: dict[int, int], name: str) -> None:
    """At every window width the page fits: no sideways scrolling on a 360 px phone."""
    too_wide = {window: page for window, page in page_widths.items() if page > window}
    assert not too_wide, f"the {name} page is wider than the window (window: page px): {too_wide}"
