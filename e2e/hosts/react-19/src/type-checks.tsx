// Not part of the app: type checks that fail the build if lead-registration-widget/react stops typing
// the elements (each line below must be an error; `tsc` fails on an unused @ts-expect-error).
import type { CapacityBackend } from 'lead-registration-widget';

export const wrongTypes = (backend: CapacityBackend) => (
  <>
    {/* @ts-expect-error contactId is a string */}
    <lead-registration-card contactId={42}></lead-registration-card>
    {/* @ts-expect-error the attribute is a string too */}
    <lead-registration-card contact-id={42}></lead-registration-card>
    {/* @ts-expect-error compact is a boolean */}
    <capacity-meter compact="yes"></capacity-meter>
    {/* @ts-expect-error a backend is a CapacityBackend */}
    <capacity-provider backend={{ url: '/api' }}></capacity-provider>
    {/* @ts-expect-error React 19 would listen for an event named "LeadRegistered": the prop is onlead-registered */}
    <lead-registration-card onLeadRegistered={() => undefined}></lead-registration-card>
    {/* @ts-expect-error open is a boolean */}
    <capacity-manager open="open"></capacity-manager>
    <lead-registration-card
      backend={backend}
      // @ts-expect-error lead-registered's detail has no `contact`
      onlead-registered={(event) => event.detail.contact}
    ></lead-registration-card>
  </>
);
