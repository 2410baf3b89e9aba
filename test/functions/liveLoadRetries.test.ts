import { status, used } from "../../src/functions/liveFunctions";
import { startLiveRegister } from "../../src/live/sharedLiveRegister";
import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";
import { withFaults } from "../workbook/faults";
import { AS_OF, invocation, liveFixture } from "./liveHarness";

it("cells say why while the register cannot be loaded, and get their figures once it can", async () => {
  const fixture = await liveFixture();
  fixture.live.stop();
  let offline = true;
  const session = withFaults(fixture.workbook.session("reopened"), () =>
    offline ? "request-lost" : undefined,
  );
  const register = createWorkbookRegister({
    run: (batch) => session.run(batch),
    ownEchoMs: 0,
    retryDelaysMs: [],
    onBackgroundError: () => undefined, // subscribing fails too while offline
  });
  const errors: unknown[] = [];
  const live = startLiveRegister(register, {
    today: () => AS_OF,
    onError: (e) => errors.push(e),
    retryDelaysMs: [5],
  });
  try {
    const u = invocation();
    const s = invocation();
    used("LIC-OK", u);
    status("LIC-OK", s);

    // not #BUSY! for ever: each cell is given #N/A with what went wrong and that it is being retried
    while (errors.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const shown = u.latest() as CustomFunctions.Error;
    expect(shown.code).toBe("#N/A");
    expect(shown.message).toBe(
      'The licence register could not be loaded. Could not read the register from the workbook: Excel said "The connection to Excel was lost before it answered." Trying again in a moment.',
    );
    expect((s.latest() as CustomFunctions.Error).code).toBe("#N/A");

    offline = false;
    await live.ready;
    expect(u.latest()).toBe(2);
    expect(s.latest()).toBe("Under-utilized");
  } finally {
    live.stop();
  }
});
