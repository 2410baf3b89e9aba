import { installCustomFunctionsGlobal } from "../../src/host/customFunctionsRuntime";

installCustomFunctionsGlobal();
