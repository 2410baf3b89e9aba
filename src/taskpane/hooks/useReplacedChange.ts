import { useEffect, useState } from "react";
import type { Register } from "../../workbook/registerApi";

/**
 * What the register found when a co-author's change arrived after this person's save (Excel on the web merges
 * co-authors' changes seconds later, the later one winning each cell): the sentence for the record whose
 * change was replaced, or undefined. Both saves end on the same Row Version, so only the register can tell.
 */
export function useReplacedChange(register: Register, id: string | undefined): string | undefined {
  const [replaced, setReplaced] = useState<{ id: string; message: string }>();
  useEffect(
    () =>
      register.onChanged((change) => {
        const found = change.overwritten?.find((entry) => entry.id === id);
        if (found) setReplaced({ id: found.id, message: found.message });
      }),
    [register, id],
  );
  return replaced && replaced.id === id ? replaced.message : undefined;
}
