/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * PayPal's error codes (the server's answers to a capture PayPal refused, the SDK's onError) in
 * the buyer's words. Part of the PayPal chunk: the element's own tables (../messages.ts) have
 * only the codes every provider shares.
 */
import type {ErrorTables} from '../messages.js';

export const paypalMessages: ErrorTables = {
  en: {
    instrument_declined:
      'Your card was declined by PayPal; choose another way to pay.',
    payment_refused:
      'PayPal refused this payment. Nothing was charged; please choose another way to pay.',
    payer_action_required:
      'PayPal needs you to complete a step first. Please try again.',
    order_not_approved:
      'The payment was not approved in PayPal. Please try again.',
    paypal_error:
      'PayPal could not complete your payment. Nothing was charged; please try again or choose another way to pay.',
  },
  fr: {
    instrument_declined:
      'Votre carte a été refusée par PayPal ; choisissez un autre moyen de paiement.',
    payment_refused:
      "PayPal a refusé ce paiement. Aucun montant n'a été débité ; veuillez choisir un autre moyen de paiement.",
    payer_action_required:
      'PayPal vous demande de terminer une étape. Veuillez réessayer.',
    order_not_approved:
      "Le paiement n'a pas été approuvé dans PayPal. Veuillez réessayer.",
    paypal_error:
      "PayPal n'a pas pu finaliser votre paiement. Aucun montant n'a été débité ; veuillez réessayer ou choisir un autre moyen de paiement.",
  },
  de: {
    instrument_declined:
      'Ihre Karte wurde von PayPal abgelehnt; bitte wählen Sie eine andere Zahlungsart.',
    payment_refused:
      'PayPal hat diese Zahlung abgelehnt. Es wurde nichts abgebucht; bitte wählen Sie eine andere Zahlungsart.',
    payer_action_required:
      'PayPal benötigt zuerst einen weiteren Schritt von Ihnen. Bitte versuchen Sie es erneut.',
    order_not_approved:
      'Die Zahlung wurde in PayPal nicht freigegeben. Bitte versuchen Sie es erneut.',
    paypal_error:
      'PayPal konnte Ihre Zahlung nicht abschließen. Es wurde nichts abgebucht; bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.',
  },
};
