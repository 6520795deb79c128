/** ScenicPass reference-server. */
package io.scenicpass.server;
