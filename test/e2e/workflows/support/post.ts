/** Deliveries from "another system" to an n8n production webhook. */
import { HOOK_HEADER } from './context';

export interface Answer {
	status: number;
	body: Record<string, unknown>;
}

export async function post(url: string, body: unknown, header: { name: string; value: string } | null = HOOK_HEADER): Promise<Answer> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(header ? { [header.name]: header.value } : {}) },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	let parsed: Record<string, unknown>;
	try {
		parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	} catch {
		parsed = { text };
	}
	return { status: response.status, body: parsed };
}
