// Insights from real traffic: three visitors open an idea board of the spec's own site in the
// widget (each reported as seen by the widget's own beacon), two of them vote, one proposes an
// idea, and a fourth on a page with `data-analytics="off"` is not counted; the board's first
// two ideas were proposed through the API beforehand. The console's
// insights page must then show every figure that traffic makes, for the site and for the
// board, chart it, and export the same numbers as CSV.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { ADMIN_KEY, API_URL, BASE_URL, chromiumPerSpec, moderate, openPage, assertClean, axeViolations } from "./browser.js";
import { openConsole, signIn } from "./console-page.js";

const browser = chromiumPerSpec();

const RUN = randomUUID().slice(0, 8);
const SITE = `insights-${RUN}`;
const BOARD = `insights-board-${RUN}`;
const IDEAS = [`Softer heel collar ${RUN}`, `Lace garage ${RUN}`];
const PROPOSED = `Reflective heel tab ${RUN}`;

before(async () => {
  const origin = new URL(BASE_URL).origin;
  await moderate("sites", { method: "POST", body: { slug: SITE, name: `Insights ${RUN}`, origins: [origin] } });
  await moderate(`sites/${SITE}/boards`, { method: "POST", body: { slug: BOARD, name: "Trail ideas", supporter_threshold: 2 } });
  const author = randomUUID();
  for (const title of IDEAS) {
    const response = await fetch(new URL(`boards/${BOARD}/ideas`, API_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "x-kindred-visitor": author },
      body: JSON.stringify({ title, body: "" }),
    });
    assert.equal(response.status, 201, await response.clone().text());
  }
});

/** The site's report as the API answers it. */
const report = (query = "") => moderate(`insights?site=${SITE}${query}`);

/** Opens the board as a new visitor, does `act`, and waits until the visit is counted. */
async function visit(number, act = async () => {}) {
  const body = `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-site="${SITE}" data-board="${BOARD}" data-eager></div></main>`;
  await browse(number, body, async (page) => {
    await act(page);
    // The widget's beacon reports the visit a moment later, the page still open.
    const deadline = Date.now() + 15_000;
    while ((await report()).totals.visitors < number) {
      assert.ok(Date.now() < deadline, `visitor ${number} was not counted`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
}

/** Opens `body` as a new visitor, waits for the board's ideas and does `act`. */
async function browse(number, body, act) {
  const opened = await openPage(browser(), `insights-${number}`, { body });
  const { page } = opened;
  await page.locator('#w [data-testid="idea-card"]').first().waitFor();
  await act(page);
  await assertClean(opened);
  await opened.context.close();
}

/** Votes for the idea titled `title` in the widget. */
async function vote(page, title) {
  const card = page.locator('#w [data-testid="idea-card"]', { hasText: title });
  const saved = page.waitForResponse((r) => r.url().endsWith("/vote") && r.request().method() === "PUT");
  await card.locator('[data-testid="vote-button"]').click();
  assert.equal((await saved).status(), 200);
}

test("insights count the traffic driven through the widgets, on the page and in CSV", async () => {
  // Three visitors: two votes and a proposal, one vote, nothing.
  await visit(1, async (page) => {
    await vote(page, IDEAS[0]);
    await vote(page, IDEAS[1]);
  });
  await visit(2, async (page) => {
    await vote(page, IDEAS[0]);
    await page.locator('#w [data-testid="propose"]').click();
    await page.locator('#w [data-testid="idea-form"] input[name="title"]').fill(PROPOSED);
    const created = page.waitForResponse((r) => r.url().endsWith(`/boards/${BOARD}/ideas`) && r.request().method() === "POST");
    await page.locator('#w [data-testid="submit-idea"]').click();
    assert.equal((await created).status(), 201);
  });
  await visit(3);
  // A fourth visitor on a page that switched analytics off: seen by no one, not even after
  // the page is left, when a beacon would go.
  const off = `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-site="${SITE}" data-board="${BOARD}" data-analytics="off" data-eager></div></main>`;
  let beacons = 0;
  await browse(4, off, async (page) => {
    page.on("request", (request) => request.url().includes("/engagement") && beacons++);
    await page.waitForTimeout(2_500);
  });
  assert.equal(beacons, 0, "no beacon with data-analytics=\"off\"");
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal((await report()).totals.visitors, 3);

  // What that traffic makes: 3 visitors; 3 participants (the earlier author and two voters);
  // 3 submissions (two earlier ideas and one proposed); 3 votes; the first idea's second vote
  // crossed its threshold of 2.
  const expected = {
    visitors: "3",
    participants: "3",
    "participation-rate": "100%",
    submissions: "3",
    "co-creation-rate": "100",
    votes: "3",
    "votes-per-visitor": "1",
    likes: "0",
    "likes-per-visitor": "0",
    comments: "0",
    "returning-contributors": "0",
  };

  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator("#queue-heading").waitFor();
  await page.locator('a[href="#insights"]').click();
  await page.locator("#insights-heading").waitFor();
  await page.locator(`[data-testid="insights-site"] option[value="${SITE}"]`).waitFor({ state: "attached" });
  await page.locator('[data-testid="insights-site"]').selectOption(SITE);

  const figures = async () => {
    const shown = {};
    for (const key of Object.keys(expected)) shown[key] = await page.locator(`[data-testid="${key}"]`).innerText();
    return shown;
  };
  const check = async () => {
    await page.waitForFunction((want) => document.querySelector('[data-testid="visitors"]')?.textContent === want, expected.visitors);
    assert.deepEqual(await figures(), expected);
    assert.match(await page.locator('[data-testid="funnel-chart"] title').textContent(), /^3 saw a widget, 2 voted or liked, 2 submitted\.$/);
    assert.deepEqual(await page.locator('[data-testid="top-ideas"] li').allInnerTexts(), [`${IDEAS[0]} · 2 votes`, `${IDEAS[1]} · 1 vote`]);
    const crossed = await page.locator('[data-testid="thresholds"] li').allInnerTexts();
    assert.equal(crossed.length, 1);
    assert.match(crossed[0], new RegExp(`^${IDEAS[0]}: 2 supporters on `));
    // Today's row of the daily table, the chart's numbers.
    const today = new Date().toISOString().slice(0, 10);
    const row = page.locator('[data-testid="daily-table"] tbody tr', { has: page.locator(`th:text-is("${today}")`) });
    assert.deepEqual(await row.locator("td").allTextContents(), ["3", "3", "3", "0", "0", "3"]);
    assert.equal(await page.locator('[data-testid="series-chart"] polyline').count(), 4);
  };
  await check();
  assert.match(await page.locator('[data-testid="insights-period"]').innerText(), /\(UTC, 30 days\)$/);
  assert.deepEqual(await axeViolations(page), []);

  // The board alone: the same traffic.
  await page.locator('[data-testid="insights-place"]').selectOption(`board=${BOARD}`);
  await check();

  // A one-day period of today, and the CSV of it.
  const today = new Date().toISOString().slice(0, 10);
  await page.locator('[data-testid="insights-from"]').fill(today);
  await page.locator('[data-testid="insights-to"]').fill(today);
  await page.locator('[data-testid="insights-period"]', { hasText: "(UTC, 1 day)" }).waitFor();
  await check();
  const download = page.waitForEvent("download");
  await page.locator('[data-testid="export-csv"]').click();
  const file = await download;
  assert.equal(file.suggestedFilename(), `insights-${SITE}.csv`);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  const csv = Buffer.concat(chunks).toString("utf8");
  const lines = csv.trim().split("\r\n");
  const metric = (name) => lines.find((line) => line.startsWith(`${name},`))?.split(",").slice(1).join(",");
  assert.equal(lines[0], "day,visitors,participants,votes,likes,comments,submissions");
  assert.equal(metric(today), "3,3,3,0,0,3", csv);
  assert.equal(metric("total"), "3,3,3,0,0,3", csv);
  assert.equal(metric("participation_rate"), "1", csv);
  assert.equal(metric("co_creation_rate"), "100", csv);
  assert.equal(metric("votes_per_visitor"), "1", csv);
  assert.equal(metric("returning_contributors"), "0", csv);
  assert.deepEqual(["funnel_seen", "funnel_voted", "funnel_submitted"].map(metric), ["3", "2", "2"]);
  assert.deepEqual(await axeViolations(page), []);

  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});
