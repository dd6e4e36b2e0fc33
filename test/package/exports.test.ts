import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, string>;
};

describe('package.json', () => {
  it('offers exactly the entries we mean to offer', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['./domain', './formats']);
    expect(Object.keys(pkg.bin)).toEqual(['tutti']);
  });

  it('points every entry at a source module that exists, so the build emits it', () => {
    for (const target of [...Object.values(pkg.exports), ...Object.values(pkg.bin)]) {
      const source = target.replace(/^\.?\/?dist\//, '').replace(/\.js$/, '.ts');
      expect(existsSync(new URL(`../../${source}`, import.meta.url)), source).toBe(true);
    }
  });

  it('keeps the layers apart: domain and formats import nothing from storage, HTTP or the terminal', () => {
    const found = spawnSync(
      'grep',
      [
        '-rlE',
        "from '(\\.\\./)+(warehouse|stages|matching|api|cli|web)/|@duckdb|fastify|node:http",
        'src/domain',
        'src/formats',
      ],
      {
        cwd: new URL('../../', import.meta.url),
        encoding: 'utf8',
      },
    );
    expect(found.status, found.stdout).toBe(1); // grep: 1 = no line matched
  });
});
