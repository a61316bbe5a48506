/** Queue-mode suite: Postgres, Redis and four n8n processes for one file, so long timeouts, one worker. */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 20 * 60 * 1000,
	maxWorkers: 1,
};
