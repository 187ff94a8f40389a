// The manager's dashboard: overdue loans, inspections due now or soon, cases waiting for a decision or
// a delivery, with the longest wait of each. Every number is a link to the list behind it.
import { h } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get } from '../api.js';

const tiles = [
  { key: 'overdue_loans', list: 'overdue-loans', alert: true },
  { key: 'inspections_overdue', list: 'inspections-overdue', alert: true },
  { key: 'inspections_due_soon', list: 'inspections-soon' },
  { key: 'cases_awaiting_decision', list: 'awaiting-decision' },
  { key: 'cases_awaiting_delivery', list: 'awaiting-delivery' },
];

export default {
  title: 'dashboard.title',
  async render(main) {
    const d = await get('/dashboard');
    main.append(h('h1', { text: t('dashboard.title') }), h('p', { text: t('dashboard.as_of', { date: formatDate(d.as_of) }) }),
      h('div', { class: 'tiles' }, tiles.map((tile) => {
        const n = d[tile.key];
        return h('a', { class: `tile ${tile.alert && n.count ? 'alert' : ''}`, href: `#/dashboard/${tile.list}`, id: `tile-${tile.list}`,
          'data-count': n.count },
        h('span', { class: 'number', text: n.count }),
        h('span', { class: 'what', text: t(`dashboard.${tile.key}`, { days: d.within_days }) }),
        n.count && n.longest_days ? h('span', { class: 'longest', text: ` · ${t(`dashboard.longest_${tile.key}`, { days: n.longest_days })}` }) : null);
      })),
      d.loans_under_recall ? h('p', { id: 'dashboard-recall' }, t('dashboard.loans_under_recall', { n: d.loans_under_recall.count }), ' ',
        h('a', { href: '#/recalls', text: t('nav.recalls') })) : '',
      h('p', { class: 'row' }, h('a', { href: '#/report', text: t('dashboard.to_report') }),
        h('a', { href: '#/collection-gaps', text: t('nav.gaps') }), h('a', { href: '#/supply', text: t('nav.supply') })));
  },
};
