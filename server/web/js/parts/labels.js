// Small shared pieces of wording: a device's state, a link to a device, a category's name in the page's language.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function stateText(state) { return t(`state.${state}`); }

export function deviceLink(device) {
  return h('a', { href: `#/devices/${device.id}`, text: device.asset_tag });
}

export function categoryName(categories, code) {
  const c = categories.find((x) => x.code === code);
  return c ? (document.documentElement.lang === 'nb' ? c.name_no : c.name) : code;
}
