// What the top bar, the home screen and the versions drawer do to the open deal. Every
// command failure goes to the error dialog; nothing the user typed is dropped: leaving a
// deal with unsaved changes asks first and keeps them as a draft.
import { open as openFileDialog, save as saveFileDialog } from "@tauri-apps/plugin-dialog";
import type { Deal, VersionMeta } from "../lib/bindings";
import { api } from "../lib/api";
import { t } from "../lib/i18n/index.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { confirmAction } from "./confirm.svelte";
import { showError } from "./errors.svelte";
import { forgetEdit } from "./measure";
import { parseDeal, session } from "./session.svelte";

const DEAL_FILTER = { name: "JV deal", extensions: ["jvdeal", "json"] };

type OpenOptions = {
  dealId?: string | null;
  version?: number | null;
  savedAt?: string | null;
  readOnly?: boolean;
  /** The deal is not what is saved (a recovered draft, an import). */
  dirty?: boolean;
  fileName?: string | null;
};

/** Puts a deal in the workspace and remembers what the top bar shows about it. */
export function openDeal(deal: Deal, options: OpenOptions = {}): void {
  forgetEdit(workspace.lastEditAt);
  workspace.load(deal, {
    dealId: options.dealId ?? null,
    version: options.version ?? null,
    readOnly: options.readOnly ?? false,
  });
  if (options.dirty) workspace.dirty = true;
  session.savedAt = options.savedAt ?? null;
  session.fileName = options.fileName ?? null;
  session.versionsOpen = false;
  session.galleryOpen = false;
}

/** Keeps the editor's state in the database now rather than after the autosave delay. */
async function flushDraft(): Promise<void> {
  if (!workspace.deal || !workspace.dirty || workspace.readOnly) return;
  await api.saveDraft(workspace.dealId, workspace.json()).catch(() => {});
}

/** Before replacing the open deal: asks when it has unsaved changes. False: stay. */
export async function leaveDeal(): Promise<boolean> {
  // The working deal may be put aside while an old version is viewed; it was kept as a
  // draft then, but leaving still deserves the question.
  const unsaved = (workspace.dirty && !workspace.readOnly) || (session.stash?.dirty ?? false);
  if (workspace.deal && unsaved) {
    const leave = await confirmAction({
      title: t("shell.leave.title"),
      message: t("shell.leave.message", { name: workspace.deal.name }),
      confirmLabel: t("shell.leave.confirm"),
      cancelLabel: t("shell.leave.cancel"),
    });
    if (!leave) return false;
    await flushDraft();
  }
  return true;
}

/** Back to the home screen. */
export async function goHome(): Promise<void> {
  if (!(await leaveDeal())) return;
  workspace.close();
  workspace.readOnly = false;
  session.stash = null;
  session.savedAt = null;
  session.fileName = null;
  session.versionsOpen = false;
  session.listNonce++;
}

/** Opens the newest version of a saved deal. */
export async function openSavedDeal(dealId: string): Promise<boolean> {
  try {
    const record = await api.latestVersion(dealId);
    openDeal(record.deal, {
      dealId,
      version: record.meta.number,
      savedAt: record.meta.saved_at,
    });
    session.stash = null;
    return true;
  } catch (thrown) {
    showError(thrown);
    return false;
  }
}

/** Opens deal text (an example, the blank deal) as a new, unsaved deal. */
export async function openNewDeal(dealJson: string): Promise<boolean> {
  if (!(await leaveDeal())) return false;
  try {
    openDeal(parseDeal(dealJson));
    session.stash = null;
    return true;
  } catch (thrown) {
    showError(thrown);
    return false;
  }
}

/** Saves the open deal: a new deal becomes version 1, a saved one gets the next version. */
export async function saveVersion(note: string): Promise<VersionMeta | null> {
  if (!workspace.deal || workspace.readOnly) return null;
  const trimmed = note.trim() === "" ? null : note.trim();
  try {
    const json = workspace.json();
    const meta = workspace.dealId
      ? await api.saveVersion(workspace.dealId, json, trimmed)
      : await api.createDeal(json, trimmed);
    workspace.saved(meta.deal_id, meta.number);
    session.savedAt = meta.saved_at;
    session.listNonce++;
    // The draft is now a version.
    await api.discardDraft(meta.deal_id).catch(() => {});
    return meta;
  } catch (thrown) {
    showError(thrown);
    return null;
  }
}

/** Picks a .jvdeal file and opens it as a new, unsaved deal. */
export async function importDeal(): Promise<boolean> {
  try {
    const picked = await openFileDialog({ multiple: false, directory: false, filters: [DEAL_FILTER] });
    const path = Array.isArray(picked) ? picked[0] : picked;
    if (!path) return false;
    return await importDealFrom(path);
  } catch (thrown) {
    showError(thrown);
    return false;
  }
}

/** Opens the .jvdeal file at `path` (picked, or given on the command line) as a new,
 *  unsaved deal; a file that cannot be read or is invalid is reported in a dialog. */
export async function importDealFrom(path: string): Promise<boolean> {
  try {
    const imported = await api.importDealFile(path);
    if (!(await leaveDeal())) return false;
    openDeal(parseDeal(imported.deal_json), { dirty: true, fileName: imported.file_name });
    session.stash = null;
    return true;
  } catch (thrown) {
    showError(thrown);
    return false;
  }
}

/** Writes the open deal to a .jvdeal file the user picks. */
export async function exportDeal(): Promise<boolean> {
  if (!workspace.deal) return false;
  try {
    const safeName = workspace.deal.name.replace(/[\\/:*?"<>|]+/g, " ").trim() || "deal";
    const path = await saveFileDialog({ defaultPath: `${safeName}.jvdeal`, filters: [DEAL_FILTER] });
    if (!path) return false;
    await api.exportDealFile(path, workspace.json());
    return true;
  } catch (thrown) {
    showError(thrown);
    return false;
  }
}

/** Shows an old version read-only, keeping the working deal aside. */
export async function viewVersion(number: number): Promise<void> {
  const dealId = workspace.dealId;
  if (!dealId || !workspace.deal) return;
  try {
    const record = await api.openVersion(dealId, number);
    if (!workspace.readOnly) {
      await flushDraft();
      session.stash = {
        json: workspace.json(),
        dealId,
        version: workspace.version,
        savedAt: session.savedAt,
        dirty: workspace.dirty,
      };
    }
    const stash = session.stash;
    openDeal(record.deal, { dealId, version: record.meta.number, savedAt: record.meta.saved_at, readOnly: true });
    session.stash = stash;
  } catch (thrown) {
    showError(thrown);
  }
}

/** Leaves read-only viewing: the working deal as it was, unsaved changes included. */
export async function backToLatest(): Promise<void> {
  const stash = session.stash;
  if (stash) {
    openDeal(parseDeal(stash.json), {
      dealId: stash.dealId,
      version: stash.version,
      savedAt: stash.savedAt,
      dirty: stash.dirty,
    });
    session.stash = null;
  } else if (workspace.dealId) {
    await openSavedDeal(workspace.dealId);
  }
}

/** Saves an old version again as the newest and opens it. */
export async function restoreVersion(number: number): Promise<void> {
  const dealId = workspace.dealId;
  if (!dealId) return;
  const unsaved = session.stash?.dirty || (!workspace.readOnly && workspace.dirty);
  if (unsaved) {
    const go = await confirmAction({
      title: t("shell.restore.title", { number }),
      message: t("shell.restore.message"),
      confirmLabel: t("shell.restore.confirm"),
      cancelLabel: t("shell.leave.cancel"),
    });
    if (!go) return;
    await flushDraft();
  }
  try {
    await api.restoreVersion(dealId, number, t("shell.restore.note", { number }));
    session.listNonce++;
    await openSavedDeal(dealId);
  } catch (thrown) {
    showError(thrown);
  }
}
