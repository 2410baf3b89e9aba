/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const RELOAD_AND_REDO = "reload to see their version, then make your change again.";

export function conflictMessage(noun: string, changed: readonly string[]): string {
  return changed.length > 0
    ? `Someone else changed ${joinAnd(changed)} of this ${noun} since you opened it: ${RELOAD_AND_REDO}`
    : `Someone else changed this ${noun} since you opened it: ${RELOAD_AND_REDO}`;
}

export function deletedMessage(noun: string): string {
  return `This ${noun} was deleted by someone else: reload to see the register as it is now.`;
}

export function unfinishedMessage(noun: string): string {
  return `This ${noun} was left part-saved by a save that did not finish, so some of its cells may be old and some new. Check it in the sheet, then choose Keep mine to save your version over it.`;
}

/** After a save that kept someone else's changes to other fields. */
export function mergedMessage(
  spec: { noun: string; columns: readonly { field?: string; header: string }[] },
  fields: readonly string[],
): string {
  const headers = fields.map(
    (field) => spec.columns.find((column) => column.field === field)?.header ?? field,
  );
  return `Saved. Someone else changed ${joinAnd(headers)} of this ${spec.noun} meanwhile; their change is kept with yours.`;
}

/** A save that failed on the way to or from Excel, saying how many of its records are known to be saved. */
export function unsavedFailure(
  spec: { noun: string; sheet: string },
  doing: string,
  total: number,
  saved: number,
  error: unknown,
): { kind: "failed"; message: string } {
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\.?\s*$/, ".");
  const part =
    total === 1
      ? "It was not saved, or not completely"
      : saved === 0
        ? `None of the ${total} are known to be saved`
        : `${saved} of the ${total} ${spec.sheet.toLowerCase()} were saved; the others were not, or not completely`;
  return {
    kind: "failed",
    message: `Could not ${doing}: Excel said "${detail}" ${part}. A part-saved row is marked in its Row Version cell and is finished when you reload; try saving again.`,
  };
}

/** A cell's value as a person typed it, for a message: text in quotes, numbers and TRUE/FALSE as Excel shows them. */
export function typedText(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return typeof value === "string" ? `"${value}"` : String(value);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Saving to the Settings or Exchange Rates table after someone renamed or deleted a column it needs:
 * 'Could not save the settings: the Exchange Rates table is missing its "Currency" column (renamed or
 * deleted). Choose "Set up workbook" to put it back, then try again.'
 */
export function columnsLostMessage(
  doing: string,
  lost: readonly { title: string; headers: readonly string[] }[],
): string {
  const tables = lost.map(
    ({ title, headers }) =>
      `the ${title} table is missing its ${joinAnd(headers.map((header) => `"${header}"`))} column${headers.length > 1 ? "s" : ""}`,
  );
  const many = lost.some(({ headers }) => headers.length > 1) || lost.length > 1;
  return `Could not ${doing}: ${joinAnd(tables)} (renamed or deleted). Choose "Set up workbook" to put ${many ? "them" : "it"} back, then try again.`;
}

/**
 * A save that would overwrite what someone typed in a cell the register cannot read: 'Could not save the
 * settings: it would overwrite Expiring Soon (Days) in cell B5 of the Settings sheet ("ninety"), which the
 * register cannot read. Correct or clear that cell, then try again.'
 */
export function unreadableOverwriteMessage(
  doing: string,
  cells: readonly { what: string; sheet: string; address: string; value: unknown }[],
): string {
  const places = cells.map(
    (cell) => `${cell.what} in cell ${cell.address} of the ${cell.sheet} sheet (${typedText(cell.value)})`,
  );
  const those = cells.length > 1 ? "those cells" : "that cell";
  return `Could not ${doing}: it would overwrite ${joinAnd(places)}, which the register cannot read. Correct or clear ${those}, then try again.`;
}

/** An action whose script could not load (the connection dropped): nothing was changed. */
export function actionsUnavailableMessage(doing: string): string {
  return `Could not ${doing}: this part of the add-in could not load, so nothing was changed. Check your connection, then try again.`;
}
