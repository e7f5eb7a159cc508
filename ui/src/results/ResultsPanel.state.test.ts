// Before any result, while recomputing, and while the deal has errors.
import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import ResultsPanel from "./ResultsPanel.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { kenya, resetWorkspace } from "./fixture";

afterEach(resetWorkspace);

describe("results panel states", () => {
  it("is calm and empty before any evaluation", () => {
    render(ResultsPanel);
    expect(screen.getByTestId("results-empty")).toHaveTextContent("No results yet");
    expect(screen.queryByTestId("results-body")).toBeNull();
    expect(screen.queryByTestId("results-stale-note")).toBeNull();
  });

  it("dims stale results with an 'updating…' note, never hides them", () => {
    workspace.evaluation = kenya();
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("results-body")).not.toHaveClass("stale");

    workspace.stale = true;
    flushSync();
    const body = screen.getByTestId("results-body");
    expect(body).toHaveClass("stale");
    expect(body).toBeVisible();
    expect(screen.getByTestId("npv-maker-cash")).toBeInTheDocument();
    expect(screen.getByTestId("results-stale-note")).toHaveTextContent("updating…");
  });

  it("asks to fix the errors, counts them and links to the first", () => {
    workspace.evaluation = kenya();
    workspace.stale = true;
    workspace.errors = [
      { path: "parties[1].discount_rate", message: "The discount rate must be above −100 %." },
      { path: "horizon_years", message: "The horizon is 1 to 30 years." },
    ];
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("results-stale-note")).toHaveTextContent("fix 2 errors to update");
    expect(screen.getByTestId("results-errors")).toHaveTextContent("2 field errors");
    fireEvent.click(screen.getByTestId("results-first-error"));
    expect(workspace.focusRequest?.path).toBe("parties[1].discount_rate");
  });

  it("shows the errors even before the first valid evaluation", () => {
    workspace.stale = true;
    workspace.errors = [{ path: "market.fx_spot", message: "The FX rate must be positive." }];
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("results-empty")).toBeInTheDocument();
    expect(screen.getByTestId("results-stale-note")).toHaveTextContent("fix 1 error to update");
    fireEvent.click(screen.getByTestId("results-first-error"));
    expect(workspace.focusRequest?.path).toBe("market.fx_spot");
  });
});
