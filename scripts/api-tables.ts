/**
 * Writes the API tables of README.md and widget/README.md from widget/custom-elements.json (made by `npm run analyze` from the
 * class JSDoc), so the docs and the code cannot drift: `npm run docs`.
 */
import {readFileSync, writeFileSync} from 'node:fs';

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: {text: string};
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  slots?: Item[];
}

const manifest = JSON.parse(
  readFileSync('widget/custom-elements.json', 'utf8')
) as {
  modules: {declarations?: Declaration[]}[];
};
const cell = (text = '') =>
  text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const table = (head: string[], rows: string[][]) =>
  rows.length
    ? [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
      ].join('\n')
    : '';

const sections: string[] = [];
for (const element of manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement)) {
  sections.push(`### \`<${element.tagName}>\``);
  const parts: [string, string[], string[][]][] = [
    [
      'Attributes',
      ['attribute', 'type', 'default', 'description'],
      (element.attributes ?? []).map((a) => [
        `\`${a.name}\``,
        cell(a.type?.text),
        cell(a.default),
        cell(a.description),
      ]),
    ],
    [
      'Events',
      ['event', 'description'],
      (element.events ?? []).map((e) => [`\`${e.name}\``, cell(e.description)]),
    ],
    [
      'Slots',
      ['slot', 'description'],
      (element.slots ?? []).map((s) => [
        s.name ? `\`${s.name}\`` : '(default)',
        cell(s.description),
      ]),
    ],
    [
      'CSS parts',
      ['part', 'description'],
      (element.cssParts ?? []).map((p) => [
        `\`${p.name}\``,
        cell(p.description),
      ]),
    ],
    [
      'CSS custom properties',
      ['property', 'default', 'description'],
      (element.cssProperties ?? []).map((p) => [
        `\`${p.name}\``,
        cell(p.default),
        cell(p.description),
      ]),
    ],
  ];
  for (const [title, head, rows] of parts) {
    if (rows.length) sections.push(`**${title}**\n\n${table(head, rows)}`);
  }
}

const start = '<!-- api:start (npm run docs) -->';
const end = '<!-- api:end -->';
// The repository's README and the element package's own (its npm page).
for (const file of ['README.md', 'widget/README.md']) {
  const readme = readFileSync(file, 'utf8');
  const [before, rest] = readme.split(start);
  if (rest === undefined || !rest.includes(end))
    throw new Error(`${file} has no ${start} … ${end} block`);
  writeFileSync(
    file,
    `${before}${start}\n\n${sections.join('\n\n')}\n\n${end}${rest.split(end)[1]}`
  );
  console.log(`${file}: API tables written from widget/custom-elements.json`);
}
