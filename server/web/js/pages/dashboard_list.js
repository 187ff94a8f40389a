// The list behind each dashboard number: overdue loans, inspections overdue or due soon, and cases
// waiting for a decision or a delivery (with days waited so far), paged where the API pages.
import { h } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, query } from '../api.js';
import { pagedTable } from '../parts/paged_table.js';
import { stateText, deviceLink } from '../parts/labels.js';

function daysSince(iso) { return Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 86400000)); }

function simpleTable(id, headers, rows) {
  return h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id },
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))
      : h('tr', {}, h('td', { colspan: headers.length, text: t('list.empty') })))));
}

const lists = {
  'overdue-loans': async () => {
    const loans = await get('/loans/overdue');
    loans.sort((a, b) => b.days_overdue - a.days_overdue);
    return simpleTable('list-table', [t('loan.case'), t('device.asset_tag'), t('device.model'), t('loan.municipality'), t('loan.due'), t('loan.days_overdue')],
      loans.map((l) => [h('a', { href: `#/cases/${l.case_id}`, text: l.case_number }), h('a', { href: `#/devices/${l.device_id}`, text: l.asset_tag }),
        l.model, l.municipality, formatDate(l.due_on), String(l.days_overdue)]));
  },
  'inspections-overdue': async () => inspections(true),
  'inspections-soon': async () => inspections(false),
  'awaiting-decision': async () => cases('applied', (c) => daysSince(c.applied_at)),
  'awaiting-delivery': async () => cases('approved', (c) => daysSince(c.decision ? c.decision.decided_at : c.applied_at)),
};

async function inspections(overdue) {
  const due = (await get('/inspections/due?within_days=30')).filter((d) => Boolean(d.overdue) === overdue);
  due.sort((a, b) => (a.inspection_due || '0').localeCompare(b.inspection_due || '0'));
  return simpleTable('list-table', [t('device.asset_tag'), t('device.model'), t('device.state'), t('device.inspection_due')],
    due.map((d) => [deviceLink(d), d.model ? d.model.name : '', stateText(d.state), d.inspection_due ? formatDate(d.inspection_due) : t('inspection.never')]));
}

async function cases(status, waited) {
  const table = pagedTable({
    id: 'list-table', caption: t(`case.status_${status}`),
    columns: [
      { title: t('case.number'), cell: (c) => h('a', { href: `#/cases/${c.id}`, text: c.number }) },
      { title: t('case.category'), cell: (c) => c.category },
      { title: t('case.applied'), cell: (c) => formatDate(c.applied_at) },
      { title: t('case.waited_days'), cell: (c) => String(waited(c)) },
    ],
    fetchPage: (cursor, limit) => get(`/cases${query({ status, limit, cursor })}`),
  });
  await table.reload();
  return table.element;
}

export default {
  title: 'dashboard.title',
  async render(main, { list }) {
    const make = lists[list];
    main.append(h('p', {}, h('a', { href: '#/dashboard', text: t('dashboard.back') })),
      h('h1', { text: t(`dashboard.list_${list}`) }));
    if (!make) return;
    main.append(await make());
  },
};
