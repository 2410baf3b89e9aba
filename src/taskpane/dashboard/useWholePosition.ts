import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterPosition } from "../../domain/positionTypes";
import { useWorkedOut } from "../hooks/useWorkedOut";

export interface WholePosition {
  /** Undefined while it is first worked out. */
  position?: RegisterPosition;
  /** A plain sentence when it could not be worked out. */
  error?: string;
  /** Works it out again after an error. */
  retry: () => void;
}

/**
 * The whole register's position for the Dashboard. The first time, it is worked out a slice at a time
 * (positionSoon), so the pane and the custom functions keep answering meanwhile; after that each change
 * patches it at once.
 */
export function useWholePosition(figures: RegisterFigures): WholePosition {
  const { value, error, retry } = useWorkedOut(
    figures.positionIfWorkedOut(),
    figures.positionSoon,
    "work out the Dashboard's figures",
  );
  return { position: value, error, retry };
}
