import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import * as ReactDom from "react-dom";
import * as Compat from "preact/compat";

/** The component tests check what ships: the pane on preact/compat (tools/preact/aliases.js), not React DOM. */
it("renders the components on preact/compat, the renderer the pane ships with", () => {
  expect(ReactDom.createPortal).toBe(Compat.createPortal);
  function Counter() {
    const [count, setCount] = useState(0);
    return <button onClick={() => setCount(count + 1)}>Pressed {count} times</button>;
  }
  render(<Counter />);
  fireEvent.click(screen.getByRole("button"));
  expect(screen.getByRole("button").textContent).toBe("Pressed 1 times");
});
