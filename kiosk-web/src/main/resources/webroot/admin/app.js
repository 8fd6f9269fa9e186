// The dashboard shell: sign-in, the caller and their sites, navigation between the views.
import { t, applyI18n, setLang, lang } from '../app/i18n.js';
import '../app/privacy-i18n.js';
import { api, setToken, token, whenSignedOut } from '../shared/session.js';
import { fillProblem, problemText } from '../app/problems.js';
import { h, clear } from '../shared/dom.js';
import * as log from './views/log.js';
import * as inside from './views/inside.js';
import * as reports from './views/reports.js';
import * as rollup from './views/rollup.js';
import * as trace from './views/trace.js';
import * as sites from './views/sites.js';
import * as users from './views/users.js';
import * as campaigns from './views/campaigns.js';
import * as targets from './views/targets.js';
import * as privacy from './views/privacy.js';
import * as holds from './views/holds.js';
import * as notices from './views/notices.js';

const STAFF = ['admin', 'officer', 'manager'];
const VIEWS = [
  { id: 'log', label: 'nav.log', roles: [...STAFF, 'guard'], view: log },
  { id: 'inside', label: 'nav.inside', roles: [...STAFF, 'guard'], view: inside },
  { id: 'reports', label: 'nav.reports', roles: STAFF, view: reports },
  { id: 'rollup', label: 'nav.rollup', roles: ['admin', 'officer'], view: rollup },
  { id: 'targets', label: 'nav.targets', roles: ['admin', 'officer'], view: targets },
  { id: 'trace', label: 'nav.trace', roles: STAFF, view: trace },
  { id: 'sites', label: 'nav.sites', roles: STAFF, view: sites },
  { id: 'users', label: 'nav.users', roles: ['admin'], view: users },
  { id: 'campaigns', label: 'nav.campaigns', roles: STAFF, view: campaigns },
  { id: 'privacy', label: 'nav.privacy', roles: STAFF, view: privacy },
  { id: 'holds', label: 'nav.holds', roles: STAFF, view: holds },
  { id: 'notices', label: 'nav.notices', roles: ['admin'], view: notices },
];
const SITE_KEY = 'kiosk.admin.site';

const $ = (id) => document.getElementById(id);
let cleanup = null;
let toastTimer = null;

const ctx = {
  me: null,
  sites: [],
  site(id) {
    return this.sites.find((s) => String(s.id) === String(id)) || null;
  },
  /** The site the per-site views show: the last one chosen, else the first. */
  get siteId() {
    let id = null;
    try { id = sessionStorage.getItem(SITE_KEY); } catch (e) { /* private mode */ }
    return this.site(id) ? Number(id) : (this.sites[0] ? this.sites[0].id : null);
  },
  set siteId(id) {
    try { sessionStorage.setItem(SITE_KEY, String(id)); } catch (e) { /* private mode */ }
  },
  async reloadSites() {
    this.sites = (await api('GET', '/api/v1/sites')).items;
  },
  toast(message, kind) {
    const el = $('toast');
    el.textContent = message;
    el.className = 'toast show ' + (kind || '');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.className = 'toast'; }, kind === 'error' ? 9000 : 4000);
  },
  fail(e) {
    // the server's detail is English for scripts: people read what the problem means, Vietnamese first
    const vi = problemText(e);
    const en = problemText(e, 'en');
    this.toast(t('common.error', { detail: vi === en ? vi : vi + ' — ' + en }), 'error');
  },
  is(...roles) {
    return roles.includes(this.me.role);
  },
};

/** Ends the view on screen: its timers and its live stream (a signed-out page must not keep receiving events). */
function endView() {
  if (cleanup) {
    try { cleanup(); } catch (e) { /* a view that failed to clean up must not block the next */ }
    cleanup = null;
  }
}

function showSignIn() {
  endView();
  $('shell').hidden = true;
  $('signout').hidden = true;
  $('who').textContent = '';
  $('signin').hidden = false;
  $('username').focus();
}

async function signIn(ev) {
  ev.preventDefault();
  $('signin-error').textContent = '';
  try {
    const r = await api('POST', '/api/v1/auth/login', { username: $('username').value.trim(), password: $('password').value });
    setToken(r.token);
    $('password').value = '';
    await start();
  } catch (e) {
    if (e.status === 401) $('signin-error').textContent = t('signin.failed');
    else fillProblem($('signin-error'), e);
  }
}

async function signOut() {
  try { await api('POST', '/api/v1/auth/logout'); } catch (e) { /* ended anyway */ }
  setToken(null);
  location.hash = '';
  showSignIn();
}

function allowed() {
  return VIEWS.filter((v) => v.roles.includes(ctx.me.role));
}

function renderNav(active) {
  const nav = clear($('nav'));
  for (const v of allowed()) {
    nav.append(h('a', {
      href: '#' + v.id, className: 'nav-link' + (v.id === active ? ' active' : ''),
      attrs: { 'aria-current': v.id === active ? 'page' : null }, dataset: { view: v.id },
    }, t(v.label)));
  }
}

function route() {
  if (!ctx.me) return;
  const views = allowed();
  const wanted = location.hash.replace(/^#/, '').split('?')[0];
  const chosen = views.find((v) => v.id === wanted) || views[0];
  endView();
  renderNav(chosen.id);
  const main = clear($('main'));
  main.dataset.view = chosen.id;
  cleanup = chosen.view.render(main, ctx) || null;
}

async function start() {
  try {
    ctx.me = await api('GET', '/api/v1/auth/me');
    await ctx.reloadSites();
  } catch (e) {
    if (e.status !== 401) ctx.fail(e);
    showSignIn();
    return;
  }
  $('signin').hidden = true;
  $('shell').hidden = false;
  $('signout').hidden = false;
  $('who').textContent = ctx.me.username + ' · ' + t('role.' + ctx.me.role);
  route();
}

function renderLangButton() {
  $('lang').textContent = t('lang.switch');
  $('lang').setAttribute('lang', lang() === 'vi' ? 'en' : 'vi');
}

$('lang').addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  applyI18n();
  renderLangButton();
  if (ctx.me) {
    $('who').textContent = ctx.me.username + ' · ' + t('role.' + ctx.me.role);
    route();
  }
});
$('signin-form').addEventListener('submit', signIn);
$('signout').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
whenSignedOut(() => { ctx.me = null; showSignIn(); });

applyI18n();
renderLangButton();
if (token()) start(); else showSignIn();
