/** Shared by the unit and e2e configs: TypeScript and ESM packages through swc (see STACK-NOTES). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transformIgnorePatterns: [],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.m?js$': '<rootDir>/test/setup/esm-transformer.cjs',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
