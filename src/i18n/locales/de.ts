import type { Messages } from '../types.js';

// German, formal (Sie). Terms (docs/localization.md#glossary): registrieren / Registrierung, Registrierung
// aufheben (deregister), Kapazität, Domain, Kontakt, Interessent (prospect), Partner, Stufe (tier).
export default {
  'common.retry': 'Erneut versuchen',
  'common.retrying': 'Wird erneut versucht…',
  'common.close': 'Schließen',
  'common.sentences': '{first} {second}',

  'capacity.summary': '{used} von {limit, plural, one {# Domain} other {# Domains}} belegt',

  'card.title': 'Lead-Registrierung',
  'card.options': 'Optionen der Lead-Registrierung',
  'card.manageCapacity': 'Kapazität verwalten',
  'card.notAvailable': 'Nicht verfügbar',
  'card.noContact':
    'Diese Karte hat keinen Kontakt zum Anzeigen: Setzen Sie ihr Attribut contact-id auf die ID des Kontakts in Ihrem CRM.',
  'card.loading': 'Registrierung wird geladen…',
  'card.notLoaded': 'Registrierung nicht geladen',
  'card.loadError': 'Die Registrierung konnte nicht geladen werden. {message}',
  'card.registered': 'Registriert',
  'card.domain': 'Domain',
  'card.registeredOn': 'Registriert am',
  'card.websiteMoved':
    'Die Website des Kontakts ist jetzt {website}. Die registrierte Domain bleibt {domain}: Eine Registrierung folgt nicht der Website.',
  'card.otherContact': 'Über einen anderen Kontakt registriert',
  'card.otherContactExplanation':
    '{domain} ist bereits in Ihrer Kapazität, registriert über einen anderen Kontakt. Eine Domain zählt nur einmal, daher braucht dieser Kontakt keine eigene Registrierung.',
  'card.contact': 'Kontakt',
  'card.company': 'Unternehmen',
  'card.otherPartner': 'Von einem anderen Partner registriert',
  'card.otherPartnerExplanation':
    '{domain} ist von einem anderen Partner registriert und kann nicht registriert werden.',
  'card.notRegistered': 'Nicht registriert',
  'card.registerAdds': 'Die Registrierung fügt {domain} Ihrer Kapazität hinzu.',
  'card.website': 'Website: {website}',
  'card.capacityFull':
    'Ihre Kapazität ist ausgeschöpft ({summary}). Heben Sie die Registrierung von Interessenten auf, mit denen Sie nicht mehr arbeiten, um diesen zu registrieren.',
  'card.register': 'Registrieren',
  'card.registering': 'Wird registriert…',
  'card.registeredAnnouncement': 'Registriert: {domain} ist jetzt in Ihrer Kapazität.',
  'card.pending': 'Prüfung ausstehend',
  'card.pendingSince': 'Wartet seit {date} auf die Prüfung durch den Anbieter. Sie zählt zu Ihrer Kapazität.',
  'card.expiresOn': 'Läuft ab am',
  'card.expiresIn': '{days, plural, one {Läuft in # Tag ab.} other {Läuft in # Tagen ab.}}',
  'card.renew': 'Verlängern',
  'card.renewing': 'Wird verlängert…',
  'card.renewedAnnouncement': 'Verlängert: {domain} läuft jetzt am {date} ab.',
  'card.expired': 'Abgelaufen',
  'card.expiredOn': 'Die Registrierung von {domain} ist am {date} abgelaufen und zählt nicht mehr zu Ihrer Kapazität.',
  'card.registerAgain': 'Erneut registrieren',
  'renewal.not-found': '{domain} ist nicht mehr registriert: Die Registrierung ist abgelaufen oder wurde aufgehoben.',
  'renewal.pending-review': '{domain} kann verlängert werden, sobald der Anbieter die Registrierung geprüft hat.',
  'renewal.no-expiry': '{domain} läuft nicht ab.',
  'renewal.not-yet-renewable': '{domain} kann ab dem {date} verlängert werden.',
  'renewal.renewal-limit': '{domain} wurde so oft verlängert wie erlaubt.',
  'renewal.renewal-not-offered': 'Für {domain} wird keine Verlängerung angeboten.',

  'manager.title': 'Registrierungskapazität des Partners',
  'manager.codeLoading': 'Kapazitätsverwaltung wird geladen…',
  'manager.codeFailed':
    'Die Kapazitätsverwaltung konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',

  'meter.unavailable': 'Kapazität nicht verfügbar.',
  'meter.codeFailed':
    'Die Kapazitätsanzeige konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'meter.retryCode': 'Kapazitätsanzeige erneut laden',

  'config.ownerElement': 'diesem Element',
  'config.ownerProvider': 'dem <capacity-provider>',
  'config.backendPromise':
    'Das Backend, das {owner} übergeben wurde, ist ein Promise: Warten Sie es mit await ab und setzen Sie das Backend, zu dem es aufgelöst wird.',
  'config.backendNotObject':
    'Das Backend, das {owner} übergeben wurde, ist {type, select, null {null} other {vom Typ {type}}} und kein Objekt, das CapacityBackend implementiert.',
  'config.backendUrl': 'Für ein REST-Backend unter einer URL setzen Sie stattdessen das Attribut api-base.',
  'config.backendMethods':
    'Dem Backend, das {owner} übergeben wurde, fehlt {methods}. Es muss CapacityBackend implementieren.',
  'config.backendAttribute':
    'Das Attribut backend („{value}“) enthält nur Text: Setzen Sie stattdessen die Eigenschaft backend (in React 18 in einem Effect) oder verwenden Sie api-base.',
  'config.apiBaseInvalid': 'Die api-base „{apiBase}“ ist keine gültige URL.',
  'config.apiBaseScheme': 'Die api-base „{apiBase}“ muss eine http- oder https-URL sein.',
  'config.provider': 'Der <capacity-provider> um dieses Element kann nicht verwendet werden. {reason}',
  'config.storage': 'Das Lead-Registrierungs-Widget konnte seinen Speicher nicht starten.',

  'error.capacity-exceeded':
    'Ihre Registrierungskapazität ist ausgeschöpft. Heben Sie die Registrierung von Interessenten auf, mit denen Sie nicht mehr arbeiten, um Platz zu schaffen.',
  'error.domain-already-registered':
    'Diese Domain ist bereits über einen anderen Kontakt in Ihrer Kapazität registriert.',
  'error.contact-already-registered': 'Dieser Kontakt ist bereits registriert.',
  'error.domain-unavailable':
    'Diese Domain ist von einem anderen Partner registriert und kann nicht registriert werden.',
  'error.invalid-website': 'Die Website des Kontakts ist keine gültige öffentliche Webadresse.',
  'error.validation': 'Die Anfrage war ungültig.',
  'error.not-found': 'Der angefragte Eintrag wurde nicht gefunden.',
  'error.unauthorized': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es noch einmal.',
  'error.forbidden': 'Ihr Konto darf keine Lead-Registrierungen verwalten.',
  'error.timeout':
    'Der Registrierungsdienst hat zu lange nicht geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.network':
    'Der Registrierungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.server': 'Beim Registrierungsdienst ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.',
  'error.bad-response':
    'Der Registrierungsdienst hat eine Antwort gesendet, die nicht gelesen werden konnte. Versuchen Sie es gleich noch einmal.',
  'error.aborted': 'Die Anfrage wurde abgebrochen.',

  'website.missing': 'Dieser Kontakt hat keine Website, daher gibt es keine Domain zu registrieren.',
  'website.scheme': 'Die Website muss eine http- oder https-Adresse sein.',
  'website.ip-address': 'Die Website ist eine IP-Adresse; registriert werden können nur Domainnamen.',
  'website.localhost': 'Die Website verweist auf diesen Computer (localhost), nicht auf die Domain eines Unternehmens.',
  'website.single-label': 'Die Website ist kein vollständiger Domainname (er braucht einen Punkt, wie in acme.com).',
  'website.too-long': 'Der Domainname der Website ist zu lang, um gültig zu sein.',
  'website.characters': 'Die Website enthält Zeichen, die in einem Domainnamen nicht erlaubt sind.',

  'manager.loading': 'Ihre Registrierungen werden geladen…',
  'manager.search': 'Suchen',
  'manager.searchPlaceholder': 'Domain, Unternehmen, Kontaktname oder Land',
  'manager.selected': '{count, plural, one {# Domain ausgewählt} other {# Domains ausgewählt}}',
  'manager.clearSelection': 'Auswahl aufheben',
  'manager.selectToDeregister': 'Wählen Sie die Domains aus, deren Registrierung Sie aufheben möchten.',
  'manager.deregister': 'Registrierung aufheben',
  'manager.deregistered':
    '{count, plural, one {Registrierung von # Domain aufgehoben.} other {Registrierung von # Domains aufgehoben.}}',
  'manager.alreadyDeregistered':
    '{count, plural, one {Die Registrierung von # Domain war bereits aufgehoben.} other {Die Registrierung von # Domains war bereits aufgehoben.}}',
  'manager.alsoAlreadyDeregistered':
    '{count, plural, one {# war bereits aufgehoben.} other {# waren bereits aufgehoben.}}',
  'manager.used': '{used} von {limit} belegt.',
  'manager.matches': '{count, plural, =0 {Keine Domain passt.} one {# Domain passt.} other {# Domains passen.}}',
  'manager.sorted':
    'Sortiert nach {column}, {order, select, asc {A bis Z} desc {Z bis A} oldest {älteste zuerst} soonest {nächste zuerst} latest {späteste zuerst} other {neueste zuerst}}.',
  'manager.showing': '{total, plural, =0 {Keine Domains anzuzeigen.} other {Angezeigt: {first}–{last} von #.}}',

  'table.caption': 'Registrierte Domains',
  'table.selectAll': 'Alle Domains auf dieser Seite auswählen',
  'table.select': '{domain} auswählen',
  'table.domain': 'Domain',
  'table.company': 'Unternehmen',
  'table.contactName': 'Kontaktname',
  'table.country': 'Land',
  'table.registeredAt': 'Registriert am',
  'table.empty': 'In Ihrer Kapazität sind noch keine Domains registriert.',
  'table.emptyHint': 'Domains erscheinen hier, wenn Sie Interessenten aus ihren Kontaktdatensätzen registrieren.',
  'table.noMatch': 'Keine registrierte Domain passt zu „{search}“.',
  'table.clearSearch': 'Suche löschen',
  'table.rowsPerPage': 'Zeilen pro Seite',
  'table.range': '{total, plural, =0 {# von #} other {{first}–{last} von #}}',
  'table.pages': 'Seiten',
  'table.firstPage': 'Erste Seite',
  'table.previousPage': 'Vorherige Seite',
  'table.nextPage': 'Nächste Seite',
  'table.lastPage': 'Letzte Seite',

  'confirm.title':
    '{count, plural, one {Registrierung von # Domain aufheben?} other {Registrierung von # Domains aufheben?}}',
  'confirm.explanation':
    '{count, plural, one {Dadurch wird diese Domain aus Ihrer Kapazität freigegeben. Wenn dieser Interessent kauft, haben Sie keinen Anspruch mehr auf Provision oder Sold-MRR-Vorteile.} other {Dadurch werden diese Domains aus Ihrer Kapazität freigegeben. Wenn diese Interessenten kaufen, haben Sie keinen Anspruch mehr auf Provision oder Sold-MRR-Vorteile.}}',
  'confirm.domains': 'Domains, deren Registrierung aufgehoben wird',
  'confirm.tooMany':
    'Sie können die Registrierung von höchstens {max} Domains auf einmal aufheben. Wählen Sie weniger aus und versuchen Sie es erneut.',
  'confirm.cancel': 'Abbrechen',
  'confirm.deregistering': 'Registrierung wird aufgehoben…',
  'confirm.confirm': 'Ja, Registrierung aufheben',

  'export.start': 'CSV exportieren',
  'export.cancel': 'Export abbrechen',
  'export.progress': '{done} von {total} werden exportiert…',
  'export.done':
    '{count, plural, one {# Registrierung nach {fileName} exportiert.} other {# Registrierungen nach {fileName} exportiert.}}',
  'export.cancelled': 'Export abgebrochen.',
  'export.failed': 'Der Export wurde angehalten. {reason}',
  'export.fileName': 'registrierungen-{date}.csv',

  'manager.filter': 'Anzeigen',
  'manager.filterAll': 'Alle Registrierungen',
  'manager.filterExpiring': 'Laufen innerhalb von {days, plural, one {# Tag} other {# Tagen}} ab',
  'manager.selectToRenewOrDeregister':
    'Wählen Sie Domains aus, um sie zu verlängern oder ihre Registrierung aufzuheben.',
  'manager.renew': 'Verlängern',
  'table.status': 'Status',
  'table.registered': 'Registriert',
  'table.expiresAt': 'Läuft ab',
  'table.noExpiry': 'Nie',
  'table.expiresIn': '{days, plural, one {in # Tag} other {in # Tagen}}',
  'table.nonePending': 'Keine Registrierung wartet auf Prüfung.',
  'table.noneExpiring': 'Keine Registrierung läuft innerhalb von {days, plural, one {# Tag} other {# Tagen}} ab.',
  'renewal.title': '{count, plural, one {# Domain verlängern?} other {# Domains verlängern?}}',
  'renewal.newDate': 'Neues Ablaufdatum: {date}',
  'renewal.renewing': 'Wird verlängert…',
  'renewal.renewed':
    '{count, plural, =0 {Keine Domain wurde verlängert.} one {# Domain verlängert.} other {# Domains verlängert.}}',
  'renewal.notRenewed':
    '{count, plural, one {# Domain konnte nicht verlängert werden.} other {# Domains konnten nicht verlängert werden.}}',
  'renewal.explanation':
    'Eine Verlängerung verlängert jede Registrierung ab ihrem aktuellen Ablaufdatum um {days, plural, one {# Tag} other {# Tage}}.',
  'renewal.tooMany': 'Sie können bis zu {max} Domains auf einmal verlängern.',

  'meter.label': 'Registrierungskapazität',
  'meter.labelCompact': 'Kapazität',
  'meter.summaryCompact': '{used} von {limit}',
  'meter.tier': '{level, select, untiered {Partner ohne Stufe} other {{tier}-Partner}}',
  'meter.full': 'Kapazität ausgeschöpft: Heben Sie Registrierungen auf, um neue Interessenten zu registrieren.',
  'meter.fullCompact': 'Voll',
  'meter.nearlyFull': '{count, plural, one {Fast voll: noch # Domain frei.} other {Fast voll: noch # Domains frei.}}',
  'meter.nearlyFullCompact': 'Fast voll',
  'meter.loading': 'Ihre Kapazität wird geladen…',
  'meter.loadingCompact': 'Kapazität…',
  'meter.expiringSoon':
    '{count, plural, one {# läuft innerhalb von {days} Tagen ab.} other {# laufen innerhalb von {days} Tagen ab.}}',
  'meter.loadError': 'Ihre Kapazität konnte nicht geladen werden. {message}',
  'meter.retry': 'Laden Ihrer Kapazität erneut versuchen',

  'tier.untiered': 'Ohne Stufe',
  'tier.silver': 'Silber',
  'tier.gold': 'Gold',
  'tier.platinum': 'Platin',
  'tier.diamond': 'Diamant',
} satisfies Messages;
