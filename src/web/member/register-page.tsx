import { useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { Me } from '../lib/types.js';
import { useClient } from '../lib/use-api.js';

const ROLES = ['CA', 'C', 'A', 'AR', 'AD', 'SR', 'SA', 'TR', 'PA'] as const;

interface WriterDraft {
  lastName: string;
  firstName: string;
  ipiNameNumber: string;
  role: string;
  share: string;
}

interface Registered {
  readonly workId: string;
  readonly cwr: string;
}

/** `"33.33"` → 3333 hundredths of a percent, or null when it is not a percentage with at most 2 decimals. */
export function shareHundredths(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return value <= 10000 ? value : null;
}

/** Registering a new work: title, ISWC, writers with roles and shares; the API answers with the CWR it imported. */
export function RegisterPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const client = useClient();
  const ownIpi = me.partyId?.startsWith('IPI:') ? me.partyId.slice(4) : '';
  const [title, setTitle] = useState('');
  const [iswc, setIswc] = useState('');
  const [writers, setWriters] = useState<WriterDraft[]>([
    { lastName: '', firstName: '', ipiNameNumber: ownIpi, role: 'CA', share: '100' },
  ]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Registered | null>(null);
  const [busy, setBusy] = useState(false);
  const shares = writers.map((w) => shareHundredths(w.share));
  const total = shares.reduce<number>((s, v) => s + (v ?? 0), 0);
  const update = (i: number, patch: Partial<WriterDraft>) =>
    setWriters((ws) => ws.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = {
        title: title.trim(),
        ...(iswc.trim() ? { iswc: iswc.trim() } : {}),
        writers: writers.map((w, i) => ({
          lastName: w.lastName.trim(),
          ...(w.firstName.trim() ? { firstName: w.firstName.trim() } : {}),
          ...(w.ipiNameNumber.trim() ? { ipiNameNumber: w.ipiNameNumber.trim() } : {}),
          role: w.role,
          share: shares[i] ?? -1,
        })),
      };
      setDone(await client.post<Registered>('/works/registrations', body));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section aria-labelledby="register-h">
        <h1 id="register-h">{t('register.heading')}</h1>
        <p role="status" className="notice" data-testid="registered">
          {t('register.done')} <a href={href('works', done.workId)}>{done.workId}</a>
        </p>
        <h2>{t('register.cwr')}</h2>
        <pre className="cwr" tabIndex={0}>
          {done.cwr}
        </pre>
      </section>
    );
  }
  return (
    <section aria-labelledby="register-h">
      <h1 id="register-h">{t('register.heading')}</h1>
      <p>{t('register.intro')}</p>
      <form className="register" onSubmit={(e) => void submit(e)}>
        <p>
          <label htmlFor="reg-title">{t('register.title')}</label>
          <input
            id="reg-title"
            required
            maxLength={60}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </p>
        <p>
          <label htmlFor="reg-iswc">{t('register.iswc')}</label>
          <input
            id="reg-iswc"
            maxLength={15}
            value={iswc}
            onChange={(e) => setIswc(e.target.value)}
            placeholder="T-000.000.000-0"
          />
        </p>
        <fieldset>
          <legend>{t('register.writers')}</legend>
          {writers.map((w, i) => (
            <div className="writer" key={i} role="group" aria-label={`${t('register.writers')} ${i + 1}`}>
              <label>
                {t('register.lastName')}{' '}
                <input
                  required
                  maxLength={45}
                  value={w.lastName}
                  onChange={(e) => update(i, { lastName: e.target.value })}
                />
              </label>
              <label>
                {t('register.firstName')}{' '}
                <input
                  maxLength={30}
                  value={w.firstName}
                  onChange={(e) => update(i, { firstName: e.target.value })}
                />
              </label>
              <label>
                {t('register.ipi')}{' '}
                <input
                  inputMode="numeric"
                  pattern="[0-9]{1,11}"
                  size={11}
                  value={w.ipiNameNumber}
                  onChange={(e) => update(i, { ipiNameNumber: e.target.value })}
                />
              </label>
              <label>
                {t('register.role')}{' '}
                <select value={w.role} onChange={(e) => update(i, { role: e.target.value })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('register.share')}{' '}
                <input
                  required
                  size={6}
                  value={w.share}
                  aria-invalid={shares[i] === null}
                  onChange={(e) => update(i, { share: e.target.value })}
                />
              </label>
              {writers.length > 1 && (
                <button
                  type="button"
                  className="small"
                  aria-label={t('register.remove', { n: i + 1 })}
                  onClick={() => setWriters((ws) => ws.filter((_w, j) => j !== i))}
                >
                  ×
                </button>
              )}
            </div>
          ))}
          <p>
            <button
              type="button"
              onClick={() =>
                setWriters((ws) => [
                  ...ws,
                  { lastName: '', firstName: '', ipiNameNumber: '', role: 'A', share: '0' },
                ])
              }
            >
              {t('register.add')}
            </button>{' '}
            <span data-testid="share-total" className={total === 10000 ? undefined : 'error'}>
              {t('register.total', { total: (total / 100).toFixed(2) })}
            </span>
          </p>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t('register.submit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
