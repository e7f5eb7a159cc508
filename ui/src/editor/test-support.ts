// Test helpers for the editor: the Kenya example loaded into the shared workspace, with a
// mock backend that answers evaluate_deal with the engine's real Kenya outcome (or with
// field errors a test chooses) and records every save_draft.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { flushSync, tick } from "svelte";
import type { Deal, EvaluateOutcome, FieldError } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import { presetDefaults } from "../markets/test-support";
import { analysisDefaults } from "../analysis/mocks";

export const backend = {
  /** Field errors the next evaluations report; empty means the Kenya results. */
  errors: [] as FieldError[],
  evaluations: 0,
  drafts: [] as string[],
};

/** The Kenya example as a fresh deal object. */
export function kenyaDeal(): Deal {
  // Vitest runs from ui/ (npm test) or from the repository root.
  const file = ["../examples", "examples"]
    .map((dir) => resolve(process.cwd(), dir, "kenya-e3w-ckd.jvdeal"))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error("examples/kenya-e3w-ckd.jvdeal not found from " + process.cwd());
  return JSON.parse(readFileSync(file, "utf8")) as Deal;
}

/** Installs the mock backend and opens the Kenya example; resolves once it is evaluated. */
export async function loadKenya(): Promise<void> {
  backend.errors = [];
  backend.evaluations = 0;
  backend.drafts = [];
  mockIPC((cmd, args) => {
    if (cmd === "evaluate_deal") {
      backend.evaluations += 1;
      const outcome: EvaluateOutcome = backend.errors.length
        ? { status: "invalid", errors: backend.errors }
        : (JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome);
      return outcome;
    }
    if (cmd === "save_draft") {
      backend.drafts.push(String((args as { dealJson: string }).dealJson));
      return null;
    }
    // The Market section's preset picker (issue 4) asks for the shipped presets.
    const presetAnswer = presetDefaults()[cmd];
    if (presetAnswer) return presetAnswer(args);
    // The Analysis section's commands.
    const analysisAnswer = analysisDefaults()[cmd];
    if (analysisAnswer) return analysisAnswer(args);
    throw new Error(`unexpected command ${cmd}`);
  });
  workspace.load(kenyaDeal());
  await settle();
}

/** Lets the background evaluation answer and the DOM catch up. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await tick();
  }
  flushSync();
}

export function resetEditorWorkspace(): void {
  workspace.close();
  workspace.errors = [];
  workspace.stale = false;
  workspace.focusRequest = null;
  workspace.readOnly = false;
  clearMocks();
}
