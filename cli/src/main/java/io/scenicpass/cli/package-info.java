/** ScenicPass cli. */
package io.scenicpass.cli;
