import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { openDeal } from "./actions";
import { session } from "./session.svelte";
import { handleShortcut } from "./shortcuts";
import { KENYA_TEXT, backend, resetState } from "./test-support";

beforeEach(resetState);
afterEach(resetState);

function press(init: KeyboardEventInit, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  handleShortcut(event);
  return event;
}

describe("keyboard shortcuts", () => {
  it("undo and redo act on the whole deal, and the browser's own undo is prevented", () => {
    backend();
    openDeal(JSON.parse(KENYA_TEXT));
    workspace.set("agreements.distribution.dealer_margin", "0.14");
    expect(workspace.get("agreements.distribution.dealer_margin")).toBe("0.14");

    const undo = press({ key: "z", ctrlKey: true });
    expect(undo.defaultPrevented).toBe(true);
    expect(workspace.get("agreements.distribution.dealer_margin")).toBe("0.10");

    press({ key: "Z", ctrlKey: true, shiftKey: true });
    expect(workspace.get("agreements.distribution.dealer_margin")).toBe("0.14");
    press({ key: "z", ctrlKey: true });
    press({ key: "y", ctrlKey: true });
    expect(workspace.get("agreements.distribution.dealer_margin")).toBe("0.14");
  });

  it("leaves the keys to the browser inside a dialog and when no deal is open", () => {
    backend();
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const input = document.createElement("input");
    dialog.append(input);
    document.body.append(dialog);

    expect(press({ key: "z", ctrlKey: true }).defaultPrevented).toBe(false);
    openDeal(JSON.parse(KENYA_TEXT));
    workspace.set("name", "Kenya JV v2");
    expect(press({ key: "z", ctrlKey: true }, input).defaultPrevented).toBe(false);
    expect(workspace.deal?.name).toBe("Kenya JV v2");
    dialog.remove();
  });

  it("Ctrl+S opens Save version; not on a read-only version", () => {
    backend();
    openDeal(JSON.parse(KENYA_TEXT));
    expect(press({ key: "s", ctrlKey: true }).defaultPrevented).toBe(true);
    expect(session.saveOpen).toBe(true);
    session.saveOpen = false;
    openDeal(JSON.parse(KENYA_TEXT), { dealId: "d", version: 1, readOnly: true });
    press({ key: "s", ctrlKey: true });
    expect(session.saveOpen).toBe(false);
  });
});

describe("edit-to-results measure", () => {
  it("records the time from an edit to the repainted results", async () => {
    backend();
    render(App);
    await fireEvent.click(await screen.findByTestId("example-kenya-e3w-ckd"));
    await screen.findByTestId("deal-workspace");
    await waitFor(() => expect(workspace.stale).toBe(false));
    expect(window.__jvLastEditToResultsMs).toBeUndefined();

    workspace.set("agreements.distribution.dealer_margin", "0.14");
    await waitFor(() => expect(window.__jvLastEditToResultsMs).toBeTypeOf("number"));
    expect(window.__jvLastEditToResultsMs).toBeGreaterThanOrEqual(0);
    expect(screen.getByTestId("edit-to-results")).toHaveTextContent(/results updated in \d+ ms/);
  });
});
