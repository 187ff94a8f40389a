// A new application. As the requester's role, the category and the conditions are filled in, the
// server is asked whether this requester may apply (the procedure's appendix); registering the case
// asks the same rule again. The national ID goes only in the request body, never in the address.
import { h, field, clear } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, query, ApiProblem } from '../api.js';
import { problemText, ruleText } from '../parts/problem_text.js';
import { categoryName } from '../parts/labels.js';

const roles = ['specialist_doctor', 'private_doctor_with_agreement', 'gp', 'nursing_home_doctor', 'physiotherapist', 'specialist_physiotherapist'];

export default {
  title: 'newcase.title',
  async render(main, _params, { go }) {
    const categories = await get('/categories');
    const nid = h('input', { id: 'c-nid', inputmode: 'numeric', autocomplete: 'off', maxlength: 11 });
    const name = h('input', { id: 'c-name', autocomplete: 'off' });
    const address = h('input', { id: 'c-address', autocomplete: 'off' });
    const municipality = h('input', { id: 'c-municipality', autocomplete: 'off' });
    const residence = h('select', { id: 'c-residence' }, ['home', 'institution'].map((r) => h('option', { value: r, text: t(`residence.${r}`) })));
    const category = h('select', { id: 'c-category' }, categories.map((c) => h('option', { value: c.code, text: categoryName(categories, c.code) })));
    const role = h('select', { id: 'c-role' }, roles.map((r) => h('option', { value: r, text: t(`requester.${r}`) })));
    const hpr = h('input', { id: 'c-hpr', inputmode: 'numeric', autocomplete: 'off' });
    const requester = h('input', { id: 'c-requester', autocomplete: 'off' });
    const box = (id, key) => { const i = h('input', { type: 'checkbox', id }); return [i, h('div', { class: 'check' }, i, h('label', { for: id, text: t(key) }))]; };
    const [inpatient, inpatientRow] = box('c-inpatient', 'newcase.inpatient');
    const [palliative, palliativeRow] = box('c-palliative', 'newcase.palliative');
    const [nebulizer, nebulizerRow] = box('c-nebulizer', 'newcase.nebulizer_criteria');
    const lymphoedema = h('select', { id: 'c-lymphoedema' }, ['none', 'primary', 'secondary'].map((l) => h('option', { value: l, text: t(`lymphoedema.${l}`) })));
    const rights = h('div', { id: 'c-rights', class: 'card', 'aria-live': 'polite' });
    const result = h('div', { id: 'c-result', role: 'status' });
    const form = h('form', { class: 'card', novalidate: true },
      h('fieldset', {}, h('legend', { text: t('newcase.requester') }), field(t('newcase.role'), role), field(t('newcase.hpr'), hpr), field(t('newcase.requester_name'), requester)),
      h('fieldset', {}, h('legend', { text: t('newcase.need') }), field(t('case.category'), category), inpatientRow, palliativeRow, nebulizerRow,
        field(t('newcase.lymphoedema'), lymphoedema)),
      rights,
      h('fieldset', {}, h('legend', { text: t('newcase.patient') }), field(t('patient.national_id'), nid, t('newcase.nid_hint')),
        field(t('patient.name'), name), field(t('patient.address'), address), field(t('patient.municipality'), municipality), field(t('patient.residence'), residence)),
      h('button', { type: 'submit', class: 'primary', id: 'c-submit', text: t('newcase.submit') }), result);
    main.append(h('h1', { text: t('newcase.title') }), form);

    let asked = 0;
    async function checkRights() {
      const mine = ++asked;
      const answer = await get(`/requester-rights${query({ role: role.value, category: category.value, palliative: palliative.checked,
        nebulizer_criteria_met: nebulizer.checked, lymphoedema: lymphoedema.value })}`);
      if (mine !== asked) return;
      clear(rights);
      rights.dataset.allowed = String(answer.allowed);
      rights.append(answer.allowed
        ? h('p', { class: 'ok-text', text: t('newcase.allowed', { role: t(`requester.${role.value}`), category: categoryName(categories, category.value) }) })
        : h('div', {}, h('p', { class: 'error', text: problemText(answer) }), h('p', { class: 'hint', text: ruleText(answer) })));
    }
    for (const c of [role, category, palliative, nebulizer, lymphoedema]) c.addEventListener('change', checkRights);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(result);
      try {
        const made = await post('/cases', {
          patient: { national_id: nid.value.trim(), name: name.value.trim(), address: address.value.trim(), municipality: municipality.value.trim(), residence: residence.value },
          category: category.value, inpatient: inpatient.checked, palliative: palliative.checked, nebulizer_criteria_met: nebulizer.checked,
          lymphoedema: lymphoedema.value, requester: { role: role.value, hpr_number: hpr.value.trim(), name: requester.value.trim() },
        });
        go(`/cases/${made.id}`);
      } catch (err) {
        if (!(err instanceof ApiProblem)) throw err;
        result.append(h('p', { class: 'error', role: 'alert', text: `${problemText(err.body)} ${ruleText(err.body)}` }));
      }
    });
    await checkRights();
  },
};
