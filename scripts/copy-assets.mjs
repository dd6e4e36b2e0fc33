// Copies the non-TypeScript assets the compiled code reads at run time (SQL migrations, JSON tables).
import { cpSync, existsSync, rmSync } from 'node:fs';

// Each folder is replaced, not merged: a migration removed from src must not stay in dist and run.
for (const dir of ['src/warehouse/migrations', 'src/warehouse/sql', 'src/domain/territory/data']) {
  rmSync(`dist/${dir}`, { recursive: true, force: true });
  if (existsSync(dir)) cpSync(dir, `dist/${dir}`, { recursive: true, filter: (p) => !p.endsWith('.ts') });
}
