/**
 * A face matcher for sdk-terminal's biometric SPI on OpenCV: {@link io.scenicpass.face.opencv.OpenCvFace} turns a
 * photo into a template (Haar cascades find the face and the eyes, the face is aligned on the eyes, the OpenCV face
 * module's LBPH features describe it) and gives an {@link io.scenicpass.face.opencv.OpenCvFaceMatcher} for 1:1 and
 * 1:N matching; {@link io.scenicpass.face.opencv.OpenCvPhotoTemplates} is sdk-terminal's photo SPI for a server (the
 * shop's activation photo to the same template), found by {@link java.util.ServiceLoader}. Liveness is not judged
 * here: that stays the camera vendor's job (the SPI carries its result).
 */
package io.scenicpass.face.opencv;
