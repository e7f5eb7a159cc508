// The number fields: what typing does to the deal, what a typo does not do, and what the
// user sees under the field.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import NumberField from "./fields/NumberField.svelte";
import PercentField from "./fields/PercentField.svelte";
import TextField from "./fields/TextField.svelte";
import SelectField from "./fields/SelectField.svelte";
import CheckboxField from "./fields/CheckboxField.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { loadKenya, resetEditorWorkspace, settle } from "./test-support";

beforeEach(loadKenya);
afterEach(resetEditorWorkspace);

function input(path: string): HTMLInputElement {
  return screen.getByTestId(`field-${path}`) as HTMLInputElement;
}

function type(element: HTMLInputElement, text: string) {
  fireEvent.focus(element);
  fireEvent.input(element, { target: { value: text } });
  flushSync();
}

describe("NumberField", () => {
  const path = "plan.fixed_overhead";
  const renderIt = () =>
    render(NumberField, { path, label: "editor.plan.fixed_overhead", unit: "KES" });

  it("shows the stored amount with separators, a visible label and its currency", () => {
    renderIt();
    expect(input(path).value).toBe("55,000,000");
    expect(input(path)).toHaveAttribute("data-path", path);
    expect(screen.getByLabelText(/Fixed overhead/)).toBe(input(path));
    expect(screen.getByText("KES")).toBeInTheDocument();
  });

  it("writes the canonical string as the user types, keeps the raw text while focused", () => {
    renderIt();
    type(input(path), "1.2m");
    expect(workspace.get(path)).toBe("1200000");
    expect(input(path).value).toBe("1.2m");
    expect(screen.getByTestId(`hint-${path}`)).toHaveTextContent("= 1,200,000");

    type(input(path), "450k");
    expect(workspace.get(path)).toBe("450000");
    type(input(path), "1,200,000");
    expect(workspace.get(path)).toBe("1200000");
  });

  it("formats on blur", () => {
    renderIt();
    type(input(path), "2500000");
    fireEvent.blur(input(path));
    flushSync();
    expect(input(path).value).toBe("2,500,000");
    expect(screen.queryByTestId(`hint-${path}`)).toBeNull();
  });

  it("keeps a typo, shows why, and leaves the deal alone", () => {
    renderIt();
    type(input(path), "12,5x");
    expect(workspace.get(path)).toBe("55000000");
    expect(screen.getByRole("alert")).toHaveTextContent("Not a number: 12,5x");
    expect(input(path)).toHaveAttribute("aria-invalid", "true");
    fireEvent.blur(input(path));
    flushSync();
    // Never erased: the text stays as typed after the field loses focus.
    expect(input(path).value).toBe("12,5x");
    expect(workspace.get(path)).toBe("55000000");
  });

  it("shows the engine's errors for its path under the field", async () => {
    renderIt();
    workspace.errors = [{ path, message: "must not be negative; it is -1" }];
    flushSync();
    const messages = screen.getByTestId(`errors-${path}`);
    expect(messages).toHaveTextContent("Must not be negative; it is -1.");
    expect(input(path).getAttribute("aria-describedby")).toContain(messages.parentElement!.id);
    workspace.errors = [{ path: "plan.retail_price", message: "elsewhere" }];
    flushSync();
    expect(screen.queryByTestId(`errors-${path}`)).toBeNull();
    await settle();
  });

  it("stores whole numbers as JSON integers and refuses fractions there", () => {
    render(NumberField, { path: "horizon_years", label: "editor.financing.horizon_years", integer: true });
    type(input("horizon_years"), "12");
    expect(workspace.get("horizon_years")).toBe(12);
    type(input("horizon_years"), "12.5");
    expect(workspace.get("horizon_years")).toBe(12);
    expect(screen.getByRole("alert")).toHaveTextContent("Must be a whole number: 12.5");
  });

  it("stores null when an optional field is emptied and says what that means", () => {
    const capacity = "plan.units.capacity";
    render(NumberField, {
      path: capacity,
      label: "editor.plan.capacity",
      nullable: true,
      empty: "editor.plan.no_ceiling",
    });
    type(input(capacity), "");
    expect(workspace.get(capacity)).toBeNull();
    fireEvent.blur(input(capacity));
    flushSync();
    expect(input(capacity).placeholder).toBe("no ceiling");
  });

  it("follows an undo made elsewhere, and is disabled when read-only", () => {
    renderIt();
    type(input(path), "60m");
    fireEvent.blur(input(path));
    expect(workspace.get(path)).toBe("60000000");
    workspace.undo();
    flushSync();
    expect(workspace.get(path)).toBe("55000000");
    expect(input(path).value).toBe("55,000,000");
    workspace.readOnly = true;
    flushSync();
    expect(input(path)).toBeDisabled();
  });
});

describe("PercentField", () => {
  const path = "agreements.distribution.dealer_margin";
  const renderIt = () => render(PercentField, { path, label: "editor.agreements.dealer_margin" });

  it("shows the stored fraction as a percent with a % suffix", () => {
    renderIt();
    expect(input(path).value).toBe("10");
    expect(screen.getByText("%")).toBeInTheDocument();
    expect(input(path).title).toMatch(/12\.5 or 12\.5% both mean 12\.5 %/);
  });

  it("stores what is typed in percent as a fraction string", () => {
    renderIt();
    type(input(path), "12.5");
    expect(workspace.get(path)).toBe("0.125");
    type(input(path), "12.5%");
    expect(workspace.get(path)).toBe("0.125");
    type(input(path), "0.125");
    expect(workspace.get(path)).toBe("0.00125");
    fireEvent.blur(input(path));
    flushSync();
    expect(input(path).value).toBe("0.125");
  });

  it("keeps an invalid rate and the old value", () => {
    renderIt();
    type(input(path), "1.2.3");
    expect(workspace.get(path)).toBe("0.10");
    expect(screen.getByRole("alert")).toHaveTextContent("more than one decimal point");
    type(input(path), "12k");
    expect(screen.getByRole("alert")).toHaveTextContent("Type a percent here");
    expect(workspace.get(path)).toBe("0.10");
  });

  it("shows the engine's error for the rate", () => {
    renderIt();
    workspace.errors = [{ path, message: "must be between 0 and 1 (0 % to 100 %); it is 1.5" }];
    flushSync();
    expect(screen.getByTestId(`errors-${path}`)).toHaveTextContent("Must be between 0 and 1 (0 % to 100 %); it is 1.5.");
  });
});

describe("text, select and checkbox fields", () => {
  it("TextField writes each keystroke and raises codes to capitals", () => {
    render(TextField, { path: "market.country", label: "editor.market.country", upper: true });
    fireEvent.input(input("market.country"), { target: { value: "ng" } });
    expect(workspace.get("market.country")).toBe("NG");
  });

  it("SelectField writes the choice and keeps an unknown value visible", () => {
    workspace.set("agreements.licence.licensor", "gone");
    render(SelectField, {
      path: "agreements.licence.licensor",
      label: "editor.agreements.licensor",
      options: [
        { value: "maker", label: "Maker" },
        { value: "dealer", label: "Dealer" },
      ],
    });
    const select = screen.getByTestId("field-agreements.licence.licensor") as HTMLSelectElement;
    expect(select.selectedOptions[0].textContent).toBe("gone (not in the list)");
    fireEvent.change(select, { target: { value: "dealer" } });
    expect(workspace.get("agreements.licence.licensor")).toBe("dealer");
  });

  it("CheckboxField toggles a boolean", () => {
    render(CheckboxField, { path: "market.amortisation_deductible", label: "editor.market.amortisation_deductible" });
    const box = screen.getByTestId("field-market.amortisation_deductible") as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(workspace.get("market.amortisation_deductible")).toBe(false);
  });
});
