import type { Messages } from '../types.js';

// French, formal (vous), with French spacing: a narrow no-break space (\u202f) before ? ! ; and a
// no-break space (\u00a0) before : and inside « ». Terms (docs/localization.md#glossary): enregistrer /
// enregistrement, retirer (deregister), capacité, domaine, contact, prospect, partenaire, niveau (tier).
export default {
  'common.retry': 'Réessayer',
  'common.retrying': 'Nouvelle tentative…',
  'common.close': 'Fermer',
  'common.sentences': '{first} {second}',

  'capacity.summary':
    '{used, plural, one {# domaine utilisé} many {# de domaines utilisés} other {# domaines utilisés}} sur {limit}',

  'card.title': 'Enregistrement de lead',
  'card.options': 'Options de l’enregistrement de lead',
  'card.manageCapacity': 'Gérer votre capacité',
  'card.notAvailable': 'Indisponible',
  'card.noContact':
    'Cette carte n’a aucun contact à afficher\u00a0: définissez son attribut contact-id sur l’identifiant du contact dans votre CRM.',
  'card.loading': 'Chargement de l’enregistrement…',
  'card.notLoaded': 'Enregistrement non chargé',
  'card.loadError': 'L’enregistrement n’a pas pu être chargé. {message}',
  'card.registered': 'Enregistré',
  'card.domain': 'Domaine',
  'card.registeredOn': 'Enregistré le',
  'card.websiteMoved':
    'Le site web du contact est désormais {website}. Le domaine enregistré reste {domain}\u00a0: un enregistrement ne suit pas le site web.',
  'card.otherContact': 'Enregistré via un autre contact',
  'card.otherContactExplanation':
    '{domain} figure déjà dans votre capacité, enregistré via un autre contact. Un domaine ne compte qu’une fois\u202f; ce contact n’a donc pas besoin de son propre enregistrement.',
  'card.contact': 'Contact',
  'card.company': 'Entreprise',
  'card.otherPartner': 'Enregistré par un autre partenaire',
  'card.otherPartnerExplanation': '{domain} est enregistré par un autre partenaire et ne peut pas être enregistré.',
  'card.notRegistered': 'Non enregistré',
  'card.registerAdds': 'L’enregistrement ajoute {domain} à votre capacité.',
  'card.website': 'Site web\u00a0: {website}',
  'card.capacityFull':
    'Votre capacité est pleine ({summary}). Retirez les prospects avec lesquels vous ne travaillez plus pour enregistrer celui-ci.',
  'card.register': 'Enregistrer',
  'card.registering': 'Enregistrement…',
  'card.registeredAnnouncement': 'Enregistré\u00a0: {domain} fait désormais partie de votre capacité.',
  'card.pending': 'En attente de validation',
  'card.pendingSince': 'En attente de la validation du fournisseur depuis le {date}. Elle compte dans votre capacité.',
  'card.expiresOn': 'Expire le',
  'card.expiresIn':
    '{days, plural, one {Expire dans # jour.} many {Expire dans # de jours.} other {Expire dans # jours.}}',
  'card.renew': 'Renouveler',
  'card.renewing': 'Renouvellement…',
  'card.renewedAnnouncement': 'Renouvelé : {domain} expire désormais le {date}.',
  'card.expired': 'Expiré',
  'card.expiredOn': 'L’enregistrement de {domain} a expiré le {date} et ne compte plus dans votre capacité.',
  'card.registerAgain': 'Enregistrer à nouveau',
  'renewal.not-found': '{domain} n’est plus enregistré : l’enregistrement a expiré ou a été annulé.',
  'renewal.pending-review': '{domain} pourra être renouvelé une fois validé par le fournisseur.',
  'renewal.no-expiry': '{domain} n’expire pas.',
  'renewal.not-yet-renewable': '{domain} pourra être renouvelé à partir du {date}.',
  'renewal.renewal-limit': '{domain} a été renouvelé autant de fois que permis.',
  'renewal.renewal-not-offered': 'Le renouvellement n’est pas proposé pour {domain}.',

  'manager.title': 'Capacité d’enregistrement du partenaire',
  'manager.codeLoading': 'Chargement du gestionnaire de capacité…',
  'manager.codeFailed': 'Le gestionnaire de capacité n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',

  'meter.unavailable': 'Capacité indisponible.',
  'meter.codeFailed': 'L’indicateur de capacité n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
  'meter.retryCode': 'Recharger l’indicateur de capacité',

  'config.ownerElement': 'à cet élément',
  'config.ownerProvider': 'au <capacity-provider>',
  'config.backendPromise':
    'Le backend transmis {owner} est une Promise\u00a0: attendez-la avec await et définissez le backend qu’elle renvoie.',
  'config.backendNotObject':
    'Le backend transmis {owner} est {type, select, null {null} other {de type {type}}}, et non un objet qui implémente CapacityBackend.',
  'config.backendUrl': 'Pour un backend REST à une URL, définissez plutôt l’attribut api-base.',
  'config.backendMethods': 'Il manque {methods} au backend transmis {owner}. Il doit implémenter CapacityBackend.',
  'config.backendAttribute':
    'L’attribut backend (« {value} ») ne contient que du texte : définissez plutôt la propriété backend (dans React 18, depuis un effet) ou utilisez api-base.',
  'config.apiBaseInvalid': 'L’api-base «\u00a0{apiBase}\u00a0» n’est pas une URL valide.',
  'config.apiBaseScheme': 'L’api-base «\u00a0{apiBase}\u00a0» doit être une URL http ou https.',
  'config.provider': 'Le <capacity-provider> qui entoure cet élément ne peut pas être utilisé. {reason}',
  'config.storage': 'Le widget d’enregistrement de leads n’a pas pu démarrer son stockage.',

  'error.capacity-exceeded':
    'Votre capacité d’enregistrement est pleine. Retirez les prospects avec lesquels vous ne travaillez plus pour faire de la place.',
  'error.domain-already-registered': 'Ce domaine est déjà enregistré dans votre capacité via un autre contact.',
  'error.contact-already-registered': 'Ce contact est déjà enregistré.',
  'error.domain-unavailable': 'Ce domaine est enregistré par un autre partenaire et ne peut pas être enregistré.',
  'error.invalid-website': 'Le site web du contact n’est pas une adresse web publique valide.',
  'error.validation': 'La requête n’était pas valide.',
  'error.not-found': 'L’élément demandé est introuvable.',
  'error.unauthorized': 'Votre session a expiré. Reconnectez-vous et réessayez.',
  'error.forbidden': 'Votre compte n’est pas autorisé à gérer les enregistrements de leads.',
  'error.timeout': 'Le service d’enregistrement a mis trop de temps à répondre. Vérifiez votre connexion et réessayez.',
  'error.network': 'Le service d’enregistrement est injoignable. Vérifiez votre connexion et réessayez.',
  'error.server': 'Le service d’enregistrement a rencontré un problème. Réessayez dans un instant.',
  'error.bad-response': 'Le service d’enregistrement a envoyé une réponse illisible. Réessayez dans un instant.',
  'error.aborted': 'La requête a été annulée.',

  'website.missing': 'Ce contact n’a pas de site web, il n’y a donc aucun domaine à enregistrer.',
  'website.scheme': 'Le site web doit être une adresse http ou https.',
  'website.ip-address': 'Le site web est une adresse IP\u202f; seuls les noms de domaine peuvent être enregistrés.',
  'website.localhost': 'Le site web pointe vers cet ordinateur (localhost), et non vers le domaine d’une entreprise.',
  'website.single-label':
    'Le site web n’est pas un nom de domaine complet (il lui faut un point, comme dans acme.com).',
  'website.too-long': 'Le nom de domaine du site web est trop long pour être valide.',
  'website.characters': 'Le site web contient des caractères non autorisés dans un nom de domaine.',

  'manager.loading': 'Chargement de vos enregistrements…',
  'manager.search': 'Rechercher',
  'manager.searchPlaceholder': 'Domaine, entreprise, nom du contact ou pays',
  'manager.selected':
    '{count, plural, one {# domaine sélectionné} many {# de domaines sélectionnés} other {# domaines sélectionnés}}',
  'manager.clearSelection': 'Effacer la sélection',
  'manager.selectToDeregister': 'Sélectionnez les domaines à retirer.',
  'manager.deregister': 'Retirer',
  'manager.deregistered':
    '{count, plural, one {# domaine retiré.} many {# de domaines retirés.} other {# domaines retirés.}}',
  'manager.alreadyDeregistered':
    '{count, plural, one {# domaine était déjà retiré.} many {# de domaines étaient déjà retirés.} other {# domaines étaient déjà retirés.}}',
  'manager.alsoAlreadyDeregistered':
    '{count, plural, one {# était déjà retiré.} many {# étaient déjà retirés.} other {# étaient déjà retirés.}}',
  'manager.used': '{used, plural, one {# utilisé} many {# utilisés} other {# utilisés}} sur {limit}.',
  'manager.matches':
    '{count, plural, =0 {Aucun domaine ne correspond.} one {# domaine correspond.} many {# de domaines correspondent.} other {# domaines correspondent.}}',
  'manager.sorted':
    'Trié par {column}, {order, select, asc {de A à Z} desc {de Z à A} oldest {les plus anciens d’abord} soonest {les plus proches d’abord} latest {les plus lointaines d’abord} other {les plus récents d’abord}}.',
  'manager.showing': '{total, plural, =0 {Aucun domaine à afficher.} other {Affichage de {first} à {last} sur #.}}',

  'table.caption': 'Domaines enregistrés',
  'table.selectAll': 'Sélectionner tous les domaines de cette page',
  'table.select': 'Sélectionner {domain}',
  'table.domain': 'Domaine',
  'table.company': 'Entreprise',
  'table.contactName': 'Nom du contact',
  'table.country': 'Pays',
  'table.registeredAt': 'Enregistré le',
  'table.empty': 'Aucun domaine n’est encore enregistré dans votre capacité.',
  'table.emptyHint': 'Les domaines apparaissent ici lorsque vous enregistrez des prospects depuis leur fiche contact.',
  'table.noMatch': 'Aucun domaine enregistré ne correspond à «\u00a0{search}\u00a0».',
  'table.clearSearch': 'Effacer la recherche',
  'table.rowsPerPage': 'Lignes par page',
  'table.range': '{total, plural, =0 {# sur #} other {{first}–{last} sur #}}',
  'table.pages': 'Pages',
  'table.firstPage': 'Première page',
  'table.previousPage': 'Page précédente',
  'table.nextPage': 'Page suivante',
  'table.lastPage': 'Dernière page',

  'confirm.title':
    '{count, plural, one {Retirer # domaine\u202f?} many {Retirer # de domaines\u202f?} other {Retirer # domaines\u202f?}}',
  'confirm.explanation':
    '{count, plural, one {Le retrait libère ce domaine de votre capacité. Vous ne pourrez plus prétendre à une commission ni aux avantages Sold MRR si ce prospect achète.} other {Le retrait libère ces domaines de votre capacité. Vous ne pourrez plus prétendre à une commission ni aux avantages Sold MRR si ces prospects achètent.}}',
  'confirm.domains': 'Domaines à retirer',
  'confirm.tooMany': 'Vous pouvez retirer jusqu’à {max} domaines à la fois. Sélectionnez-en moins et réessayez.',
  'confirm.cancel': 'Annuler',
  'confirm.deregistering': 'Retrait en cours…',
  'confirm.confirm': 'Oui, retirer',

  'export.start': 'Exporter en CSV',
  'export.cancel': 'Annuler l’export',
  'export.progress': 'Export de {done} sur {total}…',
  'export.done':
    '{count, plural, one {# enregistrement exporté dans {fileName}.} many {# d’enregistrements exportés dans {fileName}.} other {# enregistrements exportés dans {fileName}.}}',
  'export.cancelled': 'Export annulé.',
  'export.failed': 'L’export s’est interrompu. {reason}',
  'export.fileName': 'enregistrements-{date}.csv',

  'manager.filter': 'Afficher',
  'manager.filterAll': 'Tous les enregistrements',
  'manager.filterExpiring': 'Expirant dans les {days, plural, one {# jour} many {# de jours} other {# jours}}',
  'manager.selectToRenewOrDeregister': 'Sélectionnez les domaines à renouveler ou à retirer.',
  'manager.renew': 'Renouveler',
  'table.status': 'Statut',
  'table.registered': 'Enregistré',
  'table.expiresAt': 'Expire le',
  'table.noExpiry': 'Jamais',
  'table.expiresIn': '{days, plural, one {dans # jour} many {dans # de jours} other {dans # jours}}',
  'table.nonePending': 'Aucun enregistrement n’est en attente de validation.',
  'table.noneExpiring':
    'Aucun enregistrement n’expire dans les {days, plural, one {# jour} many {# de jours} other {# jours}}.',
  'renewal.title':
    '{count, plural, one {Renouveler # domaine ?} many {Renouveler # de domaines ?} other {Renouveler # domaines ?}}',
  'renewal.newDate': 'Nouvelle expiration : {date}',
  'renewal.renewing': 'Renouvellement…',
  'renewal.renewed':
    '{count, plural, =0 {Aucun domaine n’a été renouvelé.} one {# domaine renouvelé.} many {# de domaines renouvelés.} other {# domaines renouvelés.}}',
  'renewal.notRenewed':
    '{count, plural, one {# domaine n’a pas pu être renouvelé.} many {# de domaines n’ont pas pu être renouvelés.} other {# domaines n’ont pas pu être renouvelés.}}',
  'renewal.explanation':
    'Le renouvellement prolonge chaque enregistrement de {days, plural, one {# jour} many {# de jours} other {# jours}} à partir de sa date d’expiration actuelle.',
  'renewal.tooMany': 'Vous pouvez renouveler jusqu’à {max} domaines à la fois.',

  'meter.label': 'Capacité d’enregistrement',
  'meter.labelCompact': 'Capacité',
  'meter.summaryCompact': '{used} sur {limit}',
  'meter.tier': '{level, select, untiered {Partenaire sans niveau} other {Partenaire {tier}}}',
  'meter.full': 'Capacité pleine\u00a0: retirez des prospects pour en enregistrer de nouveaux.',
  'meter.fullCompact': 'Pleine',
  'meter.nearlyFull':
    '{count, plural, one {Presque pleine\u00a0: # domaine restant.} many {Presque pleine\u00a0: # de domaines restants.} other {Presque pleine\u00a0: # domaines restants.}}',
  'meter.nearlyFullCompact': 'Presque pleine',
  'meter.loading': 'Chargement de votre capacité…',
  'meter.loadingCompact': 'Capacité…',
  'meter.expiringSoon':
    '{count, plural, one {# expire dans les {days} jours.} many {# d’enregistrements expirent dans les {days} jours.} other {# expirent dans les {days} jours.}}',
  'meter.loadError': 'Votre capacité n’a pas pu être chargée. {message}',
  'meter.retry': 'Recharger votre capacité',

  'tier.untiered': 'Sans niveau',
  'tier.silver': 'Argent',
  'tier.gold': 'Or',
  'tier.platinum': 'Platine',
  'tier.diamond': 'Diamant',
} satisfies Messages;
