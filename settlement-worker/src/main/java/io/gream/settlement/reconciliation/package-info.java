/**
 * Reconciliation: the gateway's record of charges and refunds for a time window, compared with what the ledger says
 * moved through it, every difference reported ({@link io.gream.settlement.reconciliation.Reconciler}); scheduled on
 * one replica at a time, and on demand ({@link io.gream.settlement.reconciliation.ReconciliationEndpoint}).
 */
package io.gream.settlement.reconciliation;
