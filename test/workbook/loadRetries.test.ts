import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";
import { withFaults, type Fault } from "./faults";
import { asRead, backgroundErrors, freshWorkbook, fullLicence } from "./fixtures";

describe("a load that fails", () => {
  async function registerWithFaults(plan: (sync: number) => Fault | undefined) {
    const { workbook, register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const session = withFaults(workbook.session("bob"), plan);
    const bob = createWorkbookRegister({
      run: (batch) => session.run(batch),
      ownEchoMs: 0,
      retryDelaysMs: [0, 0],
      onBackgroundError: (error) => backgroundErrors.push(error),
    });
    return { bob, session, added: added.value };
  }

  it("is tried again, and succeeds once Excel answers", async () => {
    const { bob, added } = await registerWithFaults((sync) => (sync <= 2 ? "request-lost" : undefined));
    const data = await bob.load();
    expect(data.licences.map((licence) => licence.id)).toEqual([added.id]);
  });

  it("a lost response in the middle of a paged load is read again, not lost", async () => {
    const { bob, added } = await registerWithFaults((sync) => (sync === 3 ? "response-lost" : undefined));
    const data = await bob.load();
    expect(data.licences).toEqual([asRead(added)]);
  });

  it("says plainly what happened when every try fails", async () => {
    const { bob, session } = await registerWithFaults(() => "request-lost");
    await expect(bob.load()).rejects.toThrow(
      'Could not read the register from the workbook (tried 3 times): Excel said "The connection to Excel was lost before it answered."',
    );
    expect(session.sent).toBe(3);
  });
});
