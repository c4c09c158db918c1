/** Unit, handler, store and HTTP tests. The browser test runs separately (scripts/e2e.mjs). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/backend', '<rootDir>/cloudfunctions/api/src', '<rootDir>/server', '<rootDir>/test', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2021', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', '^@core/(.*)$': '<rootDir>/src/core/$1', '^@backend/(.*)$': '<rootDir>/backend/$1' },
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: on CI's 2 cores, one suite at a time, while many
  // suites wait on timers (the CloudBase emulator's latency, the weapp harness's polls).
  maxWorkers: '100%',
}
