/** French (a no-break space before `:`): its messages, in the order of `en.ts`. */
export const fr = [
  'Point de charge', // portGroup
  'Aucun point de charge réservable ici', // portsEmpty
  'Chargement des points…', // portsLoading
  '#{id}', // portFallbackName
  '{power} kW', // portPower
  'Hors service', // portOutOfOrder
  'Indisponible', // portUnavailable
  'Heure de début', // slotGroup
  'Chargement des horaires…', // slotsLoading
  'Jour précédent', // slotPrevDay
  'Jour suivant', // slotNextDay
  'Aucun créneau libre', // slotNoTimes
  'Fuseau horaire\u00a0: {zone}', // slotTimeZone
  '{time}, {date}, {duration}', // slotName
  'E-mail', // emailLabel
  'Saisissez un e-mail valide.', // emailInvalid
  'Aucun compte avec cet e-mail.', // emailNotFound
  'S’inscrire dans l’appli conducteur', // emailSignUp
  '(nouvel onglet)', // newTab
  'Réserver', // book
  'Réservation…', // booking
  'Envoi de la demande…', // statusSending
  'En attente de confirmation…', // statusPending
  'Réservation confirmée', // statusConfirmed
  'Réservation refusée', // statusRejected
  'Réservation refusée\u00a0: {reason}', // statusRejectedReason
  'Toujours en attente. Voir l’appli conducteur.', // statusTimeout
  'Une erreur s’est produite.', // statusError
  'Choisir un autre horaire', // pickAgain
  'Vérifier à nouveau', // checkAgain
  'Réessayer', // tryAgain
  'Réserver une recharge', // locationFallback
  'Durée', // duration
  'Votre fuseau horaire\u00a0: {zone}', // zoneDiffers
  'Choisissez un point de charge.', // pickPort
  'Choisissez un point de charge pour voir ses horaires.', // portFirst
  'Choisissez une heure.', // pickTime
  'Aucune raison donnée.', // noReason
  'Réserver à nouveau', // bookAnother
  'Hors ligne. Nouvel essai à la reconnexion.', // offline
  'Ce module n’a pas de site valide.', // errorConfig
  'Service de réservation injoignable.', // errorNetwork
  'Accès refusé.', // errorUnauthorized
  'Réservation non autorisée ici.', // errorForbidden
  'Site introuvable.', // errorNotFound
  'Trop de requêtes. Réessayez dans un instant.', // errorRateLimited
  'Demande non acceptée.', // errorValidation
  'Réponse illisible du service.', // errorBadResponse
  'Le service a mis trop de temps.', // errorTimeout
];
