/**
 * The Settings view over a real register on the in-memory Excel: what the person saves lands in the Settings
 * sheet's cells, what is not valid is refused with what to type, and a co-author's change to the same setting
 * is refused without losing what the person typed; saving again then keeps theirs.
 */
import "./support/polyfills";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Settings } from "../../src/domain/schemas";
import { createInMemoryWorkbook, type InMemoryWorkbook } from "../../src/host";
import { TaskPaneRoot } from "../../src/taskpane/mount";
import type { Register } from "../../src/workbook/registerApi";
import { registerOn } from "../workbook/fixtures";
import { TODAY } from "./support/fixtures";
import { label } from "./support/renderPane";
import { typeText } from "./support/typing";

let workbook: InMemoryWorkbook;

/** A set-up workbook with the pane open on the Settings view. */
async function openSettings() {
  workbook = createInMemoryWorkbook();
  const register = registerOn(workbook.session("alice"));
  const setUp = await register.setUp();
  if (!setUp.ok) throw new Error(setUp.error.message);
  render(<TaskPaneRoot register={register} today={TODAY} />);
  const tab = await screen.findByRole("tab", { name: "Settings" });
  // The view arrives in its own script the first time it is opened: React only resumes a view that suspended
  // inside an awaited act.
  await act(async () => fireEvent.click(tab));
  return screen.findByRole("form", { name: "Settings" });
}

/** The Value cell of a setting as the Settings sheet holds it. */
function cellOf(setting: string): unknown {
  return workbook.readSheet("Settings").values.find((row) => row[0] === setting)?.[1];
}

const field = (text: string) => screen.getByLabelText(label(text), { selector: "input" }) as HTMLInputElement;

function typeInto(text: string, value: string) {
  const input = field(text);
  typeText(input, value);
  fireEvent.blur(input);
}

const save = () => screen.getByRole("button", { name: "Save" });

/** Types a value the field refuses, waits for the field's message, then presses Save anyway. */
async function typeRefusedThenSave(text: string, value: string, message: string): Promise<void> {
  typeInto(text, value);
  expect(await screen.findByText(message)).toBeTruthy();
  fireEvent.click(save());
}

/** Long enough for a save that was going to be written to have reached the sheet. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A co-author saves a change to the settings from their own pane. */
async function coAuthorSaves(change: Partial<Settings>): Promise<void> {
  const bob: Register = registerOn(workbook.session("bob"));
  const theirs = (await bob.load()).settings;
  const saved = await bob.updateSettings({ ...theirs, ...change }, theirs);
  if (!saved.ok) throw new Error(saved.error.message);
}

it("shows the threshold as a percentage, and saving a new one changes the Settings sheet's cell", async () => {
  await openSettings();
  expect(field("Under-use Threshold").value).toBe("80");
  expect(save()).toHaveProperty("disabled", true);

  typeInto("Under-use Threshold", "65");
  expect(save()).toHaveProperty("disabled", false);
  fireEvent.click(save());

  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(cellOf("Under-use Threshold")).toBe(0.65);
  expect(field("Under-use Threshold").value).toBe("65");
  expect(save()).toHaveProperty("disabled", true);
});

it("keeps what the person types while a save is under way", async () => {
  await openSettings();
  typeInto("Under-use Threshold", "65");
  fireEvent.click(save());
  typeInto("Default Renewal Notice (Days)", "40");
  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(cellOf("Under-use Threshold")).toBe(0.65);
  expect(cellOf("Default Renewal Notice (Days)")).toBe(30);
  expect(field("Default Renewal Notice (Days)").value).toBe("40");
  expect(save()).toHaveProperty("disabled", false);
});

it("refuses a threshold that is not a percentage, saying what to type, and writes nothing", async () => {
  await openSettings();
  await typeRefusedThenSave(
    "Under-use Threshold",
    "150",
    "Type the Under-use Threshold as a percentage more than 0 and at most 100, such as 80.",
  );
  await typeRefusedThenSave(
    "Default Renewal Notice (Days)",
    "soon",
    "Type the Default Renewal Notice (Days) as a whole number of days, 1 or more, such as 30.",
  );
  await aMoment();
  expect(screen.queryByText("Saved.")).toBeNull();
  expect(cellOf("Under-use Threshold")).toBe(0.8);
  expect(cellOf("Default Renewal Notice (Days)")).toBe(30);
  expect(field("Under-use Threshold").value).toBe("150");
});

it("adds, changes and removes exchange rates, and a bad code or rate says what to type", async () => {
  await openSettings();
  const form = screen.getByRole("form", { name: "Settings" });
  fireEvent.click(within(form).getByRole("button", { name: "Add a currency" }));
  const codes = () => within(form).getAllByRole("textbox", { name: "Currency code" }) as HTMLInputElement[];
  typeText(codes()[0], "usd");
  const rate = within(form).getByRole("textbox", { name: "Rate for USD" });
  typeText(rate, "nothing");
  fireEvent.blur(rate);
  expect(
    await screen.findByText(
      "Type the rate as a number more than 0: how many GBP one USD is worth, such as 0.79.",
    ),
  ).toBeTruthy();
  typeText(rate, "0.79");
  fireEvent.click(save());
  expect(await screen.findByText("Saved.")).toBeTruthy();
  const rateRows = () =>
    workbook
      .readSheet("Settings")
      .values.slice(1)
      .map((row) => row.slice(3, 5))
      .filter(([currency]) => currency !== "");
  expect(rateRows()).toEqual([["USD", 0.79]]);

  typeText(within(form).getByRole("textbox", { name: "Rate for USD" }), "0.8");
  fireEvent.click(save());
  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(rateRows()).toEqual([["USD", 0.8]]);

  fireEvent.click(within(form).getByRole("button", { name: "Remove USD" }));
  fireEvent.click(save());
  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(rateRows()).toEqual([]);
});

it("follows a co-author's change to a setting the person has not touched, keeping what they typed elsewhere", async () => {
  await openSettings();
  typeInto("Default Renewal Notice (Days)", "45");
  await coAuthorSaves({ reportingCurrency: "EUR" });
  await waitFor(() => expect(field("Reporting Currency").value).toBe("EUR"));
  expect(field("Default Renewal Notice (Days)").value).toBe("45");
});

it("refuses a save over a co-author's change to the same setting, keeps what was typed, and saves it the second time", async () => {
  await openSettings();
  typeInto("Under-use Threshold", "90");
  typeInto("Reporting Currency", "USD");
  await coAuthorSaves({ underUseThreshold: 0.7 });
  fireEvent.click(save());

  expect(
    await screen.findByText(
      /someone else changed Under-use Threshold to 70% \(you changed it to 90%\)\. Your changes are still in the form\./,
    ),
  ).toBeTruthy();
  expect(cellOf("Under-use Threshold")).toBe(0.7);
  expect(cellOf("Reporting Currency")).toBe("GBP");
  expect(field("Under-use Threshold").value).toBe("90");
  expect(field("Reporting Currency").value).toBe("USD");

  fireEvent.click(save());
  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(cellOf("Under-use Threshold")).toBe(0.9);
  expect(cellOf("Reporting Currency")).toBe("USD");
});

it("shows the register's message when a change would overwrite a cell it cannot read, and writes nothing", async () => {
  await openSettings();
  const row = workbook.readSheet("Settings").values.findIndex((r) => r[0] === "Under-use Threshold");
  workbook.typeIntoCell("Settings", `B${row + 1}`, "lots");
  typeInto("Under-use Threshold", "75");
  fireEvent.click(save());
  const refused = await screen.findAllByText(new RegExp(`Settings!B${row + 1}|B${row + 1}`));
  expect(refused.length).toBeGreaterThan(0);
  expect(cellOf("Under-use Threshold")).toBe("lots");
  expect(field("Under-use Threshold").value).toBe("75");
});

it("saves Expiring Soon (Days) to the Settings sheet, and refuses a number of days that is not whole", async () => {
  await openSettings();
  expect(field("Expiring Soon (Days)").value).toBe("30");
  await typeRefusedThenSave(
    "Expiring Soon (Days)",
    "14.5",
    "Type the Expiring Soon (Days) as a whole number of days, 0 or more, such as 30.",
  );
  await aMoment();
  expect(cellOf("Expiring Soon (Days)")).toBe(30);

  typeInto("Expiring Soon (Days)", "45");
  fireEvent.click(save());
  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(cellOf("Expiring Soon (Days)")).toBe(45);
});

it("refuses a save over a co-author's Expiring Soon (Days), naming both, and keeps their other change", async () => {
  await openSettings();
  typeInto("Expiring Soon (Days)", "14");
  await coAuthorSaves({ expiringSoonDays: 60, defaultRenewalLeadDays: 45 });
  await waitFor(() => expect(field("Default Renewal Notice (Days)").value).toBe("45"));
  fireEvent.click(save());

  expect(
    await screen.findByText(
      /someone else changed Expiring Soon \(Days\) to 60 \(you changed it to 14\)\. Your changes are still in the form\./,
    ),
  ).toBeTruthy();
  expect(cellOf("Expiring Soon (Days)")).toBe(60);
  expect(field("Expiring Soon (Days)").value).toBe("14");

  fireEvent.click(save());
  expect(await screen.findByText("Saved.")).toBeTruthy();
  expect(cellOf("Expiring Soon (Days)")).toBe(14);
  expect(cellOf("Default Renewal Notice (Days)")).toBe(45);
});
