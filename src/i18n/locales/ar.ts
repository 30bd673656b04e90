import type { Messages } from '../types.js';

// Arabic (Modern Standard Arabic), right to left. A counted noun takes six forms (Intl.PluralRules:
// zero, one, two, few 3–10, many 11–99, other 100 and up), each written out: نطاق واحد، نطاقان، ٣ نطاقات،
// ١١ نطاقًا، ١٠٠ نطاق. Terms (docs/localization.md#glossary): تسجيل (registration), إلغاء التسجيل
// (deregister), السعة (capacity), نطاق (domain), جهة اتصال (contact), عميل محتمل (prospect), شريك, مستوى (tier).
export default {
  'common.retry': 'إعادة المحاولة',
  'common.retrying': 'جارٍ إعادة المحاولة…',
  'common.close': 'إغلاق',
  'common.sentences': '{first} {second}',

  'capacity.summary':
    'تم استخدام {used} من أصل {limit, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}}',

  'card.title': 'تسجيل العميل المحتمل',
  'card.options': 'خيارات تسجيل العميل المحتمل',
  'card.manageCapacity': 'إدارة السعة',
  'card.notAvailable': 'غير متاح',
  'card.noContact':
    'لا تتضمن هذه البطاقة جهة اتصال لعرضها: اضبط السمة contact-id على معرّف جهة الاتصال في نظام CRM لديك.',
  'card.loading': 'جارٍ تحميل التسجيل…',
  'card.notLoaded': 'لم يتم تحميل التسجيل',
  'card.loadError': 'تعذّر تحميل التسجيل. {message}',
  'card.registered': 'مسجَّل',
  'card.domain': 'النطاق',
  'card.registeredOn': 'تاريخ التسجيل',
  'card.websiteMoved':
    'الموقع الإلكتروني لجهة الاتصال الآن هو {website}. يبقى النطاق المسجَّل {domain}، فالتسجيل لا يتبع الموقع الإلكتروني.',
  'card.otherContact': 'مسجَّل عبر جهة اتصال أخرى',
  'card.otherContactExplanation':
    'النطاق {domain} موجود بالفعل ضمن سعتك، وقد سُجِّل عبر جهة اتصال أخرى. يُحتسب النطاق مرة واحدة فقط، لذا لا تحتاج جهة الاتصال هذه إلى تسجيل خاص بها.',
  'card.contact': 'جهة الاتصال',
  'card.company': 'الشركة',
  'card.otherPartner': 'مسجَّل لدى شريك آخر',
  'card.otherPartnerExplanation': 'النطاق {domain} مسجَّل لدى شريك آخر ولا يمكن تسجيله.',
  'card.notRegistered': 'غير مسجَّل',
  'card.registerAdds': 'يؤدي التسجيل إلى إضافة {domain} إلى سعتك.',
  'card.website': 'الموقع الإلكتروني: {website}',
  'card.capacityFull':
    'سعتك ممتلئة ({summary}). ألغِ تسجيل العملاء المحتملين الذين لم تعد تعمل معهم لتتمكن من تسجيل هذا العميل.',
  'card.register': 'تسجيل',
  'card.registering': 'جارٍ التسجيل…',
  'card.registeredAnnouncement': 'تم التسجيل: أصبح {domain} ضمن سعتك.',
  'card.pending': 'قيد المراجعة',
  'card.pendingSince': 'بانتظار مراجعة المورّد منذ {date}. ويُحتسب ضمن سعتك.',
  'card.expiresOn': 'ينتهي في',
  'card.expiresIn':
    '{days, plural, zero {ينتهي اليوم.} one {ينتهي خلال يوم واحد.} two {ينتهي خلال يومين.} few {ينتهي خلال # أيام.} many {ينتهي خلال # يومًا.} other {ينتهي خلال # يوم.}}',
  'card.renew': 'تجديد',
  'card.renewing': 'جارٍ التجديد…',
  'card.renewedAnnouncement': 'تم التجديد: ينتهي {domain} الآن في {date}.',
  'card.expired': 'منتهي الصلاحية',
  'card.expiredOn': 'انتهى تسجيل {domain} في {date} ولم يعد يُحتسب ضمن سعتك.',
  'card.registerAgain': 'التسجيل مجددًا',
  'renewal.not-found': 'لم يعد {domain} مسجّلًا: انتهت صلاحية التسجيل أو أُلغي.',
  'renewal.pending-review': 'يمكن تجديد {domain} بعد أن يراجعه المورّد.',
  'renewal.no-expiry': 'لا تنتهي صلاحية {domain}.',
  'renewal.not-yet-renewable': 'يمكن تجديد {domain} اعتبارًا من {date}.',
  'renewal.renewal-limit': 'جُدِّد {domain} بالعدد الأقصى المسموح به.',
  'renewal.renewal-not-offered': 'التجديد غير متاح لـ {domain}.',

  'manager.title': 'سعة تسجيل الشريك',
  'manager.codeLoading': 'جارٍ تحميل مدير السعة…',
  'manager.codeFailed': 'تعذّر تحميل مدير السعة. تحقق من اتصالك وأعد المحاولة.',

  'meter.unavailable': 'السعة غير متاحة.',
  'meter.codeFailed': 'تعذّر تحميل مقياس السعة. تحقق من اتصالك وأعد المحاولة.',
  'meter.retryCode': 'إعادة تحميل مقياس السعة',

  'config.ownerElement': 'هذا العنصر',
  'config.ownerProvider': 'العنصر <capacity-provider>',
  'config.backendPromise':
    'الواجهة الخلفية المُعطاة إلى {owner} هي Promise: انتظرها باستخدام await، ثم اضبط الواجهة الخلفية التي تُرجعها.',
  'config.backendNotObject':
    'الواجهة الخلفية المُعطاة إلى {owner} {type, select, null {هي null} other {من النوع {type}}}، وليست كائنًا يطبّق CapacityBackend.',
  'config.backendUrl': 'لاستخدام واجهة خلفية REST عبر عنوان URL، اضبط السمة api-base بدلًا من ذلك.',
  'config.backendMethods': 'ينقص الواجهةَ الخلفية المُعطاة إلى {owner} ما يلي: {methods}. يجب أن تطبّق CapacityBackend.',
  'config.backendAttribute':
    'السمة backend (“{value}”) تحمل نصًا فقط: عيّن الخاصية backend بدلًا منها (في React 18 من داخل effect)، أو استخدم api-base.',
  'config.apiBaseInvalid': 'قيمة api-base ‏«{apiBase}» ليست عنوان URL صالحًا.',
  'config.apiBaseScheme': 'يجب أن تكون قيمة api-base ‏«{apiBase}» عنوان URL من نوع http أو https.',
  'config.provider': 'لا يمكن استخدام العنصر <capacity-provider> المحيط بهذا العنصر. {reason}',
  'config.storage': 'تعذّر على أداة تسجيل العملاء المحتملين تشغيل مساحة التخزين الخاصة بها.',

  'error.capacity-exceeded':
    'سعة التسجيل لديك ممتلئة. ألغِ تسجيل العملاء المحتملين الذين لم تعد تعمل معهم لإفساح المجال.',
  'error.domain-already-registered': 'هذا النطاق مسجَّل بالفعل ضمن سعتك عبر جهة اتصال أخرى.',
  'error.contact-already-registered': 'جهة الاتصال هذه مسجَّلة بالفعل.',
  'error.domain-unavailable': 'هذا النطاق مسجَّل لدى شريك آخر ولا يمكن تسجيله.',
  'error.invalid-website': 'الموقع الإلكتروني لجهة الاتصال ليس عنوان ويب عامًا صالحًا.',
  'error.validation': 'الطلب غير صالح.',
  'error.not-found': 'لم يتم العثور على العنصر المطلوب.',
  'error.unauthorized': 'انتهت صلاحية جلستك. سجّل الدخول مرة أخرى وأعد المحاولة.',
  'error.forbidden': 'لا يملك حسابك صلاحية إدارة تسجيلات العملاء المحتملين.',
  'error.timeout': 'استغرقت خدمة التسجيل وقتًا طويلًا للرد. تحقق من اتصالك وأعد المحاولة.',
  'error.network': 'تعذّر الوصول إلى خدمة التسجيل. تحقق من اتصالك وأعد المحاولة.',
  'error.server': 'حدثت مشكلة في خدمة التسجيل. أعد المحاولة بعد قليل.',
  'error.bad-response': 'أرسلت خدمة التسجيل ردًا تعذّرت قراءته. أعد المحاولة بعد قليل.',
  'error.aborted': 'تم إلغاء الطلب.',

  'website.missing': 'ليس لجهة الاتصال هذه موقع إلكتروني، لذا لا يوجد نطاق لتسجيله.',
  'website.scheme': 'يجب أن يكون الموقع الإلكتروني عنوان http أو https.',
  'website.ip-address': 'الموقع الإلكتروني عنوان IP، ولا يمكن تسجيل سوى أسماء النطاقات.',
  'website.localhost': 'يشير الموقع الإلكتروني إلى هذا الكمبيوتر (localhost)، وليس إلى نطاق شركة.',
  'website.single-label': 'الموقع الإلكتروني ليس اسم نطاق كاملًا (يجب أن يتضمن نقطة، كما في acme.com).',
  'website.too-long': 'اسم نطاق الموقع الإلكتروني أطول من أن يكون صالحًا.',
  'website.characters': 'يحتوي الموقع الإلكتروني على أحرف غير مسموح بها في اسم النطاق.',

  'manager.loading': 'جارٍ تحميل تسجيلاتك…',
  'manager.search': 'بحث',
  'manager.searchPlaceholder': 'النطاق أو الشركة أو اسم جهة الاتصال أو البلد',
  'manager.selected':
    'تم تحديد {count, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}}',
  'manager.clearSelection': 'مسح التحديد',
  'manager.selectToDeregister': 'حدّد النطاقات التي تريد إلغاء تسجيلها.',
  'manager.deregister': 'إلغاء التسجيل',
  'manager.deregistered':
    'تم إلغاء تسجيل {count, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}}.',
  'manager.alreadyDeregistered':
    'سبق إلغاء تسجيل {count, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}}.',
  'manager.alsoAlreadyDeregistered':
    'وسبق إلغاء تسجيل {count, plural, zero {#} one {واحد} two {اثنين} few {#} many {#} other {#}} منها.',
  'manager.used': 'تم استخدام {used} من أصل {limit}.',
  'manager.matches':
    '{count, plural, =0 {لا يطابق أي نطاق.} zero {يطابق # نطاق.} one {يطابق نطاق واحد.} two {يطابق نطاقان.} few {يطابق # نطاقات.} many {يطابق # نطاقًا.} other {يطابق # نطاق.}}',
  'manager.sorted':
    'تم الترتيب حسب {column}، {order, select, asc {من الألف إلى الياء} desc {من الياء إلى الألف} oldest {الأقدم أولًا} soonest {الأقرب أولًا} latest {الأبعد أولًا} other {الأحدث أولًا}}.',
  'manager.showing': '{total, plural, =0 {لا توجد نطاقات لعرضها.} other {عرض {first}–{last} من #.}}',

  'table.caption': 'النطاقات المسجَّلة',
  'table.selectAll': 'تحديد كل النطاقات في هذه الصفحة',
  'table.select': 'تحديد {domain}',
  'table.domain': 'النطاق',
  'table.company': 'الشركة',
  'table.contactName': 'اسم جهة الاتصال',
  'table.country': 'البلد',
  'table.registeredAt': 'تاريخ التسجيل',
  'table.empty': 'لا توجد نطاقات مسجَّلة ضمن سعتك بعد.',
  'table.emptyHint': 'تظهر النطاقات هنا عند تسجيل العملاء المحتملين من صفحات جهات الاتصال الخاصة بهم.',
  'table.noMatch': 'لا توجد نطاقات مسجَّلة تطابق «{search}».',
  'table.clearSearch': 'مسح البحث',
  'table.rowsPerPage': 'عدد الصفوف في الصفحة',
  'table.range': '{total, plural, =0 {# من #} other {{first}–{last} من #}}',
  'table.pages': 'الصفحات',
  'table.firstPage': 'الصفحة الأولى',
  'table.previousPage': 'الصفحة السابقة',
  'table.nextPage': 'الصفحة التالية',
  'table.lastPage': 'الصفحة الأخيرة',

  'confirm.title':
    'إلغاء تسجيل {count, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}}؟',
  'confirm.explanation':
    'يؤدي إلغاء التسجيل إلى تحرير {count, plural, one {هذا النطاق} two {هذين النطاقين} other {هذه النطاقات}} من سعتك، ولن تعود مؤهلًا للحصول على العمولة أو مزايا Sold MRR إذا اشترى {count, plural, one {هذا العميل المحتمل} two {هذان العميلان المحتملان} other {هؤلاء العملاء المحتملون}}.',
  'confirm.domains': 'النطاقات المراد إلغاء تسجيلها',
  'confirm.tooMany':
    'يمكنك إلغاء تسجيل {max, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}} كحد أقصى في المرة الواحدة. حدّد عددًا أقل وأعد المحاولة.',
  'confirm.cancel': 'إلغاء',
  'confirm.deregistering': 'جارٍ إلغاء التسجيل…',
  'confirm.confirm': 'نعم، ألغِ التسجيل',

  'export.start': 'تصدير CSV',
  'export.cancel': 'إلغاء التصدير',
  'export.progress': 'جارٍ تصدير {done} من {total}…',
  'export.done':
    'تم تصدير {count, plural, zero {# تسجيل} one {تسجيل واحد} two {تسجيلين} few {# تسجيلات} many {# تسجيلًا} other {# تسجيل}} إلى {fileName}.',
  'export.cancelled': 'تم إلغاء التصدير.',
  'export.failed': 'توقف التصدير. {reason}',
  'export.fileName': 'التسجيلات-{date}.csv',

  'manager.filter': 'عرض',
  'manager.filterAll': 'كل التسجيلات',
  'manager.filterExpiring':
    'تنتهي خلال {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}',
  'manager.selectToRenewOrDeregister': 'حدّد النطاقات التي تريد تجديدها أو إلغاء تسجيلها.',
  'manager.renew': 'تجديد',
  'table.status': 'الحالة',
  'table.registered': 'مسجَّل',
  'table.expiresAt': 'ينتهي في',
  'table.noExpiry': 'لا ينتهي',
  'table.expiresIn':
    '{days, plural, zero {خلال # يوم} one {خلال يوم واحد} two {خلال يومين} few {خلال # أيام} many {خلال # يومًا} other {خلال # يوم}}',
  'table.nonePending': 'لا توجد تسجيلات قيد المراجعة.',
  'table.noneExpiring':
    'لا توجد تسجيلات تنتهي خلال {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.',
  'renewal.title':
    'هل تريد تجديد {count, plural, zero {# نطاق} one {نطاق واحد} two {نطاقين} few {# نطاقات} many {# نطاقًا} other {# نطاق}}؟',
  'renewal.newDate': 'الانتهاء الجديد: {date}',
  'renewal.renewing': 'جارٍ التجديد…',
  'renewal.renewed':
    '{count, plural, =0 {لم يُجدَّد أي نطاق.} zero {تم تجديد # نطاق.} one {تم تجديد نطاق واحد.} two {تم تجديد نطاقين.} few {تم تجديد # نطاقات.} many {تم تجديد # نطاقًا.} other {تم تجديد # نطاق.}}',
  'renewal.notRenewed':
    '{count, plural, zero {تعذّر تجديد # نطاق.} one {تعذّر تجديد نطاق واحد.} two {تعذّر تجديد نطاقين.} few {تعذّر تجديد # نطاقات.} many {تعذّر تجديد # نطاقًا.} other {تعذّر تجديد # نطاق.}}',
  'renewal.explanation':
    'يمدّد التجديد كل تسجيل {days, plural, zero {# يوم} one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} من تاريخ انتهائه الحالي.',
  'renewal.tooMany': 'يمكنك تجديد ما يصل إلى {max} نطاق في المرة الواحدة.',

  'meter.label': 'سعة التسجيل',
  'meter.labelCompact': 'السعة',
  'meter.summaryCompact': '{used} من {limit}',
  'meter.tier': '{level, select, untiered {شريك بدون مستوى} other {شريك {tier}}}',
  'meter.full': 'السعة ممتلئة: ألغِ تسجيل عملاء محتملين لتسجيل عملاء جدد.',
  'meter.fullCompact': 'ممتلئة',
  'meter.nearlyFull':
    'أوشكت السعة على الامتلاء: المتبقي {count, plural, zero {لا شيء} one {نطاق واحد} two {نطاقان} few {# نطاقات} many {# نطاقًا} other {# نطاق}}.',
  'meter.nearlyFullCompact': 'أوشكت على الامتلاء',
  'meter.loading': 'جارٍ تحميل سعتك…',
  'meter.loadingCompact': 'السعة…',
  'meter.expiringSoon':
    '{count, plural, zero {لا ينتهي أي تسجيل خلال {days} يومًا.} one {ينتهي تسجيل واحد خلال {days} يومًا.} two {ينتهي تسجيلان خلال {days} يومًا.} few {تنتهي # تسجيلات خلال {days} يومًا.} many {ينتهي # تسجيلًا خلال {days} يومًا.} other {ينتهي # تسجيل خلال {days} يومًا.}}',
  'meter.loadError': 'تعذّر تحميل سعتك. {message}',
  'meter.retry': 'إعادة تحميل سعتك',

  'tier.untiered': 'بدون مستوى',
  'tier.silver': 'فضي',
  'tier.gold': 'ذهبي',
  'tier.platinum': 'بلاتيني',
  'tier.diamond': 'ماسي',
} satisfies Messages;
