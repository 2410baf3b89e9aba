import { LICENCE_COMPUTED_LABELS } from "../../../domain/labels";
import { PRICING_MODELS } from "../../../domain/lists";
import type { LicencePosition } from "../../../domain/positionTypes";
import { formatMoney } from "../../formatting";
import { DraftChoice, DraftDate, DraftNumber, DraftText, ReadOnlyValue } from "./fields";
import { FieldRow, FormSection } from "./FormSection";

export function PurchaseSection({ position }: { position?: LicencePosition }) {
  return (
    <FormSection title="Purchase">
      <FieldRow>
        <DraftText field="vendor" />
        <DraftText field="purchaseOrder" />
        <DraftDate field="purchaseDate" />
        <DraftDate field="invoiceDate" />
        <DraftNumber field="cost" decimal hint="For the whole purchase, per pricing period" />
        <DraftText field="currency" hint="3-letter code, e.g. GBP" />
        <DraftChoice field="pricingModel" options={PRICING_MODELS} required />
        <DraftNumber field="termMonths" hint="Needed for Multi-year" />
        <DraftNumber field="unitCost" decimal hint="Blank: worked out from the cost" />
      </FieldRow>
      <ReadOnlyAnnualCost position={position} />
    </FormSection>
  );
}

function ReadOnlyAnnualCost({ position }: { position?: LicencePosition }) {
  return (
    <ReadOnlyValue
      label={LICENCE_COMPUTED_LABELS.annualCost}
      value={position ? formatMoney(position.annualCost, position.currency) : ""}
    />
  );
}
