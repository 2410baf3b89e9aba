import { makeStyles } from "@fluentui/react-components";

/** A plain vertical list whose entries are full-width buttons with left-aligned lines of text. */
export const useButtonListStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    width: "100%",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
  },
});
