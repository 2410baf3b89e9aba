import type { Licence } from "../../../domain/schemas";
import type { RegisterFigures } from "../../../live/liveFigures";
import type { RegisterData } from "../../../workbook/registerApi";
import { AllocationsList } from "./AllocationsList";
import { InstallationsList } from "./InstallationsList";

/** The article's related lists: who has the licence, and where it is installed. */
export function RelatedLists({
  licence,
  data,
  figures,
}: {
  licence: Licence;
  /** Only the catalogue: the lists' rows come from the figures' index, not from copies of whole tables. */
  data: Pick<RegisterData, "software">;
  figures: RegisterFigures;
}) {
  return (
    <>
      <AllocationsList licence={licence} figures={figures} />
      <InstallationsList licence={licence} figures={figures} data={data} />
    </>
  );
}
