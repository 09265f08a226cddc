// Jest 30 on Node 20 cannot load ESM packages (NestJS 12 is ESM only). Files that use ESM syntax
// are compiled to CommonJS by @swc/jest; plain CommonJS passes through untouched, which keeps the
// transform cheap for the thousands of CommonJS files in node_modules.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: { parser: { syntax: 'ecmascript', importAttributes: true }, target: 'es2022' },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
});

const ESM_SYNTAX = /^\s*(import|export)\s|import\.meta/m;

module.exports = {
  canInstrument: false,
  getCacheKey(source, path, options) {
    return swc.getCacheKey(source, path, options) + (ESM_SYNTAX.test(source) ? ':esm' : ':cjs');
  },
  process(source, path, options) {
    if (!ESM_SYNTAX.test(source)) return { code: source };
    return swc.process(source, path, options);
  },
};
