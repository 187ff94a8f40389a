// Bar charts drawn as plain SVG (no canvas, no chart library): groups of bars along x, a y axis with
// a few round ticks, a legend, and a <title> so a screen reader hears what the chart shows.
import { s } from '../dom.js';

const colours = ['#0b5394', '#b45f06', '#38761d'];

// Whole-number ticks 1, 2 or 5 × 10^k apart, four or five of them, the top one at or above n.
function ticksFor(n) {
  const rough = Math.max(1, n) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((x) => x >= rough));
  const top = Math.max(step, Math.ceil(n / step) * step);
  const ticks = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v));
  return ticks;
}

// groups: [{label, values:[n,...]}], series: ['name', ...]
export function barChart({ title, groups, series, id, width = 720, height = 300 }) {
  const left = 44; const bottom = 40; const top = 30; const right = 10;
  const plotW = width - left - right; const plotH = height - top - bottom;
  const ticks = ticksFor(Math.max(1, ...groups.flatMap((g) => g.values)));
  const max = ticks[ticks.length - 1];
  const slot = plotW / groups.length;
  const barW = Math.max(2, (slot * 0.8) / series.length);
  const y = (v) => top + plotH - (v / max) * plotH;
  return s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', id, 'aria-labelledby': `${id}-title` },
    s('title', { id: `${id}-title`, text: title }),
    ticks.map((v) => [
      s('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#c5ced8' }),
      s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1f24', text: String(Math.round(v)) }),
    ]),
    groups.map((g, i) => [
      g.values.map((v, k) => s('rect', {
        x: left + i * slot + slot * 0.1 + k * barW, y: y(v), width: barW - 1, height: top + plotH - y(v),
        fill: colours[k % colours.length], 'data-value': v,
      }, s('title', { text: `${g.label} – ${series[k]}: ${v}` }))),
      s('text', { x: left + i * slot + slot / 2, y: height - bottom + 16, 'text-anchor': 'middle', 'font-size': 12, fill: '#1b1f24', text: g.label }),
    ]),
    series.map((name, k) => [
      s('rect', { x: left + k * 150, y: 6, width: 12, height: 12, fill: colours[k % colours.length] }),
      s('text', { x: left + k * 150 + 18, y: 16, 'font-size': 13, fill: '#1b1f24', text: name }),
    ]));
}
