/** Example: an OTA booking a timed ticket through {@link io.scenicpass.channel.ChannelClient} and showing its QR code. */
package io.scenicpass.examples.ota;
