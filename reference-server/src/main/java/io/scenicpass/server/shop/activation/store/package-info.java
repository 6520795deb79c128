/** The holders' recorded consents to face use (table {@code face_consent}). */
package io.scenicpass.server.shop.activation.store;
