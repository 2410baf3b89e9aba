import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId, useMemo, type ReactNode } from "react";
import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterPosition } from "../../domain/positionTypes";
import { Notice } from "../Notice";
import { useWholePosition } from "./useWholePosition";
import type { RegisterData } from "../../workbook/registerApi";
import { formatDate, plural } from "../formatting";
import { useLive, useRegister } from "../RegisterContext";
import { ComplianceGrid } from "./ComplianceGrid";
import { DataIssues } from "./DataIssues";
import { SnapshotPanel } from "./SnapshotPanel";
import { StatusCounts } from "./StatusCounts";
import { RENEWAL_WINDOW_DAYS, upcomingRenewals } from "../../domain/upcomingRenewals";
import { issueRows } from "./summaries";
import { UpcomingRenewals } from "./UpcomingRenewals";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

interface DashboardProps {
  data: RegisterData;
  figures: RegisterFigures;
  onOpenLicence: (id: string) => void;
}

export function Dashboard(props: DashboardProps) {
  // the whole register's figures: worked out in slices the first time, then only what an edit touched
  const { position, error, retry } = useWholePosition(props.figures);
  if (position) return <DashboardFigures {...props} position={position} />;
  if (error)
    return (
      <Notice intent="error" actions={<Button onClick={retry}>Try again</Button>}>
        {error}
      </Notice>
    );
  return <Spinner label={`Working out the figures for ${plural(props.data.licences.length, "licence")}…`} />;
}

function DashboardFigures({
  data,
  figures,
  position,
  onOpenLicence,
}: DashboardProps & { position: RegisterPosition }) {
  const styles = useStyles();
  const register = useRegister();
  const live = useLive();
  // Renewal dates follow from the licences and the as-of date, not from the installations edited most often.
  const { software, licences } = data;
  const renewals = useMemo(
    () => upcomingRenewals({ software, licences }, { licences: { get: figures.licence } }),
    [software, licences, figures.licence],
  );
  const issues = useMemo(
    () => issueRows(data.issues, position.problems, (kind, id) => live.recordsIn(kind).has(id)),
    [data, position.problems, live],
  );
  return (
    <div className={styles.root}>
      <Text size={200}>
        {plural(position.products.length, "product")} as of {formatDate(position.asOf)}; costs in{" "}
        {position.reportingCurrency}.
      </Text>
      <Section title="Products by compliance status">
        <StatusCounts products={position.products} />
      </Section>
      <Section title="Software compliance">
        <ComplianceGrid products={position.products} currency={position.reportingCurrency} />
      </Section>
      <Section title={`Renewals in the next ${RENEWAL_WINDOW_DAYS} days`}>
        <UpcomingRenewals renewals={renewals} asOf={position.asOf} onOpen={onOpenLicence} />
      </Section>
      <Section title={`Data issues (${issues.length})`}>
        <DataIssues issues={issues} register={register} />
      </Section>
      {register.takeSnapshot && (
        <Section title="Dashboard sheet and snapshots">
          <SnapshotPanel register={register} figuresOn={live.figuresOn} />
        </Section>
      )}
    </div>
  );
}
