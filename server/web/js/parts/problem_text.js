// A refusal in words: the catalogue's sentence for its code when there is one, else the server's own
// sentence; with the rule it comes from (law, regulation or procedure point) when the server names it.
import { t } from '../i18n.js';

export function problemText(body) {
  if (!body) return t('error.unknown');
  const key = `problem.${body.code}`;
  const own = t(key);
  return own.startsWith('[') ? (body.detail || body.title || t('error.unknown')) : own;
}

export function ruleText(body) { return body && body.rule ? t('problem.rule', { rule: body.rule }) : ''; }
