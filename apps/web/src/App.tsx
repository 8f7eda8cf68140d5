import { Suspense, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { answered, client, currentSession, getActiveRole, onSessionChange, setActiveRole, signOut } from './api/client';
import { AppContext, type Me, type Role } from './app-context';
import { directionOf, I18nContext, isLanguage, LANGUAGES, loadTranslate, type Language, type MessageKey, type Translate } from './i18n';
import { AcceptInvitationPage, ACCOUNT_ACCESS_PATHS, ForgotPasswordPage, ResetPasswordPage } from './pages/account/AccountAccess';
import { SignInPage } from './pages/account/SignIn';
import { Link, matchPath, navigate, usePath } from './router';
import { HOMES, NAV, PAGES } from './routes';
import { ErrorNotice, Loading } from './ui';

const LANGUAGE_KEY = 'tutti.language';
/** Where a signed-out visitor was going, opened after they sign in. */
const RETURN_KEY = 'tutti.returnTo';

/** The role to act in: the one chosen before, else the first one this app has pages for. */
function chooseRole(me: Me): Role {
  const chosen = getActiveRole();
  if (chosen && me.roles.includes(chosen as Role)) return chosen as Role;
  return me.roles[0];
}

/** The chosen language's messages, fetched when it is chosen; the previous language stays on screen until they arrive. */
function useCatalogue(language: Language): { language: Language; t: Translate } | null {
  const [ready, setReady] = useState<{ language: Language; t: Translate } | null>(null);
  useEffect(() => {
    let live = true;
    loadTranslate(language)
      .then((t) => ({ language, t }))
      // A catalogue that cannot be fetched leaves the page in English rather than blank.
      .catch((error: unknown) => {
        console.error(error);
        return loadTranslate('en').then((t) => ({ language: 'en' as const, t }));
      })
      .then(
        (next) => live && setReady(next),
        (error: unknown) => console.error(error),
      );
    return () => {
      live = false;
    };
  }, [language]);
  return ready;
}

export function App() {
  const [signedIn, setSignedIn] = useState(() => currentSession() !== null);
  const [language, setLanguageState] = useState<Language>(() => {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : 'en';
  });
  const languageChosen = useRef(localStorage.getItem(LANGUAGE_KEY) !== null);
  const setLanguage = useCallback((next: Language) => {
    languageChosen.current = true;
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => onSessionChange(() => setSignedIn(currentSession() !== null)), []);
  const i18n = useCatalogue(language);
  useEffect(() => {
    if (!i18n) return;
    document.documentElement.lang = i18n.language;
    document.documentElement.dir = directionOf(i18n.language);
  }, [i18n]);
  const adoptPreferredLanguage = useCallback((preferred: string) => {
    if (!languageChosen.current && isLanguage(preferred)) setLanguageState(preferred);
  }, []);

  // The first catalogue is a small fetch; until it arrives there are no words to show.
  if (!i18n) return null;
  return (
    <I18nContext.Provider value={{ ...i18n, setLanguage }}>
      <a className="skip-link" href="#main">
        {i18n.t('skipToContent')}
      </a>
      {signedIn ? (
        <SignedIn language={language} setLanguage={setLanguage} adoptPreferredLanguage={adoptPreferredLanguage} />
      ) : (
        <SignedOut language={language} setLanguage={setLanguage} />
      )}
    </I18nContext.Provider>
  );
}

function LanguagePicker({ language, setLanguage }: { language: Language; setLanguage: (language: Language) => void }) {
  const { t } = useContext(I18nContext);
  return (
    <label className="inline-control">
      <span>{t('language')}</span>
      <select value={language} onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}>
        {LANGUAGES.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function SignedOut({ language, setLanguage }: { language: Language; setLanguage: (language: Language) => void }) {
  const path = usePath();
  const accountAccess = (ACCOUNT_ACCESS_PATHS as readonly string[]).includes(path);
  useEffect(() => {
    if (path !== '/sign-in' && !accountAccess) {
      // A link opened signed out (a scanned instrument label) is opened again once signed in.
      if (path !== '/') sessionStorage.setItem(RETURN_KEY, path);
      navigate('/sign-in', { replace: true });
    }
  }, [path, accountAccess]);
  return (
    <>
      <header className="app-header">
        <span className="brand">Tutti</span>
        <div className="header-controls">
          <LanguagePicker language={language} setLanguage={setLanguage} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {path === '/accept-invitation' ? (
          <AcceptInvitationPage />
        ) : path === '/reset-password' ? (
          <ResetPasswordPage />
        ) : path === '/forgot-password' ? (
          <ForgotPasswordPage />
        ) : (
          <SignInPage />
        )}
      </main>
    </>
  );
}

function SignedIn({
  language,
  setLanguage,
  adoptPreferredLanguage,
}: {
  language: Language;
  setLanguage: (language: Language) => void;
  adoptPreferredLanguage: (preferred: string) => void;
}) {
  const { t } = useContext(I18nContext);
  const [state, setState] = useState<{ me: Me; role: Role } | { error: unknown } | null>(null);
  const path = usePath();

  const load = useCallback(
    async (role?: Role) => {
      try {
        if (role) setActiveRole(role);
        let me = answered((await client.GET('/identity/me')).data);
        const chosen = role ?? chooseRole(me);
        if (me.activeRole !== chosen) {
          // The next calls carry the role. /identity/me answers the same account whatever the role
          // (only activeRole differs), so it is not asked again: one round trip less before the first page.
          setActiveRole(chosen);
          me = { ...me, activeRole: chosen };
        }
        adoptPreferredLanguage(me.preferredLanguage);
        setState({ me, role: chosen });
        return chosen;
      } catch (error) {
        setState({ error });
        return undefined;
      }
    },
    [adoptPreferredLanguage],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (state && 'me' in state && (path === '/' || path === '/sign-in')) {
      const back = sessionStorage.getItem(RETURN_KEY);
      sessionStorage.removeItem(RETURN_KEY);
      const opens = back !== null && PAGES.some((page) => matchPath(page.pattern, back) && page.roles.includes(state.role));
      navigate(opens ? back : HOMES[state.role], { replace: true });
    }
  }, [state, path]);

  const switchRole = async (role: Role) => {
    const chosen = await load(role);
    if (chosen) navigate(HOMES[chosen]);
  };

  if (state === null) return <Loading />;
  if ('error' in state) {
    return (
      <main id="main" tabIndex={-1}>
        <ErrorNotice error={state.error} onRetry={() => void load()} />
        <button type="button" className="button secondary" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </main>
    );
  }
  const { me, role } = state;
  return (
    <AppContext.Provider value={state}>
      <header className="app-header">
        <Link to={HOMES[role]} className="brand">
          Tutti
        </Link>
        <div className="header-controls">
          <span className="who">{me.displayName}</span>
          {me.roles.length > 1 && (
            <label className="inline-control">
              <span>{t('actingAs')}</span>
              <select value={role} onChange={(event) => void switchRole(event.target.value as Role)}>
                {me.roles.map((option) => (
                  <option key={option} value={option}>
                    {t(`role.${option}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <LanguagePicker language={language} setLanguage={setLanguage} />
          <button type="button" className="button link" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      {NAV[role].length > 1 && (
        <nav className="tabs" aria-label={t(`role.${role}` as MessageKey)}>
          {NAV[role].map((item) => (
            <Link key={item.to} to={item.to} aria-current={path === item.to ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          ))}
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <Page path={path} role={role} />
      </main>
    </AppContext.Provider>
  );
}

function Page({ path, role }: { path: string; role: Role }) {
  const { t } = useContext(I18nContext);
  useEffect(() => {
    // Moving to a new page puts keyboard and screen-reader focus at its start.
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  for (const page of PAGES) {
    const params = matchPath(page.pattern, path);
    if (params && page.roles.includes(role)) {
      return (
        <Suspense fallback={<Loading />}>
          <page.Page {...params} />
        </Suspense>
      );
    }
  }
  if (path === '/' || path === '/sign-in') return <Loading />;
  return (
    <section>
      <h1>{t('notFound')}</h1>
      <Link to={HOMES[role]}>{t('home')}</Link>
    </section>
  );
}
