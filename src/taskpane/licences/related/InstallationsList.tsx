import { Button, MessageBar, MessageBarBody, Text, useRestoreFocusTarget } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { INSTALLATION_LABELS as I } from "../../../domain/labels";
import type { Installation, Licence } from "../../../domain/schemas";
import type { RegisterFigures } from "../../../live/liveFigures";
import type { RegisterData } from "../../../workbook/registerApi";
import { ConfirmDialog } from "../../ConfirmDialog";
import { formatDate, plural } from "../../formatting";
import { useRecordAction } from "../../hooks/useRecordAction";
import { useRegister } from "../../RegisterContext";
import { FormSection } from "../form/FormSection";
import { InstallationForm } from "./InstallationForm";
import { LinkUnlinked } from "./LinkUnlinked";
import { OneFormAtATime, RelatedItem, RelatedList, RowButton } from "./RelatedItem";
import { useFormSlot } from "./useFormSlot";

export function InstallationsList({
  licence,
  figures,
  data,
}: {
  licence: Licence;
  /** Where the licence's installations are looked up: a new object after each change to the register. */
  figures: Pick<RegisterFigures, "installationsOf" | "unlinkedInstallationsOf">;
  /** The catalogue, for the software's name. */
  data: Pick<RegisterData, "software">;
}) {
  const register = useRegister();
  const action = useRecordAction();
  // Cancelling a removal puts the keyboard back on the item's Remove button.
  const opensDialog = useRestoreFocusTarget();
  const [removing, setRemoving] = useState<Installation>();
  // The licence's own installations, looked up by its ID once per change to the register, not on every keystroke.
  const rows = useMemo(
    () => [...figures.installationsOf(licence.id)].sort((a, b) => a.device.localeCompare(b.device)),
    [figures, licence.id],
  );
  const form = useFormSlot<Installation>(rows);
  // The software's installations with no licence, kept by the index per product: never a scan of every installation.
  const unlinked = useMemo(
    () => figures.unlinkedInstallationsOf(licence.softwareId),
    [figures, licence.softwareId],
  );
  const softwareName =
    data.software.find((item) => item.id === licence.softwareId)?.name ?? licence.softwareId;

  const unlink = (installation: Installation) =>
    void action.run(
      `unlink ${installation.device}`,
      () => register.update("installations", { ...installation, licenceId: undefined }),
      () => `Unlinked ${installation.device}; it stays in the Installations sheet with no licence.`,
    );

  const remove = (installation: Installation) => {
    setRemoving(undefined);
    void action.run(
      `remove the installation on ${installation.device}`,
      () => register.remove("installations", installation.id, installation.rowVersion),
      () => `Removed the installation on ${installation.device}.`,
    );
  };

  return (
    <FormSection title="Installations">
      <Text role="status">{plural(rows.length, "linked installation")}</Text>
      {form.isOpen && rows.length > 0 && <OneFormAtATime record="an installation" />}
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
          label="Installations"
          items={rows}
          {...form.returnToRow}
          renderItem={(installation) => (
            <RelatedItem
              title={installation.device}
              detail={[
                installation.user,
                installation.version && `${I.version} ${installation.version}`,
                installation.installedOn && `Installed ${formatDate(installation.installedOn)}`,
                // Most are recorded by hand; say where the others came from.
                installation.source !== "Manual" && `${I.source}: ${installation.source}`,
              ]
                .filter(Boolean)
                .join(" · ")}
              actions={
                <>
                  <RowButton
                    action="Edit"
                    row={installation.device}
                    id={form.buttonId(installation)}
                    disabled={action.busy || form.isOpen}
                    onClick={() => (action.clear(), form.edit(installation))}
                  />
                  <RowButton
                    action="Unlink"
                    row={installation.device}
                    disabled={action.busy}
                    onClick={() => unlink(installation)}
                  />
                  <RowButton
                    action="Remove"
                    row={installation.device}
                    subtle
                    disabled={action.busy}
                    onClick={() => setRemoving(installation)}
                    {...opensDialog}
                  />
                </>
              }
            />
          )}
        />
      )}
      <LinkUnlinked licence={licence} unlinked={unlinked} softwareName={softwareName} />
      {form.isOpen ? (
        <InstallationForm
          key={form.editing?.id ?? "new"}
          licence={licence}
          installation={form.editing}
          onSaved={(saved, merged) => {
            if (form.editing) action.notify(merged ?? `Saved the installation on ${saved.device}.`);
            form.close(form.editing && saved);
          }}
          onCancel={() => form.close()}
        />
      ) : (
        <Button id={form.buttonId()} onClick={form.add}>
          Add installation
        </Button>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title="Remove this installation?"
        confirmLabel="Remove installation"
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(undefined)}
      >
        The installation on {removing?.device} is deleted from the Installations sheet. If the software is
        still installed there, cancel and use Unlink instead.
      </ConfirmDialog>
    </FormSection>
  );
}
