/** The payments' HTTP: the operator's read-only payment list and provider settings, the providers' notifications. */
package io.scenicpass.server.payments.http;
