/** Spanish (usted, neutral between Spain and Latin America): its messages, in the order of `en.ts`. */
export const es = [
  'Punto de carga', // portGroup
  'No hay puntos de carga reservables aquí', // portsEmpty
  'Cargando puntos…', // portsLoading
  '#{id}', // portFallbackName
  '{power} kW', // portPower
  'Fuera de servicio', // portOutOfOrder
  'No disponible', // portUnavailable
  'Hora de inicio', // slotGroup
  'Cargando horarios…', // slotsLoading
  'Día anterior', // slotPrevDay
  'Día siguiente', // slotNextDay
  'No hay horarios libres', // slotNoTimes
  'Zona horaria: {zone}', // slotTimeZone
  '{time}, {date}, {duration}', // slotName
  'Correo electrónico', // emailLabel
  'Introduzca un correo válido.', // emailInvalid
  'Ninguna cuenta usa este correo.', // emailNotFound
  'Regístrese en la app de conductores', // emailSignUp
  '(pestaña nueva)', // newTab
  'Reservar', // book
  'Reservando…', // booking
  'Enviando solicitud…', // statusSending
  'Esperando confirmación…', // statusPending
  'Reserva confirmada', // statusConfirmed
  'Reserva rechazada', // statusRejected
  'Reserva rechazada: {reason}', // statusRejectedReason
  'Sigue pendiente. Consulte la app de conductores.', // statusTimeout
  'Algo salió mal.', // statusError
  'Elegir otra hora', // pickAgain
  'Volver a comprobar', // checkAgain
  'Reintentar', // tryAgain
  'Reservar una carga', // locationFallback
  'Duración', // duration
  'Su zona horaria: {zone}', // zoneDiffers
  'Elija un punto de carga.', // pickPort
  'Elija un punto de carga para ver sus horarios.', // portFirst
  'Elija una hora.', // pickTime
  'Sin motivo indicado.', // noReason
  'Reservar de nuevo', // bookAnother
  'Sin conexión. Lo reintentaremos al volver.', // offline
  'Este widget no tiene una ubicación válida.', // errorConfig
  'Servicio de reservas inaccesible.', // errorNetwork
  'Acceso denegado.', // errorUnauthorized
  'Aquí no se permiten reservas.', // errorForbidden
  'Ubicación no encontrada.', // errorNotFound
  'Demasiadas solicitudes. Reintente pronto.', // errorRateLimited
  'Solicitud no aceptada.', // errorValidation
  'Respuesta ilegible del servicio.', // errorBadResponse
  'El servicio tardó demasiado.', // errorTimeout
];
