/**
 * Offline selling at the box office (issue 17): per-device allotments reserved out of a slot's inventory, and the
 * sync of the sales a box office made from them while the cloud was down (each once, never beyond the allotment).
 */
package io.scenicpass.server.counter.offline;
