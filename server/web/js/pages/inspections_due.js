// The technician's due list: devices in stock and on loan whose IEC 62353 inspection is due within
// the chosen days or overdue, soonest first. A device on loan shows the municipality it is in, and is
// inspected at the home (it stays on loan).
import { h, field, clear } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get } from '../api.js';
import { stateText, deviceLink } from '../parts/labels.js';

export default {
  title: 'inspections.title',
  async render(main) {
    const within = h('select', { id: 'due-within' }, [7, 30, 90, 365].map((d) =>
      h('option', { value: d, selected: d === 30, text: t('inspections.within', { days: d }) })));
    const body = h('tbody');
    const summary = h('p', { 'aria-live': 'polite' });
    main.append(h('h1', { text: t('inspections.title') }), h('div', { class: 'filters' }, field(t('inspections.horizon'), within)),
      summary, h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'due-table' },
        h('thead', {}, h('tr', {}, [t('device.asset_tag'), t('device.model'), t('device.state'), t('inspections.where'),
          t('device.inspection_due'), ''].map((x) => h('th', { scope: 'col', text: x })))), body)));

    async function load() {
      const [due, loans] = await Promise.all([get(`/inspections/due?within_days=${within.value}`), get('/loans/due?within_days=3650')]);
      const municipality = new Map(loans.map((l) => [l.device_id, l.municipality]));
      due.sort((a, b) => (a.inspection_due || '0000').localeCompare(b.inspection_due || '0000'));
      clear(body);
      for (const d of due) {
        const where = d.state === 'on_loan' ? t('inspections.at_patient', { municipality: municipality.get(d.id) || '?' }) : (d.location || t('inspections.in_stock'));
        body.append(h('tr', {}, h('td', {}, deviceLink(d)), h('td', { text: d.model ? d.model.name : '' }),
          h('td', { text: stateText(d.state) }), h('td', { text: where }),
          h('td', {}, h('span', { class: d.overdue ? 'pill fail' : 'pill warn',
            text: d.inspection_due ? formatDate(d.inspection_due) : t('inspection.never') })),
          h('td', {}, d.state === 'on_loan'
            ? h('a', { href: `#/inspect/${d.id}`, text: t('inspections.inspect_at_home'), 'aria-label': t('inspections.inspect_at_home_tag', { tag: d.asset_tag }) })
            : h('a', { href: `#/inspect/${d.id}`, text: t('inspections.inspect'), 'aria-label': t('inspections.inspect_tag', { tag: d.asset_tag }) }))));
      }
      summary.textContent = t('inspections.summary', { n: due.length, overdue: due.filter((d) => d.overdue).length });
    }
    within.addEventListener('change', load);
    await load();
  },
};
