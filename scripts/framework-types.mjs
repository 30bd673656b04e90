#!/usr/bin/env node
// Writes the elements' types for frameworks into dist/types (`npm run build:types`, after tsc):
// - react.d.ts, `lead-registration-widget/react`: React 19's JSX.IntrinsicElements;
// - vue.d.ts, `lead-registration-widget/vue`: Vue's GlobalComponents, for vue-tsc and Volar.
// Both are generated from custom-elements.json, which CI regenerates from the sources and compares
// with the committed one: the tags, properties, attributes and events cannot drift from the
// elements. Value types are the classes' own (`LeadRegistrationCardElement['contactId']`) and
// event details come from LeadRegistrationEventDetails, so a property the classes do not have fails
// the host's type check instead of typing it `any`. Type-only: nothing here reaches a page.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'types');

/**
 * The custom elements of a manifest, in tag order: their class, the properties a template may set
 * (public, writable, not static), the attributes whose name is no property's, and the events.
 * @param {any} manifest custom-elements.json
 */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const properties = (declaration.members ?? []).filter(
        (member) =>
          member.kind === 'field' && (member.privacy ?? 'public') === 'public' && !member.static && !member.readonly,
      );
      const propertyNames = new Set(properties.map((property) => property.name));
      elements.push({
        tagName: declaration.tagName,
        className: declaration.name,
        summary: declaration.summary ?? '',
        properties: properties.map(({ name, description }) => ({ name, description: description ?? '' })),
        attributes: (declaration.attributes ?? [])
          .filter((attribute) => !propertyNames.has(attribute.name))
          .map(({ name, fieldName, description }) => ({ name, fieldName, description: description ?? '' })),
        events: (declaration.events ?? []).map(({ name, description }) => ({ name, description: description ?? '' })),
      });
    }
  }
  return elements.sort((a, b) => (a.tagName < b.tagName ? -1 : 1));
}

const HEADER = (what) =>
  [`// ${what}`, '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.', ''].join('\n');

/** A JSDoc comment of `text` at `indent`, or nothing. */
function doc(text, indent) {
  const lines = text.replaceAll('*/', '*\\/').split('\n');
  if (!text) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const propsName = (element) => `${element.className.replace(/Element$/, '')}Props`;

function importsOf(elements) {
  const names = [...elements.map((element) => element.className), 'LeadRegistrationEventDetails'].sort();
  return `import type {\n${names.map((name) => `  ${name},`).join('\n')}\n} from './index.js';\n`;
}

/** The props of one element in React 19: properties, attributes by their name, `on` + each event. */
function reactProps(element) {
  const { className } = element;
  let body = '';
  for (const property of element.properties) {
    body += doc(property.description, '  ');
    body += `  ${quote(property.name)}?: ${className}['${property.name}'];\n`;
  }
  for (const attribute of element.attributes) {
    body += doc(`${attribute.description}\n\nThe \`${attribute.fieldName}\` property as an attribute.`.trim(), '  ');
    body += `  ${quote(attribute.name)}?: string;\n`;
  }
  for (const event of element.events) {
    body += doc(event.description, '  ');
    body += `  ${quote(`on${event.name}`)}?: (event: WidgetEvent<'${event.name}'>) => void;\n`;
  }
  return (
    doc(`\`<${element.tagName}>\` in React 19's JSX. ${element.summary}`.trim(), '') +
    `export interface ${propsName(element)} extends DetailedHTMLProps<HTMLAttributes<${className}>, ${className}> {\n` +
    `${body}}\n`
  );
}

export function reactTypes(elements) {
  return `${HEADER(
    "lead-registration-widget/react: the elements in React 19's JSX (import it as a type, or name it in tsconfig's types).",
  )}
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${importsOf(elements)}
/** The event a listener prop receives. */
export type WidgetEvent<Name extends keyof LeadRegistrationEventDetails> = CustomEvent<LeadRegistrationEventDetails[Name]>;

// React 19 sets a prop as a property when the element has a property of that name, and as an
// attribute otherwise (\`contact-id\`, \`api-base\`). A function in \`on\` + a name is a listener for
// the event of exactly that name: \`onlead-registered\`, not \`onLeadRegistered\`.

${elements.map(reactProps).join('\n')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((element) => `      '${element.tagName}': ${propsName(element)};`).join('\n')}
    }
  }
}
`;
}

/** The props of one element in a Vue template (\`contact-id\` and \`contactId\` alike name its property). */
function vueProps(element) {
  const { className } = element;
  let body = '';
  for (const property of element.properties) {
    body += doc(property.description, '  ');
    body += `  ${quote(property.name)}?: ${className}['${property.name}'];\n`;
  }
  const events = element.events.map((event) => `'${event.name}'`).join(' | ') || 'never';
  return (
    doc(`\`<${element.tagName}>\` in a Vue template. ${element.summary}`.trim(), '') +
    `export interface ${propsName(element)} {\n${body}}\n` +
    `/** The events of \`<${element.tagName}>\`, for \`@name\` listeners. */\n` +
    `export type ${propsName(element).replace(/Props$/, 'Events')} = WidgetEvents<${events}>;\n`
  );
}

export function vueTypes(elements) {
  return `${HEADER(
    "lead-registration-widget/vue: the elements in Vue's templates (import it as a type, or name it in tsconfig's types).",
  )}
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${importsOf(elements)}
/** Event names to the events they dispatch. */
export type WidgetEvents<Name extends keyof LeadRegistrationEventDetails> = {
  [N in Name]: CustomEvent<LeadRegistrationEventDetails[N]>;
};

/**
 * A custom element as Vue's type checking reads a component: the props of \`$props\`, the events of
 * \`$emit\`. Neither exists on the element: they type templates only (Vue's guide, "Web Components").
 */
export type VueCustomElement<Element extends HTMLElement, Props, Events extends Record<string, Event>> = new () => Element & {
  /** @deprecated Template types only: no such property on the element. */
  $props: HTMLAttributes & Props & PublicProps;
  /** @deprecated Template types only: no such method on the element. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

${elements.map(vueProps).join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${elements
  .map(
    (element) =>
      `    '${element.tagName}': VueCustomElement<${element.className}, ${propsName(element)}, ${propsName(element).replace(/Props$/, 'Events')}>;`,
  )
  .join('\n')}
  }
}
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const elements = elementsOf(JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'react.d.ts'), reactTypes(elements));
  writeFileSync(join(OUT, 'vue.d.ts'), vueTypes(elements));
  console.log(`dist/types/react.d.ts, dist/types/vue.d.ts: ${elements.map((element) => element.tagName).join(', ')}`);
}
