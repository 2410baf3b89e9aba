import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { DraftText } from "./fields";

/** The licence key is hidden as dots until the user asks to see it. */
export function LicenceKeyField() {
  const [shown, setShown] = useState(false);
  return (
    <DraftText
      field="licenceKey"
      type={shown ? "text" : "password"}
      contentAfter={
        <Button
          appearance="transparent"
          size="small"
          aria-pressed={shown}
          aria-label={shown ? "Hide licence key" : "Show licence key"}
          onClick={() => setShown((value) => !value)}
        >
          {shown ? "Hide" : "Show"}
        </Button>
      }
    />
  );
}
