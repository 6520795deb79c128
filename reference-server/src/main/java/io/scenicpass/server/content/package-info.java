/**
 * OCTO content (issue 16, capability {@code octo/content}): customer-facing titles, descriptions, features, FAQs,
 * media, locations and categories per product, option and unit in several languages (zh-CN, en…), set by operators
 * through the admin API and shown to resellers in the language their {@code Accept-Language} prefers.
 */
package io.scenicpass.server.content;
