import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { ComplianceStatus } from "../../domain/lists";

const COLOURS: Record<ComplianceStatus, BadgeProps["color"]> = {
  Compliant: "success",
  "Over-deployed": "danger",
  "Under-utilized": "warning",
  "Review Required": "important",
};

/** Colour and words together, so the status never depends on colour alone. */
export function StatusBadge({ status }: { status: ComplianceStatus }) {
  return (
    <Badge appearance="tint" color={COLOURS[status]} shape="rounded">
      {status}
    </Badge>
  );
}
