// The deal being edited and its live results: the one state the editor writes and the
// results panel reads. Edits are recorded for undo/redo; every edit schedules an
// evaluation in the background (latest edit wins, typing never waits) and a draft save.
import type { Deal, Evaluation, FieldError, StaleValue } from "../bindings";
import { api } from "../api";
import { getPath, setPath } from "./path";

/** How long edits to one field merge into a single undo step. */
const MERGE_MS = 800;
/** Autosave of the draft after the last edit. */
const DRAFT_MS = 1000;

type Snapshot = string;

export class Workspace {
  /** The deal as edited; decimals are strings, as in the file. */
  deal = $state<Deal | null>(null);
  /** Saved deal id, or null for a deal never saved. */
  dealId = $state<string | null>(null);
  /** Newest saved version number, when saved. */
  version = $state<number | null>(null);
  /** Viewing an old version: no edits. */
  readOnly = $state(false);
  /** Edits since the last save. */
  dirty = $state(false);
  /** Results of the last valid evaluation (kept, dimmed, while the deal is invalid). */
  evaluation = $state<Evaluation | null>(null);
  /** Field errors of the last evaluation. */
  errors = $state<FieldError[]>([]);
  /** Market values older than 12 months, from the last valid evaluation. */
  dataAge = $state<StaleValue[]>([]);
  /** Results do not reflect the latest edit yet. */
  stale = $state(false);
  /** A request to show a field: the editor switches section and focuses it. */
  focusRequest = $state<{ path: string; nonce: number } | null>(null);
  /** performance.now() of the last edit, for the edit-to-repaint measure. */
  lastEditAt = 0;
  /** Counts undo steps: keystrokes merged into one step share a number, so a change
   *  indicator can compare with the results from before the step, not the last keystroke. */
  editStep = 0;

  #undo: Snapshot[] = [];
  #redo: Snapshot[] = [];
  #lastPath = "";
  #lastEditTime = 0;
  #inFlight = false;
  #pending = false;
  #draftTimer: ReturnType<typeof setTimeout> | null = null;
  /** Undo/redo availability, reactive. */
  canUndo = $state(false);
  canRedo = $state(false);

  /** Opens a deal in the editor. */
  load(deal: Deal, options: { dealId?: string | null; version?: number | null; readOnly?: boolean } = {}) {
    this.deal = deal;
    this.dealId = options.dealId ?? null;
    this.version = options.version ?? null;
    this.readOnly = options.readOnly ?? false;
    this.dirty = false;
    this.evaluation = null;
    this.errors = [];
    this.dataAge = [];
    this.#undo = [];
    this.#redo = [];
    this.#syncHistory();
    this.evaluate();
  }

  /** Closes the deal. */
  close() {
    this.deal = null;
    this.dealId = null;
    this.version = null;
    this.evaluation = null;
    this.errors = [];
    this.dataAge = [];
  }

  /** The value at a field path. */
  get(path: string): unknown {
    return getPath(this.deal, path);
  }

  /** Changes one field (or subtree); undefined removes an optional field. */
  set(path: string, value: unknown) {
    if (!this.deal || this.readOnly) return;
    const now = Date.now();
    if (path !== this.#lastPath || now - this.#lastEditTime > MERGE_MS) {
      this.#undo.push(this.#snapshot());
      this.#redo = [];
      this.editStep += 1;
    }
    this.#lastPath = path;
    this.#lastEditTime = now;
    setPath(this.deal, path, value);
    this.#edited();
  }

  /** Replaces the whole deal as one undo step (add a party, switch a method…). */
  replace(deal: Deal) {
    if (this.readOnly) return;
    this.editStep += 1;
    this.#undo.push(this.#snapshot());
    this.#redo = [];
    this.#lastPath = "";
    this.deal = deal;
    this.#edited();
  }

  undo() {
    const previous = this.#undo.pop();
    if (previous === undefined) return;
    this.editStep += 1;
    this.#redo.push(this.#snapshot());
    this.deal = JSON.parse(previous);
    this.#lastPath = "";
    this.#edited();
  }

  redo() {
    const next = this.#redo.pop();
    if (next === undefined) return;
    this.editStep += 1;
    this.#undo.push(this.#snapshot());
    this.deal = JSON.parse(next);
    this.#lastPath = "";
    this.#edited();
  }

  /** Field errors at exactly this path. */
  errorsAt(path: string): FieldError[] {
    return this.errors.filter((error) => error.path === path);
  }

  /** Asks the editor to show a field. */
  focus(path: string) {
    this.focusRequest = { path, nonce: (this.focusRequest?.nonce ?? 0) + 1 };
  }

  /** The deal as JSON text, as the commands take it. */
  json(): string {
    return this.#snapshot();
  }

  /** Marks the deal saved as `version`. */
  saved(dealId: string, version: number) {
    this.dealId = dealId;
    this.version = version;
    this.dirty = false;
  }

  /** Evaluates now, or right after the request in flight (latest state wins). */
  evaluate() {
    if (!this.deal) return;
    this.stale = true;
    if (this.#inFlight) {
      this.#pending = true;
      return;
    }
    this.#inFlight = true;
    const json = this.#snapshot();
    api
      .evaluateDeal(json)
      .then((outcome) => {
        if (outcome.status === "evaluated") {
          this.evaluation = outcome.evaluation;
          this.dataAge = outcome.data_age ?? [];
          this.errors = [];
        } else {
          this.errors = outcome.errors;
        }
      })
      .catch((thrown) => {
        this.errors = [{ path: "", message: thrown instanceof Error ? thrown.message : String(thrown) }];
      })
      .finally(() => {
        this.#inFlight = false;
        if (this.#pending) {
          this.#pending = false;
          this.evaluate();
        } else {
          this.stale = this.errors.length > 0;
        }
      });
  }

  #snapshot(): Snapshot {
    return JSON.stringify($state.snapshot(this.deal));
  }

  #syncHistory() {
    this.canUndo = this.#undo.length > 0;
    this.canRedo = this.#redo.length > 0;
  }

  #edited() {
    this.dirty = true;
    this.lastEditAt = typeof performance !== "undefined" ? performance.now() : 0;
    this.#syncHistory();
    this.evaluate();
    this.#scheduleDraft();
  }

  #scheduleDraft() {
    if (this.#draftTimer) clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => {
      this.#draftTimer = null;
      if (this.deal && this.dirty) void api.saveDraft(this.dealId, this.#snapshot()).catch(() => {});
    }, DRAFT_MS);
  }
}

/** The app's one workspace. */
export const workspace = new Workspace();
