// The framework types (scripts/framework-types.mjs: lead-registration-widget/react and /vue) against
// custom-elements.json, which test/manifest.test.ts checks against the element classes: every element,
// writable property, attribute and event of the manifest is typed, and nothing else. The host apps of
// e2e/hosts/ type-check code that uses them (npm run build:hosts). Needs no build:
// `node --test e2e/framework-types.e2e.mjs`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { elementsOf, reactTypes, vueTypes } from '../scripts/framework-types.mjs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);

/** The members of `export interface <name> … { … }` in `source`, in order: `name?: type`. */
function membersOf(source, name) {
  const start = source.indexOf(`export interface ${name} `);
  assert.ok(start >= 0, `no interface ${name}`);
  const body = source.slice(source.indexOf('{\n', start) + 2, source.indexOf('\n}\n', start));
  return [...body.matchAll(/^ {2}('?)([\w$-]+)\1\?: (.+);$/gm)].map(([, , member, type]) => `${member}: ${type}`);
}

/** The entries of an augmented interface (`'tag': Type;`), in order. */
function entriesOf(source, interfaceName) {
  const start = source.indexOf(`interface ${interfaceName} {`);
  assert.ok(start >= 0, `no interface ${interfaceName}`);
  const body = source.slice(start, source.indexOf('}', start));
  return [...body.matchAll(/^\s+'([\w-]+)': (.+);$/gm)].map(([, tag, type]) => `${tag}: ${type}`);
}

const elements = elementsOf(manifest);
const react = reactTypes(elements);
const vue = vueTypes(elements);

describe('the framework types', () => {
  test('cover the four elements of the manifest', () => {
    assert.deepEqual(
      elements.map((element) => element.tagName),
      ['capacity-manager', 'capacity-meter', 'capacity-provider', 'lead-registration-card'],
    );
    assert.equal(declarations.length, 4);
  });

  for (const declaration of declarations) {
    const { tagName, name: className } = declaration;
    const props = `${className.replace(/Element$/, '')}Props`;
    const fields = declaration.members.filter(
      (member) => member.kind === 'field' && member.privacy === 'public' && !member.static && !member.readonly,
    );
    const fieldNames = fields.map((field) => field.name);
    const properties = fieldNames.map((name) => `${name}: ${className}['${name}']`);
    const attributes = declaration.attributes
      .filter((attribute) => !fieldNames.includes(attribute.name))
      .map((attribute) => `${attribute.name}: string`);
    const events = (declaration.events ?? []).map((event) => event.name);

    test(`<${tagName}> in React 19: its properties, other attributes and on + each event`, () => {
      assert.ok(
        attributes.every((attribute) => attribute.includes('-')),
        'attributes besides properties are dashed',
      );
      assert.deepEqual(membersOf(react, props), [
        ...properties,
        ...attributes,
        ...events.map((event) => `on${event}: (event: WidgetEvent<'${event}'>) => void`),
      ]);
      assert.ok(entriesOf(react, 'IntrinsicElements').includes(`${tagName}: ${props}`));
    });

    test(`<${tagName}> in Vue: its properties and events`, () => {
      assert.deepEqual(membersOf(vue, props), properties);
      const eventsType = props.replace(/Props$/, 'Events');
      const union = events.map((event) => `'${event}'`).join(' | ') || 'never';
      assert.ok(vue.includes(`export type ${eventsType} = WidgetEvents<${union}>;`), `${eventsType} lists ${union}`);
      assert.ok(
        entriesOf(vue, 'GlobalComponents').includes(
          `${tagName}: VueCustomElement<${className}, ${props}, ${eventsType}>`,
        ),
      );
    });
  }
});
