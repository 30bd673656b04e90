import type { Messages } from '../types.js';

// Spanish, neutral and formal (usted). Terms (docs/localization.md#glossary): registrar / registro, dar de
// baja (deregister), capacidad, dominio, contacto, cliente potencial (prospect), partner, nivel (tier).
export default {
  'common.retry': 'Reintentar',
  'common.retrying': 'Reintentando…',
  'common.close': 'Cerrar',
  'common.sentences': '{first} {second}',

  'capacity.summary':
    '{used} de {limit, plural, one {# dominio usado} many {# de dominios usados} other {# dominios usados}}',

  'card.title': 'Registro de lead',
  'card.options': 'Opciones del registro de lead',
  'card.manageCapacity': 'Gestionar su capacidad',
  'card.notAvailable': 'No disponible',
  'card.noContact':
    'Esta tarjeta no tiene ningún contacto que mostrar: establezca su atributo contact-id en el ID del contacto en su CRM.',
  'card.loading': 'Cargando el registro…',
  'card.notLoaded': 'Registro no cargado',
  'card.loadError': 'No se pudo cargar el registro. {message}',
  'card.registered': 'Registrado',
  'card.domain': 'Dominio',
  'card.registeredOn': 'Registrado el',
  'card.websiteMoved':
    'El sitio web del contacto ahora es {website}. El dominio registrado sigue siendo {domain}: un registro no sigue al sitio web.',
  'card.otherContact': 'Registrado a través de otro contacto',
  'card.otherContactExplanation':
    '{domain} ya está en su capacidad, registrado a través de otro contacto. Un dominio cuenta una sola vez, así que este contacto no necesita un registro propio.',
  'card.contact': 'Contacto',
  'card.company': 'Empresa',
  'card.otherPartner': 'Registrado por otro partner',
  'card.otherPartnerExplanation': '{domain} está registrado por otro partner y no se puede registrar.',
  'card.notRegistered': 'No registrado',
  'card.registerAdds': 'Al registrarlo, {domain} se añade a su capacidad.',
  'card.website': 'Sitio web: {website}',
  'card.capacityFull':
    'Su capacidad está completa ({summary}). Dé de baja a los clientes potenciales con los que ya no trabaja para registrar este.',
  'card.register': 'Registrar',
  'card.registering': 'Registrando…',
  'card.registeredAnnouncement': 'Registrado: {domain} ya está en su capacidad.',
  'card.pending': 'Pendiente de revisión',
  'card.pendingSince': 'Pendiente de la revisión del proveedor desde el {date}. Cuenta para su capacidad.',
  'card.expiresOn': 'Vence el',
  'card.expiresIn': '{days, plural, one {Vence en # día.} many {Vence en # de días.} other {Vence en # días.}}',
  'card.renew': 'Renovar',
  'card.renewing': 'Renovando…',
  'card.renewedAnnouncement': 'Renovado: {domain} vence ahora el {date}.',
  'card.expired': 'Vencido',
  'card.expiredOn': 'El registro de {domain} venció el {date} y ya no cuenta para su capacidad.',
  'card.registerAgain': 'Registrar de nuevo',
  'renewal.not-found': '{domain} ya no está registrado: el registro venció o se anuló.',
  'renewal.pending-review': '{domain} podrá renovarse cuando el proveedor lo haya revisado.',
  'renewal.no-expiry': '{domain} no vence.',
  'renewal.not-yet-renewable': '{domain} podrá renovarse a partir del {date}.',
  'renewal.renewal-limit': '{domain} se ha renovado tantas veces como se permite.',
  'renewal.renewal-not-offered': 'No se ofrece la renovación de {domain}.',

  'manager.title': 'Capacidad de registro del partner',
  'manager.codeLoading': 'Cargando el gestor de capacidad…',
  'manager.codeFailed': 'No se pudo cargar el gestor de capacidad. Compruebe su conexión y vuelva a intentarlo.',

  'meter.unavailable': 'Capacidad no disponible.',
  'meter.codeFailed': 'No se pudo cargar el indicador de capacidad. Compruebe su conexión y vuelva a intentarlo.',
  'meter.retryCode': 'Volver a cargar el indicador de capacidad',

  'config.ownerElement': 'a este elemento',
  'config.ownerProvider': 'al <capacity-provider>',
  'config.backendPromise':
    'El backend asignado {owner} es una Promise: espérela con await y asigne el backend que devuelve.',
  'config.backendNotObject':
    'El backend asignado {owner} es {type, select, null {null} other {de tipo {type}}}, no un objeto que implemente CapacityBackend.',
  'config.backendUrl': 'Para un backend REST en una URL, establezca en su lugar el atributo api-base.',
  'config.backendMethods': 'Al backend asignado {owner} le falta {methods}. Debe implementar CapacityBackend.',
  'config.backendAttribute':
    'El atributo backend («{value}») solo contiene texto: defina en su lugar la propiedad backend (en React 18, desde un efecto) o use api-base.',
  'config.apiBaseInvalid': 'La api-base «{apiBase}» no es una URL válida.',
  'config.apiBaseScheme': 'La api-base «{apiBase}» debe ser una URL http o https.',
  'config.provider': 'No se puede usar el <capacity-provider> que rodea este elemento. {reason}',
  'config.storage': 'El widget de registro de leads no pudo iniciar su almacenamiento.',

  'error.capacity-exceeded':
    'Su capacidad de registro está completa. Dé de baja a los clientes potenciales con los que ya no trabaja para liberar espacio.',
  'error.domain-already-registered': 'Este dominio ya está registrado en su capacidad a través de otro contacto.',
  'error.contact-already-registered': 'Este contacto ya está registrado.',
  'error.domain-unavailable': 'Este dominio está registrado por otro partner y no se puede registrar.',
  'error.invalid-website': 'El sitio web del contacto no es una dirección web pública válida.',
  'error.validation': 'La solicitud no era válida.',
  'error.not-found': 'No se encontró el elemento solicitado.',
  'error.unauthorized': 'Su sesión ha caducado. Vuelva a iniciar sesión e inténtelo de nuevo.',
  'error.forbidden': 'Su cuenta no tiene permiso para gestionar registros de leads.',
  'error.timeout': 'El servicio de registro tardó demasiado en responder. Compruebe su conexión y vuelva a intentarlo.',
  'error.network': 'No se pudo conectar con el servicio de registro. Compruebe su conexión y vuelva a intentarlo.',
  'error.server': 'El servicio de registro tuvo un problema. Vuelva a intentarlo en un momento.',
  'error.bad-response':
    'El servicio de registro envió una respuesta que no se pudo leer. Vuelva a intentarlo en un momento.',
  'error.aborted': 'Se canceló la solicitud.',

  'website.missing': 'Este contacto no tiene sitio web, así que no hay ningún dominio que registrar.',
  'website.scheme': 'El sitio web debe ser una dirección http o https.',
  'website.ip-address': 'El sitio web es una dirección IP; solo se pueden registrar nombres de dominio.',
  'website.localhost': 'El sitio web apunta a este equipo (localhost), no al dominio de una empresa.',
  'website.single-label': 'El sitio web no es un nombre de dominio completo (necesita un punto, como en acme.com).',
  'website.too-long': 'El nombre de dominio del sitio web es demasiado largo para ser válido.',
  'website.characters': 'El sitio web contiene caracteres que no se permiten en un nombre de dominio.',

  'manager.loading': 'Cargando sus registros…',
  'manager.search': 'Buscar',
  'manager.searchPlaceholder': 'Dominio, empresa, nombre del contacto o país',
  'manager.selected':
    '{count, plural, one {# dominio seleccionado} many {# de dominios seleccionados} other {# dominios seleccionados}}',
  'manager.clearSelection': 'Borrar la selección',
  'manager.selectToDeregister': 'Seleccione los dominios que quiera dar de baja.',
  'manager.deregister': 'Dar de baja',
  'manager.deregistered':
    '{count, plural, one {# dominio dado de baja.} many {# de dominios dados de baja.} other {# dominios dados de baja.}}',
  'manager.alreadyDeregistered':
    '{count, plural, one {# dominio ya estaba dado de baja.} many {# de dominios ya estaban dados de baja.} other {# dominios ya estaban dados de baja.}}',
  'manager.alsoAlreadyDeregistered':
    '{count, plural, one {# ya estaba dado de baja.} many {# ya estaban dados de baja.} other {# ya estaban dados de baja.}}',
  'manager.used': '{used} de {limit} usados.',
  'manager.matches':
    '{count, plural, =0 {Ningún dominio coincide.} one {# dominio coincide.} many {# de dominios coinciden.} other {# dominios coinciden.}}',
  'manager.sorted':
    'Ordenado por {column}, {order, select, asc {de la A a la Z} desc {de la Z a la A} oldest {los más antiguos primero} soonest {los más próximos primero} latest {los más lejanos primero} other {los más recientes primero}}.',
  'manager.showing': '{total, plural, =0 {No hay dominios que mostrar.} other {Mostrando {first}–{last} de #.}}',

  'table.caption': 'Dominios registrados',
  'table.selectAll': 'Seleccionar todos los dominios de esta página',
  'table.select': 'Seleccionar {domain}',
  'table.domain': 'Dominio',
  'table.company': 'Empresa',
  'table.contactName': 'Nombre del contacto',
  'table.country': 'País',
  'table.registeredAt': 'Registrado el',
  'table.empty': 'Todavía no hay dominios registrados en su capacidad.',
  'table.emptyHint': 'Los dominios aparecen aquí cuando registra clientes potenciales desde sus fichas de contacto.',
  'table.noMatch': 'Ningún dominio registrado coincide con «{search}».',
  'table.clearSearch': 'Borrar la búsqueda',
  'table.rowsPerPage': 'Filas por página',
  'table.range': '{total, plural, =0 {# de #} other {{first}–{last} de #}}',
  'table.pages': 'Páginas',
  'table.firstPage': 'Primera página',
  'table.previousPage': 'Página anterior',
  'table.nextPage': 'Página siguiente',
  'table.lastPage': 'Última página',

  'confirm.title':
    '{count, plural, one {¿Dar de baja # dominio?} many {¿Dar de baja # de dominios?} other {¿Dar de baja # dominios?}}',
  'confirm.explanation':
    '{count, plural, one {Al darlo de baja, este dominio se libera de su capacidad. Si este cliente potencial compra, dejará de tener derecho a comisión y a los beneficios de Sold MRR.} other {Al darlos de baja, estos dominios se liberan de su capacidad. Si estos clientes potenciales compran, dejará de tener derecho a comisión y a los beneficios de Sold MRR.}}',
  'confirm.domains': 'Dominios que se darán de baja',
  'confirm.tooMany': 'Puede dar de baja hasta {max} dominios a la vez. Seleccione menos y vuelva a intentarlo.',
  'confirm.cancel': 'Cancelar',
  'confirm.deregistering': 'Dando de baja…',
  'confirm.confirm': 'Sí, dar de baja',

  'export.start': 'Exportar CSV',
  'export.cancel': 'Cancelar la exportación',
  'export.progress': 'Exportando {done} de {total}…',
  'export.done':
    '{count, plural, one {# registro exportado a {fileName}.} many {# de registros exportados a {fileName}.} other {# registros exportados a {fileName}.}}',
  'export.cancelled': 'Exportación cancelada.',
  'export.failed': 'La exportación se detuvo. {reason}',
  'export.fileName': 'registros-{date}.csv',

  'manager.filter': 'Mostrar',
  'manager.filterAll': 'Todos los registros',
  'manager.filterExpiring': 'Vencen en {days, plural, one {# día} many {# de días} other {# días}}',
  'manager.selectToRenewOrDeregister': 'Seleccione los dominios que desea renovar o dar de baja.',
  'manager.renew': 'Renovar',
  'table.status': 'Estado',
  'table.registered': 'Registrado',
  'table.expiresAt': 'Vence',
  'table.noExpiry': 'Nunca',
  'table.expiresIn': '{days, plural, one {en # día} many {en # de días} other {en # días}}',
  'table.nonePending': 'Ningún registro está pendiente de revisión.',
  'table.noneExpiring': 'Ningún registro vence en {days, plural, one {# día} many {# de días} other {# días}}.',
  'renewal.title':
    '{count, plural, one {¿Renovar # dominio?} many {¿Renovar # de dominios?} other {¿Renovar # dominios?}}',
  'renewal.newDate': 'Nuevo vencimiento: {date}',
  'renewal.renewing': 'Renovando…',
  'renewal.renewed':
    '{count, plural, =0 {No se renovó ningún dominio.} one {# dominio renovado.} many {# de dominios renovados.} other {# dominios renovados.}}',
  'renewal.notRenewed':
    '{count, plural, one {# dominio no se pudo renovar.} many {# de dominios no se pudieron renovar.} other {# dominios no se pudieron renovar.}}',
  'renewal.explanation':
    'La renovación extiende cada registro {days, plural, one {# día} many {# de días} other {# días}} a partir de su vencimiento actual.',
  'renewal.tooMany': 'Puede renovar hasta {max} dominios a la vez.',

  'meter.label': 'Capacidad de registro',
  'meter.labelCompact': 'Capacidad',
  'meter.summaryCompact': '{used} de {limit}',
  'meter.tier': '{level, select, untiered {Partner sin nivel} other {Partner {tier}}}',
  'meter.full': 'Capacidad completa: dé de baja a clientes potenciales para registrar otros nuevos.',
  'meter.fullCompact': 'Completa',
  'meter.nearlyFull':
    '{count, plural, one {Casi completa: queda # dominio.} many {Casi completa: quedan # de dominios.} other {Casi completa: quedan # dominios.}}',
  'meter.nearlyFullCompact': 'Casi completa',
  'meter.loading': 'Cargando su capacidad…',
  'meter.loadingCompact': 'Capacidad…',
  'meter.expiringSoon':
    '{count, plural, one {# vence en los próximos {days} días.} many {# de registros vencen en los próximos {days} días.} other {# vencen en los próximos {days} días.}}',
  'meter.loadError': 'No se pudo cargar su capacidad. {message}',
  'meter.retry': 'Volver a cargar su capacidad',

  'tier.untiered': 'Sin nivel',
  'tier.silver': 'Plata',
  'tier.gold': 'Oro',
  'tier.platinum': 'Platino',
  'tier.diamond': 'Diamante',
} satisfies Messages;
