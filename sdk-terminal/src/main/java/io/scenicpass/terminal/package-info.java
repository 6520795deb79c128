/** ScenicPass sdk-terminal: see docs/ for the guide to this module. */
package io.scenicpass.terminal;
