/** The operator's face API under {@code /admin/v1/identity/faces} and {@code /admin/v1/identity/face-settings}. */
package io.scenicpass.server.face.http;
