// Isolation both ways: a host page with hostile global CSS leaves the widget looking the
// same, and the widget's CSS changes nothing outside its shadow root.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean } from "./browser.js";

/** The rules old themes ship that break embedded widgets. */
const HOSTILE = `
  * { all: unset }
  button { display: none }
  div { font-size: 40px !important }
  img { filter: blur(5px) }
`;

/** Both pages start from the same base, so only the hostile rules differ. */
const BASE = "body { margin: 0 }";

/** The widget and some of the page's own elements. */
const BODY =
  '<div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div>' +
  '<button id="own-button" type="button">Add to basket</button>' +
  '<div id="own-div">Free returns</div><p id="own-p">In stock</p>' +
  '<img id="own-img" src="/kindred/summit-3.svg" alt="" width="56" height="36">';

/** Widget elements compared, by selector inside the shadow root. */
const WIDGET_PARTS = [
  ".kindred",
  '[part="heading"]',
  '[data-testid="idea-card"]',
  '[data-testid="vote-button"]',
  '[data-testid="vote-count"]',
];

/** Computed properties compared, plus each element's size. */
const PROPERTIES = [
  "display", "visibility", "font-size", "font-family", "font-weight", "line-height", "color",
  "background-color", "border-top-width", "border-radius", "padding-top", "filter", "opacity",
];

const browser = chromiumPerSpec();

/** The computed styles and sizes of the first match of each selector, within `root`. */
function snapshot(page, rootSelector, selectors) {
  return page.evaluate(
    ([rootSelector, selectors, properties]) => {
      const root = rootSelector ? document.querySelector(rootSelector).shadowRoot : document;
      return Object.fromEntries(
        selectors.map((selector) => {
          const element = root.querySelector(selector);
          if (!element) return [selector, null];
          const style = getComputedStyle(element);
          const rect = element.getBoundingClientRect();
          const values = properties.map((name) => `${name}: ${style.getPropertyValue(name)}`);
          return [selector, [...values, `size: ${rect.width}×${rect.height}`]];
        }),
      );
    },
    [rootSelector, selectors, PROPERTIES],
  );
}

/** Opens `BODY` with `css` (and the loader unless `loader` is false); answers the page. */
async function open(name, css, loader = true) {
  const opened = await openPage(browser(), name, {
    body: BODY,
    css: BASE + css,
    ...(loader ? {} : { head: "" }),
  });
  if (loader) await opened.page.locator('#w [data-testid="idea-card"]').first().waitFor();
  return opened;
}

test("hostile global CSS leaves the widget looking the same", async () => {
  const clean = await open("clean", "");
  const hostile = await open("hostile", HOSTILE);
  const expected = await snapshot(clean.page, "#w", WIDGET_PARTS);
  const actual = await snapshot(hostile.page, "#w", WIDGET_PARTS);
  assert.ok(Object.values(expected).every(Boolean), "every compared part is rendered");
  assert.deepEqual(actual, expected);
  // The hostile rules did apply to the page itself: the comparison can see a difference.
  const own = await snapshot(hostile.page, null, ["#own-button"]);
  assert.ok(own["#own-button"].includes("display: none"), own["#own-button"].join("; "));
  for (const opened of [clean, hostile]) {
    await assertClean(opened);
    await opened.context.close();
  }
});

test("the widget's CSS changes nothing outside its shadow root", async () => {
  const own = ["body", "#own-button", "#own-div", "#own-p", "#own-img"];
  const without = await open("without-widget", "", false);
  const withWidget = await open("with-widget", "");
  const expected = await snapshot(without.page, null, own);
  const actual = await snapshot(withWidget.page, null, own);
  // Only the page's own elements' looks are compared: the widget above them takes room.
  const looks = (snapshot) =>
    Object.fromEntries(Object.entries(snapshot).map(([key, values]) => [key, values.slice(0, -1)]));
  assert.deepEqual(looks(actual), looks(expected));
  const sheets = await withWidget.page.evaluate(() => ({
    document: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
  }));
  assert.deepEqual(sheets, { document: 1, adopted: 0 }, "only the page's own stylesheet");
  for (const opened of [without, withWidget]) {
    await assertClean(opened);
    await opened.context.close();
  }
});
