import { fireEvent } from "@testing-library/react";

/**
 * Puts `value` in a text field as typing or pasting does: the browser sets the value and fires `input`, the event
 * the pane's onChange handlers hear on preact/compat (React DOM heard `change` too, which is what tests used to
 * fire). Lists (<select>) still take fireEvent.change: that is the event Preact hears from them.
 */
export function typeText(field: HTMLElement, value: string): void {
  fireEvent.input(field, { target: { value } });
}
