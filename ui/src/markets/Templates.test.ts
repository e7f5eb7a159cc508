// Templates on the "New deal" gallery: a template, then a market (Kenya unless changed),
// then Create gives a working deal with that market's preset applied.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import Gallery from "../home/Gallery.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { setLocale } from "../lib/i18n/index.svelte";
import { backend, resetState } from "../shell/test-support";
import { flush } from "./test-support";
import { presets } from "./state.svelte";

beforeEach(resetState);
afterEach(resetState);

describe("templates", () => {
  it("lists the four templates above the examples", async () => {
    backend();
    render(Gallery);
    await flush();
    const row = screen.getByTestId("template-gallery");
    const cards = within(row).getAllByRole("button");
    expect(cards.map((card) => card.dataset.testid)).toEqual([
      "template-e3w-ckd-dealer",
      "template-motorcycle-assembly",
      "template-coatings-blending",
      "template-machinery-service",
    ]);
    expect(cards[0]).toHaveTextContent("Electric three-wheeler CKD assembly with a dealer network");
    expect(cards[0]).toHaveAccessibleName("Start from the template “Electric three-wheeler CKD assembly with a dealer network”");
    // Templates come first, then the examples.
    const examples = screen.getByTestId("example-gallery");
    expect(row.compareDocumentPosition(examples) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("creates a deal from a template and a market in two clicks", async () => {
    const mock = backend();
    render(Gallery);
    await flush();
    await fireEvent.click(screen.getByTestId("template-e3w-ckd-dealer"));
    await flush();
    expect(screen.getByTestId("template-e3w-ckd-dealer")).toHaveAttribute("aria-pressed", "true");
    const market = screen.getByTestId("template-market") as HTMLSelectElement;
    // Kenya unless the user picks another market.
    expect(market.value).toBe("KE");
    expect(screen.queryByTestId("template-rate")).toBeNull();
    await fireEvent.change(market, { target: { value: "NG" } });
    expect(market.value).toBe("NG");
    // The template is in KES: Nigeria needs today's NGN rate before Create.
    expect(screen.getByTestId("template-create-bar")).toHaveTextContent("NGN per USD");
    expect(screen.getByTestId("template-create")).toBeDisabled();
    await fireEvent.input(screen.getByTestId("template-rate"), { target: { value: "1500" } });
    await fireEvent.click(screen.getByTestId("template-create"));
    await flush();
    expect(mock.argsOf("new_deal_from_template")).toEqual([{ templateId: "e3w-ckd-dealer", country: "NG", fxSpot: "1500" }]);
    const deal = workspace.deal as any;
    expect(deal.name).toBe("Electric three-wheeler CKD assembly with a dealer network");
    expect(deal.market.country).toBe("NG");
    expect(deal.market.currency).toBe("NGN");
    expect(deal.market.fx_spot).toBe("1500");
    expect(deal.market.preset).toEqual({ country: "NG", version: "2026-11" });
    expect(deal.market.rules.map((rule: { kind: string }) => rule.kind)).toEqual([
      "technology_fees_refused_on_ckd",
      "capital_import_needs_cash_or_goods",
    ]);
    // The local partner now resides in Nigeria.
    expect(deal.parties[1].home_country).toBe("NG");
    // A new deal: nothing saved yet.
    expect(workspace.dealId).toBeNull();
    // What Nigeria's preset does not know is remembered, for the editor to mark.
    expect(mock.argsOf("apply_market_preset").at(-1)).toMatchObject({ country: "NG", fxSpot: "1500" });
    expect(presets.asked?.presetName).toBe("Nigeria");
    expect(presets.asked?.fields.map((f) => f.field)).toContain("tax_incentive");
    expect(presets.asked?.fields.map((f) => f.field)).not.toContain("fx_spot");
  });

  it("keeps Kenya as the default market and lets the choice be cancelled", async () => {
    const mock = backend();
    render(Gallery);
    await flush();
    await fireEvent.click(screen.getByTestId("template-coatings-blending"));
    await fireEvent.click(screen.getByTestId("template-cancel"));
    expect(screen.queryByTestId("template-create-bar")).toBeNull();
    await fireEvent.click(screen.getByTestId("template-machinery-service"));
    await fireEvent.click(screen.getByTestId("template-create"));
    await flush();
    expect(mock.argsOf("new_deal_from_template")).toEqual([{ templateId: "machinery-service", country: "KE", fxSpot: null }]);
    expect((workspace.deal as any).market.preset).toEqual({ country: "KE", version: "2025-02" });
  });

  it("speaks Chinese", async () => {
    backend();
    setLocale("zh-CN");
    render(Gallery);
    await flush();
    expect(screen.getByTestId("template-gallery")).toHaveTextContent("模板");
    await fireEvent.click(screen.getByTestId("template-e3w-ckd-dealer"));
    expect(screen.getByTestId("template-create")).toHaveTextContent("创建交易");
  });
});
