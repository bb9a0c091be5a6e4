import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api, storedToken, storeToken } from './api.js';
import { AppContext, type AppState } from './app-context.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { CitizenLookup } from './pages/citizen-lookup.js';
import { DossierPage } from './pages/dossier-page.js';
import { NewDossier } from './pages/new-dossier.js';
import { ReviewQueue } from './pages/review-queue.js';
import { SignIn } from './pages/sign-in.js';
import { UploadPage } from './pages/upload-page.js';
import { go, type Route, useRoute } from './router.js';
import type { ComponentTypeInfo, Session } from './types.js';

function Page({ route, app }: { route: Route; app: AppState }) {
  const { may } = app;
  if (route.name === 'new' && may('dossier:create')) return <NewDossier />;
  if (route.name === 'upload' && route.id && may('file:upload')) return <UploadPage dossierId={route.id} />;
  if (route.name === 'dossier' && route.id && may('dossier:read')) return <DossierPage dossierId={route.id} />;
  if (route.name === 'review' && may('review:read')) return <ReviewQueue start={route.query.get('at')} />;
  if (route.name === 'lookup' && may('subject:read')) return <CitizenLookup initial={route.query.get('id') ?? ''} />;
  if (route.name !== 'home') return <p class="notice error">{t('forbidden')}</p>;
  return <Home app={app} />;
}

function Home({ app }: { app: AppState }) {
  useEffect(() => {
    if (app.may('dossier:create')) go('#/new');
    else if (app.may('review:read')) go('#/review');
    else go('#/lookup');
  }, [app]);
  return null;
}

function Shell({ app, onSignOut }: { app: AppState; onSignOut: () => void }) {
  const route = useRoute();
  const [, rerender] = useState(0);
  const links: Array<[string, string, boolean]> = [
    ['#/new', t('nav_new'), app.may('dossier:create')],
    ['#/review', t('nav_review'), app.may('review:read')],
    ['#/lookup', t('nav_lookup'), app.may('subject:read')],
  ];
  return (
    <AppContext.Provider value={app}>
      <header class="top">
        <strong class="brand">sohoa</strong>
        <nav aria-label="menu">
          {links
            .filter(([, , shown]) => shown)
            .map(([href, label]) => (
              <a key={href} href={href} aria-current={location.hash.startsWith(href) ? 'page' : undefined}>
                {label}
              </a>
            ))}
        </nav>
        <span class="who" data-testid="who">
          {app.session.name} · {t('role')}: <b data-testid="role">{t(`role_${app.session.role}`)}</b>
        </span>
        <button
          type="button"
          class="link"
          onClick={() => {
            setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi');
            rerender((n) => n + 1);
          }}
        >
          {t('language')}
        </button>
        <button type="button" onClick={onSignOut}>
          {t('sign_out')}
        </button>
      </header>
      <main>
        <Page route={route} app={app} />
      </main>
    </AppContext.Provider>
  );
}

function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [types, setTypes] = useState<Map<string, ComponentTypeInfo>>(new Map());
  const [checking, setChecking] = useState(storedToken() !== null);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (token: string) => {
    storeToken(token);
    setError(null);
    try {
      const [s, c] = await Promise.all([
        api<Session>('GET', '/session'),
        api<{ types: ComponentTypeInfo[] }>('GET', '/component-types'),
      ]);
      setTypes(new Map(c.types.map((x) => [x.code, x])));
      setSession(s);
    } catch (e) {
      storeToken(null);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  };
  useEffect(() => {
    const token = storedToken();
    if (token) void signIn(token);
  }, []);
  const app = useMemo<AppState | null>(
    () => (session ? { session, types, may: (p) => session.permissions.includes(p) } : null),
    [session, types],
  );
  if (checking) return <p class="notice">{t('loading')}</p>;
  if (!app) return <SignIn onSignIn={signIn} error={error} />;
  return (
    <Shell
      app={app}
      onSignOut={() => {
        storeToken(null);
        setSession(null);
        go('#/');
      }}
    />
  );
}

document.documentElement.lang = currentLanguage();
const root = document.getElementById('root');
if (root) render(<App />, root);
