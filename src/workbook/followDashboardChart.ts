import type { Register } from "./registerApi";

/**
 * Refits the Dashboard's chart after the catalogue changes (a product added or removed is a row more or less
 * in the grid), once the live grid has had time to spill anew. `settled` resolves when the live register
 * has pushed the change to the cells. Returns the function that stops following.
 */
export function followDashboardChart(
  register: Register,
  settled: () => Promise<void>,
  options: { delayMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  const {
    delayMs = 1_000,
    onError = (error: unknown) => console.warn("The Dashboard chart was not refitted.", error),
  } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = register.onChanged((change) => {
    if (!change.kinds.includes("software") || !register.fitDashboardChart) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      settled()
        .then(() => register.fitDashboardChart?.())
        .catch(onError);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
