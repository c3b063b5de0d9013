/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Stripe's error codes (Stripe.js decline reasons and field errors, the server's card_declined) in
 * the buyer's words. Part of the Stripe chunk: the element's own tables (../messages.ts) have
 * only the codes every provider shares; a code in neither shows Stripe's own message.
 */
import type {ErrorTables} from '../messages.js';

export const stripeMessages: ErrorTables = {
  en: {
    card_declined: 'Your card was declined. Please try another card.',
    insufficient_funds:
      'Your card has insufficient funds. Please try another card.',
    expired_card: 'Your card has expired. Please try another card.',
    incorrect_cvc: "Your card's security code is incorrect.",
    payment_intent_authentication_failure:
      'We could not authenticate your payment. Please try again or use another card.',
    processing_error:
      'An error occurred while processing your card. Please try again.',
    api_connection_error:
      'We could not reach the payment provider. Please check your connection and try again.',
    validation_error: 'Please check your payment details.',
  },
  fr: {
    card_declined:
      'Votre carte a été refusée. Veuillez essayer une autre carte.',
    insufficient_funds:
      'Les fonds de votre carte sont insuffisants. Veuillez essayer une autre carte.',
    expired_card: 'Votre carte a expiré. Veuillez essayer une autre carte.',
    incorrect_cvc: 'Le code de sécurité de votre carte est incorrect.',
    payment_intent_authentication_failure:
      "Nous n'avons pas pu authentifier votre paiement. Veuillez réessayer ou utiliser une autre carte.",
    processing_error:
      'Une erreur est survenue lors du traitement de votre carte. Veuillez réessayer.',
    api_connection_error:
      'Impossible de joindre le prestataire de paiement. Vérifiez votre connexion et réessayez.',
    validation_error: 'Veuillez vérifier vos informations de paiement.',
  },
  de: {
    card_declined:
      'Ihre Karte wurde abgelehnt. Bitte versuchen Sie es mit einer anderen Karte.',
    insufficient_funds:
      'Ihre Karte ist nicht ausreichend gedeckt. Bitte versuchen Sie es mit einer anderen Karte.',
    expired_card:
      'Ihre Karte ist abgelaufen. Bitte versuchen Sie es mit einer anderen Karte.',
    incorrect_cvc: 'Der Sicherheitscode Ihrer Karte ist falsch.',
    payment_intent_authentication_failure:
      'Ihre Zahlung konnte nicht authentifiziert werden. Bitte versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
    processing_error:
      'Bei der Verarbeitung Ihrer Karte ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
    api_connection_error:
      'Der Zahlungsanbieter ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    validation_error: 'Bitte prüfen Sie Ihre Zahlungsdaten.',
  },
};
