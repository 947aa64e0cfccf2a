// The widget speaks the page's language: `data-locale`, else the page's `lang`, else the
// browser's; German, French and Arabic throughout, with each locale's numbers, and Arabic
// laid out right to left.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean } from "./browser.js";

const BOARD = '<div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div>';

const browser = chromiumPerSpec();

/** The rendered widget's language facts: heading, lang and dir, a count and a label. */
async function spoken(opened) {
  const { page } = opened;
  await page.locator('#w [data-testid="idea-card"]').first().waitFor();
  const facts = await page.evaluate(() => {
    const root = document.querySelector("#w").shadowRoot;
    const card = root.querySelector('[data-testid="idea-card"]');
    const button = card.querySelector('[data-testid="vote-button"]');
    const cardBox = card.getBoundingClientRect();
    const buttonBox = button.getBoundingClientRect();
    return {
      heading: root.querySelector('[part="heading"]').textContent,
      lang: root.querySelector(".kindred").getAttribute("lang"),
      dir: root.querySelector(".kindred").getAttribute("dir"),
      direction: getComputedStyle(card).direction,
      count: button.querySelector('[data-testid="vote-count"]').textContent,
      label: button.getAttribute("aria-label"),
      ago: card.querySelector(".card__meta time")?.textContent,
      // Where the vote button sits across its card: 0 at the left edge, 1 at the right.
      buttonAt: (buttonBox.left + buttonBox.width / 2 - cardBox.left) / cardBox.width,
    };
  });
  await assertClean(opened);
  await opened.context.close();
  return facts;
}

test("the page's lang picks the catalog, and data-locale overrides it", async () => {
  const german = await spoken(await openPage(browser(), "de", { body: BOARD, lang: "de-CH" }));
  assert.equal(german.heading, "Ideen der Community");
  assert.deepEqual([german.lang, german.dir], ["de", "ltr"]);
  assert.match(german.label, /^Für „.+“ stimmen, \d[\d.]* Stimmen?$/);
  assert.match(german.ago, /^vor \d+ (Sekunden?|Minuten?|Stunden?|Tagen?|Wochen?|Monaten?|Jahren?)$|^(jetzt|gestern|vorgestern|letzte Woche|letzten Monat|letztes Jahr)$/);

  const french = await spoken(
    await openPage(browser(), "fr", { body: BOARD.replace("data-eager", 'data-eager data-locale="fr"'), lang: "de" }),
  );
  assert.equal(french.heading, "Idées de la communauté");
  assert.match(french.ago, /^il y a |^(maintenant|hier|avant-hier|la semaine dernière|le mois dernier|l’année dernière)$/);
  assert.match(french.label, /^Voter pour « .+ », \d[\d\u202F]*\u00A0votes?$/);
});

test("without a lang anywhere the browser's language is used", async () => {
  const french = await spoken(
    await openPage(browser(), "browser-fr", { body: BOARD, lang: "", context: { locale: "fr-FR" } }),
  );
  assert.equal(french.heading, "Idées de la communauté");
  const english = await spoken(
    await openPage(browser(), "browser-ja", { body: BOARD, lang: "", context: { locale: "ja-JP" } }),
  );
  assert.equal(english.heading, "Community ideas", "English when no catalog matches");
});

test("Arabic is right to left with Arabic-Indic digits", async () => {
  const english = await spoken(await openPage(browser(), "en", { body: BOARD }));
  const arabic = await spoken(await openPage(browser(), "ar", { body: BOARD, lang: "ar" }));
  assert.equal(arabic.heading, "أفكار المجتمع");
  assert.deepEqual([arabic.lang, arabic.dir, arabic.direction], ["ar", "rtl", "rtl"]);
  assert.match(arabic.count, /^[٠-٩٬]+$/);
  assert.match(arabic.ago, /^قبل |^(الآن|أمس|أول أمس|الأسبوع الماضي|الشهر الماضي|السنة الماضية)$/);
  assert.match(english.ago, / ago$|^(now|yesterday|last week|last month|last year)$/);
  assert.ok(arabic.label.startsWith("صوّت لفكرة «"), arabic.label);
  // The layout mirrors: the vote button moves to the other side of its card.
  assert.ok(
    (english.buttonAt - 0.5) * (arabic.buttonAt - 0.5) < 0,
    `button at ${english.buttonAt} in English, ${arabic.buttonAt} in Arabic`,
  );
});
