// The generator lives beside the playground, which seeds the same register in a browser (?licences=N);
// the benchmark's scripts import it from here.
export * from "../src/playground/syntheticRegister";
