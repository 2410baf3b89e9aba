import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useState } from "react";
import type { LinkPlan, ProductLinkPlan } from "../../domain/linkProposals";
import type { RegisterFigures } from "../../live/liveFigures";
import { ConfirmDialog } from "../ConfirmDialog";
import { formatCount, formatMoney, plural } from "../formatting";
import { CATCHING_UP_LABEL, useCatchingUp } from "../hooks/useCatchingUp";
import { failureSentence, unexpectedSentence } from "../messages";
import { useRegisterContext } from "../RegisterContext";
import { VirtualList } from "../VirtualList";
import { useLinkPlan } from "./useLinkPlan";

/** A product's sentence, two or three lines in a narrow pane; at 100,000 licences thousands of products can have some. */
const PRODUCT_HEIGHT_GUESS = 60;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
});

/** "2 links. Still 3 short after linking: £1,080.00 to buy." */
function linkSentence(product: ProductLinkPlan, money: (amount: number) => string): string {
  const links = product.proposals.length === 0 ? "nothing to link" : plural(product.proposals.length, "link");
  const left =
    product.leftUnlinked > 0 ? `; ${product.leftUnlinked} stay unlinked. ${product.leftReason}` : ".";
  const after =
    product.after.shortfall > 0
      ? `Still ${product.after.shortfall} short after linking: ${money(product.after.trueUpExposure)} to buy.`
      : `${product.after.status} after linking.`;
  return `${links}${left} ${after}`;
}

/**
 * The article's tip, done for the person: every unlinked installation gets a licence of its product that is
 * in force and has room, the position after linking is shown first, and nothing is linked until they confirm.
 */
export function LinkPanel({ figures }: { figures: RegisterFigures }) {
  const styles = useStyles();
  const { register, live } = useRegisterContext();
  const { plan, error, retry } = useLinkPlan(figures);
  const [confirming, setConfirming] = useState(false);
  const opensDialog = useRestoreFocusTarget();
  const [progress, setProgress] = useState<number>();
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; text: string }>();
  const { catchingUp, followSave } = useCatchingUp("installations", plan);
  const outcomeBar = outcome && (
    <MessageBar intent={outcome.intent} layout="multiline">
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
  if (!plan || catchingUp)
    return (
      <section className={styles.stack} aria-label="Link installations to licences">
        {outcomeBar}
        {error ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={retry}>Try again</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <Spinner
            size="tiny"
            label={
              catchingUp
                ? CATCHING_UP_LABEL
                : "Working out which licences can take the unlinked installations…"
            }
          />
        )}
      </section>
    );
  const money = (amount: number) => formatMoney(amount, plan.reportingCurrency);
  const unlinked = plan.products.reduce((total, product) => total + product.unlinked, 0);

  const link = async () => {
    setConfirming(false);
    setOutcome(undefined);
    setProgress(0);
    const updated = plan.proposals.flatMap(({ installationId, licenceId }) => {
      const installation = live.record("installations", installationId);
      return installation ? [{ ...installation, licenceId }] : [];
    });
    try {
      const saved = await register.updateMany("installations", updated, (_, fraction) =>
        setProgress(fraction),
      );
      if (saved.ok) followSave(saved.value);
      setOutcome(
        saved.ok
          ? {
              intent: "success",
              text: `Linked ${plural(saved.value.length, "installation")} to their licences.`,
            }
          : { intent: "error", text: failureSentence(saved.error, "link the installations") },
      );
    } catch (caught) {
      setOutcome({ intent: "error", text: unexpectedSentence(caught, "link the installations") });
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section className={styles.stack} aria-label="Link installations to licences">
      {outcomeBar}
      {unlinked === 0 ? (
        <Text>Every installation of a catalogue product is linked to a licence.</Text>
      ) : (
        <>
          <Text>
            {plural(unlinked, "installation")} {unlinked === 1 ? "is" : "are"} linked to no licence;{" "}
            {plan.proposals.length === 0
              ? "no licence in force has room for them."
              : `${plural(plan.proposals.length, "installation")} can be linked to licences that entitle them.`}
          </Text>
          <Text>{afterLinkingSentence(plan, money)}</Text>
          {progress !== undefined ? (
            <Field
              label="Linking installations"
              validationState="none"
              validationMessage={`${Math.round(progress * 100)}%`}
            >
              <ProgressBar value={progress} max={1} />
            </Field>
          ) : (
            plan.proposals.length > 0 && (
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => setConfirming(true)} {...opensDialog}>
                  Link {plural(plan.proposals.length, "installation")}
                </Button>
              </div>
            )
          )}
          <VirtualList
            label="Proposed links by product"
            className={styles.list}
            items={plan.products}
            itemKey={(product) => product.softwareId}
            estimateSize={PRODUCT_HEIGHT_GUESS}
            gap={4}
            renderItem={(product) => (
              <>
                <strong>{product.softwareName}</strong>: {linkSentence(product, money)}
              </>
            )}
          />
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title="Link installations to licences?"
        confirmLabel={`Link ${plural(plan.proposals.length, "installation")}`}
        onConfirm={() => void link()}
        onCancel={() => setConfirming(false)}
      >
        Each installation gets the licence shown for its product. You can change any link afterwards in the
        Installations sheet.
      </ConfirmDialog>
    </section>
  );
}

/**
 * "After linking: 3 products over-deployed (4 before linking); buying the missing licences would cost £900.00
 * (£1,200.00 before linking)." A figure linking leaves as it is is said once, "as now".
 */
function afterLinkingSentence(
  plan: Pick<LinkPlan, "overDeployedAfter" | "overDeployedBefore" | "trueUpAfter" | "trueUpBefore">,
  money: (amount: number) => string,
): string {
  const change = (after: string, before: string, same: boolean) =>
    same ? `${after}, as now` : `${after} (${before} before linking)`;
  const { overDeployedAfter: after, overDeployedBefore: before } = plan;
  const products = change(`${plural(after, "product")} over-deployed`, formatCount(before), after === before);
  const [costAfter, costBefore] = [money(plan.trueUpAfter), money(plan.trueUpBefore)];
  const cost = change(costAfter, costBefore, costAfter === costBefore);
  return `After linking: ${products}; buying the missing licences would cost ${cost}.`;
}
