import { createHmac, timingSafeEqual } from 'crypto';

/** Xero's signature of a delivery: base64 HMAC-SHA256 of the raw body, keyed with the webhook key. */
export function xeroSignature(rawBody: Buffer, key: string): string {
	return createHmac('sha256', key).update(rawBody).digest('base64');
}

/**
 * Whether `x-xero-signature` signs exactly these bytes. Compared in constant time; a missing,
 * truncated or padded signature fails the length check first (timingSafeEqual needs equal lengths).
 */
export function isValidSignature(rawBody: Buffer, header: unknown, key: string): boolean {
	if (typeof header !== 'string' || header === '' || key === '') return false;
	const expected = Buffer.from(xeroSignature(rawBody, key), 'utf8');
	const given = Buffer.from(header, 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
