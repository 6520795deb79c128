/** The questions' HTTP faces: their part of OCTO bookings and products, and the operator's admin API. */
package io.scenicpass.server.questions.http;
