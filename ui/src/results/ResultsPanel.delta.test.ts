// When an input changes, each party's NPV shows how much it moved, then fades.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import ResultsPanel from "./ResultsPanel.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { expectedAmount, kenya, resetWorkspace } from "./fixture";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  resetWorkspace();
});

/** A second evaluation: the maker's cash NPV up 120,400, the dealer's economic NPV down 5,000. */
function moved() {
  const evaluation = kenya();
  const maker = evaluation.parties[0].views.cash;
  maker.npv = String(Number(maker.npv) + 120400);
  const dealer = evaluation.parties[1].views.economic;
  dealer.npv = String(Number(dealer.npv) - 5000);
  return evaluation;
}

describe("NPV change indicator", () => {
  it("shows nothing on the first evaluation", () => {
    workspace.evaluation = kenya();
    render(ResultsPanel);
    flushSync();
    expect(screen.queryByTestId("npv-delta-maker-cash")).toBeNull();
  });

  it("shows each NPV's change after a new evaluation, green up and red down, then fades", () => {
    workspace.evaluation = kenya();
    render(ResultsPanel);
    flushSync();

    const next = moved();
    workspace.editStep += 1;
    workspace.evaluation = next;
    flushSync();

    const up = screen.getByTestId("npv-delta-maker-cash");
    expect(up).toHaveTextContent("▲ +120,400");
    expect(up).toHaveClass("up");
    expect(screen.getByTestId("npv-maker-cash")).toHaveTextContent(expectedAmount(next.parties[0].views.cash.npv));
    const down = screen.getByTestId("npv-delta-dealer-economic");
    expect(down).toHaveTextContent("▼ −5,000");
    expect(down).toHaveClass("down");
    // Unchanged NPVs show no change.
    expect(screen.queryByTestId("npv-delta-maker-economic")).toBeNull();
    expect(screen.queryByTestId("npv-delta-dealer-cash")).toBeNull();

    vi.advanceTimersByTime(2000);
    flushSync();
    expect(screen.getByTestId("npv-delta-maker-cash")).toHaveClass("fading");
    vi.advanceTimersByTime(600);
    flushSync();
    expect(screen.queryByTestId("npv-delta-maker-cash")).toBeNull();
  });

  it("compares with the figures from before the edit step, not the last keystroke", () => {
    workspace.evaluation = kenya();
    render(ResultsPanel);
    flushSync();

    // Typing "14" over "13": the "1" in between gives a wild result, then "14" settles.
    workspace.editStep += 1;
    const wild = kenya();
    wild.parties[0].views.cash.npv = String(Number(wild.parties[0].views.cash.npv) - 2_000_000);
    workspace.evaluation = wild;
    flushSync();
    expect(screen.getByTestId("npv-delta-maker-cash")).toHaveTextContent("▼ −2,000,000");

    workspace.evaluation = moved();
    flushSync();
    expect(screen.getByTestId("npv-delta-maker-cash")).toHaveTextContent("▲ +120,400");
  });

  it("starts afresh when another deal is opened", () => {
    workspace.evaluation = kenya();
    const { unmount } = render(ResultsPanel);
    flushSync();
    workspace.evaluation = null;
    flushSync();
    workspace.evaluation = moved();
    flushSync();
    expect(screen.queryByTestId("npv-delta-maker-cash")).toBeNull();
    unmount();
  });
});
