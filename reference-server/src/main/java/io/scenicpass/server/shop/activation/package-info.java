/**
 * The shop's annual pass activation (issue #23): the signed-in buyer activates an annual pass of their order for its
 * holder (a document and a photo, with consent to face use); the photo becomes the gates' face template on the server
 * ({@code face/FacePhotos}) and the pass is activated through {@code passes/AnnualPasses} with enrolment source SHOP.
 */
package io.scenicpass.server.shop.activation;
