/** End-to-end suite: a real n8n process per file, so long timeouts and one file at a time. */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// The first run installs Node 24 and n8n into the cache (about 5 minutes).
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
};
