// PV by channel: the chart's figures, read from its accessible table, in both views.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { flushSync } from "svelte";
import ChannelChart from "./ChannelChart.svelte";
import { expectedAmount, kenya } from "./fixture";

function row(table: HTMLElement, label: string): HTMLElement {
  return within(table).getByText(label).closest("tr") as HTMLElement;
}

describe("PV by channel", () => {
  it("shows each party's PV per channel in the cash view, without empty channels", () => {
    const evaluation = kenya();
    const [maker, dealer] = evaluation.parties;
    render(ChannelChart, { evaluation });
    const table = screen.getByTestId("channel-chart-table");
    expect(table).toHaveTextContent("USD, Cash view");
    const headers = within(table).getAllByRole("columnheader").map((th) => th.textContent);
    expect(headers).toEqual(["Channel", maker.name, dealer.name]);

    const royalties = row(table, "Royalties and fees");
    expect(royalties).toHaveTextContent(expectedAmount(maker.views.cash.pv_by_channel.royalties));
    const kit = row(table, "Kit margin");
    expect(kit).toHaveTextContent(expectedAmount(maker.views.cash.pv_by_channel.kit_margin));
    const distribution = row(table, "Distribution profit");
    expect(within(distribution).getAllByRole("cell").map((td) => td.textContent)).toEqual([
      "0",
      expectedAmount(dealer.views.cash.pv_by_channel.distribution),
    ]);
    const contributions = row(table, "Cash contributions");
    expect(contributions).toHaveTextContent(expectedAmount(maker.views.cash.pv_by_channel.contributions));
    expect(contributions.textContent).toContain("−1,200,000");
    // In-kind contributions count only in the economic view; no capital calls in this deal.
    expect(within(table).queryByText("In-kind contributions")).toBeNull();
    expect(within(table).queryByText("Capital calls")).toBeNull();
  });

  it("switches to the economic view, where in-kind contributions are outflows", () => {
    const evaluation = kenya();
    const [maker, dealer] = evaluation.parties;
    render(ChannelChart, { evaluation });
    const economic = screen.getByTestId("channels-view-economic");
    expect(economic).toHaveAttribute("aria-pressed", "false");
    fireEvent.click(economic);
    flushSync();
    expect(economic).toHaveAttribute("aria-pressed", "true");
    const table = screen.getByTestId("channel-chart-table");
    expect(table).toHaveTextContent("Economic view");
    const inKind = row(table, "In-kind contributions");
    expect(within(inKind).getAllByRole("cell").map((td) => td.textContent)).toEqual([
      expectedAmount(maker.views.economic.pv_by_channel.in_kind),
      expectedAmount(dealer.views.economic.pv_by_channel.in_kind),
    ]);
    expect(inKind.textContent).toContain("−450,000");
  });
});
