// Failure containment: whatever goes wrong (the API unreachable, slow, failing or answering
// garbage, or the wasm refused or missing), the placeholder says so briefly and accessibly,
// offers a retry where one can help, nothing is thrown uncaught, and the page's own scripts
// keep working.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean, CSP } from "./browser.js";

const BOARD = '<div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div>';
const LIST = "**/v1/boards/trail-shoes/ideas**";
const CARD = '#w [data-testid="idea-card"]';

/** The host page's own button and script, which must keep working. */
const OWN_BUTTON = '<button id="own" type="button">Add to basket</button>';
const OWN_SCRIPT = `
  window.hostClicks = 0;
  document.addEventListener("click", (event) => {
    if (event.target.id === "own") window.hostClicks += 1;
  });
`;

const browser = chromiumPerSpec();

/** Opens the board with the API's list answered by `answer` (a Playwright route handler). */
function openFailing(name, answer, { body = BOARD, ...options } = {}) {
  return openPage(browser(), name, {
    body: body + OWN_BUTTON,
    script: OWN_SCRIPT,
    before: (page) => page.route(LIST, answer),
    ...options,
  });
}

/** Asserts the page's own script still runs: a click on its button is counted. */
async function assertHostWorks(page) {
  const clicks = await page.evaluate(() => window.hostClicks);
  await page.click("#own");
  assert.equal(await page.evaluate(() => window.hostClicks), clicks + 1);
}

/** The `kindred:error` events so far, once there is at least one. */
async function errors(page) {
  await page.waitForFunction(() => window.kindredEvents.some((e) => e.type === "kindred:error"));
  return page.evaluate(() =>
    window.kindredEvents.filter((e) => e.type === "kindred:error").map((e) => e.detail),
  );
}

/**
 * Checks the widget's error panel (an alert with `message` and a retry button), lets the API
 * answer again, retries by keyboard and expects the ideas; then that nothing else went wrong
 * (the browser's own log of the failed request aside).
 */
async function assertRecovers(opened, message) {
  const { page } = opened;
  const panel = page.locator('#w [data-testid="ideas-error"]');
  await panel.waitFor();
  assert.equal(await panel.getAttribute("role"), "alert");
  assert.match(await panel.innerText(), message);
  await assertHostWorks(page);
  await page.unroute(LIST);
  await page.locator('#w [data-testid="retry"]').focus();
  await page.keyboard.press("Enter");
  await page.locator(CARD).first().waitFor();
  await assertClean({
    ...opened,
    problems: opened.problems.filter((text) => !text.startsWith("Failed to load resource")),
  });
  await opened.context.close();
}

test("an unreachable API shows a retryable message", async () => {
  const opened = await openFailing("unreachable", (route) => route.abort("connectionrefused"));
  const [error] = await errors(opened.page);
  assert.deepEqual(
    { action: error.action, code: error.code, status: error.status },
    { action: "load", code: "network", status: null },
  );
  await assertRecovers(opened, /couldn’t load the ideas[\s\S]*offline/);
});

test("a slow API gives up after data-timeout and offers a retry", async () => {
  const slow = async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue().catch(() => {}); // the widget has given up on it by then
  };
  const opened = await openFailing("slow", slow, {
    body: BOARD.replace("data-eager", 'data-eager data-timeout="400"'),
  });
  const started = Date.now();
  const [error] = await errors(opened.page);
  assert.ok(Date.now() - started < 2500, "the widget gave up before the answer came");
  assert.equal(error.code, "timeout");
  await assertRecovers(opened, /taking too long/);
});

test("a failing API (500) shows a retryable message", async () => {
  const failing = (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "database unavailable" } }),
    });
  const opened = await openFailing("failing", failing);
  const [error] = await errors(opened.page);
  assert.deepEqual(
    { code: error.code, status: error.status },
    { code: "internal", status: 500 },
  );
  await assertRecovers(opened, /Something went wrong/);
});

test("an answer that is not JSON shows a retryable message", async () => {
  const garbage = (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<html>maintenance</html>" });
  const opened = await openFailing("garbage", garbage);
  const [error] = await errors(opened.page);
  assert.deepEqual(
    { code: error.code, status: error.status },
    { code: "bad_response", status: 200 },
  );
  await assertRecovers(opened, /Something went wrong/);
});

test("a policy without 'wasm-unsafe-eval' leaves a translated message and the page working", async () => {
  const opened = await openPage(browser(), "no-wasm", {
    body: BOARD + OWN_BUTTON,
    script: OWN_SCRIPT,
    lang: "de",
    policy: CSP.replace(" 'wasm-unsafe-eval'", ""),
  });
  const { page, problems } = opened;
  const message = page.locator('#w [part="error"]');
  await message.waitFor();
  assert.equal(await message.getAttribute("role"), "alert");
  assert.equal(await message.innerText(), "Dieser Inhalt konnte nicht geladen werden.");
  assert.equal(await page.locator("#w button").count(), 0, "no retry: it cannot help");
  await assertHostWorks(page);
  // The browser reports the refusal, the loader explains it once, and nothing is uncaught.
  const ours = problems.filter((text) => text.startsWith("[kindred]"));
  assert.equal(ours.length, 1, problems.join("\n"));
  assert.ok(problems.every((text) => !text.startsWith("Uncaught")), problems.join("\n"));
  await opened.context.close();
});

test("a missing wasm file leaves a message with a retry that loads the widget", async () => {
  const opened = await openPage(browser(), "missing-wasm", {
    body: BOARD + OWN_BUTTON,
    script: OWN_SCRIPT,
    before: (page) => page.route("**/*.wasm", (route) => route.fulfill({ status: 404 })),
  });
  const { page } = opened;
  await page.locator('#w [part="error"]').waitFor();
  assert.equal(await page.locator('#w [part="error"] p').innerText(), "This content couldn’t load.");
  await assertHostWorks(page);
  await page.unroute("**/*.wasm");
  await page.locator('#w [part="retry-button"]').click();
  await page.locator(CARD).first().waitFor();
  assert.equal(await page.evaluate(() => window.Kindred.ready.then(() => "ready")), "ready");
  await assertClean({
    ...opened,
    problems: opened.problems.filter(
      (text) => !text.startsWith("Failed to load resource") && !text.startsWith("[kindred]"),
    ),
  });
  await opened.context.close();
});
