/** The admin API ({@code /admin/v1}) for machines holding the admin token: thin handlers over the services. */
package io.scenicpass.server.admin.http;
