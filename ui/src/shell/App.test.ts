import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { locale } from "../lib/i18n/index.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { KENYA_ID, KENYA_TEXT, backend, dealList, resetState } from "./test-support";

beforeEach(resetState);
afterEach(resetState);

const VERSION_1 = { deal_id: KENYA_ID, number: 1, saved_at: "2025-11-03T14:02:41.507Z", note: "first terms", evaluated: true };

async function openKenyaFromGallery() {
  await fireEvent.click(await screen.findByTestId("example-kenya-e3w-ckd"));
  await screen.findByTestId("deal-workspace");
}

describe("app start", () => {
  it("shows a calm full-page message and the path when the database is newer", async () => {
    backend({
      app_status: () => ({
        version: "0.1.0",
        database_path: "/home/ana/.local/share/jv-studio/jv-studio.db",
        database_error: {
          code: "newer_database",
          message: "the database was written by JV Studio schema 7; this version reads up to 1",
          fields: [],
        },
      }),
    });
    render(App);
    const page = await screen.findByTestId("database-error");
    expect(page).toHaveTextContent("Update JV Studio to open it; your file was not changed.");
    expect(page).toHaveTextContent("schema 7");
    expect(screen.getByTestId("database-path")).toHaveTextContent("/home/ana/.local/share/jv-studio/jv-studio.db");
    expect(screen.queryByTestId("home")).toBeNull();
  });

  it("starts in the saved language", async () => {
    backend({ settings: () => ({ language: "zh-CN", chinese_units: true }) });
    render(App);
    await screen.findByTestId("home");
    expect(locale()).toBe("zh-CN");
    expect(screen.getByTestId("new-deal")).toHaveTextContent("新建交易");
    expect(screen.getByTestId("chinese-units")).toBeChecked();
  });

  it("offers a draft left by an earlier session and recovers it as unsaved changes", async () => {
    const draftDeal = JSON.parse(KENYA_TEXT);
    draftDeal.agreements.distribution.dealer_margin = "0.14";
    const mock = backend({
      drafts: () => [{ deal_id: KENYA_ID, saved_at: "2025-11-03T15:20:00.000Z", deal_json: JSON.stringify(draftDeal) }],
      latest_version: () => ({ meta: { ...VERSION_1, number: 3 }, deal: JSON.parse(KENYA_TEXT) }),
    });
    render(App);
    const prompt = await screen.findByTestId("draft-dialog");
    expect(prompt).toHaveTextContent("Recover unsaved changes to “Kenya e-three-wheeler CKD assembly JV” from");
    await fireEvent.click(within(prompt).getByTestId("draft-recover"));
    await waitFor(() => expect(workspace.deal?.agreements.distribution?.dealer_margin).toBe("0.14"));
    expect(workspace.dealId).toBe(KENYA_ID);
    expect(workspace.version).toBe(3);
    expect(workspace.dirty).toBe(true);
    expect(screen.getByTestId("save-state")).toHaveTextContent("v3 · unsaved changes");
    expect(mock.argsOf("discard_draft")).toEqual([]);
  });

  it("keeps a draft whose text is broken and says so", async () => {
    const mock = backend({
      drafts: () => [{ deal_id: null, saved_at: "2025-11-03T15:20:00.000Z", deal_json: '{"name": "Lagos pilot", "parties": [' }],
    });
    render(App);
    const prompt = await screen.findByTestId("draft-dialog");
    await fireEvent.click(within(prompt).getByTestId("draft-recover"));
    expect(await screen.findByTestId("draft-broken")).toHaveTextContent("This draft cannot be read");
    expect(workspace.deal).toBeNull();
    expect(mock.argsOf("discard_draft")).toEqual([]);
    await fireEvent.click(within(prompt).getByTestId("draft-discard"));
    await waitFor(() => expect(mock.argsOf("discard_draft")).toEqual([{ dealId: null }]));
  });
});

describe("language", () => {
  it("switches visible text to Chinese and persists the choice", async () => {
    const mock = backend({ settings: () => ({ language: null, chinese_units: false }) });
    render(App);
    await screen.findByTestId("home");
    expect(screen.getByTestId("new-deal")).toHaveTextContent("New deal");
    await fireEvent.change(screen.getByTestId("language-switch"), { target: { value: "zh-CN" } });
    expect(screen.getByTestId("new-deal")).toHaveTextContent("新建交易");
    expect(screen.getByRole("heading", { name: "交易" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("zh-CN");
    await waitFor(() => expect(mock.argsOf("set_setting")).toEqual([{ key: "language", value: "zh-CN" }]));

    // The 万 / 亿 toggle exists only in Chinese and is kept too.
    await fireEvent.click(screen.getByTestId("chinese-units"));
    await waitFor(() => expect(mock.argsOf("set_setting").at(-1)).toEqual({ key: "chinese_units", value: "true" }));
  });
});

describe("saving", () => {
  it("saves a new deal as version 1 with the note, then the next version under its id", async () => {
    const mock = backend({
      create_deal: (args) => ({ ...VERSION_1, note: args.note }),
      save_version: (args) => ({ ...VERSION_1, number: 2, note: args.note, saved_at: "2025-11-03T14:30:00.000Z" }),
    });
    render(App);
    await openKenyaFromGallery();
    expect(screen.getByTestId("save-state")).toHaveTextContent("not saved yet");

    // Ctrl+S opens the dialog.
    await fireEvent.keyDown(window, { key: "s", ctrlKey: true });
    const dialog = await screen.findByTestId("save-dialog");
    await fireEvent.input(within(dialog).getByTestId("save-note"), { target: { value: "first terms" } });
    await fireEvent.click(within(dialog).getByTestId("save-confirm"));
    await waitFor(() => expect(screen.queryByTestId("save-dialog")).toBeNull());
    expect(mock.argsOf("create_deal")).toHaveLength(1);
    expect(mock.argsOf("create_deal")[0].note).toBe("first terms");
    expect(JSON.parse(mock.argsOf("create_deal")[0].dealJson).name).toBe("Kenya e-three-wheeler CKD assembly JV");
    expect(workspace.dealId).toBe(KENYA_ID);
    expect(workspace.version).toBe(1);
    expect(screen.getByTestId("save-state")).toHaveTextContent(/^v1 · saved /);

    await fireEvent.click(screen.getByTestId("save-version"));
    const again = await screen.findByTestId("save-dialog");
    expect(again).toHaveTextContent("Save version 2");
    await fireEvent.click(within(again).getByTestId("save-confirm"));
    await waitFor(() => expect(mock.argsOf("save_version")).toHaveLength(1));
    expect(mock.argsOf("save_version")[0]).toMatchObject({ dealId: KENYA_ID, note: null });
    await waitFor(() => expect(workspace.version).toBe(2));
  });

  it("keeps the dialog and the note when saving fails", async () => {
    backend({
      create_deal: () => {
        throw { code: "invalid_deal", message: "the deal has 1 invalid field(s)", fields: [{ path: "horizon_years", message: "must be between 1 and 30" }] };
      },
    });
    render(App);
    await openKenyaFromGallery();
    await fireEvent.click(screen.getByTestId("save-version"));
    const dialog = await screen.findByTestId("save-dialog");
    await fireEvent.input(within(dialog).getByTestId("save-note"), { target: { value: "after the Nairobi call" } });
    await fireEvent.click(within(dialog).getByTestId("save-confirm"));
    const error = await screen.findByTestId("error-dialog");
    expect(error).toHaveTextContent("must be between 1 and 30");
    expect(screen.getByTestId("save-note")).toHaveValue("after the Nairobi call");
    expect(workspace.dealId).toBeNull();
  });
});

describe("errors from commands", () => {
  it("shows the field errors of an invalid imported file", async () => {
    backend({
      "plugin:dialog|open": () => "/home/ana/deals/lagos.jvdeal",
      import_deal_file: () => {
        throw {
          code: "invalid_deal",
          message: "the deal has 2 invalid field(s)",
          fields: [
            { path: "parties[1].discount_rate", message: "must be between 0 and 1" },
            { path: "agreements.distribution.dealer_margin", message: "must be between 0 and 1" },
          ],
        };
      },
    });
    render(App);
    await fireEvent.click(await screen.findByTestId("home-import"));
    const dialog = await screen.findByTestId("error-dialog");
    expect(dialog).toHaveAttribute("role", "alertdialog");
    expect(dialog).toHaveTextContent("The deal has invalid fields");
    expect(dialog).toHaveTextContent("the deal has 2 invalid field(s)");
    const fields = within(dialog).getByTestId("error-fields");
    expect(fields).toHaveTextContent("parties[1].discount_rate");
    expect(fields).toHaveTextContent("agreements.distribution.dealer_margin");
    expect(workspace.deal).toBeNull();
    await fireEvent.click(within(dialog).getByTestId("error-close"));
    expect(screen.queryByTestId("error-dialog")).toBeNull();
  });

  it("says a file from a newer JV Studio is too new", async () => {
    backend({
      "plugin:dialog|open": () => "/home/ana/deals/future.jvdeal",
      import_deal_file: () => {
        throw { code: "newer_file", message: "the file was saved by a newer version of JV Studio (schema 9; this one reads up to 1)", fields: [] };
      },
    });
    render(App);
    await fireEvent.click(await screen.findByTestId("home-import"));
    const dialog = await screen.findByTestId("error-dialog");
    expect(dialog).toHaveTextContent("File from a newer JV Studio");
    expect(dialog).toHaveTextContent("schema 9");
  });
});

describe("files and leaving", () => {
  it("imports a .jvdeal file as a new deal with unsaved changes", async () => {
    const mock = backend({
      "plugin:dialog|open": () => "/home/ana/deals/kenya-e3w-ckd.jvdeal",
      import_deal_file: () => ({ file_name: "kenya-e3w-ckd.jvdeal", name: "Kenya e-three-wheeler CKD assembly JV", deal_json: KENYA_TEXT }),
    });
    render(App);
    await fireEvent.click(await screen.findByTestId("home-import"));
    await screen.findByTestId("deal-workspace");
    expect(mock.argsOf("plugin:dialog|open")[0].options.filters).toEqual([{ name: "JV deal", extensions: ["jvdeal", "json"] }]);
    expect(mock.argsOf("import_deal_file")).toEqual([{ path: "/home/ana/deals/kenya-e3w-ckd.jvdeal" }]);
    expect(workspace.deal?.name).toBe("Kenya e-three-wheeler CKD assembly JV");
    expect(workspace.dealId).toBeNull();
    expect(workspace.dirty).toBe(true);
    expect(screen.getByTestId("save-state")).toHaveTextContent("imported from kenya-e3w-ckd.jvdeal · not saved yet");
  });

  it("opens the deal file the app was started with", async () => {
    const mock = backend({
      startup_file: () => "/home/ana/deals/kenya-e3w-ckd.jvdeal",
      import_deal_file: () => ({ file_name: "kenya-e3w-ckd.jvdeal", name: "Kenya e-three-wheeler CKD assembly JV", deal_json: KENYA_TEXT }),
    });
    render(App);
    await screen.findByTestId("deal-workspace");
    expect(mock.argsOf("import_deal_file")).toEqual([{ path: "/home/ana/deals/kenya-e3w-ckd.jvdeal" }]);
    expect(workspace.deal?.name).toBe("Kenya e-three-wheeler CKD assembly JV");
    expect(workspace.dealId).toBeNull();
  });

  it("exports the open deal to the path the user picks", async () => {
    const mock = backend({
      "plugin:dialog|save": (args) => `/home/ana/deals/${args.options.defaultPath}`,
      export_deal_file: () => null,
    });
    render(App);
    await openKenyaFromGallery();
    await fireEvent.click(screen.getByTestId("export-deal"));
    await waitFor(() => expect(mock.argsOf("export_deal_file")).toHaveLength(1));
    const [args] = mock.argsOf("export_deal_file");
    expect(args.path).toBe("/home/ana/deals/Kenya e-three-wheeler CKD assembly JV.jvdeal");
    expect(JSON.parse(args.dealJson).parties[1].id).toBe("dealer");
  });

  it("asks before leaving unsaved changes, and keeps them as a draft", async () => {
    const mock = backend();
    render(App);
    await openKenyaFromGallery();
    workspace.set("agreements.distribution.dealer_margin", "0.14");

    await fireEvent.click(screen.getByTestId("nav-home"));
    const question = await screen.findByTestId("confirm-dialog");
    expect(question).toHaveTextContent("has changes that are not saved as a version");
    await fireEvent.click(within(question).getByTestId("confirm-cancel"));
    expect(workspace.deal?.agreements.distribution?.dealer_margin).toBe("0.14");

    await fireEvent.click(screen.getByTestId("nav-home"));
    await fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm-ok"));
    await screen.findByTestId("home");
    const draft = mock.argsOf("save_draft").at(-1);
    expect(draft.dealId).toBeNull();
    expect(JSON.parse(draft.dealJson).agreements.distribution.dealer_margin).toBe("0.14");
  });

  it("shows amounts in 万 / 亿 when the Chinese setting is on", async () => {
    backend({ settings: () => ({ language: "zh-CN", chinese_units: false }), list_deals: () => dealList() });
    render(App);
    const cell = await screen.findByTestId(`npv-${KENYA_ID}-maker`);
    expect(cell).toHaveTextContent("3,669,599");
    await fireEvent.click(screen.getByTestId("chinese-units"));
    await waitFor(() => expect(screen.getByTestId(`npv-${KENYA_ID}-maker`)).toHaveTextContent("366.96万"));
  });
});
