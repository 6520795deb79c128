/**
 * Pass products (issue #23): the terms a product's passes carry beyond single entry — day passes with re-entry after
 * exit, multi-day passes (N days within a window), N-entry passes, annual passes (one entry a day at the product's
 * zones) — shaped into the claims at issuance, and the annual pass's lifecycle: activation with the holder and an
 * enrolment before a deadline, freeze (through the gates' blacklist sync), appeal and unfreeze, renewal, refund pro
 * rata.
 */
package io.scenicpass.server.passes;
