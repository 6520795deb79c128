/** SQL for channels, their keys and the webhook outbox. */
package io.scenicpass.server.channels.store;
