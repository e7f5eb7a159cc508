import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VersionDiff, VersionMeta } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";
import { openDeal } from "./actions";
import ReadOnlyBanner from "./ReadOnlyBanner.svelte";
import { session } from "./session.svelte";
import { KENYA_ID, KENYA_TEXT, backend, kenyaFigures, resetState } from "./test-support";
import Versions from "./Versions.svelte";

beforeEach(resetState);
afterEach(resetState);

const VERSIONS: VersionMeta[] = [
  { deal_id: KENYA_ID, number: 3, saved_at: "2025-11-03T14:02:41.507Z", note: "dealer margin 14 % after the Nairobi call", evaluated: true },
  { deal_id: KENYA_ID, number: 2, saved_at: "2025-11-01T09:30:00.000Z", note: null, evaluated: true },
  { deal_id: KENYA_ID, number: 1, saved_at: "2025-10-28T08:15:02.114Z", note: "first terms", evaluated: true },
];

/** Version 1 → 3: the dealer margin went from 12 % to 14 %; figures moved accordingly. */
function diff(): VersionDiff {
  const [maker, dealer] = kenyaFigures();
  return {
    deal_id: KENYA_ID,
    from: 1,
    to: 3,
    inputs: [
      { path: "agreements.distribution.dealer_margin", before: "0.12", after: "0.14" },
      { path: "parties[1].name", before: "Nairobi dealer", after: "Nairobi motorcycle and three-wheeler dealer" },
    ],
    parties: [
      {
        party_id: "maker",
        name: maker.name,
        before: { ...maker, npv_cash: "3800000", irr_cash: "0.46", npv_economic: null, irr_economic: null },
        after: { ...maker, npv_economic: null, irr_economic: null },
      },
      {
        party_id: "dealer",
        name: dealer.name,
        before: { ...dealer, npv_cash: "1000000", irr_cash: "0.32" },
        after: dealer,
      },
    ],
  };
}

function openKenya() {
  openDeal(JSON.parse(KENYA_TEXT), { dealId: KENYA_ID, version: 3, savedAt: VERSIONS[0].saved_at });
  session.versionsOpen = true;
}

describe("versions drawer", () => {
  it("lists the versions newest first with time and note", async () => {
    const mock = backend({ list_versions: () => [...VERSIONS].reverse() });
    openKenya();
    render(Versions);
    await screen.findByTestId("version-row-3");
    const rows = screen.getAllByTestId(/^version-row-/);
    expect(rows.map((row) => row.dataset.testid)).toEqual(["version-row-3", "version-row-2", "version-row-1"]);
    expect(rows[0]).toHaveTextContent("dealer margin 14 % after the Nairobi call");
    expect(rows[0]).toHaveTextContent("2025");
    expect(rows[2]).toHaveTextContent("first terms");
    expect(mock.argsOf("list_versions")).toEqual([{ dealId: KENYA_ID }]);
    // The newest cannot be restored onto itself.
    expect(within(rows[0]).getByTestId("version-restore-3")).toBeDisabled();
  });

  it("compares two versions: changed inputs and each party's figures before → after", async () => {
    const mock = backend({ list_versions: () => VERSIONS, compare_versions: () => diff() });
    openKenya();
    render(Versions);
    await screen.findByTestId("version-row-1");
    await fireEvent.change(screen.getByTestId("compare-from"), { target: { value: "1" } });
    await fireEvent.click(screen.getByTestId("compare-run"));
    const result = await screen.findByTestId("compare-result");
    expect(mock.argsOf("compare_versions")).toEqual([{ dealId: KENYA_ID, from: 1, to: 3 }]);

    const inputs = within(result).getAllByTestId("compare-input");
    expect(inputs[0]).toHaveTextContent("agreements.distribution.dealer_margin");
    expect(inputs[0]).toHaveTextContent("0.12");
    expect(inputs[0]).toHaveTextContent("0.14");

    const makerNpv = within(result).getByTestId("compare-maker-npv_cash");
    expect(makerNpv).toHaveTextContent("NPV, cash view (USD)");
    expect(makerNpv).toHaveTextContent("3,800,000");
    expect(makerNpv).toHaveTextContent("3,669,599");
    expect(makerNpv).toHaveTextContent("\u2212130,401");
    const dealerIrr = within(result).getByTestId("compare-dealer-irr_cash");
    expect(dealerIrr).toHaveTextContent("32.0 %");
    expect(dealerIrr).toHaveTextContent("34.1 %");
    expect(dealerIrr).toHaveTextContent("+2.10 pts");
    // The economic view is shown where a version has it, not where neither does.
    expect(within(result).getByTestId("compare-dealer-npv_economic")).toHaveTextContent("664,067");
    expect(within(result).queryByTestId("compare-maker-npv_economic")).toBeNull();
  });

  it("opens an old version read-only and goes back to the unsaved working deal", async () => {
    const old = JSON.parse(KENYA_TEXT);
    old.agreements.distribution.dealer_margin = "0.12";
    const mock = backend({
      list_versions: () => VERSIONS,
      open_version: (args) => ({ meta: VERSIONS.find((v) => v.number === args.number), deal: old }),
    });
    openKenya();
    workspace.set("name", "Kenya JV — working copy");
    render(Versions);
    render(ReadOnlyBanner);
    await fireEvent.click(await screen.findByTestId("version-open-1"));
    await waitFor(() => expect(workspace.readOnly).toBe(true));
    expect(mock.argsOf("open_version")).toEqual([{ dealId: KENYA_ID, number: 1 }]);
    expect(workspace.version).toBe(1);
    expect(workspace.deal?.agreements.distribution?.dealer_margin).toBe("0.12");
    expect(screen.getByTestId("readonly-banner")).toHaveTextContent("Viewing version 1 (read-only)");
    // The working copy was kept as a draft before switching.
    expect(mock.argsOf("save_draft")).toHaveLength(1);

    await fireEvent.click(screen.getByTestId("readonly-back"));
    expect(workspace.readOnly).toBe(false);
    expect(workspace.deal?.name).toBe("Kenya JV — working copy");
    expect(workspace.dirty).toBe(true);
    expect(workspace.version).toBe(3);
  });

  it("restores an old version as the newest", async () => {
    const mock = backend({
      list_versions: () => VERSIONS,
      restore_version: (args) => ({ deal_id: KENYA_ID, number: 4, saved_at: "2025-11-03T16:00:00.000Z", note: args.note, evaluated: true }),
      latest_version: () => ({ meta: { ...VERSIONS[2], number: 4 }, deal: JSON.parse(KENYA_TEXT) }),
    });
    openKenya();
    render(Versions);
    await fireEvent.click(await screen.findByTestId("version-restore-1"));
    await waitFor(() => expect(workspace.version).toBe(4));
    expect(mock.argsOf("restore_version")).toEqual([{ dealId: KENYA_ID, number: 1, note: "Restored from version 1" }]);
  });

  it("asks to save first when the deal was never saved", async () => {
    backend();
    openDeal(JSON.parse(KENYA_TEXT));
    render(Versions);
    expect(screen.getByTestId("versions-drawer")).toHaveTextContent("This deal has not been saved yet.");
  });
});
