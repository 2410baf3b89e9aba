import { makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // A Field is a grid whose auto column grows to its content's intrinsic width (a native input is ~200 px, a
    // sentence its whole length): pin it to the section so controls shrink and texts wrap instead of being cut
    // at 320 px. Its rows stay at the top: a taller neighbour (one with a message) must not stretch its input.
    "& .fui-Field": { gridTemplateColumns: "minmax(0, 1fr)", alignContent: "start" },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Two (or three) columns of at least 150 px while they fit, one column below that; min(100%, …) keeps a
  // single column inside the pane however narrow it gets. Empty tracks collapse, so a pair of fields shares a
  // wide pane rather than leaving gaps.
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 150px), 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    "& > *": { minWidth: 0 },
    "& .fui-Input, & .fui-Select, & .fui-Combobox, & .fui-Textarea": { minWidth: 0, maxWidth: "100%" },
  },
});

/** One panel of the licence form, headed as the article names it. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.root} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** Short fields side by side where there is room, one per line at 320 px. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className={useStyles().grid}>{children}</div>;
}
