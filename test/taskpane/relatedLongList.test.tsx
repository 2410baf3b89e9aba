import "./support/polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Allocation } from "../../src/domain/schemas";
import { TODAY } from "./support/fixtures";
import { fakePageLayoutEachTest, ROW_PX, scrollPageTo } from "./support/pageLayout";
import { label, openLicence, renderPane } from "./support/renderPane";

/**
 * A licence with hundreds of user allocations draws only the rows in view. Closing a row's inline form puts the
 * keyboard back on that row's Edit button even when the row has left the drawn window meanwhile (the person
 * scrolled, or the form pushed it away): the list scrolls back to it first.
 */
const USERS = 300;
const allocations: Allocation[] = Array.from({ length: USERS }, (_, i) => ({
  id: `ALC-L${i + 1}`,
  licenceId: "LIC-ACRO",
  user: `User ${String(i + 1).padStart(3, "0")}`,
  allocatedOn: TODAY,
  rowVersion: 0,
}));
const list = () => screen.getByRole("list", { name: "User allocations" });
const editButton = (user: string) => screen.queryByRole("button", { name: `Edit ${user}` });

fakePageLayoutEachTest(USERS);

/**
 * Opens the allocations of a licence with USERS of them, scrolls to the 151st, opens its form, and scrolls
 * back to the top, where the row is no longer drawn. Gives the user and the form.
 */
async function editRowThenScrollAway() {
  const view = await renderPane({ allocations });
  await openLicence("Adobe Acrobat Pro");
  expect(within(list()).getAllByRole("listitem").length).toBeLessThan(50);
  scrollPageTo(150 * ROW_PX);
  const user = "User 151";
  fireEvent.click(await waitFor(() => editButton(user)!));
  const form = screen.getByRole("group", { name: `Edit ${user}'s allocation` });
  scrollPageTo(0);
  expect(editButton(user)).toBeNull();
  return { ...view, user, form };
}

it("Cancel scrolls back to the row and puts the keyboard on its Edit button", async () => {
  const { user, form } = await editRowThenScrollAway();
  fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(document.activeElement).toBe(editButton(user)));
  expect(document.activeElement?.closest("li")?.getAttribute("aria-posinset")).toBe("151");
  expect(window.scrollY).toBeGreaterThan(100 * ROW_PX);
});

it("Save does the same once the list shows the saved allocation", async () => {
  const { register, form } = await editRowThenScrollAway();
  const department = within(form).getByLabelText(label("Department"), { selector: "input" });
  fireEvent.input(department, { target: { value: "Finance" } });
  fireEvent.click(within(form).getByRole("button", { name: "Save" }));
  expect(await screen.findByText("Saved User 151's allocation.")).toBeTruthy();
  expect(register.find("allocations", "ALC-L151")).toMatchObject({ department: "Finance" });
  await waitFor(() => expect(document.activeElement).toBe(editButton("User 151")));
});

it("a row a co-author deleted meanwhile leaves the keyboard on the list's add button", async () => {
  const { register, form } = await editRowThenScrollAway();
  act(() => register.remoteDelete("allocations", "ALC-L151"));
  await screen.findByText(`${USERS - 1} active allocations, 0 revoked`);
  fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Allocate to a user" })),
  );
});
