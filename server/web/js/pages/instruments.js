// The unit's register of IEC 62353 test instruments: identity, last calibration, interval and when it
// runs out. An instrument out of calibration is marked (the server decides: `in_calibration`), and an
// inspection with it is refused. Technicians (and managers, admins) add instruments and new calibrations.
import { h, field, clear } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';

export default {
  title: 'instruments.title',
  async render(main) {
    const may = session.hasRole('technician', 'manager', 'admin');
    const out = h('div', { id: 'instruments-out', 'aria-live': 'polite' });
    const body = h('tbody');
    main.append(h('h1', { text: t('instruments.title') }), h('p', { class: 'hint', text: t('instruments.hint') }), out,
      h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'instruments-table' },
        h('caption', { class: 'visually-hidden', text: t('instruments.title') }),
        h('thead', {}, h('tr', {}, [t('instruments.identity'), t('instruments.calibrated_on'), t('instruments.interval'),
          t('instruments.expires_on'), t('instruments.status'), may ? t('instruments.new_calibration') : null]
          .filter(Boolean).map((x) => h('th', { scope: 'col', text: x })))), body)));

    async function load() {
      const items = await get('/instruments');
      clear(body);
      if (!items.length) body.append(h('tr', {}, h('td', { colspan: may ? 6 : 5, text: t('list.empty') })));
      for (const x of items) {
        const cells = [h('td', { text: x.identity }), h('td', { text: formatDate(x.calibrated_on) }),
          h('td', { text: t('instruments.months', { n: x.calibration_interval_months }) }),
          h('td', { text: formatDate(x.calibration_expires_on) }),
          h('td', {}, h('span', { class: `pill ${x.in_calibration ? 'pass' : 'fail'}`, 'data-calibrated': String(x.in_calibration),
            text: t(x.in_calibration ? 'instruments.in_calibration' : 'instruments.out_of_calibration') }))];
        if (may) {
          const on = h('input', { type: 'date', id: `cal-${x.id}`, 'aria-label': t('instruments.calibrated_on_of', { identity: x.identity }) });
          const form = h('form', { class: 'row', novalidate: true }, on,
            h('button', { type: 'submit', 'aria-label': t('instruments.record_calibration_of', { identity: x.identity }), text: t('instruments.record_calibration') }));
          form.addEventListener('submit', async (e) => {
            e.preventDefault();
            const done = await attemptInto(out, () => post(`/instruments/${x.id}/calibrations`, { calibrated_on: on.value }));
            if (done) { await load(); out.append(h('p', { class: 'ok-text', text: t('instruments.calibration_saved', { identity: x.identity }) })); }
          });
          cells.push(h('td', {}, form));
        }
        body.append(h('tr', { 'data-instrument': x.identity, class: x.in_calibration ? '' : 'fail' }, cells));
      }
    }

    if (may) {
      const identity = h('input', { id: 'n-identity', autocomplete: 'off' });
      const on = h('input', { id: 'n-calibrated', type: 'date' });
      const months = h('input', { id: 'n-interval', type: 'number', min: 1, max: 60, placeholder: '12' });
      const form = h('form', { class: 'card', novalidate: true }, h('h2', { text: t('instruments.add') }),
        field(t('instruments.identity'), identity, t('instruments.identity_hint')), field(t('instruments.calibrated_on'), on),
        field(t('instruments.interval'), months, t('instruments.interval_hint')),
        h('button', { type: 'submit', class: 'primary', id: 'n-add', text: t('instruments.add') }));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const done = await attemptInto(out, () => post('/instruments', { identity: identity.value.trim(), calibrated_on: on.value,
          calibration_interval_months: months.value ? Number(months.value) : undefined }));
        if (done) {
          identity.value = ''; on.value = ''; months.value = '';
          await load();
          out.append(h('p', { class: 'ok-text', text: t('instruments.added', { identity: done.identity }) }));
        }
      });
      main.append(form);
    }
    await load();
  },
};
