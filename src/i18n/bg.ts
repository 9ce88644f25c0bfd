/** Bulgarian: its messages, in the order of `en.ts`. */
export const bg = [
  'Зарядна точка', // portGroup
  'Няма точки за резервиране', // portsEmpty
  'Зареждане на точките…', // portsLoading
  '#{id}', // portFallbackName
  '{power} kW', // portPower
  'Не работи', // portOutOfOrder
  'Недостъпна', // portUnavailable
  'Начален час', // slotGroup
  'Зареждане на часовете…', // slotsLoading
  'Предишен ден', // slotPrevDay
  'Следващ ден', // slotNextDay
  'Няма свободни часове', // slotNoTimes
  'Часова зона: {zone}', // slotTimeZone
  '{time}, {date}, {duration}', // slotName
  'Имейл', // emailLabel
  'Въведете валиден имейл.', // emailInvalid
  'Няма профил с този имейл.', // emailNotFound
  'Регистрация в приложението за шофьори', // emailSignUp
  '(нов раздел)', // newTab
  'Резервирайте', // book
  'Резервиране…', // booking
  'Изпращане на заявката…', // statusSending
  'Изчакване на потвърждение…', // statusPending
  'Резервацията е потвърдена', // statusConfirmed
  'Резервацията е отхвърлена', // statusRejected
  'Резервацията е отхвърлена: {reason}', // statusRejectedReason
  'Все още в очакване. Вижте приложението за шофьори.', // statusTimeout
  'Нещо се обърка.', // statusError
  'Изберете друг час', // pickAgain
  'Проверете отново', // checkAgain
  'Опитайте отново', // tryAgain
  'Резервирайте зареждане', // locationFallback
  'Продължителност', // duration
  'Вашата часова зона: {zone}', // zoneDiffers
  'Изберете зарядна точка.', // pickPort
  'Изберете зарядна точка, за да видите часовете.', // portFirst
  'Изберете начален час.', // pickTime
  'Без посочена причина.', // noReason
  'Нова резервация', // bookAnother
  'Няма връзка. Ще опитаме отново по-късно.', // offline
  'Този модул няма валидно място.', // errorConfig
  'Няма връзка с услугата за резервации.', // errorNetwork
  'Достъпът е отказан.', // errorUnauthorized
  'Тук не е разрешено резервиране.', // errorForbidden
  'Мястото не е намерено.', // errorNotFound
  'Твърде много заявки. Опитайте след малко.', // errorRateLimited
  'Заявката не е приета.', // errorValidation
  'Нечетим отговор от услугата.', // errorBadResponse
  'Услугата не отговори навреме.', // errorTimeout
];
