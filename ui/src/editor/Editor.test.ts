// The editor as a whole: sections, structural edits, jumping to a field, undo, read-only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { flushSync } from "svelte";
import Editor from "./Editor.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { partyColour } from "../lib/colors";
import { backend, loadKenya, resetEditorWorkspace, settle } from "./test-support";

beforeEach(loadKenya);
afterEach(resetEditorWorkspace);

function field(path: string): HTMLInputElement {
  return screen.getByTestId(`field-${path}`) as HTMLInputElement;
}

async function open(section: string) {
  await fireEvent.click(screen.getByTestId(`section-${section}`));
  flushSync();
}

describe("Editor sections", () => {
  it("lists the seven sections in a sales head's order and starts on Market", () => {
    render(Editor);
    const nav = screen.getByTestId("editor-nav");
    expect(within(nav).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual([
      "Market",
      "Parties & contributions",
      "Equity",
      "Agreements",
      "Business plan",
      "Financing & exit",
      "Analysis",
    ]);
    expect(screen.getByTestId("section-market")).toHaveAttribute("aria-current", "page");
    expect(field("market.fx_spot").value).toBe("129");
    expect(screen.getByText("KES per USD")).toBeInTheDocument();
    expect(field("market.corporate_tax_rate").value).toBe("30");
    expect(field("name").value).toBe("Kenya e-three-wheeler CKD assembly JV");
  });

  it("switches sections with the nav and with Alt+1…6", async () => {
    render(Editor);
    await open("agreements");
    expect(screen.getByTestId("editor-section-title")).toHaveTextContent("Agreements");
    expect(field("agreements.distribution.dealer_margin").value).toBe("10");
    expect(screen.queryByTestId("field-market.fx_spot")).toBeNull();

    await fireEvent.keyDown(window, { key: "5", code: "Digit5", altKey: true });
    await settle();
    expect(screen.getByTestId("editor-section-title")).toHaveTextContent("Business plan");
    expect(field("plan.retail_price").value).toBe("520,000");
    // The shortcut lands on the section's first field, ready to type.
    expect(document.activeElement).toBe(field("plan.units.method"));

    await fireEvent.keyDown(window, { key: "6", code: "Digit6", altKey: true });
    await settle();
    expect(field("exit.multiple").value).toBe("5");
  });

  it("badges each section with its number of field errors", async () => {
    render(Editor);
    backend.errors = [
      { path: "parties[1].discount_rate", message: "must be above -1" },
      { path: "parties[0].contributions[0].valuation.value", message: "must not be negative" },
      { path: "reporting_inflation", message: "too high" },
      { path: "horizon_years", message: "must be 1 to 30" },
      { path: "parties[0].contributions[1].tranches", message: "tranche shares add up to 90 %" },
      { path: "name", message: "must not be empty" },
    ];
    workspace.set("plan.retail_price", "1");
    await settle();
    expect(screen.getByTestId("section-errors-parties")).toHaveTextContent("2");
    expect(screen.getByTestId("section-errors-market")).toHaveTextContent("1");
    expect(screen.getByTestId("section-errors-financing")).toHaveTextContent("1");
    expect(screen.getByTestId("section-errors-equity")).toHaveTextContent("1");
    expect(screen.queryByTestId("section-errors-plan")).toBeNull();
    expect(screen.getByTestId("section-errors-parties")).toHaveAccessibleName("2 field errors");
    // The header's own error sits under the deal name.
    expect(screen.getByTestId("errors-name")).toHaveTextContent("Must not be empty.");
  });
});

describe("Parties & contributions", () => {
  it("shows each party in its colour with its contributions' values", async () => {
    render(Editor);
    await open("parties");
    const maker = screen.getByTestId("party-0");
    expect(maker.getAttribute("style")).toContain(partyColour(0));
    expect(within(maker).getByTestId("residency-0")).toHaveTextContent("non-resident");
    expect(screen.getByTestId("residency-1")).toHaveTextContent("resident in KE");
    expect(field("parties[0].discount_rate").value).toBe("15");
    // Values from the engine's evaluation, matched by party id and contribution index.
    expect(screen.getByTestId("value-parties[0].contributions[1]")).toHaveTextContent("= USD 690,928");
    expect(screen.getByTestId("value-parties[1].contributions[1]")).toHaveTextContent("= USD 450,000");
    expect(screen.getByTestId("value-parties[0].contributions[1]")).not.toHaveClass("stale");
    workspace.stale = true;
    flushSync();
    expect(screen.getByTestId("value-parties[0].contributions[1]")).toHaveClass("stale");
  });

  it("switches a valuation method to that method's fields in one undo step", async () => {
    render(Editor);
    await open("parties");
    const method = "parties[0].contributions[1].valuation.method";
    expect(field("parties[0].contributions[1].valuation.royalty_rate").value).toBe("4");
    await fireEvent.change(field(method), { target: { value: "cost_to_recreate" } });
    flushSync();
    expect(workspace.get("parties[0].contributions[1].valuation")).toEqual({
      method: "cost_to_recreate",
      cost: "0",
      obsolescence: "0",
    });
    expect(screen.queryByTestId("field-parties[0].contributions[1].valuation.royalty_rate")).toBeNull();
    await fireEvent.input(field("parties[0].contributions[1].valuation.cost"), { target: { value: "750k" } });
    expect(workspace.get("parties[0].contributions[1].valuation.cost")).toBe("750000");

    workspace.undo(); // the typed cost
    workspace.undo(); // the method switch
    flushSync();
    expect(workspace.get("parties[0].contributions[1].valuation")).toEqual({
      method: "relief_from_royalty",
      royalty_rate: "0.04",
      discount_rate: "0.20",
    });
    expect(field("parties[0].contributions[1].valuation.discount_rate").value).toBe("20");
  });

  it("offers only the methods a kind allows", async () => {
    render(Editor);
    await open("parties");
    const options = (path: string) =>
      [...(field(path) as unknown as HTMLSelectElement).options].map((o) => o.value);
    expect(options("parties[0].contributions[0].valuation.method")).toEqual(["agreed"]);
    expect(options("parties[0].contributions[1].valuation.method")).toEqual([
      "agreed",
      "relief_from_royalty",
      "cost_to_recreate",
    ]);
    expect(options("parties[1].contributions[1].valuation.method")).toEqual([
      "agreed",
      "excess_earnings",
      "cost_to_recreate",
    ]);
  });

  it("adds a party with its own colour, and undo takes it away", async () => {
    render(Editor);
    await open("parties");
    await fireEvent.click(screen.getByTestId("add-party"));
    flushSync();
    expect(workspace.deal?.parties).toHaveLength(3);
    expect(workspace.deal?.parties[2].id).toBe("partner3");
    expect(screen.getByTestId("party-2").getAttribute("style")).toContain(partyColour(2));
    expect(field("parties[2].contributions[0].valuation.value").value).toBe("0");
    await fireEvent.input(field("parties[2].name"), { target: { value: "Nairobi fund" } });
    expect(workspace.get("parties[2].name")).toBe("Nairobi fund");
    workspace.undo();
    workspace.undo();
    flushSync();
    expect(workspace.deal?.parties).toHaveLength(2);
    expect(screen.queryByTestId("party-2")).toBeNull();
  });

  it("adds and removes contributions; removing a party leaves its references to the engine", async () => {
    render(Editor);
    await open("parties");
    await fireEvent.click(screen.getByTestId("add-parties[1].contributions"));
    expect(workspace.deal?.parties[1].contributions).toHaveLength(3);
    await fireEvent.click(screen.getByTestId("remove-parties[1].contributions[2]"));
    expect(workspace.deal?.parties[1].contributions).toHaveLength(2);

    await fireEvent.click(screen.getByTestId("remove-parties[1]"));
    expect(workspace.deal?.parties.map((p) => p.id)).toEqual(["maker"]);
    expect(workspace.get("agreements.distribution.distributor")).toBe("dealer");
  });

  it("renames a party's id and every reference to it", async () => {
    render(Editor);
    await open("parties");
    const id = field("parties[0].id");
    await fireEvent.input(id, { target: { value: "oem" } });
    expect(workspace.get("parties[0].id")).toBe("maker"); // not yet: committed on change
    await fireEvent.change(id);
    expect(workspace.get("parties[0].id")).toBe("oem");
    expect(workspace.get("agreements.licence.licensor")).toBe("oem");
    expect(workspace.get("agreements.kit_supply.supplier")).toBe("oem");
  });
});

describe("Equity", () => {
  it("shows the engine's cap table and switches to negotiated shares that add up", async () => {
    render(Editor);
    await open("equity");
    const row = screen.getByTestId("cap-row-maker");
    expect(row).toHaveTextContent("602,029");
    expect(row).toHaveTextContent("60.2 %");
    expect(screen.getByTestId("cap-row-dealer")).toHaveTextContent("397,971");

    await fireEvent.change(field("equity.mode"), { target: { value: "negotiated" } });
    flushSync();
    expect(workspace.deal?.equity.shares).toEqual([
      { party: "maker", share: "0.602" },
      { party: "dealer", share: "0.398" },
    ]);
    expect(field("equity.shares[0].share").value).toBe("60.2");
    expect(screen.getByTestId("negotiated-total")).toHaveTextContent("Total: 100 %");
    await fireEvent.input(field("equity.shares[0].share"), { target: { value: "60" } });
    flushSync();
    expect(screen.getByTestId("negotiated-total")).toHaveTextContent("Total: 99.8 %");

    await fireEvent.change(field("equity.mode"), { target: { value: "contribution_based" } });
    expect(workspace.deal?.equity.shares).toEqual([]);
  });

  it("edits vesting tranches of a contribution", async () => {
    render(Editor);
    await open("equity");
    await fireEvent.click(screen.getByTestId("add-parties[0].contributions[1].tranches"));
    await fireEvent.click(screen.getByTestId("add-parties[0].contributions[1].tranches"));
    flushSync();
    expect(workspace.get("parties[0].contributions[1].tranches")).toEqual([
      { share: "1", milestone: "", year: 1, missed: false },
      { share: "0", milestone: "", year: 1, missed: false },
    ]);
    await fireEvent.input(field("parties[0].contributions[1].tranches[0].share"), { target: { value: "50" } });
    await fireEvent.input(field("parties[0].contributions[1].tranches[1].milestone"), {
      target: { value: "Homologation" },
    });
    expect(workspace.get("parties[0].contributions[1].tranches[0].share")).toBe("0.5");
    expect(workspace.get("parties[0].contributions[1].tranches[1].milestone")).toBe("Homologation");
  });
});

describe("Focus, undo and read-only", () => {
  it("answers a focus request: switches section, shows and focuses the field", async () => {
    render(Editor);
    workspace.focus("agreements.distribution.dealer_margin");
    await settle();
    expect(screen.getByTestId("section-agreements")).toHaveAttribute("aria-current", "page");
    expect(document.activeElement).toBe(field("agreements.distribution.dealer_margin"));

    workspace.focus("parties[1].contributions[0].valuation");
    await settle();
    expect(document.activeElement).toBe(field("parties[1].contributions[0].valuation.method"));

    workspace.focus("parties[0].contributions[1].tranches[0].share");
    await settle();
    // Not there yet (no tranche): the nearest field of that contribution's vesting.
    expect(screen.getByTestId("section-equity")).toHaveAttribute("aria-current", "page");
  });

  it("lists an error no field shows, with a link to the nearest field", async () => {
    render(Editor);
    backend.errors = [{ path: "market.legal_reserve.share_of_profit", message: "must be at most 1" }];
    workspace.set("plan.retail_price", "1");
    await settle();
    const problems = screen.getByTestId("problems-market");
    expect(problems).toHaveTextContent("market.legal_reserve.share_of_profit");
    expect(problems).toHaveTextContent("Must be at most 1.");
    await fireEvent.click(screen.getByTestId("problem-market.legal_reserve.share_of_profit"));
    await settle();
    expect(document.activeElement).toBe(screen.getByTestId("toggle-market.legal_reserve"));
  });

  it("turns an optional block on with defaults and off again", async () => {
    render(Editor);
    await open("financing");
    expect(field("financing.loan.amount").value).toBe("50,000,000");
    await fireEvent.click(screen.getByTestId("toggle-financing.loan"));
    expect(workspace.get("financing.loan")).toBeNull();
    expect(screen.queryByTestId("field-financing.loan.amount")).toBeNull();
    await fireEvent.click(screen.getByTestId("toggle-financing.loan"));
    expect(workspace.get("financing.loan")).toEqual({ amount: "0", rate: "0.10", tenor_years: 5, drawdown_year: 0 });
  });

  it("switches exit method and units method, rebuilding their objects", async () => {
    render(Editor);
    await open("financing");
    await fireEvent.change(field("exit.method"), { target: { value: "perpetuity" } });
    expect(workspace.get("exit")).toEqual({ method: "perpetuity", growth: "0.02", discount_rate: "0.15" });
    await open("plan");
    await fireEvent.change(field("plan.units.method"), { target: { value: "explicit" } });
    flushSync();
    const units = workspace.get("plan.units.units") as string[];
    expect(units).toHaveLength(10);
    expect(units[0]).toBe("600");
    expect(field("plan.units.units[0]").value).toBe("600");
    expect(screen.getByText("Year 10")).toBeInTheDocument();
  });

  it("undo restores a field's value and its text", async () => {
    render(Editor);
    await open("plan");
    const price = field("plan.retail_price");
    await fireEvent.focus(price);
    await fireEvent.input(price, { target: { value: "600k" } });
    await fireEvent.blur(price);
    flushSync();
    expect(price.value).toBe("600,000");
    expect(workspace.json()).toContain('"retail_price":"600000"');
    workspace.undo();
    flushSync();
    expect(workspace.get("plan.retail_price")).toBe("520000");
    expect(price.value).toBe("520,000");
  });

  it("saves a draft and re-evaluates after an edit", async () => {
    render(Editor);
    const before = backend.evaluations;
    await fireEvent.input(field("market.inflation"), { target: { value: "5" } });
    await settle();
    expect(backend.evaluations).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(backend.drafts.at(-1)).toContain('"inflation":"0.05"');
  });

  it("disables every input when read-only", async () => {
    workspace.readOnly = true;
    render(Editor);
    for (const section of ["market", "parties", "equity", "agreements", "plan", "financing"]) {
      await open(section);
      const inputs = screen
        .getByTestId("editor-form")
        .querySelectorAll<HTMLInputElement>("input, select, textarea");
      expect(inputs.length).toBeGreaterThan(3);
      for (const input of inputs) expect(input, input.dataset.path).toBeDisabled();
    }
    expect(screen.getByTestId("editor-readonly")).toBeInTheDocument();
  });
});
