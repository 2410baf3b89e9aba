/** The pane's calls to the register hold background passes back until they are answered. */
import { personWaitsRegister } from "../../src/taskpane/personWaitsRegister";
import type { Register } from "../../src/workbook/registerApi";
import { backgroundPass, turns } from "../support/backgroundPass";

function fakeRegister() {
  let answer: (value: unknown) => void = () => {};
  const listeners: (() => void)[] = [];
  const register = {
    update: () => new Promise((resolve) => (answer = resolve)),
    onChanged: (listener: () => void) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  } as unknown as Register;
  return { register, answer: (value: unknown) => answer(value), listeners };
}

it("holds a background pass while a save is unanswered, then gives the save's result", async () => {
  const fake = fakeRegister();
  const register = personWaitsRegister(fake.register);
  const save = register.update("licences", {} as never);
  const background = backgroundPass(2_000);
  await turns(30);
  expect(background.visited()).toBeLessThan(2_000);
  const held = background.visited();
  await turns(30);
  expect(background.visited()).toBe(held);
  fake.answer({ ok: true, value: "saved" });
  await expect(save).resolves.toEqual({ ok: true, value: "saved" });
  await background.done;
  expect(background.visited()).toBe(2_000);
});

it("passes subscriptions straight through, and gives the same method each time it is read", () => {
  const fake = fakeRegister();
  const register = personWaitsRegister(fake.register);
  const unsubscribe = register.onChanged(() => undefined);
  expect(typeof unsubscribe).toBe("function");
  expect(fake.listeners).toHaveLength(1);
  unsubscribe();
  expect(fake.listeners).toHaveLength(0);
  expect(register.update).toBe(register.update);
  expect(register.readRows).toBeUndefined();
});
