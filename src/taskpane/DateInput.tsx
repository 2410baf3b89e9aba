import { Input, type InputProps } from "@fluentui/react-components";

/**
 * Chrome's and Edge's date box gives no value at all while one part of the date is empty (the day typed, not
 * the month; Backspace pressed in the month), the same as a cleared box: saving would blank the date the person
 * was still typing. The box's validity.badInput is the only thing that tells the two apart; the form holds
 * what the box says as an error for the field (partDateMessage) and refuses to save.
 */

/** Whether this element is a date box holding part of a date. */
export function isPartDate(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === "date" && target.validity.badInput;
}

/**
 * A date box that says whether it holds part of a date, as the person types, leaves it or presses Enter (a date
 * typed part-way and never left has not said so yet), before the event reaches the form around it.
 */
export function DateInput({
  onPartDate,
  onChange,
  onBlur,
  onKeyDown,
  ...props
}: Omit<InputProps, "type"> & { onPartDate: (partly: boolean) => void }) {
  return (
    <Input
      {...props}
      type="date"
      onChange={(event, data) => {
        onChange?.(event, data);
        onPartDate(isPartDate(event.currentTarget));
      }}
      onBlur={(event) => {
        onPartDate(isPartDate(event.currentTarget));
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") onPartDate(isPartDate(event.currentTarget));
        onKeyDown?.(event);
      }}
    />
  );
}
