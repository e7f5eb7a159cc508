// The memo view against a mock backend: the options reach the commands, the preview's pages
// are shown, and each export goes through the save dialog with progress and a result.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import MemoView from "./MemoView.svelte";
import type { EvaluateOutcome, MemoProgress, WrittenFile } from "../lib/bindings";
import { setLocale } from "../lib/i18n/index.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import { kenyaDeal, resetEditorWorkspace, settle } from "../editor/test-support";
import { defaultFileName, formatBytes, svgSource } from "./exports";
import { memoView } from "./memo-view.svelte";

type Handler = (args: Record<string, unknown>) => unknown;
let handlers: Record<string, Handler> = {};
let calls: { cmd: string; args: Record<string, unknown> }[] = [];

const page = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842"><title>page ${n}</title></svg>`;
const SIX_PAGES = [1, 2, 3, 4, 5, 6].map(page);

function previews() {
  return calls.filter((c) => c.cmd === "memo_preview");
}

beforeEach(async () => {
  calls = [];
  handlers = { memo_preview: () => SIX_PAGES };
  memoView.lang = "en";
  memoView.status = "draft";
  memoView.open = true;
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === "evaluate_deal") return JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome;
    if (cmd === "save_draft") return null;
    const handler = handlers[cmd];
    if (!handler) throw { code: "internal", message: `unexpected command ${cmd}`, fields: [] };
    return handler(a);
  });
  workspace.load(kenyaDeal());
  await settle();
});

afterEach(() => {
  clearMocks();
  resetEditorWorkspace();
  setLocale("en");
});

async function shown(count: number) {
  await waitFor(() => expect(screen.getAllByRole("img")).toHaveLength(count));
}

describe("memo preview", () => {
  it("sets the preview on open with the chosen options and shows each page as an image", async () => {
    render(MemoView);
    await shown(6);
    expect(previews()).toHaveLength(1);
    expect(previews()[0].args).toMatchObject({ lang: "en", status: "draft", date: null, dealJson: workspace.json() });
    const first = screen.getByTestId("memo-page-1") as HTMLImageElement;
    expect(first.getAttribute("src")).toBe(svgSource(SIX_PAGES[0]));
    expect(first.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(first).toHaveAccessibleName("Memo page 1 of 6");
    expect(screen.getByTestId("memo-page-count")).toHaveTextContent("6 pages");
  });

  it("sets it again when the language or status changes, once per pause", async () => {
    render(MemoView);
    await shown(6);
    await fireEvent.click(screen.getByTestId("memo-lang-zh"));
    await fireEvent.click(screen.getByTestId("memo-lang-en_zh"));
    await fireEvent.click(screen.getByTestId("memo-status-final"));
    await waitFor(() => expect(previews()).toHaveLength(2));
    expect(previews()[1].args).toMatchObject({ lang: "en_zh", status: "final" });
    expect(screen.getByTestId("memo-lang-en_zh")).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("memo-status-final")).toHaveAttribute("aria-checked", "true");
  });

  it("shows progress from the channel while the pages are set", async () => {
    let channel: Channel<MemoProgress> | null = null;
    let finish: (pages: string[]) => void = () => {};
    handlers.memo_preview = (args) => {
      channel = args.onProgress as Channel<MemoProgress>;
      return new Promise((resolve) => (finish = resolve));
    };
    render(MemoView);
    await waitFor(() => expect(channel).not.toBeNull());
    channel!.onmessage({ stage: "setting_pages", fraction: 0.2 });
    await settle();
    expect(screen.getByTestId("memo-preview-progress")).toHaveAttribute("aria-valuenow", "20");
    expect(screen.getByTestId("memo-preview-stage")).toHaveTextContent("Setting the pages…");
    expect(screen.getByTestId("memo-refresh")).toBeDisabled();
    finish(SIX_PAGES.slice(0, 5));
    await shown(5);
    expect(screen.queryByTestId("memo-preview-progress")).toBeNull();
  });

  it("marks the preview stale when the deal changes, until it is refreshed", async () => {
    render(MemoView);
    await shown(6);
    workspace.set("name", "Kenya JV, revised");
    await settle();
    expect(screen.getByTestId("memo-stale")).toHaveTextContent("The deal has changed since this preview");
    await fireEvent.click(screen.getByTestId("memo-refresh"));
    await waitFor(() => expect(screen.queryByTestId("memo-stale")).toBeNull());
    expect(JSON.parse(String(previews()[1].args.dealJson)).name).toBe("Kenya JV, revised");
  });

  it("shows the deal's field errors when it is invalid", async () => {
    handlers.memo_preview = () => {
      throw {
        code: "invalid_deal",
        message: "the deal has 1 invalid field(s)",
        fields: [{ path: "agreements.distribution.dealer_margin", message: "must be between 0 and 1" }],
      };
    };
    render(MemoView);
    const alert = await screen.findByTestId("memo-preview-error");
    expect(alert).toHaveTextContent("the deal has 1 invalid field(s)");
    expect(alert).toHaveTextContent("agreements.distribution.dealer_margin: must be between 0 and 1");
    expect(alert).toHaveTextContent("Fix these fields in the editor");
  });

  it("tells the user to install a Chinese font when none is installed", async () => {
    handlers.memo_preview = (args) => {
      if (args.lang === "en") return SIX_PAGES;
      throw { code: "no_cjk_font", message: "no installed font covers Chinese, which this memo (zh) is written in; install fonts-noto-cjk", fields: [] };
    };
    render(MemoView);
    await shown(6);
    await fireEvent.click(screen.getByTestId("memo-lang-zh"));
    const alert = await screen.findByTestId("memo-preview-error");
    expect(alert).toHaveTextContent("no installed font covers Chinese");
    expect(alert).toHaveTextContent("sudo apt install fonts-noto-cjk");
  });
});

describe("memo exports", () => {
  it("asks where to save the PDF, exports with the options and shows where it went", async () => {
    let channel: Channel<MemoProgress> | null = null;
    let finish: (file: WrittenFile) => void = () => {};
    handlers["plugin:dialog|save"] = () => "/home/ana/memos/kenya.pdf";
    handlers.export_memo = (args) => {
      channel = args.onProgress as Channel<MemoProgress>;
      return new Promise((resolve) => (finish = resolve));
    };
    render(MemoView);
    await shown(6);
    await fireEvent.click(screen.getByTestId("memo-status-final"));
    await fireEvent.click(screen.getByTestId("memo-export-pdf"));
    await waitFor(() => expect(channel).not.toBeNull());
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")!.args.options as Record<string, unknown>;
    expect(dialog.defaultPath).toBe(`${kenyaDeal().name}.pdf`);
    expect(dialog.filters).toEqual([{ name: "PDF", extensions: ["pdf"] }]);
    expect(calls.find((c) => c.cmd === "export_memo")!.args).toMatchObject({
      lang: "en",
      status: "final",
      format: "pdf",
      path: "/home/ana/memos/kenya.pdf",
      date: null,
    });
    channel!.onmessage({ stage: "writing", fraction: 0.9 });
    await settle();
    expect(screen.getByTestId("memo-export-progress")).toHaveAttribute("aria-valuenow", "90");
    expect(screen.getByTestId("memo-export-stage")).toHaveTextContent("Writing the file…");
    expect(screen.getByTestId("memo-export-docx")).toBeDisabled();
    finish({ path: "/home/ana/memos/kenya.pdf", bytes: 412_345 });
    const done = await screen.findByTestId("memo-export-done");
    expect(done).toHaveTextContent("Saved /home/ana/memos/kenya.pdf (412 kB)");
    expect(screen.queryByTestId("memo-export-progress")).toBeNull();
  });

  it("exports the Excel model without the memo's options", async () => {
    handlers["plugin:dialog|save"] = () => "/tmp/model.xlsx";
    handlers.export_xlsx = () => ({ path: "/tmp/model.xlsx", bytes: 2_100_000 });
    render(MemoView);
    await shown(6);
    await fireEvent.click(screen.getByTestId("memo-export-xlsx"));
    expect(await screen.findByTestId("memo-export-done")).toHaveTextContent("Saved /tmp/model.xlsx (2.1 MB)");
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")!.args.options as Record<string, unknown>;
    expect(dialog.filters).toEqual([{ name: "Excel", extensions: ["xlsx"] }]);
    expect(Object.keys(calls.find((c) => c.cmd === "export_xlsx")!.args).sort()).toEqual(["dealJson", "onProgress", "path"]);
  });

  it("does nothing when the save dialog is cancelled", async () => {
    handlers["plugin:dialog|save"] = () => null;
    render(MemoView);
    await shown(6);
    await fireEvent.click(screen.getByTestId("memo-export-docx"));
    await settle();
    expect(calls.some((c) => c.cmd === "plugin:dialog|save")).toBe(true);
    expect(calls.some((c) => c.cmd === "export_memo")).toBe(false);
    expect(screen.queryByTestId("memo-export-progress")).toBeNull();
    expect(screen.queryByTestId("memo-export-done")).toBeNull();
    expect(screen.queryByTestId("memo-export-error")).toBeNull();
  });

  it("shows the error when the file cannot be written", async () => {
    handlers["plugin:dialog|save"] = () => "/read-only/memo.md";
    handlers.export_memo = () => {
      throw { code: "write_failed", message: "cannot write /read-only/memo.md: Permission denied (os error 13)", fields: [] };
    };
    render(MemoView);
    await shown(6);
    await fireEvent.click(screen.getByTestId("memo-export-md"));
    const alert = await screen.findByTestId("memo-export-error");
    expect(alert).toHaveTextContent("cannot write /read-only/memo.md: Permission denied");
    expect(calls.find((c) => c.cmd === "export_memo")!.args.format).toBe("md");
    expect(screen.getByTestId("memo-export-md")).not.toBeDisabled();
  });
});

describe("export helpers", () => {
  it("names the file after the deal, without characters file systems refuse", () => {
    expect(defaultFileName("Kenya e-3W CKD JV", "docx")).toBe("Kenya e-3W CKD JV.docx");
    expect(defaultFileName('A/B: "JV" <2026>?', "pdf")).toBe("A B JV 2026.pdf");
    expect(defaultFileName("  ..  ", "md")).toBe("deal.md");
    expect(defaultFileName("肯尼亚合资", "xlsx")).toBe("肯尼亚合资.xlsx");
  });

  it("writes sizes for people", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(340_499)).toBe("340 kB");
    expect(formatBytes(1_234_567)).toBe("1.2 MB");
  });
});
