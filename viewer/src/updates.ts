// graph.json can be rewritten while the page is open (`newsgraph watch`, or another build into the
// same directory). The viewer asks the server now and then whether it changed (HEAD, compared by
// the ETag `newsgraph serve` sends) and then offers a reload. It never reloads by itself: an
// analyst reading an edge's sentences keeps them until they choose, and the URL hash brings the
// selection, filters and camera back after the reload.
import type { Fetch } from './archive';

/** How often to ask; a HEAD of graph.json reads no body on the server (src/serve/index.ts). */
export const UPDATE_POLL_MS = 3000;

/** The version of graph.json a response describes: its ETag, else its Last-Modified; null when neither. */
export function graphVersion(headers: Headers): string | null {
  return headers.get('ETag') ?? headers.get('Last-Modified');
}

export interface UpdateWatchOptions {
  interval: number;
  fetchFn: Fetch;
  /** Whether the page is in view: a tab in the background asks nothing. */
  visible: () => boolean;
}

/**
 * Calls `onChange` once, the first time graph.json's version differs from `version`, then stops.
 * A failed request (the server stopped, say) is asked again next time. Returns a function that stops
 * the watch.
 */
export function watchGraphVersion(url: string, version: string, onChange: () => void, options: UpdateWatchOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const ask = async (): Promise<void> => {
    if (options.visible()) {
      try {
        const response = await options.fetchFn(url, { method: 'HEAD', cache: 'no-store' });
        const now = response.ok ? graphVersion(response.headers) : null;
        if (!stopped && now !== null && now !== version) {
          stopped = true;
          onChange();
          return;
        }
      } catch {
        // not reachable now: ask again later
      }
    }
    if (!stopped) timer = setTimeout(() => void ask(), options.interval);
  };
  timer = setTimeout(() => void ask(), options.interval);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
