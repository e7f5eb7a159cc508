// Governance terms under Equity: board seats per party, reserved matters and the clauses,
// each an undoable edit of the deal; empty by default and dropped from nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import Editor from "./Editor.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { sectionOf } from "./section-ids";
import { loadKenya, resetEditorWorkspace } from "./test-support";

beforeEach(loadKenya);
afterEach(resetEditorWorkspace);

async function openEquity() {
  await fireEvent.click(screen.getByTestId("section-equity"));
  flushSync();
}

function field(path: string): HTMLInputElement {
  return screen.getByTestId(`field-${path}`) as HTMLInputElement;
}

describe("governance", () => {
  it("shows the Kenya example's board, reserved matters and clauses under Equity", async () => {
    render(Editor);
    await openEquity();
    expect(field("governance.board_seats[1].seats").value).toBe("3");
    expect(screen.getByTestId("board-total")).toHaveTextContent("Board of 5");
    expect(field("governance.reserved_matters[0]").value).toBe("Annual budget and business plan");
    expect(field("governance.deadlock").value).toMatch(/^Escalation to both chairmen/);
    expect(sectionOf("governance.non_compete")).toBe("equity");
  });

  it("adds seats for the party without any and a reserved matter, and undoes them", async () => {
    const deal = workspace.deal as any;
    deal.governance.board_seats.pop();
    render(Editor);
    await openEquity();
    await fireEvent.click(screen.getByTestId("add-governance.board_seats"));
    flushSync();
    expect((workspace.deal as any).governance.board_seats[1]).toEqual({ party: "dealer", seats: 1 });
    await fireEvent.click(screen.getByTestId("add-governance.reserved_matters"));
    flushSync();
    await fireEvent.input(field("governance.reserved_matters[4]"), { target: { value: "Hiring the CEO" } });
    flushSync();
    expect((workspace.deal as any).governance.reserved_matters[4]).toBe("Hiring the CEO");
    workspace.undo();
    workspace.undo();
    flushSync();
    expect((workspace.deal as any).governance.reserved_matters).toHaveLength(4);
  });

  it("creates the block on a deal that has none when a clause is typed", async () => {
    delete (workspace.deal as any).governance;
    render(Editor);
    await openEquity();
    expect(screen.queryByTestId("board-total")).toBeNull();
    await fireEvent.input(field("governance.exit_options"), { target: { value: "Put at fair value from year 5" } });
    flushSync();
    expect((workspace.deal as any).governance).toEqual({ exit_options: "Put at fair value from year 5" });
  });
});
