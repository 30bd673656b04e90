import type { Messages } from '../types.js';

// Brazilian Portuguese (você). Terms (docs/localization.md#glossary): registrar / registro, remover
// (deregister), capacidade, domínio, contato, cliente potencial (prospect), parceiro, nível (tier).
export default {
  'common.retry': 'Tentar novamente',
  'common.retrying': 'Tentando novamente…',
  'common.close': 'Fechar',
  'common.sentences': '{first} {second}',

  'capacity.summary':
    '{used} de {limit, plural, one {# domínio usado} many {# de domínios usados} other {# domínios usados}}',

  'card.title': 'Registro de lead',
  'card.options': 'Opções do registro de lead',
  'card.manageCapacity': 'Gerenciar sua capacidade',
  'card.notAvailable': 'Indisponível',
  'card.noContact':
    'Este cartão não tem nenhum contato para mostrar: defina o atributo contact-id com o ID do contato no seu CRM.',
  'card.loading': 'Carregando o registro…',
  'card.notLoaded': 'Registro não carregado',
  'card.loadError': 'Não foi possível carregar o registro. {message}',
  'card.registered': 'Registrado',
  'card.domain': 'Domínio',
  'card.registeredOn': 'Registrado em',
  'card.websiteMoved':
    'O site do contato agora é {website}. O domínio registrado continua sendo {domain}: um registro não acompanha o site.',
  'card.otherContact': 'Registrado por meio de outro contato',
  'card.otherContactExplanation':
    '{domain} já está na sua capacidade, registrado por meio de outro contato. Um domínio conta uma única vez, então este contato não precisa de um registro próprio.',
  'card.contact': 'Contato',
  'card.company': 'Empresa',
  'card.otherPartner': 'Registrado por outro parceiro',
  'card.otherPartnerExplanation': '{domain} está registrado por outro parceiro e não pode ser registrado.',
  'card.notRegistered': 'Não registrado',
  'card.registerAdds': 'O registro adiciona {domain} à sua capacidade.',
  'card.website': 'Site: {website}',
  'card.capacityFull':
    'Sua capacidade está cheia ({summary}). Remova os clientes potenciais com quem você não trabalha mais para registrar este.',
  'card.register': 'Registrar',
  'card.registering': 'Registrando…',
  'card.registeredAnnouncement': 'Registrado: {domain} agora está na sua capacidade.',
  'card.pending': 'Aguardando análise',
  'card.pendingSince': 'Aguardando a análise do fornecedor desde {date}. Conta na sua capacidade.',
  'card.expiresOn': 'Expira em',
  'card.expiresIn': '{days, plural, one {Expira em # dia.} many {Expira em # de dias.} other {Expira em # dias.}}',
  'card.renew': 'Renovar',
  'card.renewing': 'Renovando…',
  'card.renewedAnnouncement': 'Renovado: {domain} agora expira em {date}.',
  'card.expired': 'Expirado',
  'card.expiredOn': 'O registro de {domain} expirou em {date} e não conta mais na sua capacidade.',
  'card.registerAgain': 'Registrar novamente',
  'renewal.not-found': '{domain} não está mais registrado: o registro expirou ou foi cancelado.',
  'renewal.pending-review': '{domain} poderá ser renovado depois que o fornecedor o analisar.',
  'renewal.no-expiry': '{domain} não expira.',
  'renewal.not-yet-renewable': '{domain} poderá ser renovado a partir de {date}.',
  'renewal.renewal-limit': '{domain} já foi renovado o máximo de vezes permitido.',
  'renewal.renewal-not-offered': 'A renovação não é oferecida para {domain}.',

  'manager.title': 'Capacidade de registro do parceiro',
  'manager.codeLoading': 'Carregando o gerenciador de capacidade…',
  'manager.codeFailed':
    'Não foi possível carregar o gerenciador de capacidade. Verifique sua conexão e tente novamente.',

  'meter.unavailable': 'Capacidade indisponível.',
  'meter.codeFailed': 'Não foi possível carregar o indicador de capacidade. Verifique sua conexão e tente novamente.',
  'meter.retryCode': 'Carregar o indicador de capacidade novamente',

  'config.ownerElement': 'a este elemento',
  'config.ownerProvider': 'ao <capacity-provider>',
  'config.backendPromise':
    'O backend atribuído {owner} é uma Promise: aguarde-a com await e atribua o backend que ela retorna.',
  'config.backendNotObject':
    'O backend atribuído {owner} é {type, select, null {null} other {do tipo {type}}}, e não um objeto que implementa CapacityBackend.',
  'config.backendUrl': 'Para um backend REST em uma URL, defina o atributo api-base.',
  'config.backendMethods': 'Falta {methods} ao backend atribuído {owner}. Ele precisa implementar CapacityBackend.',
  'config.backendAttribute':
    'O atributo backend (“{value}”) contém apenas texto: defina a propriedade backend (no React 18, em um efeito) ou use api-base.',
  'config.apiBaseInvalid': 'O api-base “{apiBase}” não é uma URL válida.',
  'config.apiBaseScheme': 'O api-base “{apiBase}” precisa ser uma URL http ou https.',
  'config.provider': 'O <capacity-provider> em volta deste elemento não pode ser usado. {reason}',
  'config.storage': 'O widget de registro de leads não conseguiu iniciar o armazenamento.',

  'error.capacity-exceeded':
    'Sua capacidade de registro está cheia. Remova os clientes potenciais com quem você não trabalha mais para liberar espaço.',
  'error.domain-already-registered': 'Este domínio já está registrado na sua capacidade por meio de outro contato.',
  'error.contact-already-registered': 'Este contato já está registrado.',
  'error.domain-unavailable': 'Este domínio está registrado por outro parceiro e não pode ser registrado.',
  'error.invalid-website': 'O site do contato não é um endereço web público válido.',
  'error.validation': 'A solicitação não era válida.',
  'error.not-found': 'O item solicitado não foi encontrado.',
  'error.unauthorized': 'Sua sessão expirou. Entre novamente e tente outra vez.',
  'error.forbidden': 'Sua conta não tem permissão para gerenciar registros de leads.',
  'error.timeout': 'O serviço de registro demorou demais para responder. Verifique sua conexão e tente novamente.',
  'error.network': 'Não foi possível acessar o serviço de registro. Verifique sua conexão e tente novamente.',
  'error.server': 'O serviço de registro teve um problema. Tente novamente em instantes.',
  'error.bad-response':
    'O serviço de registro enviou uma resposta que não pôde ser lida. Tente novamente em instantes.',
  'error.aborted': 'A solicitação foi cancelada.',

  'website.missing': 'Este contato não tem site, então não há domínio para registrar.',
  'website.scheme': 'O site precisa ser um endereço http ou https.',
  'website.ip-address': 'O site é um endereço IP; só nomes de domínio podem ser registrados.',
  'website.localhost': 'O site aponta para este computador (localhost), e não para o domínio de uma empresa.',
  'website.single-label': 'O site não é um nome de domínio completo (precisa de um ponto, como em acme.com).',
  'website.too-long': 'O nome de domínio do site é longo demais para ser válido.',
  'website.characters': 'O site contém caracteres que não são permitidos em um nome de domínio.',

  'manager.loading': 'Carregando seus registros…',
  'manager.search': 'Pesquisar',
  'manager.searchPlaceholder': 'Domínio, empresa, nome do contato ou país',
  'manager.selected':
    '{count, plural, one {# domínio selecionado} many {# de domínios selecionados} other {# domínios selecionados}}',
  'manager.clearSelection': 'Limpar seleção',
  'manager.selectToDeregister': 'Selecione os domínios que deseja remover.',
  'manager.deregister': 'Remover',
  'manager.deregistered':
    '{count, plural, one {# domínio removido.} many {# de domínios removidos.} other {# domínios removidos.}}',
  'manager.alreadyDeregistered':
    '{count, plural, one {# domínio já tinha sido removido.} many {# de domínios já tinham sido removidos.} other {# domínios já tinham sido removidos.}}',
  'manager.alsoAlreadyDeregistered':
    '{count, plural, one {# já tinha sido removido.} many {# já tinham sido removidos.} other {# já tinham sido removidos.}}',
  'manager.used': '{used} de {limit} usados.',
  'manager.matches':
    '{count, plural, =0 {Nenhum domínio corresponde.} one {# domínio corresponde.} many {# de domínios correspondem.} other {# domínios correspondem.}}',
  'manager.sorted':
    'Ordenado por {column}, {order, select, asc {de A a Z} desc {de Z a A} oldest {os mais antigos primeiro} soonest {os mais próximos primeiro} latest {os mais distantes primeiro} other {os mais recentes primeiro}}.',
  'manager.showing': '{total, plural, =0 {Nenhum domínio para mostrar.} other {Mostrando {first}–{last} de #.}}',

  'table.caption': 'Domínios registrados',
  'table.selectAll': 'Selecionar todos os domínios desta página',
  'table.select': 'Selecionar {domain}',
  'table.domain': 'Domínio',
  'table.company': 'Empresa',
  'table.contactName': 'Nome do contato',
  'table.country': 'País',
  'table.registeredAt': 'Registrado em',
  'table.empty': 'Ainda não há domínios registrados na sua capacidade.',
  'table.emptyHint':
    'Os domínios aparecem aqui quando você registra clientes potenciais a partir das fichas de contato.',
  'table.noMatch': 'Nenhum domínio registrado corresponde a “{search}”.',
  'table.clearSearch': 'Limpar pesquisa',
  'table.rowsPerPage': 'Linhas por página',
  'table.range': '{total, plural, =0 {# de #} other {{first}–{last} de #}}',
  'table.pages': 'Páginas',
  'table.firstPage': 'Primeira página',
  'table.previousPage': 'Página anterior',
  'table.nextPage': 'Próxima página',
  'table.lastPage': 'Última página',

  'confirm.title':
    '{count, plural, one {Remover # domínio?} many {Remover # de domínios?} other {Remover # domínios?}}',
  'confirm.explanation':
    '{count, plural, one {Remover o registro libera este domínio da sua capacidade. Se este cliente potencial comprar, você deixará de ter direito à comissão e aos benefícios de Sold MRR.} other {Remover os registros libera estes domínios da sua capacidade. Se estes clientes potenciais comprarem, você deixará de ter direito à comissão e aos benefícios de Sold MRR.}}',
  'confirm.domains': 'Domínios a remover',
  'confirm.tooMany': 'Você pode remover até {max} domínios de uma vez. Selecione menos e tente novamente.',
  'confirm.cancel': 'Cancelar',
  'confirm.deregistering': 'Removendo…',
  'confirm.confirm': 'Sim, remover',

  'export.start': 'Exportar CSV',
  'export.cancel': 'Cancelar exportação',
  'export.progress': 'Exportando {done} de {total}…',
  'export.done':
    '{count, plural, one {# registro exportado para {fileName}.} many {# de registros exportados para {fileName}.} other {# registros exportados para {fileName}.}}',
  'export.cancelled': 'Exportação cancelada.',
  'export.failed': 'A exportação foi interrompida. {reason}',
  'export.fileName': 'registros-{date}.csv',

  'manager.filter': 'Mostrar',
  'manager.filterAll': 'Todos os registros',
  'manager.filterExpiring': 'Vencem em {days, plural, one {# dia} many {# de dias} other {# dias}}',
  'manager.selectToRenewOrDeregister': 'Selecione os domínios que deseja renovar ou remover.',
  'manager.renew': 'Renovar',
  'table.status': 'Status',
  'table.registered': 'Registrado',
  'table.expiresAt': 'Vence em',
  'table.noExpiry': 'Nunca',
  'table.expiresIn': '{days, plural, one {em # dia} many {em # de dias} other {em # dias}}',
  'table.nonePending': 'Nenhum registro está aguardando análise.',
  'table.noneExpiring': 'Nenhum registro vence em {days, plural, one {# dia} many {# de dias} other {# dias}}.',
  'renewal.title':
    '{count, plural, one {Renovar # domínio?} many {Renovar # de domínios?} other {Renovar # domínios?}}',
  'renewal.newDate': 'Novo vencimento: {date}',
  'renewal.renewing': 'Renovando…',
  'renewal.renewed':
    '{count, plural, =0 {Nenhum domínio foi renovado.} one {# domínio renovado.} many {# de domínios renovados.} other {# domínios renovados.}}',
  'renewal.notRenewed':
    '{count, plural, one {# domínio não pôde ser renovado.} many {# de domínios não puderam ser renovados.} other {# domínios não puderam ser renovados.}}',
  'renewal.explanation':
    'A renovação estende cada registro por {days, plural, one {# dia} many {# de dias} other {# dias}} a partir do vencimento atual.',
  'renewal.tooMany': 'Você pode renovar até {max} domínios por vez.',

  'meter.label': 'Capacidade de registro',
  'meter.labelCompact': 'Capacidade',
  'meter.summaryCompact': '{used} de {limit}',
  'meter.tier': '{level, select, untiered {Parceiro sem nível} other {Parceiro {tier}}}',
  'meter.full': 'Capacidade cheia: remova clientes potenciais para registrar novos.',
  'meter.fullCompact': 'Cheia',
  'meter.nearlyFull':
    '{count, plural, one {Quase cheia: resta # domínio.} many {Quase cheia: restam # de domínios.} other {Quase cheia: restam # domínios.}}',
  'meter.nearlyFullCompact': 'Quase cheia',
  'meter.loading': 'Carregando sua capacidade…',
  'meter.loadingCompact': 'Capacidade…',
  'meter.expiringSoon':
    '{count, plural, one {# expira nos próximos {days} dias.} many {# de registros expiram nos próximos {days} dias.} other {# expiram nos próximos {days} dias.}}',
  'meter.loadError': 'Não foi possível carregar sua capacidade. {message}',
  'meter.retry': 'Carregar sua capacidade novamente',

  'tier.untiered': 'Sem nível',
  'tier.silver': 'Prata',
  'tier.gold': 'Ouro',
  'tier.platinum': 'Platina',
  'tier.diamond': 'Diamante',
} satisfies Messages;
