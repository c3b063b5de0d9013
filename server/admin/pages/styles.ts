/**
 * The admin pages' one stylesheet, served at /admin/admin.css (the pages' policy allows styles
 * from 'self' only). System colours and fonts, light or dark as the system prefers, one
 * column under 40 rem, tables that scroll sideways on a phone.
 */
export const ADMIN_CSS = `
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #ffffff; --muted: #555555;
  --line: #d0d0d0; --accent: #2b4fc7; --bad: #a3161b; --ok: #1d6b33; --panel: #f4f5f7; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececec; --bg: #16181c; --muted: #b0b0b0; --line: #44474d;
    --accent: #93aefc; --bad: #ff8c8c; --ok: #7ee08f; --panel: #22252b; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center;
  padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
header nav a[aria-current="page"] { font-weight: 700; }
header form { margin-left: auto; }
main { padding: 1rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin-bottom: 1rem; }
label { display: flex; flex-direction: column; gap: .2rem; font-size: .9rem; }
input, select, button { font: inherit; color: inherit; background: var(--bg);
  border: 1px solid var(--muted); border-radius: 4px; padding: .35rem .5rem; min-height: 2.25rem; }
button { cursor: pointer; background: var(--panel); }
button.primary { background: var(--accent); color: var(--bg); border-color: var(--accent); }
input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
.inline { display: inline; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.notice { border: 1px solid var(--ok); color: var(--ok); padding: .5rem .75rem; border-radius: 4px; }
.error { border: 1px solid var(--bad); color: var(--bad); padding: .5rem .75rem; border-radius: 4px; }
.muted { color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
dl.sums { max-width: 24rem; }
dl.sums dd { text-align: right; font-variant-numeric: tabular-nums; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; max-width: 40rem; }
.login { max-width: 24rem; margin: 10vh auto; padding: 1rem; }
.login form { display: flex; flex-direction: column; gap: 1rem; }
td .id, td.when { white-space: nowrap; overflow-wrap: normal; }
code, .id { font-family: ui-monospace, monospace; font-size: .9em; overflow-wrap: anywhere; }
@media (max-width: 40rem) { header form { margin-left: 0; } dl:not(.sums) { grid-template-columns: 1fr; } dl:not(.sums) dt { margin-top: .5rem; } }
`;
