import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Makes `app.close()` wait for requests still being handled (at most `maxWaitMs`). A client that
 * hangs up does not stop its handler, which may still be querying the store; closing the store
 * under it leaves DuckDB work pending and the process then hangs at exit. Counted from the first
 * hook to the reply (`onSend` runs for every reply, errors and refusals included).
 */
export function drainOnClose(app: FastifyInstance, maxWaitMs = 10_000): void {
  const open = new WeakSet<FastifyRequest>();
  let inFlight = 0;
  app.addHook('onRequest', (request, _reply, done) => {
    open.add(request);
    inFlight++;
    done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (open.delete(request)) inFlight--;
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    const until = Date.now() + maxWaitMs;
    while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  });
}
