/**
 * The kiosk's reference touch UI: {@link io.scenicpass.cli.kioskui.KioskUi} serves the screens (JTE templates in
 * src/main/jte/kiosk, precompiled; words in messages_zh_CN / messages_en; the shared ui-design stylesheet) on a local
 * port for the kiosk's full-screen browser, and drives the sale through a {@link io.scenicpass.cli.kioskui.KioskBackend}.
 */
package io.scenicpass.cli.kioskui;
