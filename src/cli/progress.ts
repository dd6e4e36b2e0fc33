/** A progress line on stderr, redrawn in place; silent unless stderr is a TTY and output is not --json. */
export interface Progress {
  update(done: number, detail?: string): void;
  done(detail?: string): void;
}

export function createProgress(label: string, total: number | undefined, enabled: boolean): Progress {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  const draw = (done: number, detail = '') => {
    const pct = total
      ? ` ${Math.min(100, Math.floor((done / total) * 100))
          .toString()
          .padStart(3)}%`
      : '';
    const count = total
      ? `${done.toLocaleString('en')}/${total.toLocaleString('en')}`
      : done.toLocaleString('en');
    stream.write(`\r\x1b[K${label}${pct} ${count} ${detail}`.slice(0, (stream.columns ?? 100) - 1));
  };
  return {
    update(done, detail) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      draw(done, detail);
    },
    done(detail) {
      stream.write(`\r\x1b[K${label} ${detail ?? 'done'}\n`);
    },
  };
}
