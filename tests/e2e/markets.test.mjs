// Market presets in the real app: a new deal from the e-three-wheeler template on Nigeria
// shows the CKD technology-fee guardrail beside the royalty field; switching the market to
// Kenya (with the exchange rate the user types, as no preset carries one) removes it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, openApp, screenshot, $, shown } from "./driver.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "target", "e2e");
mkdirSync(out, { recursive: true });
const database = join(mkdtempSync(join(tmpdir(), "jv-e2e-markets-")), "deals.db");
const { driver, port } = await startDriver(database);
after(() => driver.kill());

const GUARDRAIL = "warnings-agreements.licence.royalty_rate";

test("a template on Nigeria shows the CKD fee guardrail, and Kenya clears it", async () => {
  const { browser } = await openApp(port);
  try {
    await shown(browser, "template-gallery", 15_000);
    await (await $(browser, "template-e3w-ckd-dealer")).click();
    await (await shown(browser, "template-market")).selectByAttribute("value", "NG");
    await (await shown(browser, "template-rate")).setValue("1500");
    await (await $(browser, "template-create")).click();
    await shown(browser, "deal-workspace");

    await (await $(browser, "section-agreements")).click();
    const guardrail = await shown(browser, GUARDRAIL);
    assert.match(await guardrail.getText(), /Technology fees refused on CKD assembly[\s\S]*notap\.gov\.ng/);
    await screenshot(join(out, "guardrail-nigeria.png"));

    // Switch the market to Kenya: review the diff, give the rate, apply.
    await (await $(browser, "section-market")).click();
    await (await shown(browser, "market-picker")).selectByAttribute("value", "KE");
    // The currency changes (NGN → KES), so the dialog first asks for the rate.
    await (await shown(browser, "preset-diff-rate")).setValue("129");
    await (await $(browser, "preset-diff-rate-apply")).click();
    await shown(browser, "preset-diff-table");
    await screenshot(join(out, "market-diff.png"));
    const apply = await $(browser, "preset-diff-apply");
    await browser.waitUntil(async () => apply.isEnabled(), { timeout: 10_000 });
    await apply.click();
    await (await $(browser, "preset-diff-table")).waitForDisplayed({ reverse: true, timeout: 5_000 });
    assert.match(await (await shown(browser, "market-preset-used")).getText(), /Kenya|KE/);

    await (await $(browser, "open-preset-panel")).click();
    await shown(browser, "preset-panel-meta");
    await screenshot(join(out, "preset-panel.png"));
    await (await $(browser, "preset-panel-close")).click();

    await (await $(browser, "section-agreements")).click();
    await (await $(browser, GUARDRAIL)).waitForDisplayed({ reverse: true, timeout: 10_000 });
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});
