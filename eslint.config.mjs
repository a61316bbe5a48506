import { config } from '@n8n/node-cli/eslint';

// n8n's own community-node configuration (the rules n8n's verification scanner applies), with one
// relaxation: test code, the sandbox and benchmarks are tooling, never shipped, so they may use
// Node's globals, the console and dev dependencies.
export default [
	...config,
	{
		files: ['test/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/missing-paired-item': 'off',
			'no-console': 'off',
		},
	},
];
