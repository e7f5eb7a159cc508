// What a field shows besides its errors: where a market value came from (source · as-of),
// a mark when it is older than 12 months, and the market's guardrail warnings about it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import PercentField from "../editor/fields/PercentField.svelte";
import NumberField from "../editor/fields/NumberField.svelte";
import RoyaltyCapBlock from "./RoyaltyCapBlock.test.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { setLocale } from "../lib/i18n/index.svelte";
import type { EvaluateOutcome, Warning } from "../lib/bindings";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import { applyPreset } from "./mock-presets";
import applyNgToKenya from "../../tests/fixtures/apply-ng-to-kenya.json";
import { fixturePreset, flush, kenyaDeal, presetBackend, resetMarkets } from "./test-support";

beforeEach(resetMarkets);
afterEach(resetMarkets);

/** The Kenya example with Nigeria's preset applied at 1,500 NGN/USD, as
 *  apply_market_preset gives it (the Rust side's own answer). */
function kenyaOnNigeria() {
  return JSON.parse(applyNgToKenya.deal_json);
}

describe("provenance under a market field", () => {
  it("shows the source and as-of date of a value copied from a preset", async () => {
    presetBackend();
    workspace.load(kenyaOnNigeria());
    render(PercentField, { path: "market.dividend_withholding.non_resident", label: "editor.market.wht_non_resident" });
    await flush();
    const line = screen.getByTestId("provenance-market.dividend_withholding.non_resident");
    expect(line).toHaveTextContent("taxsummaries.pwc.com/nigeria/… · as of Sep 16, 2024");
    const source = screen.getByTestId("provenance-source-market.dividend_withholding.non_resident");
    expect(source).toHaveAttribute("title", "https://taxsummaries.pwc.com/nigeria/corporate/withholding-taxes");
    // The input points to it.
    const input = screen.getByTestId("field-market.dividend_withholding.non_resident");
    expect(input.getAttribute("aria-describedby")).toContain(line.parentElement!.id);
    await fireEvent.click(source);
    expect(screen.getByTestId("provenance-source-market.dividend_withholding.non_resident-full")).toHaveTextContent(
      "https://taxsummaries.pwc.com/nigeria/corporate/withholding-taxes",
    );
    // No data-age mark: the evaluation found nothing old.
    expect(screen.queryByTestId("data-age-market.dividend_withholding.non_resident")).toBeNull();
  });

  it("marks a value the evaluation finds older than 12 months", async () => {
    const outcome = { ...(JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome), data_age: [
      { field: "inflation", as_of: "2024", months_old: 22 },
      { field: "dividend_withholding.non_resident", as_of: "2024-09-16", months_old: 13 },
    ] };
    presetBackend({ evaluate_deal: () => outcome });
    workspace.load(kenyaOnNigeria());
    render(PercentField, { path: "market.dividend_withholding.non_resident", label: "editor.market.wht_non_resident" });
    await flush();
    expect(workspace.dataAge).toHaveLength(2);
    const mark = screen.getByTestId("data-age-market.dividend_withholding.non_resident");
    expect(mark).toHaveTextContent("⚠ Data from Sep 2024: older than 12 months");
    expect(mark).toHaveAttribute("title", "13 months old");
  });

  it("shows nothing under a value typed in by hand", async () => {
    presetBackend();
    workspace.load(kenyaDeal());
    render(NumberField, { path: "market.fx_spot", label: "editor.market.fx_spot" });
    await flush();
    expect(screen.queryByTestId("provenance-market.fx_spot")).toBeNull();
  });

  it("says which partner has no treaty rate in force, under the non-resident rate", async () => {
    presetBackend();
    // Kenya's China treaty is signed but not in force: the domestic 15 % applies to the maker.
    const deal = applyPreset(kenyaDeal(), fixturePreset("KE")).deal;
    workspace.load(deal);
    render(PercentField, { path: "market.dividend_withholding.non_resident", label: "editor.market.wht_non_resident" });
    await flush();
    const note = screen.getByTestId("provenance-market.dividend_withholding.non_resident-treaty-CN");
    expect(note).toHaveTextContent("No treaty rate in force for CN: taxsummaries.pwc.com/peoples-republic-of-china/… · as of Dec 31, 2024");
  });

  it("speaks Chinese", async () => {
    presetBackend();
    setLocale("zh-CN");
    workspace.load(kenyaOnNigeria());
    render(PercentField, { path: "market.inflation", label: "editor.market.inflation" });
    await flush();
    expect(screen.getByTestId("provenance-market.inflation")).toHaveTextContent("截至 2024");
  });
});

/** The engine's guardrail for Nigeria's refusal of technology fees on plain CKD assembly,
 *  worded as crates/engine/src/guardrails.rs words it, with the rule of markets/NG.toml. */
function ckdGuardrail(): Warning {
  const rule = fixturePreset("NG").rules!.find((r) => r.kind === "technology_fees_refused_on_ckd")!;
  return {
    code: "technology_fee_refused_on_ckd",
    message: `Nigeria: ${rule.basis.summary}. The JV assembles CKD kits supplied by Chinese e-three-wheeler maker and pays Chinese e-three-wheeler maker a royalty of 3.0 % of net sales and a technical fee, which the regulator may refuse to approve, so it could not be paid abroad. Set the royalty and the technical fee to 0 and earn on the technology through the kit margin or a larger stake, or show that the JV does more than plain CKD assembly (local content, engineering) before counting on it.`,
    path: "agreements.licence.royalty_rate",
    source: rule.basis.source,
  } as Warning;
}

describe("guardrails beside the field", () => {
  it("shows a market rule's warning under agreements.licence.royalty_rate, with its source", async () => {
    const outcome = JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome & { status: "evaluated" };
    outcome.evaluation.warnings.push(ckdGuardrail());
    presetBackend({ evaluate_deal: () => outcome });
    workspace.load(kenyaDeal());
    render(PercentField, { path: "agreements.licence.royalty_rate", label: "editor.agreements.royalty_rate" });
    await flush();
    const list = screen.getByTestId("warnings-agreements.licence.royalty_rate");
    const items = within(list).getAllByRole("listitem");
    // The example's own finding (technology paid twice) and the Nigerian rule.
    expect(items.map((item) => item.dataset.code)).toEqual(["double_paid_technology", "technology_fee_refused_on_ckd"]);
    expect(items[1]).toHaveTextContent("Technology fees refused on CKD assembly.");
    expect(items[1]).toHaveTextContent("Set the royalty and the technical fee to 0");
    expect(items[1]).toHaveTextContent("Rule's source: notap.gov.ng/content/…");
    expect(within(items[1]).getByTestId("warning-source-agreements.licence.royalty_rate")).toHaveAttribute(
      "title",
      "http://www.notap.gov.ng/content/extracts-cbn-foreign-exchange-manual",
    );
    const input = screen.getByTestId("field-agreements.licence.royalty_rate");
    expect(input.getAttribute("aria-describedby")).toContain(list.parentElement!.id);
  });

  it("shows a warning once, under the deepest field that shows its path", async () => {
    const outcome = JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome & { status: "evaluated" };
    outcome.evaluation.warnings = [
      { code: "royalty_above_cap", message: "Royalty 3.0 % of net sales, above the cap.", path: "market.royalty_cap.rate" } as Warning,
    ];
    presetBackend({ evaluate_deal: () => outcome });
    const deal = kenyaDeal();
    (deal.market as any).royalty_cap = { kind: "approval", rate: "0.02", covers_fees: false };
    workspace.load(deal);
    render(RoyaltyCapBlock);
    await flush();
    expect(screen.getByTestId("warnings-market.royalty_cap.rate")).toHaveTextContent("Royalty above the market's cap");
    expect(screen.queryByTestId("warnings-market.royalty_cap")).toBeNull();
  });
});
