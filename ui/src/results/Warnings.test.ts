// Warnings list with a title per code and jump to their field on click.
import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import ResultsPanel from "./ResultsPanel.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { setLocale } from "../lib/i18n/index.svelte";
import { kenya, resetWorkspace } from "./fixture";

afterEach(() => {
  resetWorkspace();
  setLocale("en");
});

describe("warnings", () => {
  it("lists the Kenya example's warning with its title and jumps to its field", () => {
    const evaluation = kenya();
    const warning = evaluation.warnings.find((w) => w.code === "double_paid_technology");
    expect(warning).toBeDefined();
    workspace.evaluation = evaluation;
    render(ResultsPanel);
    flushSync();
    const index = evaluation.warnings.indexOf(warning!);
    const button = screen.getByTestId(`warning-${index}`);
    expect(button).toHaveTextContent("Technology may be paid twice");
    expect(button).toHaveTextContent(warning!.message);
    expect(button).toHaveAccessibleName("Show the field for: Technology may be paid twice");
    fireEvent.click(button);
    expect(workspace.focusRequest?.path).toBe(warning!.path);
    expect(workspace.focusRequest?.path).toBe("agreements.licence.royalty_rate");
  });

  it("shows the engine's message for a code without a title", () => {
    const evaluation = kenya();
    evaluation.warnings = [{ code: "something_new", message: "A new finding.", path: "plan.units" }];
    workspace.evaluation = evaluation;
    render(ResultsPanel);
    flushSync();
    const button = screen.getByTestId("warning-0");
    expect(button).toHaveTextContent(/^A new finding\.$/);
    fireEvent.click(button);
    expect(workspace.focusRequest?.path).toBe("plan.units");
  });

  it("says so when there is none, and translates titles", () => {
    setLocale("zh-CN");
    const evaluation = kenya();
    workspace.evaluation = evaluation;
    const { unmount } = render(ResultsPanel);
    flushSync();
    const index = evaluation.warnings.findIndex((w) => w.code === "double_paid_technology");
    expect(screen.getByTestId(`warning-${index}`)).toHaveTextContent("技术可能被重复计酬");
    unmount();

    setLocale("en");
    evaluation.warnings = [];
    workspace.evaluation = evaluation;
    render(ResultsPanel);
    flushSync();
    expect(screen.getByTestId("results-warnings")).toHaveTextContent("No warnings.");
  });

  it("names a market rule's source beside its warning", () => {
    const evaluation = kenya();
    evaluation.warnings = [
      {
        code: "capital_import_cash_or_goods",
        message: "Nigeria: a foreign shareholder's capital must come in as cash or goods. Bring part of its stake as cash.",
        path: "parties[0].contributions",
        source: "https://www.aluko-oyebode.com/insights/minimum-share-capital-requirement/",
      } as (typeof evaluation.warnings)[number],
    ];
    workspace.evaluation = evaluation;
    render(ResultsPanel);
    flushSync();
    // The guardrail's title comes with the markets' messages.
    expect(screen.getByTestId("warning-0")).toHaveTextContent("Capital import needs cash or goods");
    const source = screen.getByTestId("warning-0-source");
    expect(source).toHaveTextContent("Rule's source: aluko-oyebode.com/insights/…");
    expect(screen.getByTestId("warning-0-source-ref")).toHaveAttribute(
      "title",
      "https://www.aluko-oyebode.com/insights/minimum-share-capital-requirement/",
    );
    fireEvent.click(screen.getByTestId("warning-0-source-ref"));
    flushSync();
    expect(screen.getByTestId("warning-0-source-ref-full")).toHaveTextContent(
      "https://www.aluko-oyebode.com/insights/minimum-share-capital-requirement/",
    );
  });
});
