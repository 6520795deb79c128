/** HTTP for content: the operator's content API, the public media files, and content added to OCTO answers. */
package io.scenicpass.server.content.http;
