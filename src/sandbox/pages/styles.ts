/** The one stylesheet of the sandbox's pages (served at STYLESHEET_PATH; pages carry no inline style). */
import { SMART_STYLE as S } from './smart-style.ts';

export const SANDBOX_CSS = `
:root {
  color-scheme: light;
  --bg: ${S.color_background};
  --text: ${S.color_text};
  --accent: ${S.color_highlight};
  --error: ${S.color_error};
  --radius: ${S.dim_border_radius};
  --space: ${S.dim_spacing_size};
  --line: #d9d2c5;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: ${S.dim_font_size}/1.5 ${S.font_family_body}; }
h1, h2 { font-family: ${S.font_family_heading}; font-weight: 600; margin: 0 0 calc(var(--space) / 2); }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.2rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
.masthead { display: flex; gap: var(--space); align-items: baseline; padding: 10px calc(var(--space) * 1.5); background: var(--accent); color: #fff; }
.masthead .brand { font-family: ${S.font_family_heading}; font-size: 1.1rem; font-weight: 600; }
.masthead .tag { font-size: 0.85rem; opacity: 0.85; }
main { max-width: 60rem; margin: 0 auto; padding: calc(var(--space) * 1.5) var(--space); }
.card { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); padding: calc(var(--space) * 1.25); margin-bottom: var(--space); }
.heading { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: var(--space); }
.user { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: var(--space) 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: middle; }
thead th { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: #4a5a5f; }
button { font: inherit; color: #fff; background: var(--accent); border: 0; border-radius: var(--radius); padding: 6px 14px; cursor: pointer; }
button:hover { filter: brightness(1.1); }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #e0a526; outline-offset: 2px; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: calc(var(--space) / 2) var(--space); }
fieldset label { display: block; margin: 4px 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px var(--space); margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.error { border-left: 6px solid var(--error); }
.error h1 { color: var(--error); }
.remedy { font-weight: 600; }
.details th { width: 10rem; font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
