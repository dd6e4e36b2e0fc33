import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, createApiClient } from './lib/api-client.js';
import { createI18n, I18nContext, useI18n } from './lib/i18n.js';
import type { Language, MessageKey } from './lib/messages.js';
import { href, useRoute } from './lib/router.js';
import type { Me } from './lib/types.js';
import { ApiContext } from './lib/use-api.js';
import { StatementPage } from './member/statement-page.js';
import { StatementsPage } from './member/statements-page.js';
import { RegisterPage } from './member/register-page.js';
import { UsagePage } from './member/usage-page.js';
import { WorkPage } from './member/work-page.js';
import { WorksPage } from './member/works-page.js';
import { DistributionsPage } from './ops/distributions-page.js';
import { OverclaimsPage } from './ops/overclaims-page.js';
import { QuarantinePage } from './ops/quarantine-page.js';
import { ReportPage, ReportsPage } from './ops/reports-page.js';
import { ReviewPage } from './ops/review-page.js';

const KEY = 'tutti.apiKey';
const LANGUAGE = 'tutti.language';

type Face = 'member' | 'operations' | null;

/** The face of a role: members get the portal, admins and operators the console, others none. */
export function faceOf(role: Me['role']): Face {
  if (role === 'member') return 'member';
  if (role === 'admin' || role === 'operator') return 'operations';
  return null;
}

const NAV: Record<'member' | 'operations', [string, MessageKey][]> = {
  member: [
    ['works', 'nav.works'],
    ['usage', 'nav.usage'],
    ['statements', 'nav.statements'],
    ['register', 'nav.register'],
  ],
  operations: [
    ['reports', 'nav.reports'],
    ['quarantine', 'nav.quarantine'],
    ['review', 'nav.review'],
    ['overclaims', 'nav.overclaims'],
    ['distributions', 'nav.distributions'],
    ['statements', 'nav.allStatements'],
  ],
};

/** The page of a route for a face; unknown routes fall back to the face's first page. */
function Page({ face, route, me }: { face: 'member' | 'operations'; route: string[]; me: Me }) {
  const [head, a, b] = route;
  const staff = face === 'operations';
  if (head === 'statements' && a && b) return <StatementPage distributionId={a} partyId={b} staff={staff} />;
  if (head === 'statements') return <StatementsPage />;
  if (head === 'works' && a) return <WorkPage workId={a} withUsage={!staff} />;
  if (face === 'member') {
    if (head === 'usage') return <UsagePage />;
    if (head === 'register') return <RegisterPage me={me} />;
    return <WorksPage />;
  }
  if (head === 'works') return <WorksPage />;
  if (head === 'reports' && a) return <ReportPage reportId={a} />;
  if (head === 'review') return <ReviewPage />;
  if (head === 'quarantine') return <QuarantinePage />;
  if (head === 'overclaims') return <OverclaimsPage />;
  if (head === 'distributions') return <DistributionsPage />;
  return <ReportsPage />;
}

function Login({ onKey, error }: { onKey: (key: string) => void; error: string | null }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim()) onKey(key.trim());
  };
  return (
    <main id="main" className="login">
      <h1>{t('login.heading')}</h1>
      <p>{t('login.intro')}</p>
      <form onSubmit={submit}>
        <label htmlFor="api-key">{t('login.key')}</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          autoFocus
        />
        <button type="submit" className="primary">
          {t('login.submit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {t('login.failed', { reason: error })}
        </p>
      )}
    </main>
  );
}

/** The web app: sign in with an API key, then the member portal or the operations console by role. */
export function App() {
  const [language, setLanguage] = useState<Language>(() =>
    localStorage.getItem(LANGUAGE) === 'fr' ? 'fr' : 'en',
  );
  const i18n = useMemo(() => createI18n(language), [language]);
  const [key, setKey] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = useMemo(() => (key ? createApiClient(key) : null), [key]);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE, language);
  }, [language]);

  useEffect(() => {
    if (!client) return;
    client.get<Me>('/me').then(
      (who) => {
        setMe(who);
        setError(null);
      },
      (e: unknown) => {
        sessionStorage.removeItem(KEY);
        setKey(null);
        setMe(null);
        setError(e instanceof ApiError ? e.message : String(e));
      },
    );
  }, [client]);

  useEffect(() => {
    // Once signed in the form is gone: put the keyboard at the start of the page's content.
    if (me) document.getElementById('main')?.focus();
  }, [me]);

  const signIn = (k: string) => {
    sessionStorage.setItem(KEY, k);
    setKey(k);
  };
  const signOut = () => {
    sessionStorage.removeItem(KEY);
    setKey(null);
    setMe(null);
    window.location.hash = '';
  };
  const face = me ? faceOf(me.role) : null;

  return (
    <I18nContext.Provider value={i18n}>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {i18n.t('app.skip')}
      </a>
      <header className="top">
        <a className="brand" href={href()}>
          tutti
        </a>
        {me && face && (
          <nav aria-label={face}>
            <ul>
              {NAV[face].map(([path, label]) => (
                <li key={path}>
                  <a href={href(path)} aria-current={route[0] === path ? 'page' : undefined}>
                    {i18n.t(label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="session">
          <label>
            {i18n.t('session.language')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value === 'fr' ? 'fr' : 'en')}>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </label>
          {me && (
            <>
              <span data-testid="who">
                {i18n.t('session.as', { name: me.name, role: i18n.t(`role.${me.role}`) })}
              </span>
              <button type="button" onClick={signOut}>
                {i18n.t('session.signout')}
              </button>
            </>
          )}
        </div>
      </header>
      {!client || !me ? (
        client ? (
          <p role="status">{i18n.t('common.loading')}</p>
        ) : (
          <Login onKey={signIn} error={error} />
        )
      ) : (
        <ApiContext.Provider value={client}>
          <main id="main" tabIndex={-1} data-face={face ?? 'none'}>
            {face ? (
              <Page face={face} route={route} me={me} />
            ) : (
              <p>{i18n.t('role.noface', { role: me.role })}</p>
            )}
          </main>
        </ApiContext.Provider>
      )}
    </I18nContext.Provider>
  );
}
