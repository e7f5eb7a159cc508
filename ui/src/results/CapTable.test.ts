// The cap table at closing ties, and its history shows every change after closing.
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import CapTable from "./CapTable.svelte";
import { expectedAmount, kenya } from "./fixture";

describe("cap table", () => {
  it("lists each party's shares, percent and value, with a total that ties", () => {
    const evaluation = kenya();
    render(CapTable, { evaluation });
    for (const row of evaluation.equity.parties) {
      const line = screen.getByTestId(`cap-row-${row.id}`);
      const name = evaluation.parties.find((p) => p.id === row.id)!.name;
      expect(line).toHaveTextContent(name);
      expect(line).toHaveTextContent(expectedAmount(row.shares));
      expect(line).toHaveTextContent(`${Number(row.percent).toFixed(1)} %`);
      expect(line).toHaveTextContent(expectedAmount(row.value_contributed));
    }
    const total = screen.getByTestId("cap-table-total");
    const shares = evaluation.equity.parties.reduce((sum, row) => sum + Number(row.shares), 0);
    expect(shares).toBe(Number(evaluation.equity.shares_issued));
    expect(total).toHaveTextContent("Total");
    expect(total).toHaveTextContent(expectedAmount(String(evaluation.equity.shares_issued)));
    expect(total).toHaveTextContent("100.0 %");
    // Contribution-based split: no transfer column, and no history beyond closing.
    expect(screen.queryByText(/^Transfer/)).toBeNull();
    expect(screen.queryByTestId("cap-history")).toBeNull();
  });

  it("shows the value transfer of a negotiated split", () => {
    const evaluation = kenya();
    evaluation.equity.mode = "negotiated";
    evaluation.equity.parties[0].value_transfer = "-120000.4";
    evaluation.equity.parties[1].value_transfer = "120000.4";
    render(CapTable, { evaluation });
    expect(screen.getByText("Transfer USD")).toBeInTheDocument();
    expect(screen.getByTestId("cap-row-maker")).toHaveTextContent("−120,000");
    expect(screen.getByTestId("cap-row-dealer")).toHaveTextContent("120,000");
  });

  it("lists a capital call in the history with its price and amount", () => {
    const evaluation = kenya();
    evaluation.equity.history.push({
      year: 3,
      kind: "capital_call",
      party: "dealer",
      shares: "25000",
      price: "412.5",
      amount: "10312500",
      milestone: "",
    });
    render(CapTable, { evaluation });
    const history = screen.getByTestId("cap-history");
    const rows = within(history).getAllByRole("row");
    const call = rows[rows.length - 1];
    expect(call).toHaveTextContent("Capital call");
    expect(call).toHaveTextContent(evaluation.parties[1].name);
    expect(call).toHaveTextContent("25,000");
    expect(call).toHaveTextContent("412.50");
    expect(call).toHaveTextContent("10,312,500");
    expect(within(history).getByText("Price KES")).toBeInTheDocument();
  });
});
