/** ScenicPass sdk-core: see docs/ for the guide to this module. */
package io.scenicpass.core;
