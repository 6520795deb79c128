/**
 * Real-name tickets (issue 14): the visitor's identity document given with an OCTO unit item, validated (GB 11643 for
 * CN_ID, plausible formats for the others, age on the visit date), stored only as keyed hashes and AES-GCM
 * ciphertexts, shown masked, bound into the passes and the gates' manifest, limited per document and day, blacklisted
 * by document, and erased after the retention period or on request.
 */
package io.scenicpass.server.identity;
