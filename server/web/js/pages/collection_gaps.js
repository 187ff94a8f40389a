// Use as a signal: open loans whose device-tied consumables have not been collected for more than N days
// (since the last consumables, or the delivery). Candidates to contact about a return.
import { h, field, clear } from '../dom.js';
import { t, formatDate, formatDateTime } from '../i18n.js';
import { get, query } from '../api.js';
import { categoryName } from '../parts/labels.js';

export default {
  title: 'gaps.title',
  async render(main) {
    const categories = await get('/categories');
    const days = h('input', { id: 'gaps-days', type: 'number', min: 1, max: 3650, value: '180' });
    const body = h('tbody');
    const cols = [t('supply.case'), t('device.category'), t('patient.municipality'), t('gaps.delivered'), t('gaps.last_collected'), t('gaps.days')];
    const form = h('form', { class: 'filters', novalidate: true }, field(t('gaps.days_field'), days),
      h('div', { class: 'field' }, h('button', { type: 'submit', id: 'gaps-submit', text: t('gaps.show') })));
    form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
    main.append(h('h1', { text: t('gaps.title') }), h('p', { class: 'hint', text: t('gaps.hint') }), form,
      h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'gaps-table' },
        h('caption', { class: 'visually-hidden', text: t('gaps.title') }),
        h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', text: c })))), body)));

    async function load() {
      const gaps = await get(`/consumables/collection-gaps${query({ days: days.value || 180 })}`);
      clear(body);
      if (!gaps.length) body.append(h('tr', {}, h('td', { colspan: cols.length, text: t('gaps.none') })));
      for (const g of gaps) {
        body.append(h('tr', { 'data-loan': g.loan_id },
          h('td', {}, h('a', { href: `#/cases/${g.case_id}`, text: g.case_number })),
          h('td', { text: categoryName(categories, g.category) }), h('td', { text: g.municipality }),
          h('td', { text: formatDateTime(g.delivered_at) }),
          h('td', { text: g.last_collected_on ? formatDate(g.last_collected_on) : t('gaps.never') }),
          h('td', { text: g.days_without_collection })));
      }
    }
    await load();
  },
};
