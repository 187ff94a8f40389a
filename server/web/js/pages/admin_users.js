// The unit's logins for an admin: create one with a role and a first password, change a role,
// set a new password, deactivate or reactivate. The server keeps the rules (roles, password length).
import { h, field, clear } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, patch, ApiProblem } from '../api.js';
import { problemText } from '../parts/problem_text.js';

export const roleNames = ['warehouse', 'technician', 'caseworker', 'manager', 'admin'];

export default {
  title: 'users.title',
  async render(main) {
    const out = h('div', { id: 'users-out', role: 'status', 'aria-live': 'polite' });
    const body = h('tbody');
    const username = h('input', { id: 'u-name', autocomplete: 'off' });
    const role = h('select', { id: 'u-role' }, roleNames.map((r) => h('option', { value: r, text: t(`role.${r}`) })));
    const password = h('input', { id: 'u-password', type: 'password', autocomplete: 'new-password' });
    const form = h('form', { class: 'card', novalidate: true }, h('h2', { text: t('users.create') }),
      field(t('login.username'), username), field(t('users.role'), role), field(t('users.password'), password, t('users.password_hint')),
      h('button', { type: 'submit', class: 'primary', id: 'u-create', text: t('users.create') }));
    main.append(h('h1', { text: t('users.title') }), out,
      h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'users-table' }, h('thead', {}, h('tr', {},
        [t('login.username'), t('users.role'), t('users.active'), t('users.actions')].map((x) => h('th', { scope: 'col', text: x })))), body)), form);

    async function attempt(work, done) {
      clear(out);
      try { await work(); out.append(h('p', { class: 'ok-text', text: done })); await load(); } catch (e) {
        if (!(e instanceof ApiProblem)) throw e;
        out.append(h('p', { class: 'error', role: 'alert', text: problemText(e.body) }));
      }
    }

    async function load() {
      const users = await get('/users');
      clear(body);
      for (const u of users) {
        const change = h('select', { id: `role-${u.id}`, 'aria-label': t('users.role_of', { user: u.username }) },
          roleNames.map((r) => h('option', { value: r, selected: r === u.role, text: t(`role.${r}`) })));
        const pw = h('input', { type: 'password', id: `pw-${u.id}`, autocomplete: 'new-password', 'aria-label': t('users.new_password_of', { user: u.username }) });
        body.append(h('tr', { 'data-user': u.username }, h('td', { text: u.username }),
          h('td', {}, change, ' ', h('button', { type: 'button', onclick: () => attempt(() => patch(`/users/${u.id}`, { role: change.value }), t('users.saved')),
            'aria-label': t('users.save_role_of', { user: u.username }), text: t('users.save_role') })),
          h('td', { text: u.active ? t('users.yes') : t('users.no') }),
          h('td', { class: 'row' }, pw, h('button', { type: 'button', onclick: () => attempt(() => patch(`/users/${u.id}`, { password: pw.value }), t('users.saved')),
            'aria-label': t('users.set_password_of', { user: u.username }), text: t('users.set_password') }),
          h('button', { type: 'button', class: 'deactivate', onclick: () => attempt(() => patch(`/users/${u.id}`, { active: !u.active }), t('users.saved')),
            'aria-label': t(u.active ? 'users.deactivate_of' : 'users.activate_of', { user: u.username }), text: t(u.active ? 'users.deactivate' : 'users.activate') }))));
      }
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      attempt(async () => { await post('/users', { username: username.value.trim(), role: role.value, password: password.value }); username.value = ''; password.value = ''; },
        t('users.created'));
    });
    await load();
  },
};
