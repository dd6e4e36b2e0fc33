// Copies the non-TypeScript assets the compiled code reads at run time (SQL migrations, JSON tables).
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const compiled = /\.(js|d\.ts|js\.map|d\.ts\.map)$/;
for (const dir of ['src/warehouse/migrations', 'src/warehouse/sql', 'src/domain/territory/data']) {
  // The assets of an earlier build go first (tsc's output stays): a migration removed from src must not
  // stay in dist and run.
  const target = `dist/${dir}`;
  if (existsSync(target))
    for (const entry of readdirSync(target, { recursive: true, withFileTypes: true }))
      if (entry.isFile() && !compiled.test(entry.name)) rmSync(join(entry.parentPath, entry.name));
  if (existsSync(dir)) cpSync(dir, target, { recursive: true, filter: (p) => !p.endsWith('.ts') });
}
