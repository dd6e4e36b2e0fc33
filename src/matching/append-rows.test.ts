import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { appendRowsAsText } from './append-rows.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await store.run('CREATE TEMP TABLE t (id INTEGER, name VARCHAR, flag BOOLEAN)');
});
afterEach(() => store.close());

describe('appendRowsAsText', () => {
  it('inserts integers, strings, booleans and nulls as the table types them', async () => {
    const n = await appendRowsAsText(store, 't', 3, [
      [1, 'love song', true],
      [2, '', false],
      [3, null, null],
      [4, 'подмосковные вечера | 東京', true],
    ]);
    expect(n).toBe(4);
    expect(await store.all('SELECT * FROM t ORDER BY id')).toEqual([
      { id: 1, name: 'love song', flag: true },
      { id: 2, name: '', flag: false },
      { id: 3, name: null, flag: null },
      { id: 4, name: 'подмосковные вечера | 東京', flag: true },
    ]);
  });

  it('turns the separator characters inside a value into spaces rather than new fields', async () => {
    await appendRowsAsText(store, 't', 3, [[1, 'a\u001fb\u001ec', true]]);
    expect(await store.all('SELECT name FROM t')).toEqual([{ name: 'a b c' }]);
  });

  it('inserts nothing for no rows', async () => {
    expect(await appendRowsAsText(store, 't', 3, [])).toBe(0);
    expect(await store.all('SELECT * FROM t')).toEqual([]);
  });
});
