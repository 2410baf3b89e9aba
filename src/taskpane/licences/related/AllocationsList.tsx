import { Button, MessageBar, MessageBarBody, Text, useRestoreFocusTarget } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Allocation, Licence } from "../../../domain/schemas";
import { allocationState } from "../../../domain/usage";
import type { RegisterFigures } from "../../../live/liveFigures";
import { ConfirmDialog } from "../../ConfirmDialog";
import { formatDate, plural } from "../../formatting";
import { useRecordAction } from "../../hooks/useRecordAction";
import { useRegister, useRegisterContext } from "../../RegisterContext";
import { FormSection } from "../form/FormSection";
import { AllocationForm } from "./AllocationForm";
import { OneFormAtATime, RelatedItem, RelatedList, RowButton } from "./RelatedItem";
import { useFormSlot } from "./useFormSlot";

/** Active allocations first, then those not started yet, then the revoked: their history. */
const STATE_ORDER = { Active: 0, "Not started": 1, Revoked: 2 } as const;

/** What the allocation's line says after its dates: "Allocated 13 May 2026 · Active". */
function allocationDetail(allocation: Allocation, state: ReturnType<typeof allocationState>): string {
  const allocated = allocation.allocatedOn && `Allocated ${formatDate(allocation.allocatedOn)}`;
  const revoked = allocation.revokedOn && formatDate(allocation.revokedOn);
  if (state === "Revoked")
    return [allocated, revoked ? `Revoked ${revoked}` : "Revoked"].filter(Boolean).join(" · ");
  if (state === "Not started") return `Not started: allocated from ${formatDate(allocation.allocatedOn!)}`;
  return [allocated, revoked ? `Active until ${revoked}` : "Active"].filter(Boolean).join(" · ");
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
  // Cancelling a removal puts the keyboard back on the item's Remove button.
  const opensDialog = useRestoreFocusTarget();
  const [removing, setRemoving] = useState<Allocation>();
  // The licence's own allocations, looked up by its ID once per change to the register, not on every keystroke.
  const rows = useMemo(
    () =>
      figures
        .allocationsOf(licence.id)
        .map((allocation) => ({
          id: allocation.id,
          rowVersion: allocation.rowVersion,
          allocation,
          state: allocationState(allocation, today),
        }))
        .sort(
          (a, b) =>
            STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.allocation.user.localeCompare(b.allocation.user),
        ),
    [figures, licence.id, today],
  );
  const form = useFormSlot<Allocation>(rows);
  const count = (state: keyof typeof STATE_ORDER) => rows.filter((row) => row.state === state).length;
  const notStarted = count("Not started");

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
        {plural(count("Active"), "active allocation")}, {plural(count("Revoked"), "revoked", "revoked")}
        {notStarted > 0 && `, ${plural(notStarted, "not started yet", "not started yet")}`}
      </Text>
      {form.isOpen && rows.length > 0 && <OneFormAtATime record="an allocation" />}
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
          {...form.returnToRow}
          renderItem={({ allocation, state }) => (
            <RelatedItem
              title={
                allocation.department ? `${allocation.user} (${allocation.department})` : allocation.user
              }
              detail={allocationDetail(allocation, state)}
              actions={
                <>
                  <RowButton
                    action="Edit"
                    row={allocation.user}
                    id={form.buttonId(allocation)}
                    disabled={action.busy || form.isOpen}
                    onClick={() => (action.clear(), form.edit(allocation))}
                  />
                  {state === "Active" && (
                    <RowButton
                      action="Revoke"
                      row={allocation.user}
                      disabled={action.busy}
                      onClick={() => revoke(allocation)}
                    />
                  )}
                  <RowButton
                    action="Remove"
                    row={allocation.user}
                    subtle
                    disabled={action.busy}
                    onClick={() => setRemoving(allocation)}
                    {...opensDialog}
                  />
                </>
              }
            />
          )}
        />
      )}
      {form.isOpen ? (
        <AllocationForm
          key={form.editing?.id ?? "new"}
          licence={licence}
          allocation={form.editing}
          onSaved={(saved, merged) => {
            if (form.editing) action.notify(merged ?? `Saved ${saved.user}'s allocation.`);
            form.close(form.editing && saved);
          }}
          onCancel={() => form.close()}
        />
      ) : (
        <Button id={form.buttonId()} onClick={form.add}>
          Allocate to a user
        </Button>
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
