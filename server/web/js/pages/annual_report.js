// The annual report for the national network: per unit and category for a year (the unit, or the
// region for a manager), two SVG charts (loans per month, waiting days to delivery), and the same
// figures exported as CSV or JSON.
import { h, field, clear } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { get, query } from '../api.js';
import { barChart } from '../parts/svg_chart.js';
import * as session from '../session.js';

const columns = ['unit', 'category', 'devices_in_use_at_year_end', 'devices_received', 'new_assignments', 'returns',
  'average_loan_days', 'average_days_application_to_decision', 'average_days_application_to_delivery', 'device_cost_ore',
  'transferred_in', 'transferred_out', 'consumables_issued', 'consumable_cost_unit_paid_ore', 'consumable_cost_municipality_paid_ore'];
const money = (c) => c.endsWith('_ore');

function csv(rows) {
  const cell = (v) => (v === null || v === undefined ? '' : /[",;\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n');
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default {
  title: 'report.title',
  async render(main) {
    const thisYear = new Date().getFullYear();
    const year = h('select', { id: 'report-year' }, Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => h('option', { value: y, text: y })));
    const scope = h('select', { id: 'report-scope' }, h('option', { value: 'unit', text: t('report.scope_unit') }),
      session.hasRole('manager') ? h('option', { value: 'region', text: t('report.scope_region') }) : null);
    const out = h('div', { id: 'report-out' });
    let last = null;
    const csvButton = h('button', { type: 'button', id: 'report-csv', text: t('report.csv'),
      onclick: () => last && download(`bhm-${last.year}.csv`, 'text/csv', csv(last.report.rows)) });
    const jsonButton = h('button', { type: 'button', id: 'report-json', text: t('report.json'),
      onclick: () => last && download(`bhm-${last.year}.json`, 'application/json', JSON.stringify({ ...last.report, charts: last.charts }, null, 2)) });
    main.append(h('h1', { text: t('report.title') }),
      h('div', { class: 'filters' }, field(t('report.year'), year), field(t('report.scope'), scope), h('div', { class: 'row field' }, csvButton, jsonButton)),
      out);

    async function load() {
      const q = query({ year: year.value, scope: scope.value === 'region' ? 'region' : undefined });
      const [report, charts] = await Promise.all([get(`/reports/annual${q}`), get(`/reports/annual/charts${q}`)]);
      last = { year: year.value, report, charts };
      clear(out);
      const monthNames = charts.months.map((m) => new Intl.DateTimeFormat(document.documentElement.lang, { month: 'short' }).format(new Date(2000, m.month - 1, 15)));
      out.append(
        h('h2', { text: t('report.loans_per_month') }),
        barChart({ id: 'chart-months', title: t('report.loans_per_month'), series: [t('report.delivered'), t('report.returned')],
          groups: charts.months.map((m, i) => ({ label: monthNames[i], values: [m.delivered, m.returned] })) }),
        h('h2', { text: t('report.waiting') }),
        barChart({ id: 'chart-waiting', title: t('report.waiting'), series: [t('report.cases')], width: 560,
          groups: charts.waiting_to_delivery.map((b) => ({ label: b.to_days === null ? `> ${b.from_days - 1}` : `${b.from_days}–${b.to_days}`, values: [b.cases] })) }),
        h('p', { class: 'hint', text: t('report.waiting_axis') }),
        h('h2', { text: t('report.table') }),
        h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'report-table' },
          h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: t(`report.col_${c}`) })))),
          h('tbody', {}, report.rows.map((r) => h('tr', {}, columns.map((c) => h('td', {
            text: r[c] === null || r[c] === undefined ? '–' : typeof r[c] === 'number'
              ? (money(c) ? formatNumber(r[c] / 100, 2) : formatNumber(r[c], 1)) : r[c] }))))))),
        report.note ? h('p', { class: 'hint', text: report.note }) : null);
    }
    year.addEventListener('change', load);
    scope.addEventListener('change', load);
    await load();
  },
};
