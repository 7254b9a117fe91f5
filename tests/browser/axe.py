"""axe-core accessibility checks in a Playwright page: `check(page)` injects the pinned
`node_modules/axe-core/axe.min.js` (installed by `make node_modules` from package.json; no
download at test time) and fails with the list of WCAG 2.1 A/AA violations."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page, selector: str | None = None) -> list[dict]:  # noqa: ANN001
    """axe's violations for the page (or the part `selector` matches), WCAG 2.1 A and AA rules only."""
    if not AXE.is_file():
        raise AssertionError(f"{AXE} missing: run `make node_modules` (npm install of the pinned axe-core)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async ([sel, tags]) => (await axe.run(sel || document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
        [selector, TAGS],
    )


def check(page, selector: str | None = None) -> None:  # noqa: ANN001
    """Fails with every violation (rule, impact, what to fix, where)."""
    found = violations(page, selector)
    assert not found, f"axe: {len(found)} WCAG 2.1 A/AA violation(s) on {page.url}:\n" + "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'])}" for v in found
    )
