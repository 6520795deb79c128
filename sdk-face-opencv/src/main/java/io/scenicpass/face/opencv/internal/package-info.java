/** Internals of the OpenCV face matcher: loading the native library, aligning faces, features, templates. */
package io.scenicpass.face.opencv.internal;
