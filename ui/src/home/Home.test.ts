import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { workspace } from "../lib/state/workspace.svelte";
import {
  BRAZIL_ID,
  KENYA_ID,
  KENYA_TEXT,
  backend,
  dealList,
  example,
  resetState,
} from "../shell/test-support";
import Home from "./Home.svelte";

beforeEach(resetState);
afterEach(resetState);

describe("home: the deal list", () => {
  it("lists saved deals with market, versions and each party's key figures", async () => {
    backend({ list_deals: () => dealList() });
    render(Home);
    const row = await screen.findByTestId(`deal-row-${KENYA_ID}`);
    expect(within(row).getByTestId("deal-name")).toHaveTextContent("Kenya e-three-wheeler CKD assembly JV");
    expect(row).toHaveTextContent("Kenya");
    // The engine's figures for the Kenya example: maker 60.2 %, NPV 3,669,599, IRR 45.3 %; the dealer 1,114,067.
    expect(within(row).getByTestId(`npv-${KENYA_ID}-maker`)).toHaveTextContent("3,669,599");
    expect(within(row).getByTestId(`npv-${KENYA_ID}-dealer`)).toHaveTextContent("1,114,067");
    expect(row).toHaveTextContent("60.2 %");
    expect(row).toHaveTextContent("45.3 %");
    expect(row).toHaveTextContent("Nairobi motorcycle and three-wheeler dealer");
    // A deal whose latest version did not evaluate says so instead of empty cells.
    const brazil = screen.getByTestId(`deal-row-${BRAZIL_ID}`);
    expect(brazil).toHaveTextContent("Brazil");
    expect(brazil).toHaveTextContent("saved with errors");
  });

  it("sends the search text to list_deals after a short pause", async () => {
    const mock = backend({
      list_deals: (args) =>
        dealList().filter((deal) => deal.name.toLowerCase().includes((args.filter.search ?? "").toLowerCase())),
    });
    render(Home);
    await screen.findByTestId(`deal-row-${BRAZIL_ID}`);
    expect(mock.argsOf("list_deals")[0]).toEqual({ filter: { search: null, archived: false } });

    await fireEvent.input(screen.getByTestId("deal-search"), { target: { value: "kenya" } });
    await waitFor(() => expect(screen.queryByTestId(`deal-row-${BRAZIL_ID}`)).toBeNull());
    expect(mock.argsOf("list_deals").at(-1)).toEqual({ filter: { search: "kenya", archived: false } });
    expect(screen.getByTestId(`deal-row-${KENYA_ID}`)).toBeInTheDocument();
  });

  it("lists archived deals in their tab", async () => {
    const mock = backend({ list_deals: (args) => (args.filter.archived ? [{ ...dealList()[1], archived: true }] : [dealList()[0]]) });
    render(Home);
    await screen.findByTestId(`deal-row-${KENYA_ID}`);
    await fireEvent.click(screen.getByTestId("tab-archived"));
    await screen.findByTestId(`deal-row-${BRAZIL_ID}`);
    expect(mock.argsOf("list_deals").at(-1)).toEqual({ filter: { search: null, archived: true } });
    expect(screen.getByTestId("tab-archived")).toHaveAttribute("aria-selected", "true");
  });

  it("duplicates a deal under the name the user gives", async () => {
    const mock = backend({
      list_deals: () => dealList(),
      duplicate_deal: (args) => ({ deal_id: "copy-id", number: 1, saved_at: "2025-11-03T15:00:00.000Z", note: null, evaluated: true }),
    });
    render(Home);
    const row = await screen.findByTestId(`deal-row-${KENYA_ID}`);
    await fireEvent.click(within(row).getByTestId("deal-duplicate"));
    const name = screen.getByTestId("duplicate-name") as HTMLInputElement;
    expect(name.value).toBe("Kenya e-three-wheeler CKD assembly JV (copy)");
    await fireEvent.input(name, { target: { value: "Kenya JV — dealer 45 %" } });
    await fireEvent.click(screen.getByTestId("duplicate-confirm"));
    await waitFor(() => expect(mock.argsOf("duplicate_deal")).toHaveLength(1));
    expect(mock.argsOf("duplicate_deal")[0]).toEqual({ dealId: KENYA_ID, newName: "Kenya JV — dealer 45 %" });
    // The list reloads to show the copy.
    await waitFor(() => expect(mock.argsOf("list_deals").length).toBeGreaterThan(1));
  });

  it("archives from the active tab and restores from the archived tab", async () => {
    const mock = backend({
      list_deals: (args) => (args.filter.archived ? [{ ...dealList()[0], archived: true }] : dealList()),
      set_archived: () => null,
    });
    render(Home);
    const row = await screen.findByTestId(`deal-row-${BRAZIL_ID}`);
    await fireEvent.click(within(row).getByTestId("deal-archive"));
    await waitFor(() => expect(mock.argsOf("set_archived")).toEqual([{ dealId: BRAZIL_ID, archived: true }]));

    await fireEvent.click(screen.getByTestId("tab-archived"));
    const archived = await screen.findByTestId(`deal-row-${KENYA_ID}`);
    await waitFor(() => expect(within(archived).getByTestId("deal-restore")).toBeInTheDocument());
    await fireEvent.click(within(archived).getByTestId("deal-restore"));
    await waitFor(() => expect(mock.argsOf("set_archived").at(-1)).toEqual({ dealId: KENYA_ID, archived: false }));
  });

  it("opens the latest version of a deal into the workspace", async () => {
    const mock = backend({
      list_deals: () => dealList(),
      latest_version: (args) => ({
        meta: { deal_id: args.dealId, number: 3, saved_at: "2025-11-03T14:02:41.507Z", note: "dealer margin 14 %", evaluated: true },
        deal: JSON.parse(KENYA_TEXT),
      }),
    });
    render(Home);
    const row = await screen.findByTestId(`deal-row-${KENYA_ID}`);
    await fireEvent.click(within(row).getByTestId("deal-open"));
    await waitFor(() => expect(workspace.deal?.name).toBe("Kenya e-three-wheeler CKD assembly JV"));
    expect(mock.argsOf("latest_version")).toEqual([{ dealId: KENYA_ID }]);
    expect(workspace.dealId).toBe(KENYA_ID);
    expect(workspace.version).toBe(3);
    expect(workspace.readOnly).toBe(false);
  });
});

describe("home: first run", () => {
  it("shows the gallery of examples, and opening one loads it as a new deal", async () => {
    const mock = backend({ list_deals: () => [] });
    render(Home);
    const gallery = await screen.findByTestId("example-gallery");
    const kenya = await within(gallery).findByTestId("example-kenya-e3w-ckd");
    expect(kenya).toHaveTextContent("Kenya e-three-wheeler CKD assembly JV");
    expect(kenya).toHaveTextContent("Kenya");
    // The description's first sentence, not the whole sourced text.
    expect(kenya).toHaveTextContent("A Chinese maker of electric three-wheelers and a Nairobi dealer form a JV");
    expect(kenya.textContent).not.toContain("taxsummaries.pwc.com");
    expect(within(gallery).getByTestId("example-blank")).toHaveTextContent("Blank deal");

    await fireEvent.click(kenya);
    await waitFor(() => expect(workspace.deal?.name).toBe("Kenya e-three-wheeler CKD assembly JV"));
    expect(workspace.dealId).toBeNull();
    expect(workspace.deal?.parties.map((party) => party.id)).toEqual(["maker", "dealer"]);
    // Opening evaluates the deal in the background.
    await waitFor(() => expect(mock.argsOf("evaluate_deal").length).toBeGreaterThan(0));
  });

  it("opens the blank deal", async () => {
    const blank = example("blank", KENYA_TEXT.replace("Kenya e-three-wheeler CKD assembly JV", "New JV deal"));
    backend({ list_deals: () => [], blank_deal: () => blank });
    render(Home);
    await fireEvent.click(await screen.findByTestId("example-blank"));
    await waitFor(() => expect(workspace.deal?.name).toBe("New JV deal"));
  });

  it("offers the same gallery behind New deal when deals exist", async () => {
    backend({ list_deals: () => dealList() });
    render(Home);
    await screen.findByTestId(`deal-row-${KENYA_ID}`);
    expect(screen.queryByTestId("example-gallery")).toBeNull();
    await fireEvent.click(screen.getByTestId("new-deal"));
    const dialog = screen.getByTestId("gallery-dialog");
    expect(await within(dialog).findByTestId("example-brazil-negotiated-60-40")).toBeInTheDocument();
  });
});
