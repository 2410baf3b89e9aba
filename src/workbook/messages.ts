/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function conflictMessage(noun: string, changed: readonly string[]): string {
  return changed.length > 0
    ? `Someone else changed ${joinAnd(changed)} of this ${noun} since you opened it.`
    : `Someone else changed this ${noun} since you opened it.`;
}

export function deletedMessage(noun: string): string {
  return `This ${noun} was deleted by someone else.`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
