// The console's webhooks section: a moderator adds a webhook for a receiver started by this
// spec (its secret shown once), sends it a test event (the receiver gets it signed with that
// secret, and the log says it was delivered), makes the receiver fail and sends again (the
// console says so, and so does the log), pauses the webhook and deletes it after a question.
// The spec's receiver listens on 127.0.0.1 with a port and path of its own; anything the spec
// registers is deleted after it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

import { ADMIN_KEY, API_URL, axeViolations, chromiumPerSpec, moderate } from "./browser.js";
import { openConsole, signIn } from "./console-page.js";

const browser = chromiumPerSpec();

const RUN = randomUUID().slice(0, 8);
const SITE = "ridgeline";

/** A webhook receiver in this process: what it was sent, and the status it answers with. */
const receiver = { received: [], status: 200, url: "" };
const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(receiver.status, { "content-type": "text/plain" });
    response.end("ok");
  });
});

before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${server.address().port}/kindred/${RUN}`;
});

after(async () => {
  const left = await moderate(`sites/${SITE}/webhooks`);
  for (const webhook of left.items.filter((webhook) => webhook.url === receiver.url)) {
    await moderate(`webhooks/${webhook.id}`, { method: "DELETE" });
  }
  await new Promise((resolve) => server.close(resolve));
});

/** Whether `header` (`t=…,v1=…`) signs `body` with `secret`, as docs/api.md tells receivers to check. */
function signed(header, body, secret) {
  const { t, v1 } = Object.fromEntries(header.split(",").map((part) => part.split("=", 2)));
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(t)) < 300;
}

/** Presses Tab until `locator` has the focus. */
async function tabTo(page, locator) {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail("the keyboard never reached the control");
}

test("a webhook is added, tested, seen failing, paused and deleted from the console", async () => {
  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator("#queue-heading").waitFor();
  await page.locator('a[href="#webhooks"]').click();
  await page.locator("#webhooks-heading").waitFor();
  await page.locator('[data-testid="webhook-site"]').selectOption(SITE);

  // Added by keyboard: the address typed, no event chosen is refused beside the events, then
  // one ticked with the space bar and the form sent with Enter.
  const url = page.getByLabel("Address (URL) deliveries are sent to");
  await tabTo(page, url);
  await page.keyboard.type(receiver.url);
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="events-problem"]').filter({ hasText: "The choice of events is required." }).waitFor();
  await tabTo(page, page.getByRole("checkbox", { name: /A visitor proposes an idea/ }));
  await page.keyboard.press("Space");
  assert.equal(await page.locator('[data-testid="events-problem"]').innerText(), "");
  await tabTo(page, page.getByRole("button", { name: "Add webhook" }));
  await page.keyboard.press("Enter");

  // The secret, shown once, and the webhook in the list.
  const secret = (await page.locator('[data-testid="secret-value"]').innerText()).trim();
  assert.match(secret, /^whsec_[0-9a-f]{48}$/);
  const row = page.locator('[data-testid="webhook"]').filter({ hasText: receiver.url });
  await row.waitFor();
  const id = await row.getAttribute("data-id");
  assert.equal(await row.locator('[data-testid="webhook-state"]').innerText(), "Active");
  assert.equal(await row.locator('[data-testid="webhook-events-list"]').innerText(), "Events: idea.created");
  await row.locator('[data-testid="no-deliveries"]').waitFor();
  await page.getByRole("button", { name: "I have kept the secret" }).click();
  assert.equal(await page.locator('[data-testid="webhook-secret"]').count(), 0);
  assert.deepEqual(await axeViolations(page), []);

  // A test event, by mouse: signed with the secret, and delivered as the console says at once.
  await row.getByRole("button", { name: "Send test event" }).click();
  const outcome = row.locator('[data-testid="test-outcome"]');
  await outcome.filter({ hasText: "Test event: Delivered (HTTP 200)" }).waitFor();
  assert.equal(receiver.received.length, 1);
  const [{ headers, body }] = receiver.received;
  assert.equal(headers["x-kindred-event"], "webhook.test");
  assert.ok(headers["x-kindred-signature"], "signed");
  assert.ok(signed(headers["x-kindred-signature"], body, secret), headers["x-kindred-signature"]);
  const payload = JSON.parse(body);
  assert.equal(payload.type, "webhook.test");
  assert.equal(payload.site, SITE);
  assert.equal(payload.data.webhook, id);
  const deliveries = row.locator('[data-testid="delivery"]');
  await deliveries.filter({ hasText: "Delivered (HTTP 200)" }).waitFor();
  assert.equal(await deliveries.count(), 1);
  assert.equal(await deliveries.first().getAttribute("data-state"), "delivered");
  assert.match(await deliveries.first().innerText(), /webhook\.test[\s\S]*1 attempt/);
  assert.deepEqual(await axeViolations(page), []);

  // The receiver fails: sent again by keyboard, the failure is said and logged.
  receiver.status = 500;
  await tabTo(page, row.getByRole("button", { name: "Send test event" }));
  await page.keyboard.press("Enter");
  await outcome.filter({ hasText: "Test event: Failed: the receiver answered 500 Internal Server Error" }).waitFor();
  await deliveries.nth(1).waitFor();
  assert.equal(await deliveries.first().getAttribute("data-state"), "failed");
  assert.match(await deliveries.first().innerText(), /Failed: the receiver answered 500/);
  assert.equal(await deliveries.nth(1).getAttribute("data-state"), "delivered");
  assert.equal(receiver.received.length, 2);
  assert.deepEqual(await axeViolations(page), []);

  // Paused: the console and the server agree.
  await row.getByRole("button", { name: "Pause" }).click();
  await row.locator('[data-testid="webhook-state"]').filter({ hasText: "Paused" }).waitFor();
  assert.equal((await moderate(`webhooks/${id}`)).active, false);
  await row.getByRole("button", { name: "Resume" }).waitFor();

  // Deleted after a question, which takes the focus on its safe answer.
  await row.getByRole("button", { name: "Delete", exact: true }).click();
  const question = row.locator('[data-testid="confirm-delete"]');
  await question.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), "Cancel");
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="webhooks-notice"]').filter({ hasText: "Webhook deleted" }).waitFor();
  await row.waitFor({ state: "detached" });
  const gone = await fetch(new URL(`moderation/webhooks/${id}`, API_URL), { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  assert.equal(gone.status, 404);

  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});
