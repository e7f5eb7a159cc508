// Words, never blanks: a missing IRR, MOIC or payback year says why, as the engine does.
import { afterEach, describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import ResultsPanel from "./ResultsPanel.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { setLocale } from "../lib/i18n/index.svelte";
import { expectedAmount, kenya, noCash, resetWorkspace } from "./fixture";

afterEach(() => {
  resetWorkspace();
  setLocale("en");
});

/** The Kenya evaluation with the maker turned into a party that puts in no cash. */
function noCashMaker() {
  const evaluation = kenya();
  const cash = evaluation.parties[0].views.cash;
  Object.assign(cash, {
    irr: null,
    irr_status: "no_cash_invested",
    irr_note: "no cash invested: the party puts in no cash, so a cash IRR does not exist",
    moic: null,
    moic_note: "no cash invested",
    payback_year: null,
    payback_note: "never negative: nothing to pay back",
  });
  const economic = evaluation.parties[1].views.economic;
  Object.assign(economic, {
    irr: null,
    irr_status: "no_root",
    irr_note: "no rate makes the flows' NPV zero",
    payback_year: null,
    payback_note: "not reached within the horizon",
  });
  return evaluation;
}

describe("missing metrics", () => {
  it("say 'no cash invested' where the engine finds a party that puts in no cash", () => {
    const evaluation = noCash();
    const maker = evaluation.parties[0].views;
    expect(maker.cash.irr_status).toBe("no_cash_invested");
    workspace.evaluation = evaluation;
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("irr-maker-cash")).toHaveTextContent(/^no cash invested$/);
    expect(screen.getByTestId("moic-maker-cash")).toHaveTextContent(/^no cash invested$/);
    expect(screen.getByTestId("npv-maker-cash")).toHaveTextContent(expectedAmount(maker.cash.npv));
    // The dealer's economic NPV is negative: a true minus sign.
    expect(screen.getByTestId("npv-dealer-economic")).toHaveTextContent(
      expectedAmount(evaluation.parties[1].views.economic.npv),
    );
    expect(screen.getByTestId("npv-dealer-economic").textContent).toMatch(/^−/);
  });

  it("say 'no cash invested' for a party that put no cash in", () => {
    workspace.evaluation = noCashMaker();
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("irr-maker-cash")).toHaveTextContent(/^no cash invested$/);
    expect(screen.getByTestId("moic-maker-cash")).toHaveTextContent(/^no cash invested$/);
    expect(screen.getByTestId("payback-maker-cash")).toHaveTextContent(/^nothing to pay back$/);
    // The economic view still has its figures.
    expect(screen.getByTestId("irr-maker-economic").textContent).toMatch(/\d+\.\d %/);
  });

  it("say 'no IRR' and 'not reached' as the engine's statuses say", () => {
    workspace.evaluation = noCashMaker();
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("irr-dealer-economic")).toHaveTextContent(/^no IRR$/);
    expect(screen.getByTestId("payback-dealer-economic")).toHaveTextContent(/^not reached$/);
  });

  it("are translated", () => {
    setLocale("zh-CN");
    workspace.evaluation = noCashMaker();
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("irr-maker-cash")).toHaveTextContent("未投入现金");
    expect(screen.getByTestId("payback-dealer-economic")).toHaveTextContent("期内未回收");
  });

  it("flag an ambiguous IRR and still show the chosen root", () => {
    const evaluation = kenya();
    Object.assign(evaluation.parties[1].views.cash, {
      irr: "0.12",
      irr_status: "ambiguous",
      irr_roots: ["0.12", "0.85"],
    });
    workspace.evaluation = evaluation;
    render(ResultsPanel);
    flushSync();
    const cell = screen.getByTestId("irr-dealer-cash");
    expect(cell).toHaveTextContent("12.0 % several");
    expect(cell.querySelector("[title]")?.getAttribute("title")).toContain("12.0 %, 85.0 %");
  });
});
