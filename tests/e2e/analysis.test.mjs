// The Analysis section in the real app: the Kenya example, Alt+7, a 10,000-iteration Monte
// Carlo run whose progress bar is seen moving and whose histogram and percentiles appear;
// a goal seek for the royalty rate that gives the manufacturer a 50 % cash IRR, applied to
// the deal (the results panel follows). On the way it photographs every analysis chart.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, openApp, screenshot, $, shown } from "./driver.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "target", "e2e");
mkdirSync(out, { recursive: true });
const database = join(mkdtempSync(join(tmpdir(), "jv-e2e-analysis-")), "deals.db");
const { driver, port } = await startDriver(database);
after(() => driver.kill());


async function text(browser, id, timeout) {
  return (await (await shown(browser, id, timeout)).getText()).trim();
}

/** Saves a screenshot to target/e2e/, and to docs/img/ when JV_E2E_DOC_SHOTS=1. */
async function shot(name) {
  const path = join(out, `${name}.png`);
  await screenshot(path);
  if (process.env.JV_E2E_DOC_SHOTS === "1") copyFileSync(path, join(root, "docs", "img", `${name}.png`));
}

/** Scrolls the pane that holds element `id` so the element is at its top; the window
 *  itself stays put (`scrollIntoView` would also scroll the app's frame off screen). */
async function scrollPaneTo(browser, id) {
  await browser.execute((testid) => {
    const element = document.querySelector(`[data-testid="${testid}"]`);
    let pane = element?.parentElement ?? null;
    while (pane && !(pane.scrollHeight > pane.clientHeight && /auto|scroll/.test(getComputedStyle(pane).overflowY))) {
      pane = pane.parentElement;
    }
    if (element && pane) pane.scrollTop += element.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
  }, id);
}

/** Whether the chart drew (ECharts' SVG is in its container). */
async function drawn(browser, id) {
  return (await browser.$$(`[data-testid="${id}"] svg`)).length > 0;
}

test("Monte Carlo with progress, then a goal seek on the royalty applied to the deal", async () => {
  const { browser } = await openApp(port);
  try {
    await shown(browser, "example-gallery", 15_000);
    await (await $(browser, "example-kenya-e3w-ckd")).click();
    await shown(browser, "deal-workspace");
    await browser.waitUntil(async () => (await text(browser, "irr-maker-cash")) !== "", { timeout: 10_000 });
    const makerIrrBefore = await text(browser, "irr-maker-cash");

    await browser.keys(["Alt", "7"]);
    await shown(browser, "analysis");

    // Tornado (for its picture; the goal seek then offers its drivers).
    await (await $(browser, "analysis-tab-tornado")).click();
    await (await $(browser, "tornado-run")).click();
    await shown(browser, "tornado-chart", 60_000);
    await browser.waitUntil(() => drawn(browser, "tornado-chart"), { timeout: 10_000 });
    await shot("analysis-tornado");

    // Monte Carlo: watch the progress bar from inside the page, so no value is missed
    // between two WebDriver round trips.
    await (await $(browser, "analysis-tab-mc")).click();
    assert.equal(await (await shown(browser, "mc-iterations")).getValue(), "10000");
    await browser.execute(() => {
      const seen = [];
      window.__jvProgressSeen = seen;
      const look = () => {
        const bar = document.querySelector('[data-testid="mc-progress"]');
        if (bar) seen.push(Number(bar.getAttribute("aria-valuenow")));
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const startedAt = Date.now();
    await (await $(browser, "mc-run")).click();
    await shown(browser, "mc-table", 600_000);
    const seconds = (Date.now() - startedAt) / 1000;
    const seen = await browser.execute(() => window.__jvProgressSeen);
    assert.ok(seen.length > 0, "the progress bar was never on screen");
    assert.ok(
      seen.some((v) => v > 0 && v < 100),
      `no progress between 0 and 100 was shown (seen: ${seen.slice(0, 20).join(", ")})`,
    );
    console.log(`Monte Carlo, 10,000 iterations: ${seconds.toFixed(1)} s; progress values seen: ${seen.length}`);
    for (const cell of ["mc-p10-maker", "mc-p50-maker", "mc-p90-dealer"]) {
      assert.match(await text(browser, cell), /\d/, `${cell} shows no number`);
    }
    await browser.waitUntil(() => drawn(browser, "mc-histogram"), { timeout: 10_000 });
    await scrollPaneTo(browser, "mc-table");
    await shot("analysis-histogram");

    // Fair split and its curve.
    await (await $(browser, "analysis-tab-fair")).click();
    await (await $(browser, "fair-run")).click();
    await shown(browser, "fair-curve", 120_000);
    await browser.waitUntil(() => drawn(browser, "fair-curve"), { timeout: 10_000 });
    await scrollPaneTo(browser, "fair-by_value");
    await shot("analysis-fair-split");

    // Markets side by side: Kenya and Nigeria (NGN, so it asks for the rate).
    await (await $(browser, "analysis-tab-markets")).click();
    for (const code of ["KE", "NG", "TZ"]) {
      const box = await shown(browser, `markets-pick-${code}`);
      if (!(await box.isSelected())) await box.click();
    }
    await (await $(browser, "markets-run")).click();
    assert.match(await text(browser, "markets-error"), /NG/);
    await (await shown(browser, "markets-rate-NG")).setValue("1500");
    await (await shown(browser, "markets-rate-TZ")).setValue("2600");
    await (await $(browser, "markets-run")).click();
    await shown(browser, "markets-table", 60_000);
    assert.match(await text(browser, "markets-npv-NG-maker"), /\d/);
    assert.match(await text(browser, "markets-warnings-KE"), /^\d+$/);
    await scrollPaneTo(browser, "markets-rate-NG");
    await shot("analysis-markets");

    // Goal seek: the royalty rate at which the manufacturer's cash IRR is 50 %.
    await (await $(browser, "analysis-tab-goal")).click();
    await (await shown(browser, "goal-input")).selectByAttribute("value", "royalty_rate");
    await (await $(browser, "goal-party")).selectByAttribute("value", "maker");
    await (await $(browser, "goal-metric")).selectByAttribute("value", "irr");
    const target = await $(browser, "goal-target");
    await target.click();
    await browser.keys(["Control", "a"]);
    await target.addValue("50");
    await (await $(browser, "goal-run")).click();
    const answer = await text(browser, "goal-result", 60_000);
    const found = /Royalty rate = (\d+\.\d+) %/.exec(answer);
    assert.ok(found, `no royalty rate in "${answer}"`);
    const rate = Number(found[1]);
    assert.ok(rate > 3 && rate < 50, `the royalty rate found, ${rate} %, is not above the deal's 3 %`);
    await (await $(browser, "goal-apply")).click();
    await shown(browser, "goal-applied");
    await browser.waitUntil(async () => (await text(browser, "irr-maker-cash")) !== makerIrrBefore, {
      timeout: 10_000,
      timeoutMsg: `the manufacturer's IRR stayed ${makerIrrBefore} after the royalty was applied`,
    });
    assert.match(await text(browser, "irr-maker-cash"), /50\.0/);
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});
