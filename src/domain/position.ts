import type { IsoDate } from "./dates";
import type { RegisterPosition } from "./positionTypes";
import { RegisterIndex, type RegisterInput } from "./registerIndex";

/**
 * The register's compliance position on a date. Rows are trusted to be valid (they are checked when read);
 * the work is one pass over each table, so it scales to millions of installations.
 */
export function computePosition(input: RegisterInput, asOf: IsoDate): RegisterPosition {
  return new RegisterIndex(input, asOf).position();
}
