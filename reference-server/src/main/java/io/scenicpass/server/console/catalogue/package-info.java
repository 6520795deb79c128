/**
 * The console's catalogue editing (issues #20 and #23): the products' list and a new product's form, and one
 * product's page with its price grid per unit and channel, real-name and concession rules, active and online-claim
 * switches and pass terms. Handlers are thin over the catalogue, identity and passes services; each change needs the
 * right its admin route needs ({@link io.scenicpass.server.console.RouteRights}) and is audited. Texts in the bundle
 * {@code console-products} (zh-CN, en).
 */
package io.scenicpass.server.console.catalogue;
