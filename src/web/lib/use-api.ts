import { createContext, useContext, useEffect, useState } from 'react';
import type { ApiClient } from './api-client.js';
import { ApiError } from './api-client.js';

export const ApiContext = createContext<ApiClient | null>(null);

/** The client of the signed-in person. */
export function useClient(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useClient outside the signed-in app');
  return client;
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

/** Runs `load` with the client whenever `deps` change; `reload` runs it again. */
export function useLoad<T>(
  load: (client: ApiClient) => Promise<T>,
  deps: readonly unknown[],
): Loaded<T> & { reload: () => void } {
  const client = useClient();
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load(client).then(
      (data) => live && setResult({ state: 'ready', data }),
      (e: unknown) =>
        live &&
        setResult({ state: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'ERROR', String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [client, tick, ...deps]);
  return { ...result, reload: () => setTick((t) => t + 1) };
}
