import type { Licence } from "../../../domain/schemas";
import type { RegisterData } from "../../../workbook/registerApi";
import { AllocationsList } from "./AllocationsList";
import { InstallationsList } from "./InstallationsList";

/** The article's related lists: who has the licence, and where it is installed. */
export function RelatedLists({ licence, data }: { licence: Licence; data: RegisterData }) {
  return (
    <>
      <AllocationsList licence={licence} allocations={data.allocations} />
      <InstallationsList licence={licence} installations={data.installations} software={data.software} />
    </>
  );
}
