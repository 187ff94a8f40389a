// Scan stations for an admin: issue a station token (shown once, here, never again) and revoke one.
import { h, field, clear } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get, post, ApiProblem } from '../api.js';
import { problemText } from '../parts/problem_text.js';

export default {
  title: 'stations.title',
  async render(main) {
    const out = h('div', { id: 'stations-out', role: 'status', 'aria-live': 'polite' });
    const body = h('tbody');
    const name = h('input', { id: 'st-name', autocomplete: 'off' });
    const form = h('form', { class: 'card', novalidate: true }, h('h2', { text: t('stations.issue') }), field(t('stations.name'), name),
      h('button', { type: 'submit', class: 'primary', id: 'st-issue', text: t('stations.issue') }));
    main.append(h('h1', { text: t('stations.title') }), out, h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'stations-table' },
      h('thead', {}, h('tr', {}, [t('stations.name'), t('stations.created'), t('stations.state'), ''].map((x) => h('th', { scope: 'col', text: x })))), body)), form);

    function fail(e) {
      if (!(e instanceof ApiProblem)) throw e;
      out.append(h('p', { class: 'error', role: 'alert', text: problemText(e.body) }));
    }
    async function load() {
      const stations = await get('/stations');
      clear(body);
      for (const s of stations) {
        body.append(h('tr', { 'data-station': s.name }, h('td', { text: s.name }), h('td', { text: `${formatDateTime(s.created_at)} · ${s.created_by}` }),
          h('td', { text: s.revoked_at ? t('stations.revoked', { at: formatDateTime(s.revoked_at) }) : t('stations.active') }),
          h('td', {}, s.revoked_at ? '' : h('button', { type: 'button', 'aria-label': t('stations.revoke_of', { name: s.name }), text: t('stations.revoke'),
            onclick: async () => { clear(out); try { await post(`/stations/${s.id}/revoke`); out.append(h('p', { class: 'ok-text', text: t('stations.revoked_ok') })); await load(); } catch (e) { fail(e); } } }))));
      }
    }
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(out);
      try {
        const made = await post('/stations', { name: name.value.trim() });
        name.value = '';
        out.append(h('div', { class: 'card' }, h('p', { text: t('stations.token_once', { name: made.name }) }),
          h('p', { class: 'secret', id: 'st-token', text: made.token })));
        await load();
      } catch (err) { fail(err); }
    });
    await load();
  },
};
