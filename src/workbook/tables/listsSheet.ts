import {
  ALLOCATION_RULES,
  INSTALLATION_SOURCES,
  LICENCE_TYPES,
  PRICING_MODELS,
  SCOPES,
  VIRTUALISATION_RIGHTS,
} from "../../domain/lists";
import { columnLetter } from "../cells";
import type { ListName } from "./types";

/** The Lists sheet: one column per dropdown list, header in row 1; data validation points at these ranges. */
export const LISTS_SHEET = "Lists";

export const LISTS: readonly { name: ListName; values: readonly (string | boolean)[] }[] = [
  { name: "Licence Type", values: LICENCE_TYPES },
  { name: "Scope", values: SCOPES },
  { name: "Allocation Rule", values: ALLOCATION_RULES },
  { name: "Pricing Model", values: PRICING_MODELS },
  { name: "Virtualisation Rights", values: VIRTUALISATION_RIGHTS },
  { name: "Source", values: INSTALLATION_SOURCES },
  { name: "TRUE/FALSE", values: [true, false] },
];

/**
 * The layout version of the register's tables, kept beside the lists. Set-up compares it to tell an older
 * workbook being upgraded (columns missing because they are new) from a current one a user changed
 * (columns missing because they were renamed or deleted).
 */
export const REGISTER_FORMAT = 3;
export const REGISTER_FORMAT_HEADER = "Register Format";

/** The Lists sheet as a grid: header row then the values, columns padded with "" to the longest list. */
export function listsGrid(): (string | boolean | number)[][] {
  const height = Math.max(...LISTS.map((list) => list.values.length));
  const grid: (string | boolean | number)[][] = [[...LISTS.map((list) => list.name), REGISTER_FORMAT_HEADER]];
  for (let row = 0; row < height; row++) {
    grid.push([...LISTS.map((list) => list.values[row] ?? ""), row === 0 ? REGISTER_FORMAT : ""]);
  }
  return grid;
}

export function listsGridAddress(): string {
  const height = Math.max(...LISTS.map((list) => list.values.length));
  return `A1:${columnLetter(LISTS.length)}${height + 1}`;
}

/** The cell holding the register format number. */
export const REGISTER_FORMAT_ADDRESS = `${columnLetter(LISTS.length)}2`;

/** Validation source, e.g. "=Lists!$A$2:$A$9". */
export function listSource(name: ListName): string {
  const index = LISTS.findIndex((list) => list.name === name);
  const letter = columnLetter(index);
  return `=${LISTS_SHEET}!$${letter}$2:$${letter}$${LISTS[index].values.length + 1}`;
}
