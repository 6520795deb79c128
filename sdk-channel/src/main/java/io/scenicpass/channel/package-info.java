/** ScenicPass sdk-channel: see docs/ for the guide to this module. */
package io.scenicpass.channel;
