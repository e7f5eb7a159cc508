// End to end through the shared workspace: an edit is evaluated by the (mock) backend and
// the pane follows: dimmed while it waits, the new figures and the NPV change after.
import { afterEach, describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { flushSync, tick } from "svelte";
import ResultsPanel from "./ResultsPanel.svelte";
import type { Deal, EvaluateOutcome } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";
import { expectedAmount, kenya, resetWorkspace } from "./fixture";

afterEach(() => {
  clearMocks();
  workspace.close();
  resetWorkspace();
});

async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await tick();
  }
  flushSync();
}

describe("results through the workspace", () => {
  it("show the engine's outcome, then each NPV's change after an edit", async () => {
    const first = kenya();
    const second = kenya();
    second.parties[1].views.cash.npv = String(Number(first.parties[1].views.cash.npv) + 120400);
    const answers: EvaluateOutcome[] = [
      { status: "evaluated", evaluation: first, data_age: [] },
      { status: "evaluated", evaluation: second, data_age: [] },
    ];
    let release: () => void = () => {};
    mockIPC(async (cmd) => {
      if (cmd === "evaluate_deal") {
        // The second answer waits, so the test can see the pane while it is stale.
        if (answers.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return answers.shift();
      }
      if (cmd === "save_draft") return null;
      throw new Error(`unexpected command ${cmd}`);
    });

    render(ResultsPanel);
    workspace.load({ name: "Kenya" } as unknown as Deal);
    await settle();
    expect(screen.getByTestId("npv-dealer-cash")).toHaveTextContent(expectedAmount(first.parties[1].views.cash.npv));
    expect(screen.getByTestId("results-body")).not.toHaveClass("stale");

    workspace.set("name", "Kenya, revised");
    await settle();
    expect(screen.getByTestId("results-body")).toHaveClass("stale");
    expect(screen.getByTestId("results-stale-note")).toHaveTextContent("updating…");

    release();
    await settle();
    expect(screen.getByTestId("results-body")).not.toHaveClass("stale");
    expect(screen.getByTestId("npv-dealer-cash")).toHaveTextContent(expectedAmount(second.parties[1].views.cash.npv));
    expect(screen.getByTestId("npv-delta-dealer-cash")).toHaveTextContent("▲ +120,400");
  });
});
