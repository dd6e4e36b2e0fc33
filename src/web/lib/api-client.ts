/** A page of a list, as every list route of the API returns it. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** What the API says when it refuses (problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | undefined>;

/** The calls the web app makes: only the HTTP API, with the person's key as a bearer token. */
export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  /** Fetches a file (CSV) and hands it to the browser as a download. */
  download(path: string, filename: string): Promise<void>;
  post<T>(path: string, body: unknown): Promise<T>;
}

function withQuery(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string; message?: string };
    return new ApiError(
      response.status,
      body.code ?? 'ERROR',
      body.detail ?? body.message ?? response.statusText,
    );
  } catch {
    return new ApiError(response.status, 'ERROR', response.statusText);
  }
}

/** A client bound to one API key; `base` is the API origin ('' when the app is served by the API). */
export function createApiClient(key: string, base = ''): ApiClient {
  const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
  async function send(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, init);
    } catch (e) {
      throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
    }
    if (!response.ok) throw await failure(response);
    return response;
  }
  return {
    async get<T>(path: string, query?: Query): Promise<T> {
      return (await (await send(withQuery(path, query), { headers })).json()) as T;
    },
    async post<T>(path: string, body: unknown): Promise<T> {
      const response = await send(path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
    async download(path: string, filename: string): Promise<void> {
      const blob = await (await send(path, { headers: { authorization: headers.authorization } })).blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    },
  };
}
