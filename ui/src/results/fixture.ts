// Test helpers: the engine's real evaluation of the Kenya example, fresh for each use, and
// a way to put the shared workspace back as it starts.
import raw from "../../tests/fixtures/kenya-evaluation.json";
import rawNoCash from "../../tests/fixtures/no-cash-evaluation.json";
import type { EvaluateOutcome, Evaluation } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";

/** A deep copy of the Kenya example's evaluation (the fixture is the command's outcome). */
export function kenya(): Evaluation {
  return evaluationOf(raw);
}

/** The engine's evaluation of the Kenya example with a maker that puts in no cash. */
export function noCash(): Evaluation {
  return evaluationOf(rawNoCash);
}

function evaluationOf(fixture: unknown): Evaluation {
  const copy = JSON.parse(JSON.stringify(fixture)) as EvaluateOutcome | Evaluation;
  if (!("status" in copy)) return copy;
  if (copy.status !== "evaluated") throw new Error("the fixture is not an evaluated outcome");
  return copy.evaluation;
}

export function resetWorkspace() {
  workspace.evaluation = null;
  workspace.errors = [];
  workspace.stale = false;
  workspace.focusRequest = null;
}

/** "3,669,599": whole units, en-US separators, a true minus sign; an oracle independent of number.ts. */
export function expectedAmount(value: string): string {
  const rounded = Math.round(Number(value));
  const text = Math.abs(rounded).toLocaleString("en-US");
  return rounded < 0 ? `\u2212${text}` : text;
}

/** "45.3 %" from "0.453193". */
export function expectedPercent(fraction: string): string {
  return `${(Number(fraction) * 100).toFixed(1)} %`;
}
