// The shell: language, who is signed in, the navigation and the page for the current path.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, onUnauthorized, tokens, type Member, type Org, type SignedIn } from './api';
import { ActivatePage, JoinPage, LoginPage, SignupPage, rememberSignIn } from './auth';
import { AccountPage } from './account';
import { AuditAdmin } from './admin/AuditAdmin';
import { ChatPolicyAdmin } from './admin/ChatPolicyAdmin';
import { ChatPage } from './chat/ChatPage';
import { ChatContext, useChat } from './chat/context';
import { ChatEngine } from './chat/engine';
import { NameCache, NamesContext } from './chat/names';
import { NoticeCenter } from './notices/center';
import { NoticesContext } from './notices/context';
import { NoticesPage } from './notices/NoticesPage';
import { UrgentBanner } from './notices/UrgentBanner';
import { DepartmentsAdmin } from './admin/DepartmentsAdmin';
import { ImportAdmin } from './admin/ImportAdmin';
import { InvitationsAdmin } from './admin/InvitationsAdmin';
import { MembersAdmin } from './admin/MembersAdmin';
import { OrganizationAdmin } from './admin/OrganizationAdmin';
import { DirectoryPage } from './directory';
import { AgentDesk } from './desk/AgentDesk';
import { DeskAdmin } from './desk/admin/DeskAdmin';
import { DeskContext, useDesk } from './desk/context';
import { SupervisorFloor } from './desk/Floor';
import { DeskStore } from './desk/store';
import { I18nContext, initialLang, translate, useI18n, type Key, type Lang } from './i18n';
import { navigate, usePath } from './router';
import { RealtimeConnection, type Realtime } from './realtime';
import { RealtimeContext } from './meetings/context';
import { JoinFlow, RETURN_TO_KEY } from './meetings/JoinFlow';
import { MeetingsHome } from './meetings/MeetingsHome';
import { parseNumber } from './meetings/number';
import { SessionContext, isAdmin, useSession, type SessionState } from './session';

/** `desk`: shown to members with an agent seat; `floor`: to supervisors and admins. */
interface NavItem { path: string; label: Key; testId: string; admin?: boolean; desk?: 'agent' | 'floor' }
const NAV: NavItem[] = [
  { path: '/chat', label: 'chat', testId: 'nav-chat' },
  { path: '/meetings', label: 'meetings', testId: 'nav-meetings' },
  { path: '/directory', label: 'directory', testId: 'nav-directory' },
  { path: '/notices', label: 'urgentNotices', testId: 'nav-notices' },
  { path: '/desk', label: 'nav_desk', testId: 'nav-desk', desk: 'agent' },
  { path: '/desk-floor', label: 'nav_floor', testId: 'nav-desk-floor', desk: 'floor' },
  { path: '/admin/members', label: 'members', testId: 'nav-admin-members', admin: true },
  { path: '/admin/departments', label: 'departments', testId: 'nav-admin-departments', admin: true },
  { path: '/admin/import', label: 'importMembers', testId: 'nav-admin-import', admin: true },
  { path: '/admin/invitations', label: 'invitations', testId: 'nav-admin-invitations', admin: true },
  { path: '/admin/chat', label: 'chatPolicy', testId: 'nav-admin-chat', admin: true },
  { path: '/admin/desk', label: 'nav_deskAdmin', testId: 'nav-admin-desk', admin: true },
  { path: '/admin/audit', label: 'audit', testId: 'nav-admin-audit', admin: true },
  { path: '/admin/organization', label: 'organization', testId: 'nav-admin-organization', admin: true },
  { path: '/account', label: 'account', testId: 'nav-account' },
];

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(() => ({
    lang,
    setLang: (l: Lang) => { localStorage.setItem('queqiao.lang', l); setLangState(l); },
    t: (key: Key, vars?: Record<string, string | number>) => translate(lang, key, vars),
  }), [lang]);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);

  const path = usePath();
  const [signupEnabled, setSignupEnabled] = useState(true);
  const [gatewayUrl, setGatewayUrl] = useState<string | null>(null);
  const [me, setMe] = useState<{ member: Member; org: Org; mustChangePassword: boolean } | null>(null);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    if (!tokens.get()) { setMe(null); setChecked(true); return; }
    try {
      setMe(await api.me());
    } catch {
      setMe(null);
    } finally {
      setChecked(true);
    }
  }, []);
  const signOut = useCallback(() => {
    api.logout().catch(() => {});
    tokens.clear();
    setMe(null);
    navigate('/login');
  }, []);

  useEffect(() => {
    api.clientConfig().then((c) => { setSignupEnabled(c.signupEnabled); setGatewayUrl(c.gatewayUrl); }, () => {});
    onUnauthorized(() => {
      tokens.clear();
      setMe(null);
      setNotice(translate(initialLang(), 'sessionEnded'));
      navigate('/login');
    });
    refresh();
  }, [refresh]);

  // While signed in, hold the realtime connection: when an admin offboards this member or the session
  // is revoked elsewhere, the server closes it and this tab returns to the sign-in page at once.
  // Chat and urgent notices run over it: they subscribe before the connection starts, so no push is missed.
  const signedInMember = me?.member.id;
  const [chat, setChat] = useState<ChatEngine | null>(null);
  const [notices, setNotices] = useState<NoticeCenter | null>(null);
  const [desk, setDesk] = useState<DeskStore | null>(null);
  const [rt, setRt] = useState<Realtime | null>(null);
  const names = useMemo(() => new NameCache(), [signedInMember]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const token = tokens.get();
    if (!signedInMember || !gatewayUrl || !token) return;
    const rt = new RealtimeConnection({
      url: gatewayUrl, token,
      onSignedOut: () => {
        tokens.clear();
        setMe(null);
        setNotice(translate(initialLang(), 'sessionEnded'));
        navigate('/login');
      },
    });
    const engine = new ChatEngine({ rt, me: signedInMember });
    const center = new NoticeCenter({ rt, me: signedInMember });
    const deskStore = new DeskStore(rt, signedInMember);
    engine.start();
    center.start();
    deskStore.start();
    rt.start();
    setChat(engine);
    setNotices(center);
    setDesk(deskStore);
    setRt(rt);
    return () => { engine.stop(); center.stop(); deskStore.stop(); rt.stop(); setChat(null); setNotices(null); setDesk(null); setRt(null); };
  }, [signedInMember, gatewayUrl]);
  useEffect(() => { if (me) names.seed([me.member]); }, [me, names]);

  const signedIn = (s: SignedIn) => {
    rememberSignIn(s);
    setNotice(undefined);
    setMe({ member: s.member, org: s.org, mustChangePassword: s.mustChangePassword });
    // back to the meeting that asked to sign in, if any
    const back = sessionStorage.getItem(RETURN_TO_KEY);
    sessionStorage.removeItem(RETURN_TO_KEY);
    navigate(back && back.startsWith('/join/') ? back : '/directory');
  };

  let page: React.ReactNode;
  // /join/<9 digits> is a meeting (signed in or not); any other /join/<code> is an invitation to the organisation
  const meetingNumber = path.startsWith('/join/') ? parseNumber(decodeURIComponent(path.slice(6))) : null;
  if (meetingNumber) page = checked ? <JoinFlow key={meetingNumber} number={meetingNumber} member={me?.member ?? null} gatewayUrl={gatewayUrl} /> : null;
  else if (path.startsWith('/join/')) page = <JoinPage code={decodeURIComponent(path.slice(6))} onSignedIn={signedIn} />;
  else if (!checked) page = null;
  else if (!me && path === '/activate') page = <ActivatePage onSignedIn={signedIn} />;
  else if (!me) page = path === '/signup' && signupEnabled
    ? <SignupPage onSignedIn={signedIn} />
    : <LoginPage onSignedIn={signedIn} signupEnabled={signupEnabled} notice={notice} />;
  else {
    const session: SessionState = { ...me, refresh, signOut };
    page = (
      <SessionContext.Provider value={session}>
        <NamesContext.Provider value={names}>
          <ChatContext.Provider value={chat}>
            <NoticesContext.Provider value={notices}>
              <DeskContext.Provider value={desk}><Shell path={path} chatReady={!!chat} deskReady={!!desk} /></DeskContext.Provider>
            </NoticesContext.Provider>
          </ChatContext.Provider>
        </NamesContext.Provider>
      </SessionContext.Provider>
    );
  }
  return (
    <I18nContext.Provider value={i18n}>
      <RealtimeContext.Provider value={rt}>{page}</RealtimeContext.Provider>
      <LanguageSwitch lang={lang} setLang={i18n.setLang} floating={!me || !!meetingNumber} />
    </I18nContext.Provider>
  );
}

function LanguageSwitch({ lang, setLang, floating }: { lang: Lang; setLang: (l: Lang) => void; floating: boolean }) {
  return (
    <select className={`lang-switch${floating ? ' floating' : ''}`} value={lang} data-testid="lang-switch" aria-label="Language / 语言"
      onChange={(e) => setLang(e.target.value as Lang)}>
      <option value="zh-CN">中文</option>
      <option value="en">English</option>
    </select>
  );
}

function Shell({ path, chatReady, deskReady }: { path: string; chatReady: boolean; deskReady: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const admin = isAdmin(session.member);
  const seat = useDesk((s) => s.seat);
  const deskChecked = useDesk((s) => s.checked);
  const deskShown = (n: NavItem) => !n.desk || (n.desk === 'agent' ? !!seat : admin || !!seat?.supervisor);
  const items = NAV.filter((n) => (!n.admin || admin) && deskShown(n));
  const matched = items.find((n) => path === n.path || path.startsWith(`${n.path}/`));
  // a desk page waits for desk.me before it counts as unknown (a deep link to /desk on a fresh load)
  const deskPage = NAV.find((n) => n.desk && (path === n.path || path.startsWith(`${n.path}/`)));
  const waiting = !matched && !deskChecked && !!deskPage;
  const current = matched ?? (waiting && deskPage ? deskPage : items.find((n) => n.path === '/directory') ?? items[0]);
  useEffect(() => { if (!matched && !waiting) navigate(current.path); }, [matched, waiting, current.path]);
  const pages: Record<string, React.ReactNode> = {
    '/chat': chatReady ? <ChatPage path={path} /> : <p className="muted">{t('loading')}</p>,
    '/admin/chat': <ChatPolicyAdmin />,
    '/meetings': <MeetingsHome />,
    '/desk': deskReady ? <AgentDesk /> : <p className="muted">{t('loading')}</p>,
    '/desk-floor': deskReady ? <SupervisorFloor /> : <p className="muted">{t('loading')}</p>,
    '/admin/desk': <DeskAdmin path={path} />,
    '/directory': <DirectoryPage />, '/notices': <NoticesPage path={path} />, '/admin/members': <MembersAdmin />, '/admin/departments': <DepartmentsAdmin />,
    '/admin/import': <ImportAdmin />, '/admin/invitations': <InvitationsAdmin />, '/admin/audit': <AuditAdmin />, '/admin/organization': <OrganizationAdmin />, '/account': <AccountPage />,
  };
  return (
    <div className="shell">
      <UrgentBanner />
      <header>
        <div className="brand"><img src="/favicon.svg" alt="" /> {t('appName')} <span className="org">{session.org.name}</span></div>
        <div className="user">{session.member.name} <button className="link" onClick={session.signOut}>{t('signOut')}</button></div>
      </header>
      <nav>
        {items.map((n, i) => (
          <div key={n.path}>
            {n.admin && !items[i - 1]?.admin && <div className="nav-group">{t('admin')}</div>}
            <a href={n.path} data-testid={n.testId} className={n === current ? 'active' : ''}
              onClick={(e) => { e.preventDefault(); navigate(n.path); }}>{t(n.label)}{n.path === '/chat' && chatReady && <UnreadTotal />}{n.path === '/desk' && <DeskWaiting />}</a>
          </div>
        ))}
      </nav>
      <main>
        {session.mustChangePassword && current.path !== '/account' && (
          <div className="banner" data-testid="temporary-password-banner">{t('temporaryPasswordBanner')}{' '}
            <a href="/account" onClick={(e) => { e.preventDefault(); navigate('/account'); }}>{t('changeNow')}</a></div>
        )}
        <h1>{t(current.label)}</h1>
        {pages[current.path]}
      </main>
    </div>
  );
}

/** All unread messages, on the Chat item of the navigation. */
function UnreadTotal() {
  const summaries = useChat((s) => s.summaries);
  const total = summaries.reduce((n, s) => n + s.unread, 0);
  const capped = summaries.some((s) => s.unreadCapped);
  if (!total) return null;
  return <span className="badge nav-badge" data-testid="nav-chat-unread">{capped || total > 99 ? '99+' : total}</span>;
}

/** Offers waiting for me and unread visitor messages, on the Agent desk item of the navigation. */
function DeskWaiting() {
  const offers = useDesk((s) => s.offers);
  const unread = useDesk((s) => s.unread);
  const total = Object.keys(offers).length + Object.values(unread).reduce((n, x) => n + x, 0);
  if (!total) return null;
  return <span className="badge nav-badge" data-testid="nav-desk-waiting">{total > 99 ? '99+' : total}</span>;
}
