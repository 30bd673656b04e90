import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { CapacityManagerElement } from '../src/elements/capacity-manager/capacity-manager.js';
import { CapacityMeterElement } from '../src/elements/capacity-meter/capacity-meter.js';
import { CapacityProviderElement } from '../src/elements/capacity-provider/capacity-provider.js';
import { LeadRegistrationCardElement } from '../src/elements/lead-registration-card/lead-registration-card.js';
import type { LeadRegistrationEventType } from '../src/events.js';

// custom-elements.json is committed (CI regenerates it and fails on a difference): this checks that
// what it says about each element is complete and agrees with the element classes themselves.

interface Named {
  name: string;
  description?: string;
}
interface Member extends Named {
  kind: 'field' | 'method';
  privacy?: 'public' | 'protected' | 'private';
  static?: boolean;
}
interface Declaration extends Named {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: (Named & { fieldName?: string })[];
  members?: Member[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: (Named & { default?: string })[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
interface Manifest {
  schemaVersion: string;
  modules: Module[];
}

type ElementClass = typeof LitElement;

/** Each public element: its class, and what its documentation (README, JSDoc) promises. */
const ELEMENTS: Record<
  string,
  { class: ElementClass; attributes: string[]; events: LeadRegistrationEventType[]; methods?: string[] }
> = {
  'lead-registration-card': {
    class: LeadRegistrationCardElement,
    attributes: ['contact-id', 'website', 'company', 'contact-name', 'country', 'api-base'],
    events: [
      'lead-registered',
      'lead-renewed',
      'capacity-change',
      'lead-registration-error',
      'capacity-manager-open',
      'capacity-manager-close',
      'capacity-deregister-request',
      'lead-deregistered',
    ],
  },
  'capacity-manager': {
    class: CapacityManagerElement,
    attributes: ['open', 'api-base'],
    events: [
      'capacity-manager-open',
      'capacity-manager-close',
      'capacity-deregister-request',
      'lead-deregistered',
      'lead-renewed',
      'capacity-change',
      'lead-registration-error',
    ],
    methods: ['show', 'close'],
  },
  'capacity-meter': {
    class: CapacityMeterElement,
    attributes: ['api-base', 'compact'],
    events: ['capacity-change', 'lead-registration-error'],
  },
  'capacity-provider': { class: CapacityProviderElement, attributes: ['api-base'], events: [] },
};

let manifest: Manifest;
/** Each event's `detail` as docs/contract.md's table of events gives it (`{ error, operation }`). */
let contractDetails: Map<string, string>;

before(async () => {
  const contract = await (await fetch('/docs/contract.md')).text();
  contractDetails = new Map(
    [...contract.matchAll(/^\| `([a-z-]+)` +\|[^|]+\| `(\{[^`]*\})`/gm)].map(([, name, detail]) => [name, detail]),
  );
  expect([...contractDetails.keys()].sort(), 'the events of the contract').to.deep.equal(
    [...new Set(Object.values(ELEMENTS).flatMap((element) => element.events))].sort(),
  );

  // The test runner serves the repository root.
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json is served from the repository root (run npm run build:manifest)').to.be
    .true;
  manifest = (await response.json()) as Manifest;
});

function elements(): { module: Module; declaration: Declaration }[] {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement)
      .map((declaration) => ({ module, declaration })),
  );
}

function element(tag: string): Declaration {
  const found = elements().find(({ declaration }) => declaration.tagName === tag);
  if (!found) throw new Error(`custom-elements.json has no element with tagName ${tag}`);
  return found.declaration;
}

const names = (items: Named[] | undefined): string[] => (items ?? []).map((item) => item.name);

describe('custom-elements.json', () => {
  it('lists exactly the four public elements, each with its tag name and exported from its module', () => {
    const found = elements();
    expect(found.map(({ declaration }) => declaration.tagName).sort()).to.deep.equal(Object.keys(ELEMENTS).sort());
    for (const { module, declaration } of found) {
      expect(declaration.name, `${declaration.tagName}'s class`).to.equal(ELEMENTS[declaration.tagName!].class.name);
      expect(module.path, `${declaration.tagName}'s module is the built file`).to.match(
        /^dist\/elements\/[\w-]+\/[\w-]+\.js$/,
      );
      expect(names(module.exports), `${module.path} exports ${declaration.name}`).to.include(declaration.name);
    }
  });

  it('leaves out the internal panel and declarations that no module exports', () => {
    const all = manifest.modules.flatMap((module) => module.declarations ?? []);
    expect(names(all)).not.to.include('CapacityManagerPanelElement');
    for (const module of manifest.modules) {
      const exported = names(module.exports);
      for (const declaration of module.declarations ?? []) expect(exported, module.path).to.include(declaration.name);
    }
  });

  for (const [tag, expected] of Object.entries(ELEMENTS)) {
    describe(`<${tag}>`, () => {
      it('lists the documented attributes, and exactly the ones the element observes', () => {
        const attributes = names(element(tag).attributes);
        expect(attributes).to.include.members(expected.attributes);
        expect([...attributes].sort()).to.deep.equal([...expected.class.observedAttributes].sort());
      });

      it('lists every public property the element declares', () => {
        const declared = [...expected.class.elementProperties]
          .filter(([name, options]) => typeof name === 'string' && !options.state)
          .map(([name]) => name as string);
        const listed = (element(tag).members ?? [])
          .filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public')
          .map((member) => member.name);
        expect(declared.length).to.be.greaterThan(0);
        expect(listed).to.include.members(declared);
        // and nothing internal by mistake
        expect(listed.filter((name) => name.startsWith('#') || name.startsWith('_'))).to.deep.equal([]);
      });

      it('lists its events, each described with the detail the contract gives it', () => {
        const events = element(tag).events ?? [];
        expect(names(events).sort()).to.deep.equal([...expected.events].sort());
        for (const event of events) {
          expect(event.description, event.name).to.contain(`Detail \`${contractDetails.get(event.name)}\``);
        }
      });

      if (expected.methods) {
        it('lists its public methods', () => {
          const methods = (element(tag).members ?? []).filter(
            (member) => member.kind === 'method' && member.privacy !== 'private',
          );
          expect(names(methods)).to.include.members(expected.methods!);
        });
      }

      if (tag !== 'capacity-provider') {
        it('lists its parts and CSS custom properties, each described', () => {
          const { cssParts = [], cssProperties = [] } = element(tag);
          expect(cssParts.length).to.be.greaterThan(0);
          expect(names(cssProperties)).to.include.members([
            '--lr-accent',
            '--lr-text',
            '--lr-radius',
            '--lr-focus-ring',
          ]);
          for (const item of [...cssParts, ...cssProperties])
            expect(item.description, item.name).to.be.a('string').and.not.be.empty;
          for (const property of cssProperties) expect(property.name).to.match(/^--lr-[a-z-]+$/);
        });
      } else {
        it('lists its default slot', () => {
          expect(names(element(tag).slots)).to.deep.equal(['']);
        });
      }
    });
  }
});
