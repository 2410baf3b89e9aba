import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ALLOCATION_LABELS as A } from "../../../domain/labels";
import type { Allocation, Licence } from "../../../domain/schemas";
import type { RegisterFigures } from "../../../live/liveFigures";
import { ConfirmDialog } from "../../ConfirmDialog";
import { formatDate, plural } from "../../formatting";
import { useRecordAction } from "../../hooks/useRecordAction";
import { useRegister, useRegisterContext } from "../../RegisterContext";
import { FormSection } from "../form/FormSection";
import { AllocateForm } from "./AllocateForm";
import { RelatedItem, RelatedList } from "./RelatedItem";

/** Active on the date: allocated by then (or undated) and not yet revoked. */
export function isActiveAllocation(allocation: Allocation, today: string): boolean {
  return (
    (!allocation.allocatedOn || allocation.allocatedOn <= today) &&
    (!allocation.revokedOn || allocation.revokedOn > today)
  );
}

export function AllocationsList({
  licence,
  figures,
}: {
  licence: Licence;
  /** Where the licence's allocations are looked up: a new object after each change to the register. */
  figures: Pick<RegisterFigures, "allocationsOf">;
}) {
  const register = useRegister();
  const { today } = useRegisterContext();
  const action = useRecordAction();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Allocation>();
  // The licence's own allocations, looked up by its ID once per change to the register, not on every keystroke.
  const rows = useMemo(
    () =>
      [...figures.allocationsOf(licence.id)].sort(
        (a, b) =>
          Number(!isActiveAllocation(a, today)) - Number(!isActiveAllocation(b, today)) ||
          a.user.localeCompare(b.user),
      ),
    [figures, licence.id, today],
  );
  const active = rows.filter((allocation) => isActiveAllocation(allocation, today)).length;

  const revoke = (allocation: Allocation) =>
    void action.run(
      `revoke ${allocation.user}'s allocation`,
      () => register.update("allocations", { ...allocation, revokedOn: today }),
      () => `Revoked ${allocation.user}'s allocation from today.`,
    );

  const remove = (allocation: Allocation) => {
    setRemoving(undefined);
    void action.run(
      `remove ${allocation.user}'s allocation`,
      () => register.remove("allocations", allocation.id, allocation.rowVersion),
      () => `Removed ${allocation.user}'s allocation.`,
    );
  };

  return (
    <FormSection title="User Allocations">
      <Text role="status">
        {plural(active, "active allocation")}, {plural(rows.length - active, "revoked", "revoked")}
      </Text>
      {action.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      )}
      {action.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{action.notice}</MessageBarBody>
        </MessageBar>
      )}
      {rows.length > 0 && (
        <RelatedList
          label="User allocations"
          items={rows}
          renderItem={(allocation) => {
            const isActive = isActiveAllocation(allocation, today);
            return (
              <RelatedItem
                title={
                  allocation.department ? `${allocation.user} (${allocation.department})` : allocation.user
                }
                detail={[
                  allocation.allocatedOn && `${A.allocatedOn} ${formatDate(allocation.allocatedOn)}`,
                  allocation.revokedOn && `${A.revokedOn} ${formatDate(allocation.revokedOn)}`,
                  isActive ? "Active" : "Revoked",
                ]
                  .filter(Boolean)
                  .join(" · ")}
                actions={
                  <>
                    {isActive && (
                      <Button
                        size="small"
                        disabled={action.busy}
                        onClick={() => revoke(allocation)}
                        aria-label={`Revoke ${allocation.user}`}
                      >
                        Revoke
                      </Button>
                    )}
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={action.busy}
                      onClick={() => setRemoving(allocation)}
                      aria-label={`Remove ${allocation.user}`}
                    >
                      Remove
                    </Button>
                  </>
                }
              />
            );
          }}
        />
      )}
      {adding ? (
        <AllocateForm licence={licence} onDone={() => setAdding(false)} />
      ) : (
        <Button onClick={() => setAdding(true)}>Allocate to a user</Button>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title="Remove this allocation?"
        confirmLabel="Remove allocation"
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(undefined)}
      >
        {removing?.user}&apos;s allocation row is deleted from the Allocations sheet. To keep the history,
        cancel and use Revoke instead.
      </ConfirmDialog>
    </FormSection>
  );
}
