/**
 * The counter (issue 17): selling on site at kiosks (unattended) and box offices (staffed). Devices with a selling
 * role ({@link io.scenicpass.server.terminal.DeviceRole}) sell ordinary bookings of the channel {@code counter} through
 * the same inventory, real-name rules and issuance as every channel; each booking is linked to a {@code counter_sale}
 * that records the device, the payment and the sale's state. Box-office shifts, offline selling, pick-up and invoices
 * live in sub-packages of their own.
 */
package io.scenicpass.server.counter;
