/** n8n's internal REST API (/rest), signed in as the owner: used by the e2e n8n and the queue cluster. */
import type { Owner } from './n8nEnv';

export class OwnerSession {
	private cookie = '';

	constructor(
		private readonly url: () => string,
		private readonly owner: Owner,
	) {}

	/** Forgets the session cookie, e.g. after a restart. */
	signOut(): void {
		this.cookie = '';
	}

	/** Sends one call; signs in first when there is no session, and once more if it has expired. */
	async send(method: string, path: string, body?: unknown): Promise<{ ok: boolean; status: number; text: string }> {
		for (let attempt = 0; ; attempt++) {
			if (!this.cookie) await this.signIn();
			const response = await fetch(`${this.url()}${path}`, {
				method,
				headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (response.status === 401 && attempt === 0) {
				this.cookie = '';
				continue;
			}
			return { ok: response.ok, status: response.status, text };
		}
	}

	/** A /rest call; returns the `data` of the reply. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const { ok, status, text } = await this.send(method, `/rest${path}`, body);
		if (!ok) throw new Error(`${method} /rest${path}: ${status} ${text}`);
		return (text ? JSON.parse(text).data : undefined) as T;
	}

	private async signIn(): Promise<void> {
		const response = await fetch(`${this.url()}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: this.owner.email, password: this.owner.password }),
		});
		if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('login returned no n8n-auth cookie');
		this.cookie = cookie.split(';')[0];
	}
}
