// Theming from the page: custom properties cross the shadow boundary, ::part() rules style
// named parts, data-theme forces dark or light whatever the visitor prefers, and
// data-stylesheet adopts a brand stylesheet that wins over the widget's own rules; the demo
// page's three brand themes, pure CSS, each photographed into docs/.
import { test } from "node:test";
import assert from "node:assert/strict";

import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { chromiumPerSpec, openPage, openDemo, assertClean, BASE_URL } from "./browser.js";

const browser = chromiumPerSpec();
const CARD = '#w [data-testid="idea-card"]';

/** Opens `body` with the page stylesheet `css` and waits for the ideas. */
async function openThemed(name, body, css = "", options = {}) {
  const opened = await openPage(browser(), name, { body, css, ...options });
  await opened.page.locator(CARD).first().waitFor();
  return opened;
}

/** Computed `property` of the first element matching `selector` in `#w`'s shadow root. */
function styleOf(page, selector, property) {
  return page.evaluate(
    ([selector, property]) =>
      getComputedStyle(document.querySelector("#w").shadowRoot.querySelector(selector))
        .getPropertyValue(property),
    [selector, property],
  );
}

const BOARD = '<div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div>';

test("custom properties and ::part() rules from the page style the widget", async () => {
  const css = `
    #w { --kindred-color-text: rgb(1, 2, 3); --kindred-radius: 3px; --kindred-font-size: 20px; }
    #w::part(heading) { letter-spacing: 4px; }
  `;
  const opened = await openThemed("tokens", BOARD, css);
  const { page } = opened;
  assert.equal(await styleOf(page, ".kindred", "color"), "rgb(1, 2, 3)");
  assert.equal(await styleOf(page, ".kindred", "font-size"), "20px");
  assert.equal(await styleOf(page, '[data-testid="idea-card"]', "border-top-left-radius"), "3px");
  assert.equal(await styleOf(page, '[part="heading"]', "letter-spacing"), "4px");
  await assertClean(opened);
  await opened.context.close();
});

test("data-theme forces dark or light whatever the visitor prefers", async () => {
  const canvas = async (name, body, colorScheme) => {
    const opened = await openThemed(name, body, "", { context: { colorScheme } });
    const value = await styleOf(opened.page, '[data-testid="idea-card"]', "background-color");
    await assertClean(opened);
    await opened.context.close();
    return value;
  };
  const light = await canvas("light", BOARD, "light");
  const dark = await canvas("dark", BOARD, "dark");
  assert.notEqual(light, dark, "the visitor's preference applies by default");
  const forcedDark = BOARD.replace("data-eager", 'data-eager data-theme="dark"');
  assert.equal(await canvas("forced-dark", forcedDark, "light"), dark);
  const forcedLight = BOARD.replace("data-eager", 'data-eager data-theme="light"');
  assert.equal(await canvas("forced-light", forcedLight, "dark"), light);
  const element = '<kindred-ideas id="w" board="trail-shoes" theme="dark" eager></kindred-ideas>';
  assert.equal(await canvas("element-dark", element, "light"), dark);
});

test("data-stylesheet adopts a brand stylesheet that wins over the widget's rules", async () => {
  const brand = new URL("/e2e/brand-kindred.css", BASE_URL).href;
  const body = BOARD.replace("data-eager", 'data-eager data-stylesheet="/e2e/brand-kindred.css"');
  const opened = await openThemed("stylesheet", body, "", {
    before: (page) =>
      page.route(brand, (route) =>
        route.fulfill({ contentType: "text/css", body: ".card { border-radius: 0px; }" }),
      ),
  });
  const { page } = opened;
  await page.waitForFunction(
    () => document.querySelector("#w").shadowRoot.adoptedStyleSheets.length === 2,
  );
  assert.equal(await styleOf(page, '[data-testid="idea-card"]', "border-top-left-radius"), "0px");
  await assertClean(opened);
  await opened.context.close();
});

test("the demo's three brand themes restyle the widget, each photographed into docs/", async () => {
  const context = await browser().newContext({ viewport: { width: 1100, height: 900 } });
  const { page, problems } = await openDemo(context);
  const community = page.locator('section[aria-labelledby="ideas-heading"]');
  await community.scrollIntoViewIfNeeded();
  await page.locator('[data-kindred="ideas"] [data-testid="idea-card"]').first().waitFor();
  const docs = fileURLToPath(new URL("../../docs/", import.meta.url));
  await mkdir(docs, { recursive: true });
  const looks = {};
  for (const theme of ["outdoor", "coffee", "bricks"]) {
    await page.locator(`input[name="brand-theme"][value="${theme}"]`).check();
    await page.waitForFunction((theme) => document.documentElement.dataset.brandTheme === theme, theme);
    looks[theme] = await page.evaluate(() => {
      const root = document.querySelector('[data-kindred="ideas"]').shadowRoot;
      const card = getComputedStyle(root.querySelector('[data-testid="idea-card"]'));
      return `${card.borderTopLeftRadius} ${card.fontFamily.split(",")[0]} ${card.backgroundColor}`;
    });
    // The top of the section: the switcher and the first rows of ideas.
    const box = await community.boundingBox(); // relative to the viewport
    const top = box.y + (await page.evaluate(() => window.scrollY));
    const clip = { x: box.x, y: top, width: box.width, height: Math.min(box.height, 760) };
    await page.screenshot({ path: `${docs}theme-${theme}.png`, clip, fullPage: true });
  }
  assert.equal(new Set(Object.values(looks)).size, 3, JSON.stringify(looks));
  assert.match(looks.outdoor, /^10px /);
  assert.match(looks.coffee, /^4px Georgia/);
  assert.match(looks.bricks, /^18px /);
  await assertClean({ page, problems });
  await context.close();
});
