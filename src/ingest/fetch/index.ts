// The polite HTTP client of ingest: see client.ts for what it promises a server.
export { PoliteFetcher, checkUrl, type FetchedPage, type FetchStats } from './client';
export { DEFAULT_FETCH_OPTIONS, defaultCacheDir, resolveFetchOptions, type FetchOptions } from './options';
export { privateAddressReason } from './address';
