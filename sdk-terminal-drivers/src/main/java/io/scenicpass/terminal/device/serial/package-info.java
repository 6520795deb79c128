/**
 * Serial and RS-485 drivers (artifact {@code sdk-terminal-drivers}): QR scanners, Chinese ID card readers, MRZ
 * readers and ESC/POS ticket printers ({@link io.scenicpass.terminal.device.serial.SerialTicketPrinter}) over
 * jSerialComm, and Modbus RTU turnstiles and environment sensors on a
 * {@link io.scenicpass.terminal.device.serial.ModbusRtuBus} (j2mod framing). Each implements the device SPI of
 * {@code io.scenicpass.terminal.device}, reconnects by itself and reports faults as health, never as exceptions.
 */
package io.scenicpass.terminal.device.serial;
