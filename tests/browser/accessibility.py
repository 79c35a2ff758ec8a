"""The accessibility checks every page of the browser tests goes through, in Chromium:
axe-core's rules (vendored, see vendor/axe-core/VERSION.md) with serious and critical violations
failing, and plain checks a teacher can state: one h1, a page language, a label for every input,
and a visible keyboard focus. Every page's full axe report is written to tests/artifacts/axe/."""
from __future__ import annotations

import json
from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
FAILING_IMPACTS = {"serious", "critical"}
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "axe"

# Every violation, with the elements it concerns, as plain data for the report.
RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200),
                              summary: n.failureSummary}))
  }));
}"""

# Inputs a person fills or ticks, and whether something names each one.
UNLABELLED_INPUTS = """() => Array.from(document.querySelectorAll("input, select, textarea"))
  .filter(el => !["hidden", "submit", "button", "reset", "image"].includes(el.type))
  .filter(el => !(el.labels && el.labels.length)
                && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
  .map(el => el.outerHTML.slice(0, 160))"""

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {element: el.outerHTML.slice(0, 120), outlineStyle: style.outlineStyle,
          outlineWidth: style.outlineWidth, boxShadow: style.boxShadow};
}"""


def check_page(page, name: str) -> list[str]:
    """Run every check on the page that is open; what is wrong, as lines for the report."""
    page.add_script_tag(content=AXE_SOURCE)
    violations = page.evaluate(RUN_AXE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(
        {"url": page.url, "violations": violations}, indent=2))

    problems = []
    for violation in violations:
        if violation["impact"] in FAILING_IMPACTS:
            problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']}")
            problems += [f"    {node['target']}: {node['html']}" for node in violation["nodes"]]
    h1_count = page.locator("h1").count()
    if h1_count != 1:
        problems.append(f"{h1_count} h1 elements, not exactly one")
    lang = page.evaluate("() => document.documentElement.getAttribute('lang')")
    if not lang:
        problems.append("html has no lang")
    problems += [f"no label: {html}" for html in page.evaluate(UNLABELLED_INPUTS)]
    problems += focus_problems(page)
    return [f"{name} ({page.url}):"] + [f"  {line}" for line in problems] if problems else []


def focus_problems(page, stops: int = 8) -> list[str]:
    """Tab through the first few focus stops; each must show an outline or a box shadow."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    problems = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_STYLE)
        if style is None:
            break
        outline = style["outlineStyle"] != "none" and style["outlineWidth"] not in ("0px", "")
        shadow = style["boxShadow"] not in ("none", "")
        if not (outline or shadow):
            problems.append(f"focus not visible on {style['element']}")
    return problems
