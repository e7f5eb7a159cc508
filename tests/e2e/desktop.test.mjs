// The real app in its real webview: create a deal from the Kenya example, change the
// dealer margin and see the dealer's IRR move, switch to Chinese and back, save two
// versions with notes, quit, start again and find both, import a broken file and see
// the error. Also measures cold start, edit-to-results and memory (target/e2e/).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, openApp, residentMemoryMiB, screenshot, $ } from "./driver.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "target", "e2e");
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "jv-e2e-"));
const database = join(dir, "deals.db");
const metrics = { editToResultsMs: [] };
const { driver, port } = await startDriver(database);
after(() => driver.kill());

const KENYA_NAME = JSON.parse(readFileSync(join(root, "examples/kenya-e3w-ckd.jvdeal"), "utf8")).name;

async function text(browser, id) {
  const element = await $(browser, id);
  await element.waitForDisplayed({ timeout: 10_000 });
  return (await element.getText()).trim();
}

async function saveVersion(browser, note) {
  await (await $(browser, "save-version")).click();
  const input = await $(browser, "save-note");
  await input.waitForDisplayed({ timeout: 5_000 });
  await input.setValue(note);
  await (await $(browser, "save-confirm")).click();
  await input.waitForDisplayed({ reverse: true, timeout: 5_000 });
}

async function quit(browser) {
  // Closing the only window quits the app, as a user would.
  try {
    await browser.closeWindow();
  } catch {
    // The session may already be gone with the window.
  }
  try {
    await browser.deleteSession();
  } catch {
    // Same.
  }
}

async function setDealerMargin(browser, percent, before) {
  const field = await $(browser, "field-agreements.distribution.dealer_margin");
  await field.click();
  await browser.keys(["Control", "a"]);
  await field.addValue(percent);
  await browser.keys("Tab");
  const irr = await $(browser, "irr-dealer-cash");
  await browser.waitUntil(async () => (await irr.getText()).trim() !== before, {
    timeout: 10_000,
    timeoutMsg: `the dealer's IRR stayed ${before} after the dealer margin became ${percent} %`,
  });
  const ms = await browser.execute(() => window.__jvLastEditToResultsMs ?? null);
  if (typeof ms === "number") metrics.editToResultsMs.push(Math.round(ms * 10) / 10);
  return (await irr.getText()).trim();
}

test("a sales head builds, saves and reopens a Kenya deal", async () => {
  // First run: the example gallery, not an empty form.
  let { browser } = await openApp(port);
  await (await $(browser, "example-gallery")).waitForDisplayed({ timeout: 15_000 });
  await screenshot(join(out, "home-first-run.png"));

  await (await $(browser, "example-kenya-e3w-ckd")).click();
  await (await $(browser, "deal-workspace")).waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => (await text(browser, "npv-dealer-cash")) !== "", { timeout: 10_000 });
  await saveVersion(browser, "Kenya terms as proposed");

  const irrBefore = await text(browser, "irr-dealer-cash");
  await (await $(browser, "section-agreements")).click();
  let irr = irrBefore;
  for (const margin of ["11", "12", "13", "14"]) irr = await setDealerMargin(browser, margin, irr);
  assert.notEqual(irr, irrBefore, "the dealer's IRR changed with the dealer margin");
  assert.ok(
    Number.parseFloat(irr) > Number.parseFloat(irrBefore),
    `a higher dealer margin raises the dealer's IRR: ${irrBefore} → ${irr}`,
  );
  await screenshot(join(out, "workspace.png"));
  if (process.env.JV_E2E_README_SHOT === "1") {
    copyFileSync(join(out, "workspace.png"), join(root, "docs", "screenshots", "workspace.png"));
  }

  // Chinese and back.
  const saveLabel = await text(browser, "save-version");
  await (await $(browser, "language-switch")).selectByAttribute("value", "zh-CN");
  await browser.waitUntil(async () => /[\u4e00-\u9fff]/.test(await text(browser, "save-version")), {
    timeout: 5_000,
    timeoutMsg: "the save button did not switch to Chinese",
  });
  await screenshot(join(out, "workspace-zh.png"));
  await (await $(browser, "language-switch")).selectByAttribute("value", "en");
  await browser.waitUntil(async () => (await text(browser, "save-version")) === saveLabel, { timeout: 5_000 });

  await saveVersion(browser, "Dealer margin 14 %");
  metrics.residentMemory = residentMemoryMiB();
  await quit(browser);

  // Start again: the deal is there with both versions.
  const started = await openApp(port);
  browser = started.browser;
  const row = await browser.$('[data-testid^="deal-row-"]');
  await row.waitForDisplayed({ timeout: 15_000 });
  metrics.coldStartToDealListMs = Math.round(performance.now() - started.startedAt);
  metrics.dealListReadyMarkMs = await browser.execute(() => {
    const mark = performance.getEntriesByName("deal-list-ready")[0];
    return mark ? Math.round(mark.startTime) : null;
  });
  assert.equal(await (await row.$('[data-testid="deal-name"]')).getText(), KENYA_NAME);
  await screenshot(join(out, "home.png"));
  await (await row.$('[data-testid="deal-open"]')).click();
  await (await $(browser, "deal-workspace")).waitForDisplayed({ timeout: 10_000 });
  await (await $(browser, "open-versions")).click();
  await (await $(browser, "version-row-2")).waitForDisplayed({ timeout: 5_000 });
  assert.match(await text(browser, "version-row-2"), /Dealer margin 14 %/);
  assert.match(await text(browser, "version-row-1"), /Kenya terms as proposed/);
  await (await $(browser, "versions-close")).click();

  await quit(browser);

  // A broken file, opened the way a file manager opens it (`jv-studio broken.jvdeal`;
  // WebDriver cannot drive the native file dialog): the app names the bad field.
  const broken = join(dir, "broken.jvdeal");
  writeFileSync(broken, readFileSync(join(root, "examples/kenya-e3w-ckd.jvdeal"), "utf8").replace('"plan"', '"plann"'));
  ({ browser } = await openApp(port, [broken]));
  await (await $(browser, "error-dialog")).waitForDisplayed({ timeout: 15_000 });
  assert.match(await text(browser, "error-fields"), /plann/);
  await screenshot(join(out, "import-error.png"));
  await (await $(browser, "error-close")).click();
  await (await $(browser, "home")).waitForDisplayed({ timeout: 5_000 });
  await quit(browser);

  writeFileSync(join(out, "metrics.json"), JSON.stringify(metrics, null, 2) + "\n");
  console.log("desktop metrics:", JSON.stringify(metrics));
});
