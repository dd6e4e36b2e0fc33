import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runQuarterBench } from './quarter.bench.js';

/**
 * `npm run bench [-- --lines N --json --no-pdf --dir DIR]`: the quarter end to end against the bare DuckDB script
 * (default 20 million report lines), saved to `bench/results/quarter.json`. The component benchmarks
 * (cwr-parse, dsr-ingest, identify, distribute, api-load) run on their own: `node dist/bench/<name>.bench.js`.
 */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const lines = Number(flag('--lines') ?? 20_000_000);
const json = process.argv.includes('--json');
// --no-pdf: member statements as CSV and Parquet only (the PDFs are most of the distribute stage).
const pdf = !process.argv.includes('--no-pdf');
if (!Number.isInteger(lines) || lines < 1000) {
  process.stderr.write('--lines must be an integer of at least 1000\n');
  process.exit(2);
}
if (!json) process.stderr.write(`quarter bench: ${lines.toLocaleString('en')} report lines…\n`);
// --dir: where the generated inputs and the store go (default bench/data/quarter), so runs side by side do not collide.
const result = await runQuarterBench({ lines, pdf, dir: flag('--dir') ?? join('bench', 'data', 'quarter') });
mkdirSync(join('bench', 'results'), { recursive: true });
writeFileSync(
  join('bench', 'results', pdf ? 'quarter.json' : 'quarter-no-pdf.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  process.stdout.write(
    [
      `lines ${result.lines.toLocaleString('en')} (usage lines ${result.usage_lines.toLocaleString('en')}), generated in ${result.generate_seconds} s`,
      `tutti run   ${result.seconds} s  ${result.lines_per_s.toLocaleString('en')} lines/s`,
      `bare DuckDB ${result.bare_seconds} s   ratio ${result.ratio}`,
      `peak RSS    ${result.peak_rss_mb} MB   conservation ${result.conservation_ok ? 'ok' : 'BROKEN'}   statement PDFs ${pdf ? 'yes' : 'no'}`,
      `stages (s)  ${Object.entries(result.stages)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    ].join('\n') + '\n',
  );
}
