// Sign-in: username and password to POST /auth/session; the server sets the session cookie.
// A wrong password and a locked-out username (five misses in 15 minutes) say so in plain words.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { ApiProblem } from '../api.js';
import * as session from '../session.js';

export default {
  title: 'login.title',
  render(main, _params, { go }) {
    const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
    const submit = h('button', { type: 'submit', class: 'primary', text: t('login.submit') });
    const form = h('form', { class: 'card narrow', novalidate: true, 'aria-describedby': 'login-error' },
      h('h1', { text: t('login.title') }),
      field(t('login.username'), username),
      field(t('login.password'), password),
      error, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      if (!username.value || !password.value) { error.textContent = t('login.missing'); return; }
      submit.disabled = true;
      try {
        await session.signIn(username.value.trim(), password.value);
        go('/');
      } catch (e) {
        password.value = '';
        if (e instanceof ApiProblem && e.status === 401) error.textContent = t('login.wrong');
        else if (e instanceof ApiProblem && e.status === 429) error.textContent = t('login.locked');
        else error.textContent = t('error.unreachable');
        password.focus();
      } finally {
        submit.disabled = false;
      }
    });
    main.append(form);
    username.focus();
  },
};
