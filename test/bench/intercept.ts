/**
 * Sends the built-in Xero node's requests to the sandbox, and records what goes over the wire.
 *
 * That node has Xero's hosts written into its code (`https://api.xero.com/api.xro/2.0…`,
 * `https://identity.xero.com/connect/token`), unlike this package, whose credential carries the API
 * URL. n8n-core 2.41 sends every node request and every OAuth2 token request through the default
 * instance of `axios` (via @n8n/backend-network and @n8n/client-oauth2), so one request interceptor
 * on that instance rewrites those origins to the sandbox's, in-process, without touching either
 * package's code. The same interceptors see both nodes' requests and answers, which is how the
 * rate-limit scenario tells a retried request from a new one.
 */
import { createHash } from 'crypto';
import type { AxiosResponse, AxiosStatic, InternalAxiosRequestConfig } from 'axios';

import { REPO_ROOT } from '../harness';

const XERO_ORIGINS = ['https://api.xero.com', 'https://identity.xero.com', 'https://login.xero.com'];
const SIGNATURE = Symbol('benchSignature');

type Tagged = InternalAxiosRequestConfig & { [SIGNATURE]?: string };

export interface Exchange {
	/** Method, URL, query and body: equal for a request and its retry. */
	signature: string;
	status: number;
}

export interface Wire {
	/** Requests to Xero's hosts sent to the sandbox so far. */
	readonly redirected: number;
	/**
	 * Re-adds `Xero-tenant-id` (this tenant) to API calls that lack it. The built-in node 2.41 drops
	 * it after the first page of "Return All" (its `xeroApiRequest` deletes `organizationId` from the
	 * body object the paging loop reuses), which n8n fixed after 2.41; the benchmark reports the node
	 * both as shipped and with that fix. Undefined: as shipped.
	 */
	tenantFix: string | undefined;
	/** Every answered request since the last `clear()`, in order. */
	readonly exchanges: Exchange[];
	clear(): void;
	remove(): void;
}

function n8nAxios(): AxiosStatic {
	// The copy n8n-core's HTTP layer resolves, not necessarily the one this file would.
	const network = require.resolve('@n8n/backend-network', { paths: [REPO_ROOT] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve('axios', { paths: [network] })) as AxiosStatic;
}

function signatureOf(config: InternalAxiosRequestConfig): string {
	const data = config.data === undefined ? '' : typeof config.data === 'string' ? config.data : JSON.stringify(config.data);
	return createHash('sha1')
		.update(`${config.method ?? 'get'} ${config.url ?? ''} ${JSON.stringify(config.params ?? {})} `)
		.update(data)
		.digest('base64');
}

export function installWire(sandboxUrl: string): Wire {
	const axios = n8nAxios();
	const exchanges: Exchange[] = [];
	const wire = {
		redirected: 0,
		tenantFix: undefined as string | undefined,
		exchanges,
		clear: () => {
			exchanges.length = 0;
		},
		remove: () => {
			axios.interceptors.request.eject(requestId);
			axios.interceptors.response.eject(responseId);
		},
	};
	const requestId = axios.interceptors.request.use((config: Tagged) => {
		const url = config.url ?? '';
		const origin = XERO_ORIGINS.find((candidate) => url.startsWith(`${candidate}/`));
		if (origin) {
			wire.redirected++;
			config.url = sandboxUrl + url.slice(origin.length);
			// The https agent n8n chose for Xero's host cannot speak to the plain-http sandbox.
			config.httpsAgent = undefined;
			if (wire.tenantFix && url.includes('/api.xro/') && !config.headers.has('xero-tenant-id')) {
				config.headers.set('Xero-tenant-id', wire.tenantFix);
			}
		}
		if (config.url?.startsWith(sandboxUrl)) config[SIGNATURE] = signatureOf(config);
		return config;
	});
	const record = (config: Tagged | undefined, status: number) => {
		const signature = config?.[SIGNATURE];
		if (signature) exchanges.push({ signature, status });
	};
	const responseId = axios.interceptors.response.use(
		(response: AxiosResponse) => {
			record(response.config as Tagged, response.status);
			return response;
		},
		(error: { config?: Tagged; response?: { status: number } }) => {
			record(error.config, error.response?.status ?? 0);
			return Promise.reject(error);
		},
	);
	return wire;
}

/** 429 answers, and how many of them were followed by the same request again. */
export function rateLimitAnswers(exchanges: Exchange[]): { seen: number; retried: number } {
	const pending = new Map<string, number>();
	let seen = 0;
	let retried = 0;
	for (const { signature, status } of exchanges) {
		const waiting = pending.get(signature) ?? 0;
		if (waiting) {
			retried += waiting;
			pending.delete(signature);
		}
		if (status === 429) {
			seen++;
			pending.set(signature, 1);
		}
	}
	return { seen, retried };
}
