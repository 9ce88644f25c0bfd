/** German: its messages, in the order of `en.ts`. */
export const de = [
  'Ladepunkt', // portGroup
  'Keine buchbaren Ladepunkte hier', // portsEmpty
  'Lade Ladepunkte…', // portsLoading
  '#{id}', // portFallbackName
  '{power} kW', // portPower
  'Außer Betrieb', // portOutOfOrder
  'Nicht verfügbar', // portUnavailable
  'Startzeit', // slotGroup
  'Lade Zeiten…', // slotsLoading
  'Vorheriger Tag', // slotPrevDay
  'Nächster Tag', // slotNextDay
  'Keine freien Zeiten', // slotNoTimes
  'Zeitzone: {zone}', // slotTimeZone
  '{time}, {date}, {duration}', // slotName
  'E-Mail', // emailLabel
  'Gültige E-Mail eingeben.', // emailInvalid
  'Kein Konto mit dieser E-Mail.', // emailNotFound
  'In der Fahrer-App registrieren', // emailSignUp
  '(neuer Tab)', // newTab
  'Buchen', // book
  'Wird gebucht…', // booking
  'Anfrage wird gesendet…', // statusSending
  'Warten auf Bestätigung…', // statusPending
  'Buchung bestätigt', // statusConfirmed
  'Buchung abgelehnt', // statusRejected
  'Buchung abgelehnt: {reason}', // statusRejectedReason
  'Noch offen. Siehe Fahrer-App.', // statusTimeout
  'Etwas ist schiefgelaufen.', // statusError
  'Andere Zeit wählen', // pickAgain
  'Erneut prüfen', // checkAgain
  'Erneut versuchen', // tryAgain
  'Ladetermin buchen', // locationFallback
  'Dauer', // duration
  'Ihre Zeitzone: {zone}', // zoneDiffers
  'Zuerst Ladepunkt wählen.', // pickPort
  'Ladepunkt wählen, um Zeiten zu sehen.', // portFirst
  'Zuerst Startzeit wählen.', // pickTime
  'Kein Grund angegeben.', // noReason
  'Neu buchen', // bookAnother
  'Offline. Neuer Versuch, sobald Sie online sind.', // offline
  'Dieses Widget hat keinen gültigen Standort.', // errorConfig
  'Buchungsdienst nicht erreichbar.', // errorNetwork
  'Zugriff verweigert.', // errorUnauthorized
  'Buchen hier nicht erlaubt.', // errorForbidden
  'Standort nicht gefunden.', // errorNotFound
  'Zu viele Anfragen. Gleich erneut versuchen.', // errorRateLimited
  'Anfrage nicht angenommen.', // errorValidation
  'Unlesbare Antwort vom Dienst.', // errorBadResponse
  'Der Dienst hat zu lange gebraucht.', // errorTimeout
];
