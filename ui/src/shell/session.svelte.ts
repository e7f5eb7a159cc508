// The shell's own state, beside the workspace: what the app knows about itself and which
// panels are open. The workspace holds the deal; this holds everything around it.
import type { AppStatus, Deal } from "../lib/bindings";

/** The working deal put aside while an old version is viewed read-only. */
export type Stash = {
  json: string;
  dealId: string | null;
  version: number | null;
  savedAt: string | null;
  dirty: boolean;
};

class Session {
  /** The app's version and database, once known. */
  status = $state<AppStatus | null>(null);
  /** When the open version was saved (ISO 8601), for the top bar. */
  savedAt = $state<string | null>(null);
  /** Where an imported deal came from, for the title. */
  fileName = $state<string | null>(null);
  /** Large amounts in 万 / 亿 (Chinese UI only). */
  chineseUnits = $state(false);
  /** Which overlays are open. */
  versionsOpen = $state(false);
  saveOpen = $state(false);
  galleryOpen = $state(false);
  /** Last edit-to-repaint duration, ms. */
  lastEditToResultsMs = $state<number | null>(null);
  /** The working deal while an old version is viewed. */
  stash = $state<Stash | null>(null);
  /** Bumped to make the home list reload. */
  listNonce = $state(0);
}

export const session = new Session();

/** Parses deal JSON text; throws a SyntaxError with the parser's message when broken. */
export function parseDeal(text: string): Deal {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SyntaxError("not a deal object");
  }
  return value as Deal;
}
