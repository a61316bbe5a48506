import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { config } from '@n8n/node-cli/eslint';

// n8n's community rules are about shipped node code; tests, the sandbox and benchmarks are tooling
// that never ships, so they keep the TypeScript rules but may use Node, the console and test fakes.
const communityRulesOff = Object.fromEntries(
	Object.keys(n8nCommunityNodesPlugin.rules).map((rule) => [`@n8n/community-nodes/${rule}`, 'off']),
);

export default [
	...config,
	{
		files: ['test/**/*.ts'],
		rules: { ...communityRulesOff, 'no-console': 'off' },
	},
];
