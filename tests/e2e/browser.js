// Shared set-up for the end-to-end specs: Debian's Chromium driven by playwright-core, the
// demo page served by a real reference server (its URL comes from `cargo xtask test`), and
// a guard that fails a spec on any console error or Content-Security-Policy violation.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, after } from "node:test";

import { chromium } from "playwright-core";

/** The demo page's URL, given by `cargo xtask test`. */
export const BASE_URL = process.env.KINDRED_E2E_URL ?? "http://127.0.0.1:8080/";

/** The API base the demo page uses (same origin). */
export const API_URL = new URL("/v1/", BASE_URL).href;

/** The moderation API's key on the server under test, given by `cargo xtask test`. */
export const ADMIN_KEY = process.env.KINDRED_E2E_ADMIN_KEY ?? "e2e-moderator-key";

/** Calls the moderation API at `path` (under /v1/moderation/) as a moderator. */
export async function moderate(path, { method = "GET", body } = {}) {
  const headers = { authorization: `Bearer ${ADMIN_KEY}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(new URL(`moderation/${path}`, API_URL), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium; each `newContext()` is an independent visitor with its own storage. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: FLAGS,
  });
}

/**
 * Launches one Chromium for the calling spec file, closed after its last test. Answers a
 * function that returns it once launched.
 */
export function chromiumPerSpec() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * Opens the demo page in `context`, watched as `watch` describes, so a spec can assert that
 * the widget ran cleanly under the page's strict policy.
 */
export async function openDemo(context) {
  const page = await context.newPage();
  const { problems } = await watch(page);
  await page.goto(BASE_URL);
  return { page, problems };
}

/** The widget's idea cards; Playwright's CSS locators pierce open shadow roots. */
export function cards(page) {
  return page.locator('[data-kindred="ideas"] [data-testid="idea-card"]');
}

/** The card of idea `id`. */
export function card(page, id) {
  return page.locator(`[data-kindred="ideas"] [data-testid="idea-card"][data-idea-id="${id}"]`);
}

/** The vote count shown on `cardLocator`, as a number. */
export async function countOf(cardLocator) {
  const text = await cardLocator.locator('[data-testid="vote-count"]').innerText();
  return Number(text.replace(/[^0-9]/g, ""));
}

/** The policy of the test pages: no inline script or style, only 'wasm-unsafe-eval'. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'";

/** The loader tag of the demo's brand, as a brand pastes it. */
export const LOADER = '<script src="/kindred/embed.js" data-api="/" data-site="ridgeline" async></script>';

/**
 * Records what a spec asserts on in `page`: console errors and page errors (`problems`),
 * every wasm request (`wasm`), and in the page policy violations (`window.violations`),
 * layout shifts (`window.shifts`) and the widget's DOM events (`window.kindredEvents`).
 */
export async function watch(page) {
  const problems = [];
  const wasm = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith(".wasm")) wasm.push(request.url());
  });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    window.kindredEvents = [];
    for (const name of ["ready", "vote", "error"]) {
      document.addEventListener(`kindred:${name}`, (event) => {
        window.kindredEvents.push({
          type: event.type,
          target: event.target.id,
          bubbles: event.bubbles,
          composed: event.composed,
          detail: event.detail,
        });
      });
    }
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  return { problems, wasm };
}

/**
 * Opens a page in a new context of `browser` (with `context` options such as the browser's
 * `locale`) at `/e2e/{name}.html` in language `lang` (none when empty), with
 * `body`, the page stylesheet `css`, the page's own script `script` (when given) and `head`
 * (the loader tag unless given), served with `policy` (the strict one unless given) and
 * watched as `watch` describes, at `hash` (none unless given). `before(page)` runs before the
 * page loads, to route requests.
 */
export async function openPage(
  browser,
  name,
  {
    body,
    css = "",
    script = "",
    head = LOADER,
    policy = CSP,
    lang = "en",
    before = async () => {},
    context: options = {},
    hash = "",
  },
) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  const { problems, wasm } = await watch(page);
  const url = await routePage(page, name, { body, css, script, head, policy, lang });
  await before(page);
  await page.goto(url + hash);
  return { context, page, problems, wasm };
}

/**
 * Serves the test page `name` to `page` (see `openPage` for the options) without loading it;
 * answers its URL.
 */
export async function routePage(page, name, { body, css = "", script = "", head = LOADER, policy = CSP, lang = "en" }) {
  const url = new URL(`/e2e/${name}.html`, BASE_URL).href;
  const own = script ? `<script src="/e2e/${name}.js"></script>` : "";
  const html =
    `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"><title>${name}</title>` +
    `<link rel="stylesheet" href="/e2e/${name}.css">${own}${head}</head><body>${body}</body></html>`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      headers: { "content-security-policy": policy },
      body: html,
    }),
  );
  await page.route(new URL(`/e2e/${name}.css`, BASE_URL).href, (route) =>
    route.fulfill({ contentType: "text/css", body: css }),
  );
  await page.route(new URL(`/e2e/${name}.js`, BASE_URL).href, (route) =>
    route.fulfill({ contentType: "text/javascript", body: script }),
  );
  return url;
}

/**
 * Asserts that `page` ran cleanly: no console or page errors, no policy violations, and no
 * inline `style` attribute in any widget (a strict `style-src` would refuse it).
 */
export async function assertClean({ page, problems }) {
  assert.deepEqual(await page.evaluate(() => window.violations), [], "no CSP violations");
  assert.deepEqual(problems, [], "no console or page errors");
  const styled = await page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((element) => element.shadowRoot)
      // Chromium's autofill leaves an empty `style=""` on text fields it inspected: it holds
      // no declaration, so no policy concerns it.
      .flatMap((host) => [...host.shadowRoot.querySelectorAll('[style]:not([style=""])')])
      .map((element) => element.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(styled, [], "no inline style attributes in the widget");
}

const AXE = await readFile(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/** The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe-core's WCAG 2.2 AA violations on `page`, as `rule: targets` lines. */
export async function axeViolations(page) {
  // Colours mid-transition (a vote button just pressed) would be judged half-way.
  await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll("*")].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
    const ending = roots
      .flatMap((root) => root.getAnimations())
      .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime));
    return Promise.all(ending.map((animation) => animation.finished.catch(() => {})));
  });
  await page.evaluate(AXE); // evaluated by the browser's debugger, which the page's CSP allows
  const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG_AA);
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" > ")).join(", ")}`);
}

/** A real photo made by the browser in `page`: `type` (`image/jpeg` or `image/png`) of `width` × `height` noise. */
export async function photo(page, type, width, height) {
  const base64 = await page.evaluate(
    ({ type, width, height }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      const pixels = context.createImageData(width, height);
      let seed = 7;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        pixels.data[i] = (i / 4) % width;
        pixels.data[i + 1] = seed & 0xff;
        pixels.data[i + 2] = (seed >> 8) & 0xff;
        pixels.data[i + 3] = 255;
      }
      context.putImageData(pixels, 0, 0);
      return canvas.toDataURL(type, 0.95).split(",")[1];
    },
    { type, width, height },
  );
  return Buffer.from(base64, "base64");
}
