/** The SQL of payments: payments, their refunds and the audit trail of provider calls. */
package io.scenicpass.server.payments.store;
