import { configure } from "@testing-library/react";

// findBy… and waitFor wait for what a user waits for: a save, a co-author's change arriving. The default
// 1 s is too short on the shared 2-core CI machine while the logic projects run beside the pane tests (a
// conflicts test once missed "Someone else deleted this licence…" by that margin); a real failure still fails.
configure({ asyncUtilTimeout: 10_000 });
