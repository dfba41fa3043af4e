// The one way the page calls the API: JSON in and out, and every refusal read as an RFC 7807 problem.

/** Header the service worker adds to answers it serves from its cache. */
const CACHED_AT_HEADER = 'x-stationmap-cached-at';

/** An answer and, when the service worker served it from its cache, when it was saved. */
export interface Fetched<T> {
  data: T;
  cachedAt: Date | null;
}

/** A refused request as the API describes it (RFC 7807); `errors` names the fields at fault. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null = null,
    readonly errors: Readonly<Record<string, readonly string[]>> = {},
    readonly type = 'about:blank',
  ) {
    super(detail ?? title);
  }

  /** The fields the API found fault with. */
  get fields(): string[] {
    return Object.keys(this.errors);
  }

  /** Reads a problem from a refused response; a body that is not one still gives the status and its text. */
  static async read(response: Response): Promise<Problem> {
    const body = (await response.json().catch(() => null)) as Partial<Problem> | null;
    return new Problem(
      response.status,
      typeof body?.title === 'string' ? body.title : response.statusText || String(response.status),
      typeof body?.detail === 'string' ? body.detail : null,
      body?.errors && typeof body.errors === 'object' ? body.errors : {},
      typeof body?.type === 'string' ? body.type : 'about:blank');
  }
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Sent as a JSON body with POST. */
  json?: unknown;
  signal?: AbortSignal;
}

/** The JSON answer of a request, or a thrown Problem; an abort rejects with the fetch's AbortError. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<Fetched<T>> {
  const init: RequestInit = { headers: options.headers, signal: options.signal };
  if (options.json !== undefined) {
    init.method = 'POST';
    init.headers = { 'Content-Type': 'application/json', ...options.headers };
    init.body = JSON.stringify(options.json);
  }
  const response = await fetch(url, init);
  if (!response.ok) throw await Problem.read(response);
  const cached = response.headers.get(CACHED_AT_HEADER);
  return { data: (await response.json()) as T, cachedAt: cached ? new Date(cached) : null };
}

/** The JSON answer alone, for callers that do not show cache age. */
export const requestData = async <T>(url: string, options?: RequestOptions): Promise<T> =>
  (await request<T>(url, options)).data;

export const bearer = (key: string): Record<string, string> => ({ Authorization: `Bearer ${key}` });
