// Shared set-up for the end-to-end specs: Debian's Chromium driven by playwright-core, the
// demo page served by a real reference server (its URL comes from `cargo xtask test`), and
// a guard that fails a spec on any console error or Content-Security-Policy violation.
import { chromium } from "playwright-core";

/** The demo page's URL, given by `cargo xtask test`. */
export const BASE_URL = process.env.KINDRED_E2E_URL ?? "http://127.0.0.1:8080/";

/** The API base the demo page uses (same origin). */
export const API_URL = new URL("/v1/", BASE_URL).href;

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
 * Opens the demo page in `context` and records console errors and page errors, so a spec can
 * assert that the widget ran cleanly under the page's strict policy.
 */
export async function openDemo(context) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
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
