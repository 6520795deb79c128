/** The SQL of face templates ({@code face_template}, V86). */
package io.scenicpass.server.face.store;
