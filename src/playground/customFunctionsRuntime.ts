// Excel provides the CustomFunctions global before the add-in's code runs; in the playground the in-memory host's
// runtime stands in for it. This module must be imported before the functions so their build-time
// `CustomFunctions.associate(...)` calls find it.
import { installCustomFunctionsGlobal } from "../host/customFunctionsRuntime";

installCustomFunctionsGlobal();
