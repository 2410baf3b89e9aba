// Excel provides the CustomFunctions global before the add-in's code runs; in the playground this module must be
// imported before the functions so their build-time `CustomFunctions.associate(...)` calls find it.
import { installCustomFunctionsGlobal } from "../host/customFunctionsRuntime";

// Office.js (loaded by playground.html) defines its own CustomFunctions outside Excel, whose associate() keeps
// the functions where the in-memory host's calculation engine never looks (every LICENSE.* cell showed #NAME?).
// Replace it with the host's runtime.
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = undefined;
installCustomFunctionsGlobal();
