/**
 * ScenicPass's design language for its own screens (the kiosk's touch UI; the shop and the operator console next):
 * one stylesheet, {@link io.scenicpass.design.Design#STYLESHEET}, served by whichever screen's server.
 */
package io.scenicpass.design;
