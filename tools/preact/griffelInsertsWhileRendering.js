// Stands in for @griffel/react's useInsertionEffect.js in the builds (webpack.config.js): no insertion effect, so
// Griffel writes a component's CSS rules as it renders, as it does on React 17. preact/compat's
// useInsertionEffect is a layout effect, which runs after the refs and layout effects of the component's
// children: a child measuring itself there (the licence list finding which box scrolls it) would see its
// ancestors still unstyled.
export const useInsertionEffect = undefined;
