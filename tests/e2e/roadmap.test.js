// The roadmap view (`data-view="roadmap"`): planned, in-progress and shipped ideas in three
// labelled columns, stacked in a narrow widget, each card opening its idea.
import { test } from "node:test";
import assert from "node:assert/strict";

import { API_URL, chromiumPerSpec, openPage, assertClean, axeViolations } from "./browser.js";

const browser = chromiumPerSpec();
const ROADMAP =
  '<main><h1>Roadmap</h1><div id="w" data-kindred="ideas" data-board="trail-shoes" data-view="roadmap" data-eager></div></main>';
const COLUMN = '#w [data-testid="roadmap-column"]';

/** Opens the roadmap and waits until every column has loaded. */
async function openRoadmap(name, options = {}) {
  const opened = await openPage(browser(), name, { body: ROADMAP, ...options });
  await opened.page.waitForFunction(() => {
    const columns = document.querySelector("#w").shadowRoot?.querySelectorAll('[data-testid="roadmap-column"]');
    return columns?.length === 3 && [...columns].every((column) => !column.hasAttribute("aria-busy"));
  });
  return opened;
}

test("three labelled columns hold the planned, in-progress and shipped ideas", async () => {
  const opened = await openRoadmap("roadmap-columns");
  const { page } = opened;
  const columns = page.locator(COLUMN);
  assert.equal(await columns.count(), 3);
  const expected = [
    ["planned", "Planned"],
    ["in_progress", "In progress"],
    ["shipped", "Shipped"],
  ];
  for (const [index, [status, heading]] of expected.entries()) {
    const column = columns.nth(index);
    assert.equal(await column.getAttribute("data-status"), status);
    const labelledBy = await column.getAttribute("aria-labelledby");
    assert.equal(await page.locator(`#w #${labelledBy}`).innerText(), heading);
    await column.locator('[data-testid="roadmap-card"]').first().waitFor();
    // Every card in the column has the column's status.
    const links = await column.locator("a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    assert.ok(links.length > 0, status);
    for (const href of links) {
      const id = href.replace("#kindred/idea/", "");
      const idea = await (await fetch(`${API_URL}ideas/${id}`)).json();
      assert.equal(idea.status, status, `${href} in ${status}`);
    }
  }
  assert.deepEqual(
    await page.evaluate(() => {
      const tops = [...document.querySelector("#w").shadowRoot.querySelectorAll('[data-testid="roadmap-column"]')].map(
        (column) => Math.round(column.getBoundingClientRect().top),
      );
      return new Set(tops).size;
    }),
    1,
    "side by side in a wide widget",
  );
  assert.deepEqual(await axeViolations(page), []);
  await assertClean(opened);
  await opened.context.close();
});

test("a card opens its idea, and a narrow widget stacks the columns", async () => {
  const opened = await openRoadmap("roadmap-narrow", { context: { viewport: { width: 420, height: 900 } } });
  const { page } = opened;
  const tops = await page.locator(COLUMN).evaluateAll((columns) =>
    columns.map((column) => Math.round(column.getBoundingClientRect().top)),
  );
  assert.ok(tops[0] < tops[1] && tops[1] < tops[2], `stacked: ${tops}`);
  const link = page.locator(`${COLUMN} [data-testid="roadmap-card"] a`).first();
  const href = await link.getAttribute("href");
  assert.match(href, /^#kindred\/idea\/.+/);
  await link.click();
  await page.waitForFunction((href) => location.hash === href, href);
  await assertClean(opened);
  await opened.context.close();
});
