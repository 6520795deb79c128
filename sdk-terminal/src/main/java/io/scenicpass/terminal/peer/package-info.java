/**
 * Gate-to-gate exchange of entry events on the LAN while the cloud is down:
 * {@link io.scenicpass.terminal.peer.PeerNetwork} links a gate to the other gates of its site (listed with
 * their pair keys in the device config, or given by the operator) over authenticated, encrypted TCP links,
 * so a pass used at one gate is refused at the others.
 */
package io.scenicpass.terminal.peer;
