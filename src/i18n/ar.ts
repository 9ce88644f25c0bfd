/**
 * Arabic (Modern Standard; written right to left: see `direction()` in `./index.ts`): its messages,
 * in the order of `en.ts`.
 */
export const ar = [
  'نقطة الشحن', // portGroup
  'لا توجد نقاط قابلة للحجز', // portsEmpty
  'جارٍ تحميل النقاط…', // portsLoading
  '#{id}', // portFallbackName
  '{power} كيلوواط', // portPower
  'معطّلة', // portOutOfOrder
  'غير متاحة', // portUnavailable
  'وقت البدء', // slotGroup
  'جارٍ تحميل الأوقات…', // slotsLoading
  'اليوم السابق', // slotPrevDay
  'اليوم التالي', // slotNextDay
  'لا توجد أوقات متاحة', // slotNoTimes
  'المنطقة الزمنية: {zone}', // slotTimeZone
  '{time}، {date}، {duration}', // slotName
  'البريد الإلكتروني', // emailLabel
  'أدخل بريدًا صالحًا.', // emailInvalid
  'لا يوجد حساب بهذا البريد.', // emailNotFound
  'أنشئ حسابًا في تطبيق السائق', // emailSignUp
  '(علامة تبويب جديدة)', // newTab
  'احجز', // book
  'جارٍ الحجز…', // booking
  'جارٍ إرسال الطلب…', // statusSending
  'بانتظار التأكيد…', // statusPending
  'تم تأكيد الحجز', // statusConfirmed
  'تم رفض الحجز', // statusRejected
  'تم رفض الحجز: {reason}', // statusRejectedReason
  'لا يزال قيد الانتظار. تحقّق من تطبيق السائق.', // statusTimeout
  'حدث خطأ ما.', // statusError
  'اختر وقتًا آخر', // pickAgain
  'تحقّق مرة أخرى', // checkAgain
  'حاول مرة أخرى', // tryAgain
  'احجز موعد شحن', // locationFallback
  'المدة', // duration
  'منطقتك الزمنية: {zone}', // zoneDiffers
  'اختر نقطة شحن.', // pickPort
  'اختر نقطة شحن لعرض الأوقات.', // portFirst
  'اختر وقت البدء.', // pickTime
  'لم يُذكر سبب.', // noReason
  'احجز موعدًا آخر', // bookAnother
  'غير متصل. سنعيد المحاولة لاحقًا.', // offline
  'لا تحتوي هذه الأداة على موقع صالح.', // errorConfig
  'تعذّر الوصول إلى خدمة الحجز.', // errorNetwork
  'تم رفض الوصول.', // errorUnauthorized
  'الحجز غير مسموح هنا.', // errorForbidden
  'الموقع غير موجود.', // errorNotFound
  'طلبات كثيرة جدًا. حاول بعد قليل.', // errorRateLimited
  'لم يُقبل الطلب.', // errorValidation
  'ردّ غير مقروء من الخدمة.', // errorBadResponse
  'استغرقت الخدمة وقتًا طويلًا.', // errorTimeout
];
