export { apiUrlOf, XERO_APP_TYPE, XERO_CUSTOM_CONNECTION_TYPE, credentialTypeOf, type XeroContext } from './context';
export { isoFromXeroDate, normalizeDates, parseInputDate, toXeroDate } from './dates';
export { validationMessages } from './errors';
export { idempotencyKey } from './idempotency';
export { xeroRequest, xeroRequestFull, type XeroRequestOptions } from './request';
export { xeroGetAll, xeroPages, MAX_PAGE_SIZE, type XeroListOptions } from './pagination';
export { xeroBatchWrite, BATCH_SIZE, type BatchResult } from './batch';
export { scopeFor } from './scopes';
