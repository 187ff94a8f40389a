// The GS1 group separator (GS, U+001D) reaches a browser in several disguises: Ctrl+] (a keydown
// with no character), Alt+0029, the visible stand-in ␝ (U+241D), and U+E70B from readers that send
// the bytes EF 9C 8B (also seen mis-decoded as "ï\u009c\u008b"). All of them leave as GS.
export const GS = '\u001d';
export const GS_MARK = '\u241d';     // what the scan field shows where a GS is

const disguises = /\u241d|\ue70b|\u00ef\u009c\u008b|\u001d/g;

// The code as the server must get it: every disguise turned into GS, the reader's line end dropped.
export function toWire(text) { return text.replace(/[\r\n]+$/, '').replace(disguises, GS); }

// The code as a person reads it in the field and in the answer list.
export function toDisplay(text) { return text.replace(disguises, GS_MARK); }
