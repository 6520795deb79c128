/** Implementation details of the OCTO model (JSON codecs); not API, may change without notice. */
package io.scenicpass.channel.model.internal;
