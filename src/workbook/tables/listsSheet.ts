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

/** The Lists sheet as a grid: header row then the values, columns padded with "" to the longest list. */
export function listsGrid(): (string | boolean)[][] {
  const height = Math.max(...LISTS.map((list) => list.values.length));
  const grid: (string | boolean)[][] = [LISTS.map((list) => list.name)];
  for (let row = 0; row < height; row++) grid.push(LISTS.map((list) => list.values[row] ?? ""));
  return grid;
}

export function listsGridAddress(): string {
  const height = Math.max(...LISTS.map((list) => list.values.length));
  return `A1:${columnLetter(LISTS.length - 1)}${height + 1}`;
}

/** Validation source, e.g. "=Lists!$A$2:$A$9". */
export function listSource(name: ListName): string {
  const index = LISTS.findIndex((list) => list.name === name);
  const letter = columnLetter(index);
  return `=${LISTS_SHEET}!$${letter}$2:$${letter}$${LISTS[index].values.length + 1}`;
}
