import { whilePersonWaits } from "../domain/yielding";
import type { Register } from "../workbook/registerApi";

/**
 * The register as the pane calls it: each request it makes is work the person waits for, so background passes
 * (names, shared text, search words) hold their next slice until it is answered (whilePersonWaits). Every
 * method that returns a promise, so one added later is covered too; subscriptions (onChanged) pass straight
 * through. The names follower and the live register call the register unwrapped.
 */
export function personWaitsRegister(register: Register): Register {
  // one wrapper per method, so a method read twice is the same function (hooks' dependency lists compare them)
  const wrappers = new Map<PropertyKey, { method: Method; wrapper: Method }>();
  return new Proxy(register, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as Method;
      const known = wrappers.get(property);
      if (known?.method === method) return known.wrapper;
      const wrapper: Method = (...args) => {
        const result = method.apply(target, args);
        return result instanceof Promise ? whilePersonWaits(() => result) : result;
      };
      wrappers.set(property, { method, wrapper });
      return wrapper;
    },
  });
}

type Method = (...args: unknown[]) => unknown;
